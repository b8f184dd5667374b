// Tests of the model file (model.h): serialize -> parse round trip; a wrong version, an unknown
// feature and a missing feature are rejected with a message naming the file (and the line, where
// there is one); the built-in model and model/default.model parse. No weight of the built-in model
// is asserted: it is retrained often.
#include "model.h"

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace winnow {
namespace {

// A model whose every value is exactly representable in the six significant digits the file uses.
Model sample_model() {
  Model m;
  for (std::size_t i = 0; i < kFeatureCount; ++i) {
    m.text.weights[i] = static_cast<float>(static_cast<int>(i % 17) - 8) / 8.0f;
    m.html.weights[i] = static_cast<float>(static_cast<int>(i % 11) - 5) * 0.25f;
    m.text.context_weights[i] = static_cast<float>(static_cast<int>(i % 13) - 6) * 0.5f;
    m.html.context_weights[i] = static_cast<float>(static_cast<int>(i % 7)) / 16.0f;
  }
  m.text.threshold = 0.375f;
  m.text.switch_cost = 1.5f;
  m.html.threshold = 0.625f;
  m.html.switch_cost = 0.0f;
  return m;
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += line + "\n";
  return out;
}

// 1-based number of the first line that starts with `prefix`.
int line_number(const std::vector<std::string>& lines, std::string_view prefix) {
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].starts_with(prefix)) return static_cast<int>(i) + 1;
  }
  return -1;
}

void expect_equal(const LinearModel& a, const LinearModel& b) {
  EXPECT_FLOAT_EQ(a.threshold, b.threshold);
  EXPECT_FLOAT_EQ(a.switch_cost, b.switch_cost);
  for (std::size_t i = 0; i < kFeatureCount; ++i) {
    EXPECT_FLOAT_EQ(a.weights[i], b.weights[i]) << feature_name(static_cast<Feature>(i));
    EXPECT_FLOAT_EQ(a.context_weights[i], b.context_weights[i]) << feature_name(static_cast<Feature>(i));
  }
}

TEST(ModelFile, SerializeParseRoundTrip) {
  const Model original = sample_model();
  const std::string text = serialize_model(original);
  Model parsed;
  const Status status = parse_model(text, "sample.model", &parsed);
  ASSERT_TRUE(status.ok()) << status.message;
  expect_equal(parsed.text, original.text);
  expect_equal(parsed.html, original.html);
  EXPECT_EQ(serialize_model(parsed), text);
}

TEST(ModelFile, FormatIsOneWeightPerLineByName) {
  const std::vector<std::string> lines = split_lines(serialize_model(sample_model()));
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines[0], "winnow-model " + std::to_string(kModelFormatVersion));
  EXPECT_GT(line_number(lines, "[text]"), 0);
  EXPECT_GT(line_number(lines, "[html]"), line_number(lines, "[text]"));
  int weights = 0;
  int context_weights = 0;
  for (const std::string& line : lines) {
    weights += line.starts_with("weight ") ? 1 : 0;
    context_weights += line.starts_with("context_weight ") ? 1 : 0;
  }
  EXPECT_EQ(weights, static_cast<int>(2 * kFeatureCount)) << "one per feature and section";
  EXPECT_EQ(context_weights, static_cast<int>(2 * kFeatureCount)) << "one per feature and section";
  EXPECT_GT(line_number(lines, "weight bias "), 0);
}

TEST(ModelFile, CommentsAndBlankLinesAreIgnored) {
  std::vector<std::string> lines = split_lines(serialize_model(sample_model()));
  lines.insert(lines.begin(), "# trained by: winnow train golden/cases");
  lines.insert(lines.begin() + 3, "");
  lines[5] += "   # a comment after a value";
  Model parsed;
  const Status status = parse_model(join_lines(lines), "commented.model", &parsed);
  ASSERT_TRUE(status.ok()) << status.message;
  expect_equal(parsed.text, sample_model().text);
}

struct BadModelCase {
  const char* name;
  std::string contents;
  std::vector<std::string> message_parts;  // each must appear in the message
};

TEST(ModelFile, BadFilesAreRejectedWithFileAndLine) {
  const std::vector<std::string> good = split_lines(serialize_model(sample_model()));

  std::vector<std::string> wrong_version = good;
  wrong_version[0] = "winnow-model 99";

  std::vector<std::string> unknown = good;
  const int unknown_at = line_number(good, "weight log_words ");
  unknown[unknown_at - 1] = "weight no_such_feature 0.5";

  std::vector<std::string> bad_value = good;
  const int bad_value_at = line_number(good, "threshold ");
  bad_value[bad_value_at - 1] = "threshold nan";

  std::vector<std::string> bad_key = good;
  const int bad_key_at = line_number(good, "switch_cost ");
  bad_key[bad_key_at - 1] = "switch_costs 1.0";

  std::vector<std::string> before_section = good;
  before_section.insert(before_section.begin() + 1, "threshold 0.5");

  const BadModelCase cases[] = {
      {"wrong version", join_lines(wrong_version), {"bad.model:1:", "version 99", "version 1"}},
      {"unknown feature", join_lines(unknown),
       {"bad.model:" + std::to_string(unknown_at) + ":", "no_such_feature"}},
      {"value that is not a number", join_lines(bad_value), {"bad.model:" + std::to_string(bad_value_at) + ":"}},
      {"unknown key", join_lines(bad_key), {"bad.model:" + std::to_string(bad_key_at) + ":", "switch_costs"}},
      {"value before any section", join_lines(before_section), {"bad.model:2:"}},
      {"not a model file", "hello world\n", {"bad.model:1:"}},
      {"empty file", "", {"bad.model"}},
      {"only comments", "# nothing here\n\n", {"bad.model"}},
  };
  for (const BadModelCase& c : cases) {
    Model parsed = sample_model();
    const Status status = parse_model(c.contents, "bad.model", &parsed);
    EXPECT_EQ(status.code, ErrorCode::kBadModel) << c.name;
    for (const std::string& part : c.message_parts) {
      EXPECT_NE(status.message.find(part), std::string::npos) << c.name << ": \"" << status.message
                                                              << "\" does not contain \"" << part << "\"";
    }
  }
}

TEST(ModelFile, MissingFeatureIsRejectedByName) {
  for (const char* section : {"[text]", "[html]"}) {
    for (const char* key : {"weight", "context_weight"}) {
      std::vector<std::string> lines = split_lines(serialize_model(sample_model()));
      // Drop the weight of in_best_container from one pass of one section.
      const int start = line_number(lines, section);
      ASSERT_GT(start, 0);
      const std::string prefix = std::string(key) + " in_best_container ";
      for (std::size_t i = static_cast<std::size_t>(start); i < lines.size(); ++i) {
        if (lines[i].starts_with(prefix)) {
          lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(i));
          break;
        }
      }
      Model parsed;
      const Status status = parse_model(join_lines(lines), "short.model", &parsed);
      const std::string what = std::string(section) + " " + key;
      EXPECT_EQ(status.code, ErrorCode::kBadModel) << what;
      EXPECT_NE(status.message.find("short.model"), std::string::npos) << status.message;
      EXPECT_NE(status.message.find("in_best_container"), std::string::npos) << status.message;
      EXPECT_NE(status.message.find(what), std::string::npos) << status.message;
    }
  }
}

TEST(ModelFile, FailedParseLeavesTheOutputAlone) {
  Model parsed = sample_model();
  ASSERT_FALSE(parse_model("winnow-model 99\n", "bad.model", &parsed).ok());
  expect_equal(parsed.text, sample_model().text);
}

TEST(ModelFile, BuiltInModelParses) {
  const Model& model = default_model();
  EXPECT_EQ(&model, &default_model());
  for (const LinearModel* section : {&model.text, &model.html}) {
    EXPECT_GT(section->threshold, 0.0f);
    EXPECT_LT(section->threshold, 1.0f);
    EXPECT_GE(section->switch_cost, 0.0f);
    for (float w : section->weights) EXPECT_TRUE(std::isfinite(w));
  }
  Model reparsed;
  const Status status = parse_model(serialize_model(model), "built-in", &reparsed);
  ASSERT_TRUE(status.ok()) << status.message;
  expect_equal(reparsed.text, model.text);
}

TEST(LoadModel, ReadsTheShippedModelFile) {
  std::shared_ptr<const Model> loaded;
  const std::string path = testing::source_path("model/default.model");
  const Status status = load_model(path, &loaded);
  ASSERT_TRUE(status.ok()) << status.message;
  ASSERT_NE(loaded, nullptr);
  // The built-in model is this file, compiled in.
  expect_equal(loaded->text, default_model().text);
  expect_equal(loaded->html, default_model().html);
}

TEST(LoadModel, FailuresNameTheFile) {
  testing::TempDir dir;
  std::shared_ptr<const Model> loaded;
  const std::string missing = dir / "missing.model";
  Status status = load_model(missing, &loaded);
  EXPECT_EQ(status.code, ErrorCode::kBadModel);
  EXPECT_NE(status.message.find(missing), std::string::npos) << status.message;
  EXPECT_EQ(loaded, nullptr);

  const std::string bad = dir.write("bad.model", "winnow-model 2\n");
  status = load_model(bad, &loaded);
  EXPECT_EQ(status.code, ErrorCode::kBadModel);
  EXPECT_NE(status.message.find(bad + ":1:"), std::string::npos) << status.message;
  EXPECT_EQ(loaded, nullptr);

  const std::string good = dir.write("good.model", serialize_model(sample_model()));
  status = load_model(good, &loaded);
  ASSERT_TRUE(status.ok()) << status.message;
  ASSERT_NE(loaded, nullptr);
  expect_equal(loaded->html, sample_model().html);
}

TEST(ScoreBlock, LogisticOfTheWeightedSum) {
  Weights w{};
  FeatureVector f{};
  f[static_cast<std::size_t>(Feature::bias)] = 1.0f;
  f[static_cast<std::size_t>(Feature::well_formed)] = 1.0f;
  EXPECT_FLOAT_EQ(score_block(f, w), 0.5f);
  w[static_cast<std::size_t>(Feature::bias)] = -1.0f;
  w[static_cast<std::size_t>(Feature::well_formed)] = 3.0f;
  EXPECT_NEAR(score_block(f, w), 1.0 / (1.0 + std::exp(-2.0)), 1e-6);
  w[static_cast<std::size_t>(Feature::bias)] = -50.0f;
  EXPECT_LT(score_block(f, w), 1e-6f);
}

}  // namespace
}  // namespace winnow
