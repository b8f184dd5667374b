// The pipeline: bytes -> document of blocks -> shapes -> repeats and teasers -> features -> scores
// -> decisions. The public clean() and TextStream are thin drivers over classify_window, which
// `explain` and `train` also call to see the features.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "block_shape.h"
#include "decoder.h"
#include "document.h"
#include "block_features.h"
#include "model.h"
#include "repeats.h"

namespace winnow {

// A document, or a window of a text stream, as it moves through the stages.
struct Window {
  Document doc;
  std::vector<BlockShape> shapes;
};

// A window after the stages that need no model: the rule (if any) that decides each block, from
// repeats, teasers and the lexicon, and each block's features.
struct Staged {
  std::vector<Reason> rules;  // Reason::kContent where no rule decides
  std::vector<FeatureVector> features;
};

struct Classified {
  std::vector<Decision> decisions;
  std::vector<FeatureVector> features;  // filled only when asked for
  std::vector<Reason> rules;            // likewise: the rule deciding each block (kContent: none)
};

// Shapes for blocks [first_new, end) of `window`, which earlier calls (if any) have already
// prepared up to first_new.
void prepare_window(Window& window, std::size_t first_new);

// Repeats, teasers, rules and features of a prepared window.
Staged stage_window(const Window& window);

// The first pass's probability of every block, 0 where a rule decides (those blocks are not scored).
std::vector<float> score_first_pass(const std::vector<Reason>& rules, const TreeEnsemble& first_pass,
                                    const std::vector<FeatureVector>& features);

// The classifier's two passes: the first scores each block from its own features (0 where a rule
// decides), the second again with the first pass's probabilities around it (add_context_features
// fills them into `features`). Returns the second pass's probabilities.
std::vector<float> score_two_passes(const std::vector<Reason>& rules, const SectionModel& model,
                                    std::vector<FeatureVector>& features);

// stage_window, scores and decisions for every block of a prepared window. Kept
// blocks that repeat earlier kept text are not dropped yet: see drop_kept_repeats.
Classified classify_window(const Window& window, const SectionModel& model, bool keep_features);

// classify_window and drop_kept_repeats for a whole document.
Classified classify_document(const Window& window, const SectionModel& model, bool keep_features);

// A cleaned document with, per block, the features that pushed its score most, for `explain`.
struct Explained {
  CleanResult result;
  std::vector<std::string> pushes;  // per block: "name +w, name -w, ..." strongest first
};
Explained explain_document(std::string_view bytes, const CleanOptions& options, std::size_t top);

// Segments a whole document of UTF-8 of the given kind (kAuto is resolved here) within `limits`,
// noting in `hit` (when given) what they cut.
Document segment_document(std::string_view text, InputKind kind, const Limits& limits = {}, LimitsHit* hit = nullptr);

// A document's bytes as UTF-8 (encoding.h): `bytes` itself, or a converted copy in `storage`.
// Sets `result`'s kind (resolving kAuto on the decoded text) and encoding.
std::string_view decode_input(std::string_view bytes, const CleanOptions& options, std::string* storage,
                              CleanResult* result);

}  // namespace winnow
