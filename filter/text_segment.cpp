// Text segmentation. Entry points: LineSegmenter (streaming), segment_text (whole document).
// Tested by tests/text_segment_test.cpp.
#include "text_segment.h"

#include "utf8.h"

namespace winnow {

void LineSegmenter::emit_part(std::string_view part) {
  std::string folded = utf8::fold_space(part);
  if (!folded.empty()) emit_(Block{std::move(folded), {}});
}

// Where the first part of a line longer than the limit ends: after the last white space in the
// part's final eighth, else at the last character boundary, so no UTF-8 sequence is split.
std::size_t LineSegmenter::part_end(std::string_view line) const {
  const std::size_t limit = max_line_bytes_;
  for (std::size_t k = limit; k > limit - limit / 8; --k) {
    if (line[k - 1] == ' ' || line[k - 1] == '\t') return k;
  }
  std::size_t end = limit;
  while (end > 0 && (static_cast<unsigned char>(line[end]) & 0xC0) == 0x80) --end;
  return end == 0 ? limit : end;
}

// Emits the full parts of a line longer than the limit; returns the rest, at most the limit.
std::string_view LineSegmenter::emit_full_parts(std::string_view line) {
  while (line.size() > max_line_bytes_) {
    if (!cutting_) ++lines_cut_;
    cutting_ = true;
    const std::size_t end = part_end(line);
    emit_part(line.substr(0, end));
    line.remove_prefix(end);
  }
  return line;
}

// Emits a whole line, cut into parts when it is longer than the limit.
void LineSegmenter::emit_line(std::string_view line) {
  emit_part(emit_full_parts(line));
  cutting_ = false;
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
  if (partial_.size() > max_line_bytes_) {
    // The line goes on past the limit: its full parts go now, so it is never held whole.
    const std::string_view rest = emit_full_parts(partial_);
    partial_.erase(0, partial_.size() - rest.size());
  }
}

void LineSegmenter::finish() {
  if (!partial_.empty() || cutting_) emit_line(partial_);
  partial_.clear();
}

Document segment_text(std::string_view text, std::size_t max_line_bytes, std::uint64_t* lines_cut) {
  Document doc;
  LineSegmenter segmenter([&doc](Block&& block) { doc.blocks.push_back(std::move(block)); }, max_line_bytes);
  segmenter.push(text);
  segmenter.finish();
  if (lines_cut != nullptr) *lines_cut = segmenter.lines_cut();
  return doc;
}

}  // namespace winnow
