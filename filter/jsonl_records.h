// JSONL records: one JSON object per line, the corpus format of most pipelines. Entry points:
// clean_jsonl_record (one line) and clean_jsonl_stream (a whole stream, in order, on N threads).
// Tested by tests/jsonl_records_test.cpp.
//
// A record keeps every field it came with, in its order, untouched; the cleaned text goes into the
// output field. A line that is not a JSON object with a string in the input field is never dropped
// silently: it goes to the caller's error sink with its line number and text.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>

#include "clean_stream.h"
#include "input_stream.h"
#include "winnow/winnow.h"

namespace winnow {

struct JsonlOptions {
  std::string input_field;            // empty: "html" where the object has it, else "text"
  std::string output_field = "text";  // where the cleaned text goes
  bool keep_input = false;            // keep the input field when it is not the output field
  CleanOptions clean;                 // kind kAuto: html from an "html" field, text from "text"
};

// A line that could not be cleaned: its number (from 1), why, and the line itself.
struct RecordError {
  std::uint64_t line = 0;
  std::string message;
  std::string input;
};

// Cleans the record on one line into `out` (one line of JSON, no newline).
Status clean_jsonl_record(std::string_view line, const JsonlOptions& options, std::string* out,
                          CleanFigures* figures);

struct JsonlSinks {
  std::function<void(const RecordError&)> on_error;                          // required
  std::function<void(std::uint64_t line, const CleanFigures&)> on_document;  // optional
};

// Cleans every record of `in` into `out`, one line each, in input order, on `threads` threads.
// Lines of white space only are no records and are passed over. Returns a read error of `in`
// (records before it are written); stops between batches of records when `stop` becomes true.
Status clean_jsonl_stream(InputStream& in, const JsonlOptions& options, int threads, std::ostream& out,
                          const JsonlSinks& sinks, CleanFigures* total, const std::atomic<bool>* stop = nullptr);

}  // namespace winnow
