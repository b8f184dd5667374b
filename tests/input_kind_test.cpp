// Tests of input detection (detect_input_kind, include/winnow/winnow.h): markup at the start makes
// HTML, a text dump quoting a tag or two stays text, and clean() reports the kind it used.
#include <gtest/gtest.h>

#include <string>

#include "test_support.h"
#include "winnow/winnow.h"

namespace winnow {
namespace {

const char* kind_name(InputKind kind) {
  switch (kind) {
    case InputKind::kHtml: return "html";
    case InputKind::kText: return "text";
    default: return "auto";
  }
}

using testing::repeat;

TEST(DetectInputKind, Table) {
  const std::string filler = repeat("Plain words of a plain text dump, line after line.\n", 200);  // ~10 KB
  const struct {
    const char* name;
    std::string bytes;
    InputKind kind;
  } cases[] = {
      {"empty", "", InputKind::kText},
      {"plain text", "Harbour town votes to rebuild its pier\nThe vote was close.\n", InputKind::kText},
      {"doctype", "<!DOCTYPE html><html><body><p>x</p></body></html>", InputKind::kHtml},
      {"lower-case doctype", "<!doctype html>\n<title>x</title>", InputKind::kHtml},
      {"html element", "<html lang=\"en\"><p>x", InputKind::kHtml},
      {"upper-case html", "<HTML><BODY>x</BODY></HTML>", InputKind::kHtml},
      {"head first", "<head><title>t</title></head>", InputKind::kHtml},
      {"body first", "<body>text</body>", InputKind::kHtml},
      {"white space before markup", "\n\n   \t<html>", InputKind::kHtml},
      {"byte order mark before markup", "\xEF\xBB\xBF<!DOCTYPE html><html></html>", InputKind::kHtml},
      {"xml declaration", "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"></html>",
       InputKind::kHtml},
      {"leading comment", "<!-- saved from url -->\n<div>x</div>", InputKind::kHtml},
      {"fragment dense in tags",
       "<div><p>One</p><p>Two</p><p>Three</p><p>Four</p><a href=\"/x\">link</a><br><span>s</span></div>",
       InputKind::kHtml},
      {"text quoting a few tags", "You can use these HTML tags: <a> <b> <i> <p> in comments.\n", InputKind::kText},
      {"heart", "<3 to everyone who came\n", InputKind::kText},
      {"less-than in prose", "If a < b and b < c then a < c.\n", InputKind::kText},
      {"eight tags lost in ten kilobytes of text",
       filler + "<p> <p> <div> </div> <br> <span> <li> <table>\n" + filler, InputKind::kText},
  };
  for (const auto& c : cases) {
    EXPECT_STREQ(kind_name(detect_input_kind(c.bytes)), kind_name(c.kind)) << c.name;
  }
}

TEST(DetectInputKind, CleanReportsTheKindItUsed) {
  EXPECT_EQ(clean("<!DOCTYPE html><html><body><p>Hello there.</p></body></html>").kind, InputKind::kHtml);
  EXPECT_EQ(clean("Hello there.\nSecond line.\n").kind, InputKind::kText);

  CleanOptions as_text;
  as_text.kind = InputKind::kText;
  const CleanResult forced = clean("<!DOCTYPE html>\n<p>Hello there.</p>\n", as_text);
  EXPECT_EQ(forced.kind, InputKind::kText);
  ASSERT_EQ(forced.blocks.size(), 2u);  // two lines of text, markup and all
  EXPECT_EQ(forced.blocks[1].text, "<p>Hello there.</p>");

  CleanOptions as_html;
  as_html.kind = InputKind::kHtml;
  const CleanResult parsed = clean("First line\nSecond line\n", as_html);
  EXPECT_EQ(parsed.kind, InputKind::kHtml);
  ASSERT_EQ(parsed.blocks.size(), 1u);  // newlines are white space in HTML
  EXPECT_EQ(parsed.blocks[0].text, "First line Second line");
}

}  // namespace
}  // namespace winnow
