// Tests of the WARC reader (filter/warc_reader.h): records read one at a time from plain and
// multi-member gzip files, the HTML of a response found under chunked transfer and gzip coding,
// and every other record passed over with its reason; a file cut inside a record is an error.
#include "warc_reader.h"

#include <gtest/gtest.h>

#include "compress_support.h"
#include "test_support.h"
#include "warc_support.h"

namespace winnow {
namespace {

using testing::TempDir;
using testing::warc_record;
using testing::warc_response;

const std::string kPage = "<html><body><p>Hello from the archive.</p></body></html>";

std::vector<WarcRecord> read_all(const std::string& path, Status* status) {
  std::unique_ptr<InputStream> in;
  *status = InputStream::open(path, &in);
  std::vector<WarcRecord> records;
  if (!status->ok()) return records;
  WarcReader reader(*in);
  while (true) {
    WarcRecord record;
    bool done = false;
    *status = reader.next(&record, &done);
    if (!status->ok() || done) return records;
    records.push_back(std::move(record));
  }
}

TEST(WarcReader, ReadsRecordsFromPlainAndMultiMemberGzipFiles) {
  TempDir dir;
  const std::vector<std::string> records = {
      warc_record("warcinfo", "", "1", "application/warc-fields", "software: test\r\n"),
      warc_record("request", "https://a.example/", "2", "application/http; msgtype=request", "GET / HTTP/1.1\r\n\r\n"),
      warc_response("https://a.example/", "3", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + kPage),
  };
  std::string plain;
  std::string gzip;
  for (const std::string& r : records) {
    plain += r;
    gzip += testing::gzip_member(r);
  }
  for (const std::string& path : {dir.write("a.warc", plain), dir.write("a.warc.gz", gzip)}) {
    Status status;
    const std::vector<WarcRecord> read = read_all(path, &status);
    ASSERT_TRUE(status.ok()) << status.message;
    ASSERT_EQ(read.size(), 3u) << path;
    EXPECT_EQ(read[0].type, "warcinfo");
    EXPECT_EQ(read[2].type, "response");
    EXPECT_EQ(read[2].target_uri, "https://a.example/");
    EXPECT_EQ(read[2].record_id, "<urn:uuid:3>");
    EXPECT_EQ(read[2].date, "2024-05-01T12:00:00Z");
    EXPECT_TRUE(read[2].block.ends_with(kPage));
  }
}

TEST(WarcReader, AFileCutInsideARecordIsAnErrorAfterTheWholeRecords) {
  TempDir dir;
  const std::string whole = warc_response("https://a.example/", "1", "HTTP/1.1 200 OK\r\n\r\n" + kPage);
  const std::string cut = warc_response("https://b.example/", "2", "HTTP/1.1 200 OK\r\n\r\n" + kPage);
  Status status;
  const std::vector<WarcRecord> read = read_all(dir.write("cut.warc", whole + cut.substr(0, cut.size() - 30)), &status);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message.find("record 2 (<urn:uuid:2>) is cut short"), std::string::npos) << status.message;
  EXPECT_EQ(read.size(), 1u);

  for (const char* length : {"12abc", "99999999999999"}) {
    read_all(dir.write("bad-length.warc", "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: " + std::string(length) +
                                              "\r\n\r\n" + kPage),
             &status);
    ASSERT_FALSE(status.ok()) << length;
    EXPECT_NE(status.message.find("Content-Length"), std::string::npos) << status.message;
  }

  const std::vector<WarcRecord> none = read_all(dir.write("junk.warc", "<html>not a warc</html>\n"), &status);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message.find("expected a WARC version line"), std::string::npos) << status.message;
}

WarcRecord response(const std::string& http, const std::string& extra = "") {
  WarcRecord record;
  record.type = "response";
  record.content_type = "application/http; msgtype=response";
  record.block = http;
  if (!extra.empty()) record.truncated = extra;
  return record;
}

TEST(HtmlOfResponse, FindsThePageOrSaysWhyThereIsNone) {
  const std::string chunked = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n" +
                              std::string("1a\r\n") + kPage.substr(0, 26) + "\r\n" +
                              [] {
                                char size[16];
                                std::snprintf(size, sizeof size, "%zx", kPage.size() - 26);
                                return std::string(size);
                              }() +
                              "\r\n" + kPage.substr(26) + "\r\n0\r\n\r\n";
  struct Case {
    const char* name;
    WarcRecord record;
    std::string want_html;
    std::string want_reason;
    std::string want_charset = "";
  };
  WarcRecord request = response("GET / HTTP/1.1\r\n\r\n");
  request.type = "request";
  const std::vector<Case> cases = {
      {"plain", response("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + kPage), kPage, "", "utf-8"},
      {"charset", response("HTTP/1.1 200 OK\r\nContent-Type: text/html;Charset=\"Shift_JIS\"\r\n\r\n" + kPage), kPage, "",
       "shift_jis"},
      {"no content type, body reads as HTML", response("HTTP/1.0 200 OK\r\n\r\n" + kPage), kPage, ""},
      {"chunked", response(chunked), kPage, ""},
      {"gzip coding",
       response("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n" + testing::gzip_member(kPage)),
       kPage, ""},
      {"request", request, "", "request record"},
      {"image", response("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG"), "", "not HTML: image/png"},
      {"not found", response("HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n" + kPage), "", "HTTP status 404"},
      {"cut by the crawler", response("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>", "length"), "",
       "truncated by the crawler (WARC-Truncated: length)"},
      {"brotli", response("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: br\r\n\r\nxx"), "",
       "content coding br not supported"},
      {"no header end", response("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"), "", "malformed HTTP response"},
  };
  for (const Case& c : cases) {
    const ResponsePage page = html_of_response(c.record);
    EXPECT_EQ(page.html, c.want_html) << c.name;
    EXPECT_EQ(page.skip_reason, c.want_reason) << c.name;
    EXPECT_EQ(page.charset, c.want_charset) << c.name;
  }
}

}  // namespace
}  // namespace winnow
