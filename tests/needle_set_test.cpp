// Tests of the needle set (needle_set.h): it reports exactly the needles that occur, overlapping,
// nested and sharing prefixes or suffixes, as find() on each needle would.
#include "needle_set.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace winnow {
namespace {

struct ScanCase {
  const char* text;
  std::uint64_t expected;
};

TEST(NeedleSet, ReportsTheNeedlesThatOccur) {
  // bit 1: "he", 2: "she", 4: "his", 8: "hers", 16: "é" (two bytes), 32: "a b"
  const NeedleSet set({{"he", 1}, {"she", 2}, {"his", 4}, {"hers", 8}, {"é", 16}, {"a b", 32}});
  const ScanCase cases[] = {
      {"", 0},
      {"nothing here?", 1},        // "here" holds "he"
      {"ushers", 1 | 2 | 8},       // nested and overlapping at once
      {"this", 4},
      {"hishe", 1 | 2 | 4},        // one needle's end starts the next
      {"café", 16},
      {"cafe\xcc\x81", 0},         // the same letter spelled otherwise is other bytes
      {"a  b", 0},
      {"la bamba", 32},
      {"HE", 0},                   // bytes, not letters: the lexicon lower-cases first
  };
  for (const ScanCase& c : cases) EXPECT_EQ(set.scan(c.text), c.expected) << c.text;
}

TEST(NeedleSet, OneBitForManyNeedlesAndNoneForEmpty) {
  const NeedleSet set({{"share", 1}, {"tweet", 1}, {"", 2}, {"x", 4}});
  EXPECT_EQ(set.scan("tweet this"), 1u);
  EXPECT_EQ(set.scan("nothing"), 0u);  // the empty needle gives nothing
  EXPECT_EQ(NeedleSet({}).scan("anything"), 0u);
}

// Random texts over a small alphabet against find() on every needle: every prefix and suffix
// relation among the needles is exercised.
TEST(NeedleSet, AgreesWithFindOnRandomTexts) {
  std::mt19937 random(7);
  const std::string alphabet = "ab\xc3\xa9 ";
  auto random_string = [&](std::size_t max_length) {
    std::string s(1 + random() % max_length, ' ');
    for (char& c : s) c = alphabet[random() % alphabet.size()];
    return s;
  };
  std::vector<std::string> needles;
  for (int i = 0; i < 40; ++i) needles.push_back(random_string(5));
  std::vector<std::pair<std::string_view, std::uint64_t>> entries;
  for (std::size_t i = 0; i < needles.size(); ++i) entries.emplace_back(needles[i], std::uint64_t{1} << i);
  const NeedleSet set(entries);
  for (int trial = 0; trial < 2000; ++trial) {
    const std::string text = random_string(40);
    std::uint64_t expected = 0;
    for (std::size_t i = 0; i < needles.size(); ++i) {
      if (text.find(needles[i]) != std::string::npos) expected |= std::uint64_t{1} << i;
    }
    ASSERT_EQ(set.scan(text), expected) << text;
  }
}

}  // namespace
}  // namespace winnow
