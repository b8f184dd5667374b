// Tests of the input streams (filter/input_stream.h): plain, gzip and zstd bytes read alike, in
// chunks, lines and counted bytes; multi-member files read whole; a stream cut inside a member is
// an error, never a short read taken for the end.
#include "input_stream.h"

#include <gtest/gtest.h>

#include "compress_support.h"
#include "test_support.h"

namespace winnow {
namespace {

using testing::TempDir;

const std::string kText = "first line\r\nsecond line\n\nfourth, without a newline";

struct Encoded {
  const char* name;
  std::string bytes;
  Compression compression;
};

std::vector<Encoded> encodings(const std::string& text) {
  const std::size_t half = text.size() / 2;
  return {
      {"plain", text, Compression::kNone},
      {"gzip", testing::gzip_member(text), Compression::kGzip},
      {"gzip, two members", testing::gzip_member(text.substr(0, half)) + testing::gzip_member(text.substr(half)),
       Compression::kGzip},
      {"zstd", testing::zstd_frame(text), Compression::kZstd},
      {"zstd, two frames", testing::zstd_frame(text.substr(0, half)) + testing::zstd_frame(text.substr(half)),
       Compression::kZstd},
  };
}

TEST(InputStream, ReadsPlainGzipAndZstdAlikeByTheirMagicBytes) {
  TempDir dir;
  for (const Encoded& e : encodings(kText)) {
    const std::string path = dir.write(std::string(e.name) + ".bin", e.bytes);  // the name says nothing
    std::unique_ptr<InputStream> in;
    ASSERT_TRUE(InputStream::open(path, &in).ok()) << e.name;
    EXPECT_EQ(in->compression(), e.compression) << e.name;
    std::string all;
    ASSERT_TRUE(in->read_rest(&all).ok()) << e.name;
    EXPECT_EQ(all, kText) << e.name;
    EXPECT_EQ(in->raw_bytes_read(), e.bytes.size()) << e.name;
  }
}

TEST(InputStream, ReadsLinesWithoutTheirNewlinesAndAFinalLineWithoutOne) {
  TempDir dir;
  for (const Encoded& e : encodings(kText)) {
    std::unique_ptr<InputStream> in;
    ASSERT_TRUE(InputStream::open(dir.write("lines", e.bytes), &in).ok());
    std::vector<std::string> lines;
    std::string line;
    bool done = false;
    while (true) {
      ASSERT_TRUE(in->read_line(&line, &done).ok());
      if (done) break;
      lines.push_back(line);
    }
    EXPECT_EQ(lines, (std::vector<std::string>{"first line\r", "second line", "", "fourth, without a newline"}))
        << e.name;
  }
}

TEST(InputStream, LinesLongerThanAChunkComeWhole) {
  TempDir dir;
  const std::string long_line(300000, 'x');
  const std::string text = "a\n" + long_line + "\nb\n";
  for (const Encoded& e : encodings(text)) {
    std::unique_ptr<InputStream> in;
    ASSERT_TRUE(InputStream::open(dir.write("long", e.bytes), &in).ok());
    std::string line;
    bool done = false;
    ASSERT_TRUE(in->read_line(&line, &done).ok());
    EXPECT_EQ(line, "a");
    ASSERT_TRUE(in->read_line(&line, &done).ok());
    EXPECT_EQ(line, long_line) << e.name;
    ASSERT_TRUE(in->read_line(&line, &done).ok());
    EXPECT_EQ(line, "b");
    ASSERT_TRUE(in->read_line(&line, &done).ok());
    EXPECT_TRUE(done);
  }
}

// A line over the bound is read to its end but only its start is held; the next line is whole.
TEST(InputStream, LinesOverTheBoundAreReadPastNotHeld) {
  TempDir dir;
  const std::string long_line(300000, 'x');
  for (const Encoded& e : encodings("a\n" + long_line + "\nb")) {
    std::unique_ptr<InputStream> in;
    ASSERT_TRUE(InputStream::open(dir.write("long", e.bytes), &in).ok());
    std::string line;
    bool done = false;
    bool cut = true;
    ASSERT_TRUE(in->read_line(&line, &done, 1000, &cut).ok());
    EXPECT_EQ(line, "a");
    EXPECT_FALSE(cut);
    ASSERT_TRUE(in->read_line(&line, &done, 1000, &cut).ok());
    EXPECT_EQ(line, long_line.substr(0, 1000)) << e.name;
    EXPECT_TRUE(cut);
    EXPECT_LT(line.capacity(), std::size_t{70000}) << e.name;  // at most a chunk was ever held
    ASSERT_TRUE(in->read_line(&line, &done, 1000, &cut).ok());
    EXPECT_EQ(line, "b");
    EXPECT_FALSE(cut);
    ASSERT_TRUE(in->read_line(&line, &done, 1000, &cut).ok());
    EXPECT_TRUE(done);
  }
}

TEST(InputStream, ReadExactSaysWhenTheInputEndsEarly) {
  TempDir dir;
  std::unique_ptr<InputStream> in;
  ASSERT_TRUE(InputStream::open(dir.write("short", "0123456789"), &in).ok());
  std::string got;
  ASSERT_TRUE(in->read_exact(4, &got).ok());
  EXPECT_EQ(got, "0123");
  const Status early = in->read_exact(10, &got);
  EXPECT_FALSE(early.ok());
  EXPECT_NE(early.message.find("ends 4 bytes early"), std::string::npos) << early.message;
}

TEST(InputStream, AStreamCutInsideAMemberIsAnErrorNamingTheFile) {
  TempDir dir;
  const std::string text(200000, 'y');
  const std::string gzip = testing::gzip_member("whole member\n") + testing::gzip_member(text);
  const std::string zstd = testing::zstd_frame("whole frame\n") + testing::zstd_frame(text);
  for (const auto& [name, bytes] : {std::pair{"cut.gz", gzip}, std::pair{"cut.zst", zstd}}) {
    const std::string path = dir.write(name, bytes.substr(0, bytes.size() - 10));
    std::unique_ptr<InputStream> in;
    ASSERT_TRUE(InputStream::open(path, &in).ok());
    std::string all;
    const Status status = in->read_rest(&all);
    ASSERT_FALSE(status.ok()) << name;
    EXPECT_NE(status.message.find(path), std::string::npos) << status.message;
    EXPECT_NE(status.message.find("truncated"), std::string::npos) << status.message;
    EXPECT_TRUE(all.starts_with("whole")) << name;  // what came before the cut was read
  }
}

TEST(InputStream, CorruptGzipIsAnError) {
  TempDir dir;
  std::string bytes = testing::gzip_member(std::string(5000, 'z'));
  for (std::size_t i = 12; i < 40; ++i) bytes[i] = static_cast<char>(bytes[i] ^ 0x5a);
  std::unique_ptr<InputStream> in;
  ASSERT_TRUE(InputStream::open(dir.write("bad.gz", bytes), &in).ok());
  std::string all;
  const Status status = in->read_rest(&all);
  EXPECT_FALSE(status.ok());
}

TEST(InputStream, EmptyFileAndMissingFile) {
  TempDir dir;
  std::unique_ptr<InputStream> in;
  ASSERT_TRUE(InputStream::open(dir.write("empty", ""), &in).ok());
  std::string all;
  EXPECT_TRUE(in->read_rest(&all).ok());
  EXPECT_EQ(all, "");
  const Status missing = InputStream::open(dir / "no-such-file", &in);
  EXPECT_FALSE(missing.ok());
  EXPECT_NE(missing.message.find("no-such-file: cannot open"), std::string::npos) << missing.message;
}

}  // namespace
}  // namespace winnow
