// Function words of the languages most common on the web, for the stopword-density feature:
// running prose is dense in them, menus and headlines are not.
#pragma once

#include <string_view>

namespace winnow {

// True when `lowercase_word` is a function word of English, German, French, Spanish, Italian,
// Portuguese, Dutch or Polish.
bool is_stopword(std::string_view lowercase_word);

}  // namespace winnow
