// The lexicon: general boilerplate patterns (legal notices, prompts, teaser markers, captions, ...)
// compiled once with Boost.Regex and matched per block. It only reports what matched; the decoder
// decides what a match means and the model weighs it as a feature.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>

namespace winnow {

enum class LexiconCategory : std::uint8_t {
  kLegal,          // copyright, licensing, terms, paywall
  kPrompt,         // share / follow / join / subscribe / newsletter / app prompts
  kTeaserMarker,   // a line that introduces teasers: "Related", "Popular", "More from X"
  kTeaserInline,   // a teaser in one line: "Read: Headline", "See also: Headline"
  kComments,       // comment headings, prompts and buttons
  kCommentSection, // what opens a comment section under an article: '12 Comments', 'Leave a Reply'
  kSourcePointer,  // "Source link", "First appeared on", "Read more on original:"
  kCaption,        // "FILE PHOTO: ...", "Photo: ...", agency photo credits
  kCookie,         // cookie and consent banners
  kAdvert,         // "Advertisement", "Sponsored content"
  kNavigation,     // menu words, breadcrumbs, "Skip to content", "Read more"
  kByline,         // "By Jane Doe", "Posted by", "Reuters - Reuters", lines of names and places
  kDate,           // a date or time standing (nearly) alone
  kTagList,        // "Tags: ...", "MidEast|Political|World"
  kUrl,            // a bare URL
  kCredit,         // the agency credit that closes a wire story: "(Reporting by ...; Editing by ...)"
  kCount,
};

struct LexiconMatch {
  std::uint32_t categories = 0;  // bit per LexiconCategory
  int legal_hits = 0;            // distinct legal/paywall patterns found; long notices hit several
  bool legal_strong = false;     // a pattern only notices use ("©", "all rights reserved", a paywall)
  int words_beside_date = 0;     // kDate: the block's words outside its dates ("Monday" in
                                 // "Monday, July 26, 2004"; six in "11. Top Ten Replacements (Mar. 15, 2007)")
  bool date_beside_byline = false;  // kDate: beside the dates stands a "by", an '@' or a '|'
  bool has(LexiconCategory c) const { return (categories >> static_cast<unsigned>(c)) & 1u; }
};

class Lexicon {
 public:
  // The patterns, compiled on first use; immutable and shared by all threads afterwards.
  static const Lexicon& instance();

  // Whether a pattern is only tried when one of its needles occurs in the block. The needles are
  // chosen so that no match is ever missed; kSkip tries every pattern, so tests can check that.
  enum class Prefilter { kUse, kSkip };

  // Matches one block. `words` is the block's word count: most patterns describe whole short lines
  // and are only tried on blocks short enough to be one (each row's max_words in lexicon.cpp).
  LexiconMatch match(std::string_view text, int words, Prefilter prefilter = Prefilter::kUse) const;

  ~Lexicon();

 private:
  Lexicon();
  struct Patterns;
  std::unique_ptr<Patterns> patterns_;
};

}  // namespace winnow
