// Boosting. Entry point: fit_ensemble. Tested by tests/boosting_test.cpp.
#include "boosting.h"

#include <cmath>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "xgboost_library.h"

namespace winnow {
namespace {

// Rows checked against XGBoost's own margins after the conversion, and how close they must be
// (float sums in another order).
constexpr std::size_t kRowsChecked = 2000;
constexpr float kMarginTolerance = 1e-3f;
// The same in probability, for the laid-out trees (the logistic's slope is at most 1/4).
constexpr float kProbabilityTolerance = kMarginTolerance / 4;

Status xgboost_error(const XgboostLibrary& xgb, const char* what) {
  return Status{ErrorCode::kIo, std::string("XGBoost: ") + what + ": " + xgb.get_last_error()};
}

struct Handles {
  const XgboostLibrary& xgb;
  DMatrixHandle matrix = nullptr;
  BoosterHandle booster = nullptr;
  ~Handles() {
    if (booster != nullptr) xgb.booster_free(booster);
    if (matrix != nullptr) xgb.matrix_free(matrix);
  }
};

// XGBoost's JSON tree (parallel arrays, nodes numbered as grown, perhaps with pruned gaps) as
// winnow nodes in breadth-first order from the root, so children always follow their parent.
Status convert_tree(const nlohmann::json& tree, TreeEnsemble* out) {
  const auto& left = tree.at("left_children");
  const auto& right = tree.at("right_children");
  const auto& feature = tree.at("split_indices");
  const auto& condition = tree.at("split_conditions");
  const auto& hessian = tree.at("sum_hessian");
  const std::size_t begin = out->nodes.size();
  std::vector<int> order{0};          // XGBoost node ids in the new order
  std::vector<float> mass;            // training mass per new node
  for (std::size_t k = 0; k < order.size(); ++k) {
    const int id = order[k];
    TreeNode node;
    const int yes = left.at(id).get<int>();
    if (yes < 0) {
      node.value = condition.at(id).get<float>();
    } else {
      const int f = feature.at(id).get<int>();
      if (f < 0 || static_cast<std::size_t>(f) >= kFeatureCount) return Status{ErrorCode::kIo, "XGBoost: split on an unknown feature"};
      node.feature = static_cast<std::uint16_t>(f);
      node.split = condition.at(id).get<float>();
      node.yes = static_cast<std::uint32_t>(begin + order.size());
      order.push_back(yes);
      node.no = static_cast<std::uint32_t>(begin + order.size());
      order.push_back(right.at(id).get<int>());
    }
    mass.push_back(hessian.at(id).get<float>());
    out->nodes.push_back(node);
  }
  // Inner values from the leaves up: the mass-weighted mean of the two children.
  for (std::size_t k = order.size(); k-- > 0;) {
    TreeNode& node = out->nodes[begin + k];
    if (node.feature == TreeNode::kLeaf) continue;
    const float a = mass[node.yes - begin];
    const float b = mass[node.no - begin];
    const float va = out->nodes[node.yes].value;
    const float vb = out->nodes[node.no].value;
    node.value = a + b > 0 ? (a * va + b * vb) / (a + b) : 0.5f * (va + vb);
  }
  out->roots.push_back(static_cast<std::uint32_t>(begin));
  return {};
}

}  // namespace

Status fit_ensemble(const TrainingRows& rows, const BoostParams& params, TreeEnsemble* out) {
  if (rows.size() == 0) return Status{ErrorCode::kIo, "no labelled blocks to learn from"};
  std::string load_error;
  const XgboostLibrary* library = xgboost_library(&load_error);
  if (library == nullptr) return Status{ErrorCode::kIo, load_error};
  const XgboostLibrary& xgb = *library;
  Handles h{xgb};
  if (xgb.matrix_create_from_mat(rows.values.data(), rows.size(), kFeatureCount, NAN, &h.matrix) != 0) {
    return xgboost_error(xgb, "building the matrix");
  }
  if (xgb.matrix_set_float_info(h.matrix, "label", rows.labels.data(), rows.size()) != 0 ||
      xgb.matrix_set_float_info(h.matrix, "weight", rows.weights.data(), rows.size()) != 0) {
    return xgboost_error(xgb, "setting labels");
  }
  if (xgb.booster_create(&h.matrix, 1, &h.booster) != 0) return xgboost_error(xgb, "creating the booster");
  const std::pair<const char*, std::string> settings[] = {
      {"objective", "binary:logistic"},
      {"base_score", "0.5"},
      {"tree_method", "hist"},
      {"seed", "0"},
      {"verbosity", "0"},
      {"nthread", std::to_string(std::max(1, params.threads))},
      {"max_depth", std::to_string(params.max_depth)},
      {"eta", std::to_string(params.learning_rate)},
      {"min_child_weight", std::to_string(params.min_child_weight)},
      {"subsample", std::to_string(params.subsample)},
      {"colsample_bytree", std::to_string(params.column_sample)},
      {"lambda", std::to_string(params.l2)},
      {"num_parallel_tree", std::to_string(std::max(1, params.parallel_trees))},
  };
  for (const auto& [name, value] : settings) {
    if (xgb.booster_set_param(h.booster, name, value.c_str()) != 0) return xgboost_error(xgb, name);
  }
  for (int round = 0; round < params.rounds; ++round) {
    if (xgb.booster_update_one_iter(h.booster, round, h.matrix) != 0) return xgboost_error(xgb, "boosting");
  }

  bst_ulong length = 0;
  const char* buffer = nullptr;
  if (xgb.booster_save_model_to_buffer(h.booster, R"({"format": "json"})", &length, &buffer) != 0) {
    return xgboost_error(xgb, "saving the model");
  }
  TreeEnsemble ensemble;
  try {
    const nlohmann::json model = nlohmann::json::parse(buffer, buffer + length);
    const auto& learner = model.at("learner");
    const float base_score = std::stof(learner.at("learner_model_param").at("base_score").get<std::string>());
    ensemble.base_margin = std::log(base_score / (1.0f - base_score));
    for (const auto& tree : learner.at("gradient_booster").at("model").at("trees")) {
      if (Status s = convert_tree(tree, &ensemble); !s.ok()) return s;
    }
  } catch (const std::exception& e) {
    return Status{ErrorCode::kIo, std::string("XGBoost: unexpected model JSON: ") + e.what()};
  }
  lay_out_trees(ensemble);

  // The converted trees must give XGBoost's own margins.
  const std::size_t checked = std::min(rows.size(), kRowsChecked);
  DMatrixHandle sample = nullptr;
  if (xgb.matrix_create_from_mat(rows.values.data(), checked, kFeatureCount, NAN, &sample) != 0) {
    return xgboost_error(xgb, "building the check matrix");
  }
  bst_ulong predicted_length = 0;
  const float* predicted = nullptr;
  const int failed = xgb.booster_predict(h.booster, sample, /*option_mask: margin*/ 1, 0, 0, &predicted_length, &predicted);
  if (failed != 0) {
    xgb.matrix_free(sample);
    return xgboost_error(xgb, "predicting");
  }
  // Both ways winnow scores: one block walking the nodes, and many over the complete layout.
  std::vector<FeatureVector> sample_rows(std::min<std::size_t>(checked, predicted_length));
  for (std::size_t r = 0; r < sample_rows.size(); ++r) {
    std::copy_n(rows.values.begin() + static_cast<std::ptrdiff_t>(r * kFeatureCount), kFeatureCount,
                sample_rows[r].begin());
  }
  const std::vector<float> laid_out = score_blocks(sample_rows, ensemble);
  Status status;
  for (std::size_t r = 0; r < sample_rows.size(); ++r) {
    const float expected_probability = 1.0f / (1.0f + std::exp(-predicted[r]));
    if (std::abs(ensemble_margin(ensemble, sample_rows[r]) - predicted[r]) > kMarginTolerance ||
        std::abs(laid_out[r] - expected_probability) > kProbabilityTolerance) {
      status = Status{ErrorCode::kIo, "XGBoost: converted trees disagree with XGBoost on row " + std::to_string(r)};
      break;
    }
  }
  xgb.matrix_free(sample);
  if (!status.ok()) return status;
  *out = std::move(ensemble);
  return {};
}

}  // namespace winnow
