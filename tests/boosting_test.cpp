// Tests of boosting (boosting.h): on synthetic rows whose label is a clean function of two
// features, the converted trees separate fresh rows, split only on features that vary, and survive
// the model file; fitting is deterministic; row weights count; no rows is an error. Few small trees,
// so the whole file runs in well under a second.
#include "boosting.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>

namespace winnow {
namespace {

constexpr std::size_t index_of(Feature f) { return static_cast<std::size_t>(f); }

// Content iff the block is long and has few links; digit_ratio is noise.
bool is_content(const FeatureVector& f) {
  return f[index_of(Feature::log_words)] > 2.0f && f[index_of(Feature::link_density)] < 0.5f;
}

FeatureVector random_row(std::mt19937& random) {
  std::uniform_real_distribution<float> log_words(0.0f, 4.0f);
  std::uniform_real_distribution<float> unit(0.0f, 1.0f);
  FeatureVector f{};
  f[index_of(Feature::bias)] = 1.0f;
  f[index_of(Feature::log_words)] = log_words(random);
  f[index_of(Feature::link_density)] = unit(random);
  f[index_of(Feature::digit_ratio)] = unit(random);
  return f;
}

TrainingRows synthetic_rows(std::size_t count, unsigned seed) {
  std::mt19937 random(seed);
  TrainingRows rows;
  for (std::size_t r = 0; r < count; ++r) {
    const FeatureVector f = random_row(random);
    rows.add(f, is_content(f), 1.0f);
  }
  return rows;
}

BoostParams small_params() {
  BoostParams params;
  params.rounds = 10;
  params.max_depth = 3;
  params.learning_rate = 0.5f;
  return params;  // subsample and column_sample stay below 1, so determinism covers the sampling
}

FeatureVector row(float log_words, float link_density, float digit_ratio) {
  FeatureVector f{};
  f[index_of(Feature::bias)] = 1.0f;
  f[index_of(Feature::log_words)] = log_words;
  f[index_of(Feature::link_density)] = link_density;
  f[index_of(Feature::digit_ratio)] = digit_ratio;
  return f;
}

TEST(FitEnsemble, SeparatesACleanRuleOnFreshRows) {
  TreeEnsemble trees;
  const Status status = fit_ensemble(synthetic_rows(1000, 1), small_params(), &trees);
  ASSERT_TRUE(status.ok()) << status.message;
  EXPECT_EQ(trees.roots.size(), 10u) << "one tree per round";
  EXPECT_FLOAT_EQ(trees.base_margin, 0.0f) << "base score 0.5";

  // Rows well away from the boundary, none of them seen in training.
  for (float log_words : {2.6f, 3.0f, 3.9f}) {
    for (float link_density : {0.0f, 0.1f, 0.35f}) {
      for (float noise : {0.05f, 0.5f, 0.95f}) {
        const FeatureVector content = row(log_words, link_density, noise);
        EXPECT_GT(score_block(content, trees), 0.9f) << log_words << " " << link_density << " " << noise;
        const FeatureVector linky = row(log_words, 1.0f - link_density, noise);
        EXPECT_LT(score_block(linky, trees), 0.1f) << log_words << " " << 1.0f - link_density << " " << noise;
        const FeatureVector short_block = row(log_words - 2.4f, link_density, noise);
        EXPECT_LT(score_block(short_block, trees), 0.1f) << log_words - 2.4f << " " << link_density << " " << noise;
      }
    }
  }

  // And on a fresh sample from the same distribution, nearly everything right.
  const TrainingRows fresh = synthetic_rows(500, 2);
  int right = 0;
  for (std::size_t r = 0; r < fresh.size(); ++r) {
    FeatureVector f;
    std::copy_n(fresh.values.begin() + static_cast<std::ptrdiff_t>(r * kFeatureCount), kFeatureCount, f.begin());
    right += (score_block(f, trees) > 0.5f) == (fresh.labels[r] == 1.0f) ? 1 : 0;
  }
  EXPECT_GT(right, 480) << "of 500";
}

TEST(FitEnsemble, TreesAreWellFormedAndSplitOnlyOnFeaturesThatVary) {
  TreeEnsemble trees;
  const Status status = fit_ensemble(synthetic_rows(1000, 1), small_params(), &trees);
  ASSERT_TRUE(status.ok()) << status.message;
  bool splits_log_words = false;
  bool splits_link_density = false;
  for (std::size_t t = 0; t < trees.roots.size(); ++t) {
    const std::size_t begin = trees.roots[t];
    const std::size_t end = t + 1 < trees.roots.size() ? trees.roots[t + 1] : trees.nodes.size();
    ASSERT_LT(begin, end);
    for (std::size_t n = begin; n < end; ++n) {
      const TreeNode& node = trees.nodes[n];
      if (node.feature == TreeNode::kLeaf) continue;
      // The constant features (bias and every unset one) can never split the rows.
      const auto feature = static_cast<Feature>(node.feature);
      EXPECT_TRUE(feature == Feature::log_words || feature == Feature::link_density || feature == Feature::digit_ratio)
          << feature_name(feature);
      splits_log_words |= feature == Feature::log_words;
      splits_link_density |= feature == Feature::link_density;
      // Children follow their parent within the tree, and an inner value lies between its children's.
      ASSERT_GT(node.yes, n);
      ASSERT_GT(node.no, n);
      ASSERT_LT(node.yes, end);
      ASSERT_LT(node.no, end);
      const float a = trees.nodes[node.yes].value;
      const float b = trees.nodes[node.no].value;
      EXPECT_GE(node.value, std::min(a, b) - 1e-6f);
      EXPECT_LE(node.value, std::max(a, b) + 1e-6f);
    }
  }
  EXPECT_TRUE(splits_log_words);
  EXPECT_TRUE(splits_link_density);

  // The features that decide a clear-cut row are the ones explain credits most.
  const auto contributions = feature_contributions(trees, row(3.5f, 0.9f, 0.5f));
  ASSERT_FALSE(contributions.empty());
  auto strongest = contributions.front();
  for (const auto& c : contributions) {
    if (std::abs(c.second) > std::abs(strongest.second)) strongest = c;
  }
  EXPECT_EQ(feature_name(static_cast<Feature>(strongest.first)), "link_density");
  EXPECT_LT(strongest.second, 0.0f);
}

TEST(FitEnsemble, FittedTreesSurviveTheModelFile) {
  Model model;
  ASSERT_TRUE(fit_ensemble(synthetic_rows(600, 3), small_params(), &model.text.first_pass).ok());
  model.text.second_pass = model.text.first_pass;
  model.html = model.text;
  Model parsed;
  const Status status = parse_model(serialize_model(model), "fitted.model", &parsed);
  ASSERT_TRUE(status.ok()) << status.message;
  const TrainingRows fresh = synthetic_rows(200, 4);
  for (std::size_t r = 0; r < fresh.size(); ++r) {
    FeatureVector f;
    std::copy_n(fresh.values.begin() + static_cast<std::ptrdiff_t>(r * kFeatureCount), kFeatureCount, f.begin());
    EXPECT_EQ(ensemble_margin(parsed.html.second_pass, f), ensemble_margin(model.text.first_pass, f)) << "row " << r;
  }
}

TEST(FitEnsemble, DeterministicTrees) {
  const TrainingRows rows = synthetic_rows(800, 5);
  TreeEnsemble first;
  TreeEnsemble second;
  ASSERT_TRUE(fit_ensemble(rows, small_params(), &first).ok());
  ASSERT_TRUE(fit_ensemble(rows, small_params(), &second).ok());
  EXPECT_EQ(first.base_margin, second.base_margin);
  EXPECT_EQ(first.roots, second.roots);
  ASSERT_EQ(first.nodes.size(), second.nodes.size());
  for (std::size_t n = 0; n < first.nodes.size(); ++n) {
    EXPECT_EQ(first.nodes[n].feature, second.nodes[n].feature) << "node " << n;
    EXPECT_EQ(first.nodes[n].split, second.nodes[n].split) << "node " << n;
    EXPECT_EQ(first.nodes[n].yes, second.nodes[n].yes) << "node " << n;
    EXPECT_EQ(first.nodes[n].no, second.nodes[n].no) << "node " << n;
    EXPECT_EQ(first.nodes[n].value, second.nodes[n].value) << "node " << n;
  }
}

TEST(FitEnsemble, RowWeightsCount) {
  // Rows XGBoost cannot tell apart, three times as heavy when content: the probability learnt is
  // the weighted share, 0.75, whatever the row counts.
  TrainingRows rows;
  FeatureVector f{};
  f[index_of(Feature::log_words)] = 1.0f;
  for (int r = 0; r < 200; ++r) rows.add(f, r % 4 == 0, r % 4 == 0 ? 9.0f : 1.0f);  // 50 content x 9, 150 not x 1
  BoostParams params = small_params();
  params.rounds = 30;
  TreeEnsemble trees;
  const Status status = fit_ensemble(rows, params, &trees);
  ASSERT_TRUE(status.ok()) << status.message;
  EXPECT_NEAR(score_block(f, trees), 0.75f, 0.02f);
  for (const TreeNode& node : trees.nodes) EXPECT_EQ(node.feature, TreeNode::kLeaf) << "nothing to split on";
}

TEST(FitEnsemble, NoRowsIsAnError) {
  TreeEnsemble trees = constant_ensemble(1.5f);
  const Status status = fit_ensemble(TrainingRows{}, small_params(), &trees);
  EXPECT_FALSE(status.ok());
  EXPECT_FALSE(status.message.empty());
  EXPECT_EQ(trees.base_margin, 1.5f) << "the output is left alone";
  EXPECT_TRUE(trees.roots.empty());
}

}  // namespace
}  // namespace winnow
