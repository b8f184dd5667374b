// Function-word table. Entry point: is_stopword. Tested by tests/block_shape_test.cpp.
#include "stopwords.h"

#include <string>
#include <unordered_set>

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

}  // namespace

bool is_stopword(std::string_view lowercase_word) {
  static const std::unordered_set<std::string_view> table(std::begin(kStopwords), std::end(kStopwords));
  return table.count(lowercase_word) > 0;
}

}  // namespace winnow
