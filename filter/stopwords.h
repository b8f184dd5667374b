// Function words of the languages most common on the web, for the stopword-density feature:
// running prose is dense in them, menus and headlines are not.
#pragma once

#include <string_view>

namespace winnow {

// True when `lowercase_word` is a function word of English, German, French, Spanish, Italian,
// Portuguese, Dutch or Polish.
bool is_stopword(std::string_view lowercase_word);

// True when `cp` is a function character of Chinese (simplified or traditional: 的, 了, 是, 在, ...)
// or a particle of Japanese (の, は, が, を, ...). Those scripts have no spaces between words, so
// their function words are counted character by character (utf8::is_unspaced_script).
bool is_unspaced_function_char(char32_t cp);

}  // namespace winnow
