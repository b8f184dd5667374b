// Tests of regress (regress.h): listing the cases of a golden set, running a set, and comparing with
// a baseline: a drop of more than 0.005 in macro F1 or a lost exact case is a regression, a drop of
// 0.004 is not.
#include "regress.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "test_support.h"

namespace winnow {
namespace {

using testing::TempDir;

// A golden set with every kind of file list_cases must tell apart.
void write_listing_set(const TempDir& dir) {
  dir.write("a.txt", "text input\n");
  dir.write("a.gold.txt", "text input\n");
  dir.write("b.html", "<p>html input</p>");
  dir.write("b.gold.txt", "html input\n");
  dir.write("c.html", "<p>both</p>");
  dir.write("c.txt", "both\n");
  dir.write("c.gold.txt", "both\n");
  dir.write("d.txt", "input without gold\n");
  dir.write("e.txt", "snippets only\n");
  dir.write("e.with.json", "[\"snippets\"]");
  dir.write("e.without.json", "[]");
  dir.write("f.gold.txt", "gold without input\n");
  dir.write("README.md", "# not a case\n");
}

std::vector<std::string> ids_and_kinds(const std::vector<GoldenCase>& cases) {
  std::vector<std::string> out;
  for (const GoldenCase& c : cases) out.push_back(c.id + (c.is_html ? ":html" : ":text"));
  return out;
}

TEST(ListCases, FindsCasesInIdOrderPerMode) {
  TempDir dir;
  write_listing_set(dir);
  const struct {
    CaseMode mode;
    std::vector<std::string> cases;
  } modes[] = {
      {CaseMode::kAuto, {"a:text", "b:html", "c:html", "e:text"}},
      {CaseMode::kHtml, {"b:html", "c:html"}},
      {CaseMode::kText, {"a:text", "c:text", "e:text"}},
  };
  for (const auto& m : modes) {
    std::vector<GoldenCase> cases;
    const Status status = list_cases(dir.path().string(), m.mode, Part::kAll, &cases);
    ASSERT_TRUE(status.ok()) << status.message;
    EXPECT_EQ(ids_and_kinds(cases), m.cases) << case_mode_name(m.mode);
  }
}

TEST(ListCases, PathsOfEachFile) {
  TempDir dir;
  write_listing_set(dir);
  std::vector<GoldenCase> cases;
  ASSERT_TRUE(list_cases(dir.path().string(), CaseMode::kText, Part::kAll, &cases).ok());
  ASSERT_EQ(cases.size(), 3u);
  const GoldenCase& c = cases[1];
  EXPECT_EQ(c.id, "c");
  EXPECT_EQ(c.input_path, dir / "c.txt");
  EXPECT_EQ(c.gold_path, dir / "c.gold.txt");
  EXPECT_TRUE(c.with_path.empty());
  const GoldenCase& e = cases[2];
  EXPECT_TRUE(e.gold_path.empty());
  EXPECT_EQ(e.with_path, dir / "e.with.json");
  EXPECT_EQ(e.without_path, dir / "e.without.json");
}

TEST(ListCases, EmptyOrMissingDirectoryIsAnError) {
  TempDir dir;
  std::vector<GoldenCase> cases;
  Status status = list_cases(dir.path().string(), CaseMode::kAuto, Part::kAll, &cases);
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.message.find(dir.path().string()), std::string::npos) << status.message;

  const std::string missing = dir / "no-such-set";
  status = list_cases(missing, CaseMode::kAuto, Part::kAll, &cases);
  EXPECT_EQ(status.code, ErrorCode::kIo);
  EXPECT_NE(status.message.find(missing), std::string::npos) << status.message;
}

TEST(InPart, FixedSplitOfAboutOneInFive) {
  int held_out = 0;
  for (int i = 0; i < 1000; ++i) {
    const std::string id = "page_" + std::to_string(i);
    EXPECT_TRUE(in_part(id, Part::kAll));
    EXPECT_NE(in_part(id, Part::kTrain), in_part(id, Part::kHeldOut)) << id;
    EXPECT_EQ(in_part(id, Part::kHeldOut), in_part(id, Part::kHeldOut)) << "the split is fixed";
    held_out += in_part(id, Part::kHeldOut) ? 1 : 0;
  }
  EXPECT_GT(held_out, 150);
  EXPECT_LT(held_out, 250);
}

TEST(ReadFile, MissingFileNamesThePath) {
  TempDir dir;
  std::string contents;
  const Status status = read_file(dir / "missing.txt", &contents);
  EXPECT_EQ(status.code, ErrorCode::kIo);
  EXPECT_NE(status.message.find(dir / "missing.txt"), std::string::npos);
  ASSERT_TRUE(read_file(dir.write("x.txt", std::string("a\0b", 3)), &contents).ok());
  EXPECT_EQ(contents, std::string("a\0b", 3));
}

// A model that keeps every block no rule drops, so the output of a case is known in advance.
Model keep_everything_model() {
  Model m = default_model();
  m.text.first_pass = constant_ensemble(20.0f);
  m.text.second_pass = constant_ensemble(20.0f);
  m.html = m.text;
  return m;
}

TEST(RunSet, MeasuresCasesAndSavesOutputs) {
  TempDir dir;
  const std::string set = (dir.path() / "myset").string();
  // exact: the output is the gold.
  dir.write("myset/exact.txt", "Share This\nPara one is here.\nPara two is here.\n");
  dir.write("myset/exact.gold.txt", "Para one is here.\nPara two is here.\n");
  // half: gold "a b c d" against output "a b x y": P = R = F1 = 0.5.
  dir.write("myset/half.txt", "a b x y\n");
  dir.write("myset/half.gold.txt", "a b c d\n");
  // empty gold: left out of the average.
  dir.write("myset/nothing.txt", "Some words\n");
  dir.write("myset/nothing.gold.txt", "\n");
  // snippets only.
  dir.write("myset/snip.txt", "Wanted words here.\nShare This\n");
  dir.write("myset/snip.with.json", "[\"Wanted words\", \"absent\"]");
  dir.write("myset/snip.without.json", "[\"Share This\"]");
  // unreadable snippets: an error of this case only.
  dir.write("myset/broken.txt", "Words.\n");
  dir.write("myset/broken.with.json", "not json");

  const Model model = keep_everything_model();
  SetReport report;
  const std::string outputs = dir / "out/myset";
  const Status status = run_set(set, CaseMode::kAuto, Part::kAll, model, 2, outputs, &report);
  ASSERT_TRUE(status.ok()) << status.message;

  EXPECT_EQ(report.name, "myset/auto");
  EXPECT_EQ(report.cases, 5);
  EXPECT_EQ(report.errors, 1);
  EXPECT_EQ(report.scored, 2);
  EXPECT_EQ(report.empty_gold, 1);
  EXPECT_EQ(report.exact_total, 3);
  EXPECT_EQ(report.exact_ids, (std::vector<std::string>{"exact"}));
  EXPECT_DOUBLE_EQ(report.macro.precision, 0.75);
  EXPECT_DOUBLE_EQ(report.macro.recall, 0.75);
  EXPECT_DOUBLE_EQ(report.macro.f1, 0.75);
  EXPECT_TRUE(report.has_snippets);
  EXPECT_EQ(report.snippets.true_positives, 1);
  EXPECT_EQ(report.snippets.false_negatives, 1);
  EXPECT_EQ(report.snippets.false_positives, 0);
  EXPECT_EQ(report.snippets.true_negatives, 1);

  ASSERT_EQ(report.results.size(), 5u);
  const CaseResult& broken = report.results[0];
  EXPECT_EQ(broken.id, "broken");
  EXPECT_NE(broken.error.find("broken.with.json"), std::string::npos) << broken.error;
  const CaseResult& half = report.results[2];
  EXPECT_EQ(half.id, "half");
  EXPECT_EQ(half.missing, (std::vector<std::string>{"a b c d"}));
  EXPECT_EQ(half.extra, (std::vector<std::string>{"a b x y"}));

  EXPECT_EQ(testing::read_whole_file(outputs + "/exact.txt"), "Para one is here.\nPara two is here.\n");
  EXPECT_EQ(testing::read_whole_file(outputs + "/half.txt"), "a b x y\n");
  EXPECT_EQ(testing::read_whole_file(outputs + "/snip.txt"), "Wanted words here.\n");

  // Figures do not depend on the number of workers.
  SetReport single;
  ASSERT_TRUE(run_set(set, CaseMode::kAuto, Part::kAll, model, 1, "", &single).ok());
  EXPECT_EQ(reports_to_json({single}), reports_to_json({report}));
}

TEST(RunSet, EmptySetIsAnError) {
  TempDir dir;
  SetReport report;
  const Status status = run_set(dir.path().string(), CaseMode::kAuto, Part::kAll, default_model(), 1, "", &report);
  EXPECT_FALSE(status.ok());
}

SetReport report_with(double f1, std::vector<std::string> exact_ids, const std::string& name = "set/auto") {
  SetReport r;
  r.name = name;
  r.cases = 4;
  r.scored = 4;
  r.macro = {f1, f1, f1};
  r.exact_total = 4;
  r.exact_ids = std::move(exact_ids);
  return r;
}

std::vector<std::string> compare(const std::string& baseline, const std::vector<SetReport>& reports) {
  std::vector<std::string> regressions;
  const Status status = compare_with_baseline(baseline, reports, &regressions);
  EXPECT_TRUE(status.ok()) << status.message;
  return regressions;
}

TEST(Baseline, ToleranceAndLostExactCases) {
  TempDir dir;
  const std::string baseline =
      dir.write("baseline.json", R"({"set/auto": {"token_f1": 0.8, "exact_ids": ["a", "b"]},
                                     "other/text": {"token_f1": 0.99}})");
  EXPECT_TRUE(compare(baseline, {report_with(0.800, {"a", "b"})}).empty()) << "same figures";
  EXPECT_TRUE(compare(baseline, {report_with(0.850, {"a", "b", "c"})}).empty()) << "better figures";
  EXPECT_TRUE(compare(baseline, {report_with(0.796, {"a", "b"})}).empty()) << "a drop of 0.004 is tolerated";

  const std::vector<std::string> dropped = compare(baseline, {report_with(0.794, {"a", "b"})});
  ASSERT_EQ(dropped.size(), 1u) << "a drop of 0.006 is a regression";
  EXPECT_NE(dropped[0].find("set/auto"), std::string::npos) << dropped[0];

  const std::vector<std::string> lost = compare(baseline, {report_with(0.8, {"a"})});
  ASSERT_EQ(lost.size(), 1u);
  EXPECT_NE(lost[0].find("b"), std::string::npos) << lost[0];
  EXPECT_NE(lost[0].find("set/auto"), std::string::npos) << lost[0];

  EXPECT_EQ(compare(baseline, {report_with(0.5, {})}).size(), 3u) << "F1 drop and two lost cases";
  EXPECT_TRUE(compare(baseline, {report_with(0.1, {}, "new/auto")}).empty()) << "sets missing from the baseline";
}

TEST(Baseline, SnippetF1Drop) {
  TempDir dir;
  const std::string baseline = dir.write("baseline.json", R"({"snips/auto": {"snippet_f1": 0.8}})");
  SetReport r;
  r.name = "snips/auto";
  r.has_snippets = true;
  r.snippets = SnippetCounts{6, 4, 0, 5};  // P 1, R .6, F1 .75
  EXPECT_EQ(compare(baseline, {r}).size(), 1u);
  r.snippets = SnippetCounts{8, 2, 0, 5};  // P 1, R .8, F1 .889
  EXPECT_TRUE(compare(baseline, {r}).empty());
}

TEST(Baseline, UnreadableBaselineIsAnError) {
  TempDir dir;
  std::vector<std::string> regressions;
  const std::string missing = dir / "missing.json";
  Status status = compare_with_baseline(missing, {report_with(0.8, {})}, &regressions);
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.message.find(missing), std::string::npos) << status.message;
  const std::string garbage = dir.write("garbage.json", "{not json");
  status = compare_with_baseline(garbage, {report_with(0.8, {})}, &regressions);
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.message.find(garbage), std::string::npos) << status.message;
}

TEST(Baseline, UpdateWritesAndMerges) {
  TempDir dir;
  const std::string path = dir.write("baseline.json", R"({"kept/auto": {"token_f1": 0.5}})");
  const std::vector<SetReport> reports = {report_with(0.75, {"a", "c"})};
  const Status status = update_baseline(path, reports);
  ASSERT_TRUE(status.ok()) << status.message;
  const nlohmann::json written = nlohmann::json::parse(testing::read_whole_file(path));
  EXPECT_DOUBLE_EQ(written["kept/auto"]["token_f1"].get<double>(), 0.5) << "other sets are kept";
  EXPECT_DOUBLE_EQ(written["set/auto"]["token_f1"].get<double>(), 0.75);
  EXPECT_EQ(written["set/auto"]["exact_ids"], nlohmann::json({"a", "c"}));
  EXPECT_TRUE(compare(path, reports).empty()) << "a run compares clean with its own baseline";

  const std::string fresh = dir / "fresh.json";
  ASSERT_TRUE(update_baseline(fresh, reports).ok());
  EXPECT_TRUE(nlohmann::json::parse(testing::read_whole_file(fresh)).contains("set/auto"));
}

TEST(ReportsToJson, FiguresPerSet) {
  SetReport with_snippets = report_with(0.5, {"x"}, "b/html");
  with_snippets.has_snippets = true;
  with_snippets.snippets = SnippetCounts{1, 1, 1, 1};
  const nlohmann::json j = nlohmann::json::parse(reports_to_json({report_with(0.75, {"a"}), with_snippets}));
  ASSERT_TRUE(j.contains("set/auto"));
  ASSERT_TRUE(j.contains("b/html"));
  EXPECT_DOUBLE_EQ(j["set/auto"]["token_f1"].get<double>(), 0.75);
  EXPECT_DOUBLE_EQ(j["set/auto"]["token_p"].get<double>(), 0.75);
  EXPECT_EQ(j["set/auto"]["exact"], 1);
  EXPECT_EQ(j["set/auto"]["exact_total"], 4);
  EXPECT_FALSE(j["set/auto"].contains("snippet_f1"));
  EXPECT_DOUBLE_EQ(j["b/html"]["snippet_f1"].get<double>(), 0.5);
  EXPECT_DOUBLE_EQ(j["b/html"]["snippet_accuracy"].get<double>(), 0.5);
}

}  // namespace
}  // namespace winnow
