// WARC files: the web archive format Common Crawl and most crawlers write. Entry points:
// WarcReader (records one at a time) and html_of_response (the HTML page a response record holds,
// or why it holds none). Tested by tests/warc_reader_test.cpp.
//
// Only what cleaning needs is read: the record's type, target URI, id, date and block. A record is
// held alone in memory, never the file. Records the crawler cut short (WARC-Truncated) and
// responses that are not HTML pages are skipped with a reason the caller counts.
#pragma once

#include <cstdint>
#include <string>

#include "input_stream.h"
#include "winnow/winnow.h"

namespace winnow {

struct WarcRecord {
  std::string type;          // WARC-Type: response, request, warcinfo, metadata, ...
  std::string target_uri;    // WARC-Target-URI
  std::string record_id;     // WARC-Record-ID
  std::string date;          // WARC-Date
  std::string content_type;  // Content-Type of the record block ("application/http; msgtype=response")
  std::string truncated;     // WARC-Truncated's reason ("length", "time", ...), empty when whole
  std::string block;         // the record's content: for a response, the HTTP response as received
};

class WarcReader {
 public:
  explicit WarcReader(InputStream& in) : in_(in) {}

  // The next record into `record`; *done is set at the end of the stream. An error says where the
  // file stopped making sense (a bad header, a block cut short by the end of the file).
  Status next(WarcRecord* record, bool* done);
  std::uint64_t records_read() const { return records_; }

 private:
  InputStream& in_;
  std::uint64_t records_ = 0;
};

// The HTML page of a response record: the HTTP body with chunked transfer and gzip or deflate
// content coding undone. `skip_reason` is empty when `html` holds a page, else it says why the
// record is passed over ("request record", "not HTML: image/jpeg", "HTTP status 404", ...).
struct ResponsePage {
  std::string html;
  std::string skip_reason;
  std::string charset;  // the label of the Content-Type's charset parameter, if it has one
};
ResponsePage html_of_response(const WarcRecord& record);

}  // namespace winnow
