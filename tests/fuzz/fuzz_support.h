// What the fuzz targets check of every cleaning result, whatever the input: the output form of
// POLICY.md (valid UTF-8, one block per line, no empty lines, a final newline) and a score that is
// a probability. A broken invariant aborts with what broke, so libFuzzer keeps the input.
#pragma once

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "winnow/winnow.h"

namespace winnow::fuzz {

[[noreturn]] inline void fail(std::string_view what, std::string_view text) {
  std::fprintf(stderr, "INVARIANT BROKEN: %.*s\n--- text (%zu bytes)\n%.*s\n", static_cast<int>(what.size()),
               what.data(), text.size(), static_cast<int>(text.size()), text.data());
  std::abort();
}

// Strict UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF), written out plainly
// rather than borrowed from filter/utf8.cpp, whose repairs are what is being checked.
inline bool is_valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    std::size_t length = 0;
    char32_t cp = 0;
    char32_t least = 0;
    if (b0 < 0x80) {
      ++i;
      continue;
    } else if ((b0 & 0xE0) == 0xC0) {
      length = 2, cp = b0 & 0x1F, least = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
      length = 3, cp = b0 & 0x0F, least = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
      length = 4, cp = b0 & 0x07, least = 0x10000;
    } else {
      return false;
    }
    if (s.size() - i < length) return false;
    for (std::size_t k = 1; k < length; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      if ((b & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < least || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += length;
  }
  return true;
}

inline void check_block(const BlockResult& block) {
  if (!is_valid_utf8(block.text)) fail("block text is not valid UTF-8", block.text);
  if (block.text.find('\n') != std::string::npos) fail("block text holds a newline", block.text);
  if (block.keep && block.text.empty()) fail("a kept block is empty (an empty output line)", block.text);
  if (!(block.score >= 0.0f && block.score <= 1.0f)) fail("score outside 0..1", std::to_string(block.score));
  if (block.reason >= Reason::kCount) fail("reason out of range", block.text);
}

inline void check_result(const CleanResult& result) {
  for (const BlockResult& block : result.blocks) check_block(block);
  const std::string text = kept_text(result);
  if (!text.empty() && text.back() != '\n') fail("kept text does not end with a newline", text);
  if (text.find("\n\n") != std::string::npos || text.starts_with('\n')) fail("kept text has an empty line", text);
}

}  // namespace winnow::fuzz
