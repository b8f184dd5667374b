// Features. Entry point: compute_features. Tested by tests/block_features_test.cpp.
//
// Values are scaled to roughly 0..1 (logs of counts, ratios, indicators), which keeps them readable
// in `explain`; the trees need no normalisation. Page-relative features (a block against its own
// page's mean) carry over between languages and sites better than absolute ones.
#include "block_features.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace winnow {
namespace {

// Neighbourhoods for the share of well-formed blocks around a block: content comes in runs.
constexpr std::size_t kNearWindow = 3;
constexpr std::size_t kWideWindow = 10;
constexpr float kLogScale = 1.0f / 6.0f;  // log1p(words) / 6 is about 1 for 400 words
constexpr float kDepthScale = 1.0f / 40.0f;
constexpr int kMaxSeparators = 5;
constexpr float kAllLinkDensity = 0.9f;
// Comments after an article are boilerplate; on a discussion page (a forum thread, which has reply
// buttons but no comment section heading) they are the content. A comment section opens at the
// first "12 Comments" or "Leave a Reply" that follows some of the article: a comment count in the
// byline, above the body, opens nothing.
constexpr int kArticleWordsBeforeComments = 30;
// A discussion reads as a rhythm: a short post header (a date, a byline, a Reply button), a post,
// and again. Plain-text dumps of comment threads rarely keep a "12 Comments" heading, but they keep
// the rhythm. A thread starts at the first of kThreadHeaders headers, each after a post of some
// words, that fall within kThreadSpan blocks.
constexpr int kPostHeaderMaxWords = 20;
constexpr int kPostMinWords = 5;
constexpr int kThreadHeaders = 3;
constexpr std::size_t kThreadSpan = 30;
constexpr std::size_t kThreadMarkerWindow = 8;  // thread_markers_near counts headers this far either side
// Blocks of at least this many words set a page's typical stopword ratio.
constexpr int kProseWords = 8;

constexpr std::string_view kFeatureNames[] = {
#define WINNOW_FEATURE_NAME(name) #name,
    WINNOW_FEATURES(WINNOW_FEATURE_NAME)
#undef WINNOW_FEATURE_NAME
};

float log_count(int n) { return std::log1p(static_cast<float>(n)) * kLogScale; }

void set(FeatureVector& f, Feature feature, float value) { f[static_cast<std::size_t>(feature)] = value; }
void set(FeatureVector& f, Feature feature, bool value) { set(f, feature, value ? 1.0f : 0.0f); }

bool is_post_header(const BlockShape& s) {
  return s.words <= kPostHeaderMaxWords &&
         (s.lexicon.has(LexiconCategory::kDate) || s.lexicon.has(LexiconCategory::kByline) ||
          s.lexicon.has(LexiconCategory::kComments));
}

// The blocks within `radius` of block i, not counting i, and how many of them are marked, read
// from prefix counts: before[k] is the number of marked blocks among the first k.
struct WindowCount {
  int marked = 0;
  int others = 0;
};

WindowCount count_around(const std::vector<int>& before, std::size_t i, std::size_t radius) {
  const std::size_t n = before.size() - 1;
  const std::size_t lo = i >= radius ? i - radius : 0;
  const std::size_t hi = std::min(n, i + radius + 1);
  return {before[hi] - before[lo] - (before[i + 1] - before[i]), static_cast<int>(hi - lo) - 1};
}

Feature offset(Feature first, unsigned k) { return static_cast<Feature>(static_cast<unsigned>(first) + k); }

// Mean of first_pass over [lo, hi), or `none` when the range is empty.
float mean_of(const std::vector<float>& values, std::size_t lo, std::size_t hi, float none) {
  if (hi <= lo) return none;
  float sum = 0;
  for (std::size_t i = lo; i < hi; ++i) sum += values[i];
  return sum / static_cast<float>(hi - lo);
}

constexpr std::size_t kContextNear = 3;
constexpr std::size_t kContextRun = 5;
constexpr std::size_t kContextWide = 10;
constexpr float kContextHigh = 0.5f;  // a neighbour counts as content in ctx_run5 above this

}  // namespace

void add_context_features(const std::vector<float>& p, std::vector<FeatureVector>& features) {
  const std::size_t n = p.size();
  if (n == 0) return;
  const float doc_mean = mean_of(p, 0, n, 0.0f);
  std::vector<float> sorted(p);
  std::sort(sorted.begin(), sorted.end());
  for (std::size_t i = 0; i < n; ++i) {
    FeatureVector& f = features[i];
    auto lo = [&](std::size_t r) { return i >= r ? i - r : 0; };
    auto hi = [&](std::size_t r) { return std::min(n, i + r + 1); };
    set(f, Feature::ctx_self, p[i]);
    set(f, Feature::ctx_prev1, i > 0 ? p[i - 1] : 0.0f);
    set(f, Feature::ctx_next1, i + 1 < n ? p[i + 1] : 0.0f);
    set(f, Feature::ctx_prev3, mean_of(p, lo(kContextNear), i, 0.0f));
    set(f, Feature::ctx_next3, mean_of(p, i + 1, hi(kContextNear), 0.0f));
    const std::size_t wide_lo = lo(kContextWide);
    const std::size_t wide_hi = hi(kContextWide);
    const float wide_sum = mean_of(p, wide_lo, wide_hi, 0.0f) * static_cast<float>(wide_hi - wide_lo) - p[i];
    set(f, Feature::ctx_window10, wide_hi - wide_lo > 1 ? wide_sum / static_cast<float>(wide_hi - wide_lo - 1) : 0.0f);
    int high = 0;
    int others = 0;
    for (std::size_t j = lo(kContextRun); j < hi(kContextRun); ++j) {
      if (j == i) continue;
      ++others;
      high += p[j] > kContextHigh ? 1 : 0;
    }
    set(f, Feature::ctx_run5, others > 0 ? static_cast<float>(high) / others : 0.0f);
    set(f, Feature::ctx_doc_mean, doc_mean);
    const auto below = std::lower_bound(sorted.begin(), sorted.end(), p[i]) - sorted.begin();
    set(f, Feature::ctx_rank, n > 1 ? static_cast<float>(below) / static_cast<float>(n - 1) : 0.5f);
  }
}

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
  auto window_share = [&](std::size_t i, std::size_t radius) {
    const WindowCount w = count_around(well_formed_before, i, radius);
    return w.others > 0 ? static_cast<float>(w.marked) / static_cast<float>(w.others) : 0.0f;
  };

  std::size_t comments_start = n;
  int words_before = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (shapes[i].lexicon.has(LexiconCategory::kCommentSection) && words_before >= kArticleWordsBeforeComments) {
      comments_start = i;
      break;
    }
    if (shapes[i].well_formed) words_before += shapes[i].words;
  }
  // Post headers, and where their rhythm starts a thread.
  std::vector<int> headers_before(n + 1, 0);
  std::vector<std::size_t> post_starts;  // headers that follow a post
  int words_since_header = 0;  // a header that opens the page follows no post
  for (std::size_t i = 0; i < n; ++i) {
    const bool header = is_post_header(shapes[i]);
    headers_before[i + 1] = headers_before[i] + (header ? 1 : 0);
    if (!header) {
      words_since_header += shapes[i].words;
      continue;
    }
    if (words_since_header >= kPostMinWords) post_starts.push_back(i);
    words_since_header = 0;
  }
  std::size_t thread_start = n;
  for (std::size_t k = 0; k + kThreadHeaders <= post_starts.size(); ++k) {
    if (post_starts[k + kThreadHeaders - 1] - post_starts[k] < kThreadSpan) {
      thread_start = post_starts[k];
      break;
    }
  }
  int words_before_thread = 0;
  for (std::size_t i = 0; i < thread_start; ++i) words_before_thread += shapes[i].well_formed ? shapes[i].words : 0;
  // Page-wide figures for the page-relative features.
  double total_words = 0, well_formed_words = 0, prose_words = 0, prose_stopwords = 0, log_words_sum = 0;
  double link_chars = 0, chars = 0;
  struct PathStats {
    int blocks = 0;
    int well_formed = 0;
    double words = 0;
  };
  std::unordered_map<std::uint64_t, PathStats> paths;
  for (std::size_t i = 0; i < n; ++i) {
    const BlockShape& s = shapes[i];
    total_words += s.words;
    well_formed_words += s.well_formed ? s.words : 0;
    log_words_sum += log_count(s.words);
    if (s.words >= kProseWords) {
      prose_words += s.words;
      prose_stopwords += s.stopword_ratio * s.words;
    }
    link_chars += s.link_density * s.chars;
    chars += s.chars;
    if (doc.is_html) {
      PathStats& path = paths[doc.blocks[i].html.path_hash];
      ++path.blocks;
      path.well_formed += s.well_formed ? 1 : 0;
      path.words += s.words;
    }
  }
  const float page_stopword_ratio = prose_words > 0 ? static_cast<float>(prose_stopwords / prose_words) : 0.0f;
  const float page_log_words = n > 0 ? static_cast<float>(log_words_sum / n) : 0.0f;
  const float page_link_density = chars > 0 ? static_cast<float>(link_chars / chars) : 0.0f;
  std::size_t last_marker = n;  // none yet
  double well_formed_words_before = 0;
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
    set(f, Feature::after_comments, i >= comments_start);
    // How much article the comment section follows: comments under a long article are clutter,
    // the replies under a short opening post are the thread.
    set(f, Feature::comments_after_words, i >= comments_start ? log_count(words_before) : 0.0f);
    const int headers_near = count_around(headers_before, i, kThreadMarkerWindow).marked;
    set(f, Feature::thread_markers_near,
        std::min(1.0f, static_cast<float>(headers_near) / static_cast<float>(kThreadMarkerWindow)));
    set(f, Feature::after_thread_start, i >= thread_start);
    // Like comments_after_words: replies under a long article are its comments, under a short
    // opening post they are the discussion.
    set(f, Feature::thread_after_words, i >= thread_start ? log_count(words_before_thread) : 0.0f);
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
    set(f, Feature::page_log_blocks, log_count(static_cast<int>(n)));
    set(f, Feature::page_well_formed_share, total_words > 0 ? static_cast<float>(well_formed_words / total_words) : 0.0f);
    set(f, Feature::rel_stopword_ratio, s.words > 0 ? s.stopword_ratio - page_stopword_ratio : 0.0f);
    set(f, Feature::rel_log_words, log_count(s.words) - page_log_words);
    set(f, Feature::words_before_share, well_formed_words > 0 ? static_cast<float>(well_formed_words_before / well_formed_words) : 0.0f);
    if (s.well_formed) well_formed_words_before += s.words;
    if (s.lexicon.has(LexiconCategory::kTeaserMarker)) last_marker = i;
    set(f, Feature::near_teaser_marker, last_marker < i ? 1.0f / static_cast<float>(i - last_marker) : 0.0f);
    if (i > 1) set(f, Feature::prev2_log_words, log_count(shapes[i - 2].words));
    if (i + 2 < n) set(f, Feature::next2_log_words, log_count(shapes[i + 2].words));

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
    const PathStats& path = paths[html.path_hash];
    set(f, Feature::path_log_blocks, log_count(path.blocks));
    set(f, Feature::path_well_formed, static_cast<float>(path.well_formed) / static_cast<float>(path.blocks));
    set(f, Feature::path_words_share, total_words > 0 ? static_cast<float>(path.words / total_words) : 0.0f);
    set(f, Feature::rel_link_density, s.link_density - page_link_density);
  }
  return features;
}

}  // namespace winnow

namespace winnow {
// compute_features walks these enums in step with the feature list; keep the orders aligned.
static_assert(static_cast<unsigned>(Feature::lex_credit) - static_cast<unsigned>(Feature::lex_prompt) + 2 ==
              static_cast<unsigned>(LexiconCategory::kCount));
static_assert(static_cast<unsigned>(Feature::tag_div) - static_cast<unsigned>(Feature::tag_title) + 2 ==
              static_cast<unsigned>(BlockTag::kCount));
static_assert(static_cast<unsigned>(Feature::own_hidden) - static_cast<unsigned>(Feature::own_nav) + 1 ==
              static_cast<unsigned>(ClassGroup::kCount));
static_assert(static_cast<unsigned>(Feature::anc_hidden) - static_cast<unsigned>(Feature::anc_nav) + 1 ==
              static_cast<unsigned>(ClassGroup::kCount));
static_assert(static_cast<unsigned>(Feature::in_table) - static_cast<unsigned>(Feature::in_nav) + 1 ==
              static_cast<unsigned>(AncestorTag::kCount));
}  // namespace winnow
