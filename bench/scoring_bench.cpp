// Cost of the classifier alone: both passes of the default model's trees over the blocks of real
// pages, whose features are computed once beforehand. items_per_second is blocks per second, so
// 1e6 / that is the microseconds one block costs (the issue allows a few).
//
//   build/bench/winnow_bench --benchmark_filter=Score
#include <benchmark/benchmark.h>

#include <algorithm>
#include <string>
#include <vector>

#include "corpus_pages.h"
#include "pipeline.h"

namespace {


constexpr std::size_t kMaxPages = 100;

struct StagedPage {
  std::vector<winnow::Reason> rules;
  std::vector<winnow::FeatureVector> features;
};

std::vector<StagedPage> stage_pages(const std::string& set, const std::string& extension) {
  std::vector<StagedPage> pages;
  for (const std::string& bytes : winnow::bench::corpus_pages(set, extension, kMaxPages)) {
    winnow::Window window;
    window.doc = winnow::segment_document(bytes, extension == ".html" ? winnow::InputKind::kHtml
                                                                     : winnow::InputKind::kText);
    winnow::prepare_window(window, 0);
    winnow::Staged staged = winnow::stage_window(window);
    pages.push_back({std::move(staged.rules), std::move(staged.features)});
  }
  return pages;
}

void score_pages(benchmark::State& state, const std::string& extension) {
  const std::vector<StagedPage> pages = stage_pages("dragnet", extension);
  if (pages.empty()) {
    state.SkipWithError("no dragnet pages in the corpus");
    return;
  }
  const winnow::SectionModel& model = winnow::default_model().for_kind(extension == ".html");
  std::size_t blocks = 0;
  for (const StagedPage& page : pages) blocks += page.features.size();
  for (auto _ : state) {
    float sum = 0;
    for (const StagedPage& page : pages) {
      std::vector<winnow::FeatureVector> features = page.features;  // the second pass writes context into them
      const std::vector<float> scores = winnow::score_two_passes(page.rules, model, features);
      for (float s : scores) sum += s;
    }
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * blocks));
  state.counters["blocks"] = static_cast<double>(blocks);
}

void BM_ScoreText(benchmark::State& state) { score_pages(state, ".txt"); }
void BM_ScoreHtml(benchmark::State& state) { score_pages(state, ".html"); }
BENCHMARK(BM_ScoreText)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ScoreHtml)->Unit(benchmark::kMillisecond);

}  // namespace
