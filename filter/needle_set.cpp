// The needle set. Entry point: NeedleSet::scan. Tested by tests/needle_set_test.cpp.
#include "needle_set.h"

#include <cstddef>

namespace winnow {

NeedleSet::NeedleSet(const std::vector<std::pair<std::string_view, std::uint64_t>>& needles) {
  // Bytes that occur in no needle share class 0, so the table has a column per distinct byte used.
  for (const auto& [needle, bits] : needles) {
    for (const char c : needle) {
      auto& cls = byte_class_[static_cast<unsigned char>(c)];
      if (cls == 0) cls = static_cast<std::uint16_t>(classes_++);
    }
  }
  // The trie, state 0 the root; 0 in next_ means "no edge yet" while building (no edge leads back
  // to the root then). A needle adds at most a state per byte: reserving for that spares the table
  // its copies as it grows (they were half of the build, which every process pays once).
  std::size_t max_states = 1;
  for (const auto& [needle, bits] : needles) max_states += needle.size();
  next_.reserve(max_states * classes_);
  found_.reserve(max_states);
  next_.assign(classes_, 0);
  found_.assign(1, 0);
  for (const auto& [needle, bits] : needles) {
    if (needle.empty()) continue;
    std::uint32_t state = 0;
    for (const char c : needle) {
      const std::size_t edge = std::size_t{state} * classes_ + byte_class_[static_cast<unsigned char>(c)];
      if (next_[edge] == 0) {
        next_[edge] = static_cast<std::uint32_t>(found_.size());
        found_.push_back(0);
        next_.resize(next_.size() + classes_, 0);
      }
      state = next_[edge];
    }
    found_[state] |= bits;
    all_bits_ |= bits;
  }
  // Breadth first, turn missing edges into the failure state's edges and let each state report what
  // its failure state reports (the needles that end in its suffix), so scanning never backtracks.
  std::vector<std::uint32_t> failure(found_.size(), 0);
  std::vector<std::uint32_t> queue;
  for (std::uint32_t cls = 0; cls < classes_; ++cls) {
    if (const std::uint32_t child = next_[cls]; child != 0) queue.push_back(child);
  }
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const std::uint32_t state = queue[head];
    found_[state] |= found_[failure[state]];
    for (std::uint32_t cls = 0; cls < classes_; ++cls) {
      std::uint32_t& edge = next_[std::size_t{state} * classes_ + cls];
      const std::uint32_t via_failure = next_[std::size_t{failure[state]} * classes_ + cls];
      if (edge == 0) {
        edge = via_failure;
      } else {
        failure[edge] = via_failure;
        queue.push_back(edge);
      }
    }
  }
}

std::uint64_t NeedleSet::scan(std::string_view text) const {
  std::uint64_t bits = 0;
  std::uint32_t state = 0;
  for (const char c : text) {
    state = next_[std::size_t{state} * classes_ + byte_class_[static_cast<unsigned char>(c)]];
    bits |= found_[state];
    if (bits == all_bits_) break;
  }
  return bits;
}

}  // namespace winnow
