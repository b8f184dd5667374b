// UTF-8 decoding and shared character classes. Entry points: next, fold_space.
// Tested by tests/utf8_test.cpp.
#include "utf8.h"

#include <cstdio>

namespace winnow::utf8 {

char32_t next_above_ascii(std::string_view s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  int len = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, cp = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, cp = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, cp = b0 & 0x07, min = 0x10000;
  } else {
    ++i;
    return kReplacement;
  }
  if (i + len > s.size()) {
    ++i;
    return kReplacement;
  }
  for (int k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return kReplacement;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return kReplacement;
  }
  i += len;
  return cp;
}

void append_above_ascii(std::string& out, char32_t cp) {
  if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool is_space_above_ascii(char32_t cp) {
  switch (cp) {
    case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F:
    case 0x3000: case 0x200B: case 0xFEFF:
      return true;
    default:
      return cp >= 0x2000 && cp <= 0x200A;
  }
}

bool is_word_char_above_ascii(char32_t cp) {
  if (cp < 0xC0) return cp == 0xAA || cp == 0xB5 || cp == 0xBA || (cp >= 0xB2 && cp <= 0xB3) || cp == 0xB9;
  if (cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, symbols, arrows, box drawing
  if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation
  if (cp >= 0xFE30 && cp <= 0xFE4F) return false;
  if (cp >= 0xFF00 && cp <= 0xFF0F) return false;  // fullwidth punctuation: ！＂＃ ... ，－．／
  if (cp >= 0xFF1A && cp <= 0xFF20) return false;  // ：；＜＝＞？＠
  if (cp >= 0xFF3B && cp <= 0xFF40) return false;  // ［＼］＾＿｀
  if (cp >= 0xFF5B && cp <= 0xFF65) return false;  // ｛｜｝～ and halfwidth CJK punctuation
  if (cp == 0x30FB || cp == 0x30A0) return false;  // katakana middle dot and double hyphen
  if (cp == kReplacement || cp == 0xFEFF) return false;
  return !is_space_above_ascii(cp);
}

bool is_unspaced_script_above_ascii(char32_t cp) {
  if (cp >= 0x3040 && cp <= 0x30FF) return cp != 0x30FB && cp != 0x30A0;  // hiragana, katakana
  return (cp >= 0x4E00 && cp <= 0x9FFF) ||    // CJK unified ideographs
         (cp >= 0x3400 && cp <= 0x4DBF) ||    // extension A
         (cp >= 0x31F0 && cp <= 0x31FF) ||    // katakana phonetic extensions
         (cp >= 0xF900 && cp <= 0xFAFF) ||    // compatibility ideographs
         (cp >= 0xFF66 && cp <= 0xFF9F) ||    // halfwidth katakana
         (cp >= 0x20000 && cp <= 0x3134F);    // extensions B to G
}

int count_words(std::string_view text) {
  int words = 0;
  int unspaced = 0;  // characters of the current run of unspaced script
  bool in_word = false;
  std::size_t i = 0;
  while (i < text.size()) {
    const char32_t cp = next(text, i);
    if (is_unspaced_script(cp)) {
      ++unspaced;
      in_word = false;
      continue;
    }
    words += unspaced_run_words(unspaced);
    unspaced = 0;
    const bool word_char = is_word_char(cp);
    if (word_char && !in_word) ++words;
    in_word = word_char;
  }
  return words + unspaced_run_words(unspaced);
}

std::string fold_space(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  std::size_t i = 0;
  const auto printable = [&](std::size_t k) {
    const auto c = static_cast<unsigned char>(s[k]);
    return c > ' ' && c < 0x7F;
  };
  while (i < s.size()) {
    if (printable(i)) {
      // A run of printable ASCII with single spaces inside goes over as it is, in one append.
      std::size_t end = i + 1;
      while (end < s.size()) {
        if (printable(end)) {
          ++end;
        } else if (s[end] == ' ' && end + 1 < s.size() && printable(end + 1)) {
          end += 2;
        } else {
          break;
        }
      }
      if (pending_space && !out.empty()) out.push_back(' ');
      pending_space = false;
      out.append(s.data() + i, end - i);
      i = end;
      continue;
    }
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {  // white space, or a control (NUL, ESC, ...: no text); the rest went above
      ++i;
      if (is_space(b)) pending_space = true;
      continue;
    }
    const char32_t cp = next(s, i);
    if (is_space(cp)) {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    append(out, cp);
  }
  return out;
}

namespace {

// Appends the sequence at s[i] as it is, or U+FFFD where it is invalid, and advances i.
void append_valid(std::string& out, std::string_view s, std::size_t& i) {
  const std::size_t start = i;
  bool invalid = false;
  next_checked(s, i, &invalid);
  if (invalid) {
    append(out, kReplacement);
  } else {
    out.append(s.substr(start, i - start));
  }
}

}  // namespace

std::string printable(std::string_view s, std::size_t max_bytes) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size() && out.size() < max_bytes) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x20 || b == 0x7F) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\x%02x", static_cast<unsigned>(b));
      out += buffer;
      ++i;
      continue;
    }
    append_valid(out, s, i);
  }
  if (i < s.size()) out += "...";
  return out;
}

char32_t next_checked(std::string_view s, std::size_t& i, bool* invalid) {
  const std::size_t start = i;
  const char32_t cp = next(s, i);
  // U+FFFD written out in the text is three valid bytes, not a replacement.
  *invalid = cp == kReplacement && !(i - start == 3 && s.substr(start, 3) == "\xEF\xBF\xBD");
  return cp;
}

bool is_valid(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    bool invalid = false;
    next_checked(s, i, &invalid);
    if (invalid) return false;
  }
  return true;
}

std::string make_valid(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) append_valid(out, s, i);
  return out;
}

char32_t to_lower_above_ascii(char32_t cp) {
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 0x20;
  if (cp == 0x130) return 'i';    // İ
  if (cp == 0x178) return 0xFF;   // Ÿ
  // Latin Extended-A pairs upper/lower as even/odd, except the block 0x139..0x148 and 0x179..0x17E
  // which pair odd/even.
  if ((cp >= 0x100 && cp <= 0x12F) || (cp >= 0x132 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177)) return cp | 1u;
  if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)) return (cp & 1u) ? cp + 1 : cp;
  if (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) return cp + 0x20;
  if (cp == 0x386) return 0x3AC;  // Ά
  if (cp >= 0x388 && cp <= 0x38A) return cp + 0x25;  // Έ Ή Ί
  if (cp == 0x38C) return 0x3CC;  // Ό
  if (cp == 0x38E || cp == 0x38F) return cp + 0x3F;  // Ύ Ώ
  if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;
  if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;
  if (cp >= 0x490 && cp <= 0x4BF) return cp | 1u;  // Ґ and the other paired Cyrillic letters
  return cp;
}

std::string lower_case(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      // A run of ASCII, lowered in one loop the compiler vectorises.
      std::size_t end = i + 1;
      while (end < s.size() && static_cast<unsigned char>(s[end]) < 0x80) ++end;
      const std::size_t at = out.size();
      out.resize(at + (end - i));
      for (std::size_t k = i; k < end; ++k) out[at + (k - i)] = ascii_lower(s[k]);
      i = end;
      continue;
    }
    append(out, to_lower(next(s, i)));
  }
  return out;
}

}  // namespace winnow::utf8
