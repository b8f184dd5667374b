// Tests of utf8.h: decoding (invalid bytes -> U+FFFD, one byte at a time), encoding, the shared
// character classes and fold_space / make_valid.
#include "utf8.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace winnow::utf8 {
namespace {

constexpr char32_t R = kReplacement;

std::vector<char32_t> decode_all(std::string_view s) {
  std::vector<char32_t> out;
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t before = i;
    out.push_back(next(s, i));
    EXPECT_GT(i, before) << "decoding must always advance";
    EXPECT_LE(i, s.size()) << "decoding must never step past the end";
  }
  return out;
}

struct DecodeCase {
  const char* name;
  std::string bytes;
  std::vector<char32_t> code_points;
};

TEST(Utf8Next, DecodesValidAndReplacesInvalidBytes) {
  const DecodeCase cases[] = {
      {"empty", "", {}},
      {"ascii", "Az0 ~", {'A', 'z', '0', ' ', '~'}},
      {"two bytes", "\xC3\xA9", {0xE9}},
      {"three bytes", "\xE2\x82\xAC", {0x20AC}},
      {"four bytes", "\xF0\x9F\x98\x80", {0x1F600}},
      {"largest code point", "\xF4\x8F\xBF\xBF", {0x10FFFF}},
      {"mixed", "a\xC3\xA9\xE2\x82\xAC" "b", {'a', 0xE9, 0x20AC, 'b'}},
      {"lone continuation byte", "\x80", {R}},
      {"0xFF", "a\xFF" "b", {'a', R, 'b'}},
      {"0xFE", "\xFE", {R}},
      {"truncated at the end", "ab\xE2\x82", {'a', 'b', R, R}},
      {"truncated four-byte", "\xF0\x9F\x98", {R, R, R}},
      {"lead byte followed by ascii", "\xC3" "A", {R, 'A'}},
      {"three-byte lead, bad second continuation", "\xE2\x82" "A", {R, R, 'A'}},
      {"overlong slash", "\xC0\xAF", {R, R}},
      {"overlong three-byte", "\xE0\x80\xAF", {R, R, R}},
      {"utf-16 surrogate", "\xED\xA0\x80", {R, R, R}},
      {"above U+10FFFF", "\xF4\x90\x80\x80", {R, R, R, R}},
      {"encoded replacement character", "\xEF\xBF\xBD", {R}},
  };
  for (const DecodeCase& c : cases) {
    EXPECT_EQ(decode_all(c.bytes), c.code_points) << c.name;
  }
}

TEST(Utf8Next, NeverReadsPastTheEndOfTheView) {
  // The view ends inside a valid sequence; the bytes after it must not be used.
  const std::string buffer = "x\xE2\x82\xAC";
  EXPECT_EQ(decode_all(std::string_view(buffer).substr(0, 3)), (std::vector<char32_t>{'x', R, R}));
}

TEST(Utf8Append, RoundTripsThroughNext) {
  const char32_t code_points[] = {0, 'a', 0x7F, 0x80, 0xE9, 0x7FF, 0x800, 0x20AC, 0xFFFD, 0xFFFF, 0x10000, 0x1F600,
                                  0x10FFFF};
  for (char32_t cp : code_points) {
    std::string encoded;
    append(encoded, cp);
    std::size_t i = 0;
    EXPECT_EQ(next(encoded, i), cp) << "U+" << std::hex << static_cast<unsigned>(cp);
    EXPECT_EQ(i, encoded.size());
  }
  std::string euro;
  append(euro, 0x20AC);
  EXPECT_EQ(euro, "\xE2\x82\xAC");
}

TEST(Utf8Classes, WhiteSpace) {
  const struct {
    char32_t cp;
    bool space;
  } cases[] = {
      {' ', true},    {'\t', true},   {'\n', true},   {'\r', true},   {'\f', true},  {'\v', true},
      {0xA0, true},   {0x2002, true}, {0x200A, true}, {0x2028, true}, {0x3000, true}, {'a', false},
      {'_', false},   {0xAD, false},  {0x2010, false}, {0xE9, false},
  };
  for (const auto& c : cases) EXPECT_EQ(is_space(c.cp), c.space) << "U+" << std::hex << static_cast<unsigned>(c.cp);
}

TEST(Utf8Classes, WordCharacters) {
  const struct {
    char32_t cp;
    bool word;
  } cases[] = {
      {'a', true},     {'Z', true},     {'7', true},     {'_', true},     {0xDF, true},   {0xE9, true},
      {0x3C3, true},   {0x416, true},   {0x5D0, true},   {0x65E5, true},  {0x663, true},  {' ', false},
      {'.', false},    {'-', false},    {'\'', false},   {'|', false},    {0xA0, false},  {0xA9, false},
      {0xB7, false},   {0xBB, false},   {0xD7, false},   {0x2014, false}, {0x201C, false}, {0x2026, false},
      {0x3001, false}, {0xFFFD, false}, {0xFF0C, false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(is_word_char(c.cp), c.word) << "U+" << std::hex << static_cast<unsigned>(c.cp);
  }
}

TEST(Utf8FoldSpace, FoldsRunsTrimsAndRepairs) {
  const struct {
    const char* name;
    std::string in;
    std::string out;
  } cases[] = {
      {"empty", "", ""},
      {"only spaces", " \t\r\n ", ""},
      {"unchanged", "one two", "one two"},
      {"trims both ends", "  one two  ", "one two"},
      {"folds tabs and newlines", "one\t\ttwo\r\nthree", "one two three"},
      {"vertical tab and form feed", "a\v\fb", "a b"},
      {"nbsp", "one\xC2\xA0\xC2\xA0two", "one two"},
      {"leading nbsp", "\xC2\xA0one", "one"},
      {"ideographic space", "\xE6\x97\xA5\xE3\x80\x80\xE6\x9C\xAC", "\xE6\x97\xA5 \xE6\x9C\xAC"},
      {"em space and thin space", "a\xE2\x80\x83\xE2\x80\x89" "b", "a b"},
      {"multibyte text kept", "Stra\xC3\x9F" "e  \xC3\xBC" "ber", "Stra\xC3\x9F" "e \xC3\xBC" "ber"},
      {"invalid byte becomes U+FFFD", "a\xFF" "b", "a\xEF\xBF\xBD" "b"},
      {"truncated sequence at the end", "ab \xE2\x82", "ab \xEF\xBF\xBD\xEF\xBF\xBD"},
  };
  for (const auto& c : cases) EXPECT_EQ(fold_space(c.in), c.out) << c.name;
}

TEST(Utf8MakeValid, ReplacesOnlyInvalidSequences) {
  const struct {
    const char* name;
    std::string in;
    std::string out;
  } cases[] = {
      {"ascii", "plain text\n", "plain text\n"},
      {"valid multibyte", "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80", "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"},
      {"white space untouched", "a  \t b\n", "a  \t b\n"},
      {"real U+FFFD kept", "\xEF\xBF\xBD", "\xEF\xBF\xBD"},
      {"invalid byte", "a\xFF" "b", "a\xEF\xBF\xBD" "b"},
      {"surrogate", "\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
  };
  for (const auto& c : cases) EXPECT_EQ(make_valid(c.in), c.out) << c.name;
}

TEST(Utf8MakeValid, ResultIsAlwaysValid) {
  // Every byte value in every position of a short string: the result decodes without U+FFFD beyond
  // the ones it wrote, and make_valid is idempotent.
  for (int b = 0; b < 256; ++b) {
    const std::string in = std::string("x") + static_cast<char>(b) + "\xC3";
    const std::string once = make_valid(in);
    EXPECT_EQ(make_valid(once), once) << b;
  }
}

}  // namespace
}  // namespace winnow::utf8
