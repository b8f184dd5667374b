// Running the real winnow binary as a process, for the tests of the command line: to the end with
// stdin from a file and stdout and stderr captured (run_winnow), or in the background so a test
// can signal it (spawn_winnow, wait_for_exit).
#pragma once

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "test_support.h"

extern char** environ;

namespace winnow {

using testing::TempDir;

// Starts winnow with `args`, stdin from `stdin_path`, stdout and stderr to the files named; -1
// when it cannot be started.
inline pid_t spawn_winnow(const std::vector<std::string>& args, const std::string& stdin_path,
                          const std::string& stdout_path, const std::string& stderr_path) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, stdin_path.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, stdout_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, stderr_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  std::vector<std::string> argv_strings = {WINNOW_BINARY};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_strings) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, WINNOW_BINARY, &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  return spawned == 0 ? pid : -1;
}

// Waits for a spawned process: its exit code, or 128 + the signal that ended it.
inline int wait_for_exit(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

struct Outcome {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs the winnow binary with `args` to its end, stdin from `stdin_path` (an empty file when empty).
inline Outcome run_winnow(const std::vector<std::string>& args, const std::string& stdin_path = "") {
  TempDir io;
  const std::string in = stdin_path.empty() ? io.write("stdin", "") : stdin_path;
  Outcome run;
  const pid_t pid = spawn_winnow(args, in, io / "stdout", io / "stderr");
  if (pid < 0) {
    ADD_FAILURE() << "cannot run " << WINNOW_BINARY;
    return run;
  }
  run.exit_code = wait_for_exit(pid);
  run.out = testing::read_whole_file(io / "stdout");
  run.err = testing::read_whole_file(io / "stderr");
  return run;
}

}  // namespace winnow
