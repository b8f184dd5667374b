// Function-word table. Entry point: is_stopword. Tested by tests/block_shape_test.cpp.
#include "stopwords.h"

#include <cstdint>
#include <cstring>

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

}  // namespace winnow
