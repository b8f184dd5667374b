// Train: learns a model from golden sets. Block labels come from aligning each block with the gold
// text (labels.h); gradient-boosted trees (boosting.h) learn the blocks no rule decides, in two
// passes: the first from a block's own features, the second also from the first pass's
// probabilities around it. The first-pass probabilities the second pass learns from are
// cross-fitted (each page scored by a first pass that never saw it), as they will be on new pages;
// the decoder's threshold and switch cost are chosen by macro token F1 on cross-fitted second-pass
// probabilities likewise. Deterministic: the same sets give the same model.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "boosting.h"
#include "model.h"
#include "regress.h"

namespace winnow {

// The heaviest a set may weigh against a set at weight 1.
inline constexpr float kMaxSetWeight = 100.0f;

struct TrainOptions {
  std::vector<std::string> sets;  // golden set directories
  Part part = Part::kTrain;       // which pages of each set to learn from
  BoostParams boost;
  // Pages are split into this many folds for cross-fitting (2 at least).
  int folds = 4;
  // Macro F1 weighs every page alike, so every page's blocks weigh the same in total; within a
  // page a block weighs (words + 1) ^ word_weight_power (0: blocks alike, 1: by length).
  float word_weight_power = 0.5f;
  // A page with more labelled blocks than this gives an evenly spaced sample of them (0: all).
  std::size_t max_blocks_per_page = 400;
  // Weight of every page of a set, by its set_name (regress.h) (absent: 1). A set whose gold
  // follows another convention than POLICY.md (CleanEval keeps comment threads) can count less.
  std::map<std::string, float> set_weights;  // each above 0 and at most kMaxSetWeight
  // Sets (by set_name) whose gold keeps the comment thread under an article, which POLICY.md cuts:
  // their blocks from a comment-section opener on are not learned from, so the trees learn comment
  // sections from the sets that follow the policy, and everything else from these sets as well.
  std::set<std::string> gold_keeps_comments;
  // Which sections to learn; a section not learned is taken from the start model as it is, so a
  // user can retrain the [text] section on their own text and keep the [html] one (or the reverse).
  bool learn_text = true;
  bool learn_html = true;
  int threads = 1;
  std::function<void(const std::string&)> progress;  // optional, one line per step
};

// Macro F1 of one set under one choice of decoder parameters: the sum of its pages' F1 and their
// number.
struct SetF1 {
  double sum = 0;
  int pages = 0;
  double mean() const { return pages > 0 ? sum / pages : 0.0; }
};

struct DecoderChoice {
  std::size_t trial = 0;      // index of the choice taken
  double pooled = 0;          // macro F1 over the pages of all sets
  double regret = 0;          // the most a set of `min_pages` pages or more loses against its own best trial
  std::size_t worst_set = 0;  // the set that loses it
};

// Chooses among trials of decoder parameters (`per_trial[t][s]`: set s under trial t; at least one
// trial, every trial with the same sets): the trial with the highest macro F1 over all pages, the
// first of equals. Also says what that costs the set that gives up most against its own best
// trial; sets of fewer than `min_pages` pages are not counted, unless no set is that large.
DecoderChoice pooled_choice(const std::vector<std::vector<SetF1>>& per_trial, int min_pages);

// Trains the sections of the model that `options` asks for: [text] on the .txt inputs, [html] on
// the .html inputs. `start` supplies a section not asked for, or that has no training pages.
Status train_model(const TrainOptions& options, const Model& start, Model* out);

}  // namespace winnow
