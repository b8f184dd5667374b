// Cleaning one document from an input stream to an output stream, as `winnow FILE` and each page
// of a batch do. Entry point: clean_stream. Tested by tests/clean_stream_test.cpp.
//
// Plain text streams through TextStream, a window of lines at a time, so memory stays flat however
// long the input; HTML is read whole, since the parser needs the whole tree.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>

#include "input_stream.h"
#include "winnow/winnow.h"

namespace winnow {

enum class OutputFormat : std::uint8_t {
  kText,  // the kept blocks, one per line (POLICY.md's output form)
  kJson,  // every block with its text, score, decision and reason
};

// What cleaning one or more documents did, in numbers.
struct CleanFigures {
  std::uint64_t documents = 0;
  std::uint64_t blocks = 0;
  std::uint64_t kept_blocks = 0;
  std::uint64_t bytes_in = 0;         // the document's bytes as read (decompressed)
  std::uint64_t bytes_out = 0;        // the bytes written (filled by whoever writes them)
  std::uint64_t text_bytes = 0;       // the text of every block
  std::uint64_t kept_text_bytes = 0;  // the text of the kept blocks
  std::string encoding;               // one document's encoding (empty for a sum of several)
  LimitsHit limits_hit;               // what the limits cut, summed

  void add(const CleanFigures& other);
  // The share of the documents' text that was kept, 0 when there was none.
  double kept_share() const;
};

// What the limits did to a document, as a sentence for stderr ("3 lines longer than 1048576 bytes
// were cut into parts (--max-line-bytes)"), or empty when they did nothing.
std::string limits_notice(const LimitsHit& hit, const Limits& limits);

// The figures of one cleaned document of `bytes_in` bytes (all but bytes_out).
CleanFigures figures_of(const CleanResult& result, std::uint64_t bytes_in);

// Cleans the one document `in` holds and writes it to `out` in `format`. The encoding and, for
// kAuto, the kind are decided from the first 64 KiB. Returns a read error of `in`, kNotText for
// binary data (unless the encoding is forced), kTooLarge for HTML over max_document_bytes; write
// errors show in `out`'s state. `figures` gets all but bytes_out.
Status clean_stream(InputStream& in, const CleanOptions& options, OutputFormat format, std::ostream& out,
                    CleanFigures* figures);

}  // namespace winnow
