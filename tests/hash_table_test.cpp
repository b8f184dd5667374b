// Tests of the hash table (hash_table.h): it agrees with std::unordered_map through growth, with
// colliding keys and with key 0, which it keeps apart from the empty slots.
#include "hash_table.h"

#include <gtest/gtest.h>

#include <random>
#include <unordered_map>

namespace winnow {
namespace {

TEST(HashTable, AgreesWithUnorderedMapThroughGrowth) {
  std::mt19937_64 random(11);
  HashTable<int> table;  // starts small, so it doubles many times
  std::unordered_map<std::uint64_t, int> expected;
  for (int i = 0; i < 50000; ++i) {
    // Keys from a small range collide and repeat; some are 0; some share their low bits.
    std::uint64_t key = random() % 20000;
    if (i % 7 == 0) key <<= 40;
    bool inserted = false;
    int& value = table.insert(key, &inserted);
    EXPECT_EQ(inserted, expected.count(key) == 0) << key;
    value += i;
    expected[key] += i;
  }
  EXPECT_EQ(table.size(), expected.size());
  for (const auto& [key, value] : expected) {
    const int* found = table.find(key);
    ASSERT_NE(found, nullptr) << key;
    EXPECT_EQ(*found, value) << key;
  }
  EXPECT_EQ(table.find(123456789), nullptr);
}

TEST(HashTable, KeyZeroIsAKeyLikeAnyOther) {
  HashSet set;
  EXPECT_EQ(set.find(0), nullptr);
  bool inserted = false;
  set.insert(0, &inserted);
  EXPECT_TRUE(inserted);
  set.insert(0, &inserted);
  EXPECT_FALSE(inserted);
  EXPECT_NE(set.find(0), nullptr);
  EXPECT_EQ(set.size(), 1u);
}

}  // namespace
}  // namespace winnow
