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
  int threads = 1;
  std::function<void(const std::string&)> progress;  // optional, one line per step
};

// Trains both sections of the model: [text] on the .txt inputs, [html] on the .html inputs.
// `start` supplies the weights of a section that has no training pages.
Status train_model(const TrainOptions& options, const Model& start, Model* out);

}  // namespace winnow
