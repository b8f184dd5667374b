// WARC files. Entry points: WarcReader, html_of_response. Tested by tests/warc_reader_test.cpp.
#include "warc_reader.h"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <string_view>

#include "encoding.h"
#include "utf8.h"

namespace winnow {
namespace {

// A response body that inflates past this is not a web page (and may be a decompression bomb).
constexpr std::size_t kMaxInflatedBody = std::size_t{256} << 20;
// A record longer than this is refused before it is read: a wrong Content-Length would otherwise
// pull the rest of the file into memory.
constexpr std::uint64_t kMaxRecordBytes = std::uint64_t{1} << 30;
// A header line longer than this is no WARC header: the file is not WARC, or is damaged.
constexpr std::size_t kMaxHeaderLineBytes = 65536;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Header lines "Name: value" from `text` up to the first empty line; names lower-cased. Returns the
// offset just past the empty line, or npos when there is none.
std::size_t parse_headers(std::string_view text, std::size_t from,
                          std::vector<std::pair<std::string, std::string>>* headers) {
  std::size_t at = from;
  while (at < text.size()) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) return std::string_view::npos;
    const std::string_view line = trim(text.substr(at, end - at));
    at = end + 1;
    if (line.empty()) return at;
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;  // a malformed header line is passed over
    headers->emplace_back(lower(trim(line.substr(0, colon))), std::string(trim(line.substr(colon + 1))));
  }
  return std::string_view::npos;
}

const std::string* header(const std::vector<std::pair<std::string, std::string>>& headers, std::string_view name) {
  for (const auto& [key, value] : headers) {
    if (key == name) return &value;
  }
  return nullptr;
}

// Undoes chunked transfer coding; false when the chunks do not add up.
bool dechunk(std::string_view body, std::string* out) {
  std::size_t at = 0;
  while (true) {
    const std::size_t end = body.find('\n', at);
    if (end == std::string_view::npos) return false;
    std::string_view size_text = trim(body.substr(at, end - at));
    size_text = size_text.substr(0, size_text.find(';'));  // chunk extensions
    std::size_t size = 0;
    const auto [ptr, ec] = std::from_chars(size_text.data(), size_text.data() + size_text.size(), size, 16);
    if (ec != std::errc() || size_text.empty()) return false;
    at = end + 1;
    if (size == 0) return true;
    if (size > body.size() - at) return false;
    out->append(body.substr(at, size));
    at += size;
    while (at < body.size() && (body[at] == '\r' || body[at] == '\n')) ++at;
  }
}

// Inflates gzip, zlib or raw deflate data; false when it is none of them or too large.
bool inflate_body(std::string_view body, std::string* out) {
  for (const int window_bits : {32 + MAX_WBITS, -MAX_WBITS}) {  // gzip or zlib by header; else raw
    out->clear();
    z_stream zs{};
    if (inflateInit2(&zs, window_bits) != Z_OK) return false;
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(body.data()));
    zs.avail_in = static_cast<uInt>(body.size());
    int rc = Z_OK;
    char buffer[1 << 15];
    while (rc == Z_OK && out->size() <= kMaxInflatedBody) {
      zs.next_out = reinterpret_cast<Bytef*>(buffer);
      zs.avail_out = sizeof buffer;
      rc = inflate(&zs, Z_NO_FLUSH);
      out->append(buffer, sizeof buffer - zs.avail_out);
      if (rc == Z_BUF_ERROR && zs.avail_in == 0) rc = Z_STREAM_END;  // cut short: keep what came
    }
    inflateEnd(&zs);
    if (rc == Z_STREAM_END && out->size() <= kMaxInflatedBody) return true;
  }
  return false;
}

}  // namespace

Status WarcReader::next(WarcRecord* record, bool* done) {
  *record = WarcRecord{};
  std::string line;
  bool too_long = false;
  do {  // blank lines end the previous record
    if (Status s = in_.read_line(&line, done, kMaxHeaderLineBytes, &too_long); !s.ok()) return s;
    if (*done) return {};
  } while (trim(line).empty());
  const std::string where = in_.name() + ": record " + std::to_string(records_ + 1);
  const std::string too_long_message = ": a header line longer than " + std::to_string(kMaxHeaderLineBytes) + " bytes";
  if (too_long) return Status{ErrorCode::kUsage, where + too_long_message};
  if (!line.starts_with("WARC/")) {
    return Status{ErrorCode::kUsage, where + ": expected a WARC version line, found '" + utf8::printable(line, 40) + "'"};
  }
  std::string head;
  while (true) {
    bool end = false;
    if (Status s = in_.read_line(&line, &end, kMaxHeaderLineBytes, &too_long); !s.ok()) return s;
    if (end) return Status{ErrorCode::kUsage, where + ": the file ends inside the record's header"};
    if (too_long) return Status{ErrorCode::kUsage, where + too_long_message};
    if (trim(line).empty()) break;
    head += line;
    head += '\n';
  }
  head += '\n';
  std::vector<std::pair<std::string, std::string>> headers;
  parse_headers(head, 0, &headers);
  const std::string* length_text = header(headers, "content-length");
  std::uint64_t length = 0;
  if (length_text == nullptr) return Status{ErrorCode::kUsage, where + ": no Content-Length"};
  const char* length_end = length_text->data() + length_text->size();
  const auto [parsed_to, parse_error] = std::from_chars(length_text->data(), length_end, length);
  if (parse_error != std::errc() || parsed_to != length_end) {
    return Status{ErrorCode::kUsage, where + ": Content-Length '" + *length_text + "' is not a number"};
  }
  if (length > kMaxRecordBytes) {
    return Status{ErrorCode::kUsage, where + ": Content-Length " + *length_text + " is over the limit of " +
                                         std::to_string(kMaxRecordBytes >> 20) + " MiB a record"};
  }
  auto value = [&](std::string_view name) {
    const std::string* v = header(headers, name);
    return v == nullptr ? std::string() : *v;
  };
  record->type = lower(value("warc-type"));
  record->target_uri = value("warc-target-uri");
  record->record_id = value("warc-record-id");
  record->date = value("warc-date");
  record->content_type = value("content-type");
  record->truncated = value("warc-truncated");
  if (Status s = in_.read_exact(static_cast<std::size_t>(length), &record->block); !s.ok()) {
    std::string why = s.message;
    if (why.starts_with(in_.name() + ": ")) why.erase(0, in_.name().size() + 2);
    return Status{ErrorCode::kIo, where + " (" + (record->record_id.empty() ? "no id" : record->record_id) +
                                      ") is cut short: " + why};
  }
  ++records_;
  return {};
}

ResponsePage html_of_response(const WarcRecord& record) {
  ResponsePage page;
  if (record.type != "response") {
    page.skip_reason = (record.type.empty() ? std::string("untyped") : record.type) + " record";
    return page;
  }
  if (!record.truncated.empty()) {
    page.skip_reason = "truncated by the crawler (WARC-Truncated: " + record.truncated + ")";
    return page;
  }
  if (lower(record.content_type).find("application/http") == std::string::npos) {
    page.skip_reason = "not an HTTP response (" + record.content_type + ")";
    return page;
  }
  const std::string_view block = record.block;
  std::size_t status_end = block.find('\n');
  if (!block.starts_with("HTTP/") || status_end == std::string_view::npos) {
    page.skip_reason = "malformed HTTP response";
    return page;
  }
  const std::string_view status_line = trim(block.substr(0, status_end));
  const std::size_t space = status_line.find(' ');
  int status = 0;
  if (space != std::string_view::npos) {
    std::from_chars(status_line.data() + space + 1, status_line.data() + status_line.size(), status);
  }
  if (status < 200 || status > 299) {
    page.skip_reason = "HTTP status " + std::to_string(status);
    return page;
  }
  std::vector<std::pair<std::string, std::string>> headers;
  const std::size_t body_start = parse_headers(block, status_end + 1, &headers);
  if (body_start == std::string_view::npos) {
    page.skip_reason = "malformed HTTP response";
    return page;
  }
  std::string_view body = block.substr(body_start);
  std::string decoded;
  const std::string* transfer = header(headers, "transfer-encoding");
  if (transfer != nullptr && lower(*transfer).find("chunked") != std::string::npos) {
    if (!dechunk(body, &decoded)) {
      page.skip_reason = "bad chunked transfer coding";
      return page;
    }
    page.html = std::move(decoded);
    body = page.html;
  }
  const std::string* coding = header(headers, "content-encoding");
  const std::string coding_name = coding == nullptr ? "" : lower(*coding);
  if (coding_name == "gzip" || coding_name == "x-gzip" || coding_name == "deflate") {
    std::string inflated;
    if (!inflate_body(body, &inflated)) {
      page.skip_reason = "content coding " + coding_name + " does not inflate";
      page.html.clear();
      return page;
    }
    page.html = std::move(inflated);
  } else if (!coding_name.empty() && coding_name != "identity") {
    page.skip_reason = "content coding " + coding_name + " not supported";
    page.html.clear();
    return page;
  } else if (page.html.empty()) {
    page.html.assign(body);
  }
  const std::string* type = header(headers, "content-type");
  const bool says_html = type != nullptr && lower(*type).find("html") != std::string::npos;
  if (type != nullptr && !says_html) {
    page.skip_reason = "not HTML: " + *type;
  } else if (type == nullptr && detect_input_kind(page.html) != InputKind::kHtml) {
    page.skip_reason = "not HTML: no Content-Type and the body does not read as HTML";
  }
  if (!page.skip_reason.empty()) page.html.clear();
  if (type != nullptr) page.charset = charset_of_content_type(*type);
  return page;
}

}  // namespace winnow
