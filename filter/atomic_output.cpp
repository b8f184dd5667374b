// Outputs that appear whole or not at all. Entry point: AtomicOutput. Tested by
// tests/batch_runner_test.cpp.
#include "atomic_output.h"

#include <cerrno>
#include <cstring>

namespace winnow {
namespace fs = std::filesystem;

AtomicOutput::~AtomicOutput() {
  if (!open_) return;
  file_.close();
  std::error_code ignored;
  fs::remove(temporary_, ignored);
}

Status AtomicOutput::open(const fs::path& output) {
  output_ = output;
  temporary_ = output.parent_path() / std::string(".").append(output.filename().string()).append(kPartialSuffix);
  std::error_code error;
  if (!output.parent_path().empty()) fs::create_directories(output.parent_path(), error);
  if (error) return Status{ErrorCode::kIo, output.parent_path().string() + ": cannot create: " + error.message()};
  errno = 0;
  file_.open(temporary_, std::ios::binary | std::ios::trunc);
  if (!file_) return Status{ErrorCode::kIo, temporary_.string() + ": cannot create: " + std::strerror(errno)};
  open_ = true;
  return {};
}

std::uint64_t AtomicOutput::bytes_written() {
  const auto at = file_.tellp();
  return at < 0 ? 0 : static_cast<std::uint64_t>(at);
}

Status AtomicOutput::commit() {
  errno = 0;
  file_.flush();
  const int flush_errno = errno;
  file_.close();
  if (!file_) {
    const int code = flush_errno != 0 ? flush_errno : errno;
    std::error_code ignored;
    fs::remove(temporary_, ignored);
    open_ = false;
    return Status{ErrorCode::kIo, output_.string() + ": cannot write: " +
                                      (code != 0 ? std::strerror(code) : "the write failed")};
  }
  std::error_code error;
  fs::rename(temporary_, output_, error);
  if (error) {
    std::error_code ignored;
    fs::remove(temporary_, ignored);
    open_ = false;
    return Status{ErrorCode::kIo, output_.string() + ": cannot move into place: " + error.message()};
  }
  open_ = false;
  return {};
}

}  // namespace winnow
