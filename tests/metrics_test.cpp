// Tests of the regress metrics (metrics.h), against POLICY.md and ../shared/tools/score.py: tokens
// as Python's re \w+ finds them (expected values taken from Python 3), lower-cased with full case
// mapping; token P/R/F1 of small examples worked out by hand; snippet normalisation and counts.
// The corpus cross-check against score.py itself is the ctest metrics_crosscheck.
#include "metrics.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace winnow {
namespace {

using Tokens = std::vector<std::string>;

TEST(WordTokens, AsPythonReWordRunsLowerCased) {
  // Expected: [t.lower() for t in re.findall(r"\w+", text)] in Python 3.
  const struct {
    const char* name;
    std::string text;
    Tokens tokens;
  } cases[] = {
      {"empty", "", {}},
      {"no word characters", " -- ... !? ", {}},
      {"ascii words", "Hello, World!", {"hello", "world"}},
      {"apostrophe and hyphen split", "don't e-mail", {"don", "t", "e", "mail"}},
      {"underscore is a word character", "snake_case x_1", {"snake_case", "x_1"}},
      {"digits", "In 2024, 3.5% of 1,000", {"in", "2024", "3", "5", "of", "1", "000"}},
      {"sharp s stays", "Stra\xC3\x9F" "e", {"stra\xC3\x9F" "e"}},
      {"capital sharp s lowers to sharp s", "\xE1\xBA\x9E", {"\xC3\x9F"}},
      {"greek final sigma", "\xCE\x9F\xCE\x94\xCE\x9F\xCE\xA3 \xCE\xA3\xCE\x9F\xCE\xA6\xCE\x9F\xCE\xA3",
       {"\xCE\xBF\xCE\xB4\xCE\xBF\xCF\x82", "\xCF\x83\xCE\xBF\xCF\x86\xCE\xBF\xCF\x82"}},
      {"dotted capital I", "\xC4\xB0stanbul", {"i\xCC\x87stanbul"}},
      {"titlecase digraph", "\xC7\x85ungla", {"\xC7\x86ungla"}},
      {"precomposed accent", "caf\xC3\xA9", {"caf\xC3\xA9"}},
      {"combining mark splits", "cafe\xCC\x81 x", {"cafe", "x"}},
      {"devanagari vowel signs split", "\xE0\xA4\xB9\xE0\xA4\xBF\xE0\xA4\xA8\xE0\xA5\x8D\xE0\xA4\xA6\xE0\xA5\x80",
       {"\xE0\xA4\xB9", "\xE0\xA4\xA8", "\xE0\xA4\xA6"}},
      {"numerics: fraction, superscript, arabic-indic digits, roman numeral",
       "\xC2\xBD \xC2\xB2 \xD9\xA3\xD9\xA4 \xE2\x85\xAB", {"\xC2\xBD", "\xC2\xB2", "\xD9\xA3\xD9\xA4", "\xE2\x85\xBB"}},
      {"cjk run is one token", "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x83\x86\xE3\x82\xAD\xE3\x82\xB9\xE3\x83\x88",
       {"\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x83\x86\xE3\x82\xAD\xE3\x82\xB9\xE3\x83\x88"}},
      {"fullwidth letters lower-cased, not folded", "\xEF\xBC\xA1\xEF\xBC\xA2", {"\xEF\xBD\x81\xEF\xBD\x82"}},
      {"ligature is one letter", "\xEF\xAC\x81le", {"\xEF\xAC\x81le"}},
      {"zero-width space splits", "x\xE2\x80\x8By", {"x", "y"}},
      {"middle dot splits", "a\xC2\xB7" "b", {"a", "b"}},
      {"nbsp splits", "a\xC2\xA0" "b", {"a", "b"}},
      {"invalid bytes split", "ab\xFF" "cd", {"ab", "cd"}},
  };
  for (const auto& c : cases) EXPECT_EQ(word_tokens(c.text), c.tokens) << c.name;
}

TEST(TokenCounts, MultisetIntersection) {
  const struct {
    const char* gold;
    const char* predicted;
    long tp;
    long predicted_count;
    long gold_count;
  } cases[] = {
      {"a b b c", "b b b d", 2, 4, 4},
      {"the cat sat", "the cat", 2, 2, 3},
      {"Hello world", "HELLO, WORLD!", 2, 2, 2},
      {"one two", "", 0, 0, 2},
      {"", "one two", 0, 2, 0},
      {"x x x", "x", 1, 1, 3},
  };
  for (const auto& c : cases) {
    const TokenCounts counts = token_counts(c.gold, c.predicted);
    EXPECT_EQ(counts.true_positives, c.tp) << c.gold << " / " << c.predicted;
    EXPECT_EQ(counts.predicted, c.predicted_count) << c.gold << " / " << c.predicted;
    EXPECT_EQ(counts.gold, c.gold_count) << c.gold << " / " << c.predicted;
  }
}

TEST(TokenScores, WorkedByHand) {
  const struct {
    TokenCounts counts;
    double p, r, f1;
  } cases[] = {
      // gold "a b b c", predicted "b b b d": TP 2 of 4 and 4.
      {{2, 4, 4}, 0.5, 0.5, 0.5},
      // gold "the cat sat", predicted "the cat": P 1, R 2/3, F1 = 2*(2/3)/(5/3) = 0.8.
      {{2, 2, 3}, 1.0, 2.0 / 3.0, 0.8},
      // TP 3, |pred| 4, |gold| 6: P .75, R .5, F1 = 2*.375/1.25 = .6.
      {{3, 4, 6}, 0.75, 0.5, 0.6},
      // Empty prediction against non-empty gold scores 0.
      {{0, 0, 5}, 0.0, 0.0, 0.0},
      // Nothing right.
      {{0, 7, 5}, 0.0, 0.0, 0.0},
      {{5, 5, 5}, 1.0, 1.0, 1.0},
  };
  for (const auto& c : cases) {
    const PrecisionRecall s = token_scores(c.counts);
    EXPECT_DOUBLE_EQ(s.precision, c.p);
    EXPECT_DOUBLE_EQ(s.recall, c.r);
    EXPECT_NEAR(s.f1, c.f1, 1e-12);
  }
}

TEST(NormalizeForSnippets, Table) {
  const struct {
    const char* name;
    std::string in;
    std::string out;
  } cases[] = {
      {"plain", "plain text", "plain text"},
      {"curly double quotes", "\xE2\x80\x9Cquoted\xE2\x80\x9D", "\"quoted\""},
      {"curly single quotes", "\xE2\x80\x98it\xE2\x80\x99s\xE2\x80\x99", "'it's'"},
      {"low and reversed quotes", "\xE2\x80\x9E" "a\xE2\x80\x9F \xE2\x80\x9A" "b\xE2\x80\x9B", "\"a\" 'b'"},
      {"primes (NFKC makes a double prime two primes)", "5\xE2\x80\xB2 7\xE2\x80\xB3", "5' 7''"},
      {"nbsp becomes a space", "a\xC2\xA0" "b", "a b"},
      {"soft hyphen removed", "co\xC2\xAD" "operate", "cooperate"},
      {"zero-width characters removed", "a\xE2\x80\x8B" "b\xE2\x80\x8C" "c\xE2\x80\x8D" "d\xEF\xBB\xBF" "e", "abcde"},
      {"fi ligature (NFKC)", "\xEF\xAC\x81le", "file"},
      {"fullwidth letters (NFKC)", "\xEF\xBC\xA1\xEF\xBC\xA2", "AB"},
      {"circled digit (NFKC)", "\xE2\x91\xA0", "1"},
      {"decomposed accent composed (NFKC)", "cafe\xCC\x81", "caf\xC3\xA9"},
      {"white space folded and trimmed", "  a \n\t b  ", "a b"},
      {"ideographic space", "a\xE3\x80\x80" "b", "a b"},
      {"case kept", "Hello WORLD", "Hello WORLD"},
  };
  for (const auto& c : cases) EXPECT_EQ(normalize_for_snippets(c.in), c.out) << c.name;
}

TEST(SnippetCounts, FoundAsNormalisedSubstrings) {
  const std::string output = "The \xEF\xAC\x81le is \xE2\x80\x9Chere\xE2\x80\x9D.\nShare\xC2\xA0this story\n";
  const SnippetCounts counts =
      snippet_counts({"file is \"here\"", "The file", "missing sentence"}, {"Share this", "Cookie policy"}, output);
  EXPECT_EQ(counts.true_positives, 2);
  EXPECT_EQ(counts.false_negatives, 1);
  EXPECT_EQ(counts.false_positives, 1);
  EXPECT_EQ(counts.true_negatives, 1);
  // accuracy (2+1)/5; P 2/3; R 2/3.
  EXPECT_DOUBLE_EQ(snippet_accuracy(counts), 0.6);
  const PrecisionRecall s = snippet_scores(counts);
  EXPECT_DOUBLE_EQ(s.precision, 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(s.recall, 2.0 / 3.0);
  EXPECT_NEAR(s.f1, 2.0 / 3.0, 1e-12);
}

TEST(SnippetCounts, CaseSensitiveAndLineBreaksFold) {
  const SnippetCounts counts = snippet_counts({"hello world", "Hello world"}, {}, "Hello\nworld\n");
  EXPECT_EQ(counts.true_positives, 1);
  EXPECT_EQ(counts.false_negatives, 1);
}

TEST(SnippetCounts, SumAndEmptyCases) {
  SnippetCounts total;
  total += SnippetCounts{1, 2, 3, 4};
  total += SnippetCounts{10, 20, 30, 40};
  EXPECT_EQ(total.true_positives, 11);
  EXPECT_EQ(total.false_negatives, 22);
  EXPECT_EQ(total.false_positives, 33);
  EXPECT_EQ(total.true_negatives, 44);

  const SnippetCounts none;
  EXPECT_DOUBLE_EQ(snippet_accuracy(none), 0.0);
  EXPECT_DOUBLE_EQ(snippet_scores(none).f1, 0.0);
  // Only "without" snippets, none found: nothing to find, nothing wrongly found.
  const SnippetCounts clean = snippet_counts({}, {"Advertisement"}, "Body text.\n");
  EXPECT_EQ(clean.true_negatives, 1);
  EXPECT_DOUBLE_EQ(snippet_accuracy(clean), 1.0);
  EXPECT_DOUBLE_EQ(snippet_scores(clean).precision, 0.0);
}

}  // namespace
}  // namespace winnow
