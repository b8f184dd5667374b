// Regress. Entry points: run_set, compare_with_baseline. Tested by tests/regress_test.cpp.
#include "regress.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>
#include <unordered_map>

#include "fnv_hash.h"

namespace winnow {
namespace fs = std::filesystem;
namespace {

constexpr unsigned kHeldOutModulus = 5;  // one page in five is held out

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) lines.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// Lines of `a` not matched by a line of `b`, as multisets, in a's order.
std::vector<std::string> unmatched_lines(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::unordered_map<std::string_view, int> available;
  for (const std::string& line : b) ++available[line];
  std::vector<std::string> out;
  for (const std::string& line : a) {
    auto found = available.find(line);
    if (found != available.end() && found->second > 0) {
      --found->second;
    } else {
      out.push_back(line);
    }
  }
  return out;
}


CaseResult run_case(const GoldenCase& golden, const Model& model, const std::string& outputs_dir) {
  CaseResult result;
  result.id = golden.id;
  std::string input;
  if (Status s = read_file(golden.input_path, &input); !s.ok()) {
    result.error = s.message;
    return result;
  }
  CleanOptions options;
  options.kind = golden.is_html ? InputKind::kHtml : InputKind::kText;
  options.model = &model;
  const std::string output = kept_text(clean(input, options));
  if (!outputs_dir.empty()) {
    const std::string path = (fs::path(outputs_dir) / (golden.id + ".txt")).string();
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    file << output;
    file.close();
    if (!file) {
      result.error = path + ": cannot write";
      return result;
    }
  }
  if (!golden.gold_path.empty()) {
    std::string gold;
    if (Status s = read_file(golden.gold_path, &gold); !s.ok()) {
      result.error = s.message;
      return result;
    }
    result.has_gold_text = true;
    result.tokens = token_counts(gold, output);
    result.has_tokens = result.tokens.gold > 0;
    result.scores = token_scores(result.tokens);
    const std::vector<std::string> gold_lines = split_lines(gold);
    const std::vector<std::string> output_lines = split_lines(output);
    result.exact = gold_lines == output_lines;
    result.missing = unmatched_lines(gold_lines, output_lines);
    result.extra = unmatched_lines(output_lines, gold_lines);
  }
  if (!golden.with_path.empty()) {
    std::vector<std::string> with;
    std::vector<std::string> without;
    Status s = read_snippets(golden.with_path, &with);
    if (s.ok() && !golden.without_path.empty()) s = read_snippets(golden.without_path, &without);
    if (!s.ok()) {
      result.error = s.message;
      return result;
    }
    if (!with.empty() || !without.empty()) {
      result.has_snippets = true;
      result.snippets = snippet_counts(with, without, output);
    }
  }
  return result;
}

nlohmann::json report_json(const SetReport& r) {
  nlohmann::json j;
  j["cases"] = r.cases;
  j["scored"] = r.scored;
  j["empty_gold"] = r.empty_gold;
  if (r.scored > 0) {
    j["token_p"] = r.macro.precision;
    j["token_r"] = r.macro.recall;
    j["token_f1"] = r.macro.f1;
  }
  if (r.has_snippets) {
    const PrecisionRecall s = snippet_scores(r.snippets);
    j["snippet_accuracy"] = snippet_accuracy(r.snippets);
    j["snippet_p"] = s.precision;
    j["snippet_r"] = s.recall;
    j["snippet_f1"] = s.f1;
  }
  j["exact"] = r.exact_ids.size();
  j["exact_total"] = r.exact_total;
  j["exact_ids"] = r.exact_ids;
  return j;
}

}  // namespace

std::string_view case_mode_name(CaseMode mode) {
  switch (mode) {
    case CaseMode::kHtml: return "html";
    case CaseMode::kText: return "text";
    default: return "auto";
  }
}

bool in_part(std::string_view id, Part part) {
  if (part == Part::kAll) return true;
  const bool held_out = fnv_bytes(id) % kHeldOutModulus == 0;
  return part == Part::kHeldOut ? held_out : !held_out;
}

std::string_view part_name(Part part) {
  switch (part) {
    case Part::kTrain: return "train";
    case Part::kHeldOut: return "heldout";
    default: return "all";
  }
}

std::string set_name(const std::string& dir) {
  fs::path path = fs::path(dir).lexically_normal();
  if (path.filename().empty()) path = path.parent_path();  // "set/" normalises to "set/"
  const std::string name = path.filename().string();
  return name.empty() || name == "." ? fs::absolute(path).lexically_normal().filename().string() : name;
}

Status read_snippets(const std::string& path, std::vector<std::string>* out) {
  std::string text;
  if (Status s = read_file(path, &text); !s.ok()) return s;
  try {
    const nlohmann::json list = nlohmann::json::parse(text);
    for (const auto& item : list) out->push_back(item.get<std::string>());
  } catch (const std::exception& e) {
    return Status{ErrorCode::kIo, path + ": not a JSON list of strings (" + e.what() + ")"};
  }
  return {};
}

Status read_file(const std::string& path, std::string* out) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return Status{ErrorCode::kIo, path + ": cannot open: " + std::strerror(errno)};
  std::ostringstream contents;
  contents << file.rdbuf();
  if (file.bad()) return Status{ErrorCode::kIo, path + ": read error"};
  *out = std::move(contents).str();
  return {};
}

Status list_cases(const std::string& dir, CaseMode mode, Part part, std::vector<GoldenCase>* out) {
  std::error_code error;
  fs::directory_iterator it(dir, error);
  if (error) return Status{ErrorCode::kIo, dir + ": cannot list: " + error.message()};
  struct Files {
    bool html = false, text = false, gold = false, with = false, without = false;
  };
  std::map<std::string, Files> files;
  for (const fs::directory_entry& entry : it) {
    const std::string name = entry.path().filename().string();
    auto ends = [&](std::string_view suffix) {
      return name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    auto stem = [&](std::string_view suffix) { return name.substr(0, name.size() - suffix.size()); };
    if (ends(".gold.txt")) files[stem(".gold.txt")].gold = true;
    else if (ends(".with.json")) files[stem(".with.json")].with = true;
    else if (ends(".without.json")) files[stem(".without.json")].without = true;
    else if (ends(".html")) files[stem(".html")].html = true;
    else if (ends(".txt")) files[stem(".txt")].text = true;
  }
  for (const auto& [id, f] : files) {
    if (!(f.gold || f.with) || !(f.html || f.text) || !in_part(id, part)) continue;
    GoldenCase c;
    c.id = id;
    c.is_html = mode == CaseMode::kHtml ? f.html : mode == CaseMode::kText ? !f.text : f.html;
    if ((mode == CaseMode::kHtml && !f.html) || (mode == CaseMode::kText && !f.text)) continue;
    const std::string base = (fs::path(dir) / id).string();
    c.input_path = base + (c.is_html ? ".html" : ".txt");
    if (f.gold) c.gold_path = base + ".gold.txt";
    if (f.with) c.with_path = base + ".with.json";
    if (f.without) c.without_path = base + ".without.json";
    out->push_back(std::move(c));
  }
  if (out->empty()) {
    return Status{ErrorCode::kIo, dir + ": no golden cases (<id>.html or <id>.txt with <id>.gold.txt or "
                                        "<id>.with.json) for mode " + std::string(case_mode_name(mode))};
  }
  return {};
}

Status run_set(const std::string& dir, CaseMode mode, Part part, const Model& model, int threads,
               const std::string& outputs_dir, SetReport* out) {
  std::vector<GoldenCase> cases;
  if (Status s = list_cases(dir, mode, part, &cases); !s.ok()) return s;
  if (!outputs_dir.empty()) {
    std::error_code error;
    fs::create_directories(outputs_dir, error);
    if (error) return Status{ErrorCode::kIo, outputs_dir + ": cannot create: " + error.message()};
  }
  SetReport report;
  report.name = set_name(dir) + "/" + std::string(case_mode_name(mode));
  if (part != Part::kAll) report.name.append("/").append(part_name(part));
  report.results.resize(cases.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < cases.size(); i = next++) report.results[i] = run_case(cases[i], model, outputs_dir);
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < std::max(1, threads); ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();

  report.cases = static_cast<int>(cases.size());
  for (const CaseResult& r : report.results) {
    if (!r.error.empty()) {
      ++report.errors;
      continue;
    }
    if (r.has_gold_text) {
      ++report.exact_total;
      if (r.exact) report.exact_ids.push_back(r.id);
      if (r.has_tokens) {
        ++report.scored;
        report.macro.precision += r.scores.precision;
        report.macro.recall += r.scores.recall;
        report.macro.f1 += r.scores.f1;
      } else {
        ++report.empty_gold;
      }
    }
    if (r.has_snippets) {
      report.has_snippets = true;
      report.snippets += r.snippets;
    }
  }
  if (report.scored > 0) {
    report.macro.precision /= report.scored;
    report.macro.recall /= report.scored;
    report.macro.f1 /= report.scored;
  }
  *out = std::move(report);
  return {};
}

std::string reports_to_json(const std::vector<SetReport>& reports) {
  nlohmann::json j = nlohmann::json::object();
  for (const SetReport& r : reports) j[r.name] = report_json(r);
  return j.dump(1) + "\n";
}

Status compare_with_baseline(const std::string& baseline_path, const std::vector<SetReport>& reports,
                             std::vector<std::string>* regressions) {
  std::string text;
  if (Status s = read_file(baseline_path, &text); !s.ok()) return s;
  nlohmann::json baseline;
  try {
    baseline = nlohmann::json::parse(text);
  } catch (const std::exception& e) {
    return Status{ErrorCode::kIo, baseline_path + ": not a baseline file (" + e.what() + ")"};
  }
  char buffer[256];
  for (const SetReport& r : reports) {
    if (!baseline.contains(r.name)) continue;
    const nlohmann::json& b = baseline[r.name];
    if (r.scored > 0 && b.contains("token_f1") && r.macro.f1 < b["token_f1"].get<double>() - kBaselineTolerance) {
      std::snprintf(buffer, sizeof buffer, "%s: token F1 %.4f is below the baseline %.4f", r.name.c_str(), r.macro.f1,
                    b["token_f1"].get<double>());
      regressions->push_back(buffer);
    }
    if (r.has_snippets && b.contains("snippet_f1")) {
      const double f1 = snippet_scores(r.snippets).f1;
      if (f1 < b["snippet_f1"].get<double>() - kBaselineTolerance) {
        std::snprintf(buffer, sizeof buffer, "%s: snippet F1 %.4f is below the baseline %.4f", r.name.c_str(), f1,
                      b["snippet_f1"].get<double>());
        regressions->push_back(buffer);
      }
    }
    if (b.contains("exact_ids")) {
      for (const auto& id : b["exact_ids"]) {
        const std::string wanted = id.get<std::string>();
        if (!std::binary_search(r.exact_ids.begin(), r.exact_ids.end(), wanted)) {
          regressions->push_back(r.name + ": case " + wanted + " matched its gold exactly in the baseline, now it does not");
        }
      }
    }
  }
  return {};
}

Status update_baseline(const std::string& baseline_path, const std::vector<SetReport>& reports) {
  nlohmann::json baseline = nlohmann::json::object();
  std::string text;
  if (fs::exists(baseline_path)) {
    if (Status s = read_file(baseline_path, &text); !s.ok()) return s;
    try {
      baseline = nlohmann::json::parse(text);
    } catch (const std::exception& e) {
      return Status{ErrorCode::kIo, baseline_path + ": not a baseline file (" + e.what() + ")"};
    }
  }
  for (const SetReport& r : reports) baseline[r.name] = report_json(r);
  std::ofstream file(baseline_path, std::ios::binary | std::ios::trunc);
  file << baseline.dump(1) << "\n";
  file.close();
  if (!file) return Status{ErrorCode::kIo, baseline_path + ": cannot write"};
  return {};
}

}  // namespace winnow
