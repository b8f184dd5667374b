// Block shape. Entry point: shape_block. Tested by tests/block_shape_test.cpp.
#include "block_shape.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>

#include "fnv_hash.h"
#include "stopwords.h"
#include "utf8.h"

namespace winnow {
namespace {

constexpr int kWellFormedMinWords = 10;
constexpr float kWellFormedMinStopwords = 0.15f;
constexpr float kWellFormedMaxLinkDensity = 0.35f;
constexpr int kAllCapsMinLetters = 4;

bool is_upper(char32_t cp) {
  return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ||
         (cp >= 0x391 && cp <= 0x3A9) || (cp >= 0x410 && cp <= 0x42F);
}
bool is_lower(char32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 0xDF && cp <= 0xFF && cp != 0xF7) ||
         (cp >= 0x3B1 && cp <= 0x3C9) || (cp >= 0x430 && cp <= 0x44F);
}
char32_t to_lower(char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + 32;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 32;
  if (cp >= 0x391 && cp <= 0x3A9) return cp + 32;
  if (cp >= 0x410 && cp <= 0x42F) return cp + 32;
  return cp;
}
bool is_sentence_end(char32_t cp) {
  return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 || cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F;
}
// 。！？ end a sentence whatever follows (Chinese and Japanese put no space after them), so they are
// counted where they stand; the others when a space, a closing mark or the end follows.
bool is_wide_sentence_end(char32_t cp) { return cp >= 0x3000 && is_sentence_end(cp); }
bool is_narrow_sentence_end(char32_t cp) { return cp < 0x3000 && is_sentence_end(cp); }
bool is_closing(char32_t cp) {
  return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D || cp == 0x2019 || cp == 0xBB;
}
bool is_quote_open(char32_t cp) { return cp == '"' || cp == 0x201C || cp == 0x201E || cp == 0xAB || cp == '\''; }
bool is_separator(char32_t cp) { return cp == '|' || cp == 0xB7 || cp == 0x2022 || cp == 0xBB || cp == '/'; }

// A character's classes, by the functions above, as bits: for ASCII they come from a table built
// once (most text is ASCII, and one lookup replaces a dozen comparisons per character).
enum CharClass : std::uint16_t {
  kSpace = 1 << 0,
  kWord = 1 << 1,
  kUpper = 1 << 2,
  kLower = 1 << 3,
  kDigit = 1 << 4,
  kClosing = 1 << 5,
  kSeparator = 1 << 6,
  kInvalid = 1 << 7,  // a control character or a replaced invalid byte
  kUnspaced = 1 << 8,  // a word character of a script without spaces between words (utf8::is_unspaced_script)
};

std::uint16_t classes_of(char32_t c) {
  std::uint16_t f = 0;
  if (utf8::is_space(c)) f |= kSpace;
  if (utf8::is_word_char(c)) f |= kWord;
  if (utf8::is_unspaced_script(c)) f |= kUnspaced;
  if (is_upper(c)) f |= kUpper;
  if (is_lower(c)) f |= kLower;
  if (c >= '0' && c <= '9') f |= kDigit;
  if (is_closing(c)) f |= kClosing;
  if (is_separator(c)) f |= kSeparator;
  if (c == utf8::kReplacement || (c < 0x20 && c != '\t')) f |= kInvalid;
  return f;
}

const std::array<std::uint16_t, 128>& ascii_classes() {
  static const std::array<std::uint16_t, 128> table = [] {
    std::array<std::uint16_t, 128> t{};
    for (char32_t c = 0; c < 128; ++c) t[c] = classes_of(c);
    return t;
  }();
  return table;
}

}  // namespace

std::uint64_t normalized_hash(std::string_view text) {
  std::uint64_t hash = kFnvOffset;
  std::size_t i = 0;
  while (i < text.size()) {
    const char32_t cp = utf8::next(text, i);
    if (!utf8::is_word_char(cp)) continue;
    hash = fnv_mix(hash, to_lower(cp));
  }
  return hash;
}

BlockShape shape_block(const Block& block, const Lexicon& lexicon) {
  BlockShape shape;
  const std::string_view text = block.text;
  std::string word;  // the current word, lower-cased
  int unspaced = 0;  // characters of the current run of unspaced script, counted as words by utf8::unspaced_run_words
  int unspaced_function_chars = 0;  // of them, function characters (is_unspaced_function_char)
  int word_chars_total = 0;
  int stopwords = 0;
  int capitalised = 0;
  int letters = 0;
  int upper_letters = 0;
  int digits = 0;
  int invalid = 0;
  char32_t last_visible = 0;
  char32_t before_last_visible = 0;
  char32_t previous = ' ';
  bool first_visible = true;
  std::uint64_t hash = kFnvOffset;

  auto end_word = [&] {
    if (word.empty()) return;
    ++shape.words;
    if (is_stopword(word)) ++stopwords;
    word.clear();
  };
  // A run's function characters count as stopwords up to its word count, so that the ratio stays a
  // share (a short run can be mostly particles: "私の" is two characters, one word).
  auto end_unspaced_run = [&] {
    if (unspaced == 0) return;
    const int run_words = utf8::unspaced_run_words(unspaced);
    shape.words += run_words;
    stopwords += std::min(unspaced_function_chars, run_words);
    unspaced = 0;
    unspaced_function_chars = 0;
  };

  const std::array<std::uint16_t, 128>& ascii = ascii_classes();
  std::size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    char32_t cp = byte;
    std::uint16_t f = 0;
    if (byte < 0x80) {
      ++i;
      f = ascii[byte];
    } else {
      cp = utf8::next(text, i);
      f = classes_of(cp);
    }
    ++shape.chars;
    if ((f & kInvalid) != 0) ++invalid;
    if ((f & kSpace) == 0) {
      if (first_visible) {
        shape.starts_quote = is_quote_open(cp);
        first_visible = false;
      }
      before_last_visible = last_visible;
      last_visible = cp;
    }
    if ((f & kUnspaced) != 0) {
      end_word();
      ++unspaced;
      if (is_unspaced_function_char(cp)) ++unspaced_function_chars;
      ++word_chars_total;
      hash = fnv_mix(hash, cp);
    } else if ((f & kWord) != 0) {
      end_unspaced_run();
      if (word.empty() && (f & kUpper) != 0) ++capitalised;
      if (cp == '_') shape.has_underscore = true;
      const char32_t lower = (f & kUpper) != 0 ? to_lower(cp) : cp;
      utf8::append(word, lower);
      ++word_chars_total;
      hash = fnv_mix(hash, lower);
      if ((f & kUpper) != 0) ++upper_letters, ++letters;
      else if ((f & kLower) != 0) ++letters;
      else if ((f & kDigit) != 0) ++digits;
    } else {
      end_word();
      end_unspaced_run();
      if (is_wide_sentence_end(cp) || (is_narrow_sentence_end(previous) && (f & (kSpace | kClosing)) != 0)) {
        ++shape.sentences;
      }
      if ((f & kSeparator) != 0 && previous == ' ') ++shape.separators;
    }
    previous = cp;
  }
  end_word();
  end_unspaced_run();
  if (is_narrow_sentence_end(previous) || (is_closing(previous) && is_narrow_sentence_end(before_last_visible))) {
    ++shape.sentences;
  }

  shape.hash = hash;
  shape.ends_sentence = is_sentence_end(last_visible) || (is_closing(last_visible) && is_sentence_end(before_last_visible));
  const char32_t final_mark = is_closing(last_visible) ? before_last_visible : last_visible;
  shape.ends_full_stop = final_mark == '.' || final_mark == 0x2026 || final_mark == 0x3002;
  shape.ends_colon = last_visible == ':';
  if (shape.words > 0) {
    shape.mean_word_length = static_cast<float>(word_chars_total) / shape.words;
    shape.stopword_ratio = static_cast<float>(stopwords) / shape.words;
    shape.capitalised_ratio = static_cast<float>(capitalised) / shape.words;
  }
  if (shape.chars > 0) {
    shape.digit_ratio = static_cast<float>(digits) / shape.chars;
    shape.invalid_ratio = static_cast<float>(invalid) / shape.chars;
  }
  shape.all_caps = letters >= kAllCapsMinLetters && upper_letters == letters;
  shape.has_url = text.find("http://") != std::string_view::npos || text.find("https://") != std::string_view::npos ||
                  text.find("www.") != std::string_view::npos;
  if (shape.chars > 0) {
    shape.link_density = std::min(1.0f, static_cast<float>(block.html.link_chars) / shape.chars);
  }
  shape.lexicon = lexicon.match(text, shape.words);
  shape.well_formed = shape.words >= kWellFormedMinWords && shape.ends_sentence &&
                      shape.stopword_ratio >= kWellFormedMinStopwords &&
                      shape.link_density <= kWellFormedMaxLinkDensity;
  shape.tag = block.html.tag;
  shape.container_share = block.html.container_share;
  shape.in_caption = block.html.in_figure ||
                     has_bit(block.html.own_groups | block.html.ancestor_groups, ClassGroup::kCaption);
  return shape;
}

std::vector<BlockShape> shape_blocks(const std::vector<Block>& blocks, const Lexicon& lexicon) {
  std::vector<BlockShape> shapes;
  shapes.reserve(blocks.size());
  for (const Block& block : blocks) shapes.push_back(shape_block(block, lexicon));
  return shapes;
}

}  // namespace winnow
