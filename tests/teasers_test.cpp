// Tests of teasers (teasers.h): a marker claims the headlines and summaries listed under it, and the
// small print around them, and stops where the body resumes. Modelled on the structure of seed 004
// (a mid-article "Other Topics of Interest" with one headline and its summary, then the body goes
// on), with invented text.
#include "teasers.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace winnow {
namespace {

const char* role_name(TeaserRole role) {
  switch (role) {
    case TeaserRole::kNone: return "-";
    case TeaserRole::kMarker: return "marker";
    case TeaserRole::kInline: return "inline";
    case TeaserRole::kItem: return "item";
    default: return "?";
  }
}

std::vector<std::string> roles_of(const std::vector<Block>& blocks) {
  const std::vector<BlockShape> shapes = shape_blocks(blocks, Lexicon::instance());
  const std::vector<RepeatKind> repeats = find_repeats(blocks, shapes);
  std::vector<std::string> out;
  for (TeaserRole role : find_teasers(blocks, shapes, repeats)) out.push_back(role_name(role));
  return out;
}

std::vector<std::string> roles_of(const std::vector<std::string>& texts) {
  std::vector<Block> blocks;
  for (const std::string& text : texts) blocks.push_back(Block{text, {}});
  return roles_of(blocks);
}

// Body paragraphs of an invented harbour story.
const std::string kBody[] = {
    "The harbour council in Port Ellery voted on Thursday to rebuild the town's old wooden pier, ending a "
    "dispute that had divided residents for almost three years.",
    "Councillors said the new pier would cost about four million pounds and would be finished before the start "
    "of the summer season, when ferries to the islands resume.",
    "At the harbour on Friday morning, fishermen said the decision had come just in time, because two of the "
    "old supports had cracked during the winter storms.",
    "\xE2\x80\x9CWe have waited long enough,\xE2\x80\x9D said Mara Quill, who has fished from the pier for "
    "thirty years. \xE2\x80\x9CNow they have to keep their word.\xE2\x80\x9D",
    "The council will publish the builder's plans next month, and residents will have six weeks to comment on "
    "them before work begins.",
};

TEST(FindTeasers, MidBodyMarkerClaimsHeadlineAndSummaryThenBodyResumes) {
  const std::vector<std::string> texts = {
      kBody[0],
      kBody[1],
      "Other Topics of Interest",
      "Island Ferry Operator Warns Fares Could Rise After Winter Storm Damage",
      "The operator of the island ferries said repairs to two of its boats would cost more than expected, "
      "and that passengers might have to pay for part of them.",
      kBody[2],
      kBody[3],
      kBody[4],
  };
  EXPECT_EQ(roles_of(texts),
            (std::vector<std::string>{"-", "-", "marker", "item", "item", "-", "-", "-"}));
}

TEST(FindTeasers, Table) {
  const struct {
    const char* name;
    std::vector<std::string> texts;
    std::vector<std::string> roles;
  } cases[] = {
      {"no marker, no teasers", {kBody[0], "A shop worth saving", kBody[1]}, {"-", "-", "-"}},
      {"end-of-page list of headlines and summaries",
       {kBody[0], kBody[1], "Related posts", "Council approves new cycle lanes on the seafront",
        "The lanes will run from the harbour to the lighthouse and open in May.",
        "Lighthouse museum reopens after two-year restoration",
        "Visitors can climb the tower again from next weekend.", "Island school wins national science prize"},
       {"-", "-", "marker", "item", "item", "item", "item", "item"}},
      {"small print under a marker",
       {kBody[0], "You may also like", "Harbour|Council|Local", "Council approves new cycle lanes on the seafront",
        "March 6, 2024", "By Ann Lee", "Lighthouse museum reopens after two-year restoration"},
       {"-", "marker", "item", "item", "item", "item", "item"}},
      {"a second marker starts a new list",
       {kBody[0], "Related", "Council approves new cycle lanes on the seafront", "Popular",
        "Lighthouse museum reopens after two-year restoration"},
       {"-", "marker", "item", "marker", "item"}},
      {"a body paragraph right after the marker ends the list at once",
       {kBody[0], "Read more:", kBody[2], kBody[3]}, {"-", "marker", "-", "-"}},
      {"one summary per headline: a second sentence block is body again",
       {kBody[0], "More from Port Ellery", "Council approves new cycle lanes on the seafront",
        "The lanes will run from the harbour to the lighthouse and open in May.", kBody[2], kBody[4]},
       {"-", "marker", "item", "item", "-", "-"}},
      {"inline teasers stand alone, without a marker",
       {kBody[0], "Read: Council approves new cycle lanes on the seafront", kBody[1]}, {"-", "inline", "-"}},
      {"inline teaser under a marker",
       {kBody[0], "Related", "See also: The long history of the old pier", kBody[1]},
       {"-", "marker", "inline", "-"}},
  };
  for (const auto& c : cases) EXPECT_EQ(roles_of(c.texts), c.roles) << c.name;
}

// An HTML block; a link's text is all of it (the texts here are ASCII: link_chars counts code points).
Block html_block(std::string text, BlockTag tag, bool link = false) {
  Block b{std::move(text), {}};
  b.html.tag = tag;
  if (link) b.html.link_chars = static_cast<std::uint32_t>(b.text.size());
  return b;
}

// HTML: a marker over a list of linked headlines (no summaries); the paragraph after the list is the
// body again, however short.
TEST(FindTeasers, ListOfHeadlinesHasNoSummaries) {
  const std::vector<Block> blocks = {
      html_block(kBody[0], BlockTag::kP),
      html_block("Related stories", BlockTag::kHeading),
      html_block("Council approves new cycle lanes on the seafront", BlockTag::kLi, true),
      html_block("Lighthouse museum reopens after two-year restoration", BlockTag::kLi, true),
      html_block("Work on the pier is due to start in the autumn.", BlockTag::kP),
      html_block(kBody[1], BlockTag::kP),
  };
  EXPECT_EQ(roles_of(blocks), (std::vector<std::string>{"-", "marker", "item", "item", "-", "-"}));
}

// HTML: a teaser's headline links to the page it teases. A short line that is not a link (a
// subheading, a line of a poem or of a blog written without full stops) is the body again and ends
// the list, where plain text, which has no links to tell, goes on claiming headline-shaped lines.
TEST(FindTeasers, InHtmlAHeadlineIsALink) {
  const std::vector<Block> blocks = {
      html_block(kBody[0], BlockTag::kP),
      html_block("Related", BlockTag::kHeading),
      html_block("Council approves new cycle lanes on the seafront", BlockTag::kLi, true),
      html_block("Lighthouse museum reopens after two-year restoration", BlockTag::kLi, true),
      html_block("What happens to the old pier", BlockTag::kHeading),
      html_block(kBody[1], BlockTag::kP),
  };
  EXPECT_EQ(roles_of(blocks), (std::vector<std::string>{"-", "marker", "item", "item", "-", "-"}));

  std::vector<std::string> texts;
  for (const Block& b : blocks) texts.push_back(b.text);
  EXPECT_EQ(roles_of(texts), (std::vector<std::string>{"-", "marker", "item", "item", "item", "item"}));
}

TEST(FindTeasers, EmptyInput) { EXPECT_TRUE(find_teasers({}, {}, {}).empty()); }

}  // namespace
}  // namespace winnow
