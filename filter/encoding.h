// Character encodings: which one a document's bytes are in, and converting them to UTF-8, the one
// encoding every later stage reads. Entry points: detect_encoding, Utf8Decoder, looks_binary.
// Tested by tests/encoding_test.cpp.
//
// The order follows the HTML standard's "determining the character encoding" where it can: a byte
// order mark first, then a <meta charset> / http-equiv or XML declaration in the page's head. Two
// departures, both because the input is scraped, not served:
//   - bytes that are valid UTF-8 (with non-ASCII in them) are read as UTF-8 even when a
//     declaration says otherwise: scrapers and archives re-encode pages to UTF-8 and leave the old
//     declaration in place far more often than a page in Latin-1 happens to form valid UTF-8;
//   - with nothing declared and bytes that are not UTF-8, ICU's detector guesses (a browser would
//     use the locale's default).
// Windows-1252 is the last resort, as in browsers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace winnow {

enum class EncodingSource : std::uint8_t {
  kForced,       // --encoding NAME
  kByteOrderMark,
  kDeclared,     // <meta charset>, http-equiv Content-Type, or <?xml encoding?>
  kValidUtf8,    // the bytes are UTF-8 (and nothing else was forced or marked)
  kUtf16Shape,   // no mark, but every other byte is NUL in ASCII-heavy text
  kDetected,     // ICU's detector
  kFallback,     // windows-1252
  kBinary,       // binary data (looks_binary): left as bytes, read as UTF-8, so that the blocks of it
                 // are dropped as not-text rather than decoded into plausible-looking noise
};

std::string_view encoding_source_name(EncodingSource source);

struct DetectedEncoding {
  std::string name = "UTF-8";  // an ICU converter name; "UTF-8" needs no conversion
  EncodingSource source = EncodingSource::kValidUtf8;
  std::size_t mark_bytes = 0;  // the byte order mark's length, to skip
  bool is_utf8() const { return name == "UTF-8"; }
};

// Decides the encoding of a document from its first bytes (`head`; the whole document when it is
// held whole). `html` enables the <meta> and XML declaration prescan. `forced`, when not empty,
// wins over everything (a byte order mark of that same encoding is still skipped). `transport`, a
// label from an HTTP header, stands in for the page's declaration.
DetectedEncoding detect_encoding(std::string_view head, bool html, std::string_view forced = {},
                                 std::string_view transport = {});

// The label of the charset parameter of a Content-Type value ("text/html; charset=Shift_JIS"), or
// empty.
std::string charset_of_content_type(std::string_view content_type);

// The ICU name of the converter for `label` (an encoding label as pages and users write it, e.g.
// "latin1", "Shift_JIS", "gbk", "utf-16le"), mapped as the HTML standard maps labels
// (ISO-8859-1 and US-ASCII read as windows-1252); empty when ICU has no converter for it.
std::string converter_name(std::string_view label);

// Counts that tell binary data from text, over a document's first bytes. Control bytes are those
// below 0x20 other than tab, line feed, vertical tab, form feed, carriage return and escape (which
// ISO-2022 encodings use).
struct ByteCounts {
  std::size_t bytes = 0;
  std::size_t control = 0;
};
ByteCounts count_bytes(std::string_view head);

// Whether bytes are binary data, not text in any encoding: more than kBinaryControlShare of them
// are control bytes. detect_encoding asks this where nothing else (a mark, the UTF-16 shape, a
// forced encoding) has said what the bytes are.
bool looks_binary(std::string_view head);

// Converts a stream of bytes in one encoding to UTF-8, in pieces of any split. Malformed and
// unmappable sequences become U+FFFD. For UTF-8 input the bytes pass through unchanged (invalid
// sequences are replaced later, where the text is folded).
class Utf8Decoder {
 public:
  explicit Utf8Decoder(const DetectedEncoding& encoding);
  ~Utf8Decoder();
  Utf8Decoder(const Utf8Decoder&) = delete;
  Utf8Decoder& operator=(const Utf8Decoder&) = delete;

  // The UTF-8 of `bytes`: `bytes` itself when they pass through, else `scratch`, refilled. `last`
  // flushes a sequence cut at the end.
  std::string_view decode(std::string_view bytes, bool last, std::string* scratch);
  bool passes_through() const { return converter_ == nullptr; }

 private:
  struct Converter;
  std::unique_ptr<Converter> converter_;  // null for UTF-8
  std::size_t mark_to_skip_ = 0;
};

// `bytes` as UTF-8: the input itself when it is UTF-8 without a mark, else a converted copy held
// in `storage`.
std::string_view decode_document(std::string_view bytes, const DetectedEncoding& encoding, std::string* storage);

}  // namespace winnow
