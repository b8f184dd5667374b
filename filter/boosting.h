// Boosting: fits a TreeEnsemble to labelled feature rows with XGBoost (gradient-boosted trees,
// logistic loss) and converts XGBoost's model into winnow's own trees, so inference needs no
// XGBoost. Used only by training.
#pragma once

#include <cstddef>
#include <vector>

#include "block_features.h"
#include "model.h"
#include "winnow/winnow.h"

namespace winnow {

struct BoostParams {
  int rounds = 200;            // trees
  int max_depth = 6;
  float learning_rate = 0.1f;
  float min_child_weight = 1.0f;  // in row weights; rows weigh 1 on average
  float subsample = 0.8f;      // rows per tree, drawn with a fixed seed
  float column_sample = 0.8f;  // features per tree, likewise
  float l2 = 1.0f;             // L2 penalty on leaf values
  // Trees grown per round on different row samples and averaged (XGBoost's num_parallel_tree):
  // each round's step varies less with the sample, at that many times the trees.
  int parallel_trees = 1;
  int threads = 1;
};

// Rows of features with a 0/1 label (1: content) and a weight each.
struct TrainingRows {
  std::vector<float> values;  // row-major, kFeatureCount per row
  std::vector<float> labels;
  std::vector<float> weights;
  std::size_t size() const { return labels.size(); }
  void add(const FeatureVector& features, bool content, float weight) {
    values.insert(values.end(), features.begin(), features.end());
    labels.push_back(content ? 1.0f : 0.0f);
    weights.push_back(weight);
  }
};

// Deterministic: the same rows and parameters give the same trees. Checks that winnow's trees
// give XGBoost's own margins on the rows before returning them.
Status fit_ensemble(const TrainingRows& rows, const BoostParams& params, TreeEnsemble* out);

}  // namespace winnow
