// JSONL records. Entry points: clean_jsonl_record, clean_jsonl_stream. Tested by
// tests/jsonl_records_test.cpp.
#include "jsonl_records.h"

#include <nlohmann/json.hpp>
#include <vector>

#include "parallel_for.h"
#include "utf8.h"

namespace winnow {
namespace {

using Json = nlohmann::ordered_json;  // keeps the fields in the order they came

// Records cleaned together between two writes: enough to keep every thread busy, few enough that
// memory stays bounded whatever the stream's length.
constexpr std::size_t kBatchRecords = 256;
constexpr std::size_t kBatchBytes = 16 << 20;
// How much of a record too long to clean goes to the errors file, to show which one it was.
constexpr std::size_t kErrorInputBytes = 1024;

// Records nested deeper than this are refused: the JSON library writes (and frees) nested values
// recursively, so a line of 300,000 brackets would overflow the stack.
constexpr int kMaxNesting = 512;

// The deepest nesting of arrays and objects in a line of JSON, strings skipped.
int nesting_depth(std::string_view line) {
  int depth = 0;
  int deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return deepest;
}

bool is_blank(std::string_view line) { return line.find_first_not_of(" \t\r") == std::string_view::npos; }

}  // namespace

Status clean_jsonl_record(std::string_view line, const JsonlOptions& options, std::string* out,
                          CleanFigures* figures) {
  if (nesting_depth(line) > kMaxNesting) {
    return Status{ErrorCode::kUsage, "nested deeper than " + std::to_string(kMaxNesting) + " levels"};
  }
  Json record = Json::parse(line.begin(), line.end(), nullptr, /*allow_exceptions=*/false);
  if (record.is_discarded()) {
    // Parse again with exceptions for the parser's own account of where it failed.
    try {
      const Json again = Json::parse(line.begin(), line.end());
      (void)again;
    } catch (const Json::exception& e) {  // parse_error, and out_of_range for a number like 1e999
      std::string what = e.what();
      const std::size_t colon = what.find("parse error");
      // The parser quotes the bytes it stopped at, raw: they may be invalid UTF-8 or controls.
      return Status{ErrorCode::kUsage,
                    "not valid JSON: " + utf8::printable(colon == std::string::npos ? what : what.substr(colon), 200)};
    }
    return Status{ErrorCode::kUsage, "not valid JSON"};
  }
  if (!record.is_object()) return Status{ErrorCode::kUsage, "not a JSON object"};

  std::string field = options.input_field;
  InputKind kind = options.clean.kind;
  if (field.empty()) {
    field = record.contains("html") ? "html" : "text";
    if (kind == InputKind::kAuto) kind = field == "html" ? InputKind::kHtml : InputKind::kText;
  }
  const auto found = record.find(field);
  if (found == record.end()) {
    return Status{ErrorCode::kUsage, options.input_field.empty() ? "has neither an \"html\" nor a \"text\" field"
                                                                 : "has no \"" + field + "\" field"};
  }
  if (!found->is_string()) return Status{ErrorCode::kUsage, "field \"" + field + "\" is not a string"};

  CleanOptions clean_options = options.clean;
  clean_options.kind = kind;
  const std::string& input = found->get_ref<const std::string&>();
  const CleanResult result = clean(input, clean_options);
  std::string text = kept_text(result);
  if (!text.empty()) text.pop_back();  // the final newline: a field holds lines, not a file
  *figures = figures_of(result, input.size());
  figures->bytes_out = text.size();
  if (field != options.output_field && !options.keep_input) record.erase(field);
  record[options.output_field] = std::move(text);
  *out = record.dump(-1, ' ', false, Json::error_handler_t::replace);
  return {};
}

Status clean_jsonl_stream(InputStream& in, const JsonlOptions& options, int threads, std::ostream& out,
                          const JsonlSinks& sinks, CleanFigures* total, const std::atomic<bool>* stop) {
  struct Slot {
    std::uint64_t line = 0;
    std::string input;
    std::string output;
    Status status;
    CleanFigures figures;
  };
  std::vector<Slot> batch;
  std::uint64_t line_number = 0;
  bool done = false;
  Status read_status;
  while (!done && (stop == nullptr || !stop->load())) {
    batch.clear();
    std::size_t bytes = 0;
    while (batch.size() < kBatchRecords && bytes < kBatchBytes) {
      std::string line;
      bool too_long = false;
      const std::uint64_t max_bytes = options.clean.limits.max_document_bytes;
      read_status = in.read_line(&line, &done, static_cast<std::size_t>(max_bytes), &too_long);
      if (!read_status.ok()) {
        done = true;
        break;
      }
      if (done) break;
      ++line_number;
      if (too_long) {  // read past, not held: its start goes to the errors file
        line.resize(std::min<std::size_t>(line.size(), kErrorInputBytes));
        batch.push_back(Slot{line_number, std::move(line), {},
                             Status{ErrorCode::kTooLarge, "record longer than " + std::to_string(max_bytes) +
                                                              " bytes, not cleaned (--max-document-bytes)"},
                             {}});
        continue;
      }
      if (is_blank(line)) continue;
      bytes += line.size();
      batch.push_back(Slot{line_number, std::move(line), {}, {}, {}});
    }
    parallel_for(batch.size(), threads, [&](std::size_t i) {
      Slot& slot = batch[i];
      if (!slot.status.ok()) return;
      slot.status = clean_jsonl_record(slot.input, options, &slot.output, &slot.figures);
    });
    for (Slot& slot : batch) {
      if (!slot.status.ok()) {
        sinks.on_error(RecordError{slot.line, slot.status.message, std::move(slot.input)});
        continue;
      }
      out << slot.output << '\n';
      total->add(slot.figures);
      if (sinks.on_document) sinks.on_document(slot.line, slot.figures);
    }
  }
  return read_status;
}

}  // namespace winnow
