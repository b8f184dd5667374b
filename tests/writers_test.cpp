// Tests of the writers (writers.h): text output is the kept blocks one per line; JSON output parses
// and round-trips any text; explain prints one aligned line per block.
#include "writers.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace winnow {
namespace {

CleanResult sample_result() {
  CleanResult r;
  r.kind = InputKind::kText;
  r.blocks = {
      {"Harbour town votes to rebuild its pier", 0.91f, true, Reason::kContent},
      {"Share This", 0.12f, false, Reason::kPrompt},
      {"The council met on Thursday.", 0.42f, true, Reason::kContextKeep},
      {"Harbour town votes to rebuild its pier | Coastal Herald", 0.3f, false, Reason::kTitleDuplicate},
  };
  return r;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST(ReasonName, StableDistinctNames) {
  std::set<std::string> names;
  for (unsigned r = 0; r < static_cast<unsigned>(Reason::kCount); ++r) {
    const std::string name(reason_name(static_cast<Reason>(r)));
    EXPECT_FALSE(name.empty());
    EXPECT_NE(name, "unknown");
    EXPECT_EQ(name.find(' '), std::string::npos);
    EXPECT_TRUE(names.insert(name).second) << "duplicate reason name " << name;
  }
  EXPECT_EQ(std::string(reason_name(Reason::kContent)), "content");
  EXPECT_EQ(std::string(reason_name(Reason::kRepeat)), "repeat");
  EXPECT_EQ(std::string(reason_name(Reason::kTitleDuplicate)), "title-duplicate");
  EXPECT_EQ(std::string(reason_name(Reason::kTeaserItem)), "teaser-item");
  EXPECT_EQ(std::string(reason_name(Reason::kContextKeep)), "context-keep");
}

TEST(WriteText, KeptBlocksOnePerLine) {
  std::ostringstream out;
  write_text(out, sample_result());
  EXPECT_EQ(out.str(), "Harbour town votes to rebuild its pier\nThe council met on Thursday.\n");
  EXPECT_EQ(out.str(), kept_text(sample_result()));

  std::ostringstream empty;
  write_text(empty, CleanResult{});
  EXPECT_EQ(empty.str(), "");
}

TEST(JsonQuote, RoundTripsThroughAJsonParser) {
  const std::string texts[] = {
      "",
      "plain",
      "say \"hi\"",
      "back\\slash",
      "line\nbreak\r\nand\ttab",
      std::string("nul\0byte", 8),
      "\x01\x02\x1F control \x7F del",
      "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80",
      "line separator \xE2\x80\xA8 paragraph separator \xE2\x80\xA9",
      "</script><!--",
  };
  for (const std::string& text : texts) {
    const std::string quoted = json_quote(text);
    EXPECT_EQ(quoted.find('\n'), std::string::npos) << "a quoted string stays on one line";
    nlohmann::json parsed;
    ASSERT_NO_THROW(parsed = nlohmann::json::parse(quoted)) << quoted;
    EXPECT_EQ(parsed.get<std::string>(), text) << quoted;
  }
}

TEST(WriteJson, ParsesAndRoundTripsEveryBlock) {
  CleanResult r = sample_result();
  r.kind = InputKind::kHtml;
  r.blocks.push_back({"He said \"stop\"\tand\\left\x01", 0.5f, true, Reason::kContent});
  std::ostringstream out;
  write_json(out, r);
  nlohmann::json j;
  ASSERT_NO_THROW(j = nlohmann::json::parse(out.str())) << out.str();
  EXPECT_EQ(j["kind"], "html");
  ASSERT_EQ(j["blocks"].size(), r.blocks.size());
  for (std::size_t i = 0; i < r.blocks.size(); ++i) {
    const nlohmann::json& b = j["blocks"][i];
    EXPECT_EQ(b["index"].get<std::size_t>(), i);
    EXPECT_EQ(b["text"].get<std::string>(), r.blocks[i].text);
    EXPECT_EQ(b["keep"].get<bool>(), r.blocks[i].keep);
    EXPECT_EQ(b["reason"].get<std::string>(), std::string(reason_name(r.blocks[i].reason)));
    EXPECT_NEAR(b["score"].get<double>(), r.blocks[i].score, 0.0005);
  }

  std::ostringstream empty;
  write_json(empty, CleanResult{});
  const nlohmann::json e = nlohmann::json::parse(empty.str());
  EXPECT_EQ(e["kind"], "text");
  EXPECT_TRUE(e["blocks"].empty());
}

TEST(WriteJsonBlock, OneObjectOnOneLine) {
  std::ostringstream out;
  write_json_block(out, {"a\nb", 0.25f, false, Reason::kUrl}, 7);
  EXPECT_EQ(out.str().find('\n'), std::string::npos);
  const nlohmann::json b = nlohmann::json::parse(out.str());
  EXPECT_EQ(b["index"], 7);
  EXPECT_EQ(b["text"], "a\nb");
  EXPECT_EQ(b["reason"], "url");
  EXPECT_EQ(b["keep"], false);
}

// The column at which the text of each explain line starts (in bytes; the fields before it are
// ASCII).
std::size_t text_column(const std::string& line, const std::string& text) {
  const std::size_t at = line.rfind(text);
  return at == std::string::npos ? std::string::npos : at;
}

TEST(WriteExplain, OneAlignedLinePerBlock) {
  CleanResult r;
  r.kind = InputKind::kText;
  // Twelve blocks, so indexes take one or two digits, with every reason name there is.
  for (unsigned i = 0; i < 12; ++i) {
    const auto reason = static_cast<Reason>(i % static_cast<unsigned>(Reason::kCount));
    r.blocks.push_back({"block text " + std::to_string(i), 0.05f * static_cast<float>(i), i % 3 == 0, reason});
  }
  for (unsigned i = 12; i < static_cast<unsigned>(Reason::kCount); ++i) {
    r.blocks.push_back({"block text " + std::to_string(i), 1.0f, false, static_cast<Reason>(i)});
  }
  std::ostringstream out;
  write_explain(out, r, 0);
  const std::vector<std::string> lines = lines_of(out.str());
  ASSERT_EQ(lines.size(), r.blocks.size() + 1);
  EXPECT_EQ(lines[0], "# text input, " + std::to_string(r.blocks.size()) + " blocks, 4 kept");

  const std::size_t column = text_column(lines[1], "block text 0");
  ASSERT_NE(column, std::string::npos);
  for (std::size_t i = 0; i < r.blocks.size(); ++i) {
    const std::string& line = lines[i + 1];
    EXPECT_EQ(text_column(line, r.blocks[i].text), column) << line;
    EXPECT_NE(line.find(std::string(reason_name(r.blocks[i].reason))), std::string::npos) << line;
    EXPECT_NE(line.find(r.blocks[i].keep ? "KEEP" : "drop"), std::string::npos) << line;
    // The index is right-aligned in a field as wide as the largest one.
    const std::string index = std::to_string(i + 1);
    const std::string count = std::to_string(r.blocks.size());
    EXPECT_EQ(line.substr(0, count.size()), std::string(count.size() - index.size(), ' ') + index) << line;
  }
  EXPECT_NE(lines[2].find("0.050"), std::string::npos) << "scores have three decimals: " << lines[2];
}

TEST(WriteExplain, LongTextIsCutAtWidthCodePoints) {
  CleanResult r;
  r.kind = InputKind::kHtml;
  r.blocks.push_back({"\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", 0.5f, true, Reason::kContent});
  r.blocks.push_back({"short", 0.5f, true, Reason::kContent});

  std::ostringstream cut;
  write_explain(cut, r, 3);
  const std::vector<std::string> lines = lines_of(cut.str());
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0], "# html input, 2 blocks, 2 kept");
  EXPECT_TRUE(lines[1].ends_with("\xC3\xA9\xC3\xA9\xC3\xA9\xE2\x80\xA6")) << lines[1];
  EXPECT_TRUE(lines[2].ends_with("sho\xE2\x80\xA6")) << lines[2];

  std::ostringstream whole;
  write_explain(whole, r, 0);
  EXPECT_TRUE(lines_of(whole.str())[1].ends_with("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"));

  std::ostringstream exact;
  write_explain(exact, r, 5);
  EXPECT_TRUE(lines_of(exact.str())[1].ends_with("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"))
      << "text of exactly `width` characters is not cut";
}

TEST(WriteExplain, WhyLinesFollowTheirBlocks) {
  const CleanResult r = sample_result();
  const std::vector<std::string> pushes = {"well_formed +2.10, words_1 -0.40", "", "lex_prompt -3.00", "x +1.00"};
  std::ostringstream out;
  write_explain(out, r, 0, &pushes);
  const std::vector<std::string> lines = lines_of(out.str());
  // Header, then each block with its why line when it has one (block 2 has none).
  ASSERT_EQ(lines.size(), 1 + r.blocks.size() + 3);
  EXPECT_TRUE(lines[1].ends_with(r.blocks[0].text)) << lines[1];
  EXPECT_NE(lines[2].find("why: well_formed +2.10, words_1 -0.40"), std::string::npos) << lines[2];
  EXPECT_TRUE(lines[3].ends_with(r.blocks[1].text)) << lines[3];
  EXPECT_TRUE(lines[4].ends_with(r.blocks[2].text)) << lines[4];
  EXPECT_NE(lines[5].find("why: lex_prompt -3.00"), std::string::npos) << lines[5];
  EXPECT_EQ(lines[5].find_first_not_of(' '), lines[2].find_first_not_of(' ')) << "why lines are indented alike";
  EXPECT_GT(lines[5].find_first_not_of(' '), 0u);
}

}  // namespace
}  // namespace winnow
