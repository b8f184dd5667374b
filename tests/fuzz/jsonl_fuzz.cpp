// libFuzzer target: one JSONL record (clean_jsonl_record, filter/jsonl_records.h). For any line it
// must return a status, never throw or crash; a record it cleans must come back as one line of
// JSON holding an object whose output field is text in POLICY.md's form (valid UTF-8, no empty
// line, no final newline inside a field). A refused line must say why. Each input is cleaned with
// the default options (field "html" or "text", kind from the field) and with the text field
// cleaned into another field, kind detected, input kept. Build and run: tests/fuzz/run_all.sh;
// json.dict guides it.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "fuzz_support.h"
#include "jsonl_records.h"

namespace {

void check(std::string_view line, const winnow::JsonlOptions& options) {
  std::string out;
  winnow::CleanFigures figures;
  const winnow::Status status = winnow::clean_jsonl_record(line, options, &out, &figures);
  if (!status.ok()) {
    if (status.message.empty()) winnow::fuzz::fail("a refused record without a message", line);
    return;
  }
  if (out.find('\n') != std::string::npos) winnow::fuzz::fail("output record spans lines", out);
  const auto record = nlohmann::json::parse(out, nullptr, /*allow_exceptions=*/false);
  if (record.is_discarded()) winnow::fuzz::fail("output record is not valid JSON", out);
  if (!record.is_object()) winnow::fuzz::fail("output record is not an object", out);
  const auto text = record.find(options.output_field);
  if (text == record.end() || !text->is_string()) winnow::fuzz::fail("output field missing or not a string", out);
  const std::string& cleaned = text->get_ref<const std::string&>();
  if (!winnow::fuzz::is_valid_utf8(cleaned)) winnow::fuzz::fail("cleaned text is not valid UTF-8", cleaned);
  if (cleaned.starts_with('\n') || cleaned.ends_with('\n') || cleaned.find("\n\n") != std::string::npos) {
    winnow::fuzz::fail("cleaned text has an empty line or a final newline", cleaned);
  }
  if (figures.documents != 1 || figures.bytes_out != cleaned.size()) winnow::fuzz::fail("figures disagree", out);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view line(reinterpret_cast<const char*>(data), size);
  check(line, winnow::JsonlOptions{});
  winnow::JsonlOptions other;
  other.input_field = "text";
  other.output_field = "clean";
  other.keep_input = true;
  check(line, other);
  return 0;
}
