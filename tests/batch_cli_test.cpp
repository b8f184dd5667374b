// Tests of `winnow batch` and `winnow --jsonl`, the real binary run as a process on real trees:
// the mirror of the tree and outputs equal to one-file runs, the same outputs for any -j, reruns
// that skip what is done, a killed run that leaves no partial output and resumes, Ctrl-C, files
// and JSONL lines that fail while the rest is written, WARC files, and inputs refused up front.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>
#include <thread>

#include "compress_support.h"
#include "process_support.h"
#include "test_support.h"
#include "warc_support.h"

namespace winnow {
namespace {

namespace fs = std::filesystem;
using testing::read_whole_file;

using testing::tree_of;

std::vector<std::string> partial_files(const fs::path& root) {
  std::vector<std::string> found;
  for (const auto& [path, bytes] : tree_of(root)) {
    if (path.find(".winnow-partial") != std::string::npos) found.push_back(path);
  }
  return found;
}

// A small site: the seeds as text (one gzip-, one zstd-compressed), the golden HTML cases in a
// subdirectory, and files that are not pages.
void make_site(const TempDir& dir) {
  const auto seeds = testing::seed_paths();
  for (std::size_t i = 0; i < seeds.size(); ++i) {
    const std::string text = read_whole_file(seeds[i]);
    const std::string name = "site/seeds/" + seeds[i].filename().string();
    if (i == 1) {
      dir.write(name + ".gz", testing::gzip_member(text));
    } else if (i == 2) {
      dir.write(name + ".zst", testing::zstd_frame(text));
    } else {
      dir.write(name, text);
    }
  }
  for (const auto& entry : fs::directory_iterator(testing::source_path("golden/cases"))) {
    const std::string name = entry.path().filename().string();
    if (name.ends_with(".html")) dir.write("site/pages/" + name, read_whole_file(entry.path()));
  }
  dir.write("site/pages/style.css", "body { color: red }");
  dir.write("site/README.md", "# not a page");
}

TEST(Batch, MirrorsTheTreeWithOutputsEqualToOneFileRunsAndLeavesInputsAlone) {
  TempDir dir;
  make_site(dir);
  const auto inputs_before = tree_of(dir.path() / "site");
  const Outcome run = run_winnow({"batch", dir / "site", "-o", dir / "out", "-j", "2"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(tree_of(dir.path() / "site"), inputs_before);
  EXPECT_FALSE(fs::exists(dir.path() / "out" / "winnow-errors.jsonl"));
  const auto outputs = tree_of(dir.path() / "out");
  std::size_t pages = 0;
  for (const auto& [path, bytes] : inputs_before) {
    fs::path output = fs::path(path);
    std::string name = output.filename().string();
    for (const char* suffix : {".gz", ".zst"}) {
      if (name.ends_with(suffix)) name.resize(name.size() - std::string(suffix).size());
    }
    if (!name.ends_with(".html") && !name.ends_with(".txt")) continue;
    ++pages;
    name = name.substr(0, name.rfind('.')) + ".txt";
    const std::string key = (fs::path("site") / output.parent_path() / name).string();
    ASSERT_EQ(outputs.count(key), 1u) << key;
    const Outcome single = run_winnow({(dir.path() / "site" / path).string()});
    EXPECT_EQ(outputs.at(key), single.out) << key;
  }
  EXPECT_EQ(outputs.size(), pages);  // nothing else written: no .css, no .md, no temporary files
  EXPECT_NE(run.err.find(std::to_string(pages) + " files: " + std::to_string(pages) + " cleaned, 0 up to date, 0 failed"),
            std::string::npos)
      << run.err;
  // The seeds come out exactly as their gold, compressed or not.
  for (const auto& seed : testing::seed_paths()) {
    const std::string id = seed.stem().string();
    const std::string gold = read_whole_file(seed.parent_path() / (id + ".gold.txt"));
    if (id.find("gold") == std::string::npos) {
      EXPECT_EQ(outputs.at("site/seeds/" + id + ".txt"), gold) << id;
    }
  }
}

TEST(Batch, OutputsAreTheSameForAnyThreadCount) {
  TempDir dir;
  make_site(dir);
  ASSERT_EQ(run_winnow({"batch", dir / "site", "-o", dir / "one", "-j", "1"}).exit_code, 0);
  ASSERT_EQ(run_winnow({"batch", dir / "site", "-o", dir / "three", "-j", "3"}).exit_code, 0);
  const auto one = tree_of(dir.path() / "one");
  EXPECT_GT(one.size(), 20u);
  EXPECT_EQ(one, tree_of(dir.path() / "three"));
}

TEST(Batch, ARerunSkipsOutputsNewerThanTheirInputsAndForceRedoesThem) {
  TempDir dir;
  make_site(dir);
  ASSERT_EQ(run_winnow({"batch", dir / "site", "-o", dir / "out"}).exit_code, 0);
  const std::size_t files = tree_of(dir.path() / "out").size();
  const fs::path output = dir.path() / "out/site/pages/html_comment_section.txt";
  const auto written = fs::last_write_time(output);

  Outcome again = run_winnow({"batch", dir / "site", "-o", dir / "out"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.err.find("0 cleaned, " + std::to_string(files) + " up to date"), std::string::npos) << again.err;
  EXPECT_EQ(fs::last_write_time(output), written);

  // An input changed after its output was written is cleaned again, and only it.
  fs::last_write_time(dir.path() / "site/pages/html_comment_section.html", written + std::chrono::seconds(5));
  again = run_winnow({"batch", dir / "site", "-o", dir / "out"});
  EXPECT_NE(again.err.find("1 cleaned, " + std::to_string(files - 1) + " up to date"), std::string::npos) << again.err;

  again = run_winnow({"batch", dir / "site", "-o", dir / "out", "--force"});
  EXPECT_NE(again.err.find(std::to_string(files) + " cleaned, 0 up to date"), std::string::npos) << again.err;
}

// A tree big enough that a run takes seconds at -j 1: long plain-text pages.
void make_big_tree(const TempDir& dir, int files) {
  std::string text;
  for (const auto& seed : testing::seed_paths()) text += read_whole_file(seed);
  std::string page;
  for (int copy = 0; page.size() < 120000; ++copy) page += "Part " + std::to_string(copy) + "\n" + text;
  for (int i = 0; i < files; ++i) dir.write("big/page" + std::to_string(1000 + i) + ".txt", "Page " + std::to_string(i) + "\n" + page);
}

// Waits until `dir` holds at least `count` finished outputs (or 60 s pass).
void wait_for_outputs(const fs::path& dir, std::size_t count) {
  for (int tries = 0; tries < 6000; ++tries) {
    std::size_t done = 0;
    for (const auto& [path, bytes] : tree_of(dir)) done += path.ends_with(".txt") ? 1 : 0;
    if (done >= count) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

// Starts `winnow batch big -o out -j JOBS` in the background (stderr to io/stderr) and returns
// once it has written `outputs` files.
pid_t start_batch_on_big_tree(const TempDir& dir, const TempDir& io, const std::string& jobs, std::size_t outputs) {
  const pid_t pid = spawn_winnow({"batch", dir / "big", "-o", dir / "out", "-j", jobs}, io.write("stdin", ""),
                                 io / "stdout", io / "stderr");
  if (pid > 0) wait_for_outputs(dir.path() / "out", outputs);
  return pid;
}

TEST(Batch, AKilledRunLeavesNoPartialOutputAndTheRerunFinishesIt) {
  TempDir dir;
  constexpr int kFiles = 120;
  make_big_tree(dir, kFiles);
  ASSERT_EQ(run_winnow({"batch", dir / "big", "-o", dir / "reference", "-j", "2", "-q"}).exit_code, 0);
  const auto reference = tree_of(dir.path() / "reference");
  ASSERT_EQ(reference.size(), static_cast<std::size_t>(kFiles));

  TempDir io;
  const pid_t pid = start_batch_on_big_tree(dir, io, "1", 3);
  ASSERT_GT(pid, 0);
  kill(pid, SIGKILL);
  EXPECT_EQ(wait_for_exit(pid), 128 + SIGKILL);

  // Every output there is whole: the same bytes as the reference run's.
  std::size_t finished = 0;
  for (const auto& [path, bytes] : tree_of(dir.path() / "out")) {
    if (path.find(".winnow-partial") != std::string::npos) continue;
    ASSERT_EQ(reference.count(path), 1u) << path;
    EXPECT_EQ(bytes, reference.at(path)) << path;
    ++finished;
  }
  ASSERT_GE(finished, 3u);
  ASSERT_LT(finished, static_cast<std::size_t>(kFiles)) << "the run ended before it was killed; make the tree bigger";

  const Outcome rerun = run_winnow({"batch", dir / "big", "-o", dir / "out", "-j", "2"});
  ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
  EXPECT_NE(rerun.err.find(std::to_string(kFiles - finished) + " cleaned, " + std::to_string(finished) + " up to date"),
            std::string::npos)
      << rerun.err;
  EXPECT_EQ(tree_of(dir.path() / "out"), reference);  // and no temporary file is left
}

TEST(Batch, CtrlCStopsTakingFilesRemovesItsTemporaryFilesAndExits130) {
  TempDir dir;
  make_big_tree(dir, 120);
  TempDir io;
  const pid_t pid = start_batch_on_big_tree(dir, io, "2", 2);
  ASSERT_GT(pid, 0);
  kill(pid, SIGINT);
  EXPECT_EQ(wait_for_exit(pid), 130);
  EXPECT_EQ(partial_files(dir.path() / "out"), std::vector<std::string>{});
  EXPECT_NE(read_whole_file(io / "stderr").find("interrupted; run the same command again to finish"), std::string::npos);
}

TEST(Batch, OnATerminalAProgressLineAndWithQuietNothingButErrors) {
  TempDir dir;
  make_big_tree(dir, 40);  // long enough (seconds) for the progress line's interval
  // script(1) runs the batch on a pseudo-terminal, as a person at a shell would.
  TempDir io;
  const std::string command = std::string(WINNOW_BINARY) + " batch " + (dir / "big") + " -o " + (dir / "out") + " -j 1";
  const std::string typescript = io / "typescript";
  const std::string shell = "script -qec '" + command + "' " + typescript + " > /dev/null";
  ASSERT_EQ(std::system(shell.c_str()), 0);
  const std::string seen = read_whole_file(typescript);
  EXPECT_NE(seen.find("\rwinnow: "), std::string::npos) << seen;
  EXPECT_NE(seen.find(" files, "), std::string::npos) << seen;
  EXPECT_NE(seen.find(" docs/s, "), std::string::npos) << seen;
  EXPECT_NE(seen.find(" elapsed, ETA "), std::string::npos) << seen;
  EXPECT_NE(seen.find("winnow: 40 files: 40 cleaned"), std::string::npos) << seen;

  // Not on a terminal (as in these tests): no progress line, only the summary; --quiet: nothing.
  const Outcome plain = run_winnow({"batch", dir / "big", "-o", dir / "out2"});
  EXPECT_EQ(plain.err.find("ETA"), std::string::npos) << plain.err;
  EXPECT_NE(plain.err.find("40 files: 40 cleaned"), std::string::npos) << plain.err;
  const Outcome quiet = run_winnow({"batch", dir / "big", "-o", dir / "out3", "--quiet"});
  EXPECT_EQ(quiet.exit_code, 0);
  EXPECT_EQ(quiet.err, "");
}

TEST(Batch, AFileThatCannotBeCleanedIsReportedAndEveryOtherFileIsWrittenWhole) {
  TempDir dir;
  make_site(dir);
  const std::string page = read_whole_file(testing::source_path("golden/cases/html_comment_section.html"));
  const std::string gzip = testing::gzip_member(page);
  dir.write("site/pages/cut.html.gz", gzip.substr(0, gzip.size() / 2));
  const Outcome run = run_winnow({"batch", dir / "site", "-o", dir / "out"});
  EXPECT_EQ(run.exit_code, 1);
  const std::string shown = (dir.path() / "site/pages/cut.html.gz").string();
  EXPECT_NE(run.err.find(shown + ": truncated gzip stream"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("1 failed"), std::string::npos) << run.err;
  EXPECT_FALSE(fs::exists(dir.path() / "out/site/pages/cut.txt"));
  const auto errors = nlohmann::json::parse(read_whole_file(dir.path() / "out/winnow-errors.jsonl"));
  EXPECT_EQ(errors["path"], shown);
  EXPECT_NE(errors["error"].get<std::string>().find("truncated gzip stream"), std::string::npos);

  TempDir clean_dir;
  make_site(clean_dir);
  ASSERT_EQ(run_winnow({"batch", clean_dir / "site", "-o", clean_dir / "out"}).exit_code, 0);
  auto good = tree_of(dir.path() / "out");
  good.erase("winnow-errors.jsonl");
  EXPECT_EQ(good, tree_of(clean_dir.path() / "out"));
}

TEST(Batch, JsonlFilesKeepRecordOrderAndReportABadLineByNumber) {
  TempDir dir;
  const std::string page = read_whole_file(testing::source_path("golden/cases/html_comment_section.html"));
  std::string shard;
  for (int i = 0; i < 30; ++i) {
    if (i == 10) shard += "{\"id\": 10, \"html\": \n";  // a line cut short, before record 10
    shard += nlohmann::ordered_json{{"id", i}, {"html", page}}.dump() + "\n";
  }
  dir.write("shards/a.jsonl", shard);
  dir.write("shards/b.jsonl.gz", testing::gzip_member(shard));
  dir.write("shards/page.html", page);  // not taken with --jsonl
  const Outcome run = run_winnow({"batch", "--jsonl", dir / "shards", "-o", dir / "out", "--stats", dir / "stats.json"});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  const std::string shown = (dir.path() / "shards/a.jsonl").string();
  EXPECT_NE(run.err.find(shown + ":11: not valid JSON"), std::string::npos) << run.err;
  const auto out = tree_of(dir.path() / "out");
  ASSERT_EQ(out.count("shards/a.jsonl"), 1u);
  ASSERT_EQ(out.count("shards/b.jsonl"), 1u);
  EXPECT_EQ(out.count("shards/page.txt"), 0u);
  EXPECT_EQ(out.at("shards/a.jsonl"), out.at("shards/b.jsonl"));
  std::istringstream lines(out.at("shards/a.jsonl"));
  int id = 0;
  for (std::string line; std::getline(lines, line); ++id) {
    const auto record = nlohmann::ordered_json::parse(line);
    EXPECT_EQ(record["id"], id);
    EXPECT_FALSE(record.contains("html"));
    EXPECT_FALSE(record["text"].get<std::string>().empty());
  }
  EXPECT_EQ(id, 30);
  std::istringstream errors(read_whole_file(dir.path() / "out/winnow-errors.jsonl"));
  std::string first_error;
  std::getline(errors, first_error);
  const auto error = nlohmann::json::parse(first_error);
  EXPECT_EQ(error["line"], 11);
  EXPECT_EQ(error["input"], "{\"id\": 10, \"html\": ");

  const auto stats = nlohmann::json::parse(read_whole_file(dir.path() / "stats.json"));
  EXPECT_EQ(stats["documents"], 60);
  EXPECT_EQ(stats["record_errors"], 2);
  EXPECT_EQ(stats["files_cleaned"], 2);
  ASSERT_EQ(stats["documents_detail"].size(), 60u);
  EXPECT_GT(stats["documents_detail"][0]["blocks"].get<int>(), stats["documents_detail"][0]["kept"].get<int>());
}

TEST(Batch, WarcFilesBecomeJsonlOfTheirHtmlResponses) {
  TempDir dir;
  const std::string page = read_whole_file(testing::source_path("golden/cases/html_comment_section.html"));
  const std::string records[] = {
      testing::warc_record("warcinfo", "", "0", "application/warc-fields", "software: test\r\n"),
      testing::warc_record("request", "https://a.example/", "1", "application/http; msgtype=request", "GET / HTTP/1.1\r\n\r\n"),
      testing::warc_response("https://a.example/", "2", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page),
      testing::warc_response("https://a.example/logo.png", "3", "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\nPNG"),
      testing::warc_response("https://b.example/", "4", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page),
  };
  std::string warc;
  for (const std::string& r : records) warc += testing::gzip_member(r);
  dir.write("crawl/one.warc.gz", warc);
  dir.write("crawl/cut.warc.gz", warc.substr(0, warc.size() - 100));
  const Outcome run = run_winnow({"batch", dir / "crawl", "-o", dir / "out", "--stats", dir / "stats.json"});
  EXPECT_EQ(run.exit_code, 1) << run.err;  // cut.warc.gz is damaged
  EXPECT_NE(run.err.find("cut.warc.gz: record 5 (<urn:uuid:4>) is cut short: truncated gzip stream"), std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("1 WARC record passed over: not HTML: image/png"), std::string::npos) << run.err;

  const auto out = tree_of(dir.path() / "out");
  std::istringstream lines(out.at("crawl/one.jsonl"));
  std::vector<nlohmann::ordered_json> cleaned;
  for (std::string line; std::getline(lines, line);) cleaned.push_back(nlohmann::ordered_json::parse(line));
  ASSERT_EQ(cleaned.size(), 2u);
  EXPECT_EQ(cleaned[0]["url"], "https://a.example/");
  EXPECT_EQ(cleaned[0]["record_id"], "<urn:uuid:2>");
  EXPECT_EQ(cleaned[0]["date"], "2024-05-01T12:00:00Z");
  const Outcome single = run_winnow({"--input-format", "html", testing::source_path("golden/cases/html_comment_section.html")});
  EXPECT_EQ(cleaned[0]["text"].get<std::string>() + "\n", single.out);
  EXPECT_EQ(cleaned[1]["url"], "https://b.example/");
  // The damaged file gets no output, so the next run tries it again and reports it again.
  EXPECT_EQ(out.count("crawl/cut.jsonl"), 0u);
  const Outcome rerun = run_winnow({"batch", dir / "crawl", "-o", dir / "out"});
  EXPECT_EQ(rerun.exit_code, 1);
  EXPECT_NE(rerun.err.find("0 cleaned, 1 up to date, 1 failed"), std::string::npos) << rerun.err;

  const auto stats = nlohmann::json::parse(read_whole_file(dir.path() / "stats.json"));
  EXPECT_EQ(stats["documents"], 2);
  EXPECT_EQ(stats["skipped_records"]["not HTML: image/png"], 1);
  EXPECT_EQ(stats["skipped_records"]["request record"], 1);
  EXPECT_EQ(stats["files_failed"], 1);
}

TEST(Batch, OneBigRecordFileIsCleanedOnEveryWorkerWithTheSameOutput) {
  // With fewer record files than workers, a file's records are cleaned in parallel; the lines
  // must still come out in input order, the same as on one thread.
  TempDir dir;
  std::string warc;
  std::string shard;
  int n = 0;
  for (const auto& entry : fs::directory_iterator(testing::source_path("golden/cases"))) {
    if (!entry.path().string().ends_with(".html")) continue;
    const std::string page = read_whole_file(entry.path());
    for (int copy = 0; copy < 6; ++copy, ++n) {
      const std::string id = std::to_string(n);
      warc += testing::gzip_member(testing::warc_response(
          "https://example.org/" + id, id, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page));
      shard += nlohmann::ordered_json{{"n", n}, {"html", page}}.dump() + "\n";
    }
  }
  dir.write("crawl/crawl.warc.gz", warc);
  dir.write("crawl/big.jsonl", shard);
  for (const char* jobs : {"1", "3"}) {
    const Outcome run = run_winnow({"batch", "--jsonl", dir / "crawl", "-o", dir / (std::string("out") + jobs), "-j", jobs});
    ASSERT_EQ(run.exit_code, 0) << run.err;
  }
  const auto one = tree_of(dir.path() / "out1");
  EXPECT_EQ(one, tree_of(dir.path() / "out3"));
  std::istringstream lines(one.at("crawl/big.jsonl"));
  int expected = 0;
  for (std::string line; std::getline(lines, line); ++expected) EXPECT_EQ(nlohmann::json::parse(line)["n"], expected);
  EXPECT_EQ(expected, n);
  std::istringstream warc_lines(one.at("crawl/crawl.jsonl"));
  expected = 0;
  for (std::string line; std::getline(warc_lines, line); ++expected) {
    EXPECT_EQ(nlohmann::json::parse(line)["url"], "https://example.org/" + std::to_string(expected));
  }
  EXPECT_EQ(expected, n);
  EXPECT_GT(n, 100);
}

TEST(Batch, RefusesUpFrontInputsThatCannotBeBatched) {
  TempDir dir;
  dir.write("site/a.html", "<html><body><p>One short line of page text.</p></body></html>");
  dir.write("site/a.txt", "two");
  Outcome run = run_winnow({"batch", dir / "site", "-o", dir / "out"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find((dir.path() / "site/a.html").string() + " and " + (dir.path() / "site/a.txt").string() +
                         " would both be written to"),
            std::string::npos)
      << run.err;
  EXPECT_FALSE(fs::exists(dir.path() / "out"));  // refused before anything was written

  run = run_winnow({"batch", dir / "site", "-o", dir / "site/out", "--exclude", "a.txt"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("lies inside the input"), std::string::npos) << run.err;

  // Inputs that overlap would be cleaned twice, into two places or onto one.
  run = run_winnow({"batch", dir / "site", dir / "site/a.html", "-o", dir / "out"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("overlap (one lies inside the other)"), std::string::npos) << run.err;

  run = run_winnow({"batch", dir / "nowhere", "-o", dir / "out"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("nowhere: no such file or directory"), std::string::npos) << run.err;

  run = run_winnow({"batch", dir / "site", "-o", dir / "out", "--exclude", "a.txt"});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(tree_of(dir.path() / "out"), (std::map<std::string, std::string>{{"site/a.txt", "One short line of page text.\n"}}));
}

TEST(Batch, AFileOfRecordsThatFailsHasNoOutputAndFailsAgainOnTheRerun) {
  TempDir dir;
  std::string shard;
  const std::string page = read_whole_file(testing::source_path("golden/cases/html_comment_section.html"));
  for (int i = 0; i < 200; ++i) shard += nlohmann::ordered_json{{"id", i}, {"html", page}}.dump() + "\n";
  const std::string gzip = testing::gzip_member(shard);
  dir.write("shards/cut.jsonl.gz", gzip.substr(0, gzip.size() / 2));
  for (int run_number = 0; run_number < 2; ++run_number) {
    const Outcome run = run_winnow({"batch", "--jsonl", dir / "shards", "-o", dir / "out"});
    EXPECT_EQ(run.exit_code, 1) << run.err;
    EXPECT_NE(run.err.find("0 cleaned, 0 up to date, 1 failed"), std::string::npos) << run.err;
    EXPECT_FALSE(fs::exists(dir.path() / "out/shards/cut.jsonl"));
  }
}

TEST(Batch, AFullDiskFailsFilesOneByOneLeavesNoPartialOutputAndSaysSo) {
  TempDir dir;
  make_site(dir);
  // A 64 KiB file system fills after a few outputs. Mounting needs root (CI runs as root).
  const std::string disk = dir / "disk";
  fs::create_directories(disk);
  if (std::system(("mount -t tmpfs -o size=64k tmpfs " + disk + " 2>/dev/null").c_str()) != 0) {
    GTEST_SKIP() << "cannot mount a small tmpfs here (not root?)";
  }
  const Outcome run = run_winnow({"batch", dir / "site", "-o", disk + "/out", "-j", "2"});
  TempDir reference;
  make_site(reference);
  ASSERT_EQ(run_winnow({"batch", reference / "site", "-o", reference / "out"}).exit_code, 0);
  const auto written = tree_of(disk + "/out");
  const auto whole = tree_of(reference.path() / "out");
  std::system(("umount " + disk).c_str());

  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("No space left on device"), std::string::npos) << run.err;
  // The errors file shares the full disk: it is either written or said not to be.
  const bool listed = run.err.find("every error is listed in") != std::string::npos;
  const bool unlisted =
      run.err.find("winnow-errors.jsonl could not be written; the errors above are the only record") != std::string::npos;
  EXPECT_TRUE(listed != unlisted) << run.err;
  std::size_t outputs = 0;
  for (const auto& [path, bytes] : written) {
    if (path == "winnow-errors.jsonl") continue;
    ASSERT_EQ(whole.count(path), 1u) << path << " (a temporary file left behind?)";
    EXPECT_EQ(bytes, whole.at(path)) << path;
    ++outputs;
  }
  EXPECT_GT(outputs, 0u);
  EXPECT_LT(outputs, whole.size());
}

TEST(Batch, AnUnwritableStatsFileIsAnErrorNotACrash) {
  TempDir dir;
  dir.write("site/a.html", "<html><body><p>One short line of page text.</p></body></html>");
  const std::string not_a_dir = dir.write("plain-file", "x");
  const Outcome run = run_winnow({"batch", dir / "site", "-o", dir / "out", "--stats", not_a_dir + "/stats.json"});
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_NE(run.err.find("cannot create"), std::string::npos) << run.err;
  const Outcome jsonl = run_winnow({"--jsonl", "--stats", not_a_dir + "/stats.json"}, dir.write("in.jsonl", "{\"text\": \"x\"}\n"));
  EXPECT_EQ(jsonl.exit_code, 2) << jsonl.err;
  EXPECT_NE(jsonl.err.find("cannot create"), std::string::npos) << jsonl.err;
}

TEST(JsonlStdin, CleansRecordsInOrderOnAnyThreadCountAndNamesBadLines) {
  TempDir dir;
  const std::string page = read_whole_file(testing::source_path("golden/cases/html_comment_section.html"));
  std::string input;
  for (int i = 0; i < 40; ++i) {
    input += nlohmann::ordered_json{{"id", i}, {"html", page}}.dump() + "\n";
    if (i == 4) input += "[1, 2]\n";
  }
  const std::string path = dir.write("in.jsonl", input);
  const Outcome one = run_winnow({"--jsonl", "-j", "1"}, path);
  const Outcome four = run_winnow({"--jsonl", "-j", "4", "--errors", dir / "errors.jsonl"}, path);
  EXPECT_EQ(one.exit_code, 1);
  EXPECT_EQ(four.exit_code, 1);
  EXPECT_EQ(one.out, four.out);
  EXPECT_NE(one.err.find("<stdin>:6: not a JSON object"), std::string::npos) << one.err;
  EXPECT_EQ(nlohmann::json::parse(read_whole_file(dir.path() / "errors.jsonl"))["line"], 6);
  std::istringstream lines(one.out);
  int id = 0;
  for (std::string line; std::getline(lines, line); ++id) EXPECT_EQ(nlohmann::json::parse(line)["id"], id);
  EXPECT_EQ(id, 40);
}

}  // namespace
}  // namespace winnow
