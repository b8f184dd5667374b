// Teasers. Entry point: find_teasers. Tested by tests/teasers_test.cpp.
//
// After a marker, items are claimed while they look like teaser items: headlines (short, no
// sentence end, and in HTML a link), at most one summary right after each headline, and the small
// print around them (tag lists, dates, bylines, repeats, prompts). The first block that is none of
// these ends the list: body text that follows a teaser in mid-article is not a summary of a headline.
#include "teasers.h"

namespace winnow {
namespace {

constexpr int kHeadlineMaxWords = 20;
constexpr int kSummaryMaxWords = 60;
constexpr int kSummaryMaxSentences = 2;
// In HTML a teaser's headline links to the page it teases: a short line that is not mostly link
// text is the body again (or a label), not one more item of the list.
constexpr float kHeadlineMinLinkDensity = 0.5f;

bool is_small_print(const BlockShape& shape, RepeatKind repeat) {
  const LexiconMatch& lex = shape.lexicon;
  return repeat != RepeatKind::kFirst || lex.has(LexiconCategory::kTagList) || lex.has(LexiconCategory::kDate) ||
         lex.has(LexiconCategory::kByline) || lex.has(LexiconCategory::kPrompt) ||
         lex.has(LexiconCategory::kNavigation) || lex.has(LexiconCategory::kComments) ||
         lex.has(LexiconCategory::kAdvert) || lex.has(LexiconCategory::kTeaserInline) || shape.words == 0;
}

bool is_headline(const BlockShape& shape, bool is_html) {
  return shape.words <= kHeadlineMaxWords && !shape.ends_sentence &&
         (!is_html || shape.link_density >= kHeadlineMinLinkDensity);
}

}  // namespace

std::vector<TeaserRole> find_teasers(const std::vector<Block>& blocks, const std::vector<BlockShape>& shapes,
                                     const std::vector<RepeatKind>& repeats) {
  std::vector<TeaserRole> roles(shapes.size(), TeaserRole::kNone);
  bool claiming = false;
  bool after_headline = false;
  bool headline_in_list = false;
  for (std::size_t i = 0; i < shapes.size(); ++i) {
    const BlockShape& shape = shapes[i];
    if (shape.lexicon.has(LexiconCategory::kTeaserMarker)) {
      roles[i] = TeaserRole::kMarker;
      claiming = true;
      after_headline = false;
      continue;
    }
    if (shape.lexicon.has(LexiconCategory::kTeaserInline)) roles[i] = TeaserRole::kInline;
    if (!claiming) continue;
    if (roles[i] == TeaserRole::kInline || is_small_print(shape, repeats[i])) {
      if (roles[i] == TeaserRole::kNone) roles[i] = TeaserRole::kItem;
      continue;
    }
    const bool in_list = blocks[i].html.tag == BlockTag::kLi;
    if (is_headline(shape, blocks[i].html.tag != BlockTag::kLine)) {
      roles[i] = TeaserRole::kItem;
      after_headline = true;
      headline_in_list = in_list;
      continue;
    }
    // Headlines in a list are links without summaries: a paragraph after the list is the body again.
    if (after_headline && (!headline_in_list || in_list) && shape.words <= kSummaryMaxWords && shape.sentences <= kSummaryMaxSentences) {
      roles[i] = TeaserRole::kItem;
      after_headline = false;
      continue;
    }
    claiming = false;
  }
  return roles;
}

}  // namespace winnow
