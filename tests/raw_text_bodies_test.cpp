// Tests of dropping what the HTML parser need not see (filter/raw_text_bodies.h): each case is an input and
// what the parser should then see, written from the tokeniser's rules (WHATWG HTML 13.2.5); "="
// means the input is left as it is. The pass was also checked on the whole corpus (every block,
// score and decision of all 4,794 HTML pages the same with and without it) and by a libFuzzer
// target comparing Gumbo's trees of a page with and without it (tests/fuzz/raw_text_bodies_fuzz.cpp).
#include "raw_text_bodies.h"

#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <vector>

#include "html_segment.h"

namespace winnow {
namespace {

struct Case {
  const char* name;
  const char* input;
  const char* want;  // "=": unchanged
};

const Case kCases[] = {
    {"script body", "<p>a</p><script>var x = '<p>b</p>';</script><p>c</p>", "<p>a</p><script></script><p>c</p>"},
    {"style body", "<style>p { color: red }</style><p>a</p>", "<style></style><p>a</p>"},
    {"tags in any case", "<SCRIPT type=x>a()</SCRIPT ><p>b</p>", "<SCRIPT type=x></SCRIPT ><p>b</p>"},
    {"a '>' in a quoted attribute", "<script data-x=\"a>b\">c()</script>", "<script></script>"},
    {"'>' in a single-quoted attribute before", "<a title='x>'>t</a><script>1</script>",
     "<a>t</a><script></script>"},
    {"</scripts> does not end a script", "<script>a</scripts>b</script><p>c</p>", "<script></script><p>c</p>"},
    {"a comment hides a script tag", "<!-- <script> -->text<p>x</p>", "<!---->text<p>x</p>"},
    {"an empty comment stays", "<!----><p>x</p>", "="},
    {"an unclosed comment runs to the end", "<p>x</p><!-- a <script>b</script>", "="},
    {"--!> ends a comment", "<!-- a --!><script>b</script>", "<!----><script></script>"},
    {"title text is text", "<title>About <script> tags</title><p>x</p>", "="},
    {"textarea text is text", "<textarea><script>x</script></textarea>", "="},
    {"escaped: </script> ends the body", "<script><!-- a </script><p>b</p>", "<script></script><p>b</p>"},
    {"double escaped: the inner </script> does not", "<script><!--<script>x</script>y--></script><p>z</p>",
     "<script></script><p>z</p>"},
    {"<!--> leaves the escape at once", "<script><!--></script><p>a</p>", "<script></script><p>a</p>"},
    {"an unclosed script runs to the end", "<p>a</p><script>var a = 1;", "<p>a</p><script>"},
    {"plaintext: the rest is text", "<plaintext><script>x</script>", "="},
    {"scriptx is not script", "<scriptx>a</scriptx>", "="},
    // SVG content, which the segmenter skips, goes where the tree builder's way to its end is sure.
    {"svg content", "<p>a</p><svg viewBox=\"0 0 1 1\"><path d=\"M0 0\"/><g><circle r=1></circle></g></svg><p>b</p>",
     "<p>a</p><svg viewBox=\"0 0 1 1\"></svg><p>b</p>"},
    {"scripts after an svg", "<script>a</script><svg><style>b</style></svg><script>c</script>",
     "<script></script><svg></svg><script></script>"},
    {"nested svg", "<svg><svg><path/></svg><text>x</text></svg><script>c</script>", "<svg></svg><script></script>"},
    {"an svg title of text alone", "<svg><title>Search</title><path/></svg><script>x</script>",
     "<svg></svg><script></script>"},
    {"CDATA hides an end tag in svg", "<svg><![CDATA[</svg>]]></svg><script>c</script>", "<svg></svg><script></script>"},
    {"a self-closing svg", "<svg/><script>c</script>", "<svg/><script></script>"},
    {"a breakout tag: nothing dropped from there", "<svg><div>x</div></svg><script>c</script>", "="},
    {"an end tag of no open svg element", "<div><svg></div><script>c</script></svg>", "="},
    {"an svg title holding markup", "<svg><title><b>x</b></title></svg><script>c</script>", "="},
    {"an svg that is not closed", "<svg><path><script>c</script>", "="},
    // Gumbo loses the end tag after "</>" in SVG (found by tests/fuzz/raw_text_bodies_fuzz.cpp).
    {"'</>' in svg: nothing dropped from there", "<svg></></svg><script>c</script>", "="},
    {"an svg end tag with '/' after its name", "<svg><title>a</title/><o></svg><script>c</script>", "="},
    {"nor an svg end tag written so", "<svg><g></g/></svg><script>c</script>", "="},
    {"svg on a page with a frameset", "<svg><text>x</text></svg><frameset>", "="},
    {"nor after MathML", "<math><script>a</script></math>", "="},
    // A select's content is passed over: the tree builder ignores <style> and <title> in it.
    {"after a select", "<style>a</style><select><option>x</select><style>b</style>",
     "<style></style><select><option>x</select><style></style>"},
    {"a style inside a select is not one", "<select><style></select><p>x</p></style><script>a</script>",
     "<select><style></select><p>x</p></style><script></script>"},
    {"a select's attributes and options stay", "<select name=q><option value=1 data-x=2>a</option></select>",
     "="},
    {"a script in a select: nothing dropped from there", "<select><script>a</script></select><script>b</script>",
     "="},
    {"a select in a table: nothing dropped from there", "<table><tr><td><select><option>a</td><script>b</script>",
     "="},
    {"a select not closed", "<select><option>a<script>b</script>", "="},
    {"nor after a frameset", "<frameset><script>a</script>", "="},
    {"a space before '=' still starts a value", "<html lang =\"en<title>\"><script>a</script>",
     "<html><script></script>"},
    // Attributes nothing reads go; the segmenter's and <input type> stay, in their order.
    {"unread attributes", "<div class=\"a\" data-x=\"1\" id=b href='u'>t</div>", "<div class=\"a\" id=b>t</div>"},
    {"attribute names in any case", "<DIV CLASS=x DATA-Y=2>", "<DIV CLASS=x>"},
    {"a self-closing tag stays so", "<img class=a src=x />", "<img class=a />"},
    {"'/' ends no unquoted value", "<img class=a/ src=x>", "<img class=a/>"},
    {"no space between attributes", "<p class=\"a\"data-x=\"b\"id=\"c\">", "<p class=\"a\" id=\"c\">"},
    {"a stray '/' between attributes", "<p data-x=1 / class=a>", "<p class=a>"},
    {"'=' first makes a name", "<p =x class=y>", "<p class=y>"},
    {"a value after white space", "<p class= x data-y>", "<p class= x>"},
    {"input keeps its type", "<table><input type=hidden name=q value=1>", "<table><input type=hidden>"},
    {"formatting elements keep every attribute", "<b data-x=1>u</b><font color=red face=x>v</font>", "="},
    {"but <a>, never twice in the formatting list, does not", "<a href=\"/x\" class=b>t</a><b data-x=1>u</b>",
     "<a class=b>t</a><b data-x=1>u</b>"},
    {"only kept attributes: unchanged", "<div class=a id=b hidden>", "="},
    {"end tags are left", "</div data-x=1>", "="},
    {"a tag cut by the end of the input", "<div data-x=\"1", "="},
    {"no script, no style", "<p>plain</p>", "="},
    // Runs of white space in text fold to their first character; single ones stay.
    {"indentation between tags", "<div>\n    <p>a  \n\t b</p>\n  </div>", "<div>\n<p>a b</p>\n</div>"},
    {"single spaces", "<p>a b</p>\n<p>c\td</p>", "="},
    {"white space in attributes", "<div class=\"a   b\">x</div>", "="},
    {"after <pre> and <listing>, up to the next tag", "<pre>\n\n  code</pre>\n\n<listing>\n\n x", "<pre>\n\n  code</pre>\n<listing>\n\n x"},
    {"in a textarea and a title", "<title>a   b</title><textarea>\n\n c  d</textarea>", "="},
    {"an end tag with a quoted '>'", "</div a='>'><script>x</script>", "</div a='>'><script></script>"},
};

// Gumbo reads "<l \0type>" as an element with a "type" attribute, not the name this scan would
// read: a page with a NUL byte is left as it is but for the bound on attributes (found by
// tests/fuzz/raw_text_bodies_fuzz.cpp).
TEST(DropRawTextBodies, APageWithANulByteIsLeftAsItIs) {
  const std::string page("<l \0type data-x=1><script>a</script>", 36);
  EXPECT_EQ(drop_raw_text_bodies(page), "");
}

// A start tag keeps its first kMaxAttributes attributes (of those it keeps at all), wherever the
// scan is: formatting elements keep unread ones, other elements only what is read; past a <math>
// or in a page with a NUL byte, where nothing else is dropped, the bound still holds.
TEST(DropRawTextBodies, AttributesPastTheBoundAreDropped) {
  const auto attributes = [](const char* name, int from, int to) {
    std::string out;
    for (int i = from; i < to; ++i) out.append(" ").append(name).append(std::to_string(i)).append("=x");
    return out;
  };
  const auto repeated = [](const char* attribute, int count) {
    std::string out;
    for (int i = 0; i < count; ++i) out += attribute;
    return out;
  };
  const int over = static_cast<int>(kMaxAttributes) + 44;
  const int bound = static_cast<int>(kMaxAttributes);
  struct AttributeCase {
    const char* name;
    std::string input;
    std::string want;
  };
  const AttributeCase cases[] = {
      {"a formatting element", "<p><b" + attributes("a", 0, over) + ">bold</b>", "<p><b" + attributes("a", 0, bound) + ">bold</b>"},
      {"a read name repeated", "<div" + repeated(" class=x", over) + ">x", "<div" + repeated(" class=x", bound) + ">x"},
      {"unread names on a div", "<div" + attributes("data-", 0, over) + " id=k>x", "<div id=k>x"},
      {"after <math>", "<math></math><i" + attributes("a", 0, over) + ">x", "<math></math><i" + attributes("a", 0, bound) + ">x"},
      {"with a NUL byte", std::string("<p>\0", 4) + "<u" + attributes("a", 0, over) + ">x",
       std::string("<p>\0", 4) + "<u" + attributes("a", 0, bound) + ">x"},
      {"at the bound: unchanged", "<b" + attributes("a", 0, bound) + ">x", ""},
  };
  for (const AttributeCase& c : cases) EXPECT_EQ(drop_raw_text_bodies(c.input), c.want) << c.name;
  EXPECT_EQ(drop_raw_text_bodies(cases[0].input, std::numeric_limits<std::size_t>::max()), "") << "with no bound";
}

TEST(DropRawTextBodies, AsTheTokeniserReadsThem) {
  for (const Case& c : kCases) {
    const std::string got = drop_raw_text_bodies(c.input);
    if (std::string_view(c.want) == "=") {
      EXPECT_EQ(got, "") << c.name;  // nothing dropped
    } else {
      EXPECT_EQ(got, c.want) << c.name;
    }
  }
}

// The stand-in of the index-th span: U+F0000 + index / 0xFFFE, U+F0000 + index % 0xFFFE, in UTF-8.
std::string stand_in(std::size_t index) {
  std::string out;
  for (const std::size_t value : {index / 0xFFFE, index % 0xFFFE}) {
    const std::size_t cp = 0xF0000 + value;
    out += static_cast<char>(0xF3);
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return out;
}

// With stand-ins, long text and long class, id and style values go as eight bytes each, and read back
// as they were; what the parser would not pass on as it is stays. `spans` are what the stand-ins
// read back as, in order.
TEST(DropRawTextBodies, LongTextAndValuesStandIn) {
  const struct {
    const char* name;
    std::string input;
    std::string want;  // "": unchanged
    std::vector<std::string> spans;
  } cases[] = {
      {"text", "<p>A paragraph of text.</p>", "<p>" + stand_in(0) + "</p>", {"A paragraph of text."}},
      {"the white space around stays, folded", "<p>  \n A paragraph  of text. \n </p>",
       "<p> " + stand_in(0) + " </p>", {"A paragraph  of text."}},
      {"short text stays", "<p>Short</p>", "", {}},
      {"a character reference keeps the text", "<p>Fish &amp; chips and peas</p>", "", {}},
      {"a carriage return keeps the text (folded)", "<p>One line\r\nand the next one</p>",
       "<p>One line\rand the next one</p>", {}},
      {"a C1 control keeps the text", "<p>it\xC2\x92s a long paragraph</p>", "", {}},
      {"a noncharacter keeps the text", "<p>a long paragraph \xEF\xB7\x90 here</p>", "", {}},
      {"class and id values", "<div class=\"article-body main\" id='comments-section'>x</div>",
       "<div class=\"" + stand_in(0) + "\" id='" + stand_in(1) + "'>x</div>", {"article-body main", "comments-section"}},
      {"short and unquoted values stay", "<div class=short id=a-long-unquoted-id>x</div>", "", {}},
      {"an unquoted value holding a quote stays", "<div class=)a-long-value\"with-quote\">x</div>", "", {}},
      {"white space around '='", "<div class = \"article-body main\">x</div>",
       "<div class = \"" + stand_in(0) + "\">x</div>", {"article-body main"}},
      {"a formatting element keeps its values", "<b class=\"a long class name\">x</b>", "", {}},
      {"type stays", "<input type=\"hidden-and-more-than-twelve\">", "", {}},
      {"title text stays", "<title>A long title of the page</title>", "", {}},
      {"after <pre> the white space is kept", "<pre>\n  code line number one\n</pre>",
       "<pre>\n  " + stand_in(0) + "\n</pre>", {"code line number one"}},
      {"a page holding U+F0000 gets none", "<p>\xF3\xB0\x80\x80 a character and a long text</p>", "", {}},
      {"nor one referring to it", "<p>&#xF0000;&#983041; and a long text</p><p>A long text again.</p>", "", {}},
      {"icon characters of the BMP's private use area do not matter",
       "<p>\xEE\xA4\x80&#xe901; Icons</p><p>A long text again.</p>",
       "<p>\xEE\xA4\x80&#xe901; Icons</p><p>" + stand_in(0) + "</p>", {"A long text again."}},
      {"nor do they as text alone", "<p>\xEE\xA4\x80 Icons and a long text</p>", "<p>" + stand_in(0) + "</p>",
       {"\xEE\xA4\x80 Icons and a long text"}},
      {"other references do not matter", "<p>&#x2014;&#8212;&amp;</p><p>A long text again.</p>",
       "<p>&#x2014;&#8212;&amp;</p><p>" + stand_in(0) + "</p>", {"A long text again."}},
      {"text that is not UTF-8 keeps it", "<p>caf\xE9 and a long text after it</p><p>Valid text beside it.</p>",
       "<p>caf\xE9 and a long text after it</p><p>" + stand_in(0) + "</p>", {"Valid text beside it."}},
      {"with a script dropped", "<p>The first paragraph.</p><script>x()</script><p>The second one here.</p>",
       "<p>" + stand_in(0) + "</p><script></script><p>" + stand_in(1) + "</p>",
       {"The first paragraph.", "The second one here."}},
  };
  for (const auto& c : cases) {
    StandIns stand_ins(c.input);
    const std::string got = drop_raw_text_bodies(c.input, kMaxAttributes, &stand_ins);
    EXPECT_EQ(got, c.want) << c.name;
    std::string scratch;
    for (std::size_t i = 0; i < c.spans.size(); ++i) {
      EXPECT_EQ(stand_ins.expand(stand_in(i), scratch), c.spans[i]) << c.name << ", span " << i;
    }
    EXPECT_EQ(stand_ins.expand(stand_in(c.spans.size()), scratch), stand_in(c.spans.size()))
        << c.name << ": an index past the table reads as it is";
  }
}

TEST(DropRawTextBodies, StandInsReadBackInsideOtherText) {
  const std::string page = "<p>The first paragraph.</p>";
  StandIns stand_ins(page);
  ASSERT_EQ(drop_raw_text_bodies(page, kMaxAttributes, &stand_ins), "<p>" + stand_in(0) + "</p>");
  std::string scratch;
  // The parser joins text around tags it ignores; a stand-in is read back wherever it stands.
  EXPECT_EQ(stand_ins.expand("a " + stand_in(0) + " < " + stand_in(0), scratch),
            "a The first paragraph. < The first paragraph.");
  EXPECT_EQ(stand_ins.expand("no stand-in", scratch), "no stand-in");
  const std::string cut = stand_in(0).substr(0, 4);  // never written by the parser: left as it is
  EXPECT_EQ(stand_ins.expand("x" + cut, scratch), "x" + cut);
}

TEST(DropRawTextBodies, TheBlocksAreTheSameAsTheWholePageGives) {
  // segment_html drops the bodies itself; the document it gives must equal the one from the page
  // with the bodies already gone, and hold the text around the scripts.
  const std::string page =
      "<html><head><style>.a{}</style><script>if (a < b) { document.write('<p>not text</p>'); }</script></head>"
      "<body><h1>Heading</h1><p>First paragraph.</p><script><!--<script>x()</script>--></script>"
      "<p>Second paragraph.</p></body></html>";
  const Document whole = segment_html(page);
  const Document stripped = segment_html(drop_raw_text_bodies(page));
  ASSERT_EQ(whole.blocks.size(), 3u);
  ASSERT_EQ(stripped.blocks.size(), whole.blocks.size());
  for (std::size_t i = 0; i < whole.blocks.size(); ++i) EXPECT_EQ(whole.blocks[i].text, stripped.blocks[i].text);
  EXPECT_EQ(whole.blocks[2].text, "Second paragraph.");
}

}  // namespace
}  // namespace winnow
