// Labels. Entry point: label_blocks. Tested by tests/labels_test.cpp.
//
// A block of three or more tokens is content when most of its token trigrams occur in the gold, and
// boilerplate when few do; in between it is unclear. A shorter block is content only when it is a
// whole gold line (a subheading), since its one or two words occur somewhere in almost any gold.
#include "labels.h"

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

}  // namespace winnow
