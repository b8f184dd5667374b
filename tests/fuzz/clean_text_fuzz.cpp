// libFuzzer target: plain-text cleaning, whole (winnow::clean with kind text, default limits) and
// streamed (TextStream fed the same bytes in pieces, with a line limit of 16 to 256 bytes so long
// lines are cut into parts). Both must keep POLICY.md's output form for any bytes in any encoding
// (fuzz_support.h: valid UTF-8, no newline inside a block, no empty kept line, a final newline).
// The two are not compared: only these invariants must hold. Build and run: tests/fuzz/run_all.sh.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fnv_hash.h"
#include "fuzz_support.h"
#include "winnow/winnow.h"

namespace {

// Piece lengths for TextStream::push and the line limit, from a generator seeded by the input's
// own hash, so a failing input replays the same way. Empty pushes are included: they are legal.
class Draws {
 public:
  explicit Draws(std::string_view bytes) : state_(winnow::fnv_bytes(bytes) | 1) {}
  std::size_t next(std::size_t below) {
    state_ ^= state_ << 13;  // xorshift64
    state_ ^= state_ >> 7;
    state_ ^= state_ << 17;
    return static_cast<std::size_t>(state_ % below);
  }

 private:
  std::uint64_t state_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  winnow::CleanOptions options;
  options.kind = winnow::InputKind::kText;
  winnow::fuzz::check_result(winnow::clean(bytes, options));

  Draws draws(bytes);
  options.limits.max_line_bytes = 16 + draws.next(241);
  winnow::CleanResult streamed;
  winnow::TextStream stream(options, [&](const winnow::BlockResult& block) { streamed.blocks.push_back(block); });
  for (std::size_t at = 0; at < bytes.size();) {
    const std::size_t piece = std::min(draws.next(97), bytes.size() - at);
    stream.push(bytes.substr(at, piece));
    at += piece;
  }
  stream.finish();
  winnow::fuzz::check_result(streamed);
  return 0;
}
