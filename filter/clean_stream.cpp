// Cleaning one document from a stream. Entry point: clean_stream. Tested by
// tests/clean_stream_test.cpp.
#include "clean_stream.h"

#include "encoding.h"
#include "nesting_limit.h"
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
  limits_hit.lines_cut += other.limits_hit.lines_cut;
  limits_hit.depth_limited = limits_hit.depth_limited || other.limits_hit.depth_limited;
  limits_hit.formatting_dropped += other.limits_hit.formatting_dropped;
  if (encoding != other.encoding) encoding.clear();
}

std::string limits_notice(const LimitsHit& hit, const Limits& limits) {
  std::string notice;
  if (hit.lines_cut > 0) {
    notice = std::to_string(hit.lines_cut) + (hit.lines_cut == 1 ? " line" : " lines") + " longer than " +
             std::to_string(limits.max_line_bytes) + " bytes " + (hit.lines_cut == 1 ? "was" : "were") +
             " cut into parts (--max-line-bytes)";
  }
  if (hit.depth_limited) {
    if (!notice.empty()) notice += "; ";
    notice += "elements nested deeper than " + std::to_string(limits.max_depth) +
              " were flattened into their ancestor at that depth (--max-depth)";
  }
  if (hit.formatting_dropped > 0) {
    if (!notice.empty()) notice += "; ";
    const bool one = hit.formatting_dropped == 1;
    notice += std::to_string(hit.formatting_dropped);
    notice += one ? " formatting tag" : " formatting tags";
    notice += " (b, i, font, ...) past " + std::to_string(kMaxOpenFormatting) + " left open at once ";
    notice += one ? "was" : "were";
    notice += " dropped, their text kept";
  }
  return notice;
}

double CleanFigures::kept_share() const {
  return text_bytes == 0 ? 0.0 : static_cast<double>(kept_text_bytes) / static_cast<double>(text_bytes);
}

CleanFigures figures_of(const CleanResult& result, std::uint64_t bytes_in) {
  CleanFigures figures;
  figures.documents = 1;
  figures.bytes_in = bytes_in;
  figures.encoding = result.encoding;
  figures.limits_hit = result.limits_hit;
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
  const DetectedEncoding encoding = detect_encoding(head, options.kind != InputKind::kText, options.encoding);
  // A forced encoding says the bytes are text; otherwise binary data is refused, not cleaned into
  // noise.
  if (encoding.source == EncodingSource::kBinary) {
    const ByteCounts counts = count_bytes(head);
    return Status{ErrorCode::kNotText, in.name() + ": binary data, not text: " + std::to_string(counts.control) +
                                           " of its first " + std::to_string(counts.bytes) +
                                           " bytes are control bytes (--encoding NAME reads it as text anyway)"};
  }
  // Later stages read the encoding decided here, with no second guess.
  CleanOptions decided = options;
  decided.encoding = encoding.name;
  InputKind kind = options.kind;
  if (kind == InputKind::kAuto) {
    std::string storage;
    kind = detect_input_kind(encoding.is_utf8() ? std::string_view(head) : decode_document(head, encoding, &storage));
  }

  if (kind == InputKind::kHtml) {
    // HTML is parsed whole, so it is held whole: up to the limit.
    while (true) {
      if (head.size() > options.limits.max_document_bytes) {
        return Status{ErrorCode::kTooLarge, in.name() + ": HTML document larger than " +
                                                std::to_string(options.limits.max_document_bytes) +
                                                " bytes, not cleaned (--max-document-bytes)"};
      }
      std::string_view chunk;
      if (Status s = in.next_chunk(&chunk); !s.ok()) return s;
      if (chunk.empty()) break;
      head.append(chunk);
    }
    CleanOptions html = decided;
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

  CleanOptions text = decided;
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
  if (format == OutputFormat::kJson) out << "\n],\"encoding\":" << json_quote(stream.encoding()) << "}\n";
  figures->encoding = stream.encoding();
  figures->limits_hit = stream.limits_hit();
  return {};
}

}  // namespace winnow
