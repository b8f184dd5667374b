// libFuzzer target: the WARC reader (filter/warc_reader.h) over any bytes, through InputStream as
// a file is read (so gzip and zstd inputs are decompressed first), and html_of_response on every
// record it returns (chunked transfer, gzip and deflate content coding). Each must end in a record,
// the end or a status naming the problem, never a crash or a read loop: every record takes some
// of the input's bytes. A page whose response names a charset has its first 512 bytes cleaned
// with that label as the transport's encoding, as batch does: the label is the server's to choose.
// Build and run: tests/fuzz/run_all.sh; warc.dict guides it.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "fuzz_support.h"
#include "input_stream.h"
#include "warc_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;  // fmemopen refuses an empty buffer
  std::string bytes(reinterpret_cast<const char*>(data), size);
  std::FILE* file = fmemopen(bytes.data(), bytes.size(), "rb");
  if (file == nullptr) return 0;
  winnow::InputStream in(file, "fuzz.warc");  // closes the file
  winnow::WarcReader reader(in);
  for (std::size_t records = 0;; ++records) {
    // A compressed input may hold more records than bytes, but not more than it can inflate to.
    if (records > size * 1100) winnow::fuzz::fail("the reader returns records without reading", bytes);
    winnow::WarcRecord record;
    bool done = false;
    const winnow::Status status = reader.next(&record, &done);
    if (!status.ok()) {
      if (status.message.empty()) winnow::fuzz::fail("an error without a message", bytes);
      break;
    }
    if (done) break;
    const winnow::ResponsePage page = winnow::html_of_response(record);
    if (!page.html.empty() && !page.charset.empty()) {
      winnow::CleanOptions options;
      options.kind = winnow::InputKind::kHtml;
      options.transport_encoding = page.charset;
      winnow::fuzz::check_result(winnow::clean(std::string_view(page.html).substr(0, 512), options));
    }
  }
  return 0;
}
