// Features: the numbers the classifier weighs, per block, from its shape, its HTML context and its
// neighbours. Plain values in a fixed array, each with a stable name the model file refers to.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "block_shape.h"
#include "document.h"
#include "repeats.h"
#include "teasers.h"

namespace winnow {

// X-macro: every feature once, in model-file order.
#define WINNOW_FEATURES(X)                                                                         \
  X(bias) X(log_words) X(log_chars) X(words_1) X(words_2_3) X(words_4_9) X(words_10_19)           \
  X(words_20_49) X(words_50_plus) X(mean_word_length) X(stopword_ratio) X(ends_sentence)          \
  X(ends_colon) X(sentences) X(capitalised_ratio) X(all_caps) X(digit_ratio) X(has_url)           \
  X(separators) X(starts_quote) X(well_formed)                                                     \
  X(lex_legal) X(lex_legal_multi) X(lex_prompt) X(lex_teaser_marker) X(lex_teaser_inline)         \
  X(lex_comments) X(lex_comment_section) X(lex_source) X(lex_caption) X(lex_cookie) X(lex_advert) X(lex_navigation)      \
  X(lex_byline) X(lex_date) X(lex_tag_list) X(lex_url) X(lex_credit)                                             \
  X(repeat) X(title_duplicate) X(teaser_item) X(relative_position) X(in_first_tenth)              \
  X(in_last_tenth) X(after_comments) X(comments_after_words) X(prev_log_words) X(prev_ends_sentence) X(prev_stopword_ratio) \
  X(prev_well_formed) X(next_log_words) X(next_ends_sentence) X(next_stopword_ratio)              \
  X(next_well_formed) X(window_well_formed) X(wide_well_formed) X(before_first_well_formed)       \
  X(after_last_well_formed) X(page_log_blocks) X(page_well_formed_share) X(rel_stopword_ratio)    \
  X(rel_log_words) X(words_before_share) X(near_teaser_marker) X(prev2_log_words) X(next2_log_words) \
  X(thread_markers_near) X(after_thread_start) X(thread_after_words) \
  X(tag_title) X(tag_h1) X(tag_heading) X(tag_p) X(tag_li) X(tag_row) X(tag_cell) X(tag_pre)      \
  X(tag_blockquote) X(tag_caption) X(tag_definition) X(tag_div) X(link_density) X(all_link)      \
  X(log_links) X(depth) X(in_best_container) X(container_share) X(prev_link_density)              \
  X(next_link_density) X(prev_in_best) X(next_in_best)                                             \
  X(own_nav) X(own_footer) X(own_header) X(own_sidebar) X(own_share) X(own_related) X(own_comment) \
  X(own_ad) X(own_newsletter) X(own_cookie) X(own_meta) X(own_caption) X(own_content) X(own_hidden) \
  X(anc_nav) X(anc_footer) X(anc_header) X(anc_sidebar) X(anc_share) X(anc_related) X(anc_comment) \
  X(anc_ad) X(anc_newsletter) X(anc_cookie) X(anc_meta) X(anc_caption) X(anc_content) X(anc_hidden) \
  X(in_nav) X(in_header) X(in_footer) X(in_aside) X(in_article) X(in_form) X(in_link) X(in_list)   \
  X(in_table) X(path_log_blocks) X(path_well_formed) X(path_words_share) X(rel_link_density)      \
  X(ctx_self) X(ctx_prev1) X(ctx_next1) X(ctx_prev3) X(ctx_next3) X(ctx_window10) X(ctx_run5)      \
  X(ctx_doc_mean) X(ctx_rank)

enum class Feature : std::uint16_t {
#define WINNOW_FEATURE_ENUM(name) name,
  WINNOW_FEATURES(WINNOW_FEATURE_ENUM)
#undef WINNOW_FEATURE_ENUM
      kCount
};

inline constexpr std::size_t kFeatureCount = static_cast<std::size_t>(Feature::kCount);

using FeatureVector = std::array<float, kFeatureCount>;

// Features from ctx_self on are context features: they describe the first-pass probabilities of a
// block and its neighbours, and are zero until add_context_features fills them.
inline constexpr std::size_t kFirstContextFeature = static_cast<std::size_t>(Feature::ctx_self);

std::string_view feature_name(Feature feature);

// Computes the features of every block of a document (or of one window of a text stream).
std::vector<FeatureVector> compute_features(const Document& doc, const std::vector<BlockShape>& shapes,
                                            const std::vector<RepeatKind>& repeats,
                                            const std::vector<TeaserRole>& teasers);

// Fills the context features from the first pass: `first_pass[i]` is block i's probability of
// being content (0 for a block a rule drops). Content comes in runs, so a block whose neighbours
// scored high is more likely content than its own score says, and the reverse.
void add_context_features(const std::vector<float>& first_pass, std::vector<FeatureVector>& features);

}  // namespace winnow
