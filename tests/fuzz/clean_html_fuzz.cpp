// libFuzzer target: HTML cleaning (winnow::clean with kind html: encoding detection, the pre-parse
// pass, Gumbo, the nesting limit, the segmenter, features, scoring, decoding) must keep POLICY.md's
// output form for any bytes (fuzz_support.h: valid UTF-8, no newline inside a block, no empty kept
// line, a final newline). Three inputs in four get a nesting limit of 1 to 64 instead of 512, so
// the flattening is reached by inputs of a few KB. Build and run: tests/fuzz/run_all.sh; html.dict
// guides it.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fnv_hash.h"
#include "fuzz_support.h"
#include "winnow/winnow.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  winnow::CleanOptions options;
  options.kind = winnow::InputKind::kHtml;
  const std::uint64_t hash = winnow::fnv_bytes(bytes);
  if (hash % 4 != 0) options.limits.max_depth = 1 + (hash >> 2) % 64;
  winnow::fuzz::check_result(winnow::clean(bytes, options));
  return 0;
}
