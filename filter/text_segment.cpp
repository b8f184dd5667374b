// Text segmentation. Entry points: LineSegmenter (streaming), segment_text (whole document).
// Tested by tests/text_segment_test.cpp.
#include "text_segment.h"

#include "utf8.h"

namespace winnow {

void LineSegmenter::emit_line(std::string_view line) {
  std::string folded = utf8::fold_space(line);
  if (!folded.empty()) emit_(Block{std::move(folded), {}});
}

void LineSegmenter::push(std::string_view bytes) {
  std::size_t start = 0;
  if (after_cr_ && !bytes.empty() && bytes[0] == '\n') start = 1;  // the \n of a split \r\n
  after_cr_ = false;
  for (std::size_t i = start; i < bytes.size(); ++i) {
    const char c = bytes[i];
    if (c != '\n' && c != '\r') continue;
    if (partial_.empty()) {
      emit_line(bytes.substr(start, i - start));
    } else {
      partial_.append(bytes.substr(start, i - start));
      emit_line(partial_);
      partial_.clear();
    }
    if (c == '\r') {
      if (i + 1 < bytes.size() && bytes[i + 1] == '\n') {
        ++i;
      } else if (i + 1 == bytes.size()) {
        after_cr_ = true;
      }
    }
    start = i + 1;
  }
  partial_.append(bytes.substr(start));
}

void LineSegmenter::finish() {
  if (!partial_.empty()) emit_line(partial_);
  partial_.clear();
}

Document segment_text(std::string_view text) {
  Document doc;
  LineSegmenter segmenter([&doc](Block&& block) { doc.blocks.push_back(std::move(block)); });
  segmenter.push(text);
  segmenter.finish();
  return doc;
}

}  // namespace winnow
