// Tests of training labels (labels.h): a block is content when its token trigrams are found in the
// gold, boilerplate when few are, unclear in between; a block of one or two tokens is content only
// when it is a whole gold line. A page with only snippets labels the blocks its snippets touch.
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

TEST(LabelBlocksBySnippets, Table) {
  const std::vector<Block> blocks = {
      Block{"Home | News | Sport", {}},
      Block{"Harbour town votes to rebuild its pier", {}},
      Block{"The harbour council met on Thursday and agreed that the old pier would be rebuilt.", {}},
      Block{"Fishermen said the new pier would let larger boats unload.", {}},
      Block{"Read more", {}},
      Block{"Share this story", {}},
      Block{"Read more", {}},
      Block{"\xE2\x80\x9CIt\xE2\x80\x99s about time,\xE2\x80\x9D said the mayor.", {}},
      Block{"Newsletter sign-up", {}},
  };
  const std::vector<std::string> with = {
      "council met on Thursday",               // inside block 2
      "rebuilt. Fishermen said",               // across blocks 2 and 3, as the output's lines read
      "Read more",                             // twice on the page: keeping either would do
      "\"It's about time,\"",                  // matched as the scorer matches: quotes straightened
  };
  const std::vector<std::string> without = {
      "News | Sport",
      "Share this",
      "Newsletter sign-up",
      "Harbour town votes",
      "votes to rebuild",  // also without: labelled twice the same way
      "no such passage on the page",
  };
  const BlockLabel expected[] = {
      BlockLabel::kBoilerplate, BlockLabel::kBoilerplate, BlockLabel::kContent, BlockLabel::kContent,
      BlockLabel::kUnclear,     BlockLabel::kBoilerplate, BlockLabel::kUnclear, BlockLabel::kContent,
      BlockLabel::kBoilerplate,
  };
  const std::vector<BlockLabel> labels = label_blocks_by_snippets(blocks, with, without);
  ASSERT_EQ(labels.size(), blocks.size());
  for (std::size_t i = 0; i < labels.size(); ++i) {
    EXPECT_STREQ(label_name(labels[i]), label_name(expected[i])) << blocks[i].text;
  }
}

TEST(LabelBlocksBySnippets, ConflictingSnippetsLeaveTheBlockUnclear) {
  const std::vector<Block> blocks = {Block{"Photo: Anna Berg. The pier in 1932.", {}}};
  const std::vector<BlockLabel> labels = label_blocks_by_snippets(blocks, {"The pier in 1932"}, {"Photo: Anna Berg"});
  ASSERT_EQ(labels.size(), 1u);
  EXPECT_EQ(labels[0], BlockLabel::kUnclear);
}

TEST(LabelBlocksBySnippets, NoSnippetsNoLabels) {
  const std::vector<Block> blocks = {Block{"Harbour town votes to rebuild its pier", {}}};
  EXPECT_EQ(label_blocks_by_snippets(blocks, {}, {}), std::vector<BlockLabel>{BlockLabel::kUnclear});
  EXPECT_TRUE(label_blocks_by_snippets({}, {"Harbour"}, {"Home"}).empty());
}

}  // namespace
}  // namespace winnow
