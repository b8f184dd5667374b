// Text segmentation: plain text to blocks, one per non-empty line. Streaming: bytes are pushed in
// any split and each complete line is handed on at once.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "document.h"

namespace winnow {

class LineSegmenter {
 public:
  using Emit = std::function<void(Block&&)>;
  explicit LineSegmenter(Emit emit) : emit_(std::move(emit)) {}

  // Splits at \n (a \r before it is dropped, a lone \r also ends a line) and emits every line that
  // is not blank, white space folded.
  void push(std::string_view bytes);
  void finish();

 private:
  void emit_line(std::string_view line);
  Emit emit_;
  std::string partial_;  // the unfinished last line
  bool after_cr_ = false;
};

// Convenience for whole documents: every non-blank line of `text` as a block.
Document segment_text(std::string_view text);

}  // namespace winnow
