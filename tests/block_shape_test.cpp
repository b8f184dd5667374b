// Tests of block shapes (block_shape.h): counts, sentence ends, case, separators, the repeat hash
// and the well-formed flag, for blocks whose shape is plain to see; and the function-word table
// (stopwords.h) behind the stopword ratio.
#include "block_shape.h"

#include <gtest/gtest.h>

#include <string>

#include "stopwords.h"
#include "utf8.h"

namespace winnow {
namespace {

BlockShape shape_of(std::string_view text, std::uint32_t link_chars = 0) {
  Block block{std::string(text), {}};
  block.html.link_chars = link_chars;
  return shape_block(block, Lexicon::instance());
}

const std::string kParagraph =
    "The harbour council met on Thursday and agreed that the old pier would be rebuilt before the summer, "
    "after a debate that lasted for most of the evening.";

// 今天天气很好。我们去公园散步。("The weather is fine today. We are going for a walk in the park.")
const char* const kChineseTwoSentences =
    "\xE4\xBB\x8A\xE5\xA4\xA9\xE5\xA4\xA9\xE6\xB0\x94\xE5\xBE\x88\xE5\xA5\xBD\xE3\x80\x82"
    "\xE6\x88\x91\xE4\xBB\xAC\xE5\x8E\xBB\xE5\x85\xAC\xE5\x9B\xAD\xE6\x95\xA3\xE6\xAD\xA5\xE3\x80\x82";

TEST(ShapeBlock, CountsTable) {
  const struct {
    const char* text;
    int words;
    int chars;
    int sentences;
  } cases[] = {
      {"Hello world.", 2, 12, 1},
      {"One. Two! Three?", 3, 16, 3},
      {"No end here", 3, 11, 0},
      {"Version 2.5 is out.", 5, 19, 1},  // "2.5" is two words, as \w+ sees it
      {"caf\xC3\xA9 na\xC3\xAFve", 2, 10, 0},  // chars are code points
      {"Stra\xC3\x9F" "e \xC3\xBC" "ber alles", 3, 17, 0},
      {"don't e-mail me", 5, 15, 0},
      {"\xE2\x80\x94 \xE2\x80\xA2 |", 0, 5, 0},
      {"Wait\xE2\x80\xA6 then go.", 3, 14, 2},
      {"He said \xE2\x80\x9Cstop.\xE2\x80\x9D Then left.", 5, 26, 2},
      // Chinese and Japanese: a run of their characters counts one word per three (utf8::count_words),
      // and 。！？ end a sentence with no space after them.
      {kChineseTwoSentences, 5, 15, 2},
      {"\xE4\xBB\xB7\xE6\xA0\xBC\xEF\xBC\x9A" "100\xE5\x85\x83\xEF\xBC\x9F", 3, 8, 1},  // 价格：100元？
      {"\xE6\x9D\xB1\xE4\xBA\xAC\xE3\x81\xAF\xE6\x99\xB4\xE3\x82\x8C\xEF\xBC\x81\xE3\x81\xA7\xE3\x81\x99", 3, 8, 1},  // 東京は晴れ！です
  };
  for (const auto& c : cases) {
    const BlockShape s = shape_of(c.text);
    EXPECT_EQ(s.words, c.words) << c.text;
    EXPECT_EQ(s.chars, c.chars) << c.text;
    EXPECT_EQ(s.sentences, c.sentences) << c.text;
  }
}

// shape_block counts words in its own pass over the text (with the function words); the segmenter
// counts them with utf8::count_words. Both must follow one rule.
TEST(ShapeBlock, WordsAgreeWithCountWords) {
  const char* texts[] = {
      "Hello world.", "Version 2.5 is out.", "don't e-mail me", "\xE2\x80\x94 \xE2\x80\xA2 |", "",
      kChineseTwoSentences,
      "\xE4\xBB\xB7\xE6\xA0\xBC\xEF\xBC\x9A" "100\xE5\x85\x83\xEF\xBC\x9F",               // 价格：100元？
      "iPhone 15\xE3\x81\xAE\xE7\x99\xBA\xE5\xA3\xB2\xE6\x97\xA5" "abc",                        // iPhone 15の発売日abc
      "\xE3\x83\xA9\xE3\x83\xBC\xE3\x83\xA1\xE3\x83\xB3\xE3\x83\xBB\xE5\xB1\x8B",      // ラーメン・屋
      "\xEC\x84\x9C\xEC\x9A\xB8 \xEB\x82\xA0\xEC\x94\xA8 caf\xC3\xA9",                     // 서울 날씨 café
  };
  for (const char* text : texts) EXPECT_EQ(shape_of(text).words, utf8::count_words(text)) << text;
}

TEST(ShapeBlock, FlagsTable) {
  const struct {
    const char* text;
    bool ends_sentence;
    bool ends_colon;
    bool all_caps;
    bool has_url;
    bool starts_quote;
  } cases[] = {
      {"The vote was close.", true, false, false, false, false},
      {"Was the vote close?", true, false, false, false, false},
      {"Close vote!", true, false, false, false, false},
      {"He said \xE2\x80\x9Cstop.\xE2\x80\x9D", true, false, false, false, false},
      {"(Reporting by Ann Lee; Editing by Tom Reed.)", true, false, false, false, false},
      {"Harbour town votes to rebuild its pier", false, false, false, false, false},
      {"The main changes are:", false, true, false, false, false},
      {"JOIN US ON TELEGRAM", false, false, true, false, false},
      {"UK", false, false, false, false, false},  // too few letters to count as all caps
      {"BREAKING NEWS: 24 HOURS", false, false, true, false, false},
      {"Visit https://example.com/x today", false, false, false, true, false},
      {"See www.example.org", false, false, false, true, false},
      {"\xE2\x80\x9CWe will rebuild,\xE2\x80\x9D she said.", true, false, false, false, true},
      {"\"Quoted\" headline", false, false, false, false, true},
  };
  for (const auto& c : cases) {
    const BlockShape s = shape_of(c.text);
    EXPECT_EQ(s.ends_sentence, c.ends_sentence) << c.text;
    EXPECT_EQ(s.ends_colon, c.ends_colon) << c.text;
    EXPECT_EQ(s.all_caps, c.all_caps) << c.text;
    EXPECT_EQ(s.has_url, c.has_url) << c.text;
    EXPECT_EQ(s.starts_quote, c.starts_quote) << c.text;
  }
}

TEST(ShapeBlock, Separators) {
  EXPECT_EQ(shape_of("MidEast | Political | World").separators, 2);
  EXPECT_EQ(shape_of("Home \xC2\xBB News \xC2\xBB Local").separators, 2);
  EXPECT_EQ(shape_of("Politics \xC2\xB7 Economy \xE2\x80\xA2 World").separators, 2);
  EXPECT_EQ(shape_of("A plain sentence without any.").separators, 0);
}

TEST(ShapeBlock, Ratios) {
  const BlockShape stop = shape_of("the cat and the dog");
  EXPECT_FLOAT_EQ(stop.stopword_ratio, 3.0f / 5.0f);
  EXPECT_FLOAT_EQ(stop.capitalised_ratio, 0.0f);
  EXPECT_FLOAT_EQ(stop.mean_word_length, 15.0f / 5.0f);

  const BlockShape caps = shape_of("Harbour Town Votes today");
  EXPECT_FLOAT_EQ(caps.capitalised_ratio, 3.0f / 4.0f);
  EXPECT_FLOAT_EQ(caps.stopword_ratio, 0.0f);

  EXPECT_FLOAT_EQ(shape_of("2024").digit_ratio, 1.0f);
  EXPECT_FLOAT_EQ(shape_of("ab12").digit_ratio, 0.5f);

  // Chinese: 我 and 们 of the second run are function characters; a run's count at most its words.
  const BlockShape chinese = shape_of(kChineseTwoSentences);
  EXPECT_FLOAT_EQ(chinese.stopword_ratio, 2.0f / 5.0f);
  EXPECT_FLOAT_EQ(chinese.mean_word_length, 13.0f / 5.0f);
  EXPECT_FLOAT_EQ(shape_of("\xE6\x88\x91\xE7\x9A\x84").stopword_ratio, 1.0f);  // 我的: one word, two function characters

  const BlockShape empty = shape_of("");
  EXPECT_EQ(empty.words, 0);
  EXPECT_FLOAT_EQ(empty.stopword_ratio, 0.0f);
  EXPECT_FLOAT_EQ(empty.digit_ratio, 0.0f);
}

TEST(ShapeBlock, LinkDensityFromHtmlContext) {
  EXPECT_FLOAT_EQ(shape_of("0123456789", 5).link_density, 0.5f);
  EXPECT_FLOAT_EQ(shape_of("0123456789", 10).link_density, 1.0f);
  EXPECT_FLOAT_EQ(shape_of("0123456789").link_density, 0.0f);
}

TEST(ShapeBlock, HashIgnoresCasePunctuationAndSpacing) {
  const std::uint64_t hash = shape_of("Hello, World!").hash;
  EXPECT_EQ(shape_of("hello world").hash, hash);
  EXPECT_EQ(shape_of("  HELLO -- world ...").hash, hash);
  EXPECT_EQ(normalized_hash("Hello, World!"), hash);
  EXPECT_NE(shape_of("hello worlds").hash, hash);
  EXPECT_NE(shape_of("world hello").hash, hash);
  EXPECT_EQ(shape_of("\xC3\x9C" "BER").hash, shape_of("\xC3\xBC" "ber").hash);
}

TEST(ShapeBlock, WellFormed) {
  EXPECT_TRUE(shape_of(kParagraph).well_formed);
  // Short, no sentence end, no function words, or mostly links: not well-formed.
  EXPECT_FALSE(shape_of("The vote was close.").well_formed);
  EXPECT_FALSE(shape_of(kParagraph.substr(0, kParagraph.size() - 1)).well_formed);
  EXPECT_FALSE(shape_of("Harbour Council Pier Rebuild Vote Thursday Summer Debate Evening Councillors Residents.")
                   .well_formed);
  EXPECT_FALSE(shape_of(kParagraph, static_cast<std::uint32_t>(kParagraph.size())).well_formed);

  // A sentence of Chinese prose is well-formed, as its English would be; cut before its 。 it is not.
  // 在采访中，我们了解到不少学子在出国前就每年守在电脑前观看两会直播。
  const std::string chinese =
      "\xE5\x9C\xA8\xE9\x87\x87\xE8\xAE\xBF\xE4\xB8\xAD\xEF\xBC\x8C\xE6\x88\x91\xE4\xBB\xAC\xE4\xBA\x86"
      "\xE8\xA7\xA3\xE5\x88\xB0\xE4\xB8\x8D\xE5\xB0\x91\xE5\xAD\xA6\xE5\xAD\x90\xE5\x9C\xA8\xE5\x87\xBA"
      "\xE5\x9B\xBD\xE5\x89\x8D\xE5\xB0\xB1\xE6\xAF\x8F\xE5\xB9\xB4\xE5\xAE\x88\xE5\x9C\xA8\xE7\x94\xB5"
      "\xE8\x84\x91\xE5\x89\x8D\xE8\xA7\x82\xE7\x9C\x8B\xE4\xB8\xA4\xE4\xBC\x9A\xE7\x9B\xB4\xE6\x92\xAD"
      "\xE3\x80\x82";
  const BlockShape sentence = shape_of(chinese);
  EXPECT_EQ(sentence.words, 11);
  EXPECT_TRUE(sentence.well_formed);
  EXPECT_FALSE(shape_of(chinese.substr(0, chinese.size() - 3)).well_formed);
}

TEST(ShapeBlock, CarriesTheLexiconMatch) {
  EXPECT_TRUE(shape_of("Share This").lexicon.has(LexiconCategory::kPrompt));
  EXPECT_TRUE(shape_of("\xC2\xA9 2024 Northwind Press. All rights reserved.").lexicon.has(LexiconCategory::kLegal));
  EXPECT_EQ(shape_of(kParagraph).lexicon.categories, 0u);
}

TEST(IsUnspacedFunctionChar, ChineseFunctionCharactersAndJapaneseParticles) {
  for (char32_t cp : {U'\u7684', U'\u4E86', U'\u662F', U'\u5728', U'\u9019', U'\u8FD9', U'\u306E', U'\u306F', U'\u3092'}) {
    EXPECT_TRUE(is_unspaced_function_char(cp)) << "U+" << std::hex << static_cast<unsigned>(cp);  // 的 了 是 在 這 这 の は を
  }
  for (char32_t cp : {U'\u5929', U'\u6C14', U'\u6771', U'\u3042', U'\u30AB', U'a', U'\u3002'}) {
    EXPECT_FALSE(is_unspaced_function_char(cp)) << "U+" << std::hex << static_cast<unsigned>(cp);  // 天 气 東 あ カ a 。
  }
}

TEST(IsStopword, FunctionWordsOfSeveralLanguages) {
  const struct {
    std::string_view word;
    bool stopword;
  } cases[] = {
      {"the", true},
      {"and", true},
      {"would", true},
      {"und", true},
      {"\xC3\xBC" "ber", true},
      {"les", true},
      {"\xC3\xA9t\xC3\xA9", true},
      {"para", true},
      {"pier", false},
      {"harbour", false},
      {"share", false},
      {"", false},
      {"The", false},  // callers lower-case first
      // Words are packed into 64-bit keys: the longest function word, a prefix of one, one with a
      // function word as its prefix, and words of nine bytes or more all come out right.
      {"tambi\xC3\xA9n", true},
      {"tambi\xC3\xA9", false},
      {"th", false},
      {"theirs", false},
      {"becausee", false},
      {"becauseee", false},
      {"tambi\xC3\xA9nx", false},
      {std::string_view("the\0", 4), false},
  };
  for (const auto& c : cases) EXPECT_EQ(is_stopword(c.word), c.stopword) << '"' << c.word << '"';
}

TEST(ShapeBlocks, OneShapePerBlockInOrder) {
  const std::vector<Block> blocks = {Block{"Share This", {}}, Block{kParagraph, {}}, Block{"x", {}}};
  const std::vector<BlockShape> shapes = shape_blocks(blocks, Lexicon::instance());
  ASSERT_EQ(shapes.size(), 3u);
  for (std::size_t i = 0; i < blocks.size(); ++i) EXPECT_EQ(shapes[i].hash, shape_of(blocks[i].text).hash);
  EXPECT_TRUE(shapes[1].well_formed);
}

}  // namespace
}  // namespace winnow
