// Teasers: a marker line ("Related", "Popular", "More from ...") and the headline-and-summary items
// listed under it. A teaser's summary can read exactly like a body sentence; only its place under
// the marker gives it away, so this stage works on the sequence, not on single blocks.
#pragma once

#include <cstdint>
#include <vector>

#include "block_shape.h"
#include "repeats.h"

namespace winnow {

enum class TeaserRole : std::uint8_t {
  kNone,
  kMarker,  // the marker line itself
  kInline,  // a one-line teaser: "Read: Headline"
  kItem,    // a headline, summary, tag list or date listed under a marker
};

// Blocks give their HTML tag (a teaser list of <li> headlines has no summaries); text blocks have none.
std::vector<TeaserRole> find_teasers(const std::vector<Block>& blocks, const std::vector<BlockShape>& shapes,
                                     const std::vector<RepeatKind>& repeats);

}  // namespace winnow
