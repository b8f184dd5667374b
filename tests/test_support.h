// What several test files need: a temporary directory that removes itself, whole-file read and
// write, the paths of the project's own data (golden/, model/), and repeated or numbered text.
#pragma once

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace winnow::testing {

// `s` `times` times over.
inline std::string repeat(std::string_view s, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += s;
  return out;
}

// `format` with its "%d" (if any) replaced by 0, 1, ... in turn, `times` times over: pieces that are
// not alike.
inline std::string numbered(const char* format, int times) {
  std::string out;
  char buffer[256];
  for (int i = 0; i < times; ++i) {
    std::snprintf(buffer, sizeof buffer, format, i);
    out += buffer;
  }
  return out;
}

inline std::string source_path(std::string_view relative) {
  return (std::filesystem::path(WINNOW_SOURCE_DIR) / relative).string();
}

inline std::string read_whole_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

// Every regular file under `root`, by its path below root, with its bytes.
inline std::map<std::string, std::string> tree_of(const std::filesystem::path& root) {
  std::map<std::string, std::string> files;
  if (!std::filesystem::exists(root)) return files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) files[entry.path().lexically_relative(root).string()] = read_whole_file(entry.path());
  }
  return files;
}

inline void write_whole_file(const std::filesystem::path& path, std::string_view contents) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << contents;
}

// The five seed pages of golden/seeds (copies of ../shared/seeds), as paths, in id order.
inline std::vector<std::filesystem::path> seed_paths() {
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::directory_iterator(source_path("golden/seeds"))) {
    const std::string name = entry.path().filename().string();
    if (name.size() > 4 && name.ends_with(".txt") && !name.ends_with(".gold.txt")) paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

// A fresh directory under the system temp dir, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("winnow-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::string operator/(std::string_view name) const { return (path_ / name).string(); }
  // Writes `contents` to <dir>/<name> and returns the path.
  std::string write(std::string_view name, std::string_view contents) const {
    const std::filesystem::path file = path_ / name;
    std::filesystem::create_directories(file.parent_path());
    write_whole_file(file, contents);
    return file.string();
  }

 private:
  std::filesystem::path path_;
};

}  // namespace winnow::testing
