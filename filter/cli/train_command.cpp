// The train command: learns a model from golden sets and writes the model file.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include "commands.h"
#include "model.h"
#include "train.h"

namespace winnow::cli {

namespace {

// The WEIGHT of --set-weight NAME=WEIGHT: a number above 0 and at most kMaxSetWeight.
bool parse_set_weight(const std::string& text, float* weight) {
  char* end = nullptr;
  const float value = std::strtof(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size() || !(value > 0.0f && value <= kMaxSetWeight)) return false;
  *weight = value;
  return true;
}

}  // namespace

CLI::App* setup_train(CLI::App& app, TrainCommand& options) {
  CLI::App* sub = app.add_subcommand(
      "train", "Learn a model from golden sets: [text] from the .txt inputs, [html] from the .html inputs");
  sub->add_option("DIR", options.sets, "Golden set directories (cases with <id>.gold.txt)")->required();
  sub->add_option("-o,--output", options.output, "Model file to write")->required();
  sub->add_option("--part", options.part, "Pages to learn from: train (default, leaves the held-out fifth), all")
      ->check(CLI::IsMember({"all", "train"}))
      ->capture_default_str();
  TrainOptions& t = options.train;
  sub->add_option("--rounds", t.boost.rounds, "Trees per pass")->check(CLI::Range(1, 100000))->capture_default_str();
  sub->add_option("--max-depth", t.boost.max_depth, "Depth of each tree")->check(CLI::Range(1, 30))->capture_default_str();
  sub->add_option("--learning-rate", t.boost.learning_rate, "Shrinkage of each tree's values")
      ->check(CLI::Range(0.0001, 1.0))
      ->capture_default_str();
  sub->add_option("--min-child-weight", t.boost.min_child_weight, "Least row weight in a leaf (rows weigh 1 on average)")
      ->check(CLI::Range(0.0, 1e6))
      ->capture_default_str();
  sub->add_option("--subsample", t.boost.subsample, "Share of rows each tree sees (fixed seed)")
      ->check(CLI::Range(0.01, 1.0))
      ->capture_default_str();
  sub->add_option("--column-sample", t.boost.column_sample, "Share of features each tree sees (fixed seed)")
      ->check(CLI::Range(0.01, 1.0))
      ->capture_default_str();
  sub->add_option("--parallel-trees", t.boost.parallel_trees,
                  "Trees grown per round on different row samples and averaged (less variance, more trees)")
      ->check(CLI::Range(1, 16))
      ->capture_default_str();
  sub->add_option("--folds", t.folds, "Folds for cross-fitting the first pass's probabilities (2 at least)")
      ->check(CLI::Range(2, 20))
      ->capture_default_str();
  sub->add_option("--word-weight-power", t.word_weight_power,
                  "Within a page, a block weighs (words + 1) to this power (0: blocks alike)")
      ->check(CLI::Range(0.0, 4.0))
      ->capture_default_str();
  sub->add_option("--max-blocks-per-page", t.max_blocks_per_page,
                  "Learn from at most this many blocks of one page, evenly spaced (0: all)")
      ->capture_default_str();
  sub->add_option("--set-weight", options.set_weights,
                  "NAME=WEIGHT: every page of the set in directory NAME weighs WEIGHT (default 1); repeatable")
      ->each([](const std::string& value) {
        const std::size_t eq = value.find('=');
        float weight = 0;
        if (eq == std::string::npos || eq == 0 || !parse_set_weight(value.substr(eq + 1), &weight)) {
          throw CLI::ValidationError("expected NAME=WEIGHT with WEIGHT above 0 and at most " +
                                     std::to_string(static_cast<int>(kMaxSetWeight)) + ", got '" + value + "'");
        }
      });
  sub->add_option("--gold-keeps-comments", options.gold_keeps_comments,
                  "NAME: the gold of the set in directory NAME keeps comment threads, which the policy cuts; "
                  "its comment sections are not learned from (repeatable)");
  sub->add_option("--section", options.section,
                  "Which section to learn: text, html or both; the other is copied from --model")
      ->check(CLI::IsMember({"text", "html", "both"}))
      ->capture_default_str();
  sub->add_option("--model", options.model_path,
                  "Model file whose section --section leaves out is copied (default: built in)");
  sub->add_option("-j,--threads", options.threads, "Worker threads (0: all cores)")->capture_default_str();
  return sub;
}

int run_train(const TrainCommand& options) {
  TrainOptions train = options.train;
  train.sets = options.sets;
  train.part = options.part == "all" ? Part::kAll : Part::kTrain;
  train.threads = options.threads > 0 ? options.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  train.progress = [](const std::string& line) { std::cerr << line << "\n"; };
  train.gold_keeps_comments.insert(options.gold_keeps_comments.begin(), options.gold_keeps_comments.end());
  train.learn_text = options.section != "html";
  train.learn_html = options.section != "text";
  std::shared_ptr<const Model> start_holder;
  const Model* start = model_from_option(options.model_path, start_holder);
  if (start == nullptr) return kExitUsage;
  for (const std::string& value : options.set_weights) {
    const std::size_t eq = value.find('=');
    const std::string name = value.substr(0, eq);
    if (train.set_weights.count(name) > 0) {
      std::cerr << "winnow train: --set-weight: '" << name << "' is weighted twice\n";
      return kExitUsage;
    }
    parse_set_weight(value.substr(eq + 1), &train.set_weights[name]);
  }
  // Written beside the target and renamed into place, so a full disk or a kill never leaves half a
  // model where a whole one is expected. Opened first, so an unwritable place fails before training.
  const std::string partial = options.output + ".partial";
  std::ofstream out(partial, std::ios::binary | std::ios::trunc);
  if (!out) {
    std::cerr << "winnow train: " << options.output << ": cannot write\n";
    return kExitUsage;
  }
  Model model;
  if (Status s = train_model(train, *start, &model); !s.ok()) {
    std::cerr << "winnow train: " << s.message << "\n";
    out.close();
    std::error_code ignored;
    std::filesystem::remove(partial, ignored);
    return kExitUsage;
  }
  out << "# trained by: winnow train";
  for (const std::string& set : options.sets) out << " " << set;
  // Every learner setting, so the line alone reproduces the model.
  const TrainOptions& t = options.train;
  out << " --part " << options.part << " --rounds " << t.boost.rounds << " --max-depth " << t.boost.max_depth
      << " --learning-rate " << t.boost.learning_rate << " --min-child-weight " << t.boost.min_child_weight
      << " --subsample " << t.boost.subsample << " --column-sample " << t.boost.column_sample << " --parallel-trees " << t.boost.parallel_trees << " --folds "
      << t.folds << " --word-weight-power " << t.word_weight_power << " --max-blocks-per-page "
      << t.max_blocks_per_page;
  for (const std::string& value : options.set_weights) out << " --set-weight " << value;
  for (const std::string& name : options.gold_keeps_comments) out << " --gold-keeps-comments " << name;
  if (options.section != "both") out << " --section " << options.section;
  if (!options.model_path.empty()) out << " --model " << options.model_path;
  out << "\n"
      << serialize_model(model);
  out.close();
  std::error_code error;
  if (!out || (std::filesystem::rename(partial, options.output, error), error)) {
    std::filesystem::remove(partial, error);
    std::cerr << "winnow train: " << options.output << ": cannot write\n";
    return kExitFailure;
  }
  std::cerr << "wrote " << options.output << "\n";
  return kExitOk;
}

}  // namespace winnow::cli
