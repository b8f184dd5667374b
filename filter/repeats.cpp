// Repeats. Entry point: find_repeats. Tested by tests/repeats_test.cpp.
#include "repeats.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "fnv_hash.h"
#include "hash_table.h"
#include "utf8.h"

namespace winnow {
namespace {

// A title is only compared when short, and a part of it only counts when it is a real headline.
constexpr int kTitleMaxWords = 40;
constexpr int kTitlePartMinWords = 3;
// A <title> holding this share of a heading's words is that heading again.
constexpr double kTitleHeadingOverlap = 0.7;
// A pull quote is a short block whose every run of kQuoteGram words stands in a longer
// well-formed paragraph.
constexpr int kQuoteGram = 5;
constexpr int kQuoteMinWords = 6;
constexpr int kQuoteMaxWords = 60;

constexpr std::array<std::string_view, 9> kTitleSeparators = {" | ", " - ", " – ", " — ", " :: ", " · ",
                                                              " » ", " / ", " ~ "};

// The bytes that follow the space of some separator above.
constexpr std::array<bool, 256> kSeparatorFirstBytes = [] {
  std::array<bool, 256> first{};
  for (std::string_view sep : kTitleSeparators) first[static_cast<unsigned char>(sep[1])] = true;
  return first;
}();

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
bool is_title_duplicate(std::string_view text, std::uint64_t own_hash,
                        const HashTable<int>& window_hashes) {
  std::size_t start = 0;
  bool split = false;
  while (start < text.size()) {
    // The first separator at or after `start`: every one starts with a space.
    std::size_t cut = std::string_view::npos;
    std::size_t cut_len = 0;
    for (std::size_t at = text.find(' ', start); at != std::string_view::npos && cut == std::string_view::npos;
         at = text.find(' ', at + 1)) {
      // Most spaces are followed by a word: only a byte that can open a separator is worth the
      // comparisons (this runs for every space of every short block).
      if (at + 1 >= text.size() || !kSeparatorFirstBytes[static_cast<unsigned char>(text[at + 1])]) continue;
      for (std::string_view sep : kTitleSeparators) {
        if (text.compare(at, sep.size(), sep) == 0) {
          cut = at, cut_len = sep.size();
          break;
        }
      }
    }
    if (cut == std::string_view::npos && !split) return false;
    const std::string_view part = text.substr(start, cut == std::string_view::npos ? text.size() - start : cut - start);
    if (count_words(part) >= kTitlePartMinWords) {
      const std::uint64_t hash = normalized_hash(part);
      if (hash != own_hash && window_hashes.find(hash) != nullptr) return true;
    }
    split = true;
    if (cut == std::string_view::npos) break;
    start = cut + cut_len;
  }
  return false;
}

// Hashes of each word of a text, lower-cased, for word n-grams, into `words` (reused, so a window
// does not allocate per block).
void word_hashes(std::string_view text, std::vector<std::uint64_t>& words) {
  words.clear();
  std::uint64_t hash = kFnvOffset;
  bool in_word = false;
  std::size_t i = 0;
  while (i < text.size()) {
    const char32_t cp = utf8::next(text, i);
    if (utf8::is_word_char(cp)) {
      const char32_t lower = cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
      hash = fnv_mix(hash, lower);
      in_word = true;
    } else if (in_word) {
      words.push_back(hash);
      hash = kFnvOffset;
      in_word = false;
    }
  }
  if (in_word) words.push_back(hash);
}

std::vector<std::uint64_t> word_hashes(std::string_view text) {
  std::vector<std::uint64_t> words;
  word_hashes(text, words);
  return words;
}

std::uint64_t gram_hash(const std::vector<std::uint64_t>& words, std::size_t start) {
  std::uint64_t hash = kFnvOffset;
  for (int k = 0; k < kQuoteGram; ++k) hash = fnv_mix(hash, words[start + k]) + 0x9E3779B97F4A7C15ull;
  return hash;
}

// Marks the pull quotes: short blocks whose every word n-gram stands in a longer well-formed
// paragraph. Per n-gram the longest paragraph holding it is remembered, so a block never counts as
// contained in itself or in an equal copy (which is a plain repeat).
void find_contained(const std::vector<Block>& blocks, const std::vector<BlockShape>& shapes,
                    std::vector<RepeatKind>& kinds) {
  auto holds = [&](std::size_t i) { return shapes[i].well_formed && blocks[i].html.tag != BlockTag::kTitle; };
  std::size_t grams = 0;  // about as many n-grams as words (the table grows if there are more)
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (holds(i)) grams += static_cast<std::size_t>(std::max(shapes[i].words - kQuoteGram + 1, 0));
  }
  if (grams == 0) return;
  // Per n-gram hash, the words of the longest paragraph holding it.
  HashTable<int> longest(grams);
  bool any = false;
  std::vector<std::uint64_t> words;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (!holds(i)) continue;
    word_hashes(blocks[i].text, words);
    for (std::size_t s = 0; s + kQuoteGram <= words.size(); ++s) {
      int& holder = longest.insert(gram_hash(words, s));
      holder = std::max(holder, shapes[i].words);
      any = true;
    }
  }
  if (!any) return;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const BlockShape& shape = shapes[i];
    if (kinds[i] != RepeatKind::kFirst || shape.words < kQuoteMinWords || shape.words > kQuoteMaxWords) continue;
    word_hashes(blocks[i].text, words);
    if (words.size() < static_cast<std::size_t>(kQuoteGram)) continue;
    bool contained = true;
    for (std::size_t s = 0; s + kQuoteGram <= words.size() && contained; ++s) {
      const int* holder = longest.find(gram_hash(words, s));
      contained = holder != nullptr && *holder > shape.words;
    }
    if (contained) kinds[i] = RepeatKind::kContained;
  }
}

// True when most words of some heading of the page stand in this <title>: the title is the
// headline again, perhaps shortened or reworded, with the site name.
bool title_repeats_heading(std::size_t title, const std::vector<Block>& blocks, const std::vector<BlockShape>& shapes) {
  const std::vector<std::uint64_t> title_words = word_hashes(blocks[title].text);
  const std::unordered_set<std::uint64_t> in_title(title_words.begin(), title_words.end());
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const BlockTag tag = blocks[i].html.tag;
    if (i == title || (tag != BlockTag::kH1 && tag != BlockTag::kHeading) || shapes[i].words < kTitlePartMinWords) {
      continue;
    }
    const std::vector<std::uint64_t> words = word_hashes(blocks[i].text);
    std::size_t shared = 0;
    for (std::uint64_t w : words) shared += in_title.count(w);
    if (static_cast<double>(shared) >= kTitleHeadingOverlap * static_cast<double>(words.size())) return true;
  }
  return false;
}

}  // namespace

bool RepeatTracker::seen(std::uint64_t hash) {
  if (seen_.find(hash) != nullptr) return true;
  if (seen_.size() < kMaxRemembered) seen_.insert(hash);
  return false;
}

std::vector<RepeatKind> find_repeats(const std::vector<Block>& blocks, const std::vector<BlockShape>& shapes) {
  std::vector<RepeatKind> kinds(blocks.size(), RepeatKind::kFirst);
  HashTable<int> window_hashes(blocks.size());  // how many blocks of the window have each text
  for (const BlockShape& shape : shapes) {
    if (shape.words > 0) ++window_hashes.insert(shape.hash);
  }
  HashSet earlier(blocks.size());
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const BlockShape& shape = shapes[i];
    if (shape.words == 0) continue;
    const bool is_title = blocks[i].html.tag == BlockTag::kTitle;
    if (shape.words <= kTitleMaxWords || is_title) {
      // A <title> equal to a block of the body is the duplicate, not the body's headline.
      const int* copies = window_hashes.find(shape.hash);
      if ((is_title && ((copies != nullptr && *copies > 1) || title_repeats_heading(i, blocks, shapes))) ||
          is_title_duplicate(blocks[i].text, shape.hash, window_hashes)) {
        kinds[i] = RepeatKind::kTitleDuplicate;
        continue;
      }
    }
    bool first = false;
    earlier.insert(shape.hash, &first);
    if (!first) kinds[i] = RepeatKind::kRepeat;
  }
  find_contained(blocks, shapes, kinds);
  return kinds;
}

}  // namespace winnow
