// An open-addressed hash table keyed by 64-bit hashes (the stages hash texts and word n-grams
// themselves), with linear probing in one array. Where the stages keep hundreds of thousands of
// such keys, a node per entry (std::unordered_map) cost more time than the work around it and
// several times the memory: a set of a million hashes here takes 16 MB, not about 40.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace winnow {

// An empty Value makes a set (see HashSet below). The table doubles when half full.
template <typename Value>
class HashTable {
 public:
  explicit HashTable(std::size_t expected = 0) {
    std::size_t capacity = 16;
    while (capacity < 2 * expected) capacity *= 2;
    slots_.resize(capacity);
  }

  std::size_t size() const { return used_ + (zero_used_ ? 1 : 0); }

  // The value of `key`, or nullptr when it is absent.
  const Value* find(std::uint64_t key) const {
    if (key == 0) return zero_used_ ? &zero_value_ : nullptr;
    const Slot& slot = slots_[probe(slots_, key)];
    return slot.key == key ? &slot.value : nullptr;
  }

  // The value of `key`, value-initialised when it was absent; `inserted` says which.
  Value& insert(std::uint64_t key, bool* inserted = nullptr) {
    if (key == 0) {
      if (inserted != nullptr) *inserted = !zero_used_;
      zero_used_ = true;
      return zero_value_;
    }
    if (2 * (used_ + 1) > slots_.size()) grow();
    Slot& slot = slots_[probe(slots_, key)];
    const bool is_new = slot.key == 0;
    if (is_new) {
      slot.key = key;
      ++used_;
    }
    if (inserted != nullptr) *inserted = is_new;
    return slot.value;
  }

 private:
  struct Slot {
    std::uint64_t key = 0;  // 0: empty (key 0 itself is kept apart)
    [[no_unique_address]] Value value{};  // a set's slot is the key alone
  };

  // The slot holding `key`, or the empty slot where it would go (the table is never full).
  static std::size_t probe(const std::vector<Slot>& slots, std::uint64_t key) {
    const std::size_t mask = slots.size() - 1;
    std::size_t at = (key ^ (key >> 29)) & mask;
    while (slots[at].key != 0 && slots[at].key != key) at = (at + 1) & mask;
    return at;
  }

  void grow() {
    std::vector<Slot> larger(2 * slots_.size());
    for (Slot& slot : slots_) {
      if (slot.key != 0) larger[probe(larger, slot.key)] = std::move(slot);
    }
    slots_ = std::move(larger);
  }

  std::vector<Slot> slots_;
  std::size_t used_ = 0;
  bool zero_used_ = false;
  Value zero_value_{};
};

struct NoValue {};
using HashSet = HashTable<NoValue>;

}  // namespace winnow
