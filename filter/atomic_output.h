// Outputs that appear whole or not at all. Entry point: AtomicOutput. Tested by
// tests/batch_runner_test.cpp.
//
// The bytes go to a temporary file beside the output (".NAME.winnow-partial", in the same
// directory, so the rename cannot cross file systems); commit() renames it into place. A crash,
// kill -9 or Ctrl-C before that leaves the old output (or none) and at most the temporary file,
// which the next run for that output overwrites.
#pragma once

#include <filesystem>
#include <fstream>
#include <string_view>

#include "winnow/winnow.h"

namespace winnow {

// The end of a temporary output's name: ".NAME" + kPartialSuffix.
inline constexpr std::string_view kPartialSuffix = ".winnow-partial";

class AtomicOutput {
 public:
  AtomicOutput() = default;
  ~AtomicOutput();  // removes the temporary file unless committed
  AtomicOutput(const AtomicOutput&) = delete;
  AtomicOutput& operator=(const AtomicOutput&) = delete;

  // Creates the output's directory and opens the temporary file.
  Status open(const std::filesystem::path& output);
  std::ostream& stream() { return file_; }
  // Flushes, closes and renames into place; an error (a full disk, say) leaves no output.
  Status commit();
  // The bytes written so far.
  std::uint64_t bytes_written();

 private:
  std::filesystem::path output_;
  std::filesystem::path temporary_;
  std::ofstream file_;
  bool open_ = false;
};

}  // namespace winnow
