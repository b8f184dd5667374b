// Features. Entry point: compute_features. Tested by tests/block_features_test.cpp.
//
// Values are scaled to roughly 0..1 (logs of counts, ratios, indicators) so one linear model can
// weigh them without further normalisation.
#include "block_features.h"

#include <algorithm>
#include <cmath>

namespace winnow {
namespace {

// Neighbourhoods for the share of well-formed blocks around a block: content comes in runs.
constexpr int kNearWindow = 3;
constexpr int kWideWindow = 10;
constexpr float kLogScale = 1.0f / 6.0f;  // log1p(words) / 6 is about 1 for 400 words
constexpr float kDepthScale = 1.0f / 40.0f;
constexpr int kMaxSeparators = 5;
constexpr float kAllLinkDensity = 0.9f;
// Comments after an article are boilerplate; on a discussion page they are the content. A page is
// an article with comments when this many words of well-formed text come before the first
// comment heading or prompt, or at least kShortArticleWords and no fewer than after it.
constexpr int kArticleWordsBeforeComments = 150;
constexpr int kShortArticleWords = 60;

constexpr std::string_view kFeatureNames[] = {
#define WINNOW_FEATURE_NAME(name) #name,
    WINNOW_FEATURES(WINNOW_FEATURE_NAME)
#undef WINNOW_FEATURE_NAME
};

float log_count(int n) { return std::log1p(static_cast<float>(n)) * kLogScale; }

void set(FeatureVector& f, Feature feature, float value) { f[static_cast<std::size_t>(feature)] = value; }
void set(FeatureVector& f, Feature feature, bool value) { set(f, feature, value ? 1.0f : 0.0f); }

Feature offset(Feature first, unsigned k) { return static_cast<Feature>(static_cast<unsigned>(first) + k); }

}  // namespace

std::string_view feature_name(Feature feature) { return kFeatureNames[static_cast<std::size_t>(feature)]; }

std::vector<FeatureVector> compute_features(const Document& doc, const std::vector<BlockShape>& shapes,
                                            const std::vector<RepeatKind>& repeats,
                                            const std::vector<TeaserRole>& teasers) {
  const std::size_t n = shapes.size();
  std::vector<FeatureVector> features(n);
  // Prefix sums of well-formed blocks for the window shares; first and last well-formed block.
  std::vector<int> well_formed_before(n + 1, 0);
  std::size_t first_well_formed = n;
  std::size_t last_well_formed = 0;
  bool any_well_formed = false;
  for (std::size_t i = 0; i < n; ++i) {
    well_formed_before[i + 1] = well_formed_before[i] + (shapes[i].well_formed ? 1 : 0);
    if (shapes[i].well_formed) {
      if (!any_well_formed) first_well_formed = i;
      last_well_formed = i;
      any_well_formed = true;
    }
  }
  auto window_share = [&](std::size_t i, int radius) {
    const std::size_t lo = i >= static_cast<std::size_t>(radius) ? i - radius : 0;
    const std::size_t hi = std::min(n, i + radius + 1);
    const int others = static_cast<int>(hi - lo) - 1;
    if (others <= 0) return 0.0f;
    const int count = well_formed_before[hi] - well_formed_before[lo] - (shapes[i].well_formed ? 1 : 0);
    return static_cast<float>(count) / others;
  };

  int words_before_comments = 0;
  int words_after_comments = 0;
  bool in_comments = false;
  for (std::size_t i = 0; i < n; ++i) {
    in_comments = in_comments || shapes[i].lexicon.has(LexiconCategory::kComments);
    if (shapes[i].well_formed) (in_comments ? words_after_comments : words_before_comments) += shapes[i].words;
  }
  const bool comments_follow_article =
      words_before_comments >= kArticleWordsBeforeComments ||
      (words_before_comments >= kShortArticleWords && words_before_comments >= words_after_comments);
  bool seen_comments = false;
  for (std::size_t i = 0; i < n; ++i) {
    const BlockShape& s = shapes[i];
    const HtmlContext& html = doc.blocks[i].html;
    FeatureVector& f = features[i];
    f.fill(0.0f);
    set(f, Feature::bias, 1.0f);
    set(f, Feature::log_words, log_count(s.words));
    set(f, Feature::log_chars, log_count(s.chars) * 0.7f);
    set(f, Feature::words_1, s.words <= 1);
    set(f, Feature::words_2_3, s.words >= 2 && s.words <= 3);
    set(f, Feature::words_4_9, s.words >= 4 && s.words <= 9);
    set(f, Feature::words_10_19, s.words >= 10 && s.words <= 19);
    set(f, Feature::words_20_49, s.words >= 20 && s.words <= 49);
    set(f, Feature::words_50_plus, s.words >= 50);
    set(f, Feature::mean_word_length, std::min(s.mean_word_length, 20.0f) / 10.0f);
    set(f, Feature::stopword_ratio, s.stopword_ratio);
    set(f, Feature::ends_sentence, s.ends_sentence);
    set(f, Feature::ends_colon, s.ends_colon);
    set(f, Feature::sentences, log_count(s.sentences));
    set(f, Feature::capitalised_ratio, s.capitalised_ratio);
    set(f, Feature::all_caps, s.all_caps);
    set(f, Feature::digit_ratio, s.digit_ratio);
    set(f, Feature::has_url, s.has_url);
    set(f, Feature::separators, static_cast<float>(std::min(s.separators, kMaxSeparators)) / kMaxSeparators);
    set(f, Feature::starts_quote, s.starts_quote);
    set(f, Feature::well_formed, s.well_formed);
    for (unsigned c = 0; c < static_cast<unsigned>(LexiconCategory::kCount); ++c) {
      // lex_legal .. lex_url follow LexiconCategory order, with lex_legal_multi after lex_legal.
      const Feature feature = c == 0 ? Feature::lex_legal : offset(Feature::lex_prompt, c - 1);
      set(f, feature, s.lexicon.has(static_cast<LexiconCategory>(c)));
    }
    set(f, Feature::lex_legal_multi, s.lexicon.legal_hits >= 2);
    set(f, Feature::repeat, repeats[i] == RepeatKind::kRepeat);
    set(f, Feature::title_duplicate, repeats[i] == RepeatKind::kTitleDuplicate);
    set(f, Feature::teaser_item, teasers[i] == TeaserRole::kItem);
    const float position = n > 1 ? static_cast<float>(i) / static_cast<float>(n - 1) : 0.5f;
    set(f, Feature::relative_position, position);
    set(f, Feature::in_first_tenth, position < 0.1f);
    set(f, Feature::in_last_tenth, position > 0.9f);
    if (s.lexicon.has(LexiconCategory::kComments)) seen_comments = true;
    set(f, Feature::after_comments, seen_comments && comments_follow_article);
    if (i > 0) {
      const BlockShape& p = shapes[i - 1];
      set(f, Feature::prev_log_words, log_count(p.words));
      set(f, Feature::prev_ends_sentence, p.ends_sentence);
      set(f, Feature::prev_stopword_ratio, p.stopword_ratio);
      set(f, Feature::prev_well_formed, p.well_formed);
      set(f, Feature::prev_link_density, p.link_density);
      set(f, Feature::prev_in_best, doc.blocks[i - 1].html.in_best_container);
    }
    if (i + 1 < n) {
      const BlockShape& x = shapes[i + 1];
      set(f, Feature::next_log_words, log_count(x.words));
      set(f, Feature::next_ends_sentence, x.ends_sentence);
      set(f, Feature::next_stopword_ratio, x.stopword_ratio);
      set(f, Feature::next_well_formed, x.well_formed);
      set(f, Feature::next_link_density, x.link_density);
      set(f, Feature::next_in_best, doc.blocks[i + 1].html.in_best_container);
    }
    set(f, Feature::window_well_formed, window_share(i, kNearWindow));
    set(f, Feature::wide_well_formed, window_share(i, kWideWindow));
    set(f, Feature::before_first_well_formed, any_well_formed && i < first_well_formed);
    set(f, Feature::after_last_well_formed, any_well_formed && i > last_well_formed);

    if (!doc.is_html) continue;
    const unsigned tag = static_cast<unsigned>(html.tag);
    if (html.tag != BlockTag::kLine) set(f, offset(Feature::tag_title, tag - 1), 1.0f);
    set(f, Feature::link_density, s.link_density);
    set(f, Feature::all_link, s.link_density >= kAllLinkDensity);
    set(f, Feature::log_links, log_count(static_cast<int>(html.links)));
    set(f, Feature::depth, std::min(1.0f, html.depth * kDepthScale));
    set(f, Feature::in_best_container, html.in_best_container);
    set(f, Feature::container_share, html.container_share);
    for (unsigned g = 0; g < static_cast<unsigned>(ClassGroup::kCount); ++g) {
      set(f, offset(Feature::own_nav, g), has_bit(html.own_groups, g));
      set(f, offset(Feature::anc_nav, g), has_bit(html.ancestor_groups, g));
    }
    for (unsigned t = 0; t < static_cast<unsigned>(AncestorTag::kCount); ++t) {
      set(f, offset(Feature::in_nav, t), has_bit(html.ancestor_tags, t));
    }
  }
  return features;
}

}  // namespace winnow
