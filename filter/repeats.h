// Repeats: blocks that say again what the page already said (a template printed twice, the body
// scraped twice, a pull quote), and the headline again with a site name ("Headline | Site").
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "block_shape.h"
#include "hash_table.h"
#include "document.h"

namespace winnow {

enum class RepeatKind : std::uint8_t {
  kFirst,           // not seen before on this page
  kRepeat,          // the same words as an earlier block of the window
  kTitleDuplicate,  // another block's text with a site name or section before or after it
  kContained,       // its words stand inside a longer paragraph of the page: a pull quote
};

// Classifies every block of a window (a whole document, or a window of a text stream).
std::vector<RepeatKind> find_repeats(const std::vector<Block>& blocks, const std::vector<BlockShape>& shapes);

// The texts a document has kept so far, so a repeat is dropped only where an earlier copy was
// kept: a menu item that repeats the headline does not cost the headline. Bounded: past
// kMaxRemembered distinct texts it stops remembering new ones, so a stream of any length runs in
// bounded memory (later repeats of texts it did not remember are then kept).
class RepeatTracker {
 public:
  static constexpr std::size_t kMaxRemembered = 1u << 20;
  // True when `hash` was remembered before; remembers it otherwise.
  bool seen(std::uint64_t hash);

 private:
  HashSet seen_;  // 16 MB at most
};

}  // namespace winnow
