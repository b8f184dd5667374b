// Cost of each stage of the pipeline on its own, on real corpus pages, per set and input kind:
//
//   Stage/<set>/<kind>/prune      HTML only: dropping what the parser need not see, long text and values
//                                 standing in (raw_text_bodies, stand_ins)
//   Stage/<set>/<kind>/parse      HTML only: Gumbo on the pruned bytes, as segment_html gives them (tree
//                                 built and freed)
//   Stage/<set>/<kind>/segment    bytes -> blocks (for HTML: prune, parse and the segmenter)
//   Stage/<set>/<kind>/shape      per-block shapes, the lexicon's patterns included
//   Stage/<set>/<kind>/features   repeats, teasers, rules and feature vectors
//   Stage/<set>/<kind>/score      both passes of the trees
//   Stage/<set>/<kind>/decode     sequence decoding and dropping kept repeats
//   Stage/<set>/<kind>/output     writing the kept text
//
//   build/bench/winnow_bench --benchmark_filter=Stage/dragnet
//
// Every stage's input is computed once, before timing, by the stages before it; bytes_per_second
// is MB of the pages' input per second of that stage alone, so the stages' times add up to about
// the end-to-end time of BM_Text*/BM_Html* (throughput_bench.cpp).
#include <benchmark/benchmark.h>
#include <gumbo.h>

#include <algorithm>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "corpus_pages.h"
#include "pipeline.h"
#include "raw_text_bodies.h"
#include "stand_ins.h"
#include "writers.h"

namespace {


constexpr std::size_t kMaxPages = 100;  // per set and kind: enough for a stable figure, quick to stage

struct Page {
  std::string bytes;
  std::string pruned;  // HTML: what Gumbo parses, as segment_html gives it (with stand-ins)
  winnow::Window window;
  winnow::Staged staged;
  std::vector<float> scores;
  winnow::CleanResult result;
};

std::vector<Page> load_pages(const std::string& set, bool html) {
  const winnow::SectionModel& model = winnow::default_model().for_kind(html);
  std::vector<Page> pages;
  for (std::string& bytes : winnow::bench::corpus_pages(set, html ? ".html" : ".txt", kMaxPages)) {
    Page page;
    page.bytes = std::move(bytes);
    if (html) {
      winnow::StandIns stand_ins(page.bytes);
      page.pruned = winnow::drop_raw_text_bodies(page.bytes, winnow::kMaxAttributes, &stand_ins);
      if (page.pruned.empty()) page.pruned = page.bytes;
    }
    page.window.doc = winnow::segment_document(page.bytes, html ? winnow::InputKind::kHtml : winnow::InputKind::kText);
    winnow::prepare_window(page.window, 0);
    page.staged = winnow::stage_window(page.window);
    std::vector<winnow::FeatureVector> features = page.staged.features;
    page.scores = winnow::score_two_passes(page.staged.rules, model, features);
    page.result = winnow::clean(page.bytes, winnow::CleanOptions{.kind = html ? winnow::InputKind::kHtml
                                                                                : winnow::InputKind::kText});
    pages.push_back(std::move(page));
  }
  return pages;
}

// The pages of each set and kind, loaded once for all the stages that use them.
const std::vector<Page>& pages_of(const std::string& set, bool html) {
  static std::map<std::pair<std::string, bool>, std::vector<Page>> loaded;
  auto [at, inserted] = loaded.try_emplace({set, html});
  if (inserted) at->second = load_pages(set, html);
  return at->second;
}

using StageRun = std::function<double(const Page&, const winnow::SectionModel&)>;

void run_stage(benchmark::State& state, const std::string& set, bool html, const StageRun& stage) {
  const std::vector<Page>& pages = pages_of(set, html);
  if (pages.empty()) {
    state.SkipWithError(("no pages of " + set + " in the corpus").c_str());
    return;
  }
  const winnow::SectionModel& model = winnow::default_model().for_kind(html);
  std::size_t bytes = 0;
  for (const Page& page : pages) bytes += page.bytes.size();
  for (auto _ : state) {
    double sink = 0;
    for (const Page& page : pages) sink += stage(page, model);
    benchmark::DoNotOptimize(sink);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * pages.size()));
}

double prune(const Page& page, const winnow::SectionModel&) {
  winnow::StandIns stand_ins(page.bytes);
  return static_cast<double>(winnow::drop_raw_text_bodies(page.bytes, winnow::kMaxAttributes, &stand_ins).size());
}

double parse(const Page& page, const winnow::SectionModel&) {
  GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, page.pruned.data(), page.pruned.size());
  const double children = output->root->v.element.children.length;
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  return children;
}

double segment(const Page& page, const winnow::SectionModel&) {
  return static_cast<double>(
      winnow::segment_document(page.bytes, page.window.doc.is_html ? winnow::InputKind::kHtml : winnow::InputKind::kText)
          .blocks.size());
}

double shape(const Page& page, const winnow::SectionModel&) {
  winnow::Window window;
  window.doc = page.window.doc;  // the copy is outside what prepare_window costs, but small beside it
  winnow::prepare_window(window, 0);
  return static_cast<double>(window.shapes.size());
}

double features(const Page& page, const winnow::SectionModel&) {
  return static_cast<double>(winnow::stage_window(page.window).features.size());
}

double score(const Page& page, const winnow::SectionModel& model) {
  std::vector<winnow::FeatureVector> features = page.staged.features;  // the second pass writes into them
  const std::vector<float> scores = winnow::score_two_passes(page.staged.rules, model, features);
  return scores.empty() ? 0.0 : scores.front();
}

double decode(const Page& page, const winnow::SectionModel& model) {
  std::vector<winnow::Decision> decisions =
      winnow::decode_blocks(page.window.shapes, page.staged.rules, page.scores, model);
  winnow::RepeatTracker kept;
  winnow::drop_kept_repeats(page.window.shapes, 0, page.window.shapes.size(), kept, decisions);
  return static_cast<double>(std::count_if(decisions.begin(), decisions.end(), [](const auto& d) { return d.keep; }));
}

double output(const Page& page, const winnow::SectionModel&) {
  std::ostringstream out;
  winnow::write_text(out, page.result);
  return static_cast<double>(out.tellp());
}

const bool kRegistered = [] {
  struct Stage {
    const char* name;
    StageRun run;
    bool html_only;
  };
  const Stage stages[] = {{"prune", prune, true},     {"parse", parse, true},         {"segment", segment, false},
                          {"shape", shape, false},    {"features", features, false}, {"score", score, false},
                          {"decode", decode, false}, {"output", output, false}};
  for (const char* set : {"dragnet", "wcxb-dev"}) {
    for (const bool html : {false, true}) {
      for (const Stage& stage : stages) {
        if (stage.html_only && !html) continue;
        const std::string name = std::string("Stage/") + set + "/" + (html ? "html" : "text") + "/" + stage.name;
        benchmark::RegisterBenchmark(name.c_str(), [set, html, run = stage.run](benchmark::State& state) {
          run_stage(state, set, html, run);
        })->Unit(benchmark::kMillisecond);
      }
    }
  }
  return true;
}();

}  // namespace
