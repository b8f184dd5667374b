// The batch command (winnow batch IN... -o OUT): the options, the signal that stops a run, and what
// a person sees of it: a progress line on a terminal, errors as they come, a summary at the end.
// The work is run_batch's (filter/batch_runner.h).
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <mutex>
#include <thread>

#include "atomic_output.h"
#include "batch_runner.h"
#include "commands.h"
#include "writers.h"

namespace winnow::cli {
namespace {

constexpr double kMegabyte = 1e6;

// Set by SIGINT or SIGTERM; the run stops taking files and ends with what it finished. A second
// signal ends the process at once (the handler restores the default).
std::atomic<bool> g_stop_requested{false};  // the one mutable global: a signal handler needs it
static_assert(std::atomic<bool>::is_always_lock_free);

void request_stop(int signal_number) {
  g_stop_requested.store(true);
  std::signal(signal_number, SIG_DFL);
}

std::string format_duration(double seconds) {
  const long total = static_cast<long>(seconds + 0.5);
  char buffer[32];
  if (total >= 3600) {
    std::snprintf(buffer, sizeof buffer, "%ld:%02ld:%02ld", total / 3600, total / 60 % 60, total % 60);
  } else {
    std::snprintf(buffer, sizeof buffer, "%ld:%02ld", total / 60, total % 60);
  }
  return buffer;
}

// Bytes for people: "812 B", "3.4 kB", "12.1 MB", "1.35 GB".
std::string format_bytes(std::uint64_t bytes) {
  char buffer[32];
  const double b = static_cast<double>(bytes);
  if (bytes < 1000) {
    std::snprintf(buffer, sizeof buffer, "%llu B", static_cast<unsigned long long>(bytes));
  } else if (b < 1e6) {
    std::snprintf(buffer, sizeof buffer, "%.1f kB", b / 1e3);
  } else if (b < 1e9) {
    std::snprintf(buffer, sizeof buffer, "%.1f MB", b / 1e6);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.2f GB", b / 1e9);
  }
  return buffer;
}

std::string progress_line(const BatchProgress& p) {
  const double rate = p.seconds > 0 ? static_cast<double>(p.bytes_done) / p.seconds : 0.0;
  const double docs_rate = p.seconds > 0 ? static_cast<double>(p.documents) / p.seconds : 0.0;
  std::string eta = "-";
  if (rate > 0 && p.bytes_total >= p.bytes_done) eta = format_duration(static_cast<double>(p.bytes_total - p.bytes_done) / rate);
  char buffer[256];
  std::snprintf(buffer, sizeof buffer, "winnow: %llu/%llu files, %s of %s, %.0f docs/s, %.1f MB/s, %s elapsed, ETA %s",
                static_cast<unsigned long long>(p.files_done), static_cast<unsigned long long>(p.files_total),
                format_bytes(p.bytes_done).c_str(), format_bytes(p.bytes_total).c_str(), docs_rate, rate / kMegabyte,
                format_duration(p.seconds).c_str(), eta.c_str());
  return buffer;
}

std::string summary_json_fields(const BatchSummary& s) {
  const double seconds = std::max(s.progress.seconds, 1e-9);
  std::string out;
  auto field = [&out](const std::string& name, const std::string& value) {
    out += (out.empty() ? "" : ",") + json_quote(name) + ":" + value;
  };
  auto number = [](double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.4g", v);
    return std::string(buffer);
  };
  field("files", std::to_string(s.progress.files_total));
  field("files_cleaned", std::to_string(s.files_cleaned));
  field("files_up_to_date", std::to_string(s.files_up_to_date));
  field("files_failed", std::to_string(s.files_failed));
  field("record_errors", std::to_string(s.record_errors));
  field("documents", std::to_string(s.figures.documents));
  field("bytes_in", std::to_string(s.figures.bytes_in));
  field("bytes_out", std::to_string(s.figures.bytes_out));
  field("blocks", std::to_string(s.figures.blocks));
  field("kept_blocks", std::to_string(s.figures.kept_blocks));
  field("kept_share", number(s.figures.kept_share()));
  field("seconds", number(s.progress.seconds));
  field("docs_per_second", number(static_cast<double>(s.figures.documents) / seconds));
  field("mb_per_second", number(static_cast<double>(s.figures.bytes_in) / kMegabyte / seconds));
  std::string skipped = "{";
  for (const auto& [reason, count] : s.skipped_records) {
    skipped += (skipped.size() > 1 ? "," : "") + json_quote(reason) + ":" + std::to_string(count);
  }
  field("skipped_records", skipped + "}");
  field("links_not_followed", std::to_string(s.notices));
  field("interrupted", s.interrupted ? "true" : "false");
  return out;
}

void print_summary(const BatchSummary& s, const std::string& out_dir) {
  const double seconds = std::max(s.progress.seconds, 1e-9);
  std::fprintf(stderr,
               "winnow: %llu files: %llu cleaned, %llu up to date, %llu failed; %llu documents, %s in, %s out, "
               "%.1f%% of the text kept; %s, %.0f docs/s, %.1f MB/s\n",
               static_cast<unsigned long long>(s.progress.files_total), static_cast<unsigned long long>(s.files_cleaned),
               static_cast<unsigned long long>(s.files_up_to_date), static_cast<unsigned long long>(s.files_failed),
               static_cast<unsigned long long>(s.figures.documents), format_bytes(s.figures.bytes_in).c_str(),
               format_bytes(s.figures.bytes_out).c_str(), 100.0 * s.figures.kept_share(),
               format_duration(s.progress.seconds).c_str(), static_cast<double>(s.figures.documents) / seconds,
               static_cast<double>(s.figures.bytes_in) / kMegabyte / seconds);
  for (const auto& [reason, count] : s.skipped_records) {
    std::fprintf(stderr, "winnow: %llu WARC record%s passed over: %s\n", static_cast<unsigned long long>(count),
                 count == 1 ? "" : "s", reason.c_str());
  }
  if (s.record_errors > 0) {
    std::fprintf(stderr, "winnow: %llu JSONL lines could not be cleaned\n", static_cast<unsigned long long>(s.record_errors));
  }
  const std::string errors_file = (std::filesystem::path(out_dir) / kErrorsFileName).string();
  if (s.errors_file_failed) {
    std::fprintf(stderr, "winnow: %s could not be written; the errors above are the only record\n", errors_file.c_str());
  } else if (s.any_error()) {
    std::fprintf(stderr, "winnow: every error is listed in %s\n", errors_file.c_str());
  }
  if (s.interrupted) std::fprintf(stderr, "winnow: interrupted; run the same command again to finish\n");
}

}  // namespace

int thread_count(int requested) {
  if (requested > 0) return requested;
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

void add_record_options(CLI::App& app, RecordFieldOptions& options) {
  app.add_flag("--jsonl", options.jsonl,
               "Input is JSON Lines: clean one field of every object, write the object back with the cleaned text");
  app.add_option("--field", options.field,
                 "With --jsonl: the field to clean (default: \"html\" where the object has it, else \"text\")");
  app.add_option("--output-field", options.output_field, "With --jsonl: the field the cleaned text goes to")
      ->capture_default_str();
  app.add_flag("--keep-input", options.keep_input,
               "With --jsonl: keep the input field in the output (by default it is dropped when it is not the output "
               "field)");
}

bool write_stats_file(const std::string& path, const std::string& summary_fields, const std::string& per_document_path) {
  AtomicOutput out;
  Status status = out.open(path);
  if (status.ok()) {
    out.stream() << "{" << summary_fields;
    if (!per_document_path.empty()) {
      out.stream() << ",\"documents_detail\":[";
      std::ifstream lines(per_document_path, std::ios::binary);
      bool first = true;
      for (std::string line; std::getline(lines, line);) {
        out.stream() << (first ? "\n" : ",\n") << line;
        first = false;
      }
      out.stream() << "\n]";
    }
    out.stream() << "}\n";
    status = out.commit();
  }
  std::error_code ignored;
  if (!per_document_path.empty()) std::filesystem::remove(per_document_path, ignored);
  if (!status.ok()) std::cerr << "winnow: --stats: " << status.message << "\n";
  return status.ok();
}

CLI::App* setup_batch(CLI::App& app, BatchCommand& options) {
  CLI::App* sub = app.add_subcommand(
      "batch",
      "Clean every .html/.htm/.txt file (also .gz and .zst) under the inputs into OUT, mirroring the tree:\n"
      "dir/page.html becomes OUT/dir/page.txt. With --jsonl, .jsonl/.ndjson files instead; .warc and .warc.gz\n"
      "files become JSONL of their HTML responses. Outputs newer than their inputs are skipped, so an\n"
      "interrupted run resumes; errors go to stderr and OUT/winnow-errors.jsonl and the run goes on.");
  sub->add_option("IN", options.inputs, "Input files and directories")->required();
  sub->add_option("-o,--output", options.output_dir, "Output directory (created; must lie outside every input)")
      ->required();
  sub->add_option("-j,--jobs", options.threads, "Worker threads (default: all cores); outputs are the same for any")
      ->check(CLI::NonNegativeNumber);
  sub->add_option("--include", options.include,
                  "Take only files matching GLOB (any extension; e.g. '*.php'); a GLOB with '/' matches the path "
                  "below the input (repeat the option for more)")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  sub->add_option("--exclude", options.exclude, "Pass over files and directories matching GLOB (repeatable)")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  sub->add_option("--input-format", options.input_format, "auto (detect), html or text")
      ->check(CLI::IsMember({"auto", "html", "text"}))
      ->capture_default_str();
  sub->add_option("--output-format", options.output_format,
                  "Of page outputs: text (.txt, the kept blocks) or json (.json, every block)")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  add_record_options(*sub, options.records);
  sub->add_flag("--force", options.force, "Clean every file again, even where the output is newer than the input");
  sub->add_flag("-q,--quiet", options.quiet, "No progress line and no summary (errors are still printed)");
  sub->add_flag("--follow-symlinks", options.follow_symlinks,
                "Follow links to directories and links out of the input tree (by default, only links to files "
                "inside it)");
  sub->add_option("--stats", options.stats_path,
                  "Write the run's figures as JSON to FILE, with one entry per document (blocks, kept, bytes)");
  sub->add_option("--model", options.model_path, "Model file written by 'winnow train' (default: built in)");
  add_read_options(*sub, options.read);
  return sub;
}

int run_batch_command(const BatchCommand& options) {
  std::shared_ptr<const Model> holder;
  const Model* model = model_from_option(options.model_path, holder);
  if (model == nullptr) return kExitUsage;
  if (!options.records.jsonl && (!options.records.field.empty() || options.records.keep_input)) {
    std::cerr << "winnow batch: --field and --keep-input need --jsonl\n";
    return kExitUsage;
  }

  BatchOptions batch;
  batch.walk.inputs = options.inputs;
  batch.walk.out_dir = options.output_dir;
  batch.walk.jsonl = options.records.jsonl;
  batch.walk.format = options.output_format == "json" ? OutputFormat::kJson : OutputFormat::kText;
  batch.walk.include = options.include;
  batch.walk.exclude = options.exclude;
  batch.walk.follow_symlinks = options.follow_symlinks;
  batch.records.input_field = options.records.field;
  batch.records.output_field = options.records.output_field;
  batch.records.keep_input = options.records.keep_input;
  batch.records.clean.kind = input_kind_from_name(options.input_format);
  batch.records.clean.model = model;
  if (!apply_read_options(options.read, &batch.records.clean)) return kExitUsage;
  batch.threads = thread_count(options.threads);
  batch.force = options.force;
  if (!options.stats_path.empty()) batch.per_document_path = options.stats_path + ".documents.partial";

  const bool show_progress = !options.quiet && isatty(STDERR_FILENO) == 1;
  std::mutex print_mutex;
  bool progress_shown = false;
  auto clear_progress = [&] {
    if (progress_shown) std::fputs("\r\033[K", stderr);
    progress_shown = false;
  };
  BatchSinks sinks;
  sinks.on_error = [&](const BatchError& error) {
    std::lock_guard lock(print_mutex);
    clear_progress();
    std::fprintf(stderr, "winnow: %s%s: %s\n", error.path.c_str(),
                 error.line > 0 ? (":" + std::to_string(error.line)).c_str() : "", error.message.c_str());
  };
  sinks.on_notice = [&](const WalkNotice& notice) {
    if (options.quiet) return;
    std::lock_guard lock(print_mutex);
    clear_progress();
    std::fprintf(stderr, "winnow: %s: %s\n", notice.path.c_str(), notice.reason.c_str());
  };
  if (show_progress) {
    sinks.on_progress = [&](const BatchProgress& progress) {
      std::lock_guard lock(print_mutex);
      std::fprintf(stderr, "\r%s\033[K", progress_line(progress).c_str());
      progress_shown = true;
    };
  }

  std::signal(SIGINT, request_stop);
  std::signal(SIGTERM, request_stop);
  BatchSummary summary;
  const Status status = run_batch(batch, sinks, &g_stop_requested, &summary);
  {
    std::lock_guard lock(print_mutex);
    clear_progress();
  }
  if (!status.ok()) {
    std::cerr << "winnow batch: " << status.message << "\n";
    std::error_code ignored;
    if (!batch.per_document_path.empty()) std::filesystem::remove(batch.per_document_path, ignored);
    return status.code == ErrorCode::kUsage ? kExitUsage : kExitFailure;
  }
  if (!options.quiet) print_summary(summary, options.output_dir);
  bool stats_written = true;
  if (!options.stats_path.empty()) {
    stats_written = write_stats_file(options.stats_path, summary_json_fields(summary), batch.per_document_path.string());
  }
  if (summary.interrupted) return kExitInterrupted;
  return summary.any_error() || !stats_written ? kExitFailure : kExitOk;
}

}  // namespace winnow::cli
