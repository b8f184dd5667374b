// libFuzzer target: the nesting bound (filter/nesting_limit.cpp) must hold in the tree Gumbo builds.
// limit_nesting follows the tree builder's depth from the bytes alone, erring deeper where it
// cannot be exact; where it errs shallower, the parsed tree nests past the bound, and a page of
// that shape repeated nests as deep as it is long, in time quadratic in its length. For any input,
// the page limited to a small bound (so that inputs of a few KB reach it) parses to a tree no
// deeper than the bound plus the formatting elements the tree builder may reopen beyond those the
// pass follows. A deeper tree aborts with the input and both depths. Build and run:
// tests/fuzz/build.sh.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "../parsed_depth.h"
#include "nesting_limit.h"

namespace {

constexpr std::size_t kFuzzDepth = 24;
constexpr std::size_t kSlack = 2 * winnow::kMaxOpenFormatting;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view page(reinterpret_cast<const char*>(data), size);
  const winnow::NestingLimited limited = winnow::limit_nesting(page, kFuzzDepth);
  const std::string_view parsed = limited.html.empty() ? page : std::string_view(limited.html);
  const std::size_t depth = winnow::testing::parsed_depth(parsed);
  if (depth > kFuzzDepth + kSlack) {
    std::fprintf(stderr, "INVARIANT BROKEN: limited to %zu, the page parses %zu deep (the pass followed %zu)\n"
                 "--- input (%zu bytes)\n%.*s\n", kFuzzDepth, depth, limited.deepest, page.size(),
                 static_cast<int>(page.size()), page.data());
    std::abort();
  }
  return 0;
}
