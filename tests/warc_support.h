// WARC records made in the tests, as a crawler writes them: a header block, the record's bytes,
// two CRLFs. A .warc.gz is one gzip member per record (compress_support.h).
#pragma once

#include <string>
#include <string_view>

namespace winnow::testing {

inline std::string warc_record(std::string_view type, std::string_view uri, std::string_view id,
                               std::string_view content_type, std::string_view block,
                               std::string_view extra_headers = "") {
  std::string out = "WARC/1.0\r\nWARC-Type: " + std::string(type) + "\r\n";
  if (!uri.empty()) out += "WARC-Target-URI: " + std::string(uri) + "\r\n";
  out += "WARC-Record-ID: <urn:uuid:" + std::string(id) + ">\r\nWARC-Date: 2024-05-01T12:00:00Z\r\n";
  out += "Content-Type: " + std::string(content_type) + "\r\n" + std::string(extra_headers);
  out += "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n";
  out += block;
  out += "\r\n\r\n";
  return out;
}

// A response record carrying `http` (status line, headers, blank line, body).
inline std::string warc_response(std::string_view uri, std::string_view id, std::string_view http,
                                 std::string_view extra_headers = "") {
  return warc_record("response", uri, id, "application/http; msgtype=response", http, extra_headers);
}

}  // namespace winnow::testing
