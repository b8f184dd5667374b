// The bad-input matrix (issue 6): the real winnow binary run as a process on every kind of input
// that is wrong, damaged, hostile or cannot be read or written, checking the exit code, that stderr
// says what was wrong and where (file path, line), and that every good document beside the bad one
// is still written whole, byte for byte what `winnow FILE` prints for it alone.
//
//   BadDocument.*         one document at a time (empty, blank, NUL, binary, bad UTF-8, cut .gz/.zst),
//                         as FILE, on stdin and inside a batch of good files
//   BadRecords.*          JSONL lines and WARC files that are bad, among good ones
//   Unreadable.*, DeletedMidRun.*, ReadOnlyOutput.*, FullStdout.*, FullDisk.*, BadModel.*
//   BadInputSlow.*        deep nesting (ctest name bad_input_slow)
//   HugeLine.*            a 1 GB line on stdin, peak RSS (ctest name bad_input_huge_line);
//                         WINNOW_HUGE_LINE_MB sets the size, WINNOW_HUGE_LINE_MAX_RSS_MB the bound
//
// Children are started with fork and exec, not posix_spawn, because some cases need what only the
// child may set up before exec: dropped privileges (as root, chmod 000 does not stop a read, so the
// child runs as nobody), a file size limit (RLIMIT_FSIZE, with SIGXFSZ ignored so writes fail with
// EFBIG), pipes for stdin and stdout. Each child is watched: killed past its time or memory bound,
// and its peak RSS taken from wait4().
#include <fcntl.h>
#include <grp.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <algorithm>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "compress_support.h"
#include "test_support.h"
#include "warc_support.h"

namespace winnow {
namespace {

namespace fs = std::filesystem;
using testing::numbered;
using testing::read_whole_file;
using testing::TempDir;
using testing::tree_of;
using Clock = std::chrono::steady_clock;

// --- Running the binary ------------------------------------------------------------------------

// Under AddressSanitizer (-DWINNOW_SANITIZE=ON) a process holds shadow memory and a quarantine of
// freed blocks besides its own: the memory bounds are that much looser, and the huge line smaller.
#ifdef WINNOW_SANITIZED
constexpr long kMemoryFactor = 4;
constexpr long kHugeLineDefaultMb = 100;
#else
constexpr long kMemoryFactor = 1;
constexpr long kHugeLineDefaultMb = 1024;
#endif

constexpr uid_t kNobody = 65534;                                    // 'nobody' and 'nogroup' on Debian
constexpr long kDefaultMemoryCapKb = kMemoryFactor * 1024L * 1024;  // a child past 1 GiB RSS is killed
constexpr std::chrono::seconds kDefaultTimeout{30};
constexpr int kExecFailed = 127;
constexpr int kCannotDropPrivileges = 126;

struct Child {
  std::vector<std::string> args;
  std::string stdin_path = "/dev/null";
  int stdin_fd = -1;          // instead of stdin_path: a pipe's read end (run() closes it)
  std::string stdout_path;    // empty: captured into Ran::out
  int stdout_fd = -1;         // instead: a pipe's write end (run() closes it)
  bool as_nobody = false;     // only takes effect when the test runs as root
  rlim_t max_file_size = RLIM_INFINITY;
  std::chrono::milliseconds timeout = kDefaultTimeout;
  long memory_cap_kb = kDefaultMemoryCapKb;
  std::string binary = WINNOW_BINARY;
};

struct Ran {
  int exit_code = -1;  // 128 + signal when a signal ended it
  bool timed_out = false;
  bool over_memory = false;
  long peak_rss_kb = 0;
  double seconds = 0;
  std::string out;
  std::string err;
  std::string describe() const {
    return "exit " + std::to_string(exit_code) + (timed_out ? " (killed: timeout)" : "") +
           (over_memory ? " (killed: memory cap)" : "") + ", " + std::to_string(seconds) + " s, peak RSS " +
           std::to_string(peak_rss_kb / 1024) + " MB\nstderr: " + err.substr(0, 2000);
  }
};

bool running_as_root() { return ::geteuid() == 0; }

long resident_kb(pid_t pid) {
  FILE* statm = std::fopen(("/proc/" + std::to_string(pid) + "/statm").c_str(), "r");
  if (statm == nullptr) return 0;
  long size = 0;
  long resident = 0;
  const int read = std::fscanf(statm, "%ld %ld", &size, &resident);
  std::fclose(statm);
  return read == 2 ? resident * (::sysconf(_SC_PAGESIZE) / 1024) : 0;
}

[[noreturn]] void child_fail(int code, const char* what) {
  const int saved = errno;
  (void)!::write(2, what, std::strlen(what));
  (void)!::write(2, ": ", 2);
  const char* reason = std::strerror(saved);
  (void)!::write(2, reason, std::strlen(reason));
  (void)!::write(2, "\n", 1);
  ::_exit(code);
}

// Runs `child` to its end. `started`, when given, is called in the parent once the child runs (to
// feed or drain its pipes, or to act on the file system while it works).
Ran run(const Child& child, const std::function<void(pid_t)>& started = {}) {
  TempDir io;
  const std::string out_path = child.stdout_path.empty() ? io / "stdout" : child.stdout_path;
  const std::string err_path = io / "stderr";
  if (child.as_nobody && running_as_root()) fs::permissions(io.path(), fs::perms::all);
  std::vector<std::string> strings = {child.binary};
  strings.insert(strings.end(), child.args.begin(), child.args.end());
  std::vector<char*> argv;
  for (std::string& s : strings) argv.push_back(s.data());
  argv.push_back(nullptr);
  const bool drop = child.as_nobody && running_as_root();

  Ran ran;
  const auto start = Clock::now();
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int in = child.stdin_fd >= 0 ? child.stdin_fd : ::open(child.stdin_path.c_str(), O_RDONLY);
    const int out = child.stdout_fd >= 0 ? child.stdout_fd : ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (in < 0 || out < 0 || err < 0) child_fail(kExecFailed, "cannot open the child's stdin/stdout/stderr");
    ::dup2(in, 0);
    ::dup2(out, 1);
    ::dup2(err, 2);
    ::signal(SIGPIPE, SIG_DFL);
    if (child.max_file_size != RLIM_INFINITY) {
      ::signal(SIGXFSZ, SIG_IGN);  // inherited through exec: writes past the limit fail with EFBIG
      const rlimit limit{child.max_file_size, child.max_file_size};
      if (::setrlimit(RLIMIT_FSIZE, &limit) != 0) child_fail(kExecFailed, "setrlimit");
    }
    if (drop && (::setgroups(0, nullptr) != 0 || ::setgid(kNobody) != 0 || ::setuid(kNobody) != 0)) {
      child_fail(kCannotDropPrivileges, "cannot drop privileges");
    }
    ::execv(child.binary.c_str(), argv.data());
    child_fail(kExecFailed, "cannot execute winnow");
  }
  if (child.stdin_fd >= 0) ::close(child.stdin_fd);
  if (child.stdout_fd >= 0) ::close(child.stdout_fd);
  if (pid < 0) {
    ADD_FAILURE() << "fork: " << std::strerror(errno);
    return ran;
  }
  if (started) started(pid);

  auto pause = std::chrono::milliseconds(1);
  for (;;) {
    int status = 0;
    rusage usage{};
    const pid_t done = ::wait4(pid, &status, WNOHANG, &usage);
    if (done == pid) {
      ran.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      ran.peak_rss_kb = usage.ru_maxrss;
      break;
    }
    if (done < 0) {
      ADD_FAILURE() << "wait4: " << std::strerror(errno);
      break;
    }
    if (!ran.over_memory && !ran.timed_out) {
      if (resident_kb(pid) > child.memory_cap_kb) {
        ran.over_memory = true;
        ::kill(pid, SIGKILL);
      } else if (Clock::now() - start > child.timeout) {
        ran.timed_out = true;
        ::kill(pid, SIGKILL);
      }
    }
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::milliseconds(20));
  }
  ran.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (child.stdout_path.empty() && child.stdout_fd < 0) ran.out = read_whole_file(out_path);
  ran.err = read_whole_file(err_path);
  return ran;
}

Ran run(std::vector<std::string> args, std::string stdin_path = "/dev/null") {
  Child child;
  child.args = std::move(args);
  child.stdin_path = std::move(stdin_path);
  return run(child);
}

// The binary, copied where 'nobody' can execute it (the build tree may sit under /root).
std::string binary_for_nobody() {
  static TempDir dir;
  static const std::string path = [] {
    const std::string copy = dir / "winnow";
    fs::copy_file(WINNOW_BINARY, copy, fs::copy_options::overwrite_existing);
    fs::permissions(copy, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                              fs::perms::others_read | fs::perms::others_exec);
    return copy;
  }();
  return path;
}

// --- What output must look like ------------------------------------------------------------------

bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    int follow = 0;
    std::uint32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      follow = 1, cp = c & 0x1Fu;
    } else if (c >= 0xE0 && c <= 0xEF) {
      follow = 2, cp = c & 0x0Fu;
    } else if (c >= 0xF0 && c <= 0xF4) {
      follow = 3, cp = c & 0x07u;
    } else {
      return false;
    }
    if (i + static_cast<std::size_t>(follow) >= s.size()) return false;
    for (int k = 1; k <= follow; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0u) != 0x80u) return false;
      cp = (cp << 6) | (cc & 0x3Fu);
    }
    if ((follow == 2 && cp < 0x800) || (follow == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += static_cast<std::size_t>(follow) + 1;
  }
  return true;
}

// POLICY.md's output form: UTF-8, no empty lines, a final newline; and no NUL byte.
void expect_well_formed(const std::string& out, const std::string& what) {
  EXPECT_TRUE(valid_utf8(out)) << what << ": output is not valid UTF-8";
  EXPECT_EQ(out.find('\0'), std::string::npos) << what << ": output holds a NUL byte";
  EXPECT_EQ(out.find("\n\n"), std::string::npos) << what << ": output has an empty line";
  if (!out.empty()) {
    EXPECT_EQ(out.back(), '\n') << what;
    EXPECT_NE(out.front(), '\n') << what;
  }
}

// Messages are for people and terminals: UTF-8, and no control bytes from the input carried into
// them (a raw ESC or CR from a binary file, or a line break that splits one error into two lines).
void expect_printable(const std::string& err, const std::string& what) {
  EXPECT_TRUE(valid_utf8(err)) << what << ": stderr is not valid UTF-8:\n" << err;
  for (const char c : err) {
    const auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\n' && c != '\t') || u == 0x7F) {
      ADD_FAILURE() << what << ": stderr holds control byte " << int(u) << ":\n" << err;
      break;
    }
  }
}

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }


void expect_no_partial_files(const fs::path& out) {
  for (const auto& [path, bytes] : tree_of(out)) {
    EXPECT_FALSE(contains(path, ".winnow-partial")) << "temporary file left behind: " << path;
  }
}

enum class Parse { kStrict, kLenient };

// OUT/winnow-errors.jsonl (or an --errors file), each line parsed. A line that is not JSON fails the
// test when kStrict; kLenient takes its "path" and "line" by search (for the tests whose subject is
// something else: BadRecords.MessagesAndErrorFilesCarryNoRawBytesFromTheInput holds that check).
std::vector<nlohmann::json> error_records(const fs::path& file, Parse parse = Parse::kStrict) {
  std::vector<nlohmann::json> records;
  std::istringstream lines(read_whole_file(file));
  int number = 0;
  for (std::string line; std::getline(lines, line);) {
    ++number;
    nlohmann::json record = nlohmann::json::parse(line, nullptr, false);
    if (!record.is_discarded()) {
      records.push_back(std::move(record));
    } else if (parse == Parse::kStrict) {
      ADD_FAILURE() << file << ":" << number << " is not valid JSON: " << line;
    } else {
      nlohmann::json salvaged;
      const std::size_t at = line.find("\"line\":");
      if (at != std::string::npos) salvaged["line"] = std::atoi(line.c_str() + at + 7);
      const std::size_t path = line.find("{\"path\":\"");
      if (path != std::string::npos) salvaged["path"] = line.substr(path + 9, line.find('"', path + 9) - path - 9);
      records.push_back(std::move(salvaged));
    }
  }
  return records;
}

std::set<std::string> paths_in(const std::vector<nlohmann::json>& records) {
  std::set<std::string> paths;
  for (const auto& r : records) paths.insert(r.value("path", ""));
  return paths;
}

// --- Good documents, put beside the bad ones ------------------------------------------------------

const std::string kParagraph =
    "The harbour council in Port Ellery voted on Thursday to rebuild the town's old wooden pier, ending a dispute "
    "that had divided residents for almost three years and had twice reached the regional court.";
const std::string kSecondParagraph =
    "Work on the new pier is to begin in the spring, the council said, and the old timber will be sold to a "
    "museum that plans to rebuild part of the original walkway inside its courtyard.";

struct GoodFile {
  std::string input;     // below the batch's input directory
  std::string output;    // below OUT, the input directory's name included
  std::string expected;  // what `winnow FILE` prints for it alone
};

// Writes three good documents (plain text, HTML, gzip'ed HTML) into <dir>/<sub> and returns them with
// what winnow prints for each one alone.
std::vector<GoodFile> write_good_files(const TempDir& dir, const std::string& sub) {
  const std::string seed = read_whole_file(testing::seed_paths().at(1));
  const std::string page = read_whole_file(testing::source_path("golden/cases/html_comment_section.html"));
  const std::string list = read_whole_file(testing::source_path("golden/cases/html_list_in_body_kept.html"));
  const std::vector<std::pair<std::string, std::string>> files = {
      {"good/seed.txt", seed}, {"good/page.html", page}, {"good/zipped.html.gz", testing::gzip_member(list)}};
  const std::string base = fs::path(sub).filename().string();
  std::vector<GoodFile> goods;
  for (const auto& [name, bytes] : files) {
    const std::string path = dir.write(sub + "/" + name, bytes);
    static std::map<std::string, std::string> alone;  // the same three files in every test
    if (!alone.count(name)) {
      const Ran single = run({path});
      EXPECT_EQ(single.exit_code, 0) << single.describe();
      EXPECT_FALSE(single.out.empty()) << name;
      alone[name] = single.out;
    }
    std::string output = name.substr(0, name.find('.')) + ".txt";
    goods.push_back({name, base + "/" + output, alone[name]});
  }
  return goods;
}

void expect_good_outputs_whole(const fs::path& out, const std::vector<GoodFile>& goods) {
  for (const GoodFile& good : goods) {
    const fs::path output = out / good.output;
    ASSERT_TRUE(fs::exists(output)) << good.input << ": no output " << output;
    EXPECT_EQ(read_whole_file(output), good.expected) << good.input << ": output not whole";
  }
}

std::string random_bytes(std::size_t size, unsigned seed) {
  std::mt19937 generator(seed);
  std::string bytes(size, '\0');
  for (char& c : bytes) c = static_cast<char>(generator() & 0xFF);
  return bytes;
}

// --- One bad document: as FILE, on stdin, and in a batch beside good files ------------------------

enum class Expect {
  kCleaned,   // exit 0, well-formed output holding `kept`, the same alone and in a batch
  kRejected,  // FILE/stdin: exit alone_exit, message, no output; batch: exit 1, no output, listed
};

struct DocumentCase {
  const char* name;
  const char* file;  // its name in the batch; the extension decides what batch takes it for
  std::string bytes;
  Expect expect;
  std::vector<std::string> kept = {};  // kCleaned: texts the output must hold
  bool empty_output = false;           // kCleaned: the output must be empty
  std::string error = {};              // kRejected: what the message must say after "PATH: "
  int alone_exit = 2;                  // kRejected: the exit code as FILE or on stdin
};

std::string with_nul(const std::string& text) {
  std::string out = text;
  out.insert(out.find(" voted"), 1, '\0');
  return out;
}

// Invalid UTF-8 of every kind inside a kept paragraph: a stray continuation byte, 0xFF and 0xFE
// (never in UTF-8), a lead byte without its continuation, an overlong '/', a UTF-16 surrogate, and
// a four-byte sequence cut at the end of the line.
std::string with_bad_utf8(const std::string& text) {
  std::string out = text;
  out.insert(out.find(" voted"), "\x80\xff\xfe");
  out.insert(out.find(" ending"), " \xc3 \xc0\xaf");
  out.insert(out.find(" three years"), "\xed\xa0\x80");
  return out + " \xf0\x9f\x98";
}

std::string as_html(const std::string& first, const std::string& second) {
  return "<html><head><title>Pier</title></head><body><p>" + first + "</p><p>" + second + "</p></body></html>";
}

// `text` in bold, the <b> with `count` attributes of their own (a0=x a1=x ...): the parser's time
// grows with the square of a tag's attributes (200,000 would take minutes).
std::string in_bold_with_attributes(const std::string& text, int count) {
  std::string out = "<b";
  for (int i = 0; i < count; ++i) out += " a" + std::to_string(i) + "=x";
  return out + ">" + text + "</b>";
}

const std::vector<DocumentCase>& document_cases() {
  static const std::vector<DocumentCase> cases = [] {
    const std::string page = read_whole_file(testing::source_path("golden/cases/html_comment_section.html"));
    const std::string gzip = testing::gzip_member(page);
    std::string corrupt_gzip = gzip;
    corrupt_gzip[corrupt_gzip.size() / 2] = static_cast<char>(corrupt_gzip[corrupt_gzip.size() / 2] ^ 0xFF);
    const std::string zstd = testing::zstd_frame(read_whole_file(testing::seed_paths().at(0)));
    const std::string text = kParagraph + "\n" + kSecondParagraph + "\n";
    return std::vector<DocumentCase>{
        {"empty_text", "empty.txt", "", Expect::kCleaned, {}, true},
        {"empty_html", "empty.html", "", Expect::kCleaned, {}, true},
        {"whitespace_text", "blank.txt", " \n\t\n\r\n   \n\f\v\n\n", Expect::kCleaned, {}, true},
        {"whitespace_html", "blank.html", "  \r\n\t\n   \n", Expect::kCleaned, {}, true},
        {"whitespace_only_elements", "blank_elements.html", "<html><body><p> </p><div>\n\t</div><p>&nbsp;</p></body></html>",
         Expect::kCleaned, {}, true},
        {"nul_in_text", "nul.txt", with_nul(kParagraph) + "\n" + kSecondParagraph + "\n", Expect::kCleaned,
         {"Port Ellery", "wooden pier", "museum that plans"}},
        {"nul_in_html", "nul.html", as_html(with_nul(kParagraph), kSecondParagraph), Expect::kCleaned,
         {"Port Ellery", "wooden pier", "museum that plans"}},
        {"invalid_utf8_text", "bad_utf8.txt", with_bad_utf8(kParagraph) + "\n" + kSecondParagraph + "\n", Expect::kCleaned,
         {"Port Ellery", "wooden pier", "museum that plans"}},
        {"invalid_utf8_html", "bad_utf8.html", as_html(with_bad_utf8(kParagraph), kSecondParagraph), Expect::kCleaned,
         {"Port Ellery", "wooden pier", "museum that plans"}},
        {"attributes_200k_html", "attributes.html", as_html(kParagraph, in_bold_with_attributes(kSecondParagraph, 200000)),
         Expect::kCleaned, {"Port Ellery", "wooden pier", "museum that plans"}},
        // Binary data is a failure (exit 1), not an unreadable input (exit 2) as a damaged .gz is.
        {"binary_named_html", "garbage.html", random_bytes(64 * 1024, 6), Expect::kRejected, {}, false, "binary", 1},
        {"binary_named_txt", "garbage.txt", random_bytes(64 * 1024, 7), Expect::kRejected, {}, false, "binary", 1},
        {"truncated_gzip", "cut.html.gz", gzip.substr(0, gzip.size() / 2), Expect::kRejected, {}, false,
         "truncated gzip stream"},
        {"gzip_header_only", "header.html.gz", gzip.substr(0, 10), Expect::kRejected, {}, false, "truncated gzip stream"},
        {"corrupt_gzip", "corrupt.html.gz", corrupt_gzip, Expect::kRejected, {}, false, "corrupt gzip data"},
        {"truncated_zstd", "cut.txt.zst", zstd.substr(0, zstd.size() / 2), Expect::kRejected, {}, false,
         "truncated zstd stream"},
        {"clean_text_control", "control.txt", text, Expect::kCleaned, {"Port Ellery", "museum that plans"}},
    };
  }();
  return cases;
}

void PrintTo(const DocumentCase& c, std::ostream* os) { *os << c.name; }

class BadDocument : public ::testing::TestWithParam<DocumentCase> {};

TEST_P(BadDocument, AloneOnStdinAndInABatchOfGoodFiles) {
  const DocumentCase& c = GetParam();
  TempDir dir;
  const std::string path = dir.write(std::string("site/bad/") + c.file, c.bytes);

  // As FILE and on stdin.
  std::string alone;
  for (const bool from_stdin : {false, true}) {
    const std::string where = from_stdin ? "<stdin>" : path;
    const Ran ran = from_stdin ? run({}, path) : run({path});
    const std::string what = std::string(c.name) + " from " + where;
    ASSERT_FALSE(ran.timed_out || ran.over_memory) << what << ": " << ran.describe();
    expect_printable(ran.err, what);
    if (c.expect == Expect::kCleaned) {
      EXPECT_EQ(ran.exit_code, 0) << what << ": " << ran.describe();
      expect_well_formed(ran.out, what);
      if (c.empty_output) {
        EXPECT_EQ(ran.out, "") << what;
      }
      for (const std::string& text : c.kept) EXPECT_TRUE(contains(ran.out, text)) << what << ": lost '" << text << "':\n" << ran.out;
      if (!from_stdin) alone = ran.out;
      if (from_stdin) {
        EXPECT_EQ(ran.out, alone) << what << ": stdin and FILE differ";
      }
    } else {
      EXPECT_EQ(ran.exit_code, c.alone_exit) << what << ": " << ran.describe();
      EXPECT_TRUE(contains(ran.err, where + ": ")) << what << ": the message does not name the input: " << ran.err;
      EXPECT_TRUE(contains(ran.err, c.error)) << what << ": the message does not say '" << c.error << "': " << ran.err;
      EXPECT_EQ(ran.out, "") << what << ": output from an input that was refused";
    }
  }

  // In a batch, beside good files.
  const auto goods = write_good_files(dir, "site");
  const Ran batch = run({"batch", dir / "site", "-o", dir / "out", "-j", "2"});
  const std::string what = std::string(c.name) + " in a batch";
  ASSERT_FALSE(batch.timed_out || batch.over_memory) << what << ": " << batch.describe();
  expect_printable(batch.err, what);
  expect_good_outputs_whole(dir.path() / "out", goods);
  expect_no_partial_files(dir.path() / "out");
  std::string output_name = std::string("site/bad/") + c.file;
  for (const char* suffix : {".gz", ".zst"}) {
    if (output_name.ends_with(suffix)) output_name.resize(output_name.size() - std::strlen(suffix));
  }
  output_name = output_name.substr(0, output_name.rfind('.')) + ".txt";
  const fs::path output = dir.path() / "out" / output_name;
  if (c.expect == Expect::kCleaned) {
    EXPECT_EQ(batch.exit_code, 0) << what << ": " << batch.describe();
    ASSERT_TRUE(fs::exists(output)) << what << ": no output " << output;
    EXPECT_EQ(read_whole_file(output), alone) << what << ": differs from the output of the file alone";
    EXPECT_FALSE(fs::exists(dir.path() / "out/winnow-errors.jsonl")) << what;
  } else {
    EXPECT_EQ(batch.exit_code, 1) << what << ": " << batch.describe();
    EXPECT_TRUE(contains(batch.err, path + ": ")) << what << ": the message does not name the file: " << batch.err;
    EXPECT_TRUE(contains(batch.err, c.error)) << what << ": the message does not say '" << c.error << "': " << batch.err;
    EXPECT_TRUE(contains(batch.err, "1 failed")) << what << ": " << batch.err;
    EXPECT_FALSE(fs::exists(output)) << what << ": a file that failed has an output";
    EXPECT_EQ(paths_in(error_records(dir.path() / "out/winnow-errors.jsonl")), std::set<std::string>{path}) << what;
  }
}

INSTANTIATE_TEST_SUITE_P(Table, BadDocument, ::testing::ValuesIn(document_cases()),
                         [](const ::testing::TestParamInfo<DocumentCase>& info) { return std::string(info.param.name); });

// --- Bad JSONL lines and bad WARC files among good ones -------------------------------------------

struct BadLine {
  std::string text;    // the line as written (without its line feed)
  std::string reason;  // what the message says after "PATH:LINE: "
};

struct MixedJsonl {
  std::string all;                  // good and bad lines mixed, the last one cut without a line feed
  std::string good_only;            // the good lines alone, in order
  std::map<int, BadLine> bad;       // by line number
};

MixedJsonl mixed_jsonl() {
  const std::string page = read_whole_file(testing::source_path("golden/cases/html_comment_section.html"));
  const std::vector<BadLine> bad_lines = {
      {"{\"id\": 100, \"html\": ", "not valid JSON"},                          // a line cut short
      {"[1, 2]", "not a JSON object"},
      {"\"just a string\"", "not a JSON object"},
      {"null", "not a JSON object"},
      {"{\"id\": 101}", "has neither an \"html\" nor a \"text\" field"},
      {"{\"id\": 102, \"text\": 42}", "field \"text\" is not a string"},
      {"{\"id\": 103, \"html\": null}", "field \"html\" is not a string"},
      {"not json at all", "not valid JSON"},
      {"{\"id\": 104, \"text\": \"bad \xff\xfe utf-8\"}", "not valid JSON"},    // JSON must be UTF-8
      {std::string("{\"id\": 105, \"text\": \"raw ") + '\0' + " NUL\"}", "not valid JSON"},
      {"{\"id\": 106, \"text\": \"x\"} trailing", "not valid JSON"},
      {"{\"id\": 107, \"text\": \"The harbour council", "not valid JSON"},   // the last line, cut
  };
  MixedJsonl mixed;
  int line = 0;
  std::size_t next_bad = 0;
  for (int id = 0; id < 24; ++id) {
    const std::string good = id % 2 == 0 ? nlohmann::ordered_json{{"id", id}, {"html", page}}.dump()
                                         : nlohmann::ordered_json{{"id", id}, {"text", kParagraph + " (" + std::to_string(id) + ")"}}.dump();
    mixed.all += good + "\n";
    mixed.good_only += good + "\n";
    ++line;
    if (id == 5) {
      mixed.all += "\n";  // a blank line is no record and no error
      ++line;
    }
    if (id % 2 == 1 && next_bad + 1 < bad_lines.size()) {
      mixed.all += bad_lines[next_bad].text + "\n";
      mixed.bad[++line] = bad_lines[next_bad++];
    }
  }
  mixed.all += bad_lines.back().text;  // no line feed after it
  mixed.bad[++line] = bad_lines.back();
  return mixed;
}

TEST(BadRecords, JsonlOnStdinReportsEveryBadLineByNumberAndWritesEveryGoodRecord) {
  TempDir dir;
  const MixedJsonl mixed = mixed_jsonl();
  const std::string input = dir.write("mixed.jsonl", mixed.all);
  const Ran reference = run({"--jsonl", "-j", "1"}, dir.write("good.jsonl", mixed.good_only));
  ASSERT_EQ(reference.exit_code, 0) << reference.describe();
  for (const char* jobs : {"1", "2"}) {
    const std::string errors = dir / (std::string("errors-") + jobs + ".jsonl");
    const Ran ran = run({"--jsonl", "-j", jobs, "--errors", errors}, input);
    const std::string what = std::string("--jsonl -j ") + jobs;
    EXPECT_EQ(ran.exit_code, 1) << what << ": " << ran.describe();
    EXPECT_EQ(ran.out, reference.out) << what << ": the good records are not all there, in order";
    for (const auto& [number, bad] : mixed.bad) {
      const std::string message = "<stdin>:" + std::to_string(number) + ": " + bad.reason;
      EXPECT_TRUE(contains(ran.err, message)) << what << ": missing '" << message << "' in:\n" << ran.err;
    }
    std::set<int> listed;
    for (const auto& record : error_records(errors, Parse::kLenient)) {
      listed.insert(record.value("line", 0));
      const int number = record.value("line", 0);
      if (mixed.bad.count(number) && valid_utf8(mixed.bad.at(number).text)) {
        EXPECT_EQ(record.value("input", ""), mixed.bad.at(number).text) << what << " line " << number;
      }
    }
    std::set<int> expected;
    for (const auto& [number, bad] : mixed.bad) expected.insert(number);
    EXPECT_EQ(listed, expected) << what << ": --errors does not list exactly the bad lines";
  }
}

// A WARC of HTML responses, whole or damaged in one of the ways crawls are.
struct WarcFiles {
  std::string whole_gz;
  std::vector<std::string> pages;  // the HTML of its responses, in order
};

WarcFiles warc_files() {
  WarcFiles w;
  w.pages = {read_whole_file(testing::source_path("golden/cases/html_comment_section.html")),
             read_whole_file(testing::source_path("golden/cases/html_list_in_body_kept.html"))};
  std::vector<std::string> records = {
      testing::warc_record("warcinfo", "", "0", "application/warc-fields", "software: test\r\n")};
  for (std::size_t i = 0; i < w.pages.size(); ++i) {
    records.push_back(testing::warc_response("https://example.org/" + std::to_string(i + 1), std::to_string(i + 1),
                                             "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + w.pages[i]));
  }
  for (const std::string& r : records) w.whole_gz += testing::gzip_member(r);
  return w;
}

std::string warc_plain() {
  const WarcFiles w = warc_files();
  std::string plain;
  plain += testing::warc_record("warcinfo", "", "0", "application/warc-fields", "software: test\r\n");
  for (std::size_t i = 0; i < w.pages.size(); ++i) {
    plain += testing::warc_response("https://example.org/" + std::to_string(i + 1), std::to_string(i + 1),
                                    "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + w.pages[i]);
  }
  return plain;
}

TEST(BadRecords, BatchReportsBadLinesAndDamagedWarcFilesAndWritesEveryGoodRecordWhole) {
  TempDir dir;
  const MixedJsonl mixed = mixed_jsonl();
  const WarcFiles warc = warc_files();
  const std::string plain = warc_plain();
  dir.write("crawl/mixed.jsonl", mixed.all);
  dir.write("crawl/mixed_gz.jsonl.gz", testing::gzip_member(mixed.all));
  dir.write("crawl/good.jsonl", mixed.good_only);
  dir.write("crawl/pages.warc.gz", warc.whole_gz);
  struct DamagedWarc {
    std::string name;
    std::string bytes;
    std::string error;
  };
  std::string bad_length = plain;
  bad_length.replace(bad_length.find("Content-Length: "), 16, "Content-Length: x");
  const std::vector<DamagedWarc> damaged = {
      {"cut.warc.gz", warc.whole_gz.substr(0, warc.whole_gz.size() - 100),
       "record 3 (<urn:uuid:2>) is cut short: truncated gzip stream"},
      {"cut_plain.warc", plain.substr(0, plain.size() - 500), "record 3 (<urn:uuid:2>) is cut short"},
      {"garbage.warc", random_bytes(8192, 61), "record 1: expected a WARC version line"},
      {"garbage_gz.warc.gz", testing::gzip_member(random_bytes(8192, 62)), "record 1: expected a WARC version line"},
      {"bad_length.warc", bad_length, "record 1: Content-Length"},
  };
  for (const DamagedWarc& d : damaged) dir.write("crawl/" + d.name, d.bytes);

  const Ran reference = run({"--jsonl", "-j", "1"}, dir / "crawl/good.jsonl");
  ASSERT_EQ(reference.exit_code, 0) << reference.describe();
  const Ran ran = run({"batch", "--jsonl", dir / "crawl", "-o", dir / "out", "-j", "2"});
  EXPECT_EQ(ran.exit_code, 1) << ran.describe();
  expect_no_partial_files(dir.path() / "out");
  const auto out = tree_of(dir.path() / "out");

  // JSONL: each bad line named with its file and number; the file's good records all written.
  for (const char* name : {"mixed.jsonl", "mixed_gz.jsonl.gz"}) {
    const std::string shown = (dir.path() / "crawl" / name).string();
    for (const auto& [number, bad] : mixed.bad) {
      const std::string message = shown + ":" + std::to_string(number) + ": " + bad.reason;
      EXPECT_TRUE(contains(ran.err, message)) << "missing '" << message << "'";
    }
  }
  for (const char* output : {"crawl/mixed.jsonl", "crawl/mixed_gz.jsonl", "crawl/good.jsonl"}) {
    ASSERT_EQ(out.count(output), 1u) << output;
    EXPECT_EQ(out.at(output), reference.out) << output << ": the good records are not all there, in order";
  }

  // WARC: a damaged file is named with the record and gets no output; the good one is whole.
  for (const DamagedWarc& d : damaged) {
    const std::string shown = (dir.path() / "crawl" / d.name).string();
    EXPECT_TRUE(contains(ran.err, shown + ": " + d.error)) << "missing '" << shown << ": " << d.error << "'";
    std::string stem = d.name.substr(0, d.name.find(".warc"));
    EXPECT_EQ(out.count("crawl/" + stem + ".jsonl"), 0u) << d.name << ": a damaged WARC has an output";
  }
  ASSERT_EQ(out.count("crawl/pages.jsonl"), 1u);
  std::istringstream lines(out.at("crawl/pages.jsonl"));
  std::size_t n = 0;
  for (std::string line; std::getline(lines, line); ++n) {
    ASSERT_LT(n, warc.pages.size());
    const Ran single = run({"--input-format", "html"}, dir.write("page" + std::to_string(n) + ".html", warc.pages[n]));
    EXPECT_EQ(nlohmann::json::parse(line)["text"].get<std::string>() + "\n", single.out) << "WARC record " << n;
  }
  EXPECT_EQ(n, warc.pages.size());
  const std::vector<nlohmann::json> errors = error_records(dir.path() / "out/winnow-errors.jsonl");
  std::size_t line_errors = 0;
  std::set<std::string> failed_files;
  for (const auto& e : errors) {
    if (e.contains("line")) {
      ++line_errors;
    } else {
      failed_files.insert(e.value("path", ""));
    }
  }
  EXPECT_EQ(line_errors, 2 * mixed.bad.size());
  std::set<std::string> expected_failed;
  for (const DamagedWarc& d : damaged) expected_failed.insert((dir.path() / "crawl" / d.name).string());
  EXPECT_EQ(failed_files, expected_failed);
}

// What a bad input holds is quoted in messages and in the errors files: bytes that are not UTF-8,
// and control bytes (ESC, CR, a line feed that splits one message in two), must not pass through raw.
TEST(BadRecords, MessagesAndErrorFilesCarryNoRawBytesFromTheInput) {
  TempDir dir;
  const std::string good = nlohmann::json{{"text", kParagraph}}.dump();
  const std::string jsonl = good + "\n{\"text\": \"bad \xff\xfe utf-8\"}\n" + good + "\n\x1b[31m{not json\r\n" + good + "\n";
  const std::string input = dir.write("crawl/lines.jsonl", jsonl);
  const Ran stdin_run = run({"--jsonl", "-j", "1", "--errors", dir / "errors.jsonl"}, input);
  EXPECT_EQ(stdin_run.exit_code, 1) << stdin_run.describe();
  expect_printable(stdin_run.err, "--jsonl");
  EXPECT_EQ(error_records(dir.path() / "errors.jsonl").size(), 2u) << "--errors FILE";

  std::string garbage = random_bytes(8192, 61);
  garbage.replace(0, 1, "W");  // so its version line is tried as one
  dir.write("crawl/garbage.warc", garbage);
  dir.write("crawl/garbage_gz.warc.gz", testing::gzip_member(random_bytes(8192, 62)));
  const Ran batch = run({"batch", "--jsonl", dir / "crawl", "-o", dir / "out", "-j", "1"});
  EXPECT_EQ(batch.exit_code, 1) << batch.describe();
  expect_printable(batch.err, "batch --jsonl");
  EXPECT_EQ(error_records(dir.path() / "out/winnow-errors.jsonl").size(), 4u) << "winnow-errors.jsonl";
}

// --- Files that cannot be read ------------------------------------------------------------------

// Gives a directory back its permissions when the test ends, so TempDir can remove it.
struct RestorePermissions {
  std::vector<fs::path> paths;
  ~RestorePermissions() {
    std::error_code ignored;
    for (const fs::path& p : paths) fs::permissions(p, fs::perms::owner_all, fs::perm_options::add, ignored);
  }
};

// A child that cannot read what it is denied: as root, run as nobody, since root reads a file of
// mode 000; skipped where privileges cannot be dropped.
#define SKIP_IF_PRIVILEGES_CANNOT_BE_DROPPED(ran)                                                   \
  if ((ran).exit_code == kCannotDropPrivileges && contains((ran).err, "cannot drop privileges")) { \
    GTEST_SKIP() << "running as root and cannot switch to uid 65534: " << (ran).err;              \
  }

Child unprivileged(std::vector<std::string> args) {
  Child child;
  child.args = std::move(args);
  child.as_nobody = true;
  if (running_as_root()) child.binary = binary_for_nobody();
  return child;
}

TEST(Unreadable, AFileAndADirectoryThatCannotBeReadAreReportedAndTheRestIsWrittenWhole) {
  TempDir dir;
  fs::permissions(dir.path(), fs::perms::all);  // nobody creates OUT here
  const auto goods = write_good_files(dir, "site");
  const std::string locked = dir.write("site/locked.html", as_html(kParagraph, kSecondParagraph));
  const std::string closed_file = dir.write("site/closed/hidden.html", as_html(kParagraph, kSecondParagraph));
  const std::string closed = (dir.path() / "site/closed").string();
  RestorePermissions restore{{locked, closed}};
  fs::permissions(locked, fs::perms::none);
  fs::permissions(closed, fs::perms::none);

  const Ran ran = run(unprivileged({"batch", dir / "site", "-o", dir / "out", "-j", "2"}));
  SKIP_IF_PRIVILEGES_CANNOT_BE_DROPPED(ran);
  EXPECT_EQ(ran.exit_code, 1) << ran.describe();
  expect_printable(ran.err, "unreadable");
  EXPECT_TRUE(contains(ran.err, locked + ": cannot open: Permission denied")) << ran.err;
  EXPECT_TRUE(contains(ran.err, closed + ": cannot read the directory: Permission denied")) << ran.err;
  expect_good_outputs_whole(dir.path() / "out", goods);
  expect_no_partial_files(dir.path() / "out");
  EXPECT_FALSE(fs::exists(dir.path() / "out/site/locked.txt"));
  EXPECT_FALSE(fs::exists(dir.path() / "out/site/closed"));
  EXPECT_EQ(paths_in(error_records(dir.path() / "out/winnow-errors.jsonl")), (std::set<std::string>{locked, closed}));

  // Alone: an input that cannot be read is exit 2, naming it.
  const Ran single = run(unprivileged({locked}));
  EXPECT_EQ(single.exit_code, 2) << single.describe();
  EXPECT_TRUE(contains(single.err, locked + ": cannot open: Permission denied")) << single.err;
  EXPECT_EQ(single.out, "");
}

// --- A file deleted while the batch runs ---------------------------------------------------------

TEST(DeletedMidRun, TheDeletedFileIsReportedOrNeverSeenAndEveryOtherOutputIsWhole) {
  constexpr int kFiles = 2000;
  TempDir dir;
  std::vector<std::string> names;
  for (int i = 0; i < kFiles; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "p%04d.txt", i);
    names.push_back(name);
    dir.write(std::string("site/") + name, "Record " + std::to_string(i) + ": " + kParagraph + "\n");
  }
  // The outputs of the same files, from a run nobody disturbs.
  TempDir reference;
  for (const std::string& name : names) reference.write("site/" + name, read_whole_file(dir.path() / "site" / name));
  const Ran whole = run({"batch", reference / "site", "-o", reference / "out", "-j", "1", "--quiet"});
  ASSERT_EQ(whole.exit_code, 0) << whole.describe();
  const auto expected = tree_of(reference.path() / "out");
  ASSERT_EQ(expected.size(), static_cast<std::size_t>(kFiles));
  // ... which are what winnow prints for each file alone (a sample).
  for (const std::size_t i : {std::size_t{0}, std::size_t{kFiles / 2}, std::size_t{kFiles - 2}}) {
    EXPECT_EQ(expected.at("site/" + names[i]), run({(dir.path() / "site" / names[i]).string()}).out) << names[i];
  }

  const fs::path last = dir.path() / "site" / names.back();
  const fs::path outputs = dir.path() / "out/site";
  bool deleted_while_running = false;
  Child child;
  child.args = {"batch", dir / "site", "-o", dir / "out", "-j", "1"};
  const Ran ran = run(child, [&](pid_t) {
    const auto deadline = Clock::now() + std::chrono::seconds(20);
    while (Clock::now() < deadline) {
      std::error_code ec;
      bool any = false;
      for (fs::directory_iterator it(outputs, ec), end; !ec && it != end; it.increment(ec)) {
        if (!it->path().filename().string().starts_with(".")) {
          any = true;
          break;
        }
      }
      if (any) {
        deleted_while_running = fs::remove(last);
        return;
      }
      std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
  });
  ASSERT_TRUE(deleted_while_running) << "no output appeared within 20 s: " << ran.describe();
  expect_printable(ran.err, "deleted mid-run");
  expect_no_partial_files(dir.path() / "out");
  const std::string shown = last.string();
  const auto written = tree_of(dir.path() / "out");
  const bool reported = contains(ran.err, shown);
  std::printf("[ info ] the deleted file was %s; exit %d\n", reported ? "reported" : "never seen", ran.exit_code);
  if (reported) {
    EXPECT_EQ(ran.exit_code, 1) << ran.describe();
    EXPECT_TRUE(contains(ran.err, shown + ": ") && contains(ran.err, "No such file or directory")) << ran.err;
    EXPECT_EQ(written.count("site/" + names.back()), 0u) << "a file that failed has an output";
    EXPECT_EQ(paths_in(error_records(dir.path() / "out/winnow-errors.jsonl")), std::set<std::string>{shown});
  } else {
    // Never seen (or cleaned before it went): a success, and nothing said about it.
    EXPECT_EQ(ran.exit_code, 0) << ran.describe();
    EXPECT_FALSE(fs::exists(dir.path() / "out/winnow-errors.jsonl"));
  }
  for (const auto& [path, bytes] : expected) {
    if (path == "site/" + names.back()) {
      if (written.count(path)) {
        EXPECT_EQ(written.at(path), bytes) << path;
      }
      continue;
    }
    ASSERT_EQ(written.count(path), 1u) << path << " was not written";
    EXPECT_EQ(written.at(path), bytes) << path << " not whole";
  }
  for (const auto& [path, bytes] : written) {
    EXPECT_TRUE(expected.count(path) || path == "winnow-errors.jsonl") << "unexpected file in OUT: " << path;
  }
}

// --- An output directory that cannot be written ---------------------------------------------------

struct ReadOnlyCase {
  const char* name;
  const char* read_only;  // below the test's directory; made read-only before the run
  const char* out;        // OUT, below the test's directory
};

void PrintTo(const ReadOnlyCase& c, std::ostream* os) { *os << c.name; }

class ReadOnlyOutput : public ::testing::TestWithParam<ReadOnlyCase> {};

TEST_P(ReadOnlyOutput, IsAClearErrorNamingTheDirectoryAndWritesNothing) {
  const ReadOnlyCase& c = GetParam();
  TempDir dir;
  fs::permissions(dir.path(), fs::perms::all);
  write_good_files(dir, "site");
  const fs::path read_only = dir.path() / c.read_only;
  fs::create_directories(read_only);
  for (fs::path p = read_only.parent_path(); p != dir.path(); p = p.parent_path()) fs::permissions(p, fs::perms::all);
  RestorePermissions restore{{read_only}};
  fs::permissions(read_only, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                                 fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
  const Ran ran = run(unprivileged({"batch", dir / "site", "-o", dir / c.out, "-j", "2"}));
  SKIP_IF_PRIVILEGES_CANNOT_BE_DROPPED(ran);
  ASSERT_FALSE(ran.timed_out || ran.over_memory) << ran.describe();
  EXPECT_TRUE(ran.exit_code == 1 || ran.exit_code == 2) << ran.describe();
  EXPECT_TRUE(contains(ran.err, read_only.string())) << "the message does not name " << read_only << ": " << ran.err;
  EXPECT_TRUE(contains(ran.err, "Permission denied")) << ran.err;
  expect_printable(ran.err, c.name);
  for (const auto& [path, bytes] : tree_of(dir.path() / c.out)) {
    EXPECT_EQ(path, "winnow-errors.jsonl") << "written into a read-only place: " << path;
  }
}

INSTANTIATE_TEST_SUITE_P(Table, ReadOnlyOutput,
                         ::testing::Values(ReadOnlyCase{"out_itself", "out", "out"},
                                           ReadOnlyCase{"parent_of_out", "parent", "parent/out"},
                                           ReadOnlyCase{"subdirectory_of_out", "out/site", "out"}),
                         [](const ::testing::TestParamInfo<ReadOnlyCase>& info) { return std::string(info.param.name); });

// --- A full disk --------------------------------------------------------------------------------

constexpr rlim_t kFileSizeLimit = 64 * 1024;

// A text page whose output is larger than kFileSizeLimit (numbered lines, so none is a repeat).
std::string big_text() {
  const std::string seed = read_whole_file(testing::seed_paths().at(1));
  std::string text;
  for (int i = 0; i < 80; ++i) {
    std::istringstream lines(seed);
    for (std::string line; std::getline(lines, line);) {
      if (!line.empty()) text += "Part " + std::to_string(i) + ": " + line + "\n";
    }
  }
  return text;
}

struct FullOutputCase {
  const char* name;
  std::vector<std::string> args;  // {} stands for the input as FILE
  bool from_stdin;
  const char* input;  // "seed", "page", "big", "jsonl"
};

void PrintTo(const FullOutputCase& c, std::ostream* os) { *os << c.name; }

class FullStdout : public ::testing::TestWithParam<FullOutputCase> {};

TEST_P(FullStdout, StdoutThatCannotBeWrittenIsAFailureWithAMessage) {
  const FullOutputCase& c = GetParam();
  TempDir dir;
  std::string input;
  if (std::string(c.input) == "seed") input = testing::seed_paths().at(1).string();
  if (std::string(c.input) == "page") input = testing::source_path("golden/cases/html_comment_section.html");
  if (std::string(c.input) == "big") input = dir.write("big.txt", big_text());
  if (std::string(c.input) == "jsonl") {
    input = dir.write("in.jsonl", nlohmann::json{{"text", kParagraph}}.dump() + "\n" +
                                      nlohmann::json{{"html", as_html(kParagraph, kSecondParagraph)}}.dump() + "\n");
  }
  for (const bool dev_full : {true, false}) {
    Child child;
    child.args = c.args;
    if (c.from_stdin) {
      child.stdin_path = input;
    } else {
      child.args.push_back(input);
    }
    child.timeout = std::chrono::seconds(20);
    std::string expected_error;
    if (dev_full) {
      child.stdout_path = "/dev/full";
      expected_error = "No space left on device";
    } else {
      // A regular file past RLIMIT_FSIZE: the writes fail with EFBIG. Only the big input fills it.
      if (std::string(c.input) != "big") continue;
      child.stdout_path = dir / "stdout";
      child.max_file_size = kFileSizeLimit;
      expected_error = "File too large";
    }
    const Ran ran = run(child);
    const std::string what = std::string(c.name) + (dev_full ? " > /dev/full" : " > file past RLIMIT_FSIZE");
    ASSERT_FALSE(ran.timed_out) << what << ": hangs: " << ran.describe();
    EXPECT_EQ(ran.exit_code, 1) << what << ": " << ran.describe();
    EXPECT_TRUE(contains(ran.err, expected_error)) << what << ": " << ran.err;
    expect_printable(ran.err, what);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, FullStdout,
    ::testing::Values(FullOutputCase{"text_file", {}, false, "seed"}, FullOutputCase{"text_stdin", {}, true, "seed"},
                      FullOutputCase{"html_file", {}, false, "page"},
                      FullOutputCase{"json_output", {"--output-format", "json"}, false, "seed"},
                      FullOutputCase{"explain", {"explain"}, false, "seed"},
                      FullOutputCase{"jsonl_stdin", {"--jsonl", "-j", "2"}, true, "jsonl"},
                      FullOutputCase{"big_text_stdin", {}, true, "big"}),
    [](const ::testing::TestParamInfo<FullOutputCase>& info) { return std::string(info.param.name); });

// A batch onto a full disk: every input either has its whole output or is named in an error, the
// exit code is 1, and no partial output is left. `written` is OUT's files, `expected` the outputs
// of an undisturbed run.
void expect_full_disk_batch(const Ran& ran, const std::map<std::string, std::string>& written,
                            const std::map<std::string, std::string>& expected, const std::string& input_root,
                            const std::string& error) {
  EXPECT_EQ(ran.exit_code, 1) << ran.describe();
  EXPECT_TRUE(contains(ran.err, error)) << ran.err;
  expect_printable(ran.err, "full disk");
  std::size_t failed = 0;
  for (const auto& [path, bytes] : expected) {
    if (written.count(path)) {
      EXPECT_EQ(written.at(path), bytes) << path << " not whole";
      continue;
    }
    ++failed;
    // OUT/site/big.txt comes from <input_root>/site/big.txt
    const std::string stem = path.substr(0, path.rfind('.'));
    EXPECT_TRUE(contains(ran.err, input_root + "/" + stem + ".")) << path << " is missing and no error names it:\n" << ran.err;
  }
  EXPECT_GT(failed, 0u);
  for (const auto& [path, bytes] : written) {
    EXPECT_TRUE(expected.count(path) || path == "winnow-errors.jsonl") << "left in OUT: " << path;
  }
}

void write_full_disk_site(const TempDir& dir) {
  write_good_files(dir, "site");
  for (const auto& entry : fs::directory_iterator(testing::source_path("golden/cases"))) {
    if (entry.path().extension() == ".html") dir.write("site/cases/" + entry.path().filename().string(), read_whole_file(entry.path()));
  }
  dir.write("site/big.txt", big_text());
}

TEST(FullDisk, ABatchPastTheFileSizeLimitFailsTheFilesThatDoNotFitAndWritesTheRestWhole) {
  TempDir dir;
  write_full_disk_site(dir);
  const Ran whole = run({"batch", dir / "site", "-o", dir / "reference", "-j", "2", "--quiet"});
  ASSERT_EQ(whole.exit_code, 0) << whole.describe();
  const auto expected = tree_of(dir.path() / "reference");
  ASSERT_GT(expected.at("site/big.txt").size(), kFileSizeLimit) << "the big output must not fit";

  Child child;
  child.args = {"batch", dir / "site", "-o", dir / "out", "-j", "2"};
  child.max_file_size = kFileSizeLimit;
  const Ran ran = run(child);
  const auto written = tree_of(dir.path() / "out");
  expect_full_disk_batch(ran, written, expected, dir.path().string(), "File too large");
  expect_no_partial_files(dir.path() / "out");
  // Only the big output is past the limit: every other file is written.
  for (const auto& [path, bytes] : expected) {
    if (path != "site/big.txt") {
      EXPECT_EQ(written.count(path), 1u) << path;
    }
  }
  EXPECT_EQ(written.count("site/big.txt"), 0u);
  EXPECT_TRUE(contains(ran.err, (dir.path() / "site/big.txt").string() + ": ")) << ran.err;
}

TEST(FullDisk, ABatchOntoASmallTmpfsFailsTheFilesThatDoNotFitAndWritesTheRestWhole) {
  TempDir dir;
  write_full_disk_site(dir);
  const Ran whole = run({"batch", dir / "site", "-o", dir / "reference", "-j", "2", "--quiet"});
  ASSERT_EQ(whole.exit_code, 0) << whole.describe();
  const auto expected = tree_of(dir.path() / "reference");
  const std::string disk = dir / "disk";
  fs::create_directories(disk);
  if (std::system(("mount -t tmpfs -o size=128k tmpfs " + disk + " 2>/dev/null").c_str()) != 0) {
    GTEST_SKIP() << "cannot mount a small tmpfs here (mount needs root and CAP_SYS_ADMIN)";
  }
  struct Unmount {
    std::string disk;
    ~Unmount() { (void)!std::system(("umount " + disk).c_str()); }
  } unmount{disk};
  ASSERT_GT(expected.at("site/big.txt").size(), 128u * 1024) << "the big output must not fit";
  const Ran ran = run({"batch", dir / "site", "-o", disk + "/out", "-j", "2"});
  const auto written = tree_of(disk + "/out");
  expect_full_disk_batch(ran, written, expected, dir.path().string(), "No space left on device");
  expect_no_partial_files(disk + "/out");
}

// --- A model file that is garbage or cut short ------------------------------------------------------

struct ModelCase {
  const char* name;
  std::function<void(const std::string& path)> make;
  std::string says = {};  // besides the path, what the message must hold
};

std::string default_model() { return read_whole_file(testing::source_path("model/default.model")); }

const std::vector<ModelCase>& model_cases() {
  static const std::vector<ModelCase> cases = {
      {"empty", [](const std::string& p) { testing::write_whole_file(p, ""); }},
      {"random_bytes", [](const std::string& p) { testing::write_whole_file(p, random_bytes(100000, 9)); }},
      {"text_not_a_model", [](const std::string& p) { testing::write_whole_file(p, kParagraph + "\n"); }},
      {"header_only", [](const std::string& p) { testing::write_whole_file(p, default_model().substr(0, default_model().find("[text]"))); }},
      {"cut_mid_line", [](const std::string& p) { testing::write_whole_file(p, default_model().substr(0, 1000003)); }},
      {"cut_before_html", [](const std::string& p) { testing::write_whole_file(p, default_model().substr(0, default_model().find("[html]"))); }},
      // Cut where nothing looks unfinished: inside the last leaf's number, and at a tree's start.
      {"cut_inside_the_last_number", [](const std::string& p) {
         const std::string m = default_model();
         testing::write_whole_file(p, m.substr(0, m.size() - 3));
       }},
      {"cut_before_the_last_tree", [](const std::string& p) {
         const std::string m = default_model();
         testing::write_whole_file(p, m.substr(0, m.rfind("\ntree\n") + 1));
       }},
      {"cut_after_half_the_trees", [](const std::string& p) {
         const std::string m = default_model();
         std::size_t at = m.find("ensemble second_pass", m.find("[html]"));
         for (int i = 0; i < 100; ++i) at = m.find("\ntree\n", at + 1);
         testing::write_whole_file(p, m.substr(0, at + 1));
       }},
      {"a_directory", [](const std::string& p) { fs::create_directories(p); }, "directory"},
  };
  return cases;
}

void PrintTo(const ModelCase& c, std::ostream* os) { *os << c.name; }

class BadModel : public ::testing::TestWithParam<ModelCase> {};

TEST_P(BadModel, IsAUsageErrorNamingTheFileAndWritesNothing) {
  const ModelCase& c = GetParam();
  TempDir dir;
  const std::string model = dir / "bad.model";
  c.make(model);
  const std::string seed = testing::seed_paths().at(1).string();
  const std::string jsonl = dir.write("in.jsonl", nlohmann::json{{"text", kParagraph}}.dump() + "\n");
  write_good_files(dir, "site");
  const std::vector<std::pair<std::vector<std::string>, std::string>> commands = {
      {{"--model", model, seed}, "/dev/null"},
      {{"explain", "--model", model, seed}, "/dev/null"},
      {{"--jsonl", "--model", model}, jsonl},
      {{"batch", "--model", model, dir / "site", "-o", dir / "out"}, "/dev/null"},
  };
  for (const auto& [args, in] : commands) {
    const Ran ran = run(args, in);
    const std::string what = std::string(c.name) + ": winnow " + args[0];
    ASSERT_FALSE(ran.timed_out || ran.over_memory) << what << ": " << ran.describe();
    EXPECT_EQ(ran.exit_code, 2) << what << ": " << ran.describe();
    EXPECT_TRUE(contains(ran.err, model)) << what << ": the message does not name the model: " << ran.err;
    if (!c.says.empty()) {
      EXPECT_TRUE(contains(ran.err, c.says)) << what << ": does not say '" << c.says << "': " << ran.err;
    }
    expect_printable(ran.err, what);
    EXPECT_TRUE(ran.out.empty()) << what << ": " << ran.out.size() << " bytes on stdout";
    EXPECT_FALSE(fs::exists(dir.path() / "out")) << what << ": batch wrote before it read the model";
  }
}

INSTANTIATE_TEST_SUITE_P(Table, BadModel, ::testing::ValuesIn(model_cases()),
                         [](const ::testing::TestParamInfo<ModelCase>& info) { return std::string(info.param.name); });

// --- Slow: deep nesting (ctest -R bad_input_slow) ----------------------------------------------------

constexpr int kNestingDepth = 100000;
constexpr std::chrono::seconds kDeepTimeout{60};
constexpr long kDeepMaxRssKb = kMemoryFactor * 300L * 1024;  // the pages are at most 7 MB
const std::string kDeepText = "The deep text of this page is here, a full sentence about the harbour pier and its timber.";

struct NestingCase {
  const char* name;
  const char* open;  // with "%d", numbered 0, 1, ... so that no two are alike
  int opens;
  const char* close;  // after the deep text
  int closes;
};

void PrintTo(const NestingCase& c, std::ostream* os) { *os << c.name; }

class BadInputSlow : public ::testing::TestWithParam<NestingCase> {};

TEST_P(BadInputSlow, DeepNestingFinishesInBoundedMemoryAndKeepsTheDeepText) {
  const NestingCase& c = GetParam();
  TempDir dir;
  std::string html = "<html><body><p>" + kParagraph + "</p>";
  html.reserve(html.size() + c.opens * std::strlen(c.open) + c.closes * std::strlen(c.close) + 200);
  html += numbered(c.open, c.opens);
  html += "<p>" + kDeepText + "</p>";
  for (int i = 0; i < c.closes; ++i) html += c.close;
  Child child;
  child.args = {dir.write("deep.html", html)};
  child.timeout = kDeepTimeout;
  const Ran ran = run(child);
  std::printf("[ info ] %s (%zu bytes): exit %d, %.1f s, peak RSS %ld MB\n", c.name, html.size(), ran.exit_code, ran.seconds,
              ran.peak_rss_kb / 1024);
  ASSERT_FALSE(ran.timed_out) << c.name << ": did not finish in " << kDeepTimeout.count() << " s: " << ran.describe();
  ASSERT_FALSE(ran.over_memory) << c.name << ": killed past " << kDefaultMemoryCapKb / 1024 << " MB: " << ran.describe();
  EXPECT_EQ(ran.exit_code, 0) << c.name << ": " << ran.describe();
  EXPECT_LT(ran.peak_rss_kb, kDeepMaxRssKb) << c.name << ": " << ran.describe();
  EXPECT_TRUE(contains(ran.out, kDeepText)) << c.name << ": the deep text is lost:\n" << ran.out.substr(0, 2000);
  expect_well_formed(ran.out, c.name);
}

// Gumbo's time grows with the square of the depth and it frees its tree by recursion; every parse
// error also keeps a copy of the stack of open elements, so errors at depth (unclosed elements at
// the end, stray end tags) cost memory as errors x depth.
// Formatting elements left open are copied into every block after them: their number is bounded.
INSTANTIATE_TEST_SUITE_P(Table, BadInputSlow,
                         ::testing::Values(NestingCase{"div_closed", "<div>", kNestingDepth, "</div>", kNestingDepth},
                                           NestingCase{"div_unclosed", "<div>", kNestingDepth, "", 0},
                                           NestingCase{"span_unclosed", "<span>", kNestingDepth, "", 0},
                                           NestingCase{"font_unclosed", "<font>", kNestingDepth, "", 0},
                                           NestingCase{"list_unclosed", "<ul><li>", kNestingDepth, "", 0},
                                           NestingCase{"table_unclosed", "<table><tr><td>", kNestingDepth, "", 0},
                                           NestingCase{"stray_end_tags_500_deep", "<div>", 500, "</span>", 1000000},
                                           // Each paragraph leaves a <b> of its own open; the tree
                                           // builder copies every open one into each paragraph after:
                                           // 200 million elements (6 GB) unless they are bounded.
                                           NestingCase{"formatting_left_open", "<p><b class=\"c%d\">word ", 20000, "", 0},
                                           // A formatting element's end tag after a block opened
                                           // inside it (and a link left open around a list) moves
                                           // the element into the block: each nests one deeper.
                                           NestingCase{"formatting_closed_around_a_block", "<b><div>word %d</b>", kNestingDepth, "", 0},
                                           NestingCase{"links_left_open_around_lists", "<a href=\"/%d\"><ul>link ", kNestingDepth, "", 0}),
                         [](const ::testing::TestParamInfo<NestingCase>& info) { return std::string(info.param.name); });

// --- Slow: a 1 GB line on stdin (ctest -R bad_input_huge_line) ------------------------------------------

long env_number(const char* name, long fallback) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? std::strtol(value, nullptr, 10) : fallback;
}

TEST(HugeLine, AOneGigabyteLineOnStdinIsCleanedInFlatMemory) {
  const long megabytes = env_number("WINNOW_HUGE_LINE_MB", kHugeLineDefaultMb);
  const long max_rss_mb = env_number("WINNOW_HUGE_LINE_MAX_RSS_MB", kMemoryFactor * 200);
  const std::uint64_t total = static_cast<std::uint64_t>(megabytes) << 20;
  ::signal(SIGPIPE, SIG_IGN);  // a child that dies makes the feeder's write fail, not kill the test

  int in[2];
  int out[2];
  ASSERT_EQ(::pipe2(in, O_CLOEXEC), 0);
  ASSERT_EQ(::pipe2(out, O_CLOEXEC), 0);
  Child child;
  child.stdin_fd = in[0];
  child.stdout_fd = out[1];
  child.timeout = std::chrono::seconds(60 + megabytes / 4);
  child.memory_cap_kb = std::max<long>(5 * max_rss_mb, 1024) * 1024;  // stop it well before it eats the machine

  std::uint64_t fed = 0;
  std::uint64_t out_bytes = 0;
  std::uint64_t out_lines = 0;
  bool out_has_nul = false;
  bool out_has_empty_line = false;
  char last_out = '\n';
  std::string out_head;
  std::thread feeder;
  std::thread drainer;
  const Ran ran = run(child, [&](pid_t) {
    const int feed = in[1];
    const int drain = out[0];
    feeder = std::thread([&fed, feed, total] {
      // Sentences with a running number, so no two pieces of the line are repeats of each other;
      // never a line feed.
      std::string chunk;
      std::uint64_t sentence = 0;
      char buffer[160];
      while (fed < total) {
        chunk.clear();
        while (chunk.size() < (1u << 20)) {
          const int n = std::snprintf(buffer, sizeof buffer,
                                      "Sentence %llu of the long line tells how the harbour council met again on Thursday. ",
                                      static_cast<unsigned long long>(sentence++));
          chunk.append(buffer, static_cast<std::size_t>(n));
        }
        const std::size_t size = static_cast<std::size_t>(std::min<std::uint64_t>(chunk.size(), total - fed));
        std::size_t done = 0;
        while (done < size) {
          const ssize_t w = ::write(feed, chunk.data() + done, size - done);
          if (w <= 0) {
            ::close(feed);
            return;
          }
          done += static_cast<std::size_t>(w);
        }
        fed += size;
      }
      ::close(feed);
    });
    drainer = std::thread([&, drain] {
      std::vector<char> buffer(1 << 20);
      for (;;) {
        const ssize_t r = ::read(drain, buffer.data(), buffer.size());
        if (r <= 0) break;
        for (ssize_t i = 0; i < r; ++i) {
          const char c = buffer[static_cast<std::size_t>(i)];
          if (c == '\n') {
            ++out_lines;
            if (last_out == '\n') out_has_empty_line = true;
          }
          if (c == '\0') out_has_nul = true;
          last_out = c;
        }
        if (out_head.size() < 4096) out_head.append(buffer.data(), std::min<std::size_t>(static_cast<std::size_t>(r), 4096));
        out_bytes += static_cast<std::uint64_t>(r);
      }
      ::close(drain);
    });
  });
  feeder.join();
  drainer.join();
  std::printf("[ info ] %ld MB line: exit %d, %.1f s, peak RSS %ld MB, %llu bytes out in %llu lines%s%s\n", megabytes,
              ran.exit_code, ran.seconds, ran.peak_rss_kb / 1024, static_cast<unsigned long long>(out_bytes),
              static_cast<unsigned long long>(out_lines), ran.timed_out ? " (timed out)" : "",
              ran.over_memory ? " (killed at the memory cap)" : "");
  ASSERT_FALSE(ran.timed_out) << ran.describe();
  ASSERT_FALSE(ran.over_memory) << "RSS passed " << child.memory_cap_kb / 1024 << " MB after " << (fed >> 20)
                                << " MB of input: memory grows with the line";
  EXPECT_EQ(fed, total) << "winnow stopped reading: " << ran.describe();
  EXPECT_EQ(ran.exit_code, 0) << ran.describe();
  EXPECT_LT(ran.peak_rss_kb, max_rss_mb * 1024) << "peak RSS " << ran.peak_rss_kb / 1024 << " MB for a " << megabytes
                                                << " MB line";
  EXPECT_TRUE(out_bytes > 0 || !ran.err.empty()) << "no output and no message";
  if (out_bytes > 0) {
    EXPECT_EQ(last_out, '\n');
    EXPECT_FALSE(out_has_nul);
    EXPECT_FALSE(out_has_empty_line);
    EXPECT_TRUE(contains(out_head, "harbour council")) << out_head.substr(0, 300);
  }
  expect_printable(ran.err, "huge line");
}

}  // namespace
}  // namespace winnow
