// Regress: runs the filter over golden sets (inputs with expected output) and measures quality the
// way POLICY.md defines it; compares the figures with a saved baseline. Computes only; the CLI's
// regress command prints.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "metrics.h"
#include "model.h"
#include "winnow/winnow.h"

namespace winnow {

// Which input of a case to use where both <id>.html and <id>.txt exist.
enum class CaseMode : std::uint8_t { kAuto, kHtml, kText };
std::string_view case_mode_name(CaseMode mode);

// A fixed split of any set by page id: about one page in five is held out from training.
enum class Part : std::uint8_t { kAll, kTrain, kHeldOut };
bool in_part(std::string_view id, Part part);
std::string_view part_name(Part part);

struct GoldenCase {
  std::string id;
  std::string input_path;
  bool is_html = false;
  std::string gold_path;     // empty when the case has only snippets
  std::string with_path;     // empty when the case has no snippets
  std::string without_path;
};

// The name of a set: its directory's last component ("corpus/dragnet/" -> "dragnet").
std::string set_name(const std::string& dir);

// Lists the cases of one set directory in id order. A case is <id>.html and/or <id>.txt with
// <id>.gold.txt and/or <id>.with.json (+ <id>.without.json); other files are ignored.
Status list_cases(const std::string& dir, CaseMode mode, Part part, std::vector<GoldenCase>* out);

Status read_file(const std::string& path, std::string* out);

// Reads a snippet file: a JSON list of strings.
Status read_snippets(const std::string& path, std::vector<std::string>* out);

struct CaseResult {
  std::string id;
  bool has_tokens = false;  // gold with at least one token
  TokenCounts tokens;
  PrecisionRecall scores;
  bool has_snippets = false;
  SnippetCounts snippets;
  bool has_gold_text = false;
  bool exact = false;  // output identical to the gold text
  std::vector<std::string> missing;  // gold lines not in the output
  std::vector<std::string> extra;    // output lines not in the gold
  std::string error;                 // non-empty when the case could not be run
};

struct SetReport {
  std::string name;  // <directory name>/<mode>, the key in baselines
  int cases = 0;
  int scored = 0;      // cases with a non-empty gold text
  int empty_gold = 0;  // left out of the token average
  PrecisionRecall macro;
  bool has_snippets = false;
  SnippetCounts snippets;
  int exact_total = 0;  // cases with a gold text
  std::vector<std::string> exact_ids;
  std::vector<CaseResult> results;  // every case, in id order
  int errors = 0;
};

// Runs one set with `threads` workers. Fails only when the directory cannot be listed or holds no
// case; a case whose files cannot be read is reported in its result and counted in `errors`.
// When `outputs_dir` is not empty, each case's output is also written there as <id>.txt (the
// directory is created), so other scorers can read it.
Status run_set(const std::string& dir, CaseMode mode, Part part, const Model& model, int threads,
               const std::string& outputs_dir, SetReport* out);

// The figures of every set as JSON (the --json and baseline format).
std::string reports_to_json(const std::vector<SetReport>& reports);

// Allowed drop of a set's macro token F1 (and snippet F1) below its baseline.
inline constexpr double kBaselineTolerance = 0.005;

// Compares reports with a baseline file. Each problem (a set whose F1 fell by more than the
// tolerance, an exact case that no longer matches) becomes one line of `regressions`. Sets missing
// from the baseline are not compared.
Status compare_with_baseline(const std::string& baseline_path, const std::vector<SetReport>& reports,
                             std::vector<std::string>* regressions);

// Writes the baseline: the figures of `reports`, merged over the sets already in the file.
Status update_baseline(const std::string& baseline_path, const std::vector<SetReport>& reports);

}  // namespace winnow
