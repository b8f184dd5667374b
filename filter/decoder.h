// The decoder: from block probabilities and the rule stages to final keep/drop decisions, each with
// its reason. Rules that POLICY.md states outright (repeats, teasers, legal notices, prompts, ...)
// decide first; the remaining blocks are decoded as a sequence, since content comes in runs.
#pragma once

#include <vector>

#include "block_shape.h"
#include "model.h"
#include "repeats.h"
#include "teasers.h"
#include "winnow/winnow.h"

namespace winnow {

struct Decision {
  bool keep = false;
  float score = 0;  // the classifier's probability, before context
  Reason reason = Reason::kBoilerplate;
};

// Per block, the rule that drops it regardless of its score, if any (Reason::kContent when none).
std::vector<Reason> rule_reasons(const std::vector<BlockShape>& shapes, const std::vector<RepeatKind>& repeats,
                                 const std::vector<TeaserRole>& teasers);

// Decisions for every block: a rule's reason where `rules` (from rule_reasons) has one, the
// sequence decoding of `scores` for the rest.
std::vector<Decision> decode_blocks(const std::vector<BlockShape>& shapes, const std::vector<Reason>& rules,
                                    const std::vector<float>& scores, const SectionModel& model);

// Drops kept blocks [begin, end) whose text an earlier kept block of the document already gave;
// `kept` remembers the kept texts across calls (windows) of one document.
void drop_kept_repeats(const std::vector<BlockShape>& shapes, std::size_t begin, std::size_t end,
                       RepeatTracker& kept, std::vector<Decision>& decisions);

}  // namespace winnow
