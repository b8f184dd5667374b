// Which of many short byte strings ("needles") occur in a text, found in one pass over it: an
// Aho–Corasick automaton compiled to a transition table over byte classes. The lexicon uses it as
// the prefilter of its regular expressions: one scan of a block says which patterns could match,
// where testing each needle with find() scanned the block once per needle.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace winnow {

class NeedleSet {
 public:
  // Each needle carries the bits it stands for (a bit per pattern that needs it); an empty needle
  // is ignored. The needles are copied.
  explicit NeedleSet(const std::vector<std::pair<std::string_view, std::uint64_t>>& needles);

  // The OR of the bits of every needle that occurs in `text`, byte for byte. Stops early once every
  // bit the set can give has been found.
  std::uint64_t scan(std::string_view text) const;

 private:
  std::uint16_t byte_class_[256] = {};
  std::uint32_t classes_ = 1;                 // class 0: bytes no needle contains
  std::vector<std::uint32_t> next_;           // [state * classes_ + class] -> state
  std::vector<std::uint64_t> found_;          // per state: bits of the needles ending here
  std::uint64_t all_bits_ = 0;
};

}  // namespace winnow
