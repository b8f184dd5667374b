// Train: learns a model from golden sets. Block labels come from aligning each block with the gold
// text (labels.h); a logistic regression (liblinear) learns the weights of the blocks no rule
// decides; then the decoder's threshold and switch cost are chosen by macro token F1 on the same
// pages. Deterministic: the same sets give the same model.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "model.h"
#include "regress.h"

namespace winnow {

struct TrainOptions {
  std::vector<std::string> sets;  // golden set directories
  Part part = Part::kTrain;       // which pages of each set to learn from
  double regularization = 1.0;    // liblinear's C
  // Macro F1 weighs every page alike, so no page may outweigh others by its length: a page with
  // more labelled blocks than this gives an evenly spaced sample of them (0: all blocks).
  std::size_t max_blocks_per_page = 120;
  bool context_pass = false;       // learn the second pass; without it the second pass repeats the first
  int threads = 1;
  std::function<void(const std::string&)> progress;  // optional, one line per step
};

// Trains both sections of the model: [text] on the .txt inputs, [html] on the .html inputs.
// `start` supplies the weights of a section that has no training pages.
Status train_model(const TrainOptions& options, const Model& start, Model* out);

}  // namespace winnow
