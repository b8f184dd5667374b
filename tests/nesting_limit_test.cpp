// The nesting bound: pages within it pass unchanged; past it, start tags are dropped and the text
// stays; elements whose end tags may be left out do not count as nesting.
#include "nesting_limit.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "html_segment.h"
#include "parsed_depth.h"
#include "test_support.h"

namespace winnow {
namespace {

std::size_t count_of(std::string_view s, std::string_view what) {
  std::size_t count = 0;
  for (std::size_t at = s.find(what); at != std::string_view::npos; at = s.find(what, at + 1)) ++count;
  return count;
}

using testing::parsed_depth;

// The page without its tags: what dropping tags must leave as it was.
std::string text_between_tags(std::string_view html) {
  std::string text;
  bool in_tag = false;
  for (char c : html) {
    if (c == '<' || c == '>') {
      in_tag = c == '<';
    } else if (!in_tag) {
      text += c;
    }
  }
  return text;
}

// Tags drawn from `names` in a fixed pseudo-random order, each with a word after it, none closed.
std::string tag_soup(const std::vector<std::string>& names, std::size_t count) {
  std::string html = "<body>";
  std::uint32_t state = 12345;
  for (std::size_t i = 0; i < count; ++i) {
    state = state * 1103515245u + 12345u;
    html += "<" + names[(state >> 16) % names.size()] + ">w" + std::to_string(i) + " ";
  }
  return html;
}

struct PageCase {
  const char* label;
  std::string html;
};

// Each page limited to the default bound nests within it in the parsed tree, give or take the
// formatting elements the tree builder reopens beyond those this pass follows, and keeps its text.
template <std::size_t N>
void expect_parsed_within_the_bound(const PageCase (&cases)[N]) {
  constexpr std::size_t kSlack = 2 * kMaxOpenFormatting;
  for (const PageCase& c : cases) {
    const NestingLimited limited = limit_nesting(c.html, kDefaultMaxNestingDepth);
    ASSERT_TRUE(limited.depth_limited) << c.label;
    EXPECT_LE(parsed_depth(limited.html), kDefaultMaxNestingDepth + kSlack) << c.label;
    EXPECT_EQ(text_between_tags(limited.html), text_between_tags(c.html)) << c.label;
  }
}

using testing::numbered;
using testing::repeat;

TEST(LimitNesting, PagesWithinTheBoundPassUnchanged) {
  const PageCase cases[] = {
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
      {"bold across a paragraph's start, 2,000 times (adopted into the paragraph)",
       "<body>" + repeat("<b>bold<p>para</b> after ", 2000)},
      {"2,000 links that hold a block (each adopted)", "<body>" + repeat("<a href=\"/x\"><div>block</div></a>", 2000)},
      {"2,000 bold words each closed", "<body><p>" + repeat("<b class=\"x\">bold</b> and <i>it</i> ", 2000)},
  };
  for (const PageCase& c : cases) {
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

// The end tag of a formatting element, or a new <a> while one is open, does not pop the blocks
// opened inside it: the tree builder moves the element into them instead (the adoption agency).
// Each of these pages nested 20,000 deep in the parsed tree, in time quadratic in its length,
// while this pass, following pops only, saw them shallow. The text stays.
TEST(LimitNesting, AdoptedFormattingElementsStayWithinTheBound) {
  const PageCase cases[] = {
      {"a bold end tag after a div, 20,000 times", "<body>" + repeat("<b><div>x</b>", 20000)},
      {"links and bold left open", tag_soup({"a href=x", "b"}, 40000)},
      {"links and lists left open", tag_soup({"a href=x", "ul"}, 40000)},
      {"links, lists, items, paragraphs and inline elements left open",
       tag_soup({"p", "b", "i", "a href=x", "span", "li", "ul", "em"}, 40000)},
  };
  expect_parsed_within_the_bound(cases);
}

// Random tags, none closed but by the end tags drawn, each alphabet one that once nested past the
// bound unseen: tables in tables (and implied tbody and tr), buttons, forms, cells outside tables,
// formatting elements whose end tags the tree builder leaves unmatched. Found by comparing
// Gumbo's depth with this pass's on 650 random alphabets of 2,000 to 20,000 tags; the worst now
// nests 540 deep.
TEST(LimitNesting, TagSoupParsesWithinTheBound) {
  const PageCase cases[] = {
      {"tables, end tags of tables, definition lists", tag_soup({"table", "/table", "dl"}, 6000)},
      {"tables and header cells", tag_soup({"table", "th"}, 6000)},
      {"buttons and emphasis", tag_soup({"button", "em"}, 6000)},
      {"italics, fonts, end tags of fonts", tag_soup({"i", "font", "/font"}, 6000)},
      {"forms, lists, end tags of forms", tag_soup({"form", "ul", "/form"}, 6000)},
      {"cells outside tables, definition lists", tag_soup({"td", "dl", "a href=x"}, 6000)},
      {"sections and cells", tag_soup({"section", "td"}, 6000)},
      {"bold, strong, end tags of strong", tag_soup({"b", "strong", "/strong"}, 6000)},
      {"rows, headings, spans", tag_soup({"tr", "h2", "span", "b class=r", "em", "/span"}, 6000)},
  };
  expect_parsed_within_the_bound(cases);
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
