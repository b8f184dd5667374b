// Tests of utf8.h: decoding (invalid bytes -> U+FFFD, one byte at a time), encoding, the shared
// character classes, fold_space / make_valid, and the lower case of European letters (to_lower,
// lower_case), cross-checked against the C library's towlower in the C.UTF-8 locale.
#include "utf8.h"

#include <gtest/gtest.h>

#include <locale.h>
#include <wctype.h>

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
      {0x3001, false}, {0xFFFD, false}, {0xFF0C, false}, {0xFF1A, false}, {0xFF1F, false}, {0xFF5E, false},
      {0x30FB, false}, {0xFF10, true},   {0xFF21, true},  {0x3042, true},  {0x30FC, true},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(is_word_char(c.cp), c.word) << "U+" << std::hex << static_cast<unsigned>(c.cp);
  }
}

TEST(Utf8Classes, UnspacedScripts) {
  const struct {
    char32_t cp;
    bool unspaced;
  } cases[] = {
      {0x4E2D, true},  {0x3400, true},  {0x20BB7, true}, {0x3042, true},  {0x30AB, true},  {0xFF76, true},
      {0x30FC, true},  {'a', false},    {0xE9, false},   {0xAC00, false},  // Hangul: Korean puts spaces between words
      {0x0E01, false}, {0x3002, false}, {0x30FB, false}, {0xFF01, false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(is_unspaced_script(c.cp), c.unspaced) << "U+" << std::hex << static_cast<unsigned>(c.cp);
  }
}

TEST(Utf8CountWords, Table) {
  const struct {
    const char* text;
    int words;
  } cases[] = {
      {"", 0},
      {"Version 2.5 is out.", 5},
      {"\xE2\x80\x94 | \xC2\xB7", 0},
      // Unspaced script: one word per three characters of a run, rounded up.
      {"\xE4\xBB\x8A\xE5\xA4\xA9", 1},                                          // 今天
      {"\xE4\xBB\x8A\xE5\xA4\xA9\xE5\xA4\xA9\xE6\xB0\x94", 2},                  // 今天天气
      {"\xE6\x9D\xB1\xE4\xBA\xAC\xE3\x81\xAF\xE6\x99\xB4\xE3\x82\x8C", 2},  // 東京は晴れ
      {"iPhone 15\xE3\x81\xAE\xE7\x99\xBA\xE5\xA3\xB2\xE6\x97\xA5", 4},       // iPhone 15の発売日
      {"\xE4\xBB\xB7\xE6\xA0\xBC\xEF\xBC\x9A" "100\xE5\x85\x83", 3},         // 价格：100元
      {"\xEC\x84\x9C\xEC\x9A\xB8 \xEB\x82\xA0\xEC\x94\xA8", 2},              // 서울 날씨 (Korean: spaced)
  };
  for (const auto& c : cases) EXPECT_EQ(count_words(c.text), c.words) << c.text;
}

// The word-at-a-time helpers, at every byte position of the eight.
TEST(Utf8EightBytes, AllAsciiAndHasByte) {
  for (std::size_t at = 0; at < 8; ++at) {
    std::string bytes = "abcdefgh";
    EXPECT_TRUE(utf8::all_ascii(utf8::load_eight(bytes, 0)));
    EXPECT_FALSE(utf8::has_byte(utf8::load_eight(bytes, 0), 0x1B));
    bytes[at] = '\x1B';
    EXPECT_TRUE(utf8::all_ascii(utf8::load_eight(bytes, 0))) << at;
    EXPECT_TRUE(utf8::has_byte(utf8::load_eight(bytes, 0), 0x1B)) << at;
    EXPECT_FALSE(utf8::has_byte(utf8::load_eight(bytes, 0), 'z')) << at;
    bytes[at] = '\xE3';
    EXPECT_FALSE(utf8::all_ascii(utf8::load_eight(bytes, 0))) << at;
    EXPECT_TRUE(utf8::has_byte(utf8::load_eight(bytes, 0), 0xE3)) << at;
    EXPECT_FALSE(utf8::has_byte(utf8::load_eight(bytes, 0), 0x1B)) << at;
  }
  // One byte above the one looked for (0x1C) or below it does not count.
  EXPECT_FALSE(utf8::has_byte(utf8::load_eight("\x1C\x1A\x1C\x1A\x1C\x1A\x1C\x1A", 0), 0x1B));
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
      // Where a run of printable ASCII (copied whole) ends.
      {"controls inside words go", "a\x01" "b c\x7F" "d", "ab cd"},
      {"a single space before multibyte text", "one \xC3\xBC" "ber", "one \xC3\xBC" "ber"},
      {"a single space, then a double one", "a b  c", "a b c"},
      {"a single space at the end", "a b ", "a b"},
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

TEST(Utf8ToLower, Table) {
  const struct {
    char32_t upper;
    char32_t lower;
  } cases[] = {
      // ASCII: letters only, the neighbours of 'A'..'Z' unchanged.
      {'A', 'a'},     {'Z', 'z'},     {'a', 'a'},     {'z', 'z'},     {'@', '@'},     {'[', '['},
      {'0', '0'},     {' ', ' '},
      // Latin-1: the capitals 0xC0..0xDE but the multiplication sign; sharp s, division sign and
      // y with diaeresis are already lower case.
      {0xC0, 0xE0},   {0xC4, 0xE4},   {0xC9, 0xE9},   {0xD6, 0xF6},   {0xD7, 0xD7},   {0xD8, 0xF8},
      {0xDC, 0xFC},   {0xDE, 0xFE},   {0xDF, 0xDF},   {0xE4, 0xE4},   {0xF7, 0xF7},   {0xFF, 0xFF},
      {0xB5, 0xB5},   {0xA0, 0xA0},
      // Latin Extended-A: even/odd pairs (Ą ą, Ć ć, Ę ę, Œ œ, Ś ś, Š š), odd/even pairs
      // (Ĺ ĺ, Ł ł, Ń ń, Ň ň, Ź ź, Ż ż, Ž ž); ĸ and ŉ have no capital.
      {0x100, 0x101}, {0x101, 0x101}, {0x104, 0x105}, {0x106, 0x107}, {0x118, 0x119}, {0x11E, 0x11F},
      {0x152, 0x153}, {0x15A, 0x15B}, {0x160, 0x161}, {0x176, 0x177}, {0x139, 0x13A}, {0x13A, 0x13A},
      {0x141, 0x142}, {0x142, 0x142}, {0x143, 0x144}, {0x147, 0x148}, {0x148, 0x148}, {0x14A, 0x14B},
      {0x179, 0x17A}, {0x17B, 0x17C}, {0x17D, 0x17E}, {0x17E, 0x17E}, {0x138, 0x138}, {0x149, 0x149},
      // Greek: Α..Ω (0x3A2 is unassigned); final sigma stays.
      {0x391, 0x3B1}, {0x393, 0x3B3}, {0x3A3, 0x3C3}, {0x3A9, 0x3C9}, {0x3A2, 0x3A2}, {0x3B1, 0x3B1},
      {0x3C2, 0x3C2},
      // Cyrillic: А..Я and Ѐ..Џ (Ё, Є, І, Ї, Ў, Џ).
      {0x410, 0x430}, {0x411, 0x431}, {0x42F, 0x44F}, {0x400, 0x450}, {0x401, 0x451}, {0x404, 0x454},
      {0x406, 0x456}, {0x407, 0x457}, {0x40E, 0x45E}, {0x40F, 0x45F}, {0x430, 0x430}, {0x451, 0x451},
      // Everything else unchanged.
      {0x20AC, 0x20AC}, {0x65E5, 0x65E5}, {0x1F600, 0x1F600}, {kReplacement, kReplacement}, {0x10FFFF, 0x10FFFF},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(static_cast<unsigned>(to_lower(c.upper)), static_cast<unsigned>(c.lower))
        << "U+" << std::hex << static_cast<unsigned>(c.upper);
  }
}

TEST(Utf8ToLower, IsIdempotent) {
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    const char32_t once = to_lower(cp);
    ASSERT_EQ(static_cast<unsigned>(to_lower(once)), static_cast<unsigned>(once))
        << "U+" << std::hex << static_cast<unsigned>(cp);
  }
}

// The reference: the C library's towlower in the C.UTF-8 locale (a locale object, the global
// locale is left alone). Checked over the letters to_lower claims, less the gaps listed in
// ToLowerMissesSomeCapitalsOfItsScripts.
TEST(Utf8ToLower, AgreesWithTheCLibrary) {
  const locale_t utf8_locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(nullptr));
  if (utf8_locale == static_cast<locale_t>(nullptr)) GTEST_SKIP() << "no C.UTF-8 locale";
  const struct {
    char32_t first;
    char32_t last;
  } ranges[] = {
      {0x0, 0x12F}, {0x131, 0x177}, {0x179, 0x17F},  // ASCII, Latin-1, Latin Extended-A but İ and Ÿ
      {0x391, 0x3A9}, {0x3AC, 0x3CE},                // Greek capitals without accents, all small letters
      {0x400, 0x45F},                                // Cyrillic of Russian, Ukrainian, Belarusian, Serbian, ...
  };
  int checked = 0;
  for (const auto& range : ranges) {
    for (char32_t cp = range.first; cp <= range.last; ++cp) {
      const auto expected = static_cast<unsigned>(towlower_l(static_cast<wint_t>(cp), utf8_locale));
      EXPECT_EQ(static_cast<unsigned>(to_lower(cp)), expected) << "U+" << std::hex << static_cast<unsigned>(cp);
      ++checked;
    }
  }
  freelocale(utf8_locale);
  EXPECT_GT(checked, 500);
}

TEST(Utf8ToLower, ToLowerMissesSomeCapitalsOfItsScripts) {
  const struct {
    char32_t upper;
    char32_t lower;
  } cases[] = {
      {0x178, 0xFF},  {0x386, 0x3AC}, {0x388, 0x3AD}, {0x389, 0x3AE}, {0x38A, 0x3AF}, {0x38C, 0x3CC},
      {0x38E, 0x3CD}, {0x38F, 0x3CE}, {0x3AA, 0x3CA}, {0x3AB, 0x3CB}, {0x490, 0x491}, {0x130, 'i'},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(static_cast<unsigned>(to_lower(c.upper)), static_cast<unsigned>(c.lower))
        << "U+" << std::hex << static_cast<unsigned>(c.upper);
  }
}

TEST(Utf8LowerCase, Table) {
  const struct {
    const char* name;
    std::string in;
    std::string out;
  } cases[] = {
      {"empty", "", ""},
      {"ascii", "Hello, WORLD 42!", "hello, world 42!"},
      {"already lower case", "stra\xC3\x9F" "e", "stra\xC3\x9F" "e"},
      // "ÄÖÜ É Ł Ś Ž ΑΒΓ АБВ Ё" -> "äöü é ł ś ž αβγ абв ё"
      {"european capitals",
       "\xC3\x84\xC3\x96\xC3\x9C \xC3\x89 \xC5\x81 \xC5\x9A \xC5\xBD \xCE\x91\xCE\x92\xCE\x93 "
       "\xD0\x90\xD0\x91\xD0\x92 \xD0\x81",
       "\xC3\xA4\xC3\xB6\xC3\xBC \xC3\xA9 \xC5\x82 \xC5\x9B \xC5\xBE \xCE\xB1\xCE\xB2\xCE\xB3 "
       "\xD0\xB0\xD0\xB1\xD0\xB2 \xD1\x91"},
      {"spanish heading", "VEA TAMBI\xC3\x89N:", "vea tambi\xC3\xA9n:"},
      {"polish heading", "CZYTAJ TAK\xC5\xBB" "E", "czytaj tak\xC5\xBC" "e"},
      {"multiplication sign unchanged", "3 \xC3\x97 4 \xC3\xB7 2", "3 \xC3\x97 4 \xC3\xB7 2"},
      {"symbols and other scripts unchanged", "\xE2\x82\xAC \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80",
       "\xE2\x82\xAC \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80"},
      {"white space and control bytes unchanged", "A\tB\nC\x01", "a\tb\nc\x01"},
      // Invalid bytes become U+FFFD, one per byte, as next() reads them; the text around survives.
      {"invalid byte", "A\xFF" "B", "a\xEF\xBF\xBD" "b"},
      {"lone continuation byte", "\x80Z", "\xEF\xBF\xBDz"},
      {"truncated at the end", "AB\xC3", "ab\xEF\xBF\xBD"},
      {"lead byte before ascii", "\xC3" "A", "\xEF\xBF\xBD" "a"},
      {"surrogate", "\xED\xA0\x80X", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDx"},
  };
  for (const auto& c : cases) EXPECT_EQ(lower_case(c.in), c.out) << c.name;
}

// lower_case has a fast path for ASCII; every code point must come out as to_lower says.
TEST(Utf8LowerCase, AgreesWithToLowerForEveryCodePoint) {
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    std::string in;
    append(in, cp);
    std::string expected;
    append(expected, to_lower(cp));
    ASSERT_EQ(lower_case(in), expected) << "U+" << std::hex << static_cast<unsigned>(cp);
  }
}

TEST(Utf8LowerCase, AnyBytesGiveValidUtf8) {
  for (int b = 0; b < 256; ++b) {
    const char byte = static_cast<char>(b);
    const std::string inputs[] = {{byte}, {'X', byte, '\xC3'}, {byte, '\x80', '\x80', '\x80'}};
    for (const std::string& in : inputs) {
      const std::string out = lower_case(in);
      EXPECT_EQ(make_valid(out), out) << b;
      EXPECT_EQ(lower_case(out), out) << b;
    }
  }
}

}  // namespace
}  // namespace winnow::utf8
