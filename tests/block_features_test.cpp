// Tests of features (block_features.h): names are unique identifiers, every block gets the values
// its shape and context imply, and the neighbour features read the blocks before and after.
#include "block_features.h"

#include <gtest/gtest.h>

#include <cctype>
#include <set>
#include <string>
#include <vector>

#include "html_segment.h"
#include "text_segment.h"

namespace winnow {
namespace {

float value(const FeatureVector& f, Feature feature) { return f[static_cast<std::size_t>(feature)]; }

struct Computed {
  Document doc;
  std::vector<BlockShape> shapes;
  std::vector<RepeatKind> repeats;
  std::vector<TeaserRole> teasers;
  std::vector<FeatureVector> features;
};

Computed compute(Document doc) {
  Computed c;
  c.doc = std::move(doc);
  c.shapes = shape_blocks(c.doc.blocks, Lexicon::instance());
  c.repeats = find_repeats(c.doc.blocks, c.shapes);
  c.teasers = find_teasers(c.doc.blocks, c.shapes, c.repeats);
  c.features = compute_features(c.doc, c.shapes, c.repeats, c.teasers);
  return c;
}

const std::string kParagraph =
    "The harbour council met on Thursday and agreed that the old pier would be rebuilt before the summer, "
    "after a debate that lasted for most of the evening.";
const std::string kParagraph2 =
    "Fishermen said the decision had come just in time, because two of the old supports had cracked during "
    "the winter storms and the end of the pier had been closed.";
const std::string kParagraph3 =
    "The council will publish the builder's plans next month, and residents will have six weeks to comment "
    "on them before the work begins in the autumn.";

TEST(FeatureNames, UniqueIdentifiers) {
  std::set<std::string> seen;
  for (std::size_t i = 0; i < kFeatureCount; ++i) {
    const std::string name(feature_name(static_cast<Feature>(i)));
    ASSERT_FALSE(name.empty()) << i;
    for (char c : name) {
      EXPECT_TRUE(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) ||
                  c == '_')
          << name;
    }
    EXPECT_TRUE(seen.insert(name).second) << "duplicate feature name " << name;
  }
  EXPECT_EQ(seen.size(), kFeatureCount);
  EXPECT_EQ(feature_name(Feature::bias), "bias");
  EXPECT_EQ(feature_name(Feature::in_table), "in_table");
}

TEST(ComputeFeatures, OneVectorPerBlockWithBias) {
  const Computed c = compute(segment_text("Home\n" + kParagraph + "\nShare This\n"));
  ASSERT_EQ(c.features.size(), 3u);
  for (const FeatureVector& f : c.features) EXPECT_EQ(value(f, Feature::bias), 1.0f);
  EXPECT_TRUE(compute(Document{}).features.empty());
}

TEST(ComputeFeatures, NeighboursAreSet) {
  const Computed c = compute(segment_text("Menu\n" + kParagraph + "\nBack to top\n"));
  ASSERT_EQ(c.features.size(), 3u);
  ASSERT_TRUE(c.shapes[1].well_formed);
  const FeatureVector& first = c.features[0];
  const FeatureVector& middle = c.features[1];
  const FeatureVector& last = c.features[2];

  // The first block has no block before it, the last none after it.
  EXPECT_EQ(value(first, Feature::prev_log_words), 0.0f);
  EXPECT_EQ(value(first, Feature::prev_well_formed), 0.0f);
  EXPECT_EQ(value(last, Feature::next_log_words), 0.0f);
  EXPECT_EQ(value(last, Feature::next_well_formed), 0.0f);

  // Both outer blocks see the paragraph beside them.
  EXPECT_EQ(value(first, Feature::next_well_formed), 1.0f);
  EXPECT_EQ(value(first, Feature::next_ends_sentence), 1.0f);
  EXPECT_EQ(value(first, Feature::next_log_words), value(middle, Feature::log_words));
  EXPECT_EQ(value(first, Feature::next_stopword_ratio), c.shapes[1].stopword_ratio);
  EXPECT_EQ(value(last, Feature::prev_well_formed), 1.0f);
  EXPECT_EQ(value(last, Feature::prev_log_words), value(middle, Feature::log_words));

  // The paragraph sees the short lines on both sides.
  EXPECT_EQ(value(middle, Feature::prev_log_words), value(first, Feature::log_words));
  EXPECT_EQ(value(middle, Feature::next_log_words), value(last, Feature::log_words));
  EXPECT_EQ(value(middle, Feature::prev_well_formed), 0.0f);
  EXPECT_EQ(value(middle, Feature::next_well_formed), 0.0f);

  // Window shares: both short lines have the paragraph as one of their two neighbours.
  EXPECT_FLOAT_EQ(value(first, Feature::window_well_formed), 0.5f);
  EXPECT_FLOAT_EQ(value(middle, Feature::window_well_formed), 0.0f);
  EXPECT_EQ(value(first, Feature::before_first_well_formed), 1.0f);
  EXPECT_EQ(value(last, Feature::after_last_well_formed), 1.0f);
  EXPECT_EQ(value(middle, Feature::before_first_well_formed), 0.0f);
  EXPECT_EQ(value(middle, Feature::after_last_well_formed), 0.0f);
}

TEST(ComputeFeatures, ExactlyOneWordCountBucket) {
  const Computed c = compute(segment_text("One\nTwo words\nFour words are here\n" + kParagraph + "\n"));
  const Feature buckets[] = {Feature::words_1,     Feature::words_2_3,   Feature::words_4_9,
                             Feature::words_10_19, Feature::words_20_49, Feature::words_50_plus};
  for (const FeatureVector& f : c.features) {
    float sum = 0;
    for (Feature b : buckets) sum += value(f, b);
    EXPECT_EQ(sum, 1.0f);
  }
  EXPECT_EQ(value(c.features[0], Feature::words_1), 1.0f);
  EXPECT_EQ(value(c.features[1], Feature::words_2_3), 1.0f);
  EXPECT_EQ(value(c.features[2], Feature::words_4_9), 1.0f);
  EXPECT_EQ(value(c.features[3], Feature::words_20_49), 1.0f);
}

TEST(ComputeFeatures, RuleStagesAndLexiconShowUp) {
  const Computed c = compute(segment_text("Harbour town votes to rebuild its pier | Coastal Herald\n"
                                          "Harbour town votes to rebuild its pier\n" +
                                          kParagraph + "\n" + kParagraph + "\n" + kParagraph2 + "\n" + kParagraph3 +
                                          "\nShare This\nRelated\n"
                                          "Council approves new cycle lanes on the seafront\nComments\nNice one\n"));
  ASSERT_EQ(c.features.size(), 11u);
  EXPECT_EQ(value(c.features[0], Feature::title_duplicate), 1.0f);
  EXPECT_EQ(value(c.features[1], Feature::title_duplicate), 0.0f);
  EXPECT_EQ(value(c.features[2], Feature::repeat), 0.0f);
  EXPECT_EQ(value(c.features[3], Feature::repeat), 1.0f);
  EXPECT_EQ(value(c.features[6], Feature::lex_prompt), 1.0f);
  EXPECT_EQ(value(c.features[7], Feature::lex_teaser_marker), 1.0f);
  EXPECT_EQ(value(c.features[8], Feature::teaser_item), 1.0f);
  EXPECT_EQ(value(c.features[9], Feature::lex_comments), 1.0f);
  EXPECT_EQ(value(c.features[0], Feature::relative_position), 0.0f);
  EXPECT_EQ(value(c.features[10], Feature::relative_position), 1.0f);
  EXPECT_EQ(value(c.features[0], Feature::in_first_tenth), 1.0f);
  EXPECT_EQ(value(c.features[10], Feature::in_last_tenth), 1.0f);
  // An article comes before the comments: what follows their heading is the comment section.
  EXPECT_EQ(value(c.features[8], Feature::after_comments), 0.0f);
  EXPECT_EQ(value(c.features[9], Feature::after_comments), 1.0f);
  EXPECT_EQ(value(c.features[10], Feature::after_comments), 1.0f);
}

TEST(ComputeFeatures, CommentsOfADiscussionPageAreNotAfterAnArticle) {
  // A forum thread: the posts under the heading are the page's content.
  const Computed c = compute(segment_text("Which ferry is best for bikes?\nComments\n" + kParagraph + "\n" +
                                          kParagraph2 + "\n" + kParagraph3 + "\n"));
  for (const FeatureVector& f : c.features) EXPECT_EQ(value(f, Feature::after_comments), 0.0f);
}

TEST(AddContextFeatures, FirstPassProbabilitiesAroundEachBlock) {
  Computed c = compute(segment_text("Menu\n" + kParagraph + "\n" + kParagraph2 + "\nBack to top\n"));
  ASSERT_EQ(c.features.size(), 4u);
  for (const FeatureVector& f : c.features) {
    for (std::size_t k = kFirstContextFeature; k < kFeatureCount; ++k) {
      EXPECT_EQ(f[k], 0.0f) << feature_name(static_cast<Feature>(k)) << " before add_context_features";
    }
  }
  const std::vector<float> first_pass = {0.1f, 0.9f, 0.8f, 0.2f};
  add_context_features(first_pass, c.features);
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_FLOAT_EQ(value(c.features[i], Feature::ctx_self), first_pass[i]);
    EXPECT_FLOAT_EQ(value(c.features[i], Feature::ctx_doc_mean), 0.5f);
  }
  EXPECT_FLOAT_EQ(value(c.features[0], Feature::ctx_prev1), 0.0f);
  EXPECT_FLOAT_EQ(value(c.features[0], Feature::ctx_next1), 0.9f);
  EXPECT_FLOAT_EQ(value(c.features[1], Feature::ctx_prev1), 0.1f);
  EXPECT_FLOAT_EQ(value(c.features[1], Feature::ctx_next1), 0.8f);
  EXPECT_FLOAT_EQ(value(c.features[3], Feature::ctx_next1), 0.0f);
  // The highest first-pass probability ranks top, the lowest bottom.
  EXPECT_FLOAT_EQ(value(c.features[1], Feature::ctx_rank), 1.0f);
  EXPECT_FLOAT_EQ(value(c.features[0], Feature::ctx_rank), 0.0f);
  // The features before the context ones are left alone.
  EXPECT_EQ(value(c.features[1], Feature::bias), 1.0f);
}

TEST(ComputeFeatures, TextBlocksHaveNoHtmlFeatures) {
  const Computed c = compute(segment_text(kParagraph + "\nMenu\n"));
  const Feature html_only[] = {Feature::tag_p,    Feature::tag_div,           Feature::link_density,
                               Feature::depth,    Feature::in_best_container, Feature::container_share,
                               Feature::own_nav,  Feature::anc_footer,        Feature::in_nav};
  for (const FeatureVector& f : c.features) {
    for (Feature feature : html_only) EXPECT_EQ(value(f, feature), 0.0f) << feature_name(feature);
  }
}

TEST(ComputeFeatures, HtmlContextShowsUp) {
  std::string html = "<body><nav><ul><li><a href=\"/\">Home</a></li></ul></nav><article>";
  for (int i = 0; i < 3; ++i) html += "<p>" + kParagraph + "</p>";
  html += "</article><footer class=\"site-footer\"><p>Contact</p></footer></body>";
  const Computed c = compute(segment_html(html));
  ASSERT_EQ(c.features.size(), 5u);
  const FeatureVector& nav = c.features[0];
  const FeatureVector& paragraph = c.features[1];
  const FeatureVector& footer = c.features[4];

  EXPECT_EQ(value(nav, Feature::tag_li), 1.0f);
  EXPECT_EQ(value(nav, Feature::in_nav), 1.0f);
  EXPECT_EQ(value(nav, Feature::in_list), 1.0f);
  EXPECT_EQ(value(nav, Feature::all_link), 1.0f);
  EXPECT_EQ(value(nav, Feature::link_density), 1.0f);
  EXPECT_EQ(value(nav, Feature::in_best_container), 0.0f);
  EXPECT_EQ(value(nav, Feature::next_in_best), 1.0f);

  EXPECT_EQ(value(paragraph, Feature::tag_p), 1.0f);
  EXPECT_EQ(value(paragraph, Feature::tag_li), 0.0f);
  EXPECT_EQ(value(paragraph, Feature::in_article), 1.0f);
  EXPECT_EQ(value(paragraph, Feature::in_best_container), 1.0f);
  EXPECT_EQ(value(paragraph, Feature::link_density), 0.0f);
  EXPECT_EQ(value(paragraph, Feature::prev_link_density), 1.0f);
  EXPECT_GT(value(paragraph, Feature::depth), 0.0f);

  EXPECT_EQ(value(footer, Feature::anc_footer), 1.0f);
  EXPECT_EQ(value(footer, Feature::in_footer), 1.0f);
  EXPECT_EQ(value(footer, Feature::own_footer), 0.0f);
  EXPECT_EQ(value(footer, Feature::prev_in_best), 1.0f);
}

}  // namespace
}  // namespace winnow
