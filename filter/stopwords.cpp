// Function-word table. Entry point: is_stopword. Tested by tests/block_shape_test.cpp.
#include "stopwords.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <iterator>

#include "hash_table.h"

namespace winnow {
namespace {

constexpr std::string_view kStopwords[] = {
    // English
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "because", "been",
    "but", "by", "can", "could", "did", "do", "does", "for", "from", "had", "has", "have", "he", "her",
    "his", "how", "i", "if", "in", "into", "is", "it", "its", "just", "may", "more", "most", "not", "of",
    "on", "one", "only", "or", "other", "our", "out", "over", "said", "she", "so", "some", "than", "that",
    "the", "their", "them", "then", "there", "these", "they", "this", "those", "to", "up", "was", "we",
    "were", "what", "when", "where", "which", "while", "who", "will", "with", "would", "you", "your",
    // German
    "aber", "als", "am", "an", "auch", "auf", "aus", "bei", "bis", "das", "dass", "dem", "den", "der",
    "des", "die", "durch", "ein", "eine", "einem", "einen", "einer", "es", "für", "hat", "haben", "ich",
    "ihre", "im", "ist", "kann", "mit", "nach", "nicht", "noch", "nur", "oder", "sich", "sie", "sind",
    "so", "um", "und", "uns", "von", "vor", "war", "werden", "wie", "wird", "wir", "zu", "zum", "zur",
    "über",
    // French
    "au", "aux", "avec", "ce", "ces", "cette", "dans", "de", "des", "du", "elle", "en", "est", "et",
    "il", "ils", "la", "le", "les", "leur", "lui", "mais", "ne", "nous", "ont", "ou", "par", "pas",
    "plus", "pour", "qu", "que", "qui", "sa", "se", "ses", "son", "sont", "sur", "un", "une", "été",
    // Spanish
    "al", "como", "con", "del", "el", "ella", "entre", "es", "esta", "este", "fue", "ha", "hay", "las",
    "los", "lo", "más", "muy", "no", "para", "pero", "por", "se", "sin", "sobre", "su", "sus", "también",
    "uno", "y", "ya",
    // Italian
    "che", "di", "gli", "ha", "il", "nel", "nella", "non", "per", "sono", "una", "della", "delle",
    // Portuguese
    "ao", "com", "da", "do", "dos", "em", "foi", "na", "não", "os", "pelo", "uma", "às",
    // Dutch
    "dat", "een", "het", "hij", "is", "niet", "ook", "op", "van", "voor", "zijn", "wordt",
    // Polish
    "i", "w", "na", "z", "się", "nie", "do", "to", "że", "jest", "o", "jak", "ale", "za", "od", "po",
};

// Function characters of Chinese and the particles of Japanese, in code point order (checked below).
// Chosen so that prose in these scripts has a share of them near what English prose has of its
// function words, counted against utf8::count_words (0.41 to 0.53 in the gold of the corpus's
// Chinese and Japanese pages; menus and labels far less).
constexpr char32_t kUnspacedFunctionChars[] = {
    // か が で と な に の は へ も や を
    // 不 与 个 为 之 也 了 于 从 他 以 们 但 你 個 們 其 到 及 和 在 她 对 對 就 從 我 或 所 把 於 是 有 為 的 着 而 與 著 被 还 这 這 還 都
    U'\u304B', U'\u304C', U'\u3067', U'\u3068', U'\u306A', U'\u306B', U'\u306E', U'\u306F',
    U'\u3078', U'\u3082', U'\u3084', U'\u3092', U'\u4E0D', U'\u4E0E', U'\u4E2A', U'\u4E3A',
    U'\u4E4B', U'\u4E5F', U'\u4E86', U'\u4E8E', U'\u4ECE', U'\u4ED6', U'\u4EE5', U'\u4EEC',
    U'\u4F46', U'\u4F60', U'\u500B', U'\u5011', U'\u5176', U'\u5230', U'\u53CA', U'\u548C',
    U'\u5728', U'\u5979', U'\u5BF9', U'\u5C0D', U'\u5C31', U'\u5F9E', U'\u6211', U'\u6216',
    U'\u6240', U'\u628A', U'\u65BC', U'\u662F', U'\u6709', U'\u70BA', U'\u7684', U'\u7740',
    U'\u800C', U'\u8207', U'\u8457', U'\u88AB', U'\u8FD8', U'\u8FD9', U'\u9019', U'\u9084',
    U'\u90FD',
};
static_assert(std::is_sorted(std::begin(kUnspacedFunctionChars), std::end(kUnspacedFunctionChars)),
              "is_unspaced_function_char searches the table by halves");

// No function word above is longer than this many bytes ("también").
constexpr std::size_t kLongestStopword = 8;
static_assert(
    [] {
      for (std::string_view word : kStopwords) {
        if (word.empty() || word.size() > kLongestStopword) return false;
      }
      return true;
    }(),
    "every function word packs into one 64-bit key");

// A word of at most eight bytes packed into one integer, times an odd constant to spread its bits
// over the table's slots. The table holds each word's index, and a hit is checked against the word
// itself (a packed key drops the length, so "the" and "the\0" would share one). This runs for every
// word of every block: a lookup is a multiply, a probe and an eight-byte compare, where a string hash
// set hashed the bytes first.
std::uint64_t packed_key(std::string_view word) {
  std::uint64_t packed = 0;
  std::memcpy(&packed, word.data(), word.size());
  return packed * 0x9E3779B97F4A7C15ull;
}

HashTable<std::size_t> stopword_table() {
  HashTable<std::size_t> table(std::size(kStopwords));
  for (std::size_t i = 0; i < std::size(kStopwords); ++i) table.insert(packed_key(kStopwords[i])) = i;
  return table;
}

}  // namespace

bool is_stopword(std::string_view lowercase_word) {
  static const HashTable<std::size_t> table = stopword_table();
  if (lowercase_word.empty() || lowercase_word.size() > kLongestStopword) return false;
  const std::size_t* index = table.find(packed_key(lowercase_word));
  return index != nullptr && kStopwords[*index] == lowercase_word;
}

bool is_unspaced_function_char(char32_t cp) {
  return std::binary_search(std::begin(kUnspacedFunctionChars), std::end(kUnspacedFunctionChars), cp);
}

}  // namespace winnow
