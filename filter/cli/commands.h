// The CLI's commands. Each has one options struct, one setup function that declares its flags on a
// CLI11 app (parsing and validation only), and one run function that builds the objects and does
// the work. main.cpp only dispatches.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <vector>

#include "jsonl_records.h"
#include "train.h"

#include "winnow/winnow.h"

namespace winnow::cli {

using winnow::InputKind;
using winnow::Model;

// Exit codes, decided once at the end of a command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;  // a quality regression, or work that failed
inline constexpr int kExitUsage = 2;    // bad usage or unreadable input

inline constexpr int kExitInterrupted = 130;  // stopped by Ctrl-C (SIGINT) or SIGTERM

// How JSONL records are read and written, for `winnow --jsonl` and `winnow batch --jsonl`.
struct RecordFieldOptions {
  bool jsonl = false;
  std::string field;  // empty: "html" where the object has it, else "text"
  std::string output_field = "text";
  bool keep_input = false;
};
void add_record_options(CLI::App& app, RecordFieldOptions& options);

// How documents are read: --encoding and the limits (README "Limits"), for clean, explain and
// batch.
struct ReadOptions {
  std::string encoding;  // empty: detect
  Limits limits;
};
void add_read_options(CLI::App& app, ReadOptions& options);
// Copies them into `clean`. Prints the error and returns false when ICU knows no such encoding.
bool apply_read_options(const ReadOptions& options, CleanOptions* clean);
// The exit code for a document that could not be cleaned: 1 for input that is binary or over a
// limit (work that failed), 2 for usage and unreadable input.
int exit_code_of(const Status& status);

struct CleanCommand {
  std::string file;  // empty or "-": stdin
  std::string input_format = "auto";
  std::string output_format = "text";
  std::string model_path;
  RecordFieldOptions records;
  int threads = 0;           // --jsonl only; 0: all cores
  std::string stats_path;    // --jsonl only
  std::string errors_path;   // --jsonl only: bad lines as JSON, besides stderr
  ReadOptions read;
};
void setup_clean(CLI::App& app, CleanCommand& options);
int run_clean(const CleanCommand& options);

struct BatchCommand {
  std::vector<std::string> inputs;
  std::string output_dir;
  std::vector<std::string> include;
  std::vector<std::string> exclude;
  std::string input_format = "auto";
  std::string output_format = "text";
  std::string model_path;
  RecordFieldOptions records;
  int threads = 0;  // 0: all cores
  bool force = false;
  bool quiet = false;
  bool follow_symlinks = false;
  std::string stats_path;
  ReadOptions read;
};
CLI::App* setup_batch(CLI::App& app, BatchCommand& options);
int run_batch_command(const BatchCommand& options);

// Writes the figures of a run as one JSON object to `path`, written whole or not at all; with a
// per-document file (one JSON object per line) its lines become the "documents" array. Prints the
// error and returns false when it cannot.
bool write_stats_file(const std::string& path, const std::string& summary_fields,
                      const std::string& per_document_path);

// Threads for `-j N`: N, or every core for 0.
int thread_count(int requested);

struct ExplainCommand {
  std::string file;
  std::string input_format = "auto";
  std::string model_path;
  std::size_t width = 100;
  std::size_t why = 0;  // features shown per block
  ReadOptions read;
};
CLI::App* setup_explain(CLI::App& app, ExplainCommand& options);
int run_explain(const ExplainCommand& options);

struct RegressCommand {
  std::vector<std::string> sets;
  std::string mode = "auto";
  std::string part = "all";
  std::string json_path;
  std::string outputs_dir;
  std::string baseline_path;
  bool update_baseline = false;
  std::string model_path;
  int worst = 5;
  int threads = 0;  // 0: all cores
};
CLI::App* setup_regress(CLI::App& app, RegressCommand& options);
int run_regress(const RegressCommand& options);

struct TrainCommand {
  std::vector<std::string> sets;
  std::string output;
  std::string part = "train";
  TrainOptions train;  // the learner's settings, with their defaults
  std::vector<std::string> set_weights;  // NAME=WEIGHT, as given
  std::vector<std::string> gold_keeps_comments;
  std::string section = "both";  // text, html or both
  std::string model_path;        // the model the sections not learned come from (empty: built in)
  int threads = 0;
};
CLI::App* setup_train(CLI::App& app, TrainCommand& options);
int run_train(const TrainCommand& options);

// The model a --model option names (held in `holder`), or the built-in one when `path` is empty.
// Prints the error and returns nullptr when the file cannot be used.
const Model* model_from_option(const std::string& path, std::shared_ptr<const Model>& holder);

// Input format names as the flags spell them.
InputKind input_kind_from_name(const std::string& name);

}  // namespace winnow::cli
