// Labels. Entry points: label_blocks, label_blocks_by_snippets. Tested by tests/labels_test.cpp.
//
// A block of three or more tokens is content when most of its token trigrams occur in the gold, and
// boilerplate when few do; in between it is unclear. A shorter block is content only when it is a
// whole gold line (a subheading), since its one or two words occur somewhere in almost any gold.
#include "labels.h"

#include <algorithm>
#include <string>
#include <unordered_set>

#include "fnv_hash.h"
#include "metrics.h"

namespace winnow {
namespace {

constexpr double kContentShare = 0.6;      // share of trigrams found in the gold
constexpr double kBoilerplateShare = 0.25;

std::uint64_t hash_tokens(const std::vector<std::string>& tokens, std::size_t begin, std::size_t end) {
  std::uint64_t hash = kFnvOffset;
  for (std::size_t i = begin; i < end; ++i) hash = fnv_mix(fnv_bytes(tokens[i], hash), 0x1F);  // 0x1F ends a token
  return hash;
}

}  // namespace

std::vector<BlockLabel> label_blocks(const std::vector<Block>& blocks, std::string_view gold) {
  const std::vector<std::string> gold_tokens = word_tokens(gold);
  std::unordered_set<std::uint64_t> trigrams;
  for (std::size_t i = 0; i + 3 <= gold_tokens.size(); ++i) trigrams.insert(hash_tokens(gold_tokens, i, i + 3));
  std::unordered_set<std::uint64_t> lines;
  std::size_t start = 0;
  while (start <= gold.size()) {
    std::size_t end = gold.find('\n', start);
    if (end == std::string_view::npos) end = gold.size();
    const std::vector<std::string> line = word_tokens(gold.substr(start, end - start));
    if (!line.empty()) lines.insert(hash_tokens(line, 0, line.size()));
    start = end + 1;
  }

  std::vector<BlockLabel> labels;
  labels.reserve(blocks.size());
  for (const Block& block : blocks) {
    const std::vector<std::string> tokens = word_tokens(block.text);
    if (tokens.empty()) {
      labels.push_back(BlockLabel::kUnclear);
    } else if (tokens.size() < 3) {
      labels.push_back(lines.count(hash_tokens(tokens, 0, tokens.size())) ? BlockLabel::kContent
                                                                           : BlockLabel::kBoilerplate);
    } else {
      std::size_t found = 0;
      for (std::size_t i = 0; i + 3 <= tokens.size(); ++i) found += trigrams.count(hash_tokens(tokens, i, i + 3));
      const double share = static_cast<double>(found) / static_cast<double>(tokens.size() - 2);
      labels.push_back(share >= kContentShare      ? BlockLabel::kContent
                       : share <= kBoilerplateShare ? BlockLabel::kBoilerplate
                                                    : BlockLabel::kUnclear);
    }
  }
  return labels;
}

std::vector<BlockLabel> label_blocks_by_snippets(const std::vector<Block>& blocks, const std::vector<std::string>& with,
                                                 const std::vector<std::string>& without) {
  // The blocks' normalised texts joined by a space, as the output's lines read once normalised for
  // snippet matching; starts[i] is where block i begins.
  std::string page;
  std::vector<std::size_t> starts;
  for (const Block& block : blocks) {
    if (!page.empty()) page.push_back(' ');
    starts.push_back(page.size());
    page += normalize_for_snippets(block.text);
  }
  // Marks: bit 1 content, bit 2 boilerplate.
  std::vector<unsigned char> marks(blocks.size(), 0);
  auto mark_occurrences = [&](const std::string& snippet, unsigned char mark, bool only_if_unique) {
    const std::string needle = normalize_for_snippets(snippet);
    if (needle.empty()) return;
    std::vector<std::pair<std::size_t, std::size_t>> spans;  // [first block, last block]
    for (std::size_t at = page.find(needle); at != std::string::npos; at = page.find(needle, at + 1)) {
      const auto first = std::upper_bound(starts.begin(), starts.end(), at) - starts.begin() - 1;
      const auto last = std::upper_bound(starts.begin(), starts.end(), at + needle.size() - 1) - starts.begin() - 1;
      spans.emplace_back(static_cast<std::size_t>(first), static_cast<std::size_t>(last));
    }
    if (only_if_unique && spans.size() != 1) return;
    for (const auto& [first, last] : spans) {
      for (std::size_t i = first; i <= last; ++i) marks[i] |= mark;
    }
  };
  for (const std::string& snippet : with) mark_occurrences(snippet, 1, true);
  for (const std::string& snippet : without) mark_occurrences(snippet, 2, false);
  std::vector<BlockLabel> labels(blocks.size(), BlockLabel::kUnclear);
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (marks[i] == 1) labels[i] = BlockLabel::kContent;
    if (marks[i] == 2) labels[i] = BlockLabel::kBoilerplate;
  }
  return labels;
}

}  // namespace winnow
