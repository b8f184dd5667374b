// Tests of the decoder (decoder.h), with shapes and scores built by hand: the rules POLICY.md states
// drop a block whatever its score; the Viterbi pass keeps a weak block between strong ones when
// switching costs much, and not when switching is free; a repeat goes where an earlier copy was
// kept (drop_kept_repeats); the headline above the body and the agency credit closing it are kept;
// a page where nothing scores as content keeps its best blocks; captions, and in HTML blocks outside
// the body's part of the page, are never kept for their neighbours.
#include "decoder.h"

#include <gtest/gtest.h>

#include "lexicon.h"

#include <string>
#include <vector>

namespace winnow {
namespace {

BlockShape plain_shape(int words = 30, bool ends_sentence = true) {
  BlockShape s;
  s.words = words;
  s.ends_sentence = ends_sentence;
  return s;
}

// A shape the lexicon matched. Legal hits are strong ones ("©", a paywall) unless `weak_legal`.
BlockShape lexicon_shape(LexiconCategory category, int words, bool ends_sentence = false, int legal_hits = 0,
                         bool weak_legal = false) {
  BlockShape s = plain_shape(words, ends_sentence);
  s.lexicon.categories = 1u << static_cast<unsigned>(category);
  s.lexicon.legal_hits = legal_hits;
  s.lexicon.legal_strong = legal_hits > 0 && !weak_legal;
  return s;
}

// A block the lexicon found a date in, with `beside` words outside its dates.
BlockShape date_shape(int words, int beside, bool byline = false) {
  BlockShape s = lexicon_shape(LexiconCategory::kDate, words);
  s.lexicon.words_beside_date = beside;
  s.lexicon.date_beside_byline = byline;
  return s;
}

SectionModel decoder_model(float threshold, float switch_cost) {
  SectionModel m;
  m.threshold = threshold;
  m.switch_cost = switch_cost;
  return m;
}

struct Sequence {
  std::vector<BlockShape> shapes;
  std::vector<RepeatKind> repeats;
  std::vector<TeaserRole> teasers;
  std::vector<float> scores;

  void add(float score, BlockShape shape = plain_shape(), RepeatKind repeat = RepeatKind::kFirst,
           TeaserRole teaser = TeaserRole::kNone) {
    shapes.push_back(shape);
    repeats.push_back(repeat);
    teasers.push_back(teaser);
    scores.push_back(score);
  }
  std::vector<Decision> decode(float threshold, float switch_cost) const {
    return decode_blocks(shapes, rule_reasons(shapes, repeats, teasers), scores, decoder_model(threshold, switch_cost));
  }
};

// The rule for one block standing alone.
Reason rule_reason(const BlockShape& shape, RepeatKind repeat, TeaserRole teaser) {
  return rule_reasons({shape}, {repeat}, {teaser}).at(0);
}

std::string keeps(const std::vector<Decision>& decisions) {
  std::string out;
  for (const Decision& d : decisions) out += d.keep ? 'K' : '.';
  return out;
}

TEST(RuleReason, Table) {
  const struct {
    const char* name;
    BlockShape shape;
    RepeatKind repeat;
    TeaserRole teaser;
    Reason reason;
  } cases[] = {
      {"plain paragraph", plain_shape(), RepeatKind::kFirst, TeaserRole::kNone, Reason::kContent},
      {"pull quote", plain_shape(), RepeatKind::kContained, TeaserRole::kNone, Reason::kRepeat},
      // A plain repeat is left to drop_kept_repeats, which knows whether the first copy was kept.
      {"repeat", plain_shape(), RepeatKind::kRepeat, TeaserRole::kNone, Reason::kContent},
      {"title duplicate", plain_shape(8, false), RepeatKind::kTitleDuplicate, TeaserRole::kNone,
       Reason::kTitleDuplicate},
      {"teaser marker", plain_shape(2, false), RepeatKind::kFirst, TeaserRole::kMarker, Reason::kTeaserMarker},
      {"teaser item", plain_shape(25, true), RepeatKind::kFirst, TeaserRole::kItem, Reason::kTeaserItem},
      {"inline teaser", plain_shape(9, false), RepeatKind::kFirst, TeaserRole::kInline, Reason::kTeaserItem},
      {"short legal notice", lexicon_shape(LexiconCategory::kLegal, 8, true, 1), RepeatKind::kFirst,
       TeaserRole::kNone, Reason::kLegal},
      {"sentence with one weak legal word", lexicon_shape(LexiconCategory::kLegal, 8, true, 1, true),
       RepeatKind::kFirst, TeaserRole::kNone, Reason::kContent},
      {"footer link with one weak legal word", lexicon_shape(LexiconCategory::kLegal, 2, false, 1, true),
       RepeatKind::kFirst, TeaserRole::kNone, Reason::kLegal},
      {"long notice with several legal hits", lexicon_shape(LexiconCategory::kLegal, 120, true, 3),
       RepeatKind::kFirst, TeaserRole::kNone, Reason::kLegal},
      {"prompt", lexicon_shape(LexiconCategory::kPrompt, 4), RepeatKind::kFirst, TeaserRole::kNone, Reason::kPrompt},
      {"prompt ending in a full stop", lexicon_shape(LexiconCategory::kPrompt, 9, true), RepeatKind::kFirst,
       TeaserRole::kNone, Reason::kPrompt},
      {"bare url", lexicon_shape(LexiconCategory::kUrl, 6), RepeatKind::kFirst, TeaserRole::kNone, Reason::kUrl},
      {"source pointer", lexicon_shape(LexiconCategory::kSourcePointer, 2), RepeatKind::kFirst, TeaserRole::kNone,
       Reason::kSourcePointer},
      {"comments prompt", lexicon_shape(LexiconCategory::kComments, 3), RepeatKind::kFirst, TeaserRole::kNone,
       Reason::kComments},
      {"cookie banner", lexicon_shape(LexiconCategory::kCookie, 20, true), RepeatKind::kFirst, TeaserRole::kNone,
       Reason::kCookie},
      {"advert label", lexicon_shape(LexiconCategory::kAdvert, 1), RepeatKind::kFirst, TeaserRole::kNone,
       Reason::kAdvert},
      {"date line", date_shape(5, 3), RepeatKind::kFirst, TeaserRole::kNone, Reason::kDate},
      // A date inside a list item or a title is no date line.
      {"title holding a date", date_shape(9, 6), RepeatKind::kFirst, TeaserRole::kNone, Reason::kContent},
      {"post's meta line", date_shape(9, 6, true), RepeatKind::kFirst, TeaserRole::kNone, Reason::kDate},
      // Repeats are decided before the lexicon.
      {"pull quote wins over lexicon", lexicon_shape(LexiconCategory::kLegal, 8, true, 1), RepeatKind::kContained,
       TeaserRole::kNone, Reason::kRepeat},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(reason_name(rule_reason(c.shape, c.repeat, c.teaser)), reason_name(c.reason)) << c.name;
  }
}

TEST(DecodeBlocks, RulesDecideWhateverTheScore) {
  Sequence run;
  run.add(0.99f);
  run.add(0.99f, plain_shape(), RepeatKind::kContained);
  run.add(0.99f, plain_shape(8, false), RepeatKind::kTitleDuplicate);
  run.add(0.99f, plain_shape(2, false), RepeatKind::kFirst, TeaserRole::kMarker);
  run.add(0.99f, plain_shape(25), RepeatKind::kFirst, TeaserRole::kItem);
  run.add(0.99f, lexicon_shape(LexiconCategory::kLegal, 12, true, 1));
  run.add(0.99f, lexicon_shape(LexiconCategory::kPrompt, 3));
  run.add(0.99f, lexicon_shape(LexiconCategory::kUrl, 5));
  run.add(0.99f);
  for (float switch_cost : {0.0f, 1.0f, 10.0f}) {
    const std::vector<Decision> d = run.decode(0.5f, switch_cost);
    ASSERT_EQ(d.size(), 9u);
    EXPECT_EQ(keeps(d), "K.......K") << "switch cost " << switch_cost;
    const Reason reasons[] = {Reason::kContent,     Reason::kRepeat,     Reason::kTitleDuplicate,
                              Reason::kTeaserMarker, Reason::kTeaserItem, Reason::kLegal,
                              Reason::kPrompt,      Reason::kUrl,        Reason::kContent};
    for (std::size_t i = 0; i < d.size(); ++i) {
      EXPECT_EQ(reason_name(d[i].reason), reason_name(reasons[i])) << i;
      EXPECT_EQ(d[i].score, run.scores[i]) << "the decision keeps the classifier's score";
    }
  }
}

TEST(DecodeBlocks, WeakBlockBetweenStrongOnes) {
  Sequence run;  // the weak block scores below the gap rule's floor: only the switch cost holds it
  for (float score : {0.95f, 0.95f, 0.1f, 0.95f, 0.95f}) run.add(score);

  const std::vector<Decision> sticky = run.decode(0.5f, 5.0f);
  EXPECT_EQ(keeps(sticky), "KKKKK");
  EXPECT_EQ(sticky[2].reason, Reason::kContextKeep);
  EXPECT_EQ(sticky[1].reason, Reason::kContent);

  const std::vector<Decision> free = run.decode(0.5f, 0.0f);
  EXPECT_EQ(keeps(free), "KK.KK");
  EXPECT_EQ(free[2].reason, Reason::kBoilerplate);
}

// A caption between two paragraphs is kept only on its own score: the sequence that holds a weak
// plain block there does not hold a weak caption; a caption that scores as content stays.
TEST(DecodeBlocks, CaptionsAreNotKeptForTheirNeighbours) {
  BlockShape caption = plain_shape(8, false);
  caption.in_caption = true;
  Sequence run;
  run.add(0.95f);
  run.add(0.3f, caption);
  run.add(0.95f);
  run.add(0.3f);
  run.add(0.95f);
  run.add(0.8f, caption);
  run.add(0.95f);
  const std::vector<Decision> decisions = run.decode(0.5f, 5.0f);
  EXPECT_EQ(keeps(decisions), "K.KKKKK");
  EXPECT_EQ(decisions[1].reason, Reason::kCaption);
  EXPECT_EQ(decisions[3].reason, Reason::kContextKeep);
  EXPECT_EQ(decisions[5].reason, Reason::kContent);
}

// In HTML, a weak block is held by its neighbours only inside the part of the page that holds the
// body: one whose container has little of the page's prose (an embedded tweet, a sidebar box that
// the page's order puts between two paragraphs) goes. Plain-text lines have no containers.
TEST(DecodeBlocks, InHtmlOnlyBlocksInTheBodysPartAreKeptForTheirNeighbours) {
  const struct {
    BlockTag tag;
    float container_share;
    const char* keeps;
    Reason middle;
  } cases[] = {
      {BlockTag::kP, 0.9f, "KKK", Reason::kContextKeep},  {BlockTag::kP, 0.2f, "KKK", Reason::kContextKeep},
      {BlockTag::kDiv, 0.05f, "K.K", Reason::kBoilerplate}, {BlockTag::kP, 0.0f, "K.K", Reason::kBoilerplate},
      {BlockTag::kLine, 0.0f, "KKK", Reason::kContextKeep},
  };
  for (const auto& c : cases) {
    BlockShape paragraph = plain_shape();
    paragraph.tag = c.tag == BlockTag::kLine ? BlockTag::kLine : BlockTag::kP;
    paragraph.container_share = 0.9f;
    BlockShape weak = plain_shape(6, false);
    weak.tag = c.tag;
    weak.container_share = c.container_share;
    Sequence run;
    run.add(0.95f, paragraph);
    run.add(0.3f, weak);
    run.add(0.95f, paragraph);
    const std::vector<Decision> d = run.decode(0.5f, 5.0f);
    EXPECT_EQ(keeps(d), c.keeps) << static_cast<int>(c.tag) << " " << c.container_share;
    EXPECT_EQ(d[1].reason, c.middle) << static_cast<int>(c.tag) << " " << c.container_share;
  }
}

TEST(DecodeBlocks, StrongBlockInClutter) {
  // A content run, then clutter with one block that scores high on its own.
  Sequence run;
  for (float score : {0.95f, 0.95f, 0.05f, 0.05f, 0.7f, 0.05f, 0.05f}) run.add(score);

  const std::vector<Decision> sticky = run.decode(0.5f, 5.0f);
  EXPECT_EQ(keeps(sticky), "KK.....");
  EXPECT_EQ(sticky[4].reason, Reason::kContextDrop);
  EXPECT_EQ(sticky[2].reason, Reason::kBoilerplate);

  const std::vector<Decision> free = run.decode(0.5f, 0.0f);
  EXPECT_EQ(keeps(free), "KK..K..");
  EXPECT_EQ(free[4].reason, Reason::kContent);
}

TEST(DecodeBlocks, RuleDroppedBlocksAreTransparent) {
  // The repeat and the prompt between the paragraphs do not break their run: the weak block is
  // still held by its content neighbours.
  Sequence run;
  run.add(0.95f);
  run.add(0.95f);
  run.add(0.01f, plain_shape(), RepeatKind::kContained);
  run.add(0.1f);  // too weak for the gap rule below: only the switch cost can hold it
  run.add(0.01f, lexicon_shape(LexiconCategory::kPrompt, 3));
  run.add(0.95f);
  run.add(0.95f);
  EXPECT_EQ(keeps(run.decode(0.5f, 5.0f)), "KK.K.KK");
  EXPECT_EQ(keeps(run.decode(0.5f, 0.0f)), "KK...KK");
}

// A short gap of weak (not hopeless) blocks inside a content run is kept even without a switch
// cost: a recipe's "Cook time / 40 minutes"; a longer gap, or one with a hopeless block, is not.
TEST(DecodeBlocks, ShortGapsOfWeakBlocksInsideARunAreKept) {
  Sequence short_gap;
  short_gap.add(0.95f);
  for (int i = 0; i < 5; ++i) short_gap.add(0.3f);
  short_gap.add(0.95f);
  const std::vector<Decision> kept = short_gap.decode(0.5f, 0.0f);
  EXPECT_EQ(keeps(kept), "KKKKKKK");
  EXPECT_EQ(kept[3].reason, Reason::kContextKeep);

  Sequence long_gap;
  long_gap.add(0.95f);
  for (int i = 0; i < 6; ++i) long_gap.add(0.3f);
  long_gap.add(0.95f);
  EXPECT_EQ(keeps(long_gap.decode(0.5f, 0.0f)), "K......K");

  Sequence hopeless;
  hopeless.add(0.95f);
  hopeless.add(0.3f);
  hopeless.add(0.05f);
  hopeless.add(0.95f);
  EXPECT_EQ(keeps(hopeless.decode(0.5f, 0.0f)), "K..K");

  Sequence at_the_end;  // not inside: nothing after it holds the run
  at_the_end.add(0.95f);
  at_the_end.add(0.3f);
  EXPECT_EQ(keeps(at_the_end.decode(0.5f, 0.0f)), "K.");
}

TEST(DecodeBlocks, ThresholdDecidesABlockAlone) {
  Sequence run;
  run.add(0.95f);
  run.add(0.6f);
  EXPECT_TRUE(run.decode(0.5f, 0.0f)[1].keep);
  EXPECT_EQ(run.decode(0.5f, 0.0f)[1].reason, Reason::kContent);
  EXPECT_FALSE(run.decode(0.7f, 0.0f)[1].keep);
  EXPECT_EQ(run.decode(0.7f, 0.0f)[1].reason, Reason::kBoilerplate);
}

// A page where nothing scores as content still gives its best blocks rather than nothing.
TEST(DecodeBlocks, BestOfPageWhenNothingScoresAsContent) {
  Sequence run;
  run.add(0.2f);
  run.add(0.01f);
  run.add(0.99f, lexicon_shape(LexiconCategory::kPrompt, 2));  // rules still decide
  run.add(0.3f);
  const std::vector<Decision> d = run.decode(0.5f, 1.0f);
  EXPECT_TRUE(d[3].keep);
  EXPECT_EQ(d[3].reason, Reason::kBestOfPage);
  EXPECT_FALSE(d[1].keep);
  EXPECT_FALSE(d[2].keep);
  EXPECT_EQ(d[2].reason, Reason::kPrompt);
}

TEST(DecodeBlocks, ExtremeScoresAndEmptyInput) {
  EXPECT_TRUE(Sequence{}.decode(0.5f, 1.0f).empty());
  Sequence run;
  run.add(0.0f);
  run.add(1.0f);
  const std::vector<Decision> d = run.decode(0.5f, 0.0f);
  EXPECT_EQ(keeps(d), ".K");
}

TEST(DecodeBlocks, OnlyRuleDecidedBlocks) {
  Sequence run;
  run.add(0.9f, plain_shape(), RepeatKind::kContained);
  run.add(0.9f, lexicon_shape(LexiconCategory::kPrompt, 2));
  EXPECT_EQ(keeps(run.decode(0.5f, 1.0f)), "..");
}

Reason rule_for_text(std::string_view text) {
  return rule_reason(shape_block(Block{std::string(text), {}}, Lexicon::instance()), RepeatKind::kFirst,
                     TeaserRole::kNone);
}

// Body sentences that mention a trigger word ("share", "comments", a date, a picture) are body text:
// no rule may drop them; the classifier decides.
TEST(RuleReason, BodySentencesAreLeftToTheClassifier) {
  const char* sentences[] = {
      "She said the ferry company had promised to share more details on Monday.",
      "Fishermen said they would join the protest at the harbour on Saturday.",
      "The mayor (pictured above, left) shook hands with the head of the ferry company.",
      "Police said the video was recorded on March 6, 2024.",
      "By Friday, the ferry was running again.",
      "Comments from residents were mostly positive.",
      "More than 200 people came.",
      "Home is where the harbour is, she said.",
      "Source documents seen by the Coastal Herald show the contract was signed in May.",
      "(Reporting by Ann Lee; additional reporting by Tom Reed; Editing by Mia Holt)",
  };
  for (const char* sentence : sentences) {
    EXPECT_EQ(std::string(reason_name(rule_for_text(sentence))), "content") << sentence;
  }
}

TEST(RuleReason, BodySentencesWithLegalOrPromptWordsAreLeftToTheClassifier) {
  const char* sentences[] = {
      "The band sued the label for copyright infringement last year.",
      "The company changed its privacy policy after the fine, regulators said.",
      "Terms and conditions of the grant were published on Monday.",
      "The council's newsletter reported the vote on Thursday.",
      "Residents would like us to rebuild the pier before the summer, the mayor said.",
      "Follow the money, the auditor told the council on Tuesday.",
      "Share prices rose.",
  };
  for (const char* sentence : sentences) {
    EXPECT_EQ(std::string(reason_name(rule_for_text(sentence))), "content") << sentence;
  }
}

BlockShape hashed_shape(std::uint64_t hash, int words = 30) {
  BlockShape s = plain_shape(words);
  s.hash = hash;
  return s;
}

TEST(DropKeptRepeats, DropsOnlyWhereAnEarlierCopyWasKept) {
  const std::vector<BlockShape> shapes = {hashed_shape(1), hashed_shape(2), hashed_shape(1), hashed_shape(2),
                                          hashed_shape(3), hashed_shape(1)};
  std::vector<Decision> decisions(shapes.size());
  for (Decision& d : decisions) d = Decision{true, 0.9f, Reason::kContent};
  decisions[1] = Decision{false, 0.1f, Reason::kBoilerplate};  // the first copy of 2 was dropped
  RepeatTracker kept;
  drop_kept_repeats(shapes, 0, shapes.size(), kept, decisions);
  EXPECT_EQ(keeps(decisions), "K..KK.");
  EXPECT_TRUE(decisions[0].keep);
  EXPECT_FALSE(decisions[2].keep);
  EXPECT_EQ(decisions[2].reason, Reason::kRepeat);
  EXPECT_TRUE(decisions[3].keep) << "the first kept copy of a text stays, even if a dropped copy came before";
  EXPECT_TRUE(decisions[4].keep);
  EXPECT_FALSE(decisions[5].keep);
  EXPECT_EQ(decisions[5].reason, Reason::kRepeat);
}

TEST(DropKeptRepeats, RemembersAcrossCallsAndSkipsWordlessBlocks) {
  const std::vector<BlockShape> shapes = {hashed_shape(7), hashed_shape(9, 0), hashed_shape(7), hashed_shape(9, 0)};
  std::vector<Decision> decisions(shapes.size(), Decision{true, 0.9f, Reason::kContent});
  RepeatTracker kept;
  drop_kept_repeats(shapes, 0, 2, kept, decisions);  // one window...
  drop_kept_repeats(shapes, 2, 4, kept, decisions);  // ... and the next
  EXPECT_EQ(keeps(decisions), "KK.K");
  EXPECT_EQ(decisions[2].reason, Reason::kRepeat);
}

// A headline-shaped block that scored low, right above the first kept paragraph, is kept.
TEST(DecodeBlocks, HeadlineAboveTheBodyIsKept) {
  BlockShape paragraph = plain_shape(40);
  paragraph.well_formed = true;
  paragraph.sentences = 2;
  BlockShape headline = plain_shape(8, false);
  Sequence run;
  run.add(0.05f, lexicon_shape(LexiconCategory::kNavigation, 1));  // "Home"
  run.add(0.2f, headline);
  run.add(0.05f, lexicon_shape(LexiconCategory::kByline, 3));  // "By Ann Lee", stepped over
  run.add(0.95f, paragraph);
  run.add(0.95f, paragraph);
  const std::vector<Decision> d = run.decode(0.5f, 0.0f);
  EXPECT_EQ(keeps(d), ".K.KK");
  EXPECT_EQ(d[1].reason, Reason::kHeadline);
}

// In HTML, the block made the headline must be a heading: a paragraph or div shaped like one (an
// author's name, "The current issue") stays dropped. Plain-text lines have no tags and still can.
TEST(DecodeBlocks, InHtmlOnlyAHeadingBecomesTheHeadline) {
  BlockShape paragraph = plain_shape(40);
  paragraph.well_formed = true;
  paragraph.sentences = 2;
  paragraph.tag = BlockTag::kP;
  const struct {
    BlockTag tag;
    const char* keeps;
  } cases[] = {
      {BlockTag::kH1, "KKK"}, {BlockTag::kHeading, "KKK"}, {BlockTag::kLine, "KKK"},
      {BlockTag::kP, ".KK"},  {BlockTag::kDiv, ".KK"},     {BlockTag::kLi, ".KK"},
  };
  for (const auto& c : cases) {
    BlockShape headline = plain_shape(2, false);  // "Mark Lavin"
    headline.tag = c.tag;
    Sequence run;
    run.add(0.2f, headline);
    run.add(0.95f, paragraph);
    run.add(0.95f, paragraph);
    EXPECT_EQ(keeps(run.decode(0.5f, 0.0f)), c.keeps) << static_cast<int>(c.tag);
  }
}

// Short lines kept above the headline go (site names, section labels), unless the model is sure of
// them: a subheading or a line of the standfirst the layout put above the headline stays.
TEST(DecodeBlocks, ShortLinesAboveTheHeadlineGoUnlessTheModelIsSure) {
  BlockShape paragraph = plain_shape(40);
  paragraph.well_formed = true;
  paragraph.sentences = 2;
  BlockShape headline = plain_shape(8, false);
  BlockShape label = plain_shape(2, false);
  Sequence run;
  run.add(0.7f, label);   // "Markets": kept by the model, dropped above the headline
  run.add(0.95f, label);  // the model is sure: stays
  run.add(0.1f, headline);
  run.add(0.95f, paragraph);
  run.add(0.95f, paragraph);
  const std::vector<Decision> d = run.decode(0.5f, 0.0f);
  EXPECT_EQ(keeps(d), ".KKKK");
  EXPECT_EQ(d[0].reason, Reason::kNavigation);
  EXPECT_EQ(d[2].reason, Reason::kHeadline);
}

// Only a masthead goes: when more short lines than a masthead holds were kept above the first
// paragraph, they are the page's content (a list of links, a directory) and all stay.
TEST(DecodeBlocks, ShortLinesAboveTheHeadlineGoOnlyWhenFewAsAMasthead) {
  BlockShape paragraph = plain_shape(40);
  paragraph.well_formed = true;
  paragraph.sentences = 2;
  const BlockShape title = plain_shape(4, false);  // "Some Interesting Web Sites", a link's title
  // The last title stands right above the paragraph and is the headline; the masthead is the
  // lines above it.
  const struct {
    int lines;
    std::string keeps;
  } cases[] = {
      {1, "KKK"}, {3, "..KKK"}, {5, "....KKK"}, {6, "KKKKKKKK"}, {30, std::string(32, 'K')},
  };
  for (const auto& c : cases) {
    Sequence run;
    for (int k = 0; k < c.lines; ++k) run.add(0.7f, title);
    run.add(0.95f, paragraph);
    run.add(0.95f, paragraph);
    EXPECT_EQ(keeps(run.decode(0.5f, 0.0f)), c.keeps) << c.lines << " lines";
  }
}

// "(Reporting by ...; Editing by ...)" after a kept paragraph is part of the story (POLICY.md).
TEST(DecodeBlocks, AgencyCreditAfterKeptBodyIsKept) {
  BlockShape paragraph = plain_shape(40);
  paragraph.well_formed = true;
  Sequence run;
  run.add(0.95f, paragraph);
  run.add(0.95f, paragraph);
  run.add(0.1f, lexicon_shape(LexiconCategory::kCredit, 9, true));
  const std::vector<Decision> d = run.decode(0.5f, 0.0f);
  EXPECT_EQ(keeps(d), "KKK");
}

}  // namespace
}  // namespace winnow
