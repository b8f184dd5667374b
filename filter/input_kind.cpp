// Input detection: decides whether a document is HTML or plain text. Entry point:
// detect_input_kind (declared in include/winnow/winnow.h). Tested by tests/input_kind_test.cpp.
//
// A page is HTML when it opens with markup (a doctype, <html>, <head>, <body>, a comment or an XML
// declaration), or when its first kilobytes hold enough well-known tags. A text dump that quotes a
// tag or two ("You can use these HTML tags: <a> <b>") stays text.
#include <array>
#include <cctype>
#include <string_view>

#include "winnow/winnow.h"

namespace winnow {
namespace {

constexpr std::size_t kSniffBytes = 64 * 1024;  // look no further than this
constexpr int kMinTagsForHtml = 8;              // known tags needed when the page does not open with markup
constexpr int kTagsPerKilobyte = 2;             // ... and their density

constexpr std::array<std::string_view, 5> kOpeners = {"<!doctype", "<html", "<head", "<body", "<?xml"};
constexpr std::array<std::string_view, 14> kCommonTags = {
    "<p>", "<p ", "<div", "</div>", "</p>", "<br", "<a href", "</a>", "<span", "<li>", "<li ", "<meta",
    "<script", "<table"};

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  }
  return true;
}

}  // namespace

InputKind detect_input_kind(std::string_view bytes) {
  std::string_view head = bytes.substr(0, kSniffBytes);
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  std::size_t first = 0;
  while (first < head.size() && std::isspace(static_cast<unsigned char>(head[first]))) ++first;
  const std::string_view rest = head.substr(first);
  for (std::string_view opener : kOpeners) {
    if (starts_with_ci(rest, opener)) return InputKind::kHtml;
  }
  if (starts_with_ci(rest, "<!--")) return InputKind::kHtml;
  int tags = 0;
  for (std::size_t i = head.find('<'); i != std::string_view::npos; i = head.find('<', i + 1)) {
    for (std::string_view tag : kCommonTags) {
      if (starts_with_ci(head.substr(i), tag)) {
        ++tags;
        break;
      }
    }
  }
  const std::size_t kilobytes = head.size() / 1024 + 1;
  const bool dense = static_cast<std::size_t>(tags) >= kTagsPerKilobyte * kilobytes;
  return tags >= kMinTagsForHtml && dense ? InputKind::kHtml : InputKind::kText;
}

}  // namespace winnow
