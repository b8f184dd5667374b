// Stand-ins for long text and attribute values. Tested by tests/raw_text_bodies_test.cpp (the pass
// that writes them), tests/html_segment_test.cpp (the segmenter that reads them back),
// tests/fuzz/raw_text_bodies_fuzz.cpp (trees with and without them) and the corpus.
#include "stand_ins.h"

#include <cstdint>
#include <cstring>

#include "utf8.h"

namespace winnow {
namespace {

// A stand-in is two characters of Supplementary Private Use Area-A, U+F0000 + a value below
// kValues each (the plane's last two, U+FFFFE and U+FFFFF, are noncharacters the parser replaces).
constexpr char32_t kFirst = 0xF0000;
constexpr char32_t kLast = 0xFFFFF;
constexpr std::size_t kValues = 0xFFFE;
constexpr unsigned char kLead = 0xF3;  // first UTF-8 byte of U+C0000..U+FFFFF
constexpr unsigned char kSecondLow = 0xB0;  // second byte of U+F0000..U+FFFFF: 0xB0..0xBF
constexpr unsigned char kSecondHigh = 0xBF;

bool starts_character_at(std::string_view text, std::size_t at) {
  if (text.size() - at < 4 || static_cast<unsigned char>(text[at]) != kLead) return false;
  const auto second = static_cast<unsigned char>(text[at + 1]);
  return second >= kSecondLow && second <= kSecondHigh;
}

// The UTF-8 bytes of U+F0000 + `value`.
void append_character(std::size_t value, std::string& out) {
  const char32_t cp = kFirst + static_cast<char32_t>(value);
  out.push_back(static_cast<char>(kLead));
  out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
  out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
  out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
}

// The value of the character whose four bytes start at `at` (starts_character_at).
std::size_t character_value(std::string_view text, std::size_t at) {
  const char32_t cp = (static_cast<char32_t>(static_cast<unsigned char>(text[at]) & 0x07) << 18) |
                      (static_cast<char32_t>(static_cast<unsigned char>(text[at + 1]) & 0x3F) << 12) |
                      (static_cast<char32_t>(static_cast<unsigned char>(text[at + 2]) & 0x3F) << 6) |
                      (static_cast<char32_t>(static_cast<unsigned char>(text[at + 3]) & 0x3F));
  return cp - kFirst;
}

// Whether `page` holds a character of the plane stand-ins use, as UTF-8 bytes.
bool has_plane_character(std::string_view page) {
  for (const void* found = std::memchr(page.data(), kLead, page.size()); found != nullptr;) {
    const std::size_t at = static_cast<const char*>(found) - page.data();
    if (at + 1 < page.size()) {
      const auto second = static_cast<unsigned char>(page[at + 1]);
      if (second >= kSecondLow && second <= kSecondHigh) return true;
    }
    found = std::memchr(page.data() + at + 1, kLead, page.size() - at - 1);
  }
  return false;
}

// The code points the parser reports and replaces by U+FFFD (Gumbo's utf8.c): controls other than
// white space and NUL, and noncharacters.
bool parser_replaces(char32_t cp) {
  return (cp >= 0x1 && cp <= 0x8) || cp == 0xB || (cp >= 0xE && cp <= 0x1F) || (cp >= 0x7F && cp <= 0x9F) ||
         (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
}

// Whether `page` holds a numeric character reference to a character of that plane ("&#xF0000;",
// "&#983040;"): the parser writes the character into the tree, where it could read as part of a
// stand-in. (No named reference stands for one.)
bool has_private_use_reference(std::string_view page) {
  for (std::size_t at = page.find("&#"); at != std::string_view::npos; at = page.find("&#", at + 2)) {
    std::size_t k = at + 2;
    const bool hex = k < page.size() && (page[k] == 'x' || page[k] == 'X');
    k += hex ? 1 : 0;
    std::uint32_t value = 0;
    for (; k < page.size() && value <= 0x10FFFF; ++k) {
      const char c = page[k];
      int digit = -1;
      if (c >= '0' && c <= '9') digit = c - '0';
      else if (hex && c >= 'a' && c <= 'f') digit = c - 'a' + 10;
      else if (hex && c >= 'A' && c <= 'F') digit = c - 'A' + 10;
      if (digit < 0) break;
      value = value * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit);
    }
    if (value >= kFirst && value <= kLast) return true;
  }
  return false;
}

}  // namespace

bool StandIns::passes_as_is(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0x20 && byte < 0x7F) {
      if (byte == '&') return false;
      ++i;
      continue;
    }
    if (byte == '\r' || byte == 0) return false;
    bool invalid = false;
    if (parser_replaces(utf8::next_checked(text, i, &invalid)) || invalid) return false;
  }
  return true;
}

StandIns::StandIns(std::string_view page)
    : page_(page), usable_(!has_plane_character(page) && !has_private_use_reference(page)) {}

bool StandIns::add(std::size_t begin, std::size_t end, std::string& out) {
  if (!usable_ || spans_.size() == kMaxSpans) return false;
  const std::size_t index = spans_.size();
  spans_.emplace_back(begin, end - begin);
  append_character(index / kValues, out);
  append_character(index % kValues, out);
  return true;
}

std::string_view StandIns::expand(std::string_view text, std::string& scratch) const {
  if (spans_.empty()) return text;
  const void* first = std::memchr(text.data(), kLead, text.size());
  if (first == nullptr) return text;
  scratch.clear();
  std::size_t copied = 0;
  for (std::size_t at = static_cast<const char*>(first) - text.data(); at < text.size();) {
    // The parser copies characters whole, so a stand-in reaches the segmenter whole; anything
    // else (a character of another plane, an index past the table) is left as it is.
    if (starts_character_at(text, at) && starts_character_at(text, at + 4)) {
      const std::size_t high = character_value(text, at);
      const std::size_t low = character_value(text, at + 4);
      const std::size_t index = high * kValues + low;
      if (high < kValues && low < kValues && index < spans_.size()) {
        scratch.append(text.substr(copied, at - copied));
        scratch.append(page_.substr(spans_[index].first, spans_[index].second));
        at += kBytes;
        copied = at;
        continue;
      }
    }
    ++at;
  }
  scratch.append(text.substr(copied));
  return scratch;
}

}  // namespace winnow
