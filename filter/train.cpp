// Train. Entry point: train_model. Tested by tests/train_test.cpp.
#include "train.h"

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

constexpr float kThresholds[] = {0.25f, 0.3f, 0.35f, 0.4f, 0.45f, 0.5f, 0.55f, 0.6f, 0.65f};
// Decoder parameters tried, each pair scored by macro F1 on cross-fitted probabilities. The trees'
// second pass already weighs the neighbours, so the best switch costs are small (0.2 to 0.5 in
// every training so far); 1.0 bounds the grid.
constexpr float kSwitchCosts[] = {0.0f, 0.1f, 0.2f, 0.3f, 0.5f, 1.0f};
// Sets of fewer pages than this say too little about the decoder's parameters for their loss under
// the choice to be reported (a handful of hand-made cases, say).
constexpr int kMinReportedPages = 50;

// One page prepared for training and tuning: its blocks' features and labels, and what the decoder
// and the metric need to score a choice of threshold and switch cost.
struct Page {
  Window window;
  std::vector<Reason> rules;  // Reason::kContent: no rule decides the block, the model learns it
  std::vector<FeatureVector> features;
  std::vector<BlockLabel> labels;
  std::vector<std::vector<int>> block_tokens;   // token ids per block
  std::unordered_map<int, int> gold_counts;     // token id -> count in the gold
  long gold_total = 0;  // 0 for a crop or a page labelled by snippets: they only give rows
  std::size_t fold_key = 0;  // the page's index; a crop shares its page's, so it lands in the same fold
  std::size_t set = 0;       // index of the page's set among the sets given
  float weight = 1.0f;       // of the page's rows in all, relative to a whole page
};

// A crop of a page: its blocks from a little before the first content block to a little after the
// last, as a user's pre-cut text or a short document would come. Real pages nearly always begin and
// end in clutter, so without crops the classifier learns that a document's first and last blocks
// are clutter by position alone, and drops the last paragraph of a page that has no footer.
constexpr int kCropMargins = 3;        // 0..2 blocks of margin, by the page's index
constexpr float kCropWeight = 0.5f;    // a crop weighs half a page

// A page labelled by snippets has only a few labelled blocks, each standing for many; half a
// page's weight keeps those few rows from outweighing whole pages' blocks.
constexpr float kSnippetPageWeight = 0.5f;

bool make_crop(const Page& page, std::size_t margin, Page* crop) {
  std::size_t first = page.labels.size();
  std::size_t last = 0;
  for (std::size_t i = 0; i < page.labels.size(); ++i) {
    if (page.labels[i] != BlockLabel::kContent) continue;
    first = std::min(first, i);
    last = i;
  }
  if (first == page.labels.size()) return false;
  const std::size_t begin = first >= margin ? first - margin : 0;
  const std::size_t end = std::min(page.labels.size(), last + 1 + margin);
  if (begin == 0 && end == page.labels.size()) return false;  // the crop is the page
  crop->window.doc.is_html = page.window.doc.is_html;
  crop->window.doc.blocks.assign(page.window.doc.blocks.begin() + static_cast<std::ptrdiff_t>(begin),
                                 page.window.doc.blocks.begin() + static_cast<std::ptrdiff_t>(end));
  crop->labels.assign(page.labels.begin() + static_cast<std::ptrdiff_t>(begin),
                      page.labels.begin() + static_cast<std::ptrdiff_t>(end));
  prepare_window(crop->window, 0);
  Staged staged = stage_window(crop->window);
  crop->rules = std::move(staged.rules);
  crop->features = std::move(staged.features);
  crop->fold_key = page.fold_key;
  crop->set = page.set;
  crop->weight = kCropWeight * page.weight;
  return true;
}

// A page with a gold text is labelled by aligning its blocks with it, and also gives the tokens
// the decoder's parameters are tuned on; a page with only snippets gives labelled rows alone.
Status prepare_page(const GoldenCase& golden, Page* page) {
  std::string input;
  if (Status s = read_file(golden.input_path, &input); !s.ok()) return s;
  page->window.doc = segment_document(input, golden.is_html ? InputKind::kHtml : InputKind::kText);
  prepare_window(page->window, 0);
  const Window& w = page->window;
  Staged staged = stage_window(w);
  page->rules = std::move(staged.rules);
  page->features = std::move(staged.features);
  if (golden.gold_path.empty()) {
    std::vector<std::string> with;
    std::vector<std::string> without;
    if (Status s = read_snippets(golden.with_path, &with); !s.ok()) return s;
    if (!golden.without_path.empty()) {
      if (Status s = read_snippets(golden.without_path, &without); !s.ok()) return s;
    }
    page->labels = label_blocks_by_snippets(w.doc.blocks, with, without);
    return {};
  }
  std::string gold;
  if (Status s = read_file(golden.gold_path, &gold); !s.ok()) return s;
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

// Leaves the blocks of the page's comment section (from its opener on, as after_comments marks
// them) out of learning: for a set whose gold keeps comments against the policy.
void unlabel_comment_section(Page& page) {
  for (std::size_t i = 0; i < page.labels.size(); ++i) {
    if (page.features[i][static_cast<std::size_t>(Feature::after_comments)] > 0.0f) page.labels[i] = BlockLabel::kUnclear;
  }
}

// Macro token F1 of the kept blocks over the pages of each set, for one choice of decoder
// parameters.
std::vector<SetF1> macro_f1_per_set(const std::vector<Page>& pages, const std::vector<std::vector<float>>& scores,
                                    const SectionModel& model, std::size_t sets) {
  std::vector<SetF1> per_set(sets);
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
    per_set[page.set].sum += precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
    ++per_set[page.set].pages;
  }
  return per_set;
}

// The labelled open blocks of the pages of every fold but `held_fold` (-1: all pages) as rows.
// `context` gives the features with the context features filled in, per page; without it the
// context features stay zero, as the first pass sees them.
TrainingRows collect_rows(const std::vector<Page>& pages, const TrainOptions& options, int held_fold,
                          const std::vector<std::vector<FeatureVector>>* context) {
  std::vector<std::vector<std::size_t>> chosen(pages.size());
  std::size_t total = 0;
  std::size_t used_pages = 0;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    if (static_cast<int>(pages[p].fold_key % options.folds) == held_fold) continue;
    const Page& page = pages[p];
    std::vector<std::size_t> open;
    for (std::size_t i = 0; i < page.features.size(); ++i) {
      if (page.rules[i] == Reason::kContent && page.labels[i] != BlockLabel::kUnclear) open.push_back(i);
    }
    const std::size_t cap = options.max_blocks_per_page;
    const std::size_t stride = cap == 0 ? 1 : (open.size() + cap - 1) / cap;
    for (std::size_t k = 0; k < open.size(); k += std::max<std::size_t>(1, stride)) chosen[p].push_back(open[k]);
    total += chosen[p].size();
    used_pages += chosen[p].empty() ? 0 : 1;
  }
  // Every page weighs total / used_pages in all (a crop less), so rows weigh about 1 on average.
  const double page_weight = used_pages > 0 ? static_cast<double>(total) / used_pages : 0.0;
  TrainingRows rows;
  rows.values.reserve(total * kFeatureCount);
  for (std::size_t p = 0; p < pages.size(); ++p) {
    const Page& page = pages[p];
    std::vector<double> block_weights;
    block_weights.reserve(chosen[p].size());
    double sum = 0;
    for (std::size_t i : chosen[p]) {
      block_weights.push_back(std::pow(page.window.shapes[i].words + 1.0, options.word_weight_power));
      sum += block_weights.back();
    }
    for (std::size_t k = 0; k < chosen[p].size(); ++k) {
      const std::size_t i = chosen[p][k];
      const double share = block_weights[k] / sum;
      const FeatureVector& features = context != nullptr ? (*context)[p][i] : page.features[i];
      rows.add(features, page.labels[i] == BlockLabel::kContent, static_cast<float>(page_weight * page.weight * share));
    }
  }
  return rows;
}

Status fit_logged(const TrainingRows& rows, const TrainOptions& options, const std::string& what, TreeEnsemble* out) {
  if (options.progress) options.progress("  " + what + ": " + std::to_string(rows.size()) + " labelled blocks");
  BoostParams params = options.boost;
  params.threads = options.threads;
  return fit_ensemble(rows, params, out);
}

Status train_section(const std::vector<Page>& pages, const TrainOptions& options, SectionModel* section) {
  const int folds = std::max(2, options.folds);
  TrainOptions folded = options;
  folded.folds = folds;
  // Cross-fitted first pass: each fold scored by trees learnt on the other folds.
  std::vector<std::vector<float>> first(pages.size());
  for (int fold = 0; fold < folds; ++fold) {
    TreeEnsemble trees;
    const std::string what = "first pass, fold " + std::to_string(fold + 1) + " of " + std::to_string(folds);
    if (Status s = fit_logged(collect_rows(pages, folded, fold, nullptr), folded, what, &trees); !s.ok()) return s;
    for (std::size_t p = 0; p < pages.size(); ++p) {
      if (static_cast<int>(pages[p].fold_key % folds) != fold) continue;
      first[p] = score_first_pass(pages[p].rules, trees, pages[p].features);
    }
  }
  std::vector<std::vector<FeatureVector>> context(pages.size());
  for (std::size_t p = 0; p < pages.size(); ++p) {
    context[p] = pages[p].features;
    add_context_features(first[p], context[p]);
  }
  // Cross-fitted second pass, for choosing the decoder's parameters on probabilities like those
  // of new pages.
  std::vector<std::vector<float>> second(pages.size());
  for (int fold = 0; fold < folds; ++fold) {
    TreeEnsemble trees;
    const std::string what = "second pass, fold " + std::to_string(fold + 1) + " of " + std::to_string(folds);
    if (Status s = fit_logged(collect_rows(pages, folded, fold, &context), folded, what, &trees); !s.ok()) return s;
    for (std::size_t p = 0; p < pages.size(); ++p) {
      if (static_cast<int>(pages[p].fold_key % folds) != fold) continue;
      second[p] = score_blocks(context[p], trees);
    }
  }
  if (Status s = fit_logged(collect_rows(pages, folded, -1, nullptr), folded, "first pass, all pages", &section->first_pass);
      !s.ok()) {
    return s;
  }
  if (Status s = fit_logged(collect_rows(pages, folded, -1, &context), folded, "second pass, all pages", &section->second_pass);
      !s.ok()) {
    return s;
  }
  // Pages labelled by snippets alone give no tokens to tune on; then the starting model's decoder
  // parameters stay.
  const bool tunable = std::any_of(pages.begin(), pages.end(), [](const Page& page) { return page.gold_total > 0; });
  if (!tunable) return {};
  // The pair chosen is the best by macro F1 over all pages. Each set has its own best pair (a set
  // whose gold keeps more wants a lower threshold), so the log shows what each set gives up.
  std::vector<std::pair<float, float>> trials;
  std::vector<std::vector<SetF1>> per_trial;
  for (float threshold : kThresholds) {
    for (float cost : kSwitchCosts) {
      SectionModel candidate;
      candidate.threshold = threshold;
      candidate.switch_cost = cost;
      trials.emplace_back(threshold, cost);
      per_trial.push_back(macro_f1_per_set(pages, second, candidate, options.sets.size()));
    }
  }
  if (options.progress) {
    // The whole table, so a user sees what each set gives up for the choice.
    for (std::size_t t = 0; t < trials.size(); ++t) {
      char buffer[64];
      std::snprintf(buffer, sizeof buffer, "    threshold %.2f, switch cost %.1f:", trials[t].first, trials[t].second);
      std::string line = buffer;
      for (std::size_t k = 0; k < per_trial[t].size(); ++k) {
        if (per_trial[t][k].pages == 0) continue;
        std::snprintf(buffer, sizeof buffer, " %.4f", per_trial[t][k].mean());
        line.append(" ").append(set_name(options.sets[k])).append(buffer);
      }
      options.progress(line);
    }
  }
  const DecoderChoice choice = pooled_choice(per_trial, kMinReportedPages);
  section->threshold = trials[choice.trial].first;
  section->switch_cost = trials[choice.trial].second;
  if (options.progress) {
    char buffer[320];
    std::snprintf(buffer, sizeof buffer,
                  "  threshold %.2f, switch cost %.1f: macro token F1 %.4f on these pages, cross-fitted; "
                  "%.4f below the best for %s, the set that gives up most",
                  section->threshold, section->switch_cost, choice.pooled, choice.regret,
                  set_name(options.sets[choice.worst_set]).c_str());
    options.progress(buffer);
  }
  return {};
}

}  // namespace

DecoderChoice pooled_choice(const std::vector<std::vector<SetF1>>& per_trial, int min_pages) {
  const std::vector<SetF1>& counts = per_trial.front();
  const std::size_t sets = counts.size();
  const bool any_large = std::any_of(counts.begin(), counts.end(), [&](const SetF1& f) { return f.pages >= min_pages; });
  std::vector<double> set_best(sets, 0.0);
  for (const std::vector<SetF1>& trial : per_trial) {
    for (std::size_t k = 0; k < sets; ++k) set_best[k] = std::max(set_best[k], trial[k].mean());
  }
  constexpr double kTie = 1e-9;  // a later trial must beat an earlier one by more than rounding
  DecoderChoice best;
  for (std::size_t t = 0; t < per_trial.size(); ++t) {
    double sum = 0;
    int pages = 0;
    for (const SetF1& set : per_trial[t]) {
      sum += set.sum;
      pages += set.pages;
    }
    const double pooled = pages > 0 ? sum / pages : 0.0;
    if (t > 0 && pooled <= best.pooled + kTie) continue;
    best = DecoderChoice{};
    best.trial = t;
    best.pooled = pooled;
    for (std::size_t k = 0; k < sets; ++k) {
      const bool has_say = counts[k].pages >= (any_large ? min_pages : 1);
      const double loss = set_best[k] - per_trial[t][k].mean();
      if (has_say && loss > best.regret) {
        best.regret = loss;
        best.worst_set = k;
      }
    }
  }
  return best;
}

Status train_model(const TrainOptions& options, const Model& start, Model* out) {
  for (const std::string& dir : options.sets) {
    std::error_code error;
    if (!std::filesystem::is_directory(dir, error)) return Status{ErrorCode::kIo, dir + ": not a directory"};
  }
  auto is_given = [&](const std::string& name) {
    return std::any_of(options.sets.begin(), options.sets.end(),
                       [&](const std::string& dir) { return set_name(dir) == name; });
  };
  for (const std::string& name : options.gold_keeps_comments) {
    if (!is_given(name)) return Status{ErrorCode::kUsage, "gold keeps comments: '" + name + "' is not one of the sets given"};
  }
  for (const auto& [name, weight] : options.set_weights) {
    if (!is_given(name)) return Status{ErrorCode::kUsage, "set weight for '" + name + "', which is not one of the sets given"};
    if (!(weight > 0.0f && weight <= kMaxSetWeight)) {
      return Status{ErrorCode::kUsage, "set weight for '" + name + "' must be above 0 and at most " +
                                           std::to_string(static_cast<int>(kMaxSetWeight))};
    }
  }
  Model model = start;
  std::size_t pages_seen = 0;
  for (CaseMode mode : {CaseMode::kText, CaseMode::kHtml}) {
    if (!(mode == CaseMode::kText ? options.learn_text : options.learn_html)) continue;
    std::vector<GoldenCase> cases;
    std::vector<std::size_t> case_sets;  // index of each case's set among options.sets
    for (std::size_t k = 0; k < options.sets.size(); ++k) {
      std::vector<GoldenCase> set_cases;
      if (!list_cases(options.sets[k], mode, options.part, &set_cases).ok()) continue;  // a set may lack this input kind
      for (GoldenCase& c : set_cases) {
        if (c.gold_path.empty() && c.with_path.empty()) continue;
        cases.push_back(std::move(c));
        case_sets.push_back(k);
      }
    }
    if (options.progress) {
      options.progress(std::string(case_mode_name(mode)) + ": " + std::to_string(cases.size()) + " pages with gold text or snippets");
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
    const std::size_t whole_pages = pages.size();
    for (std::size_t p = 0; p < whole_pages; ++p) {
      const std::string name = set_name(options.sets[case_sets[p]]);
      const auto set_weight = options.set_weights.find(name);
      pages[p].fold_key = p;
      pages[p].set = case_sets[p];
      pages[p].weight = (cases[p].gold_path.empty() ? kSnippetPageWeight : 1.0f) *
                        (set_weight != options.set_weights.end() ? set_weight->second : 1.0f);
      if (options.gold_keeps_comments.count(name) > 0) unlabel_comment_section(pages[p]);
    }
    for (std::size_t p = 0; p < whole_pages; ++p) {
      Page crop;
      if (pages[p].gold_total > 0 && make_crop(pages[p], p % kCropMargins, &crop)) pages.push_back(std::move(crop));
    }
    SectionModel& section = mode == CaseMode::kHtml ? model.html : model.text;
    if (Status s = train_section(pages, options, &section); !s.ok()) return s;
  }
  if (pages_seen == 0) return Status{ErrorCode::kIo, "no page with a gold text (<id>.gold.txt) or snippets (<id>.with.json) in the given sets"};
  *out = model;
  return {};
}

}  // namespace winnow
