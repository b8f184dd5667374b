// Text segmentation: plain text to blocks, one per non-empty line. Streaming: bytes are pushed in
// any split and each complete line is handed on at once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "document.h"

namespace winnow {

class LineSegmenter {
 public:
  using Emit = std::function<void(Block&&)>;
  static constexpr std::size_t kNoLimit = static_cast<std::size_t>(-1);
  // Lines longer than `max_line_bytes` are cut into parts of at most that many bytes, at white
  // space where the last eighth of a part has some, else at a character boundary: each part is a
  // block, and no line is held whole.
  explicit LineSegmenter(Emit emit, std::size_t max_line_bytes = kNoLimit)
      : emit_(std::move(emit)), max_line_bytes_(max_line_bytes == 0 ? 1 : max_line_bytes) {}

  // Splits at \n (a \r before it is dropped, a lone \r also ends a line) and emits every line that
  // is not blank, white space folded.
  void push(std::string_view bytes);
  void finish();
  std::uint64_t lines_cut() const { return lines_cut_; }

 private:
  void emit_line(std::string_view line);
  void emit_part(std::string_view part);
  std::string_view emit_full_parts(std::string_view line);
  std::size_t part_end(std::string_view line) const;
  Emit emit_;
  std::size_t max_line_bytes_;
  std::string partial_;  // the unfinished last line
  bool after_cr_ = false;
  bool cutting_ = false;  // the current line has been cut already
  std::uint64_t lines_cut_ = 0;
};

// Convenience for whole documents: every non-blank line of `text` as a block, lines longer than
// `max_line_bytes` cut into parts (counted in `lines_cut` when given).
Document segment_text(std::string_view text, std::size_t max_line_bytes = LineSegmenter::kNoLimit,
                      std::uint64_t* lines_cut = nullptr);

}  // namespace winnow
