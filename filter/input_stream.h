// Input streams: the bytes of a file or of stdin, decompressed when they are gzip (one member or
// many, as Common Crawl ships WARC files) or zstd (one frame or many), told apart by their magic
// bytes rather than by the file name. Entry point: InputStream. Tested by
// tests/input_stream_test.cpp.
//
// Reads in chunks, lines or counted bytes, so a caller holds one record at a time, never the file.
// A stream that ends inside a compressed member or frame is an error ("truncated"), never a short
// read taken for the end.
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "winnow/winnow.h"

namespace winnow {

enum class Compression : std::uint8_t { kNone, kGzip, kZstd };

class InputStream {
 public:
  // Reads from `file`, which the stream closes unless it is stdin. `name` is what messages call it.
  InputStream(std::FILE* file, std::string name);
  ~InputStream();
  InputStream(const InputStream&) = delete;
  InputStream& operator=(const InputStream&) = delete;

  // Opens a file; on failure returns a status naming the path and the reason.
  static Status open(const std::string& path, std::unique_ptr<InputStream>* out);

  const std::string& name() const { return name_; }
  Compression compression();  // decided from the first bytes, which it reads if it has not yet
  std::uint64_t raw_bytes_read() const { return raw_bytes_; }  // before decompression

  // The next piece of the decompressed bytes, valid until the next read of any kind from this
  // stream; empty at the end.
  Status next_chunk(std::string_view* chunk);
  // The next line without its '\n' (a final line may lack one). *done is set at the end, when
  // `line` is empty and no line was read. A line longer than `max_bytes` is read to its end but
  // not held: `line` keeps its first max_bytes and *cut is set (when given).
  Status read_line(std::string* line, bool* done, std::size_t max_bytes = static_cast<std::size_t>(-1),
                   bool* cut = nullptr);
  // Exactly `count` bytes appended to `out`, or an error saying the input ended early.
  Status read_exact(std::size_t count, std::string* out);
  // Everything left, appended to `out`.
  Status read_rest(std::string* out);

 private:
  struct Decoder;
  Status fill();  // more decompressed bytes into buffer_; sets at_end_ when there are none
  Status read_raw(std::size_t* got);

  std::FILE* file_;
  std::string name_;
  std::unique_ptr<Decoder> decoder_;
  bool decided_ = false;
  bool raw_end_ = false;
  bool at_end_ = false;
  std::uint64_t raw_bytes_ = 0;
  std::string raw_;           // compressed bytes read, not yet decoded
  std::size_t raw_pos_ = 0;
  std::string buffer_;        // decoded bytes not yet handed out, from buffer_pos_
  std::size_t buffer_pos_ = 0;
};

// Reads a whole file, decompressing it as above.
Status read_decompressed(const std::string& path, std::string* out);

}  // namespace winnow
