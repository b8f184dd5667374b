// Encodings: what detect_encoding decides and from what, and that a page in cp1252, Latin-1,
// Shift_JIS, GBK or UTF-16 cleans to exactly what its UTF-8 twin cleans to.
#include "encoding.h"

#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <random>
#include <string>

#include "test_support.h"
#include "winnow/winnow.h"

namespace winnow {
namespace {

// `utf8` in the encoding `name`, by ICU (the test's own conversion, not the one under test).
std::string encode(std::string_view utf8, const char* name) {
  std::string out(utf8.size() * 4 + 16, '\0');
  UErrorCode status = U_ZERO_ERROR;
  const int32_t length = ucnv_convert(name, "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                                      static_cast<int32_t>(utf8.size()), &status);
  EXPECT_TRUE(U_SUCCESS(status)) << name << ": " << u_errorName(status);
  out.resize(static_cast<std::size_t>(length));
  // ICU writes a byte order mark for "UTF-16"; the names used here are the byte-order ones.
  return out;
}

struct DetectCase {
  const char* label;
  std::string head;
  bool html;
  const char* forced;
  const char* name;
  EncodingSource source;
  std::size_t mark_bytes;
};

TEST(DetectEncoding, Table) {
  const std::string latin1_text = "Le conseil a vot\xE9 la r\xE9novation de la jet\xE9"
                                  "e, apr\xE8s des ann\xE9"
                                  "es de d\xE9"
                                  "bats.";
  const std::string sjis_text = encode("市議会は火曜日の夜、桟橋の全面改修を可決した。工事は来年の夏に始まる。", "Shift_JIS");
  const DetectCase cases[] = {
      {"utf-8 mark", "\xEF\xBB\xBFhello", false, "", "UTF-8", EncodingSource::kByteOrderMark, 3},
      {"utf-16le mark", std::string("\xFF\xFEh\0i\0", 6), false, "", "UTF-16LE", EncodingSource::kByteOrderMark, 2},
      {"utf-16be mark", std::string("\xFE\xFF\0h\0i", 6), false, "", "UTF-16BE", EncodingSource::kByteOrderMark, 2},
      {"utf-16le, no mark", encode("<html><body><p>Plain words here.</p></body></html>", "UTF-16LE"), true, "",
       "UTF-16LE", EncodingSource::kUtf16Shape, 0},
      {"meta charset", "<html><head><meta charset=\"Shift_JIS\"></head><body>" + sjis_text, true, "", "Shift_JIS",
       EncodingSource::kDeclared, 0},
      {"http-equiv, latin-1 read as cp1252",
       "<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'><p>" + latin1_text, true, "",
       "windows-1252", EncodingSource::kDeclared, 0},
      {"xml declaration", "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><html><p>" + latin1_text, true, "",
       "windows-1252", EncodingSource::kDeclared, 0},
      {"valid utf-8 beats a latin-1 declaration", "<meta charset=iso-8859-1><p>Le conseil a voté la rénovation.",
       true, "", "UTF-8", EncodingSource::kValidUtf8, 0},
      {"utf-8 declared and valid", "<meta charset=utf-8><p>Le conseil a voté.", true, "", "UTF-8",
       EncodingSource::kDeclared, 0},
      {"a meta in a comment is no declaration", "<!-- <meta charset=gbk> --><p>" + latin1_text, true, "",
       "windows-1252", EncodingSource::kDetected, 0},
      {"meta ignored in text mode", "<meta charset=\"Shift_JIS\">\n" + latin1_text, false, "", "windows-1252",
       EncodingSource::kDetected, 0},
      {"no declaration, shift_jis by detector", "<html><body><p>" + sjis_text + sjis_text + "</p>", true, "",
       "Shift_JIS", EncodingSource::kDetected, 0},
      {"ascii with a seven-bit declaration", "<meta charset=iso-2022-jp><p>\x1B$B$3$s\x1B(B", true, "",
       "ISO-2022-JP", EncodingSource::kDeclared, 0},
      // Japanese in ISO-2022-JP, undeclared: all of it ASCII, so its escapes stand inside the runs
      // count_utf8 passes eight bytes at a time (it was read as UTF-8, the escapes dropped).
      {"iso-2022-jp undeclared, by its escapes",
       "Tokyo news\n\x1B$BEl5~ET$O:#F|!\"?7$7$$?^=q4[$N7W2h$rH/I=$7$^$7$?!#?^=q4[$OMhG/$N=U$K3+4[$9$kM=Dj$G$9!#\x1B(B\n"
       "Reported by the Kyodo News agency.\n",
       false, "", "ISO-2022-JP", EncodingSource::kDetected, 0},
      {"forced wins over valid utf-8", "Le conseil a voté.", false, "latin1", "windows-1252", EncodingSource::kForced,
       0},
      {"forced skips its own mark", std::string("\xFF\xFEh\0i\0", 6), false, "utf-16le", "UTF-16LE",
       EncodingSource::kForced, 2},
      {"an unknown forced name is ignored", "plain", false, "no-such-encoding", "UTF-8", EncodingSource::kValidUtf8,
       0},
      {"empty", "", true, "", "UTF-8", EncodingSource::kValidUtf8, 0},
  };
  for (const DetectCase& c : cases) {
    const DetectedEncoding detected = detect_encoding(c.head, c.html, c.forced);
    EXPECT_EQ(detected.name, c.name) << c.label;
    EXPECT_EQ(encoding_source_name(detected.source), encoding_source_name(c.source)) << c.label;
    EXPECT_EQ(detected.mark_bytes, c.mark_bytes) << c.label;
  }
}

// An HTTP header's charset stands in for the page's own declaration, which it overrides.
TEST(DetectEncoding, TransportDeclarationTakesThePlaceOfTheMeta) {
  const std::string sjis = encode("市議会は火曜日の夜、桟橋の全面改修を可決した。", "Shift_JIS");
  const std::string page = "<meta charset=\"euc-jp\"><p>" + sjis;
  EXPECT_EQ(detect_encoding(page, true).name, "EUC-JP");
  const DetectedEncoding detected = detect_encoding(page, true, "", "Shift_JIS");
  EXPECT_EQ(detected.name, "Shift_JIS");
  EXPECT_EQ(detected.source, EncodingSource::kDeclared);
  // Valid UTF-8 is still UTF-8, whatever the header says.
  EXPECT_EQ(detect_encoding("<p>Le conseil a voté.", true, "", "iso-8859-1").name, "UTF-8");
  EXPECT_EQ(charset_of_content_type("text/html; Charset=\"Shift_JIS\""), "shift_jis");
  EXPECT_EQ(charset_of_content_type("text/html;charset=utf-8; foo=bar"), "utf-8");
  EXPECT_EQ(charset_of_content_type("text/html"), "");
}

TEST(ConverterName, MapsLabelsAsTheHtmlStandardDoes) {
  const std::pair<const char*, const char*> cases[] = {
      {"latin1", "windows-1252"}, {" ISO-8859-1 ", "windows-1252"}, {"us-ascii", "windows-1252"},
      {"cp1252", "windows-1252"}, {"GBK", "GB18030"},              {"gb2312", "GB18030"},
      {"shift_jis", "Shift_JIS"}, {"x-sjis", "Shift_JIS"},         {"utf-16le", "UTF-16LE"},
      {"UTF8", "UTF-8"},          {"euc-jp", "EUC-JP"},            {"no-such-encoding", ""},
      {"", ""},
  };
  for (const auto& [label, name] : cases) EXPECT_EQ(converter_name(label), name) << label;
}

// Pages written for this test (made-up outlets and events, like golden/cases), one per script.
std::string page(std::string_view meta, std::string_view title, std::string_view nav, std::string_view body1,
                 std::string_view body2, std::string_view footer) {
  std::string html = "<!DOCTYPE html><html><head>";
  html += meta;
  html += "<title>";
  html += title;
  html += "</title></head><body><header class=\"site-header\"><nav class=\"menu\"><ul>";
  html += nav;
  html += "</ul></nav></header><main><article class=\"post-content\"><h1>";
  html += title;
  html += "</h1><p>";
  html += body1;
  html += "</p><p>";
  html += body2;
  html += "</p></article></main><footer class=\"site-footer\"><p>";
  html += footer;
  html += "</p></footer></body></html>";
  return html;
}

std::string french_page(std::string_view meta) {
  return page(meta, "La jetée de Port-Vérac sera rénovée",
              "<li><a href=\"/\">Accueil</a></li><li><a href=\"/région\">Région</a></li><li><a href=\"/économie\">Économie</a></li>",
              "Le conseil municipal de Port-Vérac a voté mardi soir la rénovation complète de la jetée, après des "
              "années de débats sur son coût et sur l'état déplorable de ses piliers en béton.",
              "Les travaux commenceront à l'été prochain et dureront dix-huit mois, a précisé la maire, qui a "
              "promis que les pêcheurs garderaient un accès au quai pendant toute la durée du chantier.",
              "© 2024 Le Courrier de Port-Vérac. Tous droits réservés.");
}

std::string japanese_page(std::string_view meta) {
  return page(meta, "港町の桟橋、全面改修へ", "<li><a href=\"/\">ホーム</a></li><li><a href=\"/news\">ニュース</a></li>",
              "港町市議会は火曜日の夜、長年にわたる費用と劣悪な状態をめぐる議論の末、桟橋の全面改修を可決した。"
              "老朽化したコンクリートの柱は数年前から危険だと指摘されていた。",
              "工事は来年の夏に始まり、十八か月続く予定だと市長は述べた。地元の漁業関係者は、工事中も岸壁を使えると"
              "いう約束を歓迎している。",
              "Copyright 2024 港町新報 All rights reserved.");
}

std::string chinese_page(std::string_view meta) {
  return page(meta, "港湾镇码头将全面翻修", "<li><a href=\"/\">首页</a></li><li><a href=\"/news\">新闻</a></li>",
              "港湾镇议会周二晚间投票通过了码头的全面翻修计划，此前围绕其费用和糟糕状况的争论持续了数年。"
              "老化的混凝土桩柱多年前就被认为存在危险。",
              "镇长表示，工程将于明年夏天开始，持续十八个月。当地渔民对施工期间仍可使用码头的承诺表示欢迎。",
              "版权所有 2024 港湾镇日报");
}

// What a reader compares: each block's text, decision and reason.
std::string blocks_of(const CleanResult& result) {
  std::string out;
  for (const BlockResult& block : result.blocks) {
    out += (block.keep ? "+ " : "- ") + std::string(reason_name(block.reason)) + " " + block.text + "\n";
  }
  return out;
}

struct RoundTripCase {
  const char* label;
  std::string utf8;
  const char* encoding;     // ICU name to encode with
  std::string_view mark;    // byte order mark to put first
  InputKind kind;
  const char* expected;     // the encoding winnow should report
};

TEST(Encodings, PagesCleanAsTheirUtf8Twins) {
  // A golden page, its charset declaration left as it is: in Latin-1 the bytes contradict it.
  const std::string spanish = testing::read_whole_file(testing::source_path("golden/cases/html_es_follow_prompt_related_midbody.html"));
  ASSERT_NE(spanish.find("<meta charset=\"utf-8\">"), std::string::npos);
  const std::string french_text =
      "Accueil | Région | Économie\nLa jetée de Port-Vérac sera rénovée\n"
      "Le conseil municipal de Port-Vérac a voté mardi soir la rénovation complète de la jetée, après des années de "
      "débats sur son coût et sur l'état déplorable de ses piliers en béton.\n"
      "Partager sur Facebook\n© 2024 Le Courrier de Port-Vérac. Tous droits réservés.\n";
  const std::string japanese_text = "ホーム | ニュース\n港町の桟橋、全面改修へ\n"
                                    "港町市議会は火曜日の夜、長年にわたる費用と劣悪な状態をめぐる議論の末、桟橋の全面改修を可決した。"
                                    "老朽化したコンクリートの柱は数年前から危険だと指摘されていた。\n";
  const RoundTripCase cases[] = {
      {"cp1252, declared", french_page("<meta charset=\"windows-1252\">"), "windows-1252", "", InputKind::kAuto,
       "windows-1252"},
      {"cp1252, undeclared", french_page(""), "windows-1252", "", InputKind::kAuto, "windows-1252"},
      {"latin-1, http-equiv", french_page("<meta http-equiv=\"content-type\" content=\"text/html; charset=iso-8859-1\">"),
       "ISO-8859-1", "", InputKind::kAuto, "windows-1252"},
      {"latin-1 golden page, undeclared", spanish, "ISO-8859-1", "", InputKind::kAuto, "windows-1252"},
      {"shift_jis, declared", japanese_page("<meta charset=\"shift_jis\">"), "Shift_JIS", "", InputKind::kAuto,
       "Shift_JIS"},
      {"shift_jis, undeclared", japanese_page(""), "Shift_JIS", "", InputKind::kAuto, "Shift_JIS"},
      {"gbk, declared gb2312", chinese_page("<meta http-equiv=Content-Type content=\"text/html; charset=gb2312\">"),
       "GBK", "", InputKind::kAuto, "GB18030"},
      {"gbk, undeclared", chinese_page(""), "GBK", "", InputKind::kAuto, "GB18030"},
      {"utf-16le with mark", french_page(""), "UTF-16LE", "\xFF\xFE", InputKind::kAuto, "UTF-16LE"},
      {"utf-16be with mark", japanese_page(""), "UTF-16BE", "\xFE\xFF", InputKind::kAuto, "UTF-16BE"},
      {"utf-16le, no mark", spanish, "UTF-16LE", "", InputKind::kAuto, "UTF-16LE"},
      {"utf-8 with mark", spanish, "UTF-8", "\xEF\xBB\xBF", InputKind::kAuto, "UTF-8"},
      {"text, cp1252", french_text, "windows-1252", "", InputKind::kText, "windows-1252"},
      {"text, shift_jis", japanese_text, "Shift_JIS", "", InputKind::kText, "Shift_JIS"},
      {"text, utf-16le with mark", french_text, "UTF-16LE", "\xFF\xFE", InputKind::kAuto, "UTF-16LE"},
  };
  for (const RoundTripCase& c : cases) {
    const std::string bytes = std::string(c.mark) + encode(c.utf8, c.encoding);
    ASSERT_NE(bytes, c.utf8) << c.label << ": the test page must need conversion";
    CleanOptions options;
    options.kind = c.kind;
    const CleanResult twin = clean(c.utf8, options);
    const CleanResult result = clean(bytes, options);
    EXPECT_EQ(result.encoding, c.expected) << c.label;
    EXPECT_EQ(result.kind, twin.kind) << c.label;
    EXPECT_EQ(blocks_of(result), blocks_of(twin)) << c.label;
    EXPECT_FALSE(kept_text(result).empty()) << c.label;
  }
}

// A text stream decides its encoding from its first 64 KiB and converts the rest as it comes, in
// pieces that split multi-byte sequences anywhere.
TEST(Encodings, TextStreamConvertsAcrossPushes) {
  std::string utf8;
  for (int i = 0; i < 800; ++i) {
    utf8 += "第" + std::to_string(i) + "段：港町市議会は火曜日の夜、桟橋の全面改修を可決した。工事は来年の夏に始まる予定だ。\n";
  }
  const std::string bytes = encode(utf8, "Shift_JIS");
  ASSERT_GT(bytes.size(), std::size_t{65536});
  std::string streamed;
  CleanOptions options;
  options.kind = InputKind::kText;
  TextStream stream(options, [&](const BlockResult& block) { streamed += block.text + "\n"; });
  for (std::size_t at = 0; at < bytes.size(); at += 7) stream.push(std::string_view(bytes).substr(at, 7));
  stream.finish();
  EXPECT_EQ(stream.encoding(), "Shift_JIS");
  std::string whole;
  for (const BlockResult& block : clean(utf8, options).blocks) whole += block.text + "\n";
  EXPECT_EQ(streamed, whole);
}

TEST(Utf8Decoder, MalformedBytesBecomeReplacementCharacters) {
  // 0x82 0x20 is no Shift_JIS character; 0xFF is no lead byte.
  const std::string bytes = encode("桟橋", "Shift_JIS") + "\x82 \xFF" + encode("改修", "Shift_JIS");
  std::string storage;
  const std::string_view text = decode_document(bytes, DetectedEncoding{"Shift_JIS", EncodingSource::kForced, 0}, &storage);
  EXPECT_EQ(std::string(text), "桟橋\uFFFD \uFFFD改修");
}

TEST(LooksBinary, ControlBytesMakeBinaryButNotUtf16OrAStrayNul) {
  std::mt19937 random(7);
  std::string noise(4096, '\0');
  for (char& c : noise) c = static_cast<char>(random() & 0xFF);
  EXPECT_TRUE(looks_binary(noise));
  EXPECT_EQ(detect_encoding(noise, true).source, EncodingSource::kBinary);
  EXPECT_EQ(detect_encoding(noise, true, "latin1").source, EncodingSource::kForced);
  const std::string stray = std::string("A line of text with a stray\0NUL byte or two\0 in it.\n", 53);
  EXPECT_FALSE(looks_binary(stray));
  // UTF-16 is many control bytes, but its shape says what it is first.
  const std::string utf16 = encode("Plain words in UTF-16, with NUL in every other byte.", "UTF-16LE");
  EXPECT_EQ(detect_encoding(utf16, false).source, EncodingSource::kUtf16Shape);
  const std::string sjis = encode("港町市議会は火曜日の夜、桟橋の全面改修を可決した。", "Shift_JIS");
  EXPECT_FALSE(looks_binary(sjis));
}

}  // namespace
}  // namespace winnow
