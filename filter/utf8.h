// UTF-8 decoding and the character classes the stages share: what is a word character, what is
// white space. One place, so segmentation, features and metrics agree on what a word is.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace winnow::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

// The functions below run for every character of every block: each has its ASCII case here, inline,
// and the rest out of line (the *_above_ascii functions, not for callers).
char32_t next_above_ascii(std::string_view s, std::size_t& i);
void append_above_ascii(std::string& out, char32_t cp);
bool is_space_above_ascii(char32_t cp);
bool is_word_char_above_ascii(char32_t cp);
char32_t to_lower_above_ascii(char32_t cp);

// Decodes the code point at s[i] and advances i. Invalid or truncated sequences yield
// kReplacement and advance one byte, so decoding never stalls and never reads past the end.
inline char32_t next(std::string_view s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  return next_above_ascii(s, i);
}

// next(), and whether the bytes were invalid (a U+FFFD written out in the text is not).
char32_t next_checked(std::string_view s, std::size_t& i, bool* invalid);

// Appends the UTF-8 encoding of cp.
inline void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else {
    append_above_ascii(out, cp);
  }
}

// Text scanned eight bytes at a time (most of it is ASCII): the eight bytes from s[i] as one word,
// whether all of them are ASCII, and whether one of them is `byte`.
inline std::uint64_t load_eight(std::string_view s, std::size_t i) {
  std::uint64_t word;
  std::memcpy(&word, s.data() + i, 8);
  return word;
}
inline constexpr std::uint64_t kHighBits = 0x8080808080808080ull;
inline constexpr std::uint64_t kLowBits = 0x0101010101010101ull;
inline bool all_ascii(std::uint64_t word) { return (word & kHighBits) == 0; }
inline bool has_byte(std::uint64_t word, unsigned char byte) {
  const std::uint64_t zero_where_equal = word ^ (kLowBits * byte);
  return ((zero_where_equal - kLowBits) & ~zero_where_equal & kHighBits) != 0;
}

// White space as Unicode defines it, including NBSP and the zero-width space.
inline bool is_space(char32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= '\t' && cp <= '\r');
  return is_space_above_ascii(cp);
}

// A cheap word-character test for features: letters and digits of any script. Punctuation and
// symbols of the Latin-1, general punctuation and CJK punctuation blocks are not word characters.
inline bool is_word_char(char32_t cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '_';
  return is_word_char_above_ascii(cp);
}

// Han ideographs and Japanese kana: scripts written without spaces between words, so that a run of
// them is a phrase or a sentence, not one word.
bool is_unspaced_script_above_ascii(char32_t cp);
inline bool is_unspaced_script(char32_t cp) { return cp >= 0x3040 && is_unspaced_script_above_ascii(cp); }

// A run of unspaced script counts one word per this many of its characters, rounded up. Chinese
// words average under two characters, but counted at three a paragraph's function characters
// (stopwords.h) make a share of its words like English function words (0.41 to 0.53 in the gold of
// the corpus's Chinese and Japanese pages), and on those pages three did better than two.
inline constexpr int kUnspacedCharsPerWord = 3;
inline int unspaced_run_words(int run_chars) { return (run_chars + kUnspacedCharsPerWord - 1) / kUnspacedCharsPerWord; }

// Words as the features count them: runs of word characters, with runs of unspaced script counted
// by unspaced_run_words. "Version 2.5" is three words, "東京は晴れ" (5 characters) two.
int count_words(std::string_view text);

// Lower case of the letters of European scripts (ASCII, Latin-1, Latin Extended-A, Greek,
// Cyrillic); other code points unchanged. Enough for matching lower-case patterns.
inline char32_t to_lower(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
  return to_lower_above_ascii(cp);
}

// A byte with ASCII letters lower-cased and every other byte as it is: for names and keywords
// compared byte by byte (HTML tags and attributes, charset labels, class words).
inline char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; }

// White space as HTML's tokeniser and its encoding sniffing know it: space, tab, line feed, form
// feed, carriage return (not the vertical tab).
inline bool is_html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

// An ASCII letter: what opens an HTML tag name after '<' or "</".
inline bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// `s` with every code point through to_lower.
std::string lower_case(std::string_view s);

// Folds every run of white space to one ASCII space and trims both ends. Invalid UTF-8 becomes
// U+FFFD, so the result is always valid UTF-8; other ASCII control characters (NUL, ESC, DEL, ...)
// are dropped.
std::string fold_space(std::string_view s);

// Input bytes quoted in a message: at most about `max_bytes`, valid UTF-8 (U+FFFD for invalid
// sequences), control characters written as \xNN, "..." when cut.
std::string printable(std::string_view s, std::size_t max_bytes = 80);

// Whether `s` is valid UTF-8.
bool is_valid(std::string_view s);

// Replaces invalid sequences by U+FFFD; returns s unchanged when it is valid.
std::string make_valid(std::string_view s);

}  // namespace winnow::utf8
