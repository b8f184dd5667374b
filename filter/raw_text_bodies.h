// Dropping the bodies of <script> and <style> elements before the HTML parser sees them. Entry
// point: drop_raw_text_bodies. Tested by tests/raw_text_bodies_test.cpp.
//
// Modern pages carry most of their bytes in scripts and style sheets, which the segmenter skips
// anyway; the parser still tokenises every byte of them. This pass finds where each such body ends
// by the HTML tokeniser's own rules (a script body ends at the first "</script" followed by white
// space, "/" or ">", except inside the <!-- <script> ... </script> --> double-escaped form), and
// keeps everything else byte for byte: comments, and the text of title, textarea and the other
// raw-text and RCDATA elements, where "<script>" is only text. The parser then builds the same
// tree, with those elements empty. Where the parser's state depends on the tree, not only on the
// bytes (inside <svg>, <math>, <select> or <frameset>), the pass drops nothing from there on.
#pragma once

#include <string>
#include <string_view>

namespace winnow {

// `html` without the contents of its script and style elements (their tags stay). Returns an
// empty string when there was nothing to drop, so the caller can go on with `html` as it is.
std::string drop_raw_text_bodies(std::string_view html);

}  // namespace winnow
