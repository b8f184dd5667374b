// The files a batch cleans, and where each one's output goes. Entry points: check_batch_inputs and
// walk_batch_inputs. Tested by tests/batch_walk_test.cpp.
//
// Every input tree is mirrored under OUT: `dir/sub/page.html` (or `page.html.gz`) becomes
// `OUT/dir/sub/page.txt`. A directory is read in name order, so the walk is the same on every run.
// The walk holds one directory's names at a time, never the list of all files, so memory does not
// grow with the size of the tree.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "clean_stream.h"
#include "winnow/winnow.h"

namespace winnow {

// Where a batch lists its errors, in OUT; no input may be written there.
inline constexpr std::string_view kErrorsFileName = "winnow-errors.jsonl";

enum class BatchItemKind : std::uint8_t {
  kPage,   // one document: .html, .htm, .txt -> .txt (or .json with --output-format json)
  kJsonl,  // one record per line: .jsonl, .ndjson -> .jsonl (with --jsonl)
  kWarc,   // web archive: .warc -> .jsonl, one line per HTML response
};

struct BatchItem {
  std::filesystem::path input;
  std::filesystem::path output;  // under OUT
  std::string shown;             // the input as messages name it: as given, then the path below it
  BatchItemKind kind = BatchItemKind::kPage;
  std::uint64_t size = 0;        // bytes on disk (compressed, if it is)
};

struct WalkOptions {
  std::vector<std::string> inputs;  // files and directories
  std::filesystem::path out_dir;
  bool jsonl = false;               // take .jsonl/.ndjson files (and not pages)
  OutputFormat format = OutputFormat::kText;
  // A file is taken when it matches an --include glob (when there are any; else when its name has
  // a known extension) and no --exclude glob. A glob with a '/' is matched against the path below
  // the input, one without against the name; --exclude also prunes directories.
  std::vector<std::string> include;
  std::vector<std::string> exclude;
  bool follow_symlinks = false;     // also links to directories, and links out of the input tree
};

// Something the walk passed over or could not read.
struct WalkNotice {
  std::string path;
  std::string reason;
  bool is_error = false;  // an unreadable directory (an error) or a link not followed (a notice)
};

// Refuses inputs that cannot be batched: a missing input, OUT inside an input (or the reverse), an
// input inside another, two inputs whose outputs would share a name under OUT.
Status check_batch_inputs(const WalkOptions& options);

// Hands every file to take to `visit`, in walk order; `visit` returns false to stop the walk.
// Returns an error, naming both files, when two files of one directory would map to one output;
// the directory's files are not visited then.
Status walk_batch_inputs(const WalkOptions& options, const std::function<bool(BatchItem&&)>& visit,
                         const std::function<void(const WalkNotice&)>& notice);

// The output name for a file name, and its kind; false when the file is not taken by extension
// (an --include glob may still take it, as a page or, with --jsonl, as records).
bool output_name_for(const std::string& name, const WalkOptions& options, std::string* output, BatchItemKind* kind);

}  // namespace winnow
