// Tests of the pipeline (pipeline.h and the public API of winnow.h): TextStream gives exactly what
// clean() gives for any split of the input; kept_text has POLICY.md's output form; and on pages
// whose outcome is clear-cut (rules decide, or the content is overwhelming) the decisions are right.
#include "pipeline.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "test_support.h"
#include "utf8.h"
#include "winnow/winnow.h"

namespace winnow {
namespace {

std::vector<BlockResult> stream_blocks(std::string_view text, const std::vector<std::size_t>& cuts,
                                       const CleanOptions& options = {}) {
  std::vector<BlockResult> out;
  TextStream stream(options, [&out](const BlockResult& block) { out.push_back(block); });
  std::size_t at = 0;
  for (std::size_t cut : cuts) {
    stream.push(text.substr(at, cut - at));
    at = cut;
  }
  stream.push(text.substr(at));
  stream.finish();
  return out;
}

CleanResult clean_text(std::string_view text) {
  CleanOptions options;
  options.kind = InputKind::kText;
  return clean(text, options);
}

void expect_same_blocks(const std::vector<BlockResult>& a, const std::vector<BlockResult>& b, const std::string& what) {
  ASSERT_EQ(a.size(), b.size()) << what;
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].text, b[i].text) << what << " block " << i;
    EXPECT_EQ(a[i].keep, b[i].keep) << what << " block " << i;
    EXPECT_EQ(a[i].reason, b[i].reason) << what << " block " << i;
    EXPECT_FLOAT_EQ(a[i].score, b[i].score) << what << " block " << i;
  }
}

// A model that scores every block alike: content when `margin` is high, boilerplate when low.
// With it, only the rules decide.
Model constant_model(float margin) {
  Model m = default_model();
  for (SectionModel* section : {&m.text, &m.html}) {
    section->first_pass = constant_ensemble(margin);
    section->second_pass = constant_ensemble(margin);
  }
  return m;
}

const BlockResult* find_block(const CleanResult& result, std::string_view text) {
  for (const BlockResult& block : result.blocks) {
    if (block.text == text) return &block;
  }
  return nullptr;
}

// Invented body paragraphs: long, well-formed, unmistakably the piece a reader came for.
const std::string kParagraphs[] = {
    "The harbour council in Port Ellery voted on Thursday to rebuild the town's old wooden pier, ending a dispute "
    "that had divided residents for almost three years and had twice reached the regional court.",
    "Councillors said the new pier would cost about four million pounds, most of it paid for by a grant from the "
    "regional government, and that the work would be finished before the start of the summer season.",
    "At the harbour on Friday morning, fishermen said the decision had come just in time, because two of the old "
    "supports had cracked during the winter storms and the council had closed the end of the pier to the public.",
    "The council will publish the builder's plans next month, and residents will have six weeks to comment on them "
    "before work begins in the autumn, when the last of the island ferries has stopped running for the year.",
    "Local shop owners, who had campaigned for the rebuilding since the first storm damage, said they expected more "
    "visitors to return to the seafront once the pier was open again from one end to the other.",
};

TEST(TextStream, SeedsInRandomChunksEqualClean) {
  std::mt19937 random(7);
  for (const auto& path : testing::seed_paths()) {
    const std::string text = testing::read_whole_file(path);
    const CleanResult whole = clean_text(text);
    ASSERT_FALSE(whole.blocks.empty()) << path;
    expect_same_blocks(stream_blocks(text, {}), whole.blocks, path.filename().string() + " in one push");
    for (int round = 0; round < 10; ++round) {
      std::vector<std::size_t> cuts;
      std::uniform_int_distribution<std::size_t> step(1, round < 5 ? 16 : 2000);
      for (std::size_t at = step(random); at < text.size(); at += step(random)) cuts.push_back(at);
      expect_same_blocks(stream_blocks(text, cuts), whole.blocks,
                         path.filename().string() + " round " + std::to_string(round));
    }
  }
}

TEST(TextStream, CrLfInputSplitAtEveryCarriageReturn) {
  std::string text;
  for (const std::string& p : kParagraphs) text += p + "\r\n";
  text += "Share This\r\n\r\n";
  std::vector<std::size_t> cuts;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') cuts.push_back(i + 1);  // \r ends one push, \n starts the next
  }
  expect_same_blocks(stream_blocks(text, cuts), clean_text(text).blocks, "crlf");
}

TEST(TextStream, EmptyInputGivesNoBlocks) {
  EXPECT_TRUE(stream_blocks("", {}).empty());
  EXPECT_TRUE(stream_blocks("\n\n  \r\n", {1, 2}).empty());
}

TEST(TextStream, LongStreamDeliversEveryBlockOnceInOrderAndRemembersRepeats) {
  // More lines than one window holds, so the stream classifies in several windows. The model keeps
  // every line, so the repeat of a line many windows back is dropped because its first copy was kept.
  constexpr int kLines = 20000;
  std::string text;
  for (int i = 0; i < kLines; ++i) text += "Line number " + std::to_string(i) + " of a very long list.\n";
  text += "Line number 5 of a very long list.\n";
  const Model keep_all = constant_model(20.0f);
  CleanOptions options;
  options.model = &keep_all;
  std::vector<BlockResult> out;
  {
    TextStream stream(options, [&out](const BlockResult& block) { out.push_back(block); });
    for (std::size_t at = 0; at < text.size(); at += 4096) stream.push(std::string_view(text).substr(at, 4096));
    stream.finish();
  }
  ASSERT_EQ(out.size(), static_cast<std::size_t>(kLines) + 1);
  for (int i = 0; i < kLines; i += 997) {
    EXPECT_EQ(out[i].text, "Line number " + std::to_string(i) + " of a very long list.");
    EXPECT_TRUE(out[i].keep);
  }
  EXPECT_FALSE(out.back().keep);
  EXPECT_EQ(out.back().reason, Reason::kRepeat);
}

TEST(KeptText, OutputForm) {
  std::string text = "Skip to content\n";
  for (const std::string& p : kParagraphs) text += "  " + p + "   \n\n";
  text += "Share This\n\xC2\xA9 2024 Coastal Herald. All rights reserved.\n";
  const CleanResult result = clean_text(text);
  const std::string out = kept_text(result);
  ASSERT_FALSE(out.empty());
  EXPECT_EQ(out.back(), '\n');
  EXPECT_EQ(out.find("\n\n"), std::string::npos) << "no empty lines";
  EXPECT_NE(out.front(), '\n');
  std::size_t kept = 0;
  for (const BlockResult& block : result.blocks) kept += block.keep ? 1 : 0;
  EXPECT_EQ(static_cast<std::size_t>(std::count(out.begin(), out.end(), '\n')), kept) << "one line per kept block";
  // Lines are written folded: no leading or trailing white space.
  EXPECT_NE(out.find(kParagraphs[0] + "\n"), std::string::npos);
  EXPECT_EQ(out.find("  "), std::string::npos);

  EXPECT_EQ(kept_text(CleanResult{}), "");
  EXPECT_EQ(kept_text(clean_text("Share This\n")), "");
}

TEST(Clean, EmptyInput) {
  EXPECT_TRUE(clean("").blocks.empty());
  EXPECT_TRUE(clean("   \n\n").blocks.empty());
  CleanOptions html;
  html.kind = InputKind::kHtml;
  EXPECT_TRUE(clean("", html).blocks.empty());
  EXPECT_EQ(kept_text(clean("")), "");
}

TEST(Clean, OutputIsValidUtf8) {
  const std::string text = "Bad \xFF bytes \xC3 here.\n" + kParagraphs[0] + "\n";
  for (const BlockResult& block : clean(text).blocks) EXPECT_EQ(utf8::make_valid(block.text), block.text);
}

TEST(Clean, OverwhelmingContentIsKept) {
  std::string text;
  for (const std::string& p : kParagraphs) text += p + "\n";
  const CleanResult result = clean_text(text);
  ASSERT_EQ(result.blocks.size(), std::size(kParagraphs));
  for (const BlockResult& block : result.blocks) {
    EXPECT_TRUE(block.keep) << reason_name(block.reason) << " " << block.score << ": " << block.text;
  }
}

TEST(Clean, RulesDecideAroundContentInText) {
  const std::string headline = "Port Ellery votes to rebuild its old wooden pier";
  const std::string text = headline + " | Coastal Herald\n" + headline + "\n" + kParagraphs[0] + "\n" +
                           "JOIN US ON TELEGRAM\n" + kParagraphs[1] + "\n" + kParagraphs[2] + "\n" +
                           "Share This\n" + kParagraphs[3] + "\n" + kParagraphs[4] + "\n" + kParagraphs[1] + "\n" +
                           "https://www.coastal-herald.example/news/pier-vote\n" +
                           "\xC2\xA9 2024 Coastal Herald Media. All rights reserved.\n" +
                           "Related posts\n" + "Island ferry fares to rise after winter storm damage\n";
  const CleanResult result = clean_text(text);
  const struct {
    std::string text;
    Reason reason;
  } dropped[] = {
      {headline + " | Coastal Herald", Reason::kTitleDuplicate},
      {"JOIN US ON TELEGRAM", Reason::kPrompt},
      {"Share This", Reason::kPrompt},
      {"https://www.coastal-herald.example/news/pier-vote", Reason::kUrl},
      {"\xC2\xA9 2024 Coastal Herald Media. All rights reserved.", Reason::kLegal},
      {"Related posts", Reason::kTeaserMarker},
      {"Island ferry fares to rise after winter storm damage", Reason::kTeaserItem},
  };
  for (const auto& d : dropped) {
    const BlockResult* block = find_block(result, d.text);
    ASSERT_NE(block, nullptr) << d.text;
    EXPECT_FALSE(block->keep) << d.text;
    EXPECT_EQ(reason_name(block->reason), reason_name(d.reason)) << d.text;
  }
  // The body paragraphs are kept once: the second copy of paragraph 1 is a repeat.
  int copies_kept = 0;
  for (const BlockResult& block : result.blocks) {
    if (block.text == kParagraphs[1]) {
      copies_kept += block.keep ? 1 : 0;
      if (!block.keep) {
        EXPECT_EQ(block.reason, Reason::kRepeat);
      }
    }
  }
  EXPECT_EQ(copies_kept, 1);
  for (const std::string& p : kParagraphs) {
    const BlockResult* block = find_block(result, p);
    ASSERT_NE(block, nullptr);
    EXPECT_TRUE(block->keep) << p;
  }
}

TEST(Clean, RulesDecideAroundContentInHtml) {
  const std::string headline = "Port Ellery votes to rebuild its old wooden pier";
  std::string html = "<!DOCTYPE html><html><head><title>" + headline +
                     " | Coastal Herald</title></head><body>"
                     "<header><p>Coastal Herald</p></header><main><article><h1>" +
                     headline + "</h1>";
  for (const std::string& p : kParagraphs) html += "<p>" + p + "</p>";
  html += "<blockquote class=\"pull-quote\">" + kParagraphs[2] + "</blockquote>"
          "<p>Share This</p></article></main>"
          "<footer class=\"site-footer\"><p>\xC2\xA9 2024 Coastal Herald Media. All rights reserved.</p></footer>"
          "</body></html>";
  const CleanResult result = clean(html);
  EXPECT_EQ(result.kind, InputKind::kHtml);
  const BlockResult* title = find_block(result, headline + " | Coastal Herald");
  ASSERT_NE(title, nullptr);
  EXPECT_FALSE(title->keep);
  EXPECT_EQ(title->reason, Reason::kTitleDuplicate);
  const BlockResult* legal = find_block(result, "\xC2\xA9 2024 Coastal Herald Media. All rights reserved.");
  ASSERT_NE(legal, nullptr);
  EXPECT_EQ(legal->reason, Reason::kLegal);
  const BlockResult* share = find_block(result, "Share This");
  ASSERT_NE(share, nullptr);
  EXPECT_EQ(share->reason, Reason::kPrompt);
  int kept_copies = 0;
  for (const BlockResult& block : result.blocks) {
    if (block.text == kParagraphs[2]) kept_copies += block.keep ? 1 : 0;
  }
  EXPECT_EQ(kept_copies, 1) << "the pull quote repeats a paragraph";
  for (const std::string& p : kParagraphs) {
    const BlockResult* block = find_block(result, p);
    ASSERT_NE(block, nullptr);
    EXPECT_TRUE(block->keep) << p;
  }
}

// Seed 004's rule-decided lines (golden/README.md): the prompts, the mid-article teaser marker
// with its headline and summary, and the closing source pointers and feedback prompt.
TEST(Clean, Seed004RuleDecisions) {
  std::string text;
  for (const auto& path : testing::seed_paths()) {
    if (path.filename().string().starts_with("004_")) text = testing::read_whole_file(path);
  }
  ASSERT_FALSE(text.empty());
  const CleanResult result = clean_text(text);
  const struct {
    const char* text;
    Reason reason;
  } dropped[] = {
      {"JOIN US ON TELEGRAM", Reason::kPrompt},
      {"Follow our coverage of the war on the @Kyivpost_official.", Reason::kPrompt},
      {"Other Topics of Interest", Reason::kTeaserMarker},
      {"Former US Ambassador Warns Russia-Iran Intelligence Ties Could Raise Risks for US Forces",
       Reason::kTeaserItem},
      {"Former US Ambassador Richard Kauzlarich warned that reports of Russian intelligence support for Iran could "
       "escalate the conflict, even as the White House downplayed its impact.",
       Reason::kTeaserItem},
      {"First Appeared on", Reason::kSourcePointer},
      {"Source link", Reason::kSourcePointer},
      {"Leave feedback about this", Reason::kComments},
  };
  for (const auto& d : dropped) {
    const BlockResult* block = find_block(result, d.text);
    ASSERT_NE(block, nullptr) << d.text;
    EXPECT_FALSE(block->keep) << d.text;
    EXPECT_EQ(reason_name(block->reason), reason_name(d.reason)) << d.text;
  }
  // Where the body resumes, no rule claims the line (whether it is kept is the model's call).
  const BlockResult* resumed = find_block(
      result,
      "As the conflict approached the one-week mark, US media also reported that Russia had been providing Iran with "
      "intelligence, including the locations of US warships and aircraft in the region.");
  ASSERT_NE(resumed, nullptr);
  EXPECT_NE(resumed->reason, Reason::kTeaserItem);
  EXPECT_NE(resumed->reason, Reason::kTeaserMarker);
}

TEST(ClassifyWindow, FeaturesOnlyWhenAskedFor) {
  Window window;
  window.doc = segment_document(kParagraphs[0] + "\nShare This\n", InputKind::kText);
  prepare_window(window, 0);
  ASSERT_EQ(window.shapes.size(), 2u);
  const Classified without = classify_window(window, default_model().text, false);
  const Classified with = classify_window(window, default_model().text, true);
  EXPECT_EQ(without.decisions.size(), 2u);
  const Staged staged = stage_window(window);  // the per-block stages cover the window too
  EXPECT_EQ(staged.rules.size(), 2u);
  EXPECT_EQ(staged.features.size(), 2u);
  EXPECT_EQ(staged.rules[1], Reason::kPrompt);
  EXPECT_TRUE(without.features.empty());
  EXPECT_EQ(with.features.size(), 2u);
  EXPECT_EQ(with.decisions[1].reason, Reason::kPrompt);
}

// explain credits the second pass's split features on each block's path, strongest first.
// Appends a one-split tree: `below` for a block whose `feature` is under `split`, else `above`.
// The split node's own value is 0, so the block's contribution is the leaf value.
void add_stump(TreeEnsemble& ensemble, Feature feature, float split, float below, float above) {
  const auto root = static_cast<std::uint32_t>(ensemble.nodes.size());
  TreeNode node;
  node.feature = static_cast<std::uint16_t>(feature);
  node.split = split;
  node.yes = root + 1;
  node.no = root + 2;
  TreeNode yes;
  yes.value = below;
  TreeNode no;
  no.value = above;
  ensemble.nodes.insert(ensemble.nodes.end(), {node, yes, no});
  ensemble.roots.push_back(root);
}

TEST(ExplainDocument, PushesAreTheSecondPassSplitsOnTheBlocksPath) {
  Model model = default_model();
  for (SectionModel* section : {&model.text, &model.html}) {
    section->first_pass = constant_ensemble(1.0f);  // every open block 0.73 in the first pass
    TreeEnsemble& second = section->second_pass;
    second = constant_ensemble(0.0f);
    // Long blocks (log_words 0.4 is about 10 words) +3, short -3; blocks the first pass scored +1,
    // ruled ones (first pass 0) -1. Inner values are the mean of their leaves.
    add_stump(second, Feature::log_words, 0.4f, -3.0f, 3.0f);
    add_stump(second, Feature::ctx_self, 0.25f, -1.0f, 1.0f);
  }
  const std::string text = kParagraphs[0] + "\nWeather sunny and mild\nShare This\n";
  CleanOptions options;
  options.kind = InputKind::kText;
  options.model = &model;

  const Explained explained = explain_document(text, options, 3);
  ASSERT_EQ(explained.result.blocks.size(), 3u);
  ASSERT_EQ(explained.pushes.size(), 3u);
  EXPECT_EQ(explained.pushes[0], "log_words +3.00, ctx_self +1.00");
  EXPECT_EQ(explained.pushes[1], "log_words -3.00, ctx_self +1.00");
  EXPECT_EQ(explained.pushes[2], "log_words -3.00, ctx_self -1.00");
  EXPECT_NEAR(explained.result.blocks[0].score, 1.0 / (1.0 + std::exp(-4.0)), 1e-5);
  EXPECT_NEAR(explained.result.blocks[1].score, 1.0 / (1.0 + std::exp(2.0)), 1e-5);
  EXPECT_TRUE(explained.result.blocks[0].keep);
  EXPECT_EQ(explained.result.blocks[2].reason, Reason::kPrompt);
  // explain decides as clean does.
  expect_same_blocks(explained.result.blocks, clean(text, options).blocks, "explain");

  EXPECT_EQ(explain_document(text, options, 1).pushes[0], "log_words +3.00");
  EXPECT_EQ(explain_document(text, options, 0).pushes[0], "");
}

// The first pass's own splits follow the second pass's, for the blocks no rule decides: they say
// where ctx_self came from. A ruled block (here "Share This", a prompt) has no first pass to explain.
TEST(ExplainDocument, FirstPassSplitsFollowForOpenBlocks) {
  Model model = default_model();
  for (SectionModel* section : {&model.text, &model.html}) {
    section->second_pass = constant_ensemble(0.0f);
    section->first_pass = constant_ensemble(0.0f);
    add_stump(section->first_pass, Feature::ends_sentence, 0.5f, -2.0f, 2.0f);
  }
  const std::string text = kParagraphs[0] + "\nWeather sunny and mild\nShare This\n";
  CleanOptions options;
  options.kind = InputKind::kText;
  options.model = &model;
  const Explained explained = explain_document(text, options, 2);
  ASSERT_EQ(explained.pushes.size(), 3u);
  EXPECT_EQ(explained.pushes[0], "first pass: ends_sentence +2.00");
  EXPECT_EQ(explained.pushes[1], "first pass: ends_sentence -2.00");
  EXPECT_EQ(explained.result.blocks[2].reason, Reason::kPrompt);
  EXPECT_EQ(explained.pushes[2], "");
}

TEST(Clean, CustomModelIsUsed) {
  const Model drop_all = constant_model(-20.0f);
  const Model keep_all = constant_model(20.0f);
  const std::string text = "Weather sunny and mild\n" + kParagraphs[0] + "\nShare This\n";
  CleanOptions options;
  options.kind = InputKind::kText;
  options.model = &drop_all;
  for (const BlockResult& block : clean(text, options).blocks) EXPECT_LT(block.score, 0.001f) << block.text;
  options.model = &keep_all;
  for (const BlockResult& block : clean(text, options).blocks) EXPECT_GT(block.score, 0.999f) << block.text;
  // Scoring everything as content keeps every block no rule drops.
  EXPECT_EQ(kept_text(clean(text, options)), "Weather sunny and mild\n" + kParagraphs[0] + "\n");
}

}  // namespace
// Binary data fed as text is not written back as lines of U+FFFD: blocks that are mostly invalid
// UTF-8 are dropped as not-text.
TEST(Clean, BinaryGarbageGivesAlmostNothing) {
  std::string garbage;
  std::uint32_t state = 12345;
  for (int i = 0; i < 65536; ++i) {
    state = state * 1103515245u + 12345u;
    garbage.push_back(static_cast<char>(state >> 24));
  }
  CleanOptions options;
  options.kind = InputKind::kText;
  const CleanResult result = clean(garbage, options);
  ASSERT_FALSE(result.blocks.empty());
  std::size_t not_text = 0;
  for (const BlockResult& block : result.blocks) not_text += block.reason == Reason::kNotText ? 1 : 0;
  EXPECT_GT(not_text, result.blocks.size() * 9 / 10);
  EXPECT_LT(kept_text(result).size(), garbage.size() / 100);
}

}  // namespace winnow
