// The model: learned weights of a linear classifier over FeatureVector, one set per input kind, and
// the decoder's parameters. A model file is text, versioned, one weight per line by feature name,
// so a model that does not fit the binary is caught by name, not by silent misalignment.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "block_features.h"
#include "winnow/winnow.h"

namespace winnow {

inline constexpr int kModelFormatVersion = 1;

using Weights = std::array<float, kFeatureCount>;

struct LinearModel {
  // First pass: weights of the block's own and neighbourhood features (context features zero).
  Weights weights{};
  // Second pass: weights of all features, the context features (first-pass probabilities around
  // the block) included.
  Weights context_weights{};
  // Probability above which a block counts as content on its own.
  float threshold = 0.5f;
  // Cost, in log-probability, of switching between content and boilerplate from one block to the
  // next: the decoder keeps a weak block inside a content run and drops a strong one in clutter.
  float switch_cost = 1.0f;
};

class Model {
 public:
  LinearModel text;
  LinearModel html;
  const LinearModel& for_kind(bool is_html) const { return is_html ? html : text; }
};

// Probability that the block is content under one set of weights.
float score_block(const FeatureVector& features, const Weights& weights);

// Parses a model file's contents; `origin` names it in messages.
Status parse_model(std::string_view contents, const std::string& origin, Model* out);

// Writes a model in the format parse_model reads.
std::string serialize_model(const Model& model);

}  // namespace winnow
