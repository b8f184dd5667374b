// Repeats. Entry point: find_repeats. Tested by tests/repeats_test.cpp.
#include "repeats.h"

#include <array>
#include <string_view>
#include <unordered_set>

namespace winnow {
namespace {

// A title is only compared when short, and a part of it only counts when it is a real headline.
constexpr int kTitleMaxWords = 40;
constexpr int kTitlePartMinWords = 3;

constexpr std::array<std::string_view, 9> kTitleSeparators = {" | ", " - ", " – ", " — ", " :: ", " · ",
                                                              " » ", " / ", " ~ "};

int count_words(std::string_view text) {
  int words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool word_char = c != ' ';
    if (word_char && !in_word) ++words;
    in_word = word_char;
  }
  return words;
}

// True when some part of `text` between title separators is the text of another block.
bool is_title_duplicate(std::string_view text, std::size_t self, const std::vector<BlockShape>& shapes,
                        const std::unordered_multiset<std::uint64_t>& window_hashes) {
  std::size_t start = 0;
  bool split = false;
  while (start < text.size()) {
    std::size_t cut = std::string_view::npos;
    std::size_t cut_len = 0;
    for (std::string_view sep : kTitleSeparators) {
      const std::size_t at = text.find(sep, start);
      if (at < cut) cut = at, cut_len = sep.size();
    }
    if (cut == std::string_view::npos && !split) return false;
    const std::string_view part = text.substr(start, cut == std::string_view::npos ? text.size() - start : cut - start);
    if (count_words(part) >= kTitlePartMinWords) {
      const std::uint64_t hash = normalized_hash(part);
      if (hash != shapes[self].hash && window_hashes.count(hash) > 0) return true;
    }
    split = true;
    if (cut == std::string_view::npos) break;
    start = cut + cut_len;
  }
  return false;
}

}  // namespace

bool RepeatTracker::seen(std::uint64_t hash) {
  if (seen_.count(hash) > 0) return true;
  if (seen_.size() < kMaxRemembered) seen_.insert(hash);
  return false;
}

void find_repeats(const std::vector<Block>& blocks, const std::vector<BlockShape>& shapes, std::size_t first_new,
                  RepeatTracker& tracker, std::vector<RepeatKind>& kinds) {
  kinds.resize(blocks.size(), RepeatKind::kFirst);
  std::unordered_multiset<std::uint64_t> window_hashes;
  for (const BlockShape& shape : shapes) {
    if (shape.words > 0) window_hashes.insert(shape.hash);
  }
  for (std::size_t i = first_new; i < blocks.size(); ++i) {
    const BlockShape& shape = shapes[i];
    kinds[i] = RepeatKind::kFirst;
    if (shape.words == 0) continue;
    const bool is_title = blocks[i].html.tag == BlockTag::kTitle;
    if (shape.words <= kTitleMaxWords || is_title) {
      // A <title> equal to a block of the body is the duplicate, not the body's headline.
      if ((is_title && window_hashes.count(shape.hash) > 1) ||
          is_title_duplicate(blocks[i].text, i, shapes, window_hashes)) {
        kinds[i] = RepeatKind::kTitleDuplicate;
        continue;
      }
    }
    if (tracker.seen(shape.hash)) kinds[i] = RepeatKind::kRepeat;
  }
}

}  // namespace winnow
