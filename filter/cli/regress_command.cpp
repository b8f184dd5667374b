// The regress command: runs golden sets, prints the figures and the worst cases, writes and
// compares baselines.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include "commands.h"
#include "regress.h"

namespace winnow::cli {
namespace {

constexpr std::size_t kShownLines = 4;   // missing/extra lines shown per worst case
constexpr std::size_t kShownWidth = 110;

CaseMode mode_from_name(const std::string& name) {
  if (name == "html") return CaseMode::kHtml;
  if (name == "text") return CaseMode::kText;
  return CaseMode::kAuto;
}

Part part_from_name(const std::string& name) {
  if (name == "train") return Part::kTrain;
  if (name == "heldout") return Part::kHeldOut;
  return Part::kAll;
}

std::string shorten(const std::string& line) {
  if (line.size() <= kShownWidth) return line;
  std::size_t cut = kShownWidth;
  while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
  return line.substr(0, cut) + "…";
}

void print_report(const SetReport& r, int worst) {
  std::printf("%s: %d cases", r.name.c_str(), r.cases);
  if (r.errors > 0) std::printf(", %d could not be run", r.errors);
  std::printf("\n");
  if (r.scored > 0) {
    std::printf("  tokens    P %.3f  R %.3f  F1 %.3f  (macro over %d pages", r.macro.precision, r.macro.recall,
                r.macro.f1, r.scored);
    if (r.empty_gold > 0) std::printf("; %d with empty gold left out", r.empty_gold);
    std::printf(")\n");
  }
  if (r.has_snippets) {
    const PrecisionRecall s = snippet_scores(r.snippets);
    std::printf("  snippets  accuracy %.3f  P %.3f  R %.3f  F1 %.3f  (TP %d FN %d FP %d TN %d)\n",
                snippet_accuracy(r.snippets), s.precision, s.recall, s.f1, r.snippets.true_positives,
                r.snippets.false_negatives, r.snippets.false_positives, r.snippets.true_negatives);
  }
  if (r.exact_total > 0) std::printf("  exact     %zu of %d\n", r.exact_ids.size(), r.exact_total);
  for (const CaseResult& c : r.results) {
    if (!c.error.empty()) std::printf("  error     %s\n", c.error.c_str());
  }
  std::vector<const CaseResult*> order;
  for (const CaseResult& c : r.results) {
    if (c.has_tokens && !c.exact) order.push_back(&c);
  }
  std::stable_sort(order.begin(), order.end(),
                   [](const CaseResult* a, const CaseResult* b) { return a->scores.f1 < b->scores.f1; });
  if (order.size() > static_cast<std::size_t>(std::max(0, worst))) order.resize(static_cast<std::size_t>(worst));
  if (!order.empty()) std::printf("  worst cases:\n");
  for (const CaseResult* c : order) {
    std::printf("    %s  F1 %.3f  P %.3f  R %.3f  (%zu lines missing, %zu extra)\n", c->id.c_str(), c->scores.f1,
                c->scores.precision, c->scores.recall, c->missing.size(), c->extra.size());
    for (std::size_t i = 0; i < std::min(kShownLines, c->missing.size()); ++i) {
      std::printf("      - %s\n", shorten(c->missing[i]).c_str());
    }
    for (std::size_t i = 0; i < std::min(kShownLines, c->extra.size()); ++i) {
      std::printf("      + %s\n", shorten(c->extra[i]).c_str());
    }
  }
}

}  // namespace

CLI::App* setup_regress(CLI::App& app, RegressCommand& options) {
  CLI::App* sub = app.add_subcommand("regress", "Run the filter over golden sets and report quality");
  sub->add_option("DIR", options.sets, "Golden set directories: <id>.html/.txt with <id>.gold.txt and/or "
                                       "<id>.with.json/.without.json")
      ->required();
  sub->add_option("--mode", options.mode, "Which input to use where a case has both: auto (html first), html, text")
      ->check(CLI::IsMember({"auto", "html", "text"}))
      ->capture_default_str();
  sub->add_option("--part", options.part, "Pages to run: all, train or heldout (a fixed split by page id)")
      ->check(CLI::IsMember({"all", "train", "heldout"}))
      ->capture_default_str();
  sub->add_option("--json", options.json_path, "Write the figures of every set to this JSON file");
  sub->add_option("--save-outputs", options.outputs_dir,
                  "Write each case's output to DIR/<set>/<id>.txt (for other scorers, or to diff runs)");
  sub->add_option("--baseline", options.baseline_path,
                  "Compare with this baseline; exit 1 when a set's macro F1 drops by more than 0.005 or an exact "
                  "case stops matching");
  sub->add_flag("--update-baseline", options.update_baseline, "Save this run's figures into the --baseline file");
  sub->add_option("--worst", options.worst, "How many worst cases to list per set")->capture_default_str();
  sub->add_option("-j,--threads", options.threads, "Worker threads (0: all cores)")->capture_default_str();
  sub->add_option("--model", options.model_path, "Model file written by 'winnow train' (default: built in)");
  return sub;
}

int run_regress(const RegressCommand& options) {
  if (options.update_baseline && options.baseline_path.empty()) {
    std::cerr << "winnow regress: --update-baseline needs --baseline FILE\n";
    return kExitUsage;
  }
  std::shared_ptr<const Model> holder;
  const Model* model = model_from_option(options.model_path, holder);
  if (model == nullptr) return kExitUsage;
  const int threads = options.threads > 0 ? options.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  std::vector<SetReport> reports;
  bool failed = false;
  for (const std::string& dir : options.sets) {
    SetReport report;
    const std::string outputs =
        options.outputs_dir.empty()
            ? std::string()
            : (std::filesystem::path(options.outputs_dir) / set_name(dir)).string();
    const Status status =
        run_set(dir, mode_from_name(options.mode), part_from_name(options.part), *model, threads, outputs, &report);
    if (!status.ok()) {
      std::cerr << "winnow regress: " << status.message << "\n";
      return kExitUsage;
    }
    print_report(report, options.worst);
    failed = failed || report.errors > 0;
    reports.push_back(std::move(report));
  }
  std::fflush(stdout);
  if (!options.json_path.empty()) {
    std::ofstream json(options.json_path, std::ios::binary | std::ios::trunc);
    json << reports_to_json(reports);
    json.close();
    if (!json) {
      std::cerr << "winnow regress: " << options.json_path << ": cannot write\n";
      return kExitFailure;
    }
  }
  if (options.update_baseline) {
    if (Status s = update_baseline(options.baseline_path, reports); !s.ok()) {
      std::cerr << "winnow regress: " << s.message << "\n";
      return kExitFailure;
    }
    std::printf("baseline %s updated\n", options.baseline_path.c_str());
  } else if (!options.baseline_path.empty()) {
    std::vector<std::string> regressions;
    if (Status s = compare_with_baseline(options.baseline_path, reports, &regressions); !s.ok()) {
      std::cerr << "winnow regress: " << s.message << "\n";
      return kExitUsage;
    }
    for (const std::string& line : regressions) std::printf("REGRESSION %s\n", line.c_str());
    if (regressions.empty()) std::printf("no regression against %s\n", options.baseline_path.c_str());
    failed = failed || !regressions.empty();
  }
  return failed ? kExitFailure : kExitOk;
}

}  // namespace winnow::cli
