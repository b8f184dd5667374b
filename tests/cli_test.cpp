// Tests of the command line: the real `winnow` binary run as a process, with stdin from a file and
// stdout and stderr captured, for each command and its exit codes (0 ok, 1 regression or failure,
// 2 bad usage or unreadable input).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "process_support.h"
#include "test_support.h"

namespace winnow {
namespace {

using testing::TempDir;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string first_seed() { return testing::seed_paths().at(0).string(); }

int non_blank_lines(const std::string& text) {
  int count = 0;
  for (const std::string& line : lines_of(text)) {
    count += line.find_first_not_of(" \t\r") != std::string::npos ? 1 : 0;
  }
  return count;
}

const std::string kParagraph =
    "The harbour council in Port Ellery voted on Thursday to rebuild the town's old wooden pier, ending a dispute "
    "that had divided residents for almost three years and had twice reached the regional court.";

// A golden set of two text cases in <dir>/set.
std::string write_golden_set(const TempDir& dir) {
  dir.write("set/one.txt", "Share This\n" + kParagraph + "\n");
  dir.write("set/one.gold.txt", kParagraph + "\n");
  dir.write("set/two.txt", "Menu\n" + kParagraph + " Again.\nBack to top\n");
  dir.write("set/two.gold.txt", kParagraph + " Again.\n");
  return dir / "set";
}

TEST(Cli, HelpListsTheCommands) {
  const Outcome run = run_winnow({"--help"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  for (const char* command : {"batch", "--jsonl", "explain", "regress", "train"}) {
    EXPECT_NE(run.out.find(command), std::string::npos) << command << " missing from:\n" << run.out;
  }
  EXPECT_EQ(run_winnow({"regress", "--help"}).exit_code, 0);
  EXPECT_EQ(run_winnow({"batch", "--help"}).exit_code, 0);
}

TEST(Cli, Version) {
  const Outcome run = run_winnow({"--version"});
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_NE(run.out.find("0.1.0"), std::string::npos) << run.out;
}

TEST(Cli, UnknownFlagIsUsageError) {
  const Outcome run = run_winnow({"--no-such-flag"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_FALSE(run.err.empty());
  EXPECT_EQ(run_winnow({"--output-format", "xml"}).exit_code, 2);
  EXPECT_EQ(run_winnow({"explain"}).exit_code, 2) << "explain needs a FILE";
}

TEST(Cli, AnOptionBeforeACommandIsRefusedNotIgnored) {
  const std::string seed = first_seed();
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"--model", "some.model", "explain", seed},
        std::vector<std::string>{"--input-format", "html", "explain", seed},
        std::vector<std::string>{"--output-format", "json", "regress", "golden"}}) {
    const Outcome run = run_winnow(args);
    EXPECT_EQ(run.exit_code, 2) << args[0];
    EXPECT_NE(run.err.find(args[0] + " given before '" + args[2] + "'"), std::string::npos) << run.err;
    EXPECT_TRUE(run.out.empty()) << run.out;
  }
  EXPECT_EQ(run_winnow({"explain", "--input-format", "text", seed}).exit_code, 0) << "after the command it is its own";
}

TEST(Cli, MissingFileIsUsageErrorNamingTheFile) {
  TempDir dir;
  const std::string missing = dir / "no-such-page.txt";
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{missing}, std::vector<std::string>{"explain", missing}}) {
    const Outcome run = run_winnow(args);
    EXPECT_EQ(run.exit_code, 2) << args[0];
    EXPECT_NE(run.err.find(missing), std::string::npos) << run.err;
    EXPECT_TRUE(run.out.empty()) << run.out;
  }
}

TEST(Cli, DirectoryAsInputIsUsageError) {
  TempDir dir;
  const std::string path = dir.path().string();
  for (const std::vector<std::string>& args : {std::vector<std::string>{path},
                                               std::vector<std::string>{"--input-format", "html", path},
                                               std::vector<std::string>{"explain", path}}) {
    const Outcome run = run_winnow(args);
    EXPECT_EQ(run.exit_code, 2) << args[0];
    EXPECT_NE(run.err.find(path), std::string::npos) << run.err;
  }
}

TEST(Cli, CleansAFileAndStdinAlike) {
  const std::string seed = first_seed();
  const Outcome from_file = run_winnow({seed});
  EXPECT_EQ(from_file.exit_code, 0) << from_file.err;
  EXPECT_FALSE(from_file.out.empty());
  EXPECT_EQ(from_file.out.back(), '\n');
  EXPECT_EQ(from_file.out.find("\n\n"), std::string::npos);
  EXPECT_EQ(run_winnow({}, seed).out, from_file.out);
  EXPECT_EQ(run_winnow({"-"}, seed).out, from_file.out);
}

TEST(Cli, ExplainPrintsOneLinePerBlock) {
  const std::string seed = first_seed();
  const Outcome run = run_winnow({"explain", seed});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  const std::vector<std::string> lines = lines_of(run.out);
  const int blocks = non_blank_lines(testing::read_whole_file(seed));
  ASSERT_EQ(static_cast<int>(lines.size()), blocks + 1) << "a header line, then one line per block";
  EXPECT_EQ(lines[0].rfind("# text input, " + std::to_string(blocks) + " blocks", 0), 0u) << lines[0];
  int kept = 0;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const bool keep = lines[i].find(" KEEP ") != std::string::npos;
    EXPECT_TRUE(keep || lines[i].find(" drop ") != std::string::npos) << lines[i];
    kept += keep ? 1 : 0;
  }
  EXPECT_EQ(kept, static_cast<int>(lines_of(run_winnow({seed}).out).size())) << "explain agrees with clean";
}

TEST(Cli, JsonOutputParses) {
  TempDir dir;
  const std::string seed = first_seed();
  const std::string html = dir.write("page.html", "<!DOCTYPE html><html><head><title>Pier</title></head><body><p>" +
                                                      kParagraph + "</p><p>Share This</p></body></html>");
  for (const std::string& input : {seed, html}) {
    const Outcome run = run_winnow({"--output-format", "json", input});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    nlohmann::json j;
    ASSERT_NO_THROW(j = nlohmann::json::parse(run.out)) << run.out;
    ASSERT_TRUE(j["blocks"].is_array());
    ASSERT_FALSE(j["blocks"].empty());
    for (const auto& block : j["blocks"]) {
      EXPECT_TRUE(block["text"].is_string());
      EXPECT_TRUE(block["keep"].is_boolean());
      EXPECT_TRUE(block["reason"].is_string());
      EXPECT_TRUE(block["score"].is_number());
    }
  }
  const nlohmann::json text = nlohmann::json::parse(run_winnow({"--output-format", "json", seed}).out);
  EXPECT_EQ(text["kind"], "text");
  EXPECT_EQ(static_cast<int>(text["blocks"].size()), non_blank_lines(testing::read_whole_file(seed)));
  const nlohmann::json page = nlohmann::json::parse(run_winnow({"--output-format", "json", html}).out);
  EXPECT_EQ(page["kind"], "html");
  EXPECT_EQ(nlohmann::json::parse(run_winnow({"--output-format", "json"}).out)["blocks"].size(), 0u)
      << "empty input gives an empty block list";
}

TEST(Cli, InputFormatHtmlOnATextFile) {
  TempDir dir;
  const std::string text = dir.write("page.txt", kParagraph + "\nShare This\n");
  const Outcome run = run_winnow({"--input-format", "html", "--output-format", "json", text});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  const nlohmann::json j = nlohmann::json::parse(run.out);
  EXPECT_EQ(j["kind"], "html");
  ASSERT_EQ(j["blocks"].size(), 1u) << "the lines run together as one HTML text";
  EXPECT_EQ(j["blocks"][0]["text"], kParagraph + " Share This");
  EXPECT_EQ(run_winnow({"--input-format", "html", text}).exit_code, 0);
  EXPECT_EQ(run_winnow({"explain", "--input-format", "html", text}).exit_code, 0);
}

TEST(Cli, EmptyStdinGivesEmptyOutput) {
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{}, std::vector<std::string>{"--input-format", "html"},
        std::vector<std::string>{"--input-format", "text"}}) {
    const Outcome run = run_winnow(args);
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.out, "");
  }
}

TEST(Cli, RegressAgainstAHigherBaselineFails) {
  TempDir dir;
  const std::string set = write_golden_set(dir);
  const std::string baseline = dir.write("baseline.json", R"({"set/auto": {"token_f1": 1.5}})");
  const Outcome run = run_winnow({"regress", set, "--baseline", baseline});
  EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
  EXPECT_NE(run.out.find("REGRESSION"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("set/auto"), std::string::npos) << run.out;
}

TEST(Cli, RegressUpdateBaselineWritesTheFile) {
  TempDir dir;
  const std::string set = write_golden_set(dir);
  const std::string baseline = dir / "baseline.json";
  const std::string json = dir / "figures.json";
  const Outcome update = run_winnow({"regress", set, "--baseline", baseline, "--update-baseline", "--json", json});
  EXPECT_EQ(update.exit_code, 0) << update.out << update.err;
  const nlohmann::json written = nlohmann::json::parse(testing::read_whole_file(baseline));
  ASSERT_TRUE(written.contains("set/auto")) << written.dump();
  EXPECT_TRUE(written["set/auto"].contains("token_f1"));
  EXPECT_EQ(nlohmann::json::parse(testing::read_whole_file(json))["set/auto"]["cases"], 2);

  const Outcome again = run_winnow({"regress", set, "--baseline", baseline});
  EXPECT_EQ(again.exit_code, 0) << again.out << again.err;
  EXPECT_EQ(again.out.find("REGRESSION"), std::string::npos) << again.out;

  EXPECT_EQ(run_winnow({"regress", set, "--update-baseline"}).exit_code, 2) << "--update-baseline needs --baseline";
}

TEST(Cli, RegressSavesOutputs) {
  TempDir dir;
  const std::string set = write_golden_set(dir);
  const std::string outputs = dir / "outputs";
  const Outcome run = run_winnow({"regress", set, "--save-outputs", outputs});
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_TRUE(std::filesystem::exists(outputs + "/set/one.txt"));
  EXPECT_TRUE(std::filesystem::exists(outputs + "/set/two.txt"));
}

// --save-outputs writes DIR/<set>/<id>.txt, where <set> is the name the report uses.
TEST(Cli, RegressSavesOutputsUnderTheSetNameWithATrailingSlash) {
  TempDir dir;
  const std::string set = write_golden_set(dir);
  const std::string outputs = dir / "outputs";
  const Outcome run = run_winnow({"regress", set + "/", "--save-outputs", outputs});
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
  EXPECT_TRUE(std::filesystem::exists(outputs + "/set/one.txt"));
}

TEST(Cli, ExplainReadsStdin) {
  const std::string seed = first_seed();
  const Outcome from_stdin = run_winnow({"explain", "-"}, seed);
  EXPECT_EQ(from_stdin.exit_code, 0) << from_stdin.err;
  EXPECT_EQ(from_stdin.out, run_winnow({"explain", seed}).out);
}

TEST(Cli, RegressOnAMissingSetIsUsageError) {
  TempDir dir;
  const std::string missing = dir / "no-such-set";
  const Outcome run = run_winnow({"regress", missing});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find(missing), std::string::npos) << run.err;
}

TEST(Cli, BadModelFileIsUsageErrorNamingTheFile) {
  TempDir dir;
  const std::string bad = dir.write("bad.model", "winnow-model 99\n");
  const std::string missing = dir / "missing.model";
  const std::string seed = first_seed();
  const std::string set = write_golden_set(dir);
  for (const std::string& model : {bad, missing}) {
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"--model", model, seed}, std::vector<std::string>{"explain", "--model", model, seed},
          std::vector<std::string>{"regress", "--model", model, set}}) {
      const Outcome run = run_winnow(args);
      EXPECT_EQ(run.exit_code, 2) << args[0] << " " << model;
      EXPECT_NE(run.err.find(model), std::string::npos) << run.err;
      EXPECT_TRUE(run.out.empty()) << run.out;
    }
  }
}

TEST(Cli, TrainWritesAModelTheOtherCommandsRead) {
  TempDir dir;
  const std::string set = write_golden_set(dir);
  const std::string model = dir / "trained.model";
  const Outcome train = run_winnow({"train", set, "-o", model, "--part", "all", "-j", "1"});
  ASSERT_EQ(train.exit_code, 0) << train.err;
  ASSERT_TRUE(std::filesystem::exists(model));
  EXPECT_EQ(testing::read_whole_file(model).rfind("# trained by: winnow train", 0), 0u);
  const Outcome clean = run_winnow({"--model", model, first_seed()});
  EXPECT_EQ(clean.exit_code, 0) << clean.err;
  EXPECT_EQ(run_winnow({"regress", "--model", model, set}).exit_code, 0);
}

TEST(Cli, TrainOnAMissingSetFails) {
  TempDir dir;
  const std::string missing = dir / "no-such-set";
  const Outcome run = run_winnow({"train", missing, "-o", dir / "x.model"});
  EXPECT_NE(run.exit_code, 0);
  EXPECT_NE(run.err.find(missing), std::string::npos) << run.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "x.model"));
}

// The model file is opened before training, so an unwritable place fails at once, and a failed
// run leaves neither the model nor its partial file.
TEST(Cli, TrainToAnUnwritablePlaceFailsBeforeTraining) {
  TempDir dir;
  const std::string set = write_golden_set(dir);
  const std::string model = dir / "no-such-dir/m.model";
  const Outcome run = run_winnow({"train", set, "-o", model});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find(model), std::string::npos) << run.err;
  EXPECT_EQ(run.err.find("pages with gold text"), std::string::npos) << "trained first: " << run.err;
}

TEST(Cli, TrainRefusesABadSetWeight) {
  TempDir dir;
  const std::string set = write_golden_set(dir);
  for (const char* value : {"set", "set=", "=2", "set=0", "set=-1", "set=abc", "set=1000"}) {
    const Outcome run = run_winnow({"train", set, "-o", dir / "m.model", "--set-weight", value});
    EXPECT_EQ(run.exit_code, 2) << value;
    EXPECT_NE(run.err.find("NAME=WEIGHT"), std::string::npos) << value << ": " << run.err;
  }
  const Outcome twice = run_winnow({"train", set, "-o", dir / "m.model", "--set-weight", "set=2", "--set-weight", "set=3"});
  EXPECT_EQ(twice.exit_code, 2);
  EXPECT_NE(twice.err.find("'set' is weighted twice"), std::string::npos) << twice.err;
  const Outcome unknown = run_winnow({"train", set, "-o", dir / "m.model", "--set-weight", "dragnet=2"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("'dragnet', which is not one of the sets given"), std::string::npos) << unknown.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "m.model"));
}

TEST(Cli, TrainLeavesNoPartialFile) {
  TempDir dir;
  const std::string set = write_golden_set(dir);
  const std::string model = dir / "m.model";
  ASSERT_EQ(run_winnow({"train", set, "-o", model, "--part", "all", "--rounds", "3", "-j", "1"}).exit_code, 0);
  EXPECT_TRUE(std::filesystem::exists(model));
  EXPECT_FALSE(std::filesystem::exists(model + ".partial"));
  EXPECT_NE(testing::read_whole_file(model).find(" --rounds 3 "), std::string::npos) << "options recorded";
}

// --section html with --model: the [text] section is copied from the given model, the header line
// records both options; a model file that cannot be read is refused before training.
TEST(Cli, TrainOneSectionCopiesTheOtherFromTheModelGiven) {
  TempDir dir;
  const std::string set = write_golden_set(dir);
  // The same pages as HTML, so that both sections have pages to learn from.
  dir.write("set/one.html", "<ul><li><a href=\"/s\">Share This</a></li></ul><p>" + kParagraph + "</p>");
  dir.write("set/two.html", "<nav><a href=\"/\">Menu</a></nav><p>" + kParagraph + " Again.</p><a href=\"#\">Back to top</a>");
  const std::string base = dir / "base.model";
  ASSERT_EQ(run_winnow({"train", set, "-o", base, "--part", "all", "--rounds", "3", "-j", "1"}).exit_code, 0);
  const std::string model = dir / "html.model";
  const Outcome run = run_winnow({"train", set, "-o", model, "--part", "all", "--rounds", "4", "--section", "html",
                                  "--model", base, "-j", "1"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.err.find("text:"), std::string::npos) << "the text section was learned: " << run.err;
  auto section = [](const std::string& text, const std::string& name) {
    const std::size_t begin = text.find("[" + name + "]");
    const std::size_t end = name == "text" ? text.find("[html]") : text.find("end fnv1a-64");
    return begin == std::string::npos || end == std::string::npos ? std::string() : text.substr(begin, end - begin);
  };
  const std::string base_text = testing::read_whole_file(base);
  const std::string model_text = testing::read_whole_file(model);
  EXPECT_FALSE(section(model_text, "text").empty());
  EXPECT_EQ(section(model_text, "text"), section(base_text, "text"));
  EXPECT_NE(section(model_text, "html"), section(base_text, "html"));
  EXPECT_NE(model_text.find(" --section html --model " + base + "\n"), std::string::npos);

  const Outcome missing = run_winnow({"train", set, "-o", dir / "m.model", "--section", "text", "--model", dir / "nope.model"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("nope.model"), std::string::npos) << missing.err;
  EXPECT_EQ(missing.err.find("pages with gold text"), std::string::npos) << "trained first: " << missing.err;
  EXPECT_EQ(run_winnow({"train", set, "-o", dir / "m.model", "--section", "both-ways"}).exit_code, 2);
}

TEST(Cli, ExplainWhyAddsAFeatureLinePerBlock) {
  TempDir dir;
  const std::string page = dir.write("page.txt", "Menu\n" + kParagraph + "\nShare This\n");
  const Outcome run = run_winnow({"explain", "--why", "3", page});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  const std::vector<std::string> lines = lines_of(run.out);
  int why = 0;
  for (const std::string& line : lines) why += line.find("why: ") != std::string::npos ? 1 : 0;
  EXPECT_EQ(why, 3) << run.out;
  EXPECT_EQ(lines.size(), 1u + 3u + 3u) << run.out;
}

}  // namespace
}  // namespace winnow
