// Input streams. Entry point: InputStream. Tested by tests/input_stream_test.cpp.
#include "input_stream.h"

#include <zlib.h>
#include <zstd.h>

#include <cerrno>
#include <cstring>

namespace winnow {
namespace {

constexpr std::size_t kRawChunk = 1 << 16;      // compressed bytes read at a time
constexpr std::size_t kDecodedChunk = 1 << 16;  // decompressed bytes produced at a time

constexpr unsigned char kGzipMagic[] = {0x1f, 0x8b};
constexpr unsigned char kZstdMagic[] = {0x28, 0xb5, 0x2f, 0xfd};

bool starts_with_bytes(std::string_view bytes, const unsigned char* magic, std::size_t size) {
  return bytes.size() >= size && std::memcmp(bytes.data(), magic, size) == 0;
}

}  // namespace

// The decompressor's state: one of zlib's or zstd's, by the stream's compression.
struct InputStream::Decoder {
  Compression kind = Compression::kNone;
  z_stream zlib{};
  bool zlib_ready = false;
  bool member_done = true;  // gzip: between members; zstd: between frames
  ZSTD_DCtx* zstd = nullptr;

  ~Decoder() {
    if (zlib_ready) inflateEnd(&zlib);
    if (zstd != nullptr) ZSTD_freeDCtx(zstd);
  }
};

InputStream::InputStream(std::FILE* file, std::string name)
    : file_(file), name_(std::move(name)), decoder_(std::make_unique<Decoder>()) {}

InputStream::~InputStream() {
  if (file_ != nullptr && file_ != stdin) std::fclose(file_);
}

Status InputStream::open(const std::string& path, std::unique_ptr<InputStream>* out) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return Status{ErrorCode::kIo, path + ": cannot open: " + std::strerror(errno)};
  *out = std::make_unique<InputStream>(file, path);
  return {};
}

Status InputStream::read_raw(std::size_t* got) {
  if (raw_pos_ == raw_.size()) {
    raw_.clear();
    raw_pos_ = 0;
  }
  const std::size_t old_size = raw_.size();
  raw_.resize(old_size + kRawChunk);
  *got = std::fread(raw_.data() + old_size, 1, kRawChunk, file_);
  raw_.resize(old_size + *got);
  raw_bytes_ += *got;
  if (*got < kRawChunk) {
    if (std::ferror(file_) != 0) return Status{ErrorCode::kIo, name_ + ": read error: " + std::strerror(errno)};
    raw_end_ = true;
  }
  return {};
}

Compression InputStream::compression() {
  if (!decided_) {
    decided_ = true;
    // Up to four bytes decide; a read error shows up again on the first real read.
    std::size_t got = 0;
    while (!raw_end_ && raw_.size() - raw_pos_ < sizeof(kZstdMagic)) {
      if (!read_raw(&got).ok()) break;
    }
    const std::string_view head(raw_.data() + raw_pos_, raw_.size() - raw_pos_);
    if (starts_with_bytes(head, kGzipMagic, sizeof(kGzipMagic))) decoder_->kind = Compression::kGzip;
    if (starts_with_bytes(head, kZstdMagic, sizeof(kZstdMagic))) decoder_->kind = Compression::kZstd;
  }
  return decoder_->kind;
}

Status InputStream::fill() {
  const Compression kind = compression();
  if (buffer_pos_ == buffer_.size()) {
    buffer_.clear();
    buffer_pos_ = 0;
  }
  std::size_t got = 0;
  if (kind == Compression::kNone) {
    if (raw_pos_ < raw_.size()) {  // the bytes read to decide
      buffer_.append(raw_, raw_pos_, std::string::npos);
      raw_pos_ = raw_.size();
      return {};
    }
    if (raw_end_) {
      at_end_ = true;
      return {};
    }
    if (Status s = read_raw(&got); !s.ok()) return s;
    buffer_.append(raw_);
    raw_pos_ = raw_.size();
    if (got == 0) at_end_ = true;
    return {};
  }

  Decoder& d = *decoder_;
  while (true) {
    if (raw_pos_ == raw_.size()) {
      if (raw_end_) {
        if (!d.member_done) {
          return Status{ErrorCode::kIo, name_ + ": truncated " +
                                            (kind == Compression::kGzip ? "gzip" : "zstd") +
                                            " stream: it ends inside a compressed member"};
        }
        at_end_ = true;
        return {};
      }
      if (Status s = read_raw(&got); !s.ok()) return s;
      continue;
    }
    const std::size_t old_size = buffer_.size();
    buffer_.resize(old_size + kDecodedChunk);
    std::size_t produced = 0;
    if (kind == Compression::kGzip) {
      if (!d.zlib_ready) {
        if (inflateInit2(&d.zlib, 16 + MAX_WBITS) != Z_OK) return Status{ErrorCode::kIo, name_ + ": cannot start zlib"};
        d.zlib_ready = true;
      } else if (d.member_done) {
        inflateReset(&d.zlib);  // the next member of a multi-member file
      }
      d.member_done = false;
      d.zlib.next_in = reinterpret_cast<Bytef*>(raw_.data() + raw_pos_);
      d.zlib.avail_in = static_cast<uInt>(raw_.size() - raw_pos_);
      d.zlib.next_out = reinterpret_cast<Bytef*>(buffer_.data() + old_size);
      d.zlib.avail_out = static_cast<uInt>(kDecodedChunk);
      const int rc = inflate(&d.zlib, Z_NO_FLUSH);
      raw_pos_ = raw_.size() - d.zlib.avail_in;
      produced = kDecodedChunk - d.zlib.avail_out;
      if (rc == Z_STREAM_END) {
        d.member_done = true;
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        buffer_.resize(old_size + produced);
        return Status{ErrorCode::kIo, name_ + ": corrupt gzip data" +
                                          (d.zlib.msg != nullptr ? std::string(" (") + d.zlib.msg + ")" : "")};
      }
    } else {
      if (d.zstd == nullptr) d.zstd = ZSTD_createDCtx();
      ZSTD_inBuffer in{raw_.data() + raw_pos_, raw_.size() - raw_pos_, 0};
      ZSTD_outBuffer out{buffer_.data() + old_size, kDecodedChunk, 0};
      const std::size_t rc = ZSTD_decompressStream(d.zstd, &out, &in);
      raw_pos_ += in.pos;
      produced = out.pos;
      if (ZSTD_isError(rc) != 0) {
        buffer_.resize(old_size + produced);
        return Status{ErrorCode::kIo, name_ + ": corrupt zstd data (" + ZSTD_getErrorName(rc) + ")"};
      }
      d.member_done = rc == 0;  // 0: a frame is complete and flushed
    }
    buffer_.resize(old_size + produced);
    if (produced > 0) return {};
  }
}

Status InputStream::next_chunk(std::string_view* chunk) {
  if (buffer_pos_ == buffer_.size() && !at_end_) {
    if (Status s = fill(); !s.ok()) return s;
  }
  // A view of the buffer, not a copy: the next read refills the buffer, and the chunk's time is up.
  *chunk = std::string_view(buffer_).substr(buffer_pos_);
  buffer_pos_ = buffer_.size();
  return {};
}

Status InputStream::read_line(std::string* line, bool* done, std::size_t max_bytes, bool* cut) {
  line->clear();
  *done = false;
  if (cut != nullptr) *cut = false;
  bool had_bytes = false;
  while (true) {
    const std::size_t newline = buffer_.find('\n', buffer_pos_);
    const std::size_t end = newline == std::string::npos ? buffer_.size() : newline;
    const std::size_t room = max_bytes - std::min(max_bytes, line->size());
    const std::size_t take = std::min(end - buffer_pos_, room);
    line->append(buffer_, buffer_pos_, take);
    if (take < end - buffer_pos_ && cut != nullptr) *cut = true;
    had_bytes = had_bytes || end > buffer_pos_;
    buffer_pos_ = end;
    if (newline != std::string::npos) {
      buffer_pos_ = newline + 1;
      return {};
    }
    if (at_end_) {
      *done = !had_bytes;
      return {};
    }
    if (Status s = fill(); !s.ok()) return s;
    if (at_end_ && buffer_pos_ == buffer_.size()) {
      *done = !had_bytes;
      return {};
    }
  }
}

Status InputStream::read_exact(std::size_t count, std::string* out) {
  while (count > 0) {
    if (buffer_pos_ == buffer_.size()) {
      if (at_end_) return Status{ErrorCode::kIo, name_ + ": ends " + std::to_string(count) + " bytes early"};
      if (Status s = fill(); !s.ok()) return s;
      continue;
    }
    const std::size_t take = std::min(count, buffer_.size() - buffer_pos_);
    out->append(buffer_, buffer_pos_, take);
    buffer_pos_ += take;
    count -= take;
  }
  return {};
}

Status InputStream::read_rest(std::string* out) {
  while (true) {
    std::string_view chunk;
    if (Status s = next_chunk(&chunk); !s.ok()) return s;
    if (chunk.empty()) return {};
    out->append(chunk);
  }
}

Status read_decompressed(const std::string& path, std::string* out) {
  std::unique_ptr<InputStream> in;
  if (Status s = InputStream::open(path, &in); !s.ok()) return s;
  return in->read_rest(out);
}

}  // namespace winnow
