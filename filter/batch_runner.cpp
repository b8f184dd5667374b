// Batch cleaning. Entry point: run_batch. Tested by tests/batch_runner_test.cpp and
// tests/batch_cli_test.cpp.
#include "batch_runner.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "atomic_output.h"
#include "input_stream.h"
#include "parallel_for.h"
#include "warc_reader.h"

namespace winnow {
namespace fs = std::filesystem;
namespace {

using Json = nlohmann::ordered_json;

// Files the walker may run ahead of the workers: enough to keep them fed, bounded so memory does
// not grow with the tree.
constexpr std::size_t kQueuedFilesPerWorker = 8;
constexpr auto kProgressInterval = std::chrono::milliseconds(250);
// Pages of a WARC file read ahead and cleaned together (see record_threads_).
constexpr std::size_t kWarcBatchPages = 64;
constexpr std::size_t kWarcBatchBytes = 64 << 20;

std::string dump(const Json& json) { return json.dump(-1, ' ', false, Json::error_handler_t::replace); }

// What cleaning one file came to.
struct FileOutcome {
  Status status;  // a failure of the whole file (nothing, or the records before it, written)
  bool up_to_date = false;
  bool abandoned = false;  // stopped before the end; nothing written
  CleanFigures figures;
  std::uint64_t record_errors = 0;
  std::map<std::string, std::uint64_t> skipped_records;
};

// Everything the workers share: the queue the walker fills, the sinks, and the files written for
// errors and per-document figures.
class Batch {
 public:
  Batch(const BatchOptions& options, const BatchSinks& sinks, const std::atomic<bool>* stop)
      : options_(options), sinks_(sinks), stop_(stop) {}

  Status run(BatchSummary* summary);

 private:
  bool stopping() const { return stop_ != nullptr && stop_->load(); }
  bool push(BatchItem&& item);
  bool pop(BatchItem* item);
  void work();
  FileOutcome clean_file(const BatchItem& item);
  Status clean_page(const BatchItem& item, AtomicOutput& out, FileOutcome& outcome);
  Status clean_records(const BatchItem& item, AtomicOutput& out, FileOutcome& outcome);
  Status clean_warc(const BatchItem& item, AtomicOutput& out, FileOutcome& outcome);
  void report(const BatchError& error);
  void record_document(const BatchItem& item, const Json& where, const CleanFigures& figures);

  const BatchOptions& options_;
  const BatchSinks& sinks_;
  const std::atomic<bool>* stop_;

  std::mutex queue_mutex_;
  std::condition_variable queue_changed_;
  std::deque<BatchItem> queue_;
  bool walk_done_ = false;

  std::mutex report_mutex_;  // errors, notices and the per-document file
  std::ofstream errors_file_;
  std::ofstream documents_file_;

  std::mutex summary_mutex_;
  BatchSummary summary_;
  std::atomic<std::uint64_t> files_done_{0};
  std::atomic<std::uint64_t> bytes_done_{0};
  std::atomic<std::uint64_t> documents_{0};
  std::atomic<int> workers_running_{0};
  // Threads that clean the records of one JSONL or WARC file. With fewer such files than workers
  // (one big crawl file, say), a file's records are cleaned in parallel, so every core works;
  // with more, each file has one thread and the workers share the files.
  int record_threads_ = 1;
};

bool Batch::push(BatchItem&& item) {
  std::unique_lock lock(queue_mutex_);
  const std::size_t capacity = kQueuedFilesPerWorker * static_cast<std::size_t>(options_.threads);
  // Waits in intervals: a stop comes from a signal handler, which cannot notify.
  while (queue_.size() >= capacity && !stopping()) queue_changed_.wait_for(lock, kProgressInterval);
  if (stopping()) return false;
  queue_.push_back(std::move(item));
  queue_changed_.notify_all();
  return true;
}

bool Batch::pop(BatchItem* item) {
  std::unique_lock lock(queue_mutex_);
  while (queue_.empty() && !walk_done_ && !stopping()) queue_changed_.wait_for(lock, kProgressInterval);
  if (queue_.empty() || stopping()) return false;
  *item = std::move(queue_.front());
  queue_.pop_front();
  queue_changed_.notify_all();
  return true;
}

void Batch::report(const BatchError& error) {
  std::lock_guard lock(report_mutex_);
  if (!errors_file_.is_open()) {
    errors_file_.open(options_.walk.out_dir / kErrorsFileName, std::ios::binary | std::ios::app);
  }
  Json line;
  line["path"] = error.path;
  if (error.line > 0) line["line"] = error.line;
  line["error"] = error.message;
  if (!error.input.empty()) line["input"] = error.input;
  errors_file_ << dump(line) << '\n';
  errors_file_.flush();
  if (!errors_file_) {
    std::lock_guard summary_lock(summary_mutex_);
    summary_.errors_file_failed = true;
  }
  if (sinks_.on_error) sinks_.on_error(error);
}

void Batch::record_document(const BatchItem& item, const Json& where, const CleanFigures& figures) {
  documents_ += 1;
  if (options_.per_document_path.empty()) return;
  Json line;
  line["path"] = item.shown;
  for (const auto& [key, value] : where.items()) line[key] = value;
  line["blocks"] = figures.blocks;
  line["kept"] = figures.kept_blocks;
  line["bytes_in"] = figures.bytes_in;
  line["bytes_out"] = figures.bytes_out;
  std::lock_guard lock(report_mutex_);
  documents_file_ << dump(line) << '\n';
}

Status Batch::clean_page(const BatchItem& item, AtomicOutput& out, FileOutcome& outcome) {
  std::unique_ptr<InputStream> in;
  if (Status s = InputStream::open(item.input.string(), &in); !s.ok()) return s;
  CleanFigures figures;
  if (Status s = clean_stream(*in, options_.records.clean, options_.walk.format, out.stream(), &figures); !s.ok()) {
    return s;
  }
  figures.bytes_out = out.bytes_written();
  outcome.figures = figures;
  if (const std::string notice = limits_notice(figures.limits_hit, options_.records.clean.limits); !notice.empty()) {
    std::lock_guard lock(report_mutex_);
    if (sinks_.on_notice) sinks_.on_notice(WalkNotice{item.shown, notice, false});
  }
  record_document(item, Json::object(), figures);
  return {};
}

Status Batch::clean_records(const BatchItem& item, AtomicOutput& out, FileOutcome& outcome) {
  std::unique_ptr<InputStream> in;
  if (Status s = InputStream::open(item.input.string(), &in); !s.ok()) return s;
  JsonlSinks sinks;
  sinks.on_error = [&](const RecordError& error) {
    ++outcome.record_errors;
    report(BatchError{item.shown, error.line, error.message, error.input});
  };
  sinks.on_document = [&](std::uint64_t line, const CleanFigures& figures) {
    record_document(item, Json{{"line", line}}, figures);
  };
  return clean_jsonl_stream(*in, options_.records, record_threads_, out.stream(), sinks, &outcome.figures, stop_);
}

Status Batch::clean_warc(const BatchItem& item, AtomicOutput& out, FileOutcome& outcome) {
  std::unique_ptr<InputStream> in;
  if (Status s = InputStream::open(item.input.string(), &in); !s.ok()) return s;
  WarcReader reader(*in);
  CleanOptions html = options_.records.clean;
  html.kind = InputKind::kHtml;
  // A page of the file, read in order, cleaned on any thread, written in order.
  struct Page {
    std::string uri, record_id, date;
    std::string html;
    std::string charset;  // from the response's Content-Type
    std::string line;  // the JSON line written for it
    CleanFigures figures;
  };
  std::vector<Page> batch;
  bool done = false;
  while (!done && !stopping()) {
    batch.clear();
    std::size_t bytes = 0;
    while (batch.size() < kWarcBatchPages && bytes < kWarcBatchBytes) {
      WarcRecord record;
      if (Status s = reader.next(&record, &done); !s.ok()) return s;
      if (done) break;
      ResponsePage page = html_of_response(record);
      if (!page.skip_reason.empty()) {
        ++outcome.skipped_records[page.skip_reason];
        continue;
      }
      bytes += page.html.size();
      batch.push_back(Page{std::move(record.target_uri), std::move(record.record_id), std::move(record.date),
                           std::move(page.html), std::move(page.charset), {}, {}});
    }
    parallel_for(batch.size(), record_threads_, [&](std::size_t i) {
      Page& page = batch[i];
      CleanOptions options = html;
      options.transport_encoding = page.charset;
      const CleanResult result = clean(page.html, options);
      std::string text = kept_text(result);
      if (!text.empty()) text.pop_back();
      page.figures = figures_of(result, page.html.size());
      page.figures.bytes_out = text.size();
      Json line;
      line["url"] = page.uri;
      line["record_id"] = page.record_id;
      line["date"] = page.date;
      line[options_.records.output_field] = std::move(text);
      page.line = dump(line);
    });
    for (const Page& page : batch) {
      out.stream() << page.line << '\n';
      outcome.figures.add(page.figures);
      record_document(item, Json{{"record_id", page.record_id}}, page.figures);
    }
  }
  return {};
}

FileOutcome Batch::clean_file(const BatchItem& item) {
  FileOutcome outcome;
  // The input's time is taken before it is read and given to the output, so an input that changes
  // while (or after) it is cleaned no longer matches its output and is cleaned again next run.
  std::error_code error;
  const auto input_time = fs::last_write_time(item.input, error);
  if (error) {
    outcome.status = Status{ErrorCode::kIo, "cannot read its time: " + error.message()};
    return outcome;
  }
  if (!options_.force && fs::exists(item.output, error)) {
    const auto output_time = fs::last_write_time(item.output, error);
    if (!error && output_time == input_time) {
      outcome.up_to_date = true;
      return outcome;
    }
  }
  AtomicOutput out;
  if (Status s = out.open(item.output); !s.ok()) {
    outcome.status = s;
    return outcome;
  }
  Status cleaned;
  switch (item.kind) {
    case BatchItemKind::kPage: cleaned = clean_page(item, out, outcome); break;
    case BatchItemKind::kJsonl: cleaned = clean_records(item, out, outcome); break;
    case BatchItemKind::kWarc: cleaned = clean_warc(item, out, outcome); break;
  }
  if (stopping()) {  // cut short: the output would be partial, so there is none
    outcome.abandoned = true;
    return outcome;
  }
  // A file that cannot be read to its end gets no output, so the next run tries it again and
  // reports it again, rather than taking a partial output for a finished one.
  if (!cleaned.ok()) {
    outcome.status = cleaned;
    return outcome;
  }
  if (item.kind != BatchItemKind::kPage) outcome.figures.bytes_out = out.bytes_written();
  if (Status s = out.commit(); !s.ok()) {
    outcome.status = s;
    return outcome;
  }
  fs::last_write_time(item.output, input_time, error);
  if (error) outcome.status = Status{ErrorCode::kIo, item.output.string() + ": cannot set its time: " + error.message()};
  return outcome;
}

void Batch::work() {
  BatchItem item;
  while (pop(&item)) {
    FileOutcome outcome = clean_file(item);
    if (outcome.abandoned) break;
    if (!outcome.status.ok()) {
      std::string message = outcome.status.message;
      // Messages from the readers start with the path; the error record has it apart.
      const std::string prefix = item.input.string() + ": ";
      if (message.starts_with(prefix)) message.erase(0, prefix.size());
      report(BatchError{item.shown, 0, message, {}});
    }
    {
      std::lock_guard lock(summary_mutex_);
      if (outcome.up_to_date) {
        ++summary_.files_up_to_date;
      } else if (!outcome.status.ok()) {
        ++summary_.files_failed;
      } else {
        ++summary_.files_cleaned;
      }
      summary_.record_errors += outcome.record_errors;
      if (outcome.status.ok()) {  // a failed file has no output, so its documents are not counted
        summary_.figures.add(outcome.figures);
        for (const auto& [reason, count] : outcome.skipped_records) summary_.skipped_records[reason] += count;
      }
    }
    bytes_done_ += item.size;
    files_done_ += 1;
  }
}

Status Batch::run(BatchSummary* summary) {
  const auto start = std::chrono::steady_clock::now();
  const WalkOptions& walk = options_.walk;
  if (Status s = check_batch_inputs(walk); !s.ok()) return s;

  // A first walk counts the work for the progress line and finds outputs that would collide,
  // before anything is written.
  BatchProgress totals;
  std::uint64_t record_files = 0;
  Status counted = walk_batch_inputs(
      walk,
      [&](BatchItem&& item) {
        ++totals.files_total;
        totals.bytes_total += item.size;
        record_files += item.kind == BatchItemKind::kPage ? 0 : 1;
        return !stopping();
      },
      [](const WalkNotice&) {});
  if (!counted.ok()) return counted;
  record_threads_ = record_files < static_cast<std::uint64_t>(options_.threads) ? options_.threads : 1;

  std::error_code error;
  fs::create_directories(walk.out_dir, error);
  if (error) return Status{ErrorCode::kIo, walk.out_dir.string() + ": cannot create: " + error.message()};
  if (!options_.per_document_path.empty()) {
    documents_file_.open(options_.per_document_path, std::ios::binary | std::ios::trunc);
    if (!documents_file_) return Status{ErrorCode::kIo, options_.per_document_path.string() + ": cannot create"};
  }

  std::thread walker([&] {
    const Status walked = walk_batch_inputs(
        walk, [&](BatchItem&& item) { return push(std::move(item)); },
        [&](const WalkNotice& notice) {
          if (notice.is_error) {
            report(BatchError{notice.path, 0, notice.reason, {}});
          } else {
            std::lock_guard lock(report_mutex_);
            if (sinks_.on_notice) sinks_.on_notice(notice);
          }
          std::lock_guard lock(summary_mutex_);
          ++(notice.is_error ? summary_.files_failed : summary_.notices);
        });
    if (!walked.ok()) {  // the tree changed between the two walks
      report(BatchError{walk.out_dir.string(), 0, "the inputs changed during the run: " + walked.message, {}});
      std::lock_guard lock(summary_mutex_);
      ++summary_.files_failed;
    }
    std::lock_guard lock(queue_mutex_);
    walk_done_ = true;
    queue_changed_.notify_all();
  });
  std::vector<std::thread> workers;
  workers_running_ = options_.threads;
  for (int t = 0; t < options_.threads; ++t) {
    workers.emplace_back([this] {
      work();
      --workers_running_;
    });
  }

  auto snapshot = [&] {
    BatchProgress progress = totals;
    progress.files_done = files_done_.load();
    progress.bytes_done = bytes_done_.load();
    progress.documents = documents_.load();
    progress.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return progress;
  };
  auto last_report = std::chrono::steady_clock::now();
  while (workers_running_.load() > 0) {
    std::this_thread::sleep_for(kProgressInterval / 5);
    if (sinks_.on_progress && std::chrono::steady_clock::now() - last_report >= kProgressInterval) {
      sinks_.on_progress(snapshot());
      last_report = std::chrono::steady_clock::now();
    }
  }
  walker.join();
  for (std::thread& worker : workers) worker.join();
  documents_file_.close();

  summary_.progress = snapshot();
  summary_.interrupted = stopping();
  *summary = summary_;
  return {};
}

}  // namespace

Status run_batch(const BatchOptions& options, const BatchSinks& sinks, const std::atomic<bool>* stop,
                 BatchSummary* summary) {
  BatchOptions fitted = options;
  fitted.threads = std::max(1, options.threads);
  Batch batch(fitted, sinks, stop);
  return batch.run(summary);
}

}  // namespace winnow
