// The lexicon's prefilter never hides a match: on every line of the corpus's text dumps and every
// block of its dragnet HTML pages, matching with the needle prefilter gives what trying
// every pattern gives. The needles are written by hand beside each pattern (lexicon.cpp); this is
// the check that none was forgotten. Needs the unpacked corpus (ctest's corpus fixture).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "block_shape.h"
#include "html_segment.h"
#include "lexicon.h"
#include "text_segment.h"

namespace winnow {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> pages(const std::string& set, const std::string& extension) {
  std::vector<fs::path> paths;
  for (const auto& entry : fs::directory_iterator(fs::path(WINNOW_CORPUS_DIR) / set)) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() == extension && name.find(".gold") == std::string::npos) paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream contents;
  contents << in.rdbuf();
  return std::move(contents).str();
}

// Checks every block of the document; returns how many blocks some pattern matched.
std::size_t check_blocks(const Document& doc, const fs::path& path) {
  const Lexicon& lexicon = Lexicon::instance();
  std::size_t matched = 0;
  for (const Block& block : doc.blocks) {
    const int words = shape_block(block, lexicon).words;
    const LexiconMatch filtered = lexicon.match(block.text, words, Lexicon::Prefilter::kUse);
    const LexiconMatch full = lexicon.match(block.text, words, Lexicon::Prefilter::kSkip);
    EXPECT_EQ(filtered.categories, full.categories) << path << ": " << block.text;
    EXPECT_EQ(filtered.legal_hits, full.legal_hits) << path << ": " << block.text;
    EXPECT_EQ(filtered.legal_strong, full.legal_strong) << path << ": " << block.text;
    if (full.categories != 0) ++matched;
  }
  return matched;
}

TEST(CorpusLexicon, PrefilterHidesNoMatchOnAnyTextLine) {
  std::size_t files = 0;
  std::size_t matched = 0;
  for (const std::string set : {"cleaneval", "cleanportaleval", "dragnet", "readability", "trafilatura", "wcxb-dev"}) {
    for (const fs::path& path : pages(set, ".txt")) {
      matched += check_blocks(segment_text(read_file(path)), path);
      ++files;
      if (HasFailure()) return;
    }
  }
  EXPECT_GT(files, 4000u);
  EXPECT_GT(matched, 10000u);  // the check saw real matches, not only blocks nothing matches
}

TEST(CorpusLexicon, PrefilterHidesNoMatchOnAnyHtmlBlock) {
  std::size_t files = 0;
  for (const std::string set : {"dragnet"}) {
    for (const fs::path& path : pages(set, ".html")) {
      check_blocks(segment_html(read_file(path)), path);
      ++files;
      if (HasFailure()) return;
    }
  }
  EXPECT_GT(files, 1000u);
}

}  // namespace
}  // namespace winnow
