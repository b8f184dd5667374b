// The corpus pages the benchmarks run on: the first `max_pages` pages of one set with the given
// extension (".html" or ".txt"; gold files left out), in name order, read whole. The corpus is
// WINNOW_CORPUS, or the one the tests unpack into the build tree.
#pragma once

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace winnow::bench {

inline std::string corpus_root() {
  const char* env = std::getenv("WINNOW_CORPUS");
  return env != nullptr ? env : WINNOW_DEFAULT_CORPUS;
}

inline std::vector<std::string> corpus_pages(const std::string& set, const std::string& extension,
                                             std::size_t max_pages) {
  namespace fs = std::filesystem;
  std::vector<fs::path> paths;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(fs::path(corpus_root()) / set, error)) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() == extension && name.find(".gold") == std::string::npos) paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  if (paths.size() > max_pages) paths.resize(max_pages);
  std::vector<std::string> pages;
  for (const fs::path& path : paths) {
    std::ifstream file(path, std::ios::binary);
    std::ostringstream contents;
    contents << file.rdbuf();
    pages.push_back(std::move(contents).str());
  }
  return pages;
}

}  // namespace winnow::bench
