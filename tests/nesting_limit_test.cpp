// The nesting bound: pages within it pass unchanged; past it, start tags are dropped and the text
// stays; elements whose end tags may be left out do not count as nesting.
#include "nesting_limit.h"

#include <gtest/gtest.h>

#include <string>

#include "html_segment.h"
#include "test_support.h"

namespace winnow {
namespace {

std::size_t count_of(std::string_view s, std::string_view what) {
  std::size_t count = 0;
  for (std::size_t at = s.find(what); at != std::string_view::npos; at = s.find(what, at + 1)) ++count;
  return count;
}

using testing::numbered;
using testing::repeat;

struct UnchangedCase {
  const char* label;
  std::string html;
};

TEST(LimitNesting, PagesWithinTheBoundPassUnchanged) {
  const UnchangedCase cases[] = {
      {"a plain page", "<html><body><div><p>Text</p></div></body></html>"},
      {"2,000 paragraphs left open", "<body>" + repeat("<p>A paragraph left open", 2000)},
      {"2,000 list items left open", "<ul>" + repeat("<li>An item", 2000) + "</ul>"},
      {"a table of 1,000 rows with no end tags", "<table>" + repeat("<tr><td>a<td>b", 1000) + "</table>"},
      {"2,000 divs each closed", repeat("<div><span>x</span></div>", 2000)},
      {"headings that open a p each", repeat("<p>text<h2>head</h2>", 1000)},
      {"void and self-closing tags", repeat("<br><img src=x><input><path/>", 2000)},
      {"tags in script and comments", "<script>" + repeat("<div>", 2000) + "</script><!--" + repeat("<div>", 2000) + "-->"},
      {"510 nested divs", repeat("<div>", 510) + "deep" + repeat("</div>", 510)},
      {"2,000 alike <strong>s left open", "<body>" + repeat("<p><strong>word", 2000)},
      {"2,000 links left open (each closes the one before)", "<body>" + repeat("<p><a href=\"/x\">link", 2000)},
      {"16 formatting elements of their own left open", "<body>" + numbered("<p><b class=\"c%d\">word", 16)},
      {"2,000 bold words each closed", "<body><p>" + repeat("<b class=\"x\">bold</b> and <i>it</i> ", 2000)},
  };
  for (const UnchangedCase& c : cases) {
    EXPECT_TRUE(limit_nesting(c.html, kDefaultMaxNestingDepth).html.empty()) << c.label;
  }
}

TEST(LimitNesting, DropsStartTagsPastTheBoundAndKeepsTheText) {
  const std::string html = "<body>" + repeat("<div>", 600) + "deep text" + repeat("</div>", 600) + "<p>after</p>";
  const NestingLimited limited = limit_nesting(html, kDefaultMaxNestingDepth);
  ASSERT_FALSE(limited.html.empty());
  // <html> and <body> count for two levels: 510 divs stay, with their end tags.
  EXPECT_EQ(count_of(limited.html, "<div>"), 510u);
  EXPECT_EQ(count_of(limited.html, "</div>"), 510u);
  EXPECT_NE(limited.html.find("deep text"), std::string::npos);
  EXPECT_NE(limited.html.find("<p>after</p>"), std::string::npos);
  EXPECT_EQ(limited.deepest, kDefaultMaxNestingDepth);
}

TEST(LimitNesting, UnclosedInlineElementsCount) {
  const std::string html = repeat("<span>word ", 100);
  const NestingLimited limited = limit_nesting(html, 50);
  EXPECT_EQ(count_of(limited.html, "<span>"), 48u);
  EXPECT_EQ(count_of(limited.html, "word "), 100u);
}

TEST(LimitNesting, AnEndTagClosesWhatIsOpenAboveIt) {
  // Each </div> closes the spans left open inside it, so the depth does not creep up.
  const std::string html = repeat("<div><span><span><b>x</div>", 5000);
  EXPECT_TRUE(limit_nesting(html, kDefaultMaxNestingDepth).html.empty());
}

// Each paragraph opens a <b> unlike the others: the tree builder would copy every one still open
// into each paragraph after (a million elements for 1,500 paragraphs). Past 16, the tags go.
TEST(LimitNesting, FormattingElementsLeftOpenPastSixteenAreDropped) {
  const std::string html = "<body>" + numbered("<p><b class=\"c%d\">word ", 1000) + "<p>the end";
  const NestingLimited limited = limit_nesting(html, kDefaultMaxNestingDepth);
  EXPECT_EQ(limited.formatting_dropped, 1000u - 16u);
  EXPECT_FALSE(limited.depth_limited);
  EXPECT_EQ(count_of(limited.html, "<b "), 16u);
  EXPECT_EQ(count_of(limited.html, "<p>word "), 1000u - 16u);
  EXPECT_EQ(count_of(limited.html, "word "), 1000u);
  EXPECT_NE(limited.html.find("the end"), std::string::npos);

  LimitsHit hit;
  const Document doc = segment_html(html, kDefaultMaxNestingDepth, &hit);
  EXPECT_EQ(hit.formatting_dropped, 1000u - 16u);
  EXPECT_FALSE(hit.depth_limited);
  ASSERT_EQ(doc.blocks.size(), 1001u);
  EXPECT_EQ(doc.blocks.back().text, "the end");
}

// Start tags alike count three times at most, as the tree builder keeps three alike: 13 <b>s of
// their own and six alike <i>s make 16, so a seventh <i> is no new element and stays, a <u> goes.
TEST(LimitNesting, StartTagsAlikeCountThreeTimesAtMost) {
  const std::string html = "<body>" + numbered("<p><b class=\"c%d\">word ", 13) + repeat("<p><i>alike ", 7) + "<p><u>new";
  const NestingLimited limited = limit_nesting(html, kDefaultMaxNestingDepth);
  EXPECT_EQ(limited.formatting_dropped, 1u);
  EXPECT_EQ(count_of(limited.html, "<i>"), 7u);
  EXPECT_EQ(count_of(limited.html, "<u>"), 0u);
  EXPECT_NE(limited.html.find("new"), std::string::npos);
}

// End tags that find their element open make room again.
TEST(LimitNesting, ClosedFormattingElementsMakeRoom) {
  const std::string html = "<body>" + numbered("<p><b class=\"c%d\">word</b>", 1000);
  EXPECT_TRUE(limit_nesting(html, kDefaultMaxNestingDepth).html.empty());
}

TEST(SegmentHtml, HundredThousandNestedDivsKeepTheirText) {
  const std::string html = "<html><body>" + repeat("<div>", 100000) + "The text at the bottom of it all." +
                           repeat("</div>", 100000) + "</body></html>";
  LimitsHit hit;
  const Document doc = segment_html(html, kDefaultMaxNestingDepth, &hit);
  EXPECT_TRUE(hit.depth_limited);
  EXPECT_EQ(hit.formatting_dropped, 0u);
  ASSERT_EQ(doc.blocks.size(), 1u);
  EXPECT_EQ(doc.blocks[0].text, "The text at the bottom of it all.");
}

}  // namespace
}  // namespace winnow
