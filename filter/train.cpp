// Train. Entry point: train_model. Tested by tests/train_test.cpp.
#include "train.h"

#include <linear.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <filesystem>
#include <thread>
#include <unordered_map>

#include "labels.h"
#include "pipeline.h"
#include "teasers.h"

namespace winnow {
namespace {

constexpr double kStoppingTolerance = 0.01;
constexpr float kThresholds[] = {0.3f, 0.35f, 0.4f, 0.45f, 0.5f, 0.55f, 0.6f};
// The grid stops at 0.3: on the corpus larger costs gain nothing (held-out text F1 moved by less than
// 0.005 between 0.3 and 2.0), and on the golden cases they pull a site name, a section label or a
// recipe's servings line into a body run or out of it.
constexpr float kSwitchCosts[] = {0.0f, 0.1f, 0.2f, 0.3f};

// One page prepared for training and tuning: its blocks' features and labels, and what the decoder
// and the metric need to score a choice of threshold and switch cost.
struct Page {
  Window window;
  std::vector<Reason> rules;  // Reason::kContent: no rule decides the block, the model learns it
  std::vector<FeatureVector> features;
  std::vector<BlockLabel> labels;
  std::vector<std::vector<int>> block_tokens;   // token ids per block
  std::unordered_map<int, int> gold_counts;     // token id -> count in the gold
  long gold_total = 0;
};

Status prepare_page(const GoldenCase& golden, Page* page) {
  std::string input;
  std::string gold;
  if (Status s = read_file(golden.input_path, &input); !s.ok()) return s;
  if (Status s = read_file(golden.gold_path, &gold); !s.ok()) return s;
  page->window.doc = segment_document(input, golden.is_html ? InputKind::kHtml : InputKind::kText);
  prepare_window(page->window, 0);
  const Window& w = page->window;
  Staged staged = stage_window(w);
  page->rules = std::move(staged.rules);
  page->features = std::move(staged.features);
  page->labels = label_blocks(w.doc.blocks, gold);
  std::unordered_map<std::string, int> ids;
  auto id_of = [&](std::string&& token) {
    return ids.emplace(std::move(token), static_cast<int>(ids.size())).first->second;
  };
  for (std::string& token : word_tokens(gold)) {
    ++page->gold_counts[id_of(std::move(token))];
    ++page->gold_total;
  }
  for (std::size_t i = 0; i < w.doc.blocks.size(); ++i) {
    std::vector<int> tokens;
    for (std::string& token : word_tokens(w.doc.blocks[i].text)) tokens.push_back(id_of(std::move(token)));
    page->block_tokens.push_back(std::move(tokens));
  }
  return {};
}

// Macro token F1 of the kept blocks over the pages, for one choice of decoder parameters.
double macro_f1(const std::vector<Page>& pages, const std::vector<std::vector<float>>& scores, const LinearModel& model) {
  double sum = 0;
  int counted = 0;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    const Page& page = pages[p];
    if (page.gold_total == 0) continue;
    std::vector<Decision> decisions = decode_blocks(page.window.shapes, page.rules, scores[p], model);
    RepeatTracker kept_texts;
    drop_kept_repeats(page.window.shapes, 0, decisions.size(), kept_texts, decisions);
    std::unordered_map<int, int> kept;
    long predicted = 0;
    for (std::size_t i = 0; i < decisions.size(); ++i) {
      if (!decisions[i].keep) continue;
      for (int token : page.block_tokens[i]) ++kept[token];
      predicted += static_cast<long>(page.block_tokens[i].size());
    }
    long tp = 0;
    for (const auto& [token, count] : page.gold_counts) {
      const auto found = kept.find(token);
      if (found != kept.end()) tp += std::min(count, found->second);
    }
    const double precision = predicted > 0 ? static_cast<double>(tp) / predicted : 0.0;
    const double recall = static_cast<double>(tp) / page.gold_total;
    sum += precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
    ++counted;
  }
  return counted > 0 ? sum / counted : 0.0;
}

void quiet_liblinear(const char*) {}

// Learns one set of weights by logistic regression on the labelled open blocks of the pages.
Status learn_weights(const std::vector<Page>& pages, const TrainOptions& options, Weights* weights) {
  // liblinear wants rows of (index, value) pairs, 1-based, ending with index -1.
  std::vector<std::vector<feature_node>> rows;
  std::vector<double> targets;
  for (const Page& page : pages) {
    std::size_t labelled = 0;
    for (std::size_t i = 0; i < page.features.size(); ++i) {
      labelled += page.rules[i] == Reason::kContent && page.labels[i] != BlockLabel::kUnclear ? 1 : 0;
    }
    const std::size_t cap = options.max_blocks_per_page;
    const std::size_t stride = cap == 0 ? 1 : (labelled + cap - 1) / cap;
    std::size_t seen = 0;
    for (std::size_t i = 0; i < page.features.size(); ++i) {
      if (page.rules[i] != Reason::kContent || page.labels[i] == BlockLabel::kUnclear) continue;
      if (stride > 1 && seen++ % stride != 0) continue;
      std::vector<feature_node> row;
      for (std::size_t f = 0; f < kFeatureCount; ++f) {
        if (page.features[i][f] != 0.0f) row.push_back({static_cast<int>(f) + 1, page.features[i][f]});
      }
      row.push_back({-1, 0.0});
      rows.push_back(std::move(row));
      targets.push_back(page.labels[i] == BlockLabel::kContent ? 1.0 : -1.0);
    }
  }
  if (rows.empty()) return Status{ErrorCode::kIo, "no labelled blocks to learn from"};
  std::vector<feature_node*> row_pointers;
  for (auto& row : rows) row_pointers.push_back(row.data());
  problem prob{};
  prob.l = static_cast<int>(rows.size());
  prob.n = static_cast<int>(kFeatureCount);
  prob.y = targets.data();
  prob.x = row_pointers.data();
  prob.bias = -1;  // the model has its own bias feature
  parameter param{};
  param.solver_type = L2R_LR;
  param.C = options.regularization;
  param.eps = kStoppingTolerance;
  if (const char* error = check_parameter(&prob, &param)) return Status{ErrorCode::kIo, error};
  set_print_string_function(quiet_liblinear);
  model* learned = train(&prob, &param);
  // liblinear orders the classes as first seen; make the weights those of class +1 (content).
  const double sign = learned->label[0] == 1 ? 1.0 : -1.0;
  for (std::size_t f = 0; f < kFeatureCount; ++f) (*weights)[f] = static_cast<float>(sign * learned->w[f]);
  free_and_destroy_model(&learned);
  if (options.progress) options.progress("  learned from " + std::to_string(rows.size()) + " labelled blocks");
  return {};
}

Status train_section(std::vector<Page>& pages, const TrainOptions& options, LinearModel* section) {
  // First pass on the blocks' own features, then the second with the first's probabilities around
  // each block, exactly as score_two_passes will use them.
  if (Status s = learn_weights(pages, options, &section->weights); !s.ok()) return s;
  std::vector<std::vector<float>> scores(pages.size());
  for (std::size_t p = 0; p < pages.size(); ++p) {
    Page& page = pages[p];
    scores[p] = score_two_passes(page.rules, *section, page.features);
  }
  if (options.context_pass) {
    if (Status s = learn_weights(pages, options, &section->context_weights); !s.ok()) return s;
  } else {
    section->context_weights = section->weights;  // context features weigh nothing
  }
  for (std::size_t p = 0; p < pages.size(); ++p) {
    scores[p].clear();
    for (const FeatureVector& f : pages[p].features) scores[p].push_back(score_block(f, section->context_weights));
  }
  double best = -1;
  LinearModel candidate = *section;
  for (float threshold : kThresholds) {
    for (float cost : kSwitchCosts) {
      candidate.threshold = threshold;
      candidate.switch_cost = cost;
      const double f1 = macro_f1(pages, scores, candidate);
      if (f1 > best + 1e-9) {
        best = f1;
        section->threshold = threshold;
        section->switch_cost = cost;
      }
    }
  }
  if (options.progress) {
    char buffer[128];
    std::snprintf(buffer, sizeof buffer, "  threshold %.2f, switch cost %.1f: macro token F1 %.4f on these pages",
                  section->threshold, section->switch_cost, best);
    options.progress(buffer);
  }
  return {};
}

}  // namespace

Status train_model(const TrainOptions& options, const Model& start, Model* out) {
  for (const std::string& dir : options.sets) {
    std::error_code error;
    if (!std::filesystem::is_directory(dir, error)) return Status{ErrorCode::kIo, dir + ": not a directory"};
  }
  Model model = start;
  std::size_t pages_seen = 0;
  for (CaseMode mode : {CaseMode::kText, CaseMode::kHtml}) {
    std::vector<GoldenCase> cases;
    for (const std::string& dir : options.sets) {
      std::vector<GoldenCase> set_cases;
      if (!list_cases(dir, mode, options.part, &set_cases).ok()) continue;  // a set may lack this input kind
      for (GoldenCase& c : set_cases) {
        if (!c.gold_path.empty()) cases.push_back(std::move(c));
      }
    }
    if (options.progress) {
      options.progress(std::string(case_mode_name(mode)) + ": " + std::to_string(cases.size()) + " pages with gold text");
    }
    pages_seen += cases.size();
    if (cases.empty()) continue;
    std::vector<Page> pages(cases.size());
    std::vector<Status> statuses(cases.size());
    std::atomic<std::size_t> next{0};
    auto work = [&] {
      for (std::size_t i = next++; i < cases.size(); i = next++) statuses[i] = prepare_page(cases[i], &pages[i]);
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < std::max(1, options.threads); ++t) pool.emplace_back(work);
    work();
    for (std::thread& t : pool) t.join();
    for (const Status& s : statuses) {
      if (!s.ok()) return s;
    }
    LinearModel& section = mode == CaseMode::kHtml ? model.html : model.text;
    if (Status s = train_section(pages, options, &section); !s.ok()) return s;
  }
  if (pages_seen == 0) return Status{ErrorCode::kIo, "no page with a gold text (<id>.gold.txt) in the given sets"};
  *out = model;
  return {};
}

}  // namespace winnow
