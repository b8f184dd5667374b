// Writers. Entry points: write_text, write_json, write_explain. Tested by tests/writers_test.cpp.
#include "writers.h"

#include <cstdio>

#include "utf8.h"

namespace winnow {
namespace {

constexpr std::size_t kReasonColumn = 16;  // wide enough for "title-duplicate"

std::string format_score(float score) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%.3f", static_cast<double>(score));
  return buffer;
}

// The first `width` code points of s, with an ellipsis when cut.
std::string cut(std::string_view s, std::size_t width) {
  if (width == 0) return std::string(s);
  std::size_t i = 0;
  std::size_t count = 0;
  while (i < s.size() && count < width) {
    utf8::next(s, i);
    ++count;
  }
  if (i >= s.size()) return std::string(s);
  return std::string(s.substr(0, i)) + "…";
}

}  // namespace

std::string json_quote(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out.push_back('"');
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(c));
          out += buffer;
        } else {
          out.push_back(c);
        }
    }
  }
  out.push_back('"');
  // Block texts are valid UTF-8 already; messages and input echoed in errors files may not be, and
  // JSON must be.
  if (!utf8::is_valid(out)) return json_quote(utf8::make_valid(s));
  return out;
}

void write_text(std::ostream& out, const CleanResult& result) {
  for (const BlockResult& block : result.blocks) {
    if (block.keep) out << block.text << '\n';
  }
}

void write_json_block(std::ostream& out, const BlockResult& block, std::size_t index) {
  out << "{\"index\":" << index << ",\"text\":" << json_quote(block.text) << ",\"score\":" << format_score(block.score)
      << ",\"keep\":" << (block.keep ? "true" : "false") << ",\"reason\":\"" << reason_name(block.reason) << "\"}";
}

void write_json(std::ostream& out, const CleanResult& result) {
  out << "{\"kind\":\"" << (result.kind == InputKind::kHtml ? "html" : "text") << "\",\"blocks\":[";
  for (std::size_t i = 0; i < result.blocks.size(); ++i) {
    out << (i == 0 ? "\n" : ",\n");
    write_json_block(out, result.blocks[i], i);
  }
  out << "\n],\"encoding\":" << json_quote(result.encoding) << "}\n";
}

void write_explain(std::ostream& out, const CleanResult& result, std::size_t width,
                   const std::vector<std::string>* pushes) {
  const std::string count = std::to_string(result.blocks.size());
  std::size_t kept = 0;
  for (const BlockResult& block : result.blocks) kept += block.keep ? 1 : 0;
  out << "# " << (result.kind == InputKind::kHtml ? "html" : "text") << " input"
      << (result.encoding == "UTF-8" ? "" : " in " + result.encoding) << ", " << result.blocks.size()
      << " blocks, " << kept << " kept\n";
  for (std::size_t i = 0; i < result.blocks.size(); ++i) {
    const BlockResult& block = result.blocks[i];
    std::string index = std::to_string(i + 1);
    std::string reason(reason_name(block.reason));
    out << std::string(count.size() - index.size(), ' ') << index << "  " << (block.keep ? "KEEP" : "drop") << "  "
        << format_score(block.score) << "  " << reason
        << std::string(reason.size() < kReasonColumn ? kReasonColumn - reason.size() : 1, ' ')
        << cut(block.text, width) << '\n';
    if (pushes != nullptr && i < pushes->size() && !(*pushes)[i].empty()) {
      out << std::string(count.size() + 2, ' ') << "  why: " << (*pushes)[i] << '\n';
    }
  }
}

}  // namespace winnow
