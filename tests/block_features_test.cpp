// Tests of features (block_features.h): names are unique identifiers, every block gets the values
// its shape and context imply, and the neighbour features read the blocks before and after.
#include "block_features.h"

#include <gtest/gtest.h>

#include <cctype>
#include <cmath>
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

// Hand-built blocks whose word and stopword counts are easy to check (stopwords.cpp):
//   kCat    11 words, 5 stopwords (the, on, the, and, the), well-formed
//   kBoat   12 words, 5 stopwords (the, the, at, and, the), well-formed
//   kGulls  11 words, 5 stopwords (the, the, and, the, them), well-formed
//   kColours 8 words, no stopword, no sentence: prose length but not well-formed
const std::string kCat = "The cat sat on the mat and the dog ran off.";
const std::string kBoat = "The boat left the port at dawn and the crew sang loudly.";
const std::string kGulls = "The gulls circled the boats and the fishermen threw them scraps.";
const std::string kColours = "red green blue cyan pink gold grey teal";

// The features' log scale, from its definition in block_features.cpp: log1p(n) / 6.
double scaled_log(int n) { return std::log1p(static_cast<double>(n)) / 6.0; }

constexpr double kTolerance = 1e-6;

Document text_document(const std::vector<std::string>& lines) {
  Document doc;
  for (const std::string& line : lines) doc.blocks.push_back(Block{line, {}});
  return doc;
}

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

TEST(ComputeFeatures, PageRelativeFeatures) {
  const Computed c = compute(text_document({"Menu", kCat, kColours, kBoat, "Share This"}));
  ASSERT_EQ(c.features.size(), 5u);
  // The counts the expected values below are worked out from.
  const int words[] = {1, 11, 8, 12, 2};
  const bool well_formed[] = {false, true, false, true, false};
  const double stopword_ratio[] = {0.0, 5.0 / 11, 0.0, 5.0 / 12, 1.0 / 2};
  for (std::size_t i = 0; i < 5; ++i) {
    ASSERT_EQ(c.shapes[i].words, words[i]) << i;
    ASSERT_EQ(c.shapes[i].well_formed, well_formed[i]) << i;
    ASSERT_NEAR(c.shapes[i].stopword_ratio, stopword_ratio[i], kTolerance) << i;
  }
  // 34 words, 23 of them in the two well-formed blocks. The page's stopword ratio is taken over the
  // blocks of at least 8 words: (5 + 0 + 5) / (11 + 8 + 12).
  const double page_stopwords = 10.0 / 31;
  const double mean_log_words =
      (scaled_log(1) + scaled_log(11) + scaled_log(8) + scaled_log(12) + scaled_log(2)) / 5;
  const double words_before_share[] = {0.0, 0.0, 11.0 / 23, 11.0 / 23, 1.0};
  const double prev2[] = {0.0, 0.0, scaled_log(1), scaled_log(11), scaled_log(8)};
  const double next2[] = {scaled_log(8), scaled_log(12), scaled_log(2), 0.0, 0.0};
  for (std::size_t i = 0; i < 5; ++i) {
    const FeatureVector& f = c.features[i];
    EXPECT_NEAR(value(f, Feature::page_log_blocks), scaled_log(5), kTolerance) << i;
    EXPECT_NEAR(value(f, Feature::page_well_formed_share), 23.0 / 34, kTolerance) << i;
    EXPECT_NEAR(value(f, Feature::rel_stopword_ratio), stopword_ratio[i] - page_stopwords, kTolerance) << i;
    EXPECT_NEAR(value(f, Feature::rel_log_words), scaled_log(words[i]) - mean_log_words, kTolerance) << i;
    EXPECT_NEAR(value(f, Feature::words_before_share), words_before_share[i], kTolerance) << i;
    EXPECT_NEAR(value(f, Feature::prev2_log_words), prev2[i], kTolerance) << i;
    EXPECT_NEAR(value(f, Feature::next2_log_words), next2[i], kTolerance) << i;
  }
}

TEST(ComputeFeatures, PageRelativeFeaturesOfAPageWithoutProse) {
  // No well-formed block and no block of 8 words: the page figures are zero, not a division by zero.
  // "|" has no word at all.
  const Computed c = compute(text_document({"Share This", "|", "Menu"}));
  ASSERT_EQ(c.features.size(), 3u);
  ASSERT_EQ(c.shapes[1].words, 0);
  const double mean_log_words = (scaled_log(2) + scaled_log(0) + scaled_log(1)) / 3;
  for (const FeatureVector& f : c.features) {
    EXPECT_EQ(value(f, Feature::page_well_formed_share), 0.0f);
    EXPECT_EQ(value(f, Feature::words_before_share), 0.0f);
    EXPECT_NEAR(value(f, Feature::page_log_blocks), scaled_log(3), kTolerance);
  }
  // With no prose on the page the block's own stopword ratio stands; a block without words has none.
  EXPECT_NEAR(value(c.features[0], Feature::rel_stopword_ratio), 0.5, kTolerance);
  EXPECT_EQ(value(c.features[1], Feature::rel_stopword_ratio), 0.0f);
  EXPECT_EQ(value(c.features[2], Feature::rel_stopword_ratio), 0.0f);
  EXPECT_NEAR(value(c.features[1], Feature::rel_log_words), -mean_log_words, kTolerance);
  // Neighbours two blocks away exist only for the first and last block.
  EXPECT_NEAR(value(c.features[0], Feature::next2_log_words), scaled_log(1), kTolerance);
  EXPECT_EQ(value(c.features[1], Feature::next2_log_words), 0.0f);
  EXPECT_EQ(value(c.features[1], Feature::prev2_log_words), 0.0f);
  EXPECT_NEAR(value(c.features[2], Feature::prev2_log_words), scaled_log(2), kTolerance);
}

TEST(ComputeFeatures, NearTeaserMarkerFallsWithDistanceFromTheLastMarker) {
  const Computed c = compute(text_document({kCat, "Related", "Council approves new cycle lanes",
                                            "Ferry fares to rise in spring", "Harbour festival returns",
                                            "More stories", "Storm damages the old lighthouse"}));
  ASSERT_EQ(c.features.size(), 7u);
  const bool marker[] = {false, true, false, false, false, true, false};
  for (std::size_t i = 0; i < 7; ++i) ASSERT_EQ(c.shapes[i].lexicon.has(LexiconCategory::kTeaserMarker), marker[i]) << i;
  // 1 / distance to the nearest marker above; 0 above the first marker and on a marker itself.
  const double expected[] = {0.0, 0.0, 1.0, 1.0 / 2, 1.0 / 3, 0.0, 1.0};
  for (std::size_t i = 0; i < 7; ++i) {
    EXPECT_NEAR(value(c.features[i], Feature::near_teaser_marker), expected[i], kTolerance) << i;
  }
}

TEST(ComputeFeatures, CommentsAfterWordsIsTheArticleAboveTheCommentSection) {
  // A comment count in the byline opens nothing (no article above it yet); "Leave a Reply" after
  // 11 + 12 + 11 = 34 words of article does.
  const Computed c =
      compute(text_document({"3 Comments", kCat, kBoat, kGulls, "Leave a Reply", "Nice one, thanks"}));
  ASSERT_EQ(c.features.size(), 6u);
  ASSERT_TRUE(c.shapes[0].lexicon.has(LexiconCategory::kCommentSection));
  ASSERT_TRUE(c.shapes[4].lexicon.has(LexiconCategory::kCommentSection));
  ASSERT_TRUE(c.shapes[1].well_formed && c.shapes[2].well_formed && c.shapes[3].well_formed);
  ASSERT_EQ(c.shapes[3].words, 11);
  const double expected[] = {0.0, 0.0, 0.0, 0.0, scaled_log(34), scaled_log(34)};
  for (std::size_t i = 0; i < 6; ++i) {
    EXPECT_NEAR(value(c.features[i], Feature::comments_after_words), expected[i], kTolerance) << i;
    EXPECT_EQ(value(c.features[i], Feature::after_comments), i >= 4 ? 1.0f : 0.0f) << i;
  }
  // Under a short post (a thread) there is no comment section, so nothing is counted.
  const Computed thread = compute(text_document({"Which ferry is best for bikes?", "3 Comments", kCat, kBoat}));
  for (const FeatureVector& f : thread.features) EXPECT_EQ(value(f, Feature::comments_after_words), 0.0f);
}

TEST(ComputeFeatures, ThreadStartsWhereThreePostHeadersAlternateWithPosts) {
  // An article, then a comment thread without any heading: date lines, each above a reply.
  // The byline and date above the article sit together (no post between them), so they count as
  // one header; the thread starts at the first of three headers that each follow a post.
  const Computed c = compute(text_document({"By Anna Berg", "March 3, 2021", kCat, kBoat, kGulls,
                                            "on 25 Oct 2012 at 7:20 pm Tim", "Nice one, thanks for this.",
                                            "on 25 Oct 2012 at 7:25 pm Audrey", "I had to look up the harbour.",
                                            "on 25 Oct 2012 at 7:43 pm David", "Me too."}));
  ASSERT_EQ(c.features.size(), 11u);
  const bool header[] = {true, true, false, false, false, true, false, true, false, true, false};
  for (std::size_t i = 0; i < 11; ++i) {
    const BlockShape& s = c.shapes[i];
    ASSERT_EQ(s.lexicon.has(LexiconCategory::kDate) || s.lexicon.has(LexiconCategory::kByline), header[i]) << i;
  }
  // 11 + 12 + 11 = 34 well-formed words of article above the thread.
  for (std::size_t i = 0; i < 11; ++i) {
    const FeatureVector& f = c.features[i];
    EXPECT_EQ(value(f, Feature::after_thread_start), i >= 5 ? 1.0f : 0.0f) << i;
    EXPECT_NEAR(value(f, Feature::thread_after_words), i >= 5 ? scaled_log(34) : 0.0, kTolerance) << i;
  }
  // Headers within 8 blocks either side, not counting the block itself, over 8.
  EXPECT_NEAR(value(c.features[0], Feature::thread_markers_near), 3.0 / 8, kTolerance);  // 1, 5 and 7
  EXPECT_NEAR(value(c.features[6], Feature::thread_markers_near), 5.0 / 8, kTolerance);  // all five
  EXPECT_NEAR(value(c.features[9], Feature::thread_markers_near), 3.0 / 8, kTolerance);  // 1, 5 and 7

  // Two headers are a byline and an update line, not a rhythm: no thread.
  const Computed article = compute(text_document({"By Anna Berg", kCat, kBoat, "Updated March 4, 2021", kGulls}));
  for (const FeatureVector& f : article.features) EXPECT_EQ(value(f, Feature::after_thread_start), 0.0f);
}

TEST(ComputeFeatures, PathFeaturesCountTheBlocksOfOneStructure) {
  // Hand-set paths and link characters: two menu items (path 7, all or mostly link), two
  // paragraphs (path 9), one share line (path 11).
  auto block = [](std::string text, std::uint64_t path, std::uint32_t link_chars) {
    Block b{std::move(text), {}};
    b.html.path_hash = path;
    b.html.link_chars = link_chars;
    return b;
  };
  Document doc;
  doc.is_html = true;
  doc.blocks = {block("Home", 7, 4), block("About us", 7, 7), block(kCat, 9, 0), block(kBoat, 9, 0),
                block("Share This", 11, 0)};
  const Computed c = compute(doc);
  ASSERT_EQ(c.features.size(), 5u);
  // 1 + 2 + 11 + 12 + 2 = 28 words; path 7 holds 3 of them, path 9 the 23 well-formed ones.
  const double log_blocks[] = {scaled_log(2), scaled_log(2), scaled_log(2), scaled_log(2), scaled_log(1)};
  const double well_formed[] = {0, 0, 1, 1, 0};
  const double words_share[] = {3.0 / 28, 3.0 / 28, 23.0 / 28, 23.0 / 28, 2.0 / 28};
  // Link density is link characters over all characters (spaces included), so "About us" is 7/8;
  // the page's is the link characters of all blocks over all their characters.
  const double chars = 4 + 8 + kCat.size() + kBoat.size() + 10;
  const double page_links = (4 + 7) / chars;
  const double link_density[] = {1.0, 7.0 / 8, 0, 0, 0};
  for (std::size_t i = 0; i < 5; ++i) {
    const FeatureVector& f = c.features[i];
    ASSERT_NEAR(c.shapes[i].link_density, link_density[i], kTolerance) << i;
    EXPECT_NEAR(value(f, Feature::path_log_blocks), log_blocks[i], kTolerance) << i;
    EXPECT_NEAR(value(f, Feature::path_well_formed), well_formed[i], kTolerance) << i;
    EXPECT_NEAR(value(f, Feature::path_words_share), words_share[i], kTolerance) << i;
    EXPECT_NEAR(value(f, Feature::rel_link_density), link_density[i] - page_links, kTolerance) << i;
  }
}

TEST(ComputeFeatures, PathFeaturesFromSegmentedHtml) {
  const Computed c = compute(segment_html(
      "<body><ul class=\"menu\"><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li>"
      "<li><a href=\"/sport\">Sport</a></li></ul><article><p>" + kCat + "</p><p>" + kBoat + "</p></article></body>"));
  ASSERT_EQ(c.features.size(), 5u);
  // 3 one-word menu items and 11 + 12 words of article: 26 words.
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_NEAR(value(c.features[i], Feature::path_log_blocks), scaled_log(3), kTolerance) << i;
    EXPECT_EQ(value(c.features[i], Feature::path_well_formed), 0.0f) << i;
    EXPECT_NEAR(value(c.features[i], Feature::path_words_share), 3.0 / 26, kTolerance) << i;
    EXPECT_GT(value(c.features[i], Feature::rel_link_density), 0.0f) << i;
  }
  for (std::size_t i = 3; i < 5; ++i) {
    EXPECT_NEAR(value(c.features[i], Feature::path_log_blocks), scaled_log(2), kTolerance) << i;
    EXPECT_EQ(value(c.features[i], Feature::path_well_formed), 1.0f) << i;
    EXPECT_NEAR(value(c.features[i], Feature::path_words_share), 23.0 / 26, kTolerance) << i;
    EXPECT_LT(value(c.features[i], Feature::rel_link_density), 0.0f) << i;
  }
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
  const Feature html_only[] = {Feature::tag_p,           Feature::tag_div,          Feature::link_density,
                               Feature::depth,           Feature::in_best_container, Feature::container_share,
                               Feature::own_nav,         Feature::anc_footer,       Feature::in_nav,
                               Feature::path_log_blocks, Feature::path_well_formed, Feature::path_words_share,
                               Feature::rel_link_density};
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
