// The clean command (winnow [FILE]) and explain (winnow explain FILE).
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "clean_stream.h"
#include "encoding.h"
#include "commands.h"
#include "input_stream.h"
#include "jsonl_records.h"
#include "pipeline.h"
#include "writers.h"

namespace winnow::cli {
namespace {

// Reads a whole input ("-" or empty: stdin), decompressed. Prints the error and returns false when
// it cannot.
bool read_input(const std::string& file, std::string* out) {
  const bool from_stdin = file.empty() || file == "-";
  Status status;
  if (from_stdin) {
    InputStream in(stdin, "<stdin>");
    status = in.read_rest(out);
  } else {
    status = read_decompressed(file, out);
  }
  if (!status.ok()) std::cerr << "winnow: " << status.message << "\n";
  return status.ok();
}

// `winnow --jsonl`: records from stdin (or FILE) to stdout, in order, on -j threads.
int run_clean_jsonl(InputStream& in, const CleanCommand& options, const Model* model) {
  JsonlOptions records;
  records.input_field = options.records.field;
  records.output_field = options.records.output_field;
  records.keep_input = options.records.keep_input;
  records.clean.kind = input_kind_from_name(options.input_format);
  records.clean.model = model;
  if (!apply_read_options(options.read, &records.clean)) return kExitUsage;
  std::ofstream errors;
  if (!options.errors_path.empty()) {
    errors.open(options.errors_path, std::ios::binary | std::ios::trunc);
    if (!errors) {
      std::cerr << "winnow: --errors " << options.errors_path << ": cannot create: " << std::strerror(errno) << "\n";
      return kExitUsage;
    }
  }
  std::ofstream documents;
  const std::string documents_path = options.stats_path.empty() ? "" : options.stats_path + ".documents.partial";
  if (!documents_path.empty()) {
    documents.open(documents_path, std::ios::binary | std::ios::trunc);
    if (!documents) {
      std::cerr << "winnow: --stats " << options.stats_path << ": cannot create: " << std::strerror(errno) << "\n";
      return kExitUsage;
    }
  }
  std::uint64_t bad_lines = 0;
  JsonlSinks sinks;
  sinks.on_error = [&](const RecordError& error) {
    ++bad_lines;
    std::cerr << "winnow: " << in.name() << ":" << error.line << ": " << error.message << "\n";
    if (errors.is_open()) {
      errors << "{\"path\":" << json_quote(in.name()) << ",\"line\":" << error.line
             << ",\"error\":" << json_quote(error.message) << ",\"input\":" << json_quote(error.input) << "}\n";
    }
  };
  if (documents.is_open()) {
    sinks.on_document = [&](std::uint64_t line, const CleanFigures& figures) {
      documents << "{\"line\":" << line << ",\"blocks\":" << figures.blocks << ",\"kept\":" << figures.kept_blocks
                << ",\"bytes_in\":" << figures.bytes_in << ",\"bytes_out\":" << figures.bytes_out << "}\n";
    };
  }
  CleanFigures total;
  const Status status = clean_jsonl_stream(in, records, thread_count(options.threads), std::cout, sinks, &total);
  if (!status.ok()) std::cerr << "winnow: " << status.message << "\n";
  documents.close();
  bool stats_written = true;
  if (!options.stats_path.empty()) {
    const std::string fields = "\"documents\":" + std::to_string(total.documents) +
                               ",\"record_errors\":" + std::to_string(bad_lines) +
                               ",\"bytes_in\":" + std::to_string(total.bytes_in) +
                               ",\"bytes_out\":" + std::to_string(total.bytes_out) +
                               ",\"blocks\":" + std::to_string(total.blocks) +
                               ",\"kept_blocks\":" + std::to_string(total.kept_blocks);
    stats_written = write_stats_file(options.stats_path, fields, documents_path);
  }
  if (!status.ok()) return kExitUsage;
  return bad_lines > 0 || !stats_written ? kExitFailure : kExitOk;
}

}  // namespace

void add_read_options(CLI::App& app, ReadOptions& options) {
  app.add_option("--encoding", options.encoding,
                 "Read the input in this encoding (windows-1252, Shift_JIS, GBK, UTF-16LE, ...; any name ICU knows), "
                 "overriding byte order marks, declarations and detection");
  app.add_option("--max-document-bytes", options.limits.max_document_bytes,
                 "Refuse HTML documents larger than this (they are parsed whole); suffixes K, M, G")
      ->transform(CLI::AsSizeValue(false))
      ->capture_default_str();
  app.add_option("--max-line-bytes", options.limits.max_line_bytes,
                 "Cut plain-text lines longer than this into parts, each a block (no line is held whole)")
      ->transform(CLI::AsSizeValue(false))
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--max-depth", options.limits.max_depth,
                 "Flatten HTML elements nested deeper than this into their ancestor at this depth")
      ->check(CLI::Range(std::size_t{8}, std::size_t{100000}))
      ->capture_default_str();
}

bool apply_read_options(const ReadOptions& options, CleanOptions* clean) {
  clean->limits = options.limits;
  if (options.encoding.empty()) return true;
  clean->encoding = converter_name(options.encoding);
  if (clean->encoding.empty()) {
    std::cerr << "winnow: --encoding " << options.encoding
              << ": no such encoding (names as ICU knows them: utf-8, windows-1252, iso-8859-2, shift_jis, euc-jp, "
                 "gbk, big5, euc-kr, koi8-r, utf-16le, ...)\n";
    return false;
  }
  return true;
}

int exit_code_of(const Status& status) {
  return status.code == ErrorCode::kNotText || status.code == ErrorCode::kTooLarge ? kExitFailure : kExitUsage;
}

InputKind input_kind_from_name(const std::string& name) {
  if (name == "html") return InputKind::kHtml;
  if (name == "text") return InputKind::kText;
  return InputKind::kAuto;
}

const Model* model_from_option(const std::string& path, std::shared_ptr<const Model>& holder) {
  if (path.empty()) return &default_model();
  const Status status = load_model(path, &holder);
  if (!status.ok()) {
    std::cerr << "winnow: " << status.message << "\n";
    return nullptr;
  }
  return holder.get();
}

void setup_clean(CLI::App& app, CleanCommand& options) {
  app.add_option("FILE", options.file, "Input file; stdin when absent or '-'");
  app.add_option("--input-format", options.input_format, "auto (detect), html or text")
      ->check(CLI::IsMember({"auto", "html", "text"}))
      ->capture_default_str();
  app.add_option("--output-format", options.output_format,
                 "text: the kept blocks, one per line; json: every block with text, score, keep and reason")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  app.add_option("--model", options.model_path, "Model file written by 'winnow train' (default: built in)");
  add_record_options(app, options.records);
  app.add_option("-j,--jobs", options.threads, "With --jsonl: worker threads (default: all cores); order is kept")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--stats", options.stats_path,
                 "With --jsonl: write the run's figures as JSON to FILE, one entry per record (blocks, kept, bytes)");
  add_read_options(app, options.read);
  app.add_option("--errors", options.errors_path,
                 "With --jsonl: also write the lines that could not be cleaned to FILE, as JSON with their number");
}

int run_clean(const CleanCommand& options) {
  std::ios::sync_with_stdio(false);
  std::shared_ptr<const Model> holder;
  const Model* model = model_from_option(options.model_path, holder);
  if (model == nullptr) return kExitUsage;
  if (!options.records.jsonl && (!options.records.field.empty() || options.records.keep_input ||
                                 !options.stats_path.empty() || !options.errors_path.empty())) {
    std::cerr << "winnow: --field, --keep-input, --stats and --errors need --jsonl\n";
    return kExitUsage;
  }

  if (CleanOptions checked; !apply_read_options(options.read, &checked)) return kExitUsage;
  const bool from_stdin = options.file.empty() || options.file == "-";
  const std::string name = from_stdin ? "<stdin>" : options.file;
  std::error_code error;
  if (!from_stdin && std::filesystem::is_directory(options.file, error)) {
    std::cerr << "winnow: " << name << ": is a directory (to clean a tree of files: winnow batch " << name
              << " -o OUT)\n";
    return kExitUsage;
  }
  std::FILE* file = from_stdin ? stdin : std::fopen(options.file.c_str(), "rb");
  if (file == nullptr) {
    std::cerr << "winnow: " << name << ": cannot open: " << std::strerror(errno) << "\n";
    return kExitUsage;
  }
  InputStream in(file, name);  // closes the file
  int code = kExitOk;
  if (options.records.jsonl) {
    code = run_clean_jsonl(in, options, model);
  } else {
    CleanOptions clean_options;
    clean_options.kind = input_kind_from_name(options.input_format);
    clean_options.model = model;
    if (!apply_read_options(options.read, &clean_options)) return kExitUsage;
    CleanFigures figures;
    const Status status = clean_stream(in, clean_options,
                                       options.output_format == "json" ? OutputFormat::kJson : OutputFormat::kText,
                                       std::cout, &figures);
    if (!status.ok()) {
      std::cerr << "winnow: " << status.message << "\n";
      code = exit_code_of(status);
    }
    if (const std::string notice = limits_notice(figures.limits_hit, clean_options.limits); !notice.empty()) {
      std::cerr << "winnow: " << name << ": " << notice << "\n";
    }
  }
  std::cout.flush();
  if (!std::cout) {
    std::cerr << "winnow: cannot write the output: " << std::strerror(errno) << "\n";
    return kExitFailure;
  }
  return code;
}

CLI::App* setup_explain(CLI::App& app, ExplainCommand& options) {
  CLI::App* sub = app.add_subcommand(
      "explain", "Print every block with its score, keep/drop decision and reason, aligned for reading");
  sub->add_option("FILE", options.file, "Input file; '-' for stdin")->required();
  sub->add_option("--input-format", options.input_format, "auto (detect), html or text")
      ->check(CLI::IsMember({"auto", "html", "text"}))
      ->capture_default_str();
  sub->add_option("--why", options.why, "Also show the N features that pushed each block's score most")
      ->capture_default_str();
  sub->add_option("--width", options.width, "Cut block text at this many characters (0: never)")->capture_default_str();
  sub->add_option("--model", options.model_path, "Model file written by 'winnow train' (default: built in)");
  add_read_options(*sub, options.read);
  return sub;
}

int run_explain(const ExplainCommand& options) {
  std::shared_ptr<const Model> holder;
  const Model* model = model_from_option(options.model_path, holder);
  if (model == nullptr) return kExitUsage;
  std::string input;
  if (!read_input(options.file, &input)) return kExitUsage;
  CleanOptions clean_options;
  clean_options.kind = input_kind_from_name(options.input_format);
  clean_options.model = model;
  if (!apply_read_options(options.read, &clean_options)) return kExitUsage;
  if (options.why > 0) {
    const Explained explained = explain_document(input, clean_options, options.why);
    write_explain(std::cout, explained.result, options.width, &explained.pushes);
  } else {
    write_explain(std::cout, clean(input, clean_options), options.width);
  }
  std::cout.flush();
  if (!std::cout) {
    std::cerr << "winnow: cannot write the output: " << std::strerror(errno) << "\n";
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace winnow::cli
