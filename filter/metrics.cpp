// Regress metrics. Entry points: token_counts, snippet_counts. Tested by tests/metrics_test.cpp; the
// ctest metrics_crosscheck compares them with ../shared/tools/score.py on corpus pages.
#include "metrics.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <unordered_map>

#include "utf8.h"

namespace winnow {
namespace {

// Python's str.isalnum() or '_': letters (L*), and characters with a numeric type.
bool is_python_word_char(char32_t cp) {
  if (cp == '_') return true;
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  const auto c = static_cast<UChar32>(cp);
  return u_isalpha(c) || u_getIntPropertyValue(c, UCHAR_NUMERIC_TYPE) != U_NT_NONE;
}

std::string lower(std::string_view token) {
  bool ascii = true;
  for (char c : token) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  std::string out;
  if (ascii) {
    out.reserve(token.size());
    for (char c : token) out.push_back(utf8::ascii_lower(c));
    return out;
  }
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(token.data(), static_cast<int32_t>(token.size())));
  s.toLower(icu::Locale::getRoot());
  s.toUTF8String(out);
  return out;
}

std::unordered_map<std::string, long> count_tokens(std::string_view text, long* total) {
  std::unordered_map<std::string, long> counts;
  *total = 0;
  for (std::string& token : word_tokens(text)) {
    ++counts[std::move(token)];
    ++*total;
  }
  return counts;
}

bool is_removed_for_snippets(char32_t cp) {
  return cp == 0xAD || cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0xFEFF;
}

char32_t fold_quote(char32_t cp) {
  switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: return '"';
    default: return cp;
  }
}

// Python's str.split()/\s: Unicode white space plus the ASCII separators 0x1c..0x1f.
bool is_python_space(char32_t cp) {
  return (cp >= 0x1C && cp <= 0x1F) || (cp != 0x200B && cp != 0xFEFF && utf8::is_space(cp));
}

}  // namespace

std::vector<std::string> word_tokens(std::string_view text) {
  std::vector<std::string> tokens;
  std::size_t i = 0;
  std::size_t start = std::string_view::npos;
  while (i < text.size()) {
    const std::size_t at = i;
    const char32_t cp = utf8::next(text, i);
    if (is_python_word_char(cp)) {
      if (start == std::string_view::npos) start = at;
    } else if (start != std::string_view::npos) {
      tokens.push_back(lower(text.substr(start, at - start)));
      start = std::string_view::npos;
    }
  }
  if (start != std::string_view::npos) tokens.push_back(lower(text.substr(start)));
  return tokens;
}

TokenCounts token_counts(std::string_view gold, std::string_view predicted) {
  TokenCounts result;
  const auto gold_counts = count_tokens(gold, &result.gold);
  const auto predicted_counts = count_tokens(predicted, &result.predicted);
  for (const auto& [token, count] : gold_counts) {
    const auto found = predicted_counts.find(token);
    if (found != predicted_counts.end()) result.true_positives += std::min(count, found->second);
  }
  return result;
}

PrecisionRecall token_scores(const TokenCounts& counts) {
  PrecisionRecall s;
  s.precision = counts.predicted > 0 ? static_cast<double>(counts.true_positives) / counts.predicted : 0.0;
  s.recall = counts.gold > 0 ? static_cast<double>(counts.true_positives) / counts.gold : 0.0;
  s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0.0;
  return s;
}

SnippetCounts& SnippetCounts::operator+=(const SnippetCounts& other) {
  true_positives += other.true_positives;
  false_negatives += other.false_negatives;
  false_positives += other.false_positives;
  true_negatives += other.true_negatives;
  return *this;
}

std::string normalize_for_snippets(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  icu::UnicodeString source = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  std::string normalized;
  if (U_SUCCESS(status)) {
    icu::UnicodeString result = nfkc->normalize(source, status);
    if (U_SUCCESS(status)) result.toUTF8String(normalized);
  }
  if (!U_SUCCESS(status)) normalized = std::string(text);
  std::string out;
  out.reserve(normalized.size());
  bool pending_space = false;
  std::size_t i = 0;
  while (i < normalized.size()) {
    const char32_t cp = utf8::next(normalized, i);
    if (is_removed_for_snippets(cp)) continue;
    if (is_python_space(cp)) {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    utf8::append(out, fold_quote(cp));
  }
  return out;
}

SnippetCounts snippet_counts(const std::vector<std::string>& with, const std::vector<std::string>& without,
                             std::string_view predicted) {
  const std::string text = normalize_for_snippets(predicted);
  SnippetCounts counts;
  for (const std::string& snippet : with) {
    (text.find(normalize_for_snippets(snippet)) != std::string::npos ? counts.true_positives : counts.false_negatives)++;
  }
  for (const std::string& snippet : without) {
    (text.find(normalize_for_snippets(snippet)) != std::string::npos ? counts.false_positives : counts.true_negatives)++;
  }
  return counts;
}

double snippet_accuracy(const SnippetCounts& c) {
  const int all = c.true_positives + c.false_negatives + c.false_positives + c.true_negatives;
  return static_cast<double>(c.true_positives + c.true_negatives) / std::max(1, all);
}

PrecisionRecall snippet_scores(const SnippetCounts& c) {
  PrecisionRecall s;
  const int found = c.true_positives + c.false_positives;
  const int wanted = c.true_positives + c.false_negatives;
  s.precision = found > 0 ? static_cast<double>(c.true_positives) / found : 0.0;
  s.recall = wanted > 0 ? static_cast<double>(c.true_positives) / wanted : 0.0;
  s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0.0;
  return s;
}

}  // namespace winnow
