// Tests of text segmentation (text_segment.h): one block per non-blank line, white space folded,
// and the streaming LineSegmenter gives exactly the whole-document blocks for any split of the
// input, including a \r\n or a multi-byte character split across pushes.
#include "text_segment.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "test_support.h"

namespace winnow {
namespace {

std::vector<std::string> texts(const Document& doc) {
  std::vector<std::string> out;
  for (const Block& block : doc.blocks) out.push_back(block.text);
  return out;
}

std::vector<std::string> stream(const std::vector<std::string_view>& pieces) {
  std::vector<std::string> out;
  LineSegmenter segmenter([&out](Block&& block) { out.push_back(std::move(block.text)); });
  for (std::string_view piece : pieces) segmenter.push(piece);
  segmenter.finish();
  return out;
}

struct SegmentCase {
  const char* name;
  std::string text;
  std::vector<std::string> lines;
};

const std::vector<SegmentCase>& segment_cases() {
  static const std::vector<SegmentCase> cases = {
      {"empty", "", {}},
      {"one line without newline", "Only line", {"Only line"}},
      {"one line with newline", "Only line\n", {"Only line"}},
      {"lf", "one\ntwo\nthree\n", {"one", "two", "three"}},
      {"crlf", "one\r\ntwo\r\n", {"one", "two"}},
      {"lone cr ends a line", "one\rtwo\rthree", {"one", "two", "three"}},
      {"cr cr lf", "one\r\r\ntwo", {"one", "two"}},
      {"mixed endings", "a\nb\r\nc\rd", {"a", "b", "c", "d"}},
      {"blank lines dropped", "\n\none\n\n\n two \n\n", {"one", "two"}},
      {"white-space-only lines dropped", " \t \n\xC2\xA0\nx\n\r\n", {"x"}},
      {"white space folded", "  The   vote\twas\t\tclose.  \n", {"The vote was close."}},
      {"nbsp folded", "one\xC2\xA0two\n", {"one two"}},
      {"form feed is white space, not a line end", "one\ftwo\n", {"one two"}},
      {"invalid utf-8 repaired", "bad\xFF" "byte\n", {"bad\xEF\xBF\xBD" "byte"}},
      {"multi-byte text",
       "Stra\xC3\x9F" "e \xE2\x80\x94 \xE6\x97\xA5\xE6\x9C\xAC\n",
       {"Stra\xC3\x9F" "e \xE2\x80\x94 \xE6\x97\xA5\xE6\x9C\xAC"}},
      {"no final newline after crlf lines", "a\r\nb\r\nlast", {"a", "b", "last"}},
  };
  return cases;
}

TEST(SegmentText, Table) {
  for (const SegmentCase& c : segment_cases()) {
    const Document doc = segment_text(c.text);
    EXPECT_FALSE(doc.is_html) << c.name;
    EXPECT_EQ(texts(doc), c.lines) << c.name;
  }
}

TEST(SegmentText, BlocksHaveNoHtmlContext) {
  for (const Block& block : segment_text("one\ntwo\n").blocks) {
    EXPECT_EQ(block.html.tag, BlockTag::kLine);
    EXPECT_EQ(block.html.link_chars, 0u);
    EXPECT_FALSE(block.html.in_best_container);
  }
}

TEST(LineSegmenter, EverySplitInTwoEqualsWholeDocument) {
  for (const SegmentCase& c : segment_cases()) {
    for (std::size_t cut = 0; cut <= c.text.size(); ++cut) {
      const std::string_view whole = c.text;
      EXPECT_EQ(stream({whole.substr(0, cut), whole.substr(cut)}), c.lines) << c.name << " cut at " << cut;
    }
  }
}

TEST(LineSegmenter, CrLfSplitAcrossPushes) {
  EXPECT_EQ(stream({"one\r", "\ntwo\r", "\n"}), (std::vector<std::string>{"one", "two"}));
  EXPECT_EQ(stream({"one\r", "", "\ntwo"}), (std::vector<std::string>{"one", "two"}));
  EXPECT_EQ(stream({"one\r", "two"}), (std::vector<std::string>{"one", "two"}));
  EXPECT_EQ(stream({"\r", "\n", "\r", "\n"}), (std::vector<std::string>{}));
}

TEST(LineSegmenter, ByteAtATimeAndRandomChunksEqualWholeDocument) {
  std::string document;
  for (const SegmentCase& c : segment_cases()) document += c.text + "\r\n";
  for (const auto& path : testing::seed_paths()) document += testing::read_whole_file(path);
  const std::vector<std::string> expected = texts(segment_text(document));
  ASSERT_GT(expected.size(), 100u);

  std::vector<std::string_view> bytes;
  for (std::size_t i = 0; i < document.size(); ++i) bytes.push_back(std::string_view(document).substr(i, 1));
  EXPECT_EQ(stream(bytes), expected);

  std::mt19937 random(20240229);
  for (int round = 0; round < 50; ++round) {
    std::uniform_int_distribution<std::size_t> size(0, round < 25 ? 7 : 300);
    std::vector<std::string_view> pieces;
    for (std::size_t at = 0; at < document.size();) {
      const std::size_t n = std::min(size(random), document.size() - at);
      pieces.push_back(std::string_view(document).substr(at, n));  // includes empty pushes
      at += n;
    }
    EXPECT_EQ(stream(pieces), expected) << "round " << round;
  }
}

TEST(LineSegmenter, EmitsEachCompleteLineAtOnce) {
  std::vector<std::string> out;
  LineSegmenter segmenter([&out](Block&& block) { out.push_back(std::move(block.text)); });
  segmenter.push("first line\nsecond ");
  EXPECT_EQ(out, (std::vector<std::string>{"first line"}));
  segmenter.push("half\n");
  EXPECT_EQ(out, (std::vector<std::string>{"first line", "second half"}));
  segmenter.push("tail without newline");
  EXPECT_EQ(out.size(), 2u);
  segmenter.finish();
  EXPECT_EQ(out, (std::vector<std::string>{"first line", "second half", "tail without newline"}));
}

struct LongLineCase {
  const char* label;
  std::string line;
  std::size_t limit;
  std::vector<std::string> parts;
};

// A line longer than the limit is cut into parts: after white space in the last eighth of a part,
// else at a character boundary, never inside a UTF-8 sequence; every byte of text stays.
TEST(LineSegmenter, CutsLinesLongerThanTheLimit) {
  const LongLineCase cases[] = {
      {"at white space", "aaaaaaa bbbbbbb ccc", 8, {"aaaaaaa", "bbbbbbb", "ccc"}},
      {"no white space", "abcdefghijklmnopqrst", 8, {"abcdefgh", "ijklmnop", "qrst"}},
      {"not inside a character", "aaaaaaé€bbb", 8, {"aaaaaaé", "€bbb"}},
      {"within the limit", "short line", 16, {"short line"}},
      {"exactly the limit", "12345678", 8, {"12345678"}},
  };
  for (const LongLineCase& c : cases) {
    // Whole, and a byte at a time (the line then never sits whole in the segmenter).
    for (bool bytewise : {false, true}) {
      std::vector<std::string> out;
      LineSegmenter segmenter([&out](Block&& block) { out.push_back(std::move(block.text)); }, c.limit);
      const std::string input = c.line + "\nnext\n";
      if (bytewise) {
        for (char ch : input) segmenter.push(std::string_view(&ch, 1));
      } else {
        segmenter.push(input);
      }
      segmenter.finish();
      std::vector<std::string> expected = c.parts;
      expected.push_back("next");
      EXPECT_EQ(out, expected) << c.label << (bytewise ? ", byte at a time" : "");
      EXPECT_EQ(segmenter.lines_cut(), c.parts.size() > 1 ? 1u : 0u) << c.label;
    }
  }
}

TEST(LineSegmenter, AnEndlessLineIsEmittedAsItComes) {
  std::size_t parts = 0;
  LineSegmenter segmenter([&parts](Block&&) { ++parts; }, 1024);
  const std::string chunk(4096, 'x');
  for (int i = 0; i < 100; ++i) segmenter.push(chunk);
  EXPECT_EQ(parts, 399u);  // all of it out before the line ends but the last part
  segmenter.finish();
  EXPECT_EQ(parts, 400u);
  EXPECT_EQ(segmenter.lines_cut(), 1u);
}

}  // namespace
}  // namespace winnow
