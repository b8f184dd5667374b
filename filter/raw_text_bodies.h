// What the HTML parser need not see, dropped before it parses the page. Entry point:
// drop_raw_text_bodies. Tested by tests/raw_text_bodies_test.cpp.
//
// Modern pages carry most of their bytes in scripts, style sheets, inline SVG and attributes that
// the segmenter never reads; the parser still tokenises every byte of them. This pass drops
//   - the bodies of <script> and <style>, whose ends it finds by the HTML tokeniser's own rules (a
//     script body ends at the first "</script" followed by white space, "/" or ">", except inside
//     the <!-- <script> ... </script> --> double-escaped form);
//   - the content of <svg> elements (the segmenter skips SVG), where it can follow the tree
//     builder to the end tag that closes the element: no breakout tag, no end tag of an element
//     not open inside it, no markup in an HTML integration point;
//   - attributes the segmenter does not read (all but class, id, role, hidden, aria-hidden, style,
//     and type, which the tree builder reads), except on formatting elements, which the tree
//     builder compares by their attributes;
//   - all but the first character of each run of white space in text (not in title, textarea and
//     the like, nor just after <pre>): the tree builder asks of text only whether it is white
//     space, the segmenter folds runs, and Gumbo makes a token of every character;
//   - the text of comments (each stays, empty);
//   - with stand-ins (stand_ins.h), long runs of text and long class, id and style values, each
//     replaced by eight bytes that the segmenter reads back;
// and keeps everything else byte for byte, the text of title, textarea and the other raw-text and
// RCDATA elements among it, where "<script>" is only text. The parser then builds the same tree,
// with those elements and comments empty, those attributes gone and runs of white space shorter.
// Where the parser's state depends on the tree, not only on the bytes (inside <math>, <select> or
// <frameset>, or where SVG content cannot be followed), the pass drops nothing from there on but
// attributes past kMaxAttributes.
#pragma once

#include <string>
#include <string_view>

#include "stand_ins.h"

namespace winnow {

// At most this many attributes of a start tag reach the parser, the first ones. Gumbo looks through
// the tag's attributes for each new one (a repeated name is dropped), so its time grows with the
// square of their number: a <b> with 40,000 took 4 s. Real tags hold a few dozen at most. Unlike
// the rest of this pass, the bound may change the tree (a formatting element's attributes past it,
// and, where the scan no longer follows the tokeniser, after <math> say, the words of a "tag" of
// more than 256 attributes in script or title text); tests/fuzz/raw_text_bodies_fuzz.cpp compares
// trees with no bound.
inline constexpr std::size_t kMaxAttributes = 256;

// `html` without what the parser need not see (script, style and SVG contents, unread attributes,
// attributes past `max_attributes`; the tags stay). Returns an empty string when there was nothing
// to drop, so the caller can go on with `html` as it is. With `stand_ins` (made for `html`), long
// runs of text and long class, id and style values (not those of formatting elements, which the
// tree builder compares) are replaced by stand-ins, to be read back from the tree with
// StandIns::expand.
std::string drop_raw_text_bodies(std::string_view html, std::size_t max_attributes = kMaxAttributes,
                                 StandIns* stand_ins = nullptr);

// The tokeniser's rules this pass follows, shared with nesting_limit.cpp:
// where the start or end tag that begins at `at` ("<" and a name) ends, just past its '>' (quoted
// attribute values passed over), or html.size();
std::size_t end_of_tag(std::string_view html, std::size_t at);
// where the body of the raw-text or RCDATA element `name` that starts at `at` ends: the '<' of its
// end tag, or html.size().
std::size_t end_of_text_body(std::string_view html, std::size_t at, std::string_view name);

}  // namespace winnow
