// Batch cleaning: every file the walk finds, on N worker threads, each output written whole or not
// at all. Entry point: run_batch. Tested by tests/batch_runner_test.cpp and, as a process, by
// tests/batch_cli_test.cpp.
//
// The runner computes and writes outputs; it never prints. Progress, per-file errors and the
// summary go to the caller's sinks, so the CLI decides what a person sees. Errors are also
// appended, one JSON object per line, to OUT/winnow-errors.jsonl as they happen, so they outlive a
// crash; a rerun appends its own.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <string>

#include "batch_walk.h"
#include "clean_stream.h"
#include "jsonl_records.h"

namespace winnow {

struct BatchOptions {
  WalkOptions walk;
  JsonlOptions records;  // fields of JSONL records, and the cleaning options for every document
  int threads = 1;
  bool force = false;    // also redo outputs newer than their inputs
  std::filesystem::path per_document_path;  // when set: one JSON line of figures per document
};

// A file, or one record of it, that could not be cleaned.
struct BatchError {
  std::string path;
  std::uint64_t line = 0;  // a JSONL record's line, else 0
  std::string message;
  std::string input;       // a bad JSONL line as it was
};

struct BatchProgress {
  std::uint64_t files_total = 0;
  std::uint64_t bytes_total = 0;
  std::uint64_t files_done = 0;  // cleaned, failed or up to date
  std::uint64_t bytes_done = 0;
  std::uint64_t documents = 0;
  double seconds = 0;
};

struct BatchSummary {
  BatchProgress progress;
  std::uint64_t files_cleaned = 0;
  std::uint64_t files_up_to_date = 0;
  std::uint64_t files_failed = 0;
  std::uint64_t record_errors = 0;  // bad JSONL lines
  CleanFigures figures;
  std::map<std::string, std::uint64_t> skipped_records;  // WARC records passed over, by reason
  std::uint64_t notices = 0;  // links not followed
  bool interrupted = false;
  bool errors_file_failed = false;  // OUT/winnow-errors.jsonl could not be written (stderr has them)
  bool any_error() const { return files_failed > 0 || record_errors > 0; }
};

struct BatchSinks {
  std::function<void(const BatchError&)> on_error;     // from any worker, one call at a time
  std::function<void(const WalkNotice&)> on_notice;    // likewise
  std::function<void(const BatchProgress&)> on_progress;  // from the calling thread, every interval
};

// Checks the inputs, counts what there is to do, then cleans it. Returns a usage error (and does
// nothing) when the inputs cannot be batched; otherwise fills `summary`. Stops taking new files
// once `stop` is set (files in progress are finished or abandoned whole).
Status run_batch(const BatchOptions& options, const BatchSinks& sinks, const std::atomic<bool>* stop,
                 BatchSummary* summary);

}  // namespace winnow
