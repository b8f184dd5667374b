// Character encodings. Entry points: detect_encoding, Utf8Decoder, looks_binary. Tested by
// tests/encoding_test.cpp.
#include "encoding.h"

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <array>
#include <utility>

#include "utf8.h"

namespace winnow {
namespace {

// How far into a page the <meta> prescan looks. The HTML standard says 1,024 bytes; scraped pages
// often carry kilobytes of inline script and style before their <meta charset>.
constexpr std::size_t kPrescanBytes = 16384;
// How much of a document the detector and the UTF-16 shape test read.
constexpr std::size_t kDetectorBytes = 65536;
constexpr std::size_t kUtf16ShapeBytes = 4096;
// UTF-16 without a mark: at least this share of the code units (byte pairs) hold a NUL in the
// byte where ASCII text has it and almost none in the other byte.
constexpr double kUtf16NulShare = 0.3;
// ICU's detector reports confidence 0..100; below this its guess is no better than the fallback.
constexpr int kMinDetectorConfidence = 10;
// Binary data: more than this share of the bytes are control bytes, and at least kMinControlBytes
// of them (a stray control byte or two in a short text is still text).
constexpr double kBinaryControlShare = 0.01;
constexpr std::size_t kMinControlBytes = 8;

constexpr std::string_view kFallbackEncoding = "windows-1252";

// Labels the HTML standard maps to another decoder than their name says, as ICU names them.
constexpr std::array<std::pair<std::string_view, std::string_view>, 20> kLabelMap = {{
    {"iso-8859-1", "windows-1252"}, {"iso8859-1", "windows-1252"}, {"iso_8859-1", "windows-1252"},
    {"latin1", "windows-1252"},     {"l1", "windows-1252"},        {"us-ascii", "windows-1252"},
    {"ascii", "windows-1252"},      {"cp819", "windows-1252"},     {"iso-8859-9", "windows-1254"},
    {"latin5", "windows-1254"},     {"tis-620", "windows-874"},    {"iso-8859-11", "windows-874"},
    {"gb2312", "GB18030"},          {"gbk", "GB18030"},            {"x-gbk", "GB18030"},
    {"gb_2312-80", "GB18030"},      {"euc-kr", "windows-949"},     {"ks_c_5601-1987", "windows-949"},
    {"x-sjis", "Shift_JIS"},        {"ms_kanji", "Shift_JIS"},
}};

// Encodings that spell ASCII text as themselves but are not ASCII-compatible beyond it: a page in
// one of them is pure ASCII bytes, so its declaration must be followed.
constexpr std::array<std::string_view, 5> kSevenBitEncodings = {"ISO-2022-JP", "ISO-2022-KR", "ISO-2022-CN", "HZ",
                                                                "UTF-7"};

using utf8::is_html_space;

std::string lower_trimmed(std::string_view s) {
  while (!s.empty() && is_html_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_html_space(s.back())) s.remove_suffix(1);
  std::string out(s);
  for (char& c : out) c = utf8::ascii_lower(c);
  return out;
}

bool starts_with_nocase(std::string_view s, std::size_t at, std::string_view word) {
  if (at + word.size() > s.size()) return false;
  for (std::size_t k = 0; k < word.size(); ++k) {
    if (utf8::ascii_lower(s[at + k]) != word[k]) return false;
  }
  return true;
}

bool is_utf16_or_32(std::string_view name) { return name.starts_with("UTF-16") || name.starts_with("UTF-32"); }

// The byte order marks, longest first (UTF-32LE's begins with UTF-16LE's).
DetectedEncoding from_byte_order_mark(std::string_view head) {
  struct Mark {
    std::string_view bytes;
    std::string_view name;
  };
  static constexpr std::array<Mark, 5> kMarks = {{
      {std::string_view("\xFF\xFE\x00\x00", 4), "UTF-32LE"},
      {std::string_view("\x00\x00\xFE\xFF", 4), "UTF-32BE"},
      {"\xEF\xBB\xBF", "UTF-8"},
      {"\xFE\xFF", "UTF-16BE"},
      {"\xFF\xFE", "UTF-16LE"},
  }};
  for (const Mark& mark : kMarks) {
    if (head.starts_with(mark.bytes)) {
      return DetectedEncoding{std::string(mark.name), EncodingSource::kByteOrderMark, mark.bytes.size()};
    }
  }
  return DetectedEncoding{"", EncodingSource::kFallback, 0};
}

// UTF-16 without a mark, from the NUL bytes ASCII characters leave in every other byte.
std::string utf16_by_shape(std::string_view head) {
  const std::size_t n = std::min(head.size(), kUtf16ShapeBytes) & ~std::size_t{1};
  if (n < 8) return {};
  std::size_t even_nul = 0;
  std::size_t odd_nul = 0;
  for (std::size_t i = 0; i < n; i += 2) {
    even_nul += head[i] == '\0' ? 1 : 0;
    odd_nul += head[i + 1] == '\0' ? 1 : 0;
  }
  const double units = static_cast<double>(n / 2);
  // Text, not a run of zeros: the other byte of each pair is rarely NUL.
  if (static_cast<double>(odd_nul) >= kUtf16NulShare * units && even_nul * 10 < odd_nul) return "UTF-16LE";
  if (static_cast<double>(even_nul) >= kUtf16NulShare * units && odd_nul * 10 < even_nul) return "UTF-16BE";
  return {};
}

// The value of the attribute that starts at `at` inside a tag, as the standard's prescan reads
// it ("get an attribute"): name and value, lower-cased name, '>' ends the tag.
struct MetaAttribute {
  std::string name;
  std::string value;
  std::size_t next = 0;  // where the next attribute may start; npos at the tag's end
};

MetaAttribute read_meta_attribute(std::string_view s, std::size_t i) {
  MetaAttribute attribute;
  while (i < s.size() && (is_html_space(s[i]) || s[i] == '/')) ++i;
  if (i >= s.size() || s[i] == '>') {
    attribute.next = std::string_view::npos;
    return attribute;
  }
  while (i < s.size() && !is_html_space(s[i]) && s[i] != '=' && s[i] != '>' && s[i] != '/') attribute.name += utf8::ascii_lower(s[i++]);
  while (i < s.size() && is_html_space(s[i])) ++i;
  if (i < s.size() && s[i] == '=') {
    ++i;
    while (i < s.size() && is_html_space(s[i])) ++i;
    if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
      const char quote = s[i++];
      const std::size_t end = s.find(quote, i);
      const std::size_t stop = end == std::string_view::npos ? s.size() : end;
      attribute.value = s.substr(i, stop - i);
      i = stop + 1;
    } else {
      while (i < s.size() && !is_html_space(s[i]) && s[i] != '>') attribute.value += s[i++];
    }
  }
  attribute.next = i;
  return attribute;
}

}  // namespace

std::string charset_of_content_type(std::string_view content) {
  const std::string lowered = lower_trimmed(content);
  const std::size_t at = lowered.find("charset");
  if (at == std::string::npos) return {};
  std::size_t i = at + 7;
  while (i < lowered.size() && is_html_space(lowered[i])) ++i;
  if (i >= lowered.size() || lowered[i] != '=') return {};
  ++i;
  while (i < lowered.size() && is_html_space(lowered[i])) ++i;
  const std::size_t begin = i;
  if (begin < lowered.size() && (lowered[begin] == '"' || lowered[begin] == '\'')) {
    const std::size_t end = lowered.find(lowered[begin], begin + 1);
    return end == std::string::npos ? std::string() : lowered.substr(begin + 1, end - begin - 1);
  }
  while (i < lowered.size() && !is_html_space(lowered[i]) && lowered[i] != ';') ++i;
  return lowered.substr(begin, i - begin);
}

namespace {

// The label a <meta> in the first kPrescanBytes declares, or empty.
std::string meta_declared_label(std::string_view head) {
  const std::string_view s = head.substr(0, kPrescanBytes);
  std::size_t i = 0;
  while ((i = s.find('<', i)) != std::string_view::npos) {
    if (s.compare(i, 4, "<!--") == 0) {
      const std::size_t end = s.find("-->", i + 4);
      if (end == std::string_view::npos) return {};
      i = end + 3;
      continue;
    }
    if (!starts_with_nocase(s, i + 1, "meta") || i + 5 >= s.size() || !(is_html_space(s[i + 5]) || s[i + 5] == '/')) {
      ++i;
      continue;
    }
    std::string charset;
    std::string content;
    bool http_equiv_content_type = false;
    for (std::size_t at = i + 5; at != std::string_view::npos;) {
      MetaAttribute attribute = read_meta_attribute(s, at);
      if (attribute.next == std::string_view::npos) break;
      if (attribute.name.empty()) {  // a stray '=' or quote: step over it
        at = attribute.next + 1;
        continue;
      }
      if (attribute.name == "charset" && charset.empty()) charset = lower_trimmed(attribute.value);
      if (attribute.name == "content" && content.empty()) content = attribute.value;
      if (attribute.name == "http-equiv") http_equiv_content_type = lower_trimmed(attribute.value) == "content-type";
      at = attribute.next;
    }
    if (!charset.empty()) return charset;
    if (http_equiv_content_type) {
      std::string label = charset_of_content_type(content);
      if (!label.empty()) return label;
    }
    i += 5;
  }
  return {};
}

// The label of an XML declaration at the very start (<?xml version="1.0" encoding="...">).
std::string xml_declared_label(std::string_view head) {
  if (!head.starts_with("<?xml")) return {};
  const std::size_t end = head.find("?>");
  const std::string_view declaration = head.substr(0, end == std::string_view::npos ? std::min<std::size_t>(head.size(), 200) : end);
  const std::size_t at = declaration.find("encoding");
  if (at == std::string_view::npos) return {};
  std::size_t i = at + 8;
  while (i < declaration.size() && is_html_space(declaration[i])) ++i;
  if (i >= declaration.size() || declaration[i] != '=') return {};
  ++i;
  while (i < declaration.size() && is_html_space(declaration[i])) ++i;
  if (i >= declaration.size() || (declaration[i] != '"' && declaration[i] != '\'')) return {};
  const std::size_t close = declaration.find(declaration[i], i + 1);
  if (close == std::string_view::npos) return {};
  return lower_trimmed(declaration.substr(i + 1, close - i - 1));
}

// What the bytes say about UTF-8: valid multi-byte sequences and invalid bytes. A sequence cut by
// the end of `head` is not counted as invalid when `head` is only the start of the document.
struct Utf8Counts {
  std::size_t multibyte = 0;
  std::size_t invalid = 0;
  bool has_escape = false;  // ESC: the ISO-2022 encodings switch character sets with it
};

Utf8Counts count_utf8(std::string_view s, bool whole) {
  Utf8Counts counts;
  std::size_t i = 0;
  const std::size_t n = s.size();
  while (i < n) {
    // Eight ASCII bytes at a time: nearly all of most pages. An ISO-2022 text is all ASCII, so its
    // escapes are looked for in the words skipped too.
    if (i + 8 <= n) {
      const std::uint64_t word = utf8::load_eight(s, i);
      if (utf8::all_ascii(word)) {
        counts.has_escape = counts.has_escape || utf8::has_byte(word, 0x1B);
        i += 8;
        continue;
      }
    }
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      counts.has_escape = counts.has_escape || c == 0x1B;
      ++i;
      continue;
    }
    const std::size_t start = i;
    bool invalid = false;
    utf8::next_checked(s, i, &invalid);
    if (!invalid) {
      ++counts.multibyte;
    } else if (whole || n - start > 3) {
      ++counts.invalid;
    }
  }
  return counts;
}

bool is_seven_bit(std::string_view name) {
  return std::find(kSevenBitEncodings.begin(), kSevenBitEncodings.end(), name) != kSevenBitEncodings.end();
}

// ICU's guess for bytes that are not UTF-8, mapped as labels are; empty when it has none.
std::string detector_guess(std::string_view head, bool html) {
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector* detector = ucsdet_open(&status);
  if (U_FAILURE(status)) return {};
  const std::string_view sample = head.substr(0, kDetectorBytes);
  ucsdet_setText(detector, sample.data(), static_cast<int32_t>(sample.size()), &status);
  ucsdet_enableInputFilter(detector, html ? 1 : 0);  // read the text between tags, not the markup
  const UCharsetMatch* match = ucsdet_detect(detector, &status);
  std::string name;
  if (U_SUCCESS(status) && match != nullptr && ucsdet_getConfidence(match, &status) >= kMinDetectorConfidence) {
    const char* guessed = ucsdet_getName(match, &status);
    if (U_SUCCESS(status) && guessed != nullptr) name = converter_name(guessed);
  }
  // Its guesses of UTF-16 and UTF-32 without a mark are weak (random bytes get them); the shape
  // test has spoken for those already.
  if (is_utf16_or_32(name)) name.clear();
  ucsdet_close(detector);
  return name;
}

// ICU's to-Unicode callback that writes U+FFFD for a malformed or unmappable sequence. Its own
// substitute callback writes the code page's substitution character, U+001A in Shift_JIS and
// others: a control character the text would then carry.
void write_replacement(const void* /*context*/, UConverterToUnicodeArgs* args, const char* /*bytes*/,
                       int32_t /*length*/, UConverterCallbackReason reason, UErrorCode* status) {
  if (reason > UCNV_IRREGULAR) return;  // reset, close, clone: nothing to write
  *status = U_ZERO_ERROR;
  static constexpr UChar kReplacement[1] = {0xFFFD};
  ucnv_cbToUWriteUChars(args, kReplacement, 1, 0, status);
}

}  // namespace

std::string_view encoding_source_name(EncodingSource source) {
  switch (source) {
    case EncodingSource::kForced: return "forced";
    case EncodingSource::kByteOrderMark: return "byte-order-mark";
    case EncodingSource::kDeclared: return "declared";
    case EncodingSource::kValidUtf8: return "valid-utf-8";
    case EncodingSource::kUtf16Shape: return "utf-16-shape";
    case EncodingSource::kDetected: return "detected";
    case EncodingSource::kFallback: return "fallback";
    case EncodingSource::kBinary: return "binary";
  }
  return "unknown";
}

std::string converter_name(std::string_view label) {
  std::string name = lower_trimmed(label);
  if (name.empty()) return {};
  for (const auto& [from, to] : kLabelMap) {
    if (name == from) {
      name = std::string(to);
      break;
    }
  }
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open(name.c_str(), &status);
  if (U_FAILURE(status) || converter == nullptr) return {};
  std::string canonical = ucnv_getName(converter, &status);
  ucnv_close(converter);
  if (U_FAILURE(status)) return {};
  // ICU's own names ("ibm-5348_P100-1997") mean nothing to users; the IANA name says the same.
  UErrorCode standard_status = U_ZERO_ERROR;
  const char* standard = ucnv_getStandardName(canonical.c_str(), "MIME", &standard_status);
  if (standard == nullptr || U_FAILURE(standard_status)) {
    standard_status = U_ZERO_ERROR;
    standard = ucnv_getStandardName(canonical.c_str(), "IANA", &standard_status);
  }
  if (standard != nullptr && U_SUCCESS(standard_status)) canonical = standard;
  // ICU names its UTF-16/32 converters by byte order ("UTF16_PlatformEndian"); keep the label's.
  if (canonical.starts_with("UTF16") || canonical.starts_with("UTF32")) {
    std::string upper = name;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return upper;
  }
  return canonical;
}

DetectedEncoding detect_encoding(std::string_view head, bool html, std::string_view forced,
                                 std::string_view transport) {
  const DetectedEncoding marked = from_byte_order_mark(head);
  if (!forced.empty()) {
    std::string name = converter_name(forced);
    if (!name.empty()) {
      const std::size_t mark = marked.name == name ? marked.mark_bytes : 0;
      return DetectedEncoding{std::move(name), EncodingSource::kForced, mark};
    }
  }
  if (!marked.name.empty()) return marked;
  if (std::string utf16 = utf16_by_shape(head); !utf16.empty()) {
    return DetectedEncoding{std::move(utf16), EncodingSource::kUtf16Shape, 0};
  }
  if (looks_binary(head.substr(0, kDetectorBytes))) return DetectedEncoding{"UTF-8", EncodingSource::kBinary, 0};
  const bool whole = head.size() < kDetectorBytes;
  const Utf8Counts counts = count_utf8(head, whole);

  std::string declared = converter_name(transport);
  if (html && declared.empty()) {
    std::string label = xml_declared_label(head);
    if (label.empty()) label = meta_declared_label(head);
    declared = converter_name(label);
  }
  // A declaration of UTF-16 on bytes it could be read from is UTF-8, as the standard reads it
  // (UTF-16 itself was recognised above, by its mark or its shape).
  if (is_utf16_or_32(declared)) declared = "UTF-8";
  if (counts.invalid == 0 && !(counts.multibyte == 0 && (is_seven_bit(declared) || counts.has_escape))) {
    return DetectedEncoding{"UTF-8", declared == "UTF-8" ? EncodingSource::kDeclared : EncodingSource::kValidUtf8, 0};
  }
  // Mostly UTF-8 with a few stray bytes: a UTF-8 page with a broken sequence or two.
  const bool mostly_utf8 = counts.multibyte > counts.invalid;
  if (mostly_utf8) {
    return DetectedEncoding{"UTF-8", declared == "UTF-8" ? EncodingSource::kDeclared : EncodingSource::kValidUtf8, 0};
  }
  // A declared UTF-8 that the bytes contradict (invalid sequences, no valid one) is a stale
  // declaration: the detector reads the bytes instead.
  if (!declared.empty() && declared != "UTF-8") return DetectedEncoding{std::move(declared), EncodingSource::kDeclared, 0};
  if (std::string guess = detector_guess(head, html); !guess.empty()) {
    return DetectedEncoding{std::move(guess), EncodingSource::kDetected, 0};
  }
  return DetectedEncoding{std::string(kFallbackEncoding), EncodingSource::kFallback, 0};
}

ByteCounts count_bytes(std::string_view head) {
  ByteCounts counts;
  counts.bytes = head.size();
  for (char c : head) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x20 && b != '\t' && b != '\n' && b != '\v' && b != '\f' && b != '\r' && b != 0x1B) ++counts.control;
  }
  return counts;
}

bool looks_binary(std::string_view head) {
  const ByteCounts counts = count_bytes(head);
  return counts.control >= kMinControlBytes &&
         static_cast<double>(counts.control) > kBinaryControlShare * static_cast<double>(counts.bytes);
}

struct Utf8Decoder::Converter {
  static constexpr std::size_t kPivotUnits = 1024;
  UConverter* from = nullptr;
  UConverter* to = nullptr;
  UChar pivot[kPivotUnits];
  UChar* pivot_source = pivot;
  UChar* pivot_target = pivot;
  bool first = true;

  ~Converter() {
    if (from != nullptr) ucnv_close(from);
    if (to != nullptr) ucnv_close(to);
  }
};

Utf8Decoder::Utf8Decoder(const DetectedEncoding& encoding) : mark_to_skip_(encoding.mark_bytes) {
  if (encoding.is_utf8()) return;
  auto converter = std::make_unique<Converter>();
  UErrorCode status = U_ZERO_ERROR;
  converter->from = ucnv_open(encoding.name.c_str(), &status);
  if (U_SUCCESS(status)) converter->to = ucnv_open("UTF-8", &status);
  if (U_FAILURE(status)) return;  // a name detect_encoding vetted; should ICU refuse it, read UTF-8
  ucnv_setToUCallBack(converter->from, write_replacement, nullptr, nullptr, nullptr, &status);
  converter_ = std::move(converter);
}

Utf8Decoder::~Utf8Decoder() = default;

std::string_view Utf8Decoder::decode(std::string_view bytes, bool last, std::string* scratch) {
  if (mark_to_skip_ > 0) {
    const std::size_t skip = std::min(mark_to_skip_, bytes.size());
    bytes.remove_prefix(skip);
    mark_to_skip_ -= skip;
  }
  if (converter_ == nullptr) return bytes;
  scratch->clear();
  Converter& c = *converter_;
  const char* source = bytes.data();
  const char* const source_limit = bytes.data() + bytes.size();
  char buffer[16384];
  for (;;) {
    char* target = buffer;
    UErrorCode status = U_ZERO_ERROR;
    ucnv_convertEx(c.to, c.from, &target, buffer + sizeof buffer, &source, source_limit, c.pivot, &c.pivot_source,
                   &c.pivot_target, c.pivot + Converter::kPivotUnits, c.first, last, &status);
    c.first = false;
    scratch->append(buffer, static_cast<std::size_t>(target - buffer));
    if (status != U_BUFFER_OVERFLOW_ERROR) break;  // all consumed, or an error ICU cannot go past
  }
  return *scratch;
}

std::string_view decode_document(std::string_view bytes, const DetectedEncoding& encoding, std::string* storage) {
  if (encoding.is_utf8()) return bytes.substr(std::min(encoding.mark_bytes, bytes.size()));
  Utf8Decoder decoder(encoding);
  storage->reserve(bytes.size() + bytes.size() / 2);
  return decoder.decode(bytes, true, storage);
}

}  // namespace winnow
