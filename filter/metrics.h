// Regress metrics, exactly as POLICY.md defines them (and ../shared/tools/score.py implements):
// token precision/recall/F1 over multisets of lower-cased Unicode word-character runs, and snippet
// counts over NFKC-normalised text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace winnow {

struct TokenCounts {
  long true_positives = 0;
  long predicted = 0;
  long gold = 0;
};

struct PrecisionRecall {
  double precision = 0;
  double recall = 0;
  double f1 = 0;
};

// Tokens as Python's re `\w+` finds them in a str (letters, digits, numerics and '_'), lower-cased
// with full Unicode case mapping.
std::vector<std::string> word_tokens(std::string_view text);

TokenCounts token_counts(std::string_view gold, std::string_view predicted);

// P, R and F1 of one document; an empty prediction against non-empty gold scores 0.
PrecisionRecall token_scores(const TokenCounts& counts);

struct SnippetCounts {
  int true_positives = 0;   // "with" snippets found
  int false_negatives = 0;  // "with" snippets missing
  int false_positives = 0;  // "without" snippets found
  int true_negatives = 0;   // "without" snippets absent
  SnippetCounts& operator+=(const SnippetCounts& other);
};

// NFKC, curly quotes to straight ones, soft hyphens and zero-width characters removed, white space
// folded and trimmed.
std::string normalize_for_snippets(std::string_view text);

SnippetCounts snippet_counts(const std::vector<std::string>& with, const std::vector<std::string>& without,
                             std::string_view predicted);

double snippet_accuracy(const SnippetCounts& counts);
PrecisionRecall snippet_scores(const SnippetCounts& counts);

}  // namespace winnow
