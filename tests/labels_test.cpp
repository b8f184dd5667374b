// Tests of training labels (labels.h): a block is content when its token trigrams are found in the
// gold, boilerplate when few are, unclear in between; a block of one or two tokens is content only
// when it is a whole gold line.
#include "labels.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace winnow {
namespace {

const char* label_name(BlockLabel label) {
  switch (label) {
    case BlockLabel::kContent: return "content";
    case BlockLabel::kBoilerplate: return "boilerplate";
    case BlockLabel::kUnclear: return "unclear";
    default: return "?";
  }
}

const char* kGold =
    "Harbour town votes to rebuild its pier\n"
    "The harbour council met on Thursday and agreed that the old pier would be rebuilt before the summer.\n"
    "A new start\n"
    "Fishermen said the new pier would let larger boats unload their catch in any weather.\n";

TEST(LabelBlocks, Table) {
  const struct {
    const char* block;
    BlockLabel label;
  } cases[] = {
      {"Harbour town votes to rebuild its pier", BlockLabel::kContent},
      {"The harbour council met on Thursday and agreed that the old pier would be rebuilt before the summer.",
       BlockLabel::kContent},
      // Case, punctuation and spacing do not matter; tokens do.
      {"THE HARBOUR COUNCIL MET ON THURSDAY -- AND AGREED THAT THE OLD PIER WOULD BE REBUILT BEFORE THE SUMMER",
       BlockLabel::kContent},
      // A whole gold line of two tokens is a subheading.
      {"A new start", BlockLabel::kContent},
      {"Subscribe", BlockLabel::kBoilerplate},
      {"Harbour", BlockLabel::kBoilerplate},  // one gold word, but not a gold line
      {"Share This", BlockLabel::kBoilerplate},
      {"Sign up for our newsletter and get the best stories delivered to your inbox every morning.",
       BlockLabel::kBoilerplate},
      // Half of its trigrams are in the gold: neither.
      {"Fishermen said the new pier would let larger boats dock. Readers can email the newsroom with tips today.",
       BlockLabel::kUnclear},
      {"\xE2\x80\x94 * \xE2\x80\x94", BlockLabel::kUnclear},  // no tokens at all
  };
  std::vector<Block> blocks;
  for (const auto& c : cases) blocks.push_back(Block{c.block, {}});
  const std::vector<BlockLabel> labels = label_blocks(blocks, kGold);
  ASSERT_EQ(labels.size(), blocks.size());
  for (std::size_t i = 0; i < labels.size(); ++i) {
    EXPECT_STREQ(label_name(labels[i]), label_name(cases[i].label)) << cases[i].block;
  }
}

TEST(LabelBlocks, EmptyGoldMakesEverythingBoilerplate) {
  const std::vector<Block> blocks = {Block{"Harbour town votes to rebuild its pier", {}}, Block{"Home", {}}};
  const std::vector<BlockLabel> labels = label_blocks(blocks, "");
  ASSERT_EQ(labels.size(), 2u);
  EXPECT_EQ(labels[0], BlockLabel::kBoilerplate);
  EXPECT_EQ(labels[1], BlockLabel::kBoilerplate);
}

TEST(LabelBlocks, NoBlocks) { EXPECT_TRUE(label_blocks({}, kGold).empty()); }

}  // namespace
}  // namespace winnow
