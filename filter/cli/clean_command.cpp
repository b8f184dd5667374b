// The clean command (winnow [FILE]) and explain (winnow explain FILE).
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "commands.h"
#include "pipeline.h"
#include "writers.h"

namespace winnow::cli {
namespace {

constexpr std::size_t kReadChunk = 1 << 16;

// Hands everything left in `in` to `consume`, a chunk at a time. Prints the error and returns
// false on a read error.
template <typename Consume>
bool read_chunks(std::FILE* in, const std::string& name, Consume consume) {
  std::string buffer(kReadChunk, '\0');
  while (true) {
    const std::size_t got = std::fread(buffer.data(), 1, buffer.size(), in);
    consume(std::string_view(buffer.data(), got));
    if (got < buffer.size()) break;
  }
  if (std::ferror(in) != 0) {
    std::cerr << "winnow: " << name << ": read error: " << std::strerror(errno) << "\n";
    return false;
  }
  return true;
}

// Appends everything left in `in` to `out`.
bool read_rest(std::FILE* in, const std::string& name, std::string* out) {
  return read_chunks(in, name, [out](std::string_view chunk) { out->append(chunk); });
}

// Reads a whole input ("-" or empty: stdin). Prints the error and returns false when it cannot.
bool read_input(const std::string& file, std::string* out) {
  const bool from_stdin = file.empty() || file == "-";
  const std::string name = from_stdin ? "<stdin>" : file;
  std::FILE* in = from_stdin ? stdin : std::fopen(file.c_str(), "rb");
  if (in == nullptr) {
    std::cerr << "winnow: " << name << ": cannot open: " << std::strerror(errno) << "\n";
    return false;
  }
  const bool ok = read_rest(in, name, out);
  if (in != stdin) std::fclose(in);
  return ok;
}

// Text input is streamed: each line is written as soon as its decision is final.
int stream_text(std::FILE* in, std::string head, const std::string& name, const CleanCommand& options,
                const Model* model) {
  const bool json = options.output_format == "json";
  std::size_t index = 0;
  if (json) std::cout << "{\"kind\":\"text\",\"blocks\":[";
  CleanOptions clean_options;
  clean_options.kind = InputKind::kText;
  clean_options.model = model;
  TextStream stream(clean_options, [&](const BlockResult& block) {
    if (json) {
      std::cout << (index == 0 ? "\n" : ",\n");
      write_json_block(std::cout, block, index);
    } else if (block.keep) {
      std::cout << block.text << '\n';
    }
    ++index;
  });
  stream.push(head);
  if (!read_chunks(in, name, [&stream](std::string_view chunk) { stream.push(chunk); })) return kExitUsage;
  stream.finish();
  if (json) std::cout << "\n]}\n";
  return kExitOk;
}

}  // namespace

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
}

int run_clean(const CleanCommand& options) {
  std::ios::sync_with_stdio(false);
  std::shared_ptr<const Model> holder;
  const Model* model = model_from_option(options.model_path, holder);
  if (model == nullptr) return kExitUsage;

  const bool from_stdin = options.file.empty() || options.file == "-";
  const std::string name = from_stdin ? "<stdin>" : options.file;
  std::error_code error;
  if (!from_stdin && std::filesystem::is_directory(options.file, error)) {
    std::cerr << "winnow: " << name << ": is a directory (to clean a tree of files, name the files)\n";
    return kExitUsage;
  }
  std::FILE* in = from_stdin ? stdin : std::fopen(options.file.c_str(), "rb");
  if (in == nullptr) {
    std::cerr << "winnow: " << name << ": cannot open: " << std::strerror(errno) << "\n";
    return kExitUsage;
  }
  // Read enough to decide the input kind; plain text then streams, HTML is parsed whole.
  std::string head(kReadChunk, '\0');
  head.resize(std::fread(head.data(), 1, head.size(), in));
  InputKind kind = input_kind_from_name(options.input_format);
  if (kind == InputKind::kAuto) kind = detect_input_kind(head);
  int code = kExitOk;
  if (kind == InputKind::kText) {
    code = stream_text(in, std::move(head), name, options, model);
  } else {
    std::string rest;
    if (!read_rest(in, name, &rest)) {
      code = kExitUsage;
    } else {
      head += rest;
      CleanOptions clean_options;
      clean_options.kind = kind;
      clean_options.model = model;
      const CleanResult result = clean(head, clean_options);
      if (options.output_format == "json") {
        write_json(std::cout, result);
      } else {
        write_text(std::cout, result);
      }
    }
  }
  if (in != stdin) std::fclose(in);
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
