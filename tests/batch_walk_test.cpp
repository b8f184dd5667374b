// Tests of the batch walk (filter/batch_walk.h): which files are taken and where their outputs go,
// in a fixed order; inputs that would collide under OUT, OUT inside an input, and links out of
// the tree are refused or passed over with a reason.
#include "batch_walk.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace winnow {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

TEST(OutputNameFor, MapsKnownExtensionsAndTheirCompressedForms) {
  struct Case {
    const char* name;
    bool jsonl;
    OutputFormat format;
    const char* want;  // nullptr: not taken by extension
    BatchItemKind kind;
  };
  const Case cases[] = {
      {"page.html", false, OutputFormat::kText, "page.txt", BatchItemKind::kPage},
      {"page.HTM", false, OutputFormat::kText, "page.txt", BatchItemKind::kPage},
      {"page.html.gz", false, OutputFormat::kText, "page.txt", BatchItemKind::kPage},
      {"notes.txt.zst", false, OutputFormat::kText, "notes.txt", BatchItemKind::kPage},
      {"page.html", false, OutputFormat::kJson, "page.json", BatchItemKind::kPage},
      {"crawl.warc.gz", false, OutputFormat::kText, "crawl.jsonl", BatchItemKind::kWarc},
      {"crawl.warc", true, OutputFormat::kText, "crawl.jsonl", BatchItemKind::kWarc},
      {"shard.jsonl.zst", true, OutputFormat::kText, "shard.jsonl", BatchItemKind::kJsonl},
      {"shard.ndjson", true, OutputFormat::kText, "shard.jsonl", BatchItemKind::kJsonl},
      {"shard.jsonl", false, OutputFormat::kText, nullptr, BatchItemKind::kPage},  // needs --jsonl
      {"page.html", true, OutputFormat::kText, nullptr, BatchItemKind::kPage},     // --jsonl takes records only
      {"index.php", false, OutputFormat::kText, nullptr, BatchItemKind::kPage},
      {"archive.gz", false, OutputFormat::kText, nullptr, BatchItemKind::kPage},
      {".html", false, OutputFormat::kText, nullptr, BatchItemKind::kPage},
  };
  for (const Case& c : cases) {
    WalkOptions options;
    options.jsonl = c.jsonl;
    options.format = c.format;
    std::string output;
    BatchItemKind kind = BatchItemKind::kPage;
    const bool taken = output_name_for(c.name, options, &output, &kind);
    EXPECT_EQ(taken, c.want != nullptr) << c.name;
    if (taken && c.want != nullptr) {
      EXPECT_EQ(output, c.want) << c.name;
      EXPECT_EQ(kind, c.kind) << c.name;
    }
  }
}

struct Walked {
  Status status;
  std::vector<std::string> items;  // "shown -> output below OUT"
  std::vector<std::string> notices;
};

Walked walk(const WalkOptions& options) {
  Walked walked;
  walked.status = check_batch_inputs(options);
  if (!walked.status.ok()) return walked;
  walked.status = walk_batch_inputs(
      options,
      [&](BatchItem&& item) {
        walked.items.push_back(item.shown + " -> " + item.output.lexically_relative(options.out_dir).string());
        return true;
      },
      [&](const WalkNotice& notice) { walked.notices.push_back(notice.reason); });
  return walked;
}

TEST(WalkBatchInputs, MirrorsTheTreeInNameOrderFilesBeforeSubdirectories) {
  TempDir dir;
  dir.write("site/b.html", "<p>b</p>");
  dir.write("site/a.htm", "<p>a</p>");
  dir.write("site/z/deep/c.txt.gz", "");
  dir.write("site/m/d.html", "");
  dir.write("site/style.css", "");
  dir.write("site/notes.md", "");
  dir.write("one.html", "");
  WalkOptions options;
  options.inputs = {dir / "site", dir / "one.html"};
  options.out_dir = dir.path() / "out";
  const Walked walked = walk(options);
  ASSERT_TRUE(walked.status.ok()) << walked.status.message;
  const std::string site = dir / "site";
  EXPECT_EQ(walked.items, (std::vector<std::string>{
                              site + "/a.htm -> site/a.txt",
                              site + "/b.html -> site/b.txt",
                              site + "/m/d.html -> site/m/d.txt",
                              site + "/z/deep/c.txt.gz -> site/z/deep/c.txt",
                              (dir / "one.html") + " -> one.txt",
                          }));
}

TEST(WalkBatchInputs, IncludeTakesAnyExtensionAndExcludePrunes) {
  TempDir dir;
  dir.write("site/index.php", "");
  dir.write("site/page.html", "");
  dir.write("site/cache/x.php", "");
  dir.write("site/keep/y.php", "");
  WalkOptions options;
  options.inputs = {dir / "site"};
  options.out_dir = dir.path() / "out";
  options.include = {"*.php"};
  options.exclude = {"cache"};
  const Walked walked = walk(options);
  ASSERT_TRUE(walked.status.ok()) << walked.status.message;
  const std::string site = dir / "site";
  EXPECT_EQ(walked.items, (std::vector<std::string>{site + "/index.php -> site/index.php.txt",
                                                     site + "/keep/y.php -> site/keep/y.php.txt"}));
}

TEST(WalkBatchInputs, RefusesTwoFilesThatWouldShareAnOutputNamingBoth) {
  TempDir dir;
  dir.write("site/a.html", "");
  dir.write("site/a.txt", "");
  WalkOptions options;
  options.inputs = {dir / "site"};
  options.out_dir = dir.path() / "out";
  const Walked walked = walk(options);
  ASSERT_FALSE(walked.status.ok());
  EXPECT_NE(walked.status.message.find("site/a.html and " + (dir / "site/a.txt")), std::string::npos)
      << walked.status.message;
  EXPECT_NE(walked.status.message.find("out/site/a.txt"), std::string::npos) << walked.status.message;

  // Two inputs named alike, from different places, would write to one place too.
  dir.write("x/site/b.html", "");
  options.inputs = {dir / "site", dir / "x/site"};
  dir.write("site/a.txt", "");
  fs::remove(dir.path() / "site/a.txt");
  const Walked twice = walk(options);
  ASSERT_FALSE(twice.status.ok());
  EXPECT_NE(twice.status.message.find("would both be written to"), std::string::npos) << twice.status.message;
}

TEST(WalkBatchInputs, RefusesAnOutputInsideAnInputAndTheReverse) {
  TempDir dir;
  dir.write("site/a.html", "");
  WalkOptions options;
  options.inputs = {dir / "site"};
  options.out_dir = dir.path() / "site" / "cleaned";
  Walked walked = walk(options);
  ASSERT_FALSE(walked.status.ok());
  EXPECT_NE(walked.status.message.find("lies inside the input"), std::string::npos) << walked.status.message;

  options.inputs = {dir / "out/old"};
  dir.write("out/old/a.html", "");
  options.out_dir = dir.path() / "out";
  walked = walk(options);
  ASSERT_FALSE(walked.status.ok());
  EXPECT_NE(walked.status.message.find("lies inside the output directory"), std::string::npos) << walked.status.message;

  options.inputs = {dir / "missing"};
  walked = walk(options);
  EXPECT_NE(walked.status.message.find("missing: no such file or directory"), std::string::npos) << walked.status.message;
}

TEST(WalkBatchInputs, AnInputNamedDotWritesIntoOutAndMayNotMeetAnotherInputThere) {
  TempDir dir;
  dir.write("here/site/b.html", "");  // here/site would go to OUT/site, as the input site does
  dir.write("here/winnow-errors.jsonl", "");  // not taken without --jsonl
  dir.write("site/a.html", "");
  const fs::path before = fs::current_path();
  fs::current_path(dir.path() / "here");
  WalkOptions options;
  options.inputs = {".", (dir.path() / "site").string()};
  options.out_dir = dir.path() / "out";
  Walked walked = walk(options);
  EXPECT_FALSE(walked.status.ok());
  EXPECT_NE(walked.status.message.find("site and the input " + (dir / "site") + " would both be written to"),
            std::string::npos)
      << walked.status.message;

  options.inputs = {"."};
  options.jsonl = true;  // now winnow-errors.jsonl is taken, and would land on the errors file
  walked = walk(options);
  EXPECT_FALSE(walked.status.ok());
  EXPECT_NE(walked.status.message.find("where the batch lists its errors"), std::string::npos) << walked.status.message;

  options.inputs = {".", "./"};
  walked = walk(options);
  EXPECT_NE(walked.status.message.find("overlap"), std::string::npos) << walked.status.message;
  fs::current_path(before);
}

TEST(WalkBatchInputs, LinksOutOfTheTreeAreNotFollowedUnlessAsked) {
  TempDir dir;
  dir.write("elsewhere/secret.html", "");
  dir.write("site/a.html", "");
  fs::create_symlink(dir.path() / "elsewhere/secret.html", dir.path() / "site/linked.html");
  fs::create_symlink(dir.path() / "site/a.html", dir.path() / "site/inside.html");
  fs::create_directory_symlink(dir.path() / "elsewhere", dir.path() / "site/more");
  WalkOptions options;
  options.inputs = {dir / "site"};
  options.out_dir = dir.path() / "out";
  Walked walked = walk(options);
  ASSERT_TRUE(walked.status.ok());
  const std::string site = dir / "site";
  EXPECT_EQ(walked.items, (std::vector<std::string>{site + "/a.html -> site/a.txt",
                                                     site + "/inside.html -> site/inside.txt"}));
  ASSERT_EQ(walked.notices.size(), 2u);
  EXPECT_NE(walked.notices[0].find("out of the input tree"), std::string::npos) << walked.notices[0];

  options.follow_symlinks = true;
  walked = walk(options);
  ASSERT_TRUE(walked.status.ok());
  EXPECT_EQ(walked.items.size(), 4u);  // a, inside, linked, more/secret
}

}  // namespace
}  // namespace winnow
