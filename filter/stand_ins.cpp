// Stand-ins for long text and attribute values. Tested by tests/raw_text_bodies_test.cpp (the pass
// that writes them), tests/html_segment_test.cpp (the segmenter that reads them back),
// tests/fuzz/raw_text_bodies_fuzz.cpp (trees with and without them) and the corpus.
#include "stand_ins.h"

#include <cstdint>
#include <cstring>

#include "utf8.h"

namespace winnow {
namespace {

constexpr unsigned char kLead = 0xEE;  // UTF-8 lead byte of U+E000..U+EFFF
constexpr std::size_t kBitsPerCharacter = 12;
constexpr std::size_t kCharacterMask = (std::size_t{1} << kBitsPerCharacter) - 1;

// The UTF-8 bytes of U+E000 + `value` (value < 4096).
void append_character(std::size_t value, std::string& out) {
  out.push_back(static_cast<char>(kLead));
  out.push_back(static_cast<char>(0x80 | (value >> 6)));
  out.push_back(static_cast<char>(0x80 | (value & 0x3F)));
}

// The value of the character whose three bytes start at `at` (a lead byte 0xEE there).
std::size_t character_value(std::string_view text, std::size_t at) {
  return ((static_cast<unsigned char>(text[at + 1]) & 0x3F) << 6) | (static_cast<unsigned char>(text[at + 2]) & 0x3F);
}

// The code points the parser reports and replaces by U+FFFD (Gumbo's utf8.c): controls other than
// white space and NUL, and noncharacters.
bool parser_replaces(char32_t cp) {
  return (cp >= 0x1 && cp <= 0x8) || cp == 0xB || (cp >= 0xE && cp <= 0x1F) || (cp >= 0x7F && cp <= 0x9F) ||
         (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
}

// Whether `page` holds a numeric character reference to U+E000..U+EFFF ("&#xE000;", "&#57344;"):
// the parser writes such a character into the tree, where it could read as part of a stand-in.
// (No named reference stands for one.)
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
    if (value >= 0xE000 && value <= 0xEFFF) return true;
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
    : page_(page),
      usable_(std::memchr(page.data(), kLead, page.size()) == nullptr && !has_private_use_reference(page)) {}

bool StandIns::add(std::size_t begin, std::size_t end, std::string& out) {
  if (!usable_ || spans_.size() == kMaxSpans) return false;
  const std::size_t index = spans_.size();
  spans_.emplace_back(begin, end - begin);
  append_character(index >> kBitsPerCharacter, out);
  append_character(index & kCharacterMask, out);
  return true;
}

std::string_view StandIns::expand(std::string_view text, std::string& scratch) const {
  if (spans_.empty()) return text;
  const void* first = std::memchr(text.data(), kLead, text.size());
  if (first == nullptr) return text;
  scratch.clear();
  std::size_t copied = 0;
  for (std::size_t at = static_cast<const char*>(first) - text.data(); at < text.size();) {
    if (static_cast<unsigned char>(text[at]) != kLead) {
      ++at;
      continue;
    }
    // The parser copies characters whole, so a stand-in reaches the segmenter whole; anything
    // else (a truncated one, an index past the table) is left as it is.
    if (text.size() - at >= kBytes && static_cast<unsigned char>(text[at + 3]) == kLead) {
      const std::size_t index = (character_value(text, at) << kBitsPerCharacter) | character_value(text, at + 3);
      if (index < spans_.size()) {
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
