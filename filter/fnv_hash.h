// FNV-1a, the one hash the stages use for texts, tokens and page ids: cheap, and the same on every
// run and platform, so repeat sets, labels and the train/held-out split are reproducible.
#pragma once

#include <cstdint>
#include <string_view>

namespace winnow {

inline constexpr std::uint64_t kFnvOffset = 1469598103934665603ull;
inline constexpr std::uint64_t kFnvPrime = 1099511628211ull;

// One step: folds `value` (a byte, a code point, another hash) into `hash`.
inline std::uint64_t fnv_mix(std::uint64_t hash, std::uint64_t value) { return (hash ^ value) * kFnvPrime; }

// The hash of the bytes of `s`, continuing from `hash`.
inline std::uint64_t fnv_bytes(std::string_view s, std::uint64_t hash = kFnvOffset) {
  for (char c : s) hash = fnv_mix(hash, static_cast<unsigned char>(c));
  return hash;
}

}  // namespace winnow
