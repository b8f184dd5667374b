// The files a batch cleans. Entry points: check_batch_inputs, walk_batch_inputs. Tested by
// tests/batch_walk_test.cpp.
#include "batch_walk.h"

#include "atomic_output.h"

#include <fnmatch.h>

#include <algorithm>
#include <cctype>
#include <set>

namespace winnow {
namespace fs = std::filesystem;
namespace {

struct Extension {
  std::string_view suffix;  // lower case, with its dot
  BatchItemKind kind;
  bool needs_jsonl;  // taken only with --jsonl; pages only without
};
constexpr Extension kExtensions[] = {
    {".html", BatchItemKind::kPage, false},   {".htm", BatchItemKind::kPage, false},
    {".txt", BatchItemKind::kPage, false},    {".jsonl", BatchItemKind::kJsonl, true},
    {".ndjson", BatchItemKind::kJsonl, true}, {".warc", BatchItemKind::kWarc, false},
};
constexpr std::string_view kCompressedSuffixes[] = {".gz", ".zst"};

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string output_suffix(BatchItemKind kind, const WalkOptions& options) {
  if (kind != BatchItemKind::kPage) return ".jsonl";
  return options.format == OutputFormat::kJson ? ".json" : ".txt";
}

bool glob_matches(const std::vector<std::string>& globs, const std::string& name, const std::string& below) {
  for (const std::string& glob : globs) {
    const bool with_slash = glob.find('/') != std::string::npos;
    if (fnmatch(glob.c_str(), (with_slash ? below : name).c_str(), with_slash ? FNM_PATHNAME : 0) == 0) return true;
  }
  return false;
}

// Whether `inner` is `outer` or lies below it (both canonical or weakly canonical).
bool is_within(const fs::path& inner, const fs::path& outer) {
  auto i = inner.begin();
  for (auto o = outer.begin(); o != outer.end(); ++o, ++i) {
    if (o->empty()) continue;  // a trailing separator
    if (i == inner.end() || *i != *o) return false;
  }
  return true;
}

// The name an input root takes under OUT: a directory its own name ("." and ".." none, so their
// files land in OUT itself), a file the output name of its file name.
struct Root {
  fs::path path;
  fs::path canonical;
  bool is_dir = false;
  std::string out_name;  // empty: OUT itself
};

Status root_of(const std::string& input, const WalkOptions& options, Root* root) {
  std::error_code error;
  root->path = fs::path(input).lexically_normal();
  const fs::file_status status = fs::status(root->path, error);
  if (error || !fs::exists(status)) return Status{ErrorCode::kUsage, input + ": no such file or directory"};
  root->canonical = fs::canonical(root->path, error);
  if (error) return Status{ErrorCode::kUsage, input + ": cannot resolve: " + error.message()};
  root->is_dir = fs::is_directory(status);
  std::string name = root->path.filename().string();
  if (name.empty()) name = root->path.parent_path().filename().string();  // "dir/" normalises to "dir/"
  if (root->is_dir) {
    root->out_name = (name == "." || name == "..") ? "" : name;
    return {};
  }
  BatchItemKind kind = BatchItemKind::kPage;
  if (!output_name_for(name, options, &root->out_name, &kind)) {
    // A file named on the command line is taken whatever its extension.
    root->out_name = name + output_suffix(options.jsonl ? BatchItemKind::kJsonl : BatchItemKind::kPage, options);
  }
  return {};
}

std::uint64_t file_size_or_zero(const fs::path& path) {
  std::error_code error;
  const std::uintmax_t size = fs::file_size(path, error);
  return error ? 0 : static_cast<std::uint64_t>(size);
}

// One directory's entries to take, in name order, with the outputs they map to.
struct Entry {
  fs::path path;
  std::string name;
  std::string out_name;
  BatchItemKind kind = BatchItemKind::kPage;
  bool is_dir = false;
  std::uint64_t size = 0;
};

// The entries of one directory to take (files by extension or --include, directories not
// excluded), in name order. `below` is the directory's path below the input root. Links are
// followed as WalkOptions says; what is passed over goes to `notice`.
std::vector<Entry> read_entries(const fs::path& dir, const fs::path& below, const Root& root, const WalkOptions& options,
                                std::set<fs::path>& visited_dirs, const std::function<void(const WalkNotice&)>& notice) {
  std::vector<Entry> entries;
  std::error_code error;
  fs::directory_iterator it(dir, error);
  if (error) {
    notice(WalkNotice{dir.string(), "cannot read the directory: " + error.message(), true});
    return entries;
  }
  for (; it != fs::directory_iterator(); it.increment(error)) {
    Entry entry;
    entry.path = it->path();
    entry.name = entry.path.filename().string();
    if (entry.name.ends_with(kPartialSuffix)) continue;  // another run's temporary output
    const std::string below_name = (below / entry.name).generic_string();
    std::error_code entry_error;
    const bool is_link = it->is_symlink(entry_error);
    const fs::file_status status = it->status(entry_error);  // follows links
    if (entry_error && !is_link) {
      notice(WalkNotice{entry.path.string(), "cannot read its status: " + entry_error.message(), true});
      continue;
    }
    if (is_link) {
      const fs::path target = fs::canonical(entry.path, entry_error);
      if (entry_error) {
        notice(WalkNotice{entry.path.string(), "a link to nothing; passed over", false});
        continue;
      }
      if (!options.follow_symlinks) {
        if (!is_within(target, root.canonical)) {
          notice(WalkNotice{entry.path.string(), "a link out of the input tree; not followed (--follow-symlinks follows it)", false});
          continue;
        }
        if (fs::is_directory(status)) {
          notice(WalkNotice{entry.path.string(), "a link to a directory; not followed (--follow-symlinks follows it)", false});
          continue;
        }
      } else if (fs::is_directory(status) && !visited_dirs.insert(target).second) {
        notice(WalkNotice{entry.path.string(), "a link to a directory already walked; passed over", false});
        continue;
      }
    }
    if (glob_matches(options.exclude, entry.name, below_name)) continue;
    if (fs::is_directory(status)) {
      entry.is_dir = true;
      entry.out_name = entry.name;
    } else if (fs::is_regular_file(status)) {
      const bool known = output_name_for(entry.name, options, &entry.out_name, &entry.kind);
      if (!options.include.empty()) {
        if (!glob_matches(options.include, entry.name, below_name)) continue;
        if (!known) {
          entry.kind = options.jsonl ? BatchItemKind::kJsonl : BatchItemKind::kPage;
          entry.out_name = entry.name + output_suffix(entry.kind, options);
        }
      } else if (!known) {
        continue;
      }
      entry.size = file_size_or_zero(entry.path);
    } else {
      continue;  // sockets, devices, pipes
    }
    entries.push_back(std::move(entry));
  }
  if (error) notice(WalkNotice{dir.string(), "reading the directory failed: " + error.message(), true});
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.name < b.name; });
  return entries;
}

// Refuses two entries of one directory that map to one output name, and an entry of an input
// written straight into OUT that would take the errors file's name. `out` is their directory
// under OUT.
Status check_entry_outputs(const std::vector<Entry>& entries, const fs::path& out, bool into_out_dir) {
  std::vector<const Entry*> by_output;
  for (const Entry& entry : entries) by_output.push_back(&entry);
  std::sort(by_output.begin(), by_output.end(), [](const Entry* a, const Entry* b) {
    return a->out_name != b->out_name ? a->out_name < b->out_name : a->name < b->name;
  });
  for (std::size_t i = 0; i < by_output.size(); ++i) {
    if (i > 0 && by_output[i - 1]->out_name == by_output[i]->out_name) {
      return Status{ErrorCode::kUsage, by_output[i - 1]->path.string() + " and " + by_output[i]->path.string() +
                                           " would both be written to " + (out / by_output[i]->out_name).string() +
                                           "; exclude one of them (--exclude) or rename it"};
    }
    if (into_out_dir && by_output[i]->out_name == kErrorsFileName) {
      return Status{ErrorCode::kUsage, by_output[i]->path.string() + " would be written to " +
                                           (out / by_output[i]->out_name).string() +
                                           ", where the batch lists its errors; exclude it (--exclude) or rename it"};
    }
  }
  return {};
}

}  // namespace

bool output_name_for(const std::string& name, const WalkOptions& options, std::string* output, BatchItemKind* kind) {
  std::string folded = lower(name);
  std::string stem = name;
  for (std::string_view suffix : kCompressedSuffixes) {
    if (folded.size() > suffix.size() && folded.ends_with(suffix)) {
      folded.resize(folded.size() - suffix.size());
      stem.resize(folded.size());
      break;
    }
  }
  for (const Extension& extension : kExtensions) {
    if (folded.size() <= extension.suffix.size() || !folded.ends_with(extension.suffix)) continue;
    if (extension.kind != BatchItemKind::kWarc && extension.needs_jsonl != options.jsonl) return false;
    *kind = extension.kind;
    *output = stem.substr(0, stem.size() - extension.suffix.size()) + output_suffix(extension.kind, options);
    return true;
  }
  return false;
}

Status check_batch_inputs(const WalkOptions& options) {
  if (options.inputs.empty()) return Status{ErrorCode::kUsage, "no inputs given"};
  std::error_code error;
  const fs::path out = fs::weakly_canonical(options.out_dir, error);
  if (error) return Status{ErrorCode::kUsage, options.out_dir.string() + ": cannot resolve: " + error.message()};
  std::vector<Root> roots;
  for (const std::string& input : options.inputs) {
    Root root;
    if (Status s = root_of(input, options, &root); !s.ok()) return s;
    if (root.is_dir && is_within(out, root.canonical)) {
      return Status{ErrorCode::kUsage, "the output directory " + options.out_dir.string() + " lies inside the input " +
                                           input + "; choose one outside every input"};
    }
    if (is_within(root.canonical, out)) {
      return Status{ErrorCode::kUsage, "the input " + input + " lies inside the output directory " +
                                           options.out_dir.string() + "; choose one outside every input"};
    }
    for (std::size_t i = 0; i < roots.size(); ++i) {
      // An input inside another would be cleaned twice, into two places or onto one.
      const bool nested = (roots[i].is_dir && is_within(root.canonical, roots[i].canonical)) ||
                          (root.is_dir && is_within(roots[i].canonical, root.canonical));
      if (nested) {
        return Status{ErrorCode::kUsage, "the inputs " + options.inputs[i] + " and " + input +
                                             " overlap (one lies inside the other); give only the outer one"};
      }
      if (roots[i].out_name == root.out_name) {
        return Status{ErrorCode::kUsage, "the inputs " + options.inputs[i] + " and " + input +
                                             " would both be written to " +
                                             (options.out_dir / root.out_name).string() + "; name one of them differently"};
      }
    }
    roots.push_back(std::move(root));
  }
  // An input named "." or ".." writes its entries straight into OUT, beside the other inputs.
  for (const Root& root : roots) {
    if (!root.is_dir || !root.out_name.empty()) continue;
    std::set<fs::path> visited;
    const std::vector<Entry> entries = read_entries(root.path, fs::path(), root, options, visited, [](const WalkNotice&) {});
    for (const Entry& entry : entries) {
      for (std::size_t i = 0; i < roots.size(); ++i) {
        if (roots[i].out_name != entry.out_name) continue;
        return Status{ErrorCode::kUsage, entry.path.string() + " and the input " + options.inputs[i] +
                                             " would both be written to " + (options.out_dir / entry.out_name).string() +
                                             "; name one of them differently"};
      }
    }
  }
  return {};
}

Status walk_batch_inputs(const WalkOptions& options, const std::function<bool(BatchItem&&)>& visit,
                         const std::function<void(const WalkNotice&)>& notice) {
  for (const std::string& input : options.inputs) {
    Root root;
    if (Status s = root_of(input, options, &root); !s.ok()) return s;
    if (!root.is_dir) {
      BatchItem item;
      item.input = root.path;
      item.output = options.out_dir / root.out_name;
      item.shown = input;
      std::string ignored;
      if (!output_name_for(root.path.filename().string(), options, &ignored, &item.kind)) {
        item.kind = options.jsonl ? BatchItemKind::kJsonl : BatchItemKind::kPage;
      }
      item.size = file_size_or_zero(root.path);
      if (!visit(std::move(item))) return {};
      continue;
    }

    // Depth first, names in order; `pending` holds directories still to read, as paths below the root.
    std::set<fs::path> visited_dirs = {root.canonical};  // against cycles through followed links
    std::vector<fs::path> pending = {fs::path()};
    while (!pending.empty()) {
      const fs::path below = std::move(pending.back());
      pending.pop_back();
      const fs::path dir = below.empty() ? root.path : root.path / below;
      std::vector<Entry> entries = read_entries(dir, below, root, options, visited_dirs, notice);
      if (const Status collision = check_entry_outputs(entries, options.out_dir / root.out_name / below,
                                                       root.out_name.empty() && below.empty());
          !collision.ok()) {
        return collision;
      }

      // Files now, in name order; subdirectories after, first name first.
      for (Entry& entry : entries) {
        if (entry.is_dir) continue;
        BatchItem item;
        item.input = entry.path;
        item.output = options.out_dir / root.out_name / below / entry.out_name;
        item.shown = (fs::path(input) / below / entry.name).string();
        item.kind = entry.kind;
        item.size = entry.size;
        if (!visit(std::move(item))) return {};
      }
      for (auto it_dir = entries.rbegin(); it_dir != entries.rend(); ++it_dir) {
        if (it_dir->is_dir) pending.push_back(below / it_dir->name);
      }
    }
  }
  return {};
}

}  // namespace winnow
