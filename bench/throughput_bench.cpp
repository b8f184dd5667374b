// Throughput of the whole filter on real corpus pages, per input kind (MB/s of input).
//
//   build/bench/winnow_bench                      pages from build/corpus (ctest unpacks it there)
//   WINNOW_CORPUS=/path/to/corpus build/bench/winnow_bench --benchmark_filter=Html
//
// Each benchmark cleans the same pages every iteration and checks that the kept text is the same
// as in the first iteration and not empty, so a benchmark that silently stopped working fails.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <string>
#include <vector>

#include "corpus_pages.h"
#include "winnow/winnow.h"

namespace {


constexpr std::size_t kMaxPages = 300;  // per set: enough for a stable figure, quick to load

void clean_pages(benchmark::State& state, const std::string& set, const std::string& extension,
                 winnow::InputKind kind) {
  const std::vector<std::string> pages = winnow::bench::corpus_pages(set, extension, kMaxPages);
  if (pages.empty()) {
    state.SkipWithError(("no " + extension + " pages in " + winnow::bench::corpus_root() + "/" + set).c_str());
    return;
  }
  std::size_t bytes = 0;
  for (const std::string& page : pages) bytes += page.size();
  winnow::CleanOptions options;
  options.kind = kind;
  std::size_t expected_kept = 0;
  bool first = true;
  for (auto _ : state) {
    std::size_t kept = 0;
    for (const std::string& page : pages) {
      const winnow::CleanResult result = winnow::clean(page, options);
      kept += winnow::kept_text(result).size();
    }
    if (first) expected_kept = kept;
    if (kept == 0 || kept != expected_kept) {
      state.SkipWithError("the kept text changed between iterations or is empty");
      return;
    }
    first = false;
    benchmark::DoNotOptimize(kept);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * pages.size()));
  state.counters["pages"] = static_cast<double>(pages.size());
}

void BM_TextDragnet(benchmark::State& state) { clean_pages(state, "dragnet", ".txt", winnow::InputKind::kText); }
void BM_TextWcxb(benchmark::State& state) { clean_pages(state, "wcxb-dev", ".txt", winnow::InputKind::kText); }
void BM_HtmlDragnet(benchmark::State& state) { clean_pages(state, "dragnet", ".html", winnow::InputKind::kHtml); }
void BM_HtmlWcxb(benchmark::State& state) { clean_pages(state, "wcxb-dev", ".html", winnow::InputKind::kHtml); }

BENCHMARK(BM_TextDragnet)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TextWcxb)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_HtmlDragnet)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_HtmlWcxb)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
