// Tests of HTML segmentation (html_segment.h): which elements give which blocks, how inline text,
// <br>, table rows and skipped elements read, the context a block carries (links, class groups,
// ancestor tags, best container), and that pathological input does not crash.
#include "html_segment.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace winnow {
namespace {

const char* tag_name(BlockTag tag) {
  switch (tag) {
    case BlockTag::kLine: return "line";
    case BlockTag::kTitle: return "title";
    case BlockTag::kH1: return "h1";
    case BlockTag::kHeading: return "heading";
    case BlockTag::kP: return "p";
    case BlockTag::kLi: return "li";
    case BlockTag::kRow: return "row";
    case BlockTag::kCell: return "cell";
    case BlockTag::kPre: return "pre";
    case BlockTag::kBlockquote: return "blockquote";
    case BlockTag::kCaption: return "caption";
    case BlockTag::kDefinition: return "definition";
    case BlockTag::kDiv: return "div";
    default: return "?";
  }
}

// The canonical dump of a document: one "tag: text" per block.
std::vector<std::string> dump(const Document& doc) {
  std::vector<std::string> out;
  for (const Block& block : doc.blocks) out.push_back(std::string(tag_name(block.html.tag)) + ": " + block.text);
  return out;
}

std::vector<std::string> dump(std::string_view html) { return dump(segment_html(html)); }

const Block* find_block(const Document& doc, std::string_view text) {
  for (const Block& block : doc.blocks) {
    if (block.text == text) return &block;
  }
  return nullptr;
}

struct SegmentCase {
  const char* name;
  std::string html;
  std::vector<std::string> blocks;
};

TEST(SegmentHtml, BlocksTable) {
  const SegmentCase cases[] = {
      {"paragraph with inline markup", "<p>Hello <b>bold</b> and <i>italic</i> world</p>",
       {"p: Hello bold and italic world"}},
      {"headline and paragraphs", "<h1>Headline</h1><p>First.</p><p>Second.</p>",
       {"h1: Headline", "p: First.", "p: Second."}},
      {"subheadings", "<h2>Two</h2><h3>Three</h3><h6>Six</h6>",
       {"heading: Two", "heading: Three", "heading: Six"}},
      {"list items", "<ul><li>one</li><li>two <a href=\"#\">link</a></li></ul><ol><li>three</li></ol>",
       {"li: one", "li: two link", "li: three"}},
      {"title from head", "<html><head><title> Page  title </title><meta name=\"x\" content=\"y\"></head>"
                          "<body><p>Body.</p></body></html>",
       {"title: Page title", "p: Body."}},
      {"table rows, cells joined by a tab",
       "<table><tr><th>Name</th><th>Age</th></tr><tr><td>Ann <b>Lee</b></td><td>42</td></tr></table>",
       {"row: Name\tAge", "row: Ann Lee\t42"}},
      {"single br is a space", "<p>one<br>two</p>", {"p: one two"}},
      {"single br between words with spaces", "<p>one <br/> two</p>", {"p: one two"}},
      {"double br splits", "<p>one<br><br>two</p>", {"p: one", "p: two"}},
      {"double br with white space between", "<p>one<br>\n  <br>two</p>", {"p: one", "p: two"}},
      {"triple br splits once", "<div>one<br><br><br>two</div>", {"div: one", "div: two"}},
      {"blockquote", "<blockquote>Quoted words.</blockquote>", {"blockquote: Quoted words."}},
      {"pre folds white space", "<pre>line one\n    line two</pre>", {"pre: line one line two"}},
      {"figcaption", "<figure><img src=\"x.jpg\"><figcaption>A pier at dawn.</figcaption></figure>",
       {"caption: A pier at dawn."}},
      {"definition list", "<dl><dt>Prep time</dt><dd>20 minutes</dd></dl>",
       {"definition: Prep time", "definition: 20 minutes"}},
      {"div with direct text", "<div>Direct text</div>", {"div: Direct text"}},
      {"text around a nested block", "<div>Before <p>inside</p> after</div>",
       {"div: Before", "p: inside", "div: after"}},
      {"entities decoded", "<p>Fish &amp; chips&nbsp;&mdash; &lt;cheap&gt; &#8364;5</p>",
       {"p: Fish & chips \xE2\x80\x94 <cheap> \xE2\x82\xAC" "5"}},
      {"white space folded", "<p>\n  many\t\tspaces \n here  </p>", {"p: many spaces here"}},
      {"comments give no text", "<p>a<!-- hidden -->b</p>", {"p: ab"}},
      {"empty elements give no block", "<p></p><div>  </div><p>x</p>", {"p: x"}},
      {"unclosed paragraphs repaired", "<p>one<p>two", {"p: one", "p: two"}},
  };
  for (const SegmentCase& c : cases) {
    const Document doc = segment_html(c.html);
    EXPECT_TRUE(doc.is_html) << c.name;
    EXPECT_EQ(dump(doc), c.blocks) << c.name;
  }
}

// A paragraph of 70 words: more visible text than an app shell has.
constexpr const char* kLongText =
    "one two three four five six seven eight nine ten one two three four five six seven eight nine ten "
    "one two three four five six seven eight nine ten one two three four five six seven eight nine ten "
    "one two three four five six seven eight nine ten one two three four five six seven eight nine ten "
    "one two three four five six seven eight nine ten.";
const std::string kLongParagraph = std::string("<p>") + kLongText + "</p>";

TEST(SegmentHtml, SkippedElementsGiveNoText) {
  const struct {
    const char* name;
    std::string inside;
  } cases[] = {
      {"script", "<script>var SECRET = 1;</script>"},
      {"style", "<style>.SECRET { color: red }</style>"},
      {"noscript", "<noscript>SECRET enable javascript</noscript>"},
      {"template", "<template><p>SECRET template</p></template>"},
      {"svg", "<svg><text>SECRET</text><title>SECRET</title></svg>"},
      {"select", "<select><option>SECRET</option></select>"},
      {"iframe", "<iframe>SECRET</iframe>"},
      {"textarea", "<textarea>SECRET</textarea>"},
      {"comment", "<!-- SECRET -->"},
      {"json-ld script", "<script type=\"application/ld+json\">{\"price\": \"SECRET\"}</script>"},
  };
  for (const auto& c : cases) {
    // In <head> too, where the parser moves some of them into the body (NoscriptTextInHeadGivesNoText).
    const std::string& head = c.inside;
    // Enough visible text that the page is no app shell (see NoscriptIsReadOnAnAppShell).
    const std::string html = "<html><head>" + head + "</head><body><p>Before.</p>" + c.inside +
                             "<div>" + c.inside + "</div><p>After.</p>" + kLongParagraph + "</body></html>";
    EXPECT_EQ(dump(html), (std::vector<std::string>{"p: Before.", "p: After.", std::string("p: ") + kLongText}))
        << c.name;
  }
}

// A page that shows almost nothing without JavaScript (a Discourse forum, a single-page app) keeps
// its content in <noscript> for crawlers; that fallback is read when the visible text is nearly empty.
TEST(SegmentHtml, NoscriptIsReadOnAnAppShell) {
  EXPECT_EQ(dump("<html><body><div id=\"app\">Loading</div><noscript><div><p>The first post of the thread.</p>"
                 "<p>A reply to it.</p></div></noscript></body></html>"),
            (std::vector<std::string>{"div: Loading", "p: The first post of the thread.", "p: A reply to it."}));
  // With enough visible text the same <noscript> gives nothing.
  EXPECT_EQ(dump(std::string("<html><body><p>") + kLongText + "</p><noscript><p>The first post of the thread.</p>"
                 "</noscript></body></html>"),
            (std::vector<std::string>{std::string("p: ") + kLongText}));
}

// In <head>, the HTML5 parser (scripting off, as Gumbo parses) ends a <noscript> at its first text
// and moves that text into <body>, so it becomes a block of the page.
// What follows it up to </noscript> gives no text, wherever the parser put it.
TEST(SegmentHtml, NoscriptTextInHeadGivesNoText) {
  const struct {
    const char* name;
    const char* html;
    std::vector<std::string> blocks;
  } cases[] = {
      {"text", "<html><head><noscript>Please enable JavaScript</noscript></head><body><p>Body.</p></body></html>",
       {"p: Body."}},
      {"end tag in capitals", "<head><noscript>Please enable JavaScript</NOSCRIPT><p>Body.</p>", {"p: Body."}},
      {"pixel then text", "<head><meta charset=utf-8><noscript><img src=p.gif><div>Turn on JavaScript</div>"
       "</noscript><title>T</title></head><body><p>Body.</p></body>", {"title: T", "p: Body."}},
      {"allowed content", "<head><noscript><link rel=stylesheet href=a.css></noscript><title>T</title></head>"
       "<body><p>Body.</p></body>", {"title: T", "p: Body."}},
      {"body tag inside", "<head><noscript><meta name=a></head><body><img src=p.gif> </noscript><p>Body.</p>",
       {"p: Body."}},
      // The title ends the first noscript and stays in the head, where a second one starts; one end
      // tag then closes both ranges.
      {"two share an end tag", "<head><noscript><title>T</title><noscript>Enable it<p>More</noscript><p>Body.</p>",
       {"title: T", "p: Body."}},
      {"after one that stays", "<head><noscript><link rel=a href=b></noscript><noscript>Two</noscript></head>"
       "<p>Body.</p>", {"p: Body."}},
      {"no head tags", "<noscript>Enable JavaScript</noscript><p>Body.</p>", {"p: Body."}},
      // Without an end tag nothing is known to be hidden: the text stays.
      {"no end tag", "<head><noscript>Enable JavaScript <p>Body.</p>", {"div: Enable JavaScript", "p: Body."}},
  };
  for (const auto& c : cases) EXPECT_EQ(dump(c.html), c.blocks) << c.name;
}

TEST(SegmentHtml, LinkCharsAndLinks) {
  const Document doc = segment_html(
      "<p>Read <a href=\"/a\">this</a> and <a href=\"/b\">caf\xC3\xA9</a> now</p>"
      "<p>No links here</p><ul><li><a href=\"/c\">All link</a></li></ul>");
  ASSERT_EQ(doc.blocks.size(), 3u);
  EXPECT_EQ(doc.blocks[0].text, "Read this and caf\xC3\xA9 now");
  EXPECT_EQ(doc.blocks[0].html.link_chars, 8u);  // "this" + "café", in code points
  EXPECT_EQ(doc.blocks[0].html.links, 2u);
  EXPECT_EQ(doc.blocks[1].html.link_chars, 0u);
  EXPECT_EQ(doc.blocks[1].html.links, 0u);
  EXPECT_EQ(doc.blocks[2].html.link_chars, 7u);  // "All" + "link": white space is not counted
  EXPECT_EQ(doc.blocks[2].html.links, 1u);
}

TEST(ClassGroupsOf, Table) {
  const struct {
    const char* value;
    std::uint32_t groups;
  } cases[] = {
      {"", 0},
      {"site-footer", bit_of(ClassGroup::kFooter)},
      {"footer", bit_of(ClassGroup::kFooter)},
      {"copyright", bit_of(ClassGroup::kFooter)},
      {"main-nav", bit_of(ClassGroup::kNav) | bit_of(ClassGroup::kContent)},
      {"breadcrumbs", bit_of(ClassGroup::kNav)},
      {"Sidebar", bit_of(ClassGroup::kSidebar)},
      {"site_header", bit_of(ClassGroup::kHeader)},
      {"share-buttons social", bit_of(ClassGroup::kShare)},
      {"related_posts", bit_of(ClassGroup::kRelated)},
      {"comments-area", bit_of(ClassGroup::kComment)},
      {"ad", bit_of(ClassGroup::kAd)},
      {"ads-slot", bit_of(ClassGroup::kAd)},
      {"newsletter-signup", bit_of(ClassGroup::kNewsletter)},
      {"cookie-consent", bit_of(ClassGroup::kCookie)},
      {"byline", bit_of(ClassGroup::kMeta)},
      {"wp-caption", bit_of(ClassGroup::kCaption)},
      {"entry-content", bit_of(ClassGroup::kContent)},
      {"visually hidden", bit_of(ClassGroup::kHidden)},
      {"footer sidebar", bit_of(ClassGroup::kFooter) | bit_of(ClassGroup::kSidebar)},
      // Whole words only: no group hides inside a longer word.
      {"header-download", bit_of(ClassGroup::kHeader)},
      {"shadow", 0},
      {"leading", 0},
      {"navigator", 0},
      {"adventure", 0},
  };
  for (const auto& c : cases) EXPECT_EQ(class_groups_of(c.value), c.groups) << '"' << c.value << '"';
}

TEST(SegmentHtml, ClassGroupsOfElementAndAncestors) {
  const Document doc = segment_html(
      "<html><body class=\"comments-open\">"
      "<div id=\"main-content\"><p class=\"byline\">By Ann Lee</p><p>Body text.</p></div>"
      "<footer class=\"site-footer\"><div><p>Footer words</p></div></footer>"
      "<div role=\"navigation\"><p>Role nav</p></div>"
      "<div style=\"display: none\"><p>Hidden by style</p></div>"
      "<div aria-hidden=\"true\"><p>Hidden by aria</p></div>"
      "</body></html>");
  const Block* byline = find_block(doc, "By Ann Lee");
  const Block* body = find_block(doc, "Body text.");
  const Block* footer = find_block(doc, "Footer words");
  const Block* role = find_block(doc, "Role nav");
  const Block* styled = find_block(doc, "Hidden by style");
  const Block* aria = find_block(doc, "Hidden by aria");
  ASSERT_TRUE(byline && body && footer && role && styled && aria);

  EXPECT_TRUE(has_bit(byline->html.own_groups, ClassGroup::kMeta));
  EXPECT_TRUE(has_bit(byline->html.ancestor_groups, ClassGroup::kContent));
  EXPECT_FALSE(has_bit(body->html.own_groups, ClassGroup::kMeta));
  EXPECT_TRUE(has_bit(body->html.ancestor_groups, ClassGroup::kContent));
  // Classes of <body> describe the whole page and do not count.
  EXPECT_FALSE(has_bit(body->html.ancestor_groups, ClassGroup::kComment));

  EXPECT_EQ(footer->html.own_groups, 0u);
  EXPECT_TRUE(has_bit(footer->html.ancestor_groups, ClassGroup::kFooter));
  EXPECT_TRUE(has_bit(footer->html.ancestor_tags, AncestorTag::kFooter));

  EXPECT_TRUE(has_bit(role->html.ancestor_groups, ClassGroup::kNav));
  EXPECT_TRUE(has_bit(styled->html.ancestor_groups, ClassGroup::kHidden));
  EXPECT_TRUE(has_bit(aria->html.ancestor_groups, ClassGroup::kHidden));
}

TEST(SegmentHtml, AncestorTags) {
  const Document doc = segment_html(
      "<body><header><p>Site name</p></header>"
      "<nav><ul><li><a href=\"/\">Home</a></li></ul></nav>"
      "<main><article><p>Article text.</p><table><tr><td>a</td><td>b</td></tr></table></article></main>"
      "<aside><p>Aside text</p></aside><form><p>Form text</p></form>"
      "<a href=\"/teaser\"><div>Block inside a link</div></a></body>");
  const Block* header = find_block(doc, "Site name");
  const Block* home = find_block(doc, "Home");
  const Block* article = find_block(doc, "Article text.");
  const Block* row = find_block(doc, "a\tb");
  const Block* aside = find_block(doc, "Aside text");
  const Block* form = find_block(doc, "Form text");
  const Block* linked = find_block(doc, "Block inside a link");
  ASSERT_TRUE(header && home && article && row && aside && form && linked);

  EXPECT_TRUE(has_bit(header->html.ancestor_tags, AncestorTag::kHeader));
  EXPECT_TRUE(has_bit(home->html.ancestor_tags, AncestorTag::kNav));
  EXPECT_TRUE(has_bit(home->html.ancestor_tags, AncestorTag::kList));
  EXPECT_TRUE(has_bit(article->html.ancestor_tags, AncestorTag::kArticle));
  EXPECT_FALSE(has_bit(article->html.ancestor_tags, AncestorTag::kNav));
  EXPECT_TRUE(has_bit(row->html.ancestor_tags, AncestorTag::kTable));
  EXPECT_TRUE(has_bit(aside->html.ancestor_tags, AncestorTag::kAside));
  EXPECT_TRUE(has_bit(form->html.ancestor_tags, AncestorTag::kForm));
  EXPECT_TRUE(has_bit(linked->html.ancestor_tags, AncestorTag::kLink));
  EXPECT_FALSE(has_bit(article->html.ancestor_tags, AncestorTag::kLink));
}

// in_figure: text inside <figure> (its caption, a credit in a div) or a <figcaption> standing alone;
// not a table's <caption>, nor the paragraph after the figure closes.
TEST(SegmentHtml, InFigure) {
  const Document doc = segment_html(
      "<body><p>Before the figure.</p><figure><img src=x><div class=credit>Photo: Jane Doe</div>"
      "<figcaption>A caption <b>in bold</b></figcaption></figure><p>After the figure.</p>"
      "<figcaption>A loose caption</figcaption>"
      "<table><caption>Table title</caption><tr><td>cell</td></tr></table></body>");
  const struct {
    const char* text;
    bool in_figure;
  } cases[] = {
      {"Before the figure.", false}, {"Photo: Jane Doe", true}, {"A caption in bold", true},
      {"After the figure.", false},  {"A loose caption", true},  {"Table title", false},
  };
  for (const auto& c : cases) {
    const Block* block = find_block(doc, c.text);
    ASSERT_NE(block, nullptr) << c.text;
    EXPECT_EQ(block->html.in_figure, c.in_figure) << c.text;
  }
}

// path_hash: a hash of the tags and class attributes from the root down to the block element. The
// items of one repeated structure share it; another tag, another class or another depth changes it;
// other attributes do not count.
// The parser sees long text and long class, id and style values as stand-ins (stand_ins.h); the
// segmenter reads them back, so blocks, groups, hidden parts, links and paths are as the page wrote them.
TEST(SegmentHtml, LongTextAndValuesReadBackFromStandIns) {
  const Document doc = segment_html(
      "<html><body><div class=\"entry-content post-body\" id=\"article-main-column\">"
      "<p>A   paragraph long enough\n to stand in, <a href=\"/x\">with a long link text</a> inside.</p>"
      "<div class=\"comment-list-wrapper\"><p class=\"comment-body\">A comment here.</p></div>"
      "<div class=\"comment-list-wrapper\"><p class=\"comment-body\">Another comment.</p></div>"
      "<div class=\"comment-list-wrapper wide\"><p class=\"comment-body\">A third comment.</p></div>"
      "<div style=\"color: red; display: none\"><p>Hidden by a long style.</p></div>"
      "</div></body></html>");
  const Block* paragraph = find_block(doc, "A paragraph long enough to stand in, with a long link text inside.");
  const Block* comment = find_block(doc, "A comment here.");
  const Block* another = find_block(doc, "Another comment.");
  const Block* third = find_block(doc, "A third comment.");
  const Block* hidden = find_block(doc, "Hidden by a long style.");
  ASSERT_TRUE(paragraph && comment && another && third && hidden);
  EXPECT_TRUE(has_bit(paragraph->html.ancestor_groups, ClassGroup::kContent));
  EXPECT_EQ(paragraph->html.link_chars, 17u);  // "with a long link text", without its spaces
  EXPECT_TRUE(has_bit(comment->html.ancestor_groups, ClassGroup::kComment));
  EXPECT_TRUE(has_bit(comment->html.own_groups, ClassGroup::kComment));
  EXPECT_EQ(comment->html.path_hash, another->html.path_hash);
  EXPECT_NE(comment->html.path_hash, third->html.path_hash);
  EXPECT_TRUE(has_bit(hidden->html.ancestor_groups, ClassGroup::kHidden));
}

TEST(SegmentHtml, PathHashIsSharedByBlocksOfOneRepeatedStructure) {
  const std::string html =
      "<html><body>"
      "<ul class=\"menu\"><li id=\"first\"><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li>"
      "<li data-n=\"3\"><a href=\"/sport\">Sport</a></li><li class=\"active\"><a href=\"/\">Weather</a></li></ul>"
      "<ul class=\"links\"><li><a href=\"/imprint\">Imprint</a></li></ul>"
      "<article><p>Body one.</p><p>Body two<br><br>split in two.</p>"
      "<div class=\"teaser\"><p>Teaser one</p></div><div class=\"teaser\"><p>Teaser two</p></div>"
      "<div class=\"teaser wide\"><p>Teaser three</p></div><div><div><p>Nested deeper.</p></div></div></article>"
      "</body></html>";
  const Document doc = segment_html(html);
  auto path = [&](std::string_view text) {
    const Block* block = find_block(doc, text);
    EXPECT_NE(block, nullptr) << text;
    return block ? block->html.path_hash : 0;
  };
  const struct {
    const char* a;
    const char* b;
    bool same;
    const char* why;
  } cases[] = {
      {"Home", "News", true, "items of one ul.menu (an id does not count)"},
      {"Home", "Sport", true, "a data- attribute does not count"},
      {"Home", "Weather", false, "an item with a class of its own"},
      {"Home", "Imprint", false, "an item of a list with another class"},
      {"Home", "Body one.", false, "a list item and an article paragraph"},
      {"Body one.", "Body two", true, "paragraphs of one article"},
      {"Body two", "split in two.", true, "the two blocks a double <br> makes of one element"},
      {"Teaser one", "Teaser two", true, "paragraphs in sibling div.teaser"},
      {"Teaser one", "Teaser three", false, "div.teaser and div.teaser.wide"},
      {"Body one.", "Teaser one", false, "article > p and article > div.teaser > p"},
      {"Body one.", "Nested deeper.", false, "article > p and article > div > div > p"},
  };
  for (const auto& c : cases) {
    if (c.same) {
      EXPECT_EQ(path(c.a), path(c.b)) << c.why;
    } else {
      EXPECT_NE(path(c.a), path(c.b)) << c.why;
    }
  }
  for (const Block& block : doc.blocks) EXPECT_NE(block.html.path_hash, 0u) << block.text;
  // The hash depends on the structure only: parsing again, or with other text, gives the same one.
  EXPECT_EQ(segment_html(html).blocks.front().html.path_hash, doc.blocks.front().html.path_hash);
  const Document other = segment_html("<html><body><ul class=\"menu\"><li><a href=\"/x\">Other text</a></li></ul></body></html>");
  ASSERT_EQ(other.blocks.size(), 1u);
  EXPECT_EQ(other.blocks[0].html.path_hash, path("Home"));
}

TEST(SegmentHtml, BestContainerHoldsTheArticleParagraphs) {
  const std::string paragraph =
      "The harbour council met on Thursday evening and agreed, after a long and sometimes heated debate, "
      "that the old wooden pier would be rebuilt before the start of the next summer season.";
  std::string html =
      "<html><head><title>Pier to be rebuilt | Coastal Herald</title></head><body>"
      "<header class=\"masthead\"><p>Coastal Herald</p></header>"
      "<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li></ul></nav>"
      "<div class=\"layout\"><div class=\"article-body\">";
  for (int i = 0; i < 4; ++i) html += "<p>" + paragraph + " Paragraph " + std::to_string(i) + ".</p>";
  html += "</div><div class=\"sidebar\"><p>Most read</p><ul><li><a href=\"/x\">Some other story</a></li></ul></div>"
          "</div><footer><p>Contact us</p></footer></body></html>";
  const Document doc = segment_html(html);
  int article_paragraphs = 0;
  for (const Block& block : doc.blocks) {
    const bool in_article = block.text.starts_with("The harbour council");
    EXPECT_EQ(block.html.in_best_container, in_article) << block.text;
    if (in_article) {
      ++article_paragraphs;
      EXPECT_GT(block.html.container_share, 0.5f) << block.text;
      EXPECT_LE(block.html.container_share, 1.0f) << block.text;
    }
  }
  EXPECT_EQ(article_paragraphs, 4);
}

// A block whose text is all links is not well-formed text, whatever its script.
TEST(SegmentHtml, AllLinkTextInAnyScriptIsNoBestContainer) {
  std::string html = "<html><body><div><div><div><p>";
  for (int i = 0; i < 14; ++i) html += "<a href=\"/c" + std::to_string(i) + "\">\xE6\x9D\xB1\xE4\xBA\xAC</a> ";
  html += "</p></div></div></div><article><p>The harbour council voted on Thursday to rebuild the old pier before "
          "the summer.</p></article></body></html>";
  const Document doc = segment_html(html);
  ASSERT_EQ(doc.blocks.size(), 2u);
  EXPECT_FALSE(doc.blocks[0].html.in_best_container);
  EXPECT_TRUE(doc.blocks[1].html.in_best_container);
}

TEST(SegmentHtml, NoWellFormedTextMeansNoBestContainer) {
  const Document doc = segment_html("<ul><li><a href=\"/\">Home</a></li><li><a href=\"/a\">About</a></li></ul>");
  ASSERT_EQ(doc.blocks.size(), 2u);
  for (const Block& block : doc.blocks) EXPECT_FALSE(block.html.in_best_container);
}

TEST(SegmentHtml, DeeplyNestedDivsDoNotCrash) {
  constexpr int kDepth = 10000;
  std::string html = "<html><body>";
  for (int i = 0; i < kDepth; ++i) html += "<div>";
  html += "<p>Deep text.</p>";
  for (int i = 0; i < kDepth; ++i) html += "</div>";
  html += "<p>After.</p></body></html>";
  const Document doc = segment_html(html);
  ASSERT_FALSE(doc.blocks.empty());
  EXPECT_EQ(doc.blocks.back().text, "After.");
  EXPECT_NE(find_block(doc, "Deep text."), nullptr);
}

TEST(SegmentHtml, DeeplyNestedInlineElementsDoNotCrash) {
  constexpr int kDepth = 10000;
  std::string html = "<p>";
  for (int i = 0; i < kDepth; ++i) html += "<span>";
  html += "deep";
  html += "</p><p>After.</p>";
  const Document doc = segment_html(html);
  EXPECT_NE(find_block(doc, "After."), nullptr);
}

TEST(SegmentHtml, MalformedInputNeverFails) {
  const std::string inputs[] = {
      "", "   ", "plain text, no markup", "<<<>>>", "<p", "</p></div></body>", "<table><td>cell",
      "<p>\xFF\xFE broken bytes</p>", std::string("<p>nul\0byte</p>", 15), "<!-- unterminated comment",
  };
  for (const std::string& html : inputs) {
    const Document doc = segment_html(html);
    EXPECT_TRUE(doc.is_html);
    for (const Block& block : doc.blocks) EXPECT_FALSE(block.text.empty());
  }
}

}  // namespace
}  // namespace winnow
