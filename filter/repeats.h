// Repeats: blocks that say again what the page already said (a template printed twice, the body
// scraped twice, a pull quote), and the headline again with a site name ("Headline | Site").
#pragma once

#include <cstddef>
#include <cstdint>
#include <unordered_set>
#include <vector>

#include "block_shape.h"
#include "document.h"

namespace winnow {

enum class RepeatKind : std::uint8_t {
  kFirst,           // not seen before on this page
  kRepeat,          // the same words as an earlier block
  kTitleDuplicate,  // another block's text with a site name or section before or after it
};

// Remembers the blocks seen so far in one document. Bounded: past kMaxRemembered distinct blocks it
// stops remembering new ones, so a stream of any length runs in bounded memory (later repeats of
// blocks it did not remember are then kept).
class RepeatTracker {
 public:
  static constexpr std::size_t kMaxRemembered = 1u << 20;
  // True when `hash` was seen before; remembers it otherwise.
  bool seen(std::uint64_t hash);

 private:
  std::unordered_set<std::uint64_t> seen_;
};

// Classifies blocks [first_new, end) of a window into `kinds` (resized to the window). Blocks
// before first_new were classified by an earlier call and passed through the same tracker; they
// still count as context for title duplicates.
void find_repeats(const std::vector<Block>& blocks, const std::vector<BlockShape>& shapes, std::size_t first_new,
                  RepeatTracker& tracker, std::vector<RepeatKind>& kinds);

}  // namespace winnow
