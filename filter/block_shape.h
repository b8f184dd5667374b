// Block shape: what one block's own text says about it (words, punctuation, stopwords, case,
// lexicon hits), computed in one pass over the text. The raw material of features, repeats,
// teaser detection and the decoder's rules.
#pragma once

#include <cstdint>
#include <vector>

#include "document.h"
#include "lexicon.h"

namespace winnow {

struct BlockShape {
  int words = 0;
  int chars = 0;  // code points
  int sentences = 0;  // sentence-ending punctuation followed by a space or the end
  float mean_word_length = 0;
  float stopword_ratio = 0;  // function words / words
  float capitalised_ratio = 0;  // words starting with an upper-case letter / words
  float digit_ratio = 0;  // digits / chars
  float invalid_ratio = 0;  // U+FFFD (invalid UTF-8 on input) and control characters / chars
  float link_density = 0;  // HTML: share of the text inside links
  bool ends_sentence = false;  // last visible character is . ! ? … or one of them before a quote
  bool ends_full_stop = false;  // ends_sentence with '.' or '…' (headlines end with '?' or '!', if at all)
  bool ends_colon = false;
  bool all_caps = false;  // every letter upper-case, with at least a few letters
  bool has_url = false;
  bool starts_quote = false;
  bool has_underscore = false;  // inside a word, as user names have
  int separators = 0;  // | · • » / standing between words
  std::uint64_t hash = 0;  // of the lower-cased letters and digits only: equal for repeats
  LexiconMatch lexicon;
  // Well-formed text: long enough, ends like a sentence, dense in function words, few links.
  bool well_formed = false;
  // HTML: inside <figure> or <figcaption>, or an element whose class names a caption, figure or photo.
  bool in_caption = false;
  // HTML: the share of the page's well-formed text under the block's best ancestor (HtmlContext).
  float container_share = 0;
  BlockTag tag = BlockTag::kLine;  // the element the block came from; kLine: a line of plain text
};

BlockShape shape_block(const Block& block, const Lexicon& lexicon);

std::vector<BlockShape> shape_blocks(const std::vector<Block>& blocks, const Lexicon& lexicon);

// The hash shape_block uses, for any text (a part of a title, say).
std::uint64_t normalized_hash(std::string_view text);

}  // namespace winnow
