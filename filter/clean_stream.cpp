// Cleaning one document from a stream. Entry point: clean_stream. Tested by
// tests/clean_stream_test.cpp.
#include "clean_stream.h"

#include "writers.h"

namespace winnow {
namespace {

// Enough of the input to tell HTML from plain text (detect_input_kind reads the first kilobytes).
constexpr std::size_t kDetectBytes = 1 << 16;

}  // namespace

void CleanFigures::add(const CleanFigures& other) {
  documents += other.documents;
  blocks += other.blocks;
  kept_blocks += other.kept_blocks;
  bytes_in += other.bytes_in;
  bytes_out += other.bytes_out;
  text_bytes += other.text_bytes;
  kept_text_bytes += other.kept_text_bytes;
}

double CleanFigures::kept_share() const {
  return text_bytes == 0 ? 0.0 : static_cast<double>(kept_text_bytes) / static_cast<double>(text_bytes);
}

CleanFigures figures_of(const CleanResult& result, std::uint64_t bytes_in) {
  CleanFigures figures;
  figures.documents = 1;
  figures.bytes_in = bytes_in;
  for (const BlockResult& block : result.blocks) {
    ++figures.blocks;
    figures.text_bytes += block.text.size();
    if (!block.keep) continue;
    ++figures.kept_blocks;
    figures.kept_text_bytes += block.text.size();
  }
  return figures;
}

Status clean_stream(InputStream& in, const CleanOptions& options, OutputFormat format, std::ostream& out,
                    CleanFigures* figures) {
  *figures = CleanFigures{};
  figures->documents = 1;
  std::string head;
  while (head.size() < kDetectBytes) {
    std::string_view chunk;
    if (Status s = in.next_chunk(&chunk); !s.ok()) return s;
    if (chunk.empty()) break;
    head.append(chunk);
  }
  InputKind kind = options.kind;
  if (kind == InputKind::kAuto) kind = detect_input_kind(head);

  if (kind == InputKind::kHtml) {
    if (Status s = in.read_rest(&head); !s.ok()) return s;
    CleanOptions html = options;
    html.kind = InputKind::kHtml;
    const CleanResult result = clean(head, html);
    if (format == OutputFormat::kJson) {
      write_json(out, result);
    } else {
      write_text(out, result);
    }
    *figures = figures_of(result, head.size());
    return {};
  }

  CleanOptions text = options;
  text.kind = InputKind::kText;
  std::size_t index = 0;
  if (format == OutputFormat::kJson) out << "{\"kind\":\"text\",\"blocks\":[";
  TextStream stream(text, [&](const BlockResult& block) {
    ++figures->blocks;
    figures->text_bytes += block.text.size();
    if (block.keep) {
      ++figures->kept_blocks;
      figures->kept_text_bytes += block.text.size();
    }
    if (format == OutputFormat::kJson) {
      out << (index == 0 ? "\n" : ",\n");
      write_json_block(out, block, index);
    } else if (block.keep) {
      out << block.text << '\n';
    }
    ++index;
  });
  figures->bytes_in = head.size();
  stream.push(head);
  head.clear();
  head.shrink_to_fit();
  while (true) {
    std::string_view chunk;
    if (Status s = in.next_chunk(&chunk); !s.ok()) return s;
    if (chunk.empty()) break;
    figures->bytes_in += chunk.size();
    stream.push(chunk);
  }
  stream.finish();
  if (format == OutputFormat::kJson) out << "\n]}\n";
  return {};
}

}  // namespace winnow
