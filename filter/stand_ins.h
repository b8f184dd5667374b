// Stand-ins: long runs of text and long attribute values replaced, before the HTML parser sees
// them, by a short reference to where they stand in the page, and read back by the segmenter.
// Gumbo's time goes by the character (a token per character of text, a buffer append per character
// of an attribute value), while the tree it builds depends on text only through whether it is white
// space, and on most attribute values not at all: a page whose text and class lists stand in as
// eight bytes each parses a third faster into the same tree.
//
// A stand-in is two private-use characters of plane 15 (U+F0000 and up, four bytes each, which
// pages hardly ever hold: icon fonts use the BMP's private use area), none of their bytes white
// space, '<', '&' or NUL, so the tokeniser and the tree builder treat it as any other text. A page
// that holds a character of that plane, as bytes or as a numeric character reference, gets none,
// as its own characters could be read as stand-ins. The spans themselves are
// the caller's to choose: they must reach the parser as the characters they are (passes_as_is),
// with bytes that are not part of a character (ASCII) before and after them, where the parser's
// decoder starts afresh whatever came before.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace winnow {

class StandIns {
 public:
  static constexpr std::size_t kBytes = 8;
  // Spans shorter than this stay as they are. (From 3 to 12 bytes the instructions spent on 30
  // pages of wcxb-dev or dragnet differ by under 0.5%; 24 costs 3% more.)
  static constexpr std::size_t kMinSpan = 8;
  static constexpr std::size_t kMaxSpans = std::size_t{0xFFFE} * 0xFFFE;

  // Stand-ins for spans of `page`, which must outlive this object; none when the page cannot have them.
  explicit StandIns(std::string_view page);

  // Whether the parser passes `text` on as the characters it is: valid UTF-8 with no character
  // reference ('&'), no carriage return (read as a line feed), no NUL, and none of the controls and
  // noncharacters it replaces by U+FFFD. Only such text may stand in.
  static bool passes_as_is(std::string_view text);

  bool usable() const { return usable_; }
  bool empty() const { return spans_.empty(); }

  // Appends to `out` the stand-in for page[begin, end) and returns true, or returns false (and
  // appends nothing) when stand-ins cannot be used or the table is full.
  bool add(std::size_t begin, std::size_t end, std::string& out);

  // `text` with each stand-in in it replaced by its span: `text` itself when it holds none, else a
  // view of `scratch`, which holds the result.
  std::string_view expand(std::string_view text, std::string& scratch) const;

 private:
  std::string_view page_;
  bool usable_ = false;
  std::vector<std::pair<std::size_t, std::size_t>> spans_;  // begin, size
};

}  // namespace winnow
