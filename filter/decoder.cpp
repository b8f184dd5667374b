// The decoder. Entry point: decode_blocks. Tested by tests/decoder_test.cpp.
//
// Pass 1 applies the rules. Pass 2 runs a two-state Viterbi over the blocks no rule decided: the
// emission is the classifier's log-probability of each state, a change of state costs
// switch_cost. Blocks a rule dropped are transparent, so a caption or a repeated line between two
// paragraphs does not break their run. Pass 3 mends the sequence's decisions: short gaps in a run
// are filled, keeps that only the run gave are undone where a block cannot belong to it, the
// headline above the body and the credit line below it are kept.
#include "decoder.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace winnow {
namespace {

// How each lexicon category decides a block: up to how many words it drops the block outright, and
// whether it still does when the block ends like a sentence (a byline or a date rarely does; a
// prompt or a legal notice often does).
struct CategoryRule {
  LexiconCategory category;
  Reason reason;
  int max_words;
  bool even_if_sentence;
};

constexpr std::array<CategoryRule, 14> kCategoryRules = {{
    {LexiconCategory::kCookie, Reason::kCookie, 60, true},
    {LexiconCategory::kPrompt, Reason::kPrompt, 25, true},
    {LexiconCategory::kComments, Reason::kComments, 12, true},
    {LexiconCategory::kCommentSection, Reason::kComments, 14, true},
    {LexiconCategory::kSourcePointer, Reason::kSourcePointer, 14, true},
    {LexiconCategory::kCaption, Reason::kCaption, 45, true},
    {LexiconCategory::kAdvert, Reason::kAdvert, 6, true},
    {LexiconCategory::kNavigation, Reason::kNavigation, 14, false},
    {LexiconCategory::kUrl, Reason::kUrl, 40, true},
    {LexiconCategory::kByline, Reason::kByline, 25, false},
    {LexiconCategory::kDate, Reason::kDate, 10, false},
    {LexiconCategory::kTagList, Reason::kTagList, 40, false},
    {LexiconCategory::kTeaserInline, Reason::kTeaserItem, 40, true},
    {LexiconCategory::kTeaserMarker, Reason::kTeaserMarker, 8, true},
}};

// A date line is a date standing (nearly) alone: at most this many words beside its dates
// ("Monday", "Posted at", a name before a comment's time), or a post's meta line (a "by", '@' or '|'
// beside the date). A list item or a title holding a date ("11. Top Ten Replacements for Gonzales
// (Mar. 15, 2007)") is left to the classifier. (On the training pages 2 and 3 do best, 4 gives
// back half of the gain.)
constexpr int kDateMaxWordsBeside = 3;

// A legal notice of one pattern drops a block up to this length; with several, at any length.
constexpr int kLegalSingleHitMaxWords = 30;
constexpr int kLegalMultiHits = 2;

constexpr float kMinProbability = 1e-4f;

// A block with more than this share of invalid UTF-8 (or control characters) is binary data or
// text in an encoding winnow did not decode; it is dropped rather than written as U+FFFD.
constexpr float kMaxInvalidRatio = 0.2f;

// The headline rule: when the body starts with a well-formed paragraph, the nearest undecided block
// above it (looking past at most kHeadlineLookBack blocks that rules dropped: bylines, dates,
// captions) is the headline if it is headline-shaped.
constexpr std::size_t kHeadlineLookBack = 6;
constexpr int kHeadlineMinWords = 2;
constexpr int kHeadlineMaxWords = 30;
constexpr int kAboveHeadlineMaxWords = 8;
// ... unless the model is sure of them: a subheading or a standfirst put above the headline by the
// page's layout scores far higher than site names and menu words ever do.
constexpr float kAboveHeadlineSureScore = 0.9f;
// ... and only while they are few enough to be a masthead (a site name, a tagline, a section and a
// sub-section label). Dozens of short lines kept above the first paragraph are the page's content:
// a list of links, a directory, a table of contents, whose only paragraph comes at the end.
// Chosen on the training pages: any cap from 1 to 6 does as well; without one, a links page
// ("Some Interesting Web Sites", 70 titles, then a disclaimer) lost every title.
constexpr int kMastheadMaxLines = 4;

bool is_headline_shaped(const BlockShape& shape) {
  return shape.words >= kHeadlineMinWords && shape.words <= kHeadlineMaxWords && shape.lexicon.categories == 0 &&
         !shape.ends_colon && !(shape.ends_sentence && shape.sentences > 1) && shape.link_density < 0.5f;
}

// A dropped block is made the headline only if it could be one: any line of plain text, but in HTML
// only a heading (h1-h6). Above an HTML body stand author names, product names and issue labels
// shaped like headlines, which the page does not mark up as headings.
bool may_become_headline(const BlockShape& shape) {
  return shape.tag == BlockTag::kLine || shape.tag == BlockTag::kH1 || shape.tag == BlockTag::kHeading;
}

// Keeps the headline above the first kept paragraph, if the decoding dropped it, and drops the
// short lines kept above the headline when they are a masthead: above it stand site names, menus
// and section labels ("Markets", "The Long Read"), never the body.
void keep_headline(const std::vector<BlockShape>& shapes, const std::vector<float>& scores,
                   const std::vector<bool>& open, std::vector<Decision>& decisions) {
  std::size_t first = 0;
  auto is_body = [&](std::size_t i) {
    const BlockShape& s = shapes[i];
    return decisions[i].keep && s.well_formed && (s.ends_full_stop || s.sentences > 1 || s.words > kHeadlineMaxWords);
  };
  while (first < decisions.size() && !is_body(first)) ++first;
  if (first == decisions.size()) return;
  std::size_t headline = first;
  std::size_t looked = 0;
  for (std::size_t i = first; i-- > 0 && looked < kHeadlineLookBack; ++looked) {
    // Rules dropped bylines and captions already; dates, bylines and source lines too long for a
    // rule are still marked by the lexicon, and are stepped over the same way.
    if (!open[i] || shapes[i].lexicon.categories != 0) continue;
    if (is_headline_shaped(shapes[i]) && (decisions[i].keep || may_become_headline(shapes[i]))) {
      headline = i;
      if (!decisions[i].keep) {
        decisions[i].keep = true;
        decisions[i].reason = Reason::kHeadline;
      }
    }
    break;
  }
  auto is_masthead_line = [&](std::size_t i) {
    return decisions[i].keep && !shapes[i].well_formed && shapes[i].words <= kAboveHeadlineMaxWords &&
           scores[i] < kAboveHeadlineSureScore;
  };
  int masthead_lines = 0;
  for (std::size_t i = 0; i < headline; ++i) masthead_lines += is_masthead_line(i) ? 1 : 0;
  if (masthead_lines > kMastheadMaxLines) return;
  for (std::size_t i = 0; i < headline; ++i) {
    if (is_masthead_line(i)) {
      decisions[i].keep = false;
      decisions[i].reason = Reason::kNavigation;
    }
  }
}

// A page where no block scores as content (a product page, a listing, a landing page) still has a
// reason to exist: rather than an empty output, keep its best blocks, those scoring at least
// kBestOfPageShare of the best score.
constexpr float kBestOfPageShare = 0.5f;

void keep_best_of_page(const std::vector<float>& scores, const std::vector<bool>& open,
                       std::vector<Decision>& decisions) {
  float best = 0;
  for (std::size_t i = 0; i < decisions.size(); ++i) {
    if (decisions[i].keep) return;
    if (open[i]) best = std::max(best, scores[i]);
  }
  for (std::size_t i = 0; i < decisions.size(); ++i) {
    if (open[i] && best > 0 && scores[i] >= kBestOfPageShare * best) {
      decisions[i].keep = true;
      decisions[i].reason = Reason::kBestOfPage;
    }
  }
}

// A short gap of weak blocks inside a content run (a recipe's "Cook time / 40 minutes", the first
// item of a list) is kept when the run holds on both sides: a gap of at most kMaxGapBlocks open
// blocks, none scoring below kGapMinScore.
constexpr std::size_t kMaxGapBlocks = 5;
constexpr float kGapMinScore = 0.15f;

void fill_gaps(const std::vector<float>& scores, const std::vector<bool>& open, std::vector<Decision>& decisions) {
  std::vector<std::size_t> order;  // open blocks in document order
  for (std::size_t i = 0; i < open.size(); ++i) {
    if (open[i]) order.push_back(i);
  }
  std::size_t k = 0;
  while (k < order.size()) {
    if (decisions[order[k]].keep) {
      ++k;
      continue;
    }
    std::size_t end = k;  // [k, end) is a run of dropped open blocks
    while (end < order.size() && !decisions[order[end]].keep) ++end;
    const bool inside = k > 0 && end < order.size();
    bool weak_only = end - k <= kMaxGapBlocks;
    for (std::size_t g = k; g < end && weak_only; ++g) weak_only = scores[order[g]] >= kGapMinScore;
    if (inside && weak_only) {
      for (std::size_t g = k; g < end; ++g) {
        decisions[order[g]].keep = true;
        decisions[order[g]].reason = Reason::kContextKeep;
      }
    }
    k = end;
  }
}

// Blocks the sequence may not keep for their neighbours, only on their own score:
// - a caption: inside the body it stands between two paragraphs, and the sequence would keep it
//   with them (POLICY.md drops captions);
// - in HTML, a block whose best container holds less than kContextKeepMinContainerShare of the
//   page's well-formed text: it sits beside the body in the page's order (an embedded tweet, a
//   sidebar's first link, a teaser box between two paragraphs), not inside the part of the page
//   that holds the body. (Measured on the training pages: any floor from 0.1 to 0.35 does as well.)
constexpr float kContextKeepMinContainerShare = 0.2f;

void undo_context_keeps(const std::vector<BlockShape>& shapes, std::vector<Decision>& decisions) {
  for (std::size_t i = 0; i < shapes.size(); ++i) {
    if (!decisions[i].keep || decisions[i].reason != Reason::kContextKeep) continue;
    const BlockShape& s = shapes[i];
    if (s.in_caption) {
      decisions[i].keep = false;
      decisions[i].reason = Reason::kCaption;
    } else if (s.tag != BlockTag::kLine && s.container_share < kContextKeepMinContainerShare) {
      decisions[i].keep = false;
      decisions[i].reason = Reason::kBoilerplate;
    }
  }
}

// Keeps the agency credit line ("(Reporting by ...; Editing by ...)") that closes a kept body:
// POLICY.md counts it as part of the story, though it reads like a byline.
void keep_credits(const std::vector<BlockShape>& shapes, const std::vector<bool>& open,
                  std::vector<Decision>& decisions) {
  for (std::size_t i = 1; i < shapes.size(); ++i) {
    if (!open[i] || decisions[i].keep || !shapes[i].lexicon.has(LexiconCategory::kCredit)) continue;
    std::size_t j = i;
    bool found = false;
    while (j > 0 && !found) found = open[--j];
    if (found && decisions[j].keep) {
      decisions[i].keep = true;
      decisions[i].reason = Reason::kContextKeep;
    }
  }
}

}  // namespace

// A user name standing alone above forum or comment meta ("Joined: ...", "Posts: 41", "3 days
// ago"): one word, written as handles are (lower case, or with '_' or digits), not as a title.
bool is_author_handle(const BlockShape& shape, const BlockShape& next) {
  if (shape.words != 1 || shape.ends_sentence || shape.lexicon.categories != 0) return false;
  if (!next.lexicon.has(LexiconCategory::kByline) && !next.lexicon.has(LexiconCategory::kDate)) return false;
  return shape.has_underscore || shape.digit_ratio > 0 || shape.capitalised_ratio == 0;
}

Reason rule_reason(const BlockShape& shape, RepeatKind repeat, TeaserRole teaser) {
  if (shape.invalid_ratio > kMaxInvalidRatio) return Reason::kNotText;
  if (repeat == RepeatKind::kTitleDuplicate) return Reason::kTitleDuplicate;
  if (repeat == RepeatKind::kContained) return Reason::kRepeat;
  if (teaser == TeaserRole::kMarker) return Reason::kTeaserMarker;
  if (teaser == TeaserRole::kItem || teaser == TeaserRole::kInline) return Reason::kTeaserItem;
  const LexiconMatch& lex = shape.lexicon;
  // One weak legal word ("copyright", "privacy policy") drops a footer link, not a news sentence.
  if (lex.has(LexiconCategory::kLegal) &&
      (lex.legal_hits >= kLegalMultiHits ||
       (shape.words <= kLegalSingleHitMaxWords && (lex.legal_strong || !shape.ends_sentence)))) {
    return Reason::kLegal;
  }
  for (const CategoryRule& rule : kCategoryRules) {
    if (rule.category == LexiconCategory::kDate && lex.words_beside_date > kDateMaxWordsBeside &&
        !lex.date_beside_byline) {
      continue;
    }
    if (lex.has(rule.category) && shape.words <= rule.max_words && (rule.even_if_sentence || !shape.ends_sentence)) {
      return rule.reason;
    }
  }
  return Reason::kContent;
}

std::vector<Reason> rule_reasons(const std::vector<BlockShape>& shapes, const std::vector<RepeatKind>& repeats,
                                 const std::vector<TeaserRole>& teasers) {
  std::vector<Reason> reasons(shapes.size());
  for (std::size_t i = 0; i < shapes.size(); ++i) {
    reasons[i] = rule_reason(shapes[i], repeats[i], teasers[i]);
    if (reasons[i] == Reason::kContent && i + 1 < shapes.size() && is_author_handle(shapes[i], shapes[i + 1])) {
      reasons[i] = Reason::kByline;
    }
  }
  return reasons;
}

std::vector<Decision> decode_blocks(const std::vector<BlockShape>& shapes, const std::vector<Reason>& rules,
                                    const std::vector<float>& scores, const SectionModel& model) {
  const std::size_t n = shapes.size();
  std::vector<Decision> decisions(n);
  std::vector<std::size_t> open;  // blocks no rule decided, in order
  std::vector<bool> is_open(n, false);
  for (std::size_t i = 0; i < n; ++i) {
    decisions[i].score = scores[i];
    const Reason reason = rules[i];
    if (reason != Reason::kContent) {
      decisions[i].reason = reason;
      decisions[i].keep = false;
    } else {
      open.push_back(i);
      is_open[i] = true;
    }
  }
  if (open.empty()) return decisions;

  // Viterbi over the open blocks. State 1 = content. The threshold shifts the emissions so that a
  // block alone is content exactly when its probability exceeds it.
  const float bias = std::log(model.threshold / (1.0f - model.threshold));
  auto emission = [&](std::size_t i, int state) {
    const float p = std::clamp(scores[i], kMinProbability, 1.0f - kMinProbability);
    const float logit = std::log(p / (1.0f - p)) - bias;
    return state == 1 ? logit / 2 : -logit / 2;
  };
  const std::size_t m = open.size();
  std::vector<std::array<unsigned char, 2>> back(m);
  std::array<float, 2> cost = {emission(open[0], 0), emission(open[0], 1)};
  for (std::size_t k = 1; k < m; ++k) {
    std::array<float, 2> next{};
    for (int s = 0; s < 2; ++s) {
      const float stay = cost[s];
      const float change = cost[1 - s] - model.switch_cost;
      back[k][s] = stay >= change ? static_cast<unsigned char>(s) : static_cast<unsigned char>(1 - s);
      next[s] = std::max(stay, change) + emission(open[k], s);
    }
    cost = next;
  }
  int state = cost[1] >= cost[0] ? 1 : 0;
  for (std::size_t k = m; k-- > 0;) {
    const std::size_t i = open[k];
    const bool alone = scores[i] > model.threshold;
    decisions[i].keep = state == 1;
    if (state == 1) {
      decisions[i].reason = alone ? Reason::kContent : Reason::kContextKeep;
    } else {
      decisions[i].reason = alone ? Reason::kContextDrop : Reason::kBoilerplate;
    }
    if (k > 0) state = back[k][state];
  }
  fill_gaps(scores, is_open, decisions);
  undo_context_keeps(shapes, decisions);
  keep_best_of_page(scores, is_open, decisions);
  keep_headline(shapes, scores, is_open, decisions);
  keep_credits(shapes, is_open, decisions);
  return decisions;
}

void drop_kept_repeats(const std::vector<BlockShape>& shapes, std::size_t begin, std::size_t end,
                       RepeatTracker& kept, std::vector<Decision>& decisions) {
  for (std::size_t i = begin; i < end; ++i) {
    if (!decisions[i].keep || shapes[i].words == 0) continue;
    if (kept.seen(shapes[i].hash)) {
      decisions[i].keep = false;
      decisions[i].reason = Reason::kRepeat;
    }
  }
}

}  // namespace winnow
