// Tests of repeats (repeats.h): a block that says again what the page already said is a repeat at
// every later occurrence; the headline with a site name before or after it (or a <title> that
// rewords a heading) is a title duplicate; a short block whose words all stand in a longer
// paragraph is a pull quote. Whether a repeat is dropped depends on whether its first copy was
// kept: that is drop_kept_repeats, tested in decoder_test.cpp.
#include "repeats.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace winnow {
namespace {

const char* kind_name(RepeatKind kind) {
  switch (kind) {
    case RepeatKind::kFirst: return "first";
    case RepeatKind::kRepeat: return "repeat";
    case RepeatKind::kTitleDuplicate: return "title-duplicate";
    case RepeatKind::kContained: return "contained";
    default: return "?";
  }
}

std::vector<Block> lines(const std::vector<std::string>& texts) {
  std::vector<Block> blocks;
  for (const std::string& text : texts) blocks.push_back(Block{text, {}});
  return blocks;
}

std::vector<std::string> kinds_of(const std::vector<Block>& blocks) {
  const std::vector<BlockShape> shapes = shape_blocks(blocks, Lexicon::instance());
  const std::vector<RepeatKind> kinds = find_repeats(blocks, shapes);
  EXPECT_EQ(kinds.size(), blocks.size());
  std::vector<std::string> out;
  for (RepeatKind kind : kinds) out.push_back(kind_name(kind));
  return out;
}

std::vector<std::string> kinds_of(const std::vector<std::string>& texts) { return kinds_of(lines(texts)); }

const std::string kHeadline = "Harbour town votes to rebuild its pier";
const std::string kBody1 =
    "The harbour council met on Thursday and agreed that the old pier would be rebuilt before the summer.";
const std::string kBody2 = "Fishermen said the new pier would let larger boats unload their catch in any weather.";

struct RepeatCase {
  const char* name;
  std::vector<std::string> texts;
  std::vector<std::string> kinds;
};

TEST(FindRepeats, Table) {
  const RepeatCase cases[] = {
      {"all different", {kHeadline, kBody1, kBody2}, {"first", "first", "first"}},
      {"body printed twice",
       {kHeadline, kBody1, kBody2, kHeadline, kBody1, kBody2},
       {"first", "first", "first", "repeat", "repeat", "repeat"}},
      {"third copy is a repeat too", {kBody1, kBody1, kBody1}, {"first", "repeat", "repeat"}},
      {"case, punctuation and spacing do not matter",
       {kBody1, "THE HARBOUR COUNCIL MET ON THURSDAY -- AND AGREED THAT THE OLD PIER WOULD BE REBUILT BEFORE THE "
                "SUMMER"},
       {"first", "repeat"}},
      {"different words are not a repeat",
       {kBody1, "The harbour council met on Friday and agreed that the old pier would be rebuilt before the summer."},
       {"first", "first"}},
      {"site name after the headline", {kHeadline + " | Coastal Herald", kHeadline, kBody1},
       {"title-duplicate", "first", "first"}},
      {"site name before the headline", {"Coastal Herald - " + kHeadline, kHeadline, kBody1},
       {"title-duplicate", "first", "first"}},
      {"duplicate after the headline, with an en dash", {kHeadline, kBody1, kHeadline + " \xE2\x80\x93 Coastal Herald"},
       {"first", "first", "title-duplicate"}},
      {"section and site around the headline", {"News | " + kHeadline + " | Coastal Herald", kHeadline},
       {"title-duplicate", "first"}},
      {"suffix alone is no duplicate when no block has the headline",
       {kHeadline + " | Coastal Herald", kBody1}, {"first", "first"}},
      {"blocks without words are never repeats", {"***", "***", "\xE2\x80\x94", "\xE2\x80\x94"},
       {"first", "first", "first", "first"}},
  };
  for (const RepeatCase& c : cases) EXPECT_EQ(kinds_of(c.texts), c.kinds) << c.name;
}

TEST(FindRepeats, HtmlTitleEqualToTheHeadlineIsTheDuplicate) {
  std::vector<Block> blocks = lines({kHeadline, kHeadline, kBody1});
  blocks[0].html.tag = BlockTag::kTitle;
  blocks[1].html.tag = BlockTag::kH1;
  EXPECT_EQ(kinds_of(blocks), (std::vector<std::string>{"title-duplicate", "first", "first"}));
}

TEST(FindRepeats, HtmlTitleThatRewordsTheHeadline) {
  std::vector<Block> blocks = lines({"Port Ellery council votes to rebuild old pier - Coastal Herald",
                                     "Port Ellery votes to rebuild its old pier", kBody1});
  blocks[0].html.tag = BlockTag::kTitle;
  blocks[1].html.tag = BlockTag::kH1;
  EXPECT_EQ(kinds_of(blocks), (std::vector<std::string>{"title-duplicate", "first", "first"}));
}

TEST(FindRepeats, PullQuotes) {
  const std::string paragraph =
      "\xE2\x80\x9CWe have waited long enough for this pier, and now the council has to keep its word to "
      "the town,\xE2\x80\x9D said Mara Quill, who has fished from the harbour for thirty years.";
  const RepeatCase cases[] = {
      {"a pull quote after the paragraph it comes from",
       {kHeadline, paragraph, kBody1, "We have waited long enough for this pier", kBody2},
       {"first", "first", "first", "contained", "first"}},
      {"a pull quote before the paragraph it comes from",
       {kHeadline, "now the council has to keep its word to the town", paragraph},
       {"first", "contained", "first"}},
      {"sharing a few words is not a pull quote",
       {paragraph, "The council has to keep its budget under control this year"},
       {"first", "first"}},
      {"too short to tell", {paragraph, "the council has to keep"}, {"first", "first"}},
  };
  for (const RepeatCase& c : cases) EXPECT_EQ(kinds_of(c.texts), c.kinds) << c.name;
}

TEST(RepeatTracker, RemembersWhatItSaw) {
  RepeatTracker tracker;
  EXPECT_FALSE(tracker.seen(42));
  EXPECT_TRUE(tracker.seen(42));
  EXPECT_FALSE(tracker.seen(43));
  EXPECT_TRUE(tracker.seen(42));
}

}  // namespace
}  // namespace winnow
