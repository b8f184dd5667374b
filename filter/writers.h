// Writers: format a cleaned document for people and programs. They only format; every decision was
// made before. The CLI picks one per --output-format or command.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "winnow/winnow.h"

namespace winnow {

// The kept blocks, one per line (POLICY.md's output form).
void write_text(std::ostream& out, const CleanResult& result);

// One JSON object: the input kind and every block with text, score, keep and reason.
void write_json(std::ostream& out, const CleanResult& result);

// One block as a JSON object on one line (for streamed text input).
void write_json_block(std::ostream& out, const BlockResult& block, std::size_t index);

// Every block on one line: index, KEEP/drop, score, reason, text, aligned for scanning. Text longer
// than `width` characters is cut with an ellipsis (0 keeps it whole).
// With `pushes` (one string per block), each block is followed by an indented line naming the
// features that pushed its score most.
void write_explain(std::ostream& out, const CleanResult& result, std::size_t width,
                   const std::vector<std::string>* pushes = nullptr);

// A JSON string literal for s (s must be valid UTF-8).
std::string json_quote(std::string_view s);

}  // namespace winnow
