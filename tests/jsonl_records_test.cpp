// Tests of JSONL records (filter/jsonl_records.h): which field is cleaned, where the text goes,
// that every other field comes back untouched and in order, and that a bad line is reported with
// its number and text, never dropped silently; a stream comes out in input order for any thread
// count.
#include "jsonl_records.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "test_support.h"

namespace winnow {
namespace {

using testing::TempDir;

// A page whose article survives cleaning and whose menu does not.
const std::string kHtml =
    "<html><body><nav><a href=/>Home</a> <a href=/news>News</a></nav><article><h1>Tide tables change</h1>"
    "<p>The harbour office published new tide tables on Monday, after a survey of the channel found that the "
    "sandbanks had moved further east than anyone had expected over the winter.</p><p>Fishing crews said the "
    "change would add half an hour to every trip, and asked the council to dredge the channel before summer.</p>"
    "</article><footer>© 2024 Harbour News. All rights reserved.</footer></body></html>";

std::string cleaned_html() {
  CleanOptions options;
  options.kind = InputKind::kHtml;
  std::string text = kept_text(clean(kHtml, options));
  text.pop_back();
  return text;
}

TEST(JsonlRecord, CleansTheHtmlFieldIntoTextAndKeepsEveryOtherFieldInOrder) {
  const nlohmann::ordered_json in = {{"url", "https://example.org/a"}, {"html", kHtml},
                                     {"meta", {{"n", 3}, {"tags", {"x", nullptr, 2.5}}}}, {"id", 7}};
  std::string out;
  CleanFigures figures;
  ASSERT_TRUE(clean_jsonl_record(in.dump(), JsonlOptions{}, &out, &figures).ok());
  const auto got = nlohmann::ordered_json::parse(out);
  nlohmann::ordered_json want = {{"url", "https://example.org/a"},
                                 {"meta", {{"n", 3}, {"tags", {"x", nullptr, 2.5}}}},
                                 {"id", 7},
                                 {"text", cleaned_html()}};
  EXPECT_EQ(got.dump(), want.dump());
  EXPECT_NE(got["text"].get<std::string>().find("The harbour office"), std::string::npos);
  EXPECT_EQ(got["text"].get<std::string>().find("All rights reserved"), std::string::npos);
  EXPECT_EQ(figures.documents, 1u);
  EXPECT_EQ(figures.bytes_in, kHtml.size());
  EXPECT_GT(figures.blocks, figures.kept_blocks);
  EXPECT_EQ(figures.bytes_out, cleaned_html().size());
}

TEST(JsonlRecord, FieldsAsTheOptionsSay) {
  struct Case {
    const char* name;
    JsonlOptions options;
    std::vector<std::string> want_keys;
  };
  JsonlOptions keep;
  keep.keep_input = true;
  JsonlOptions other_output;
  other_output.output_field = "clean";
  JsonlOptions named;
  named.input_field = "body";
  named.clean.kind = InputKind::kHtml;
  const std::vector<Case> cases = {
      {"default: html dropped, text added", JsonlOptions{}, {"id", "body", "text"}},
      {"--keep-input", keep, {"id", "html", "body", "text"}},
      {"--output-field clean", other_output, {"id", "body", "clean"}},
      {"--field body: body dropped", named, {"id", "html", "text"}},
  };
  const nlohmann::ordered_json in = {{"id", 1}, {"html", kHtml}, {"body", kHtml}};
  for (const Case& c : cases) {
    std::string out;
    CleanFigures figures;
    ASSERT_TRUE(clean_jsonl_record(in.dump(), c.options, &out, &figures).ok()) << c.name;
    std::vector<std::string> keys;
    const auto got = nlohmann::ordered_json::parse(out);
    for (const auto& [key, value] : got.items()) keys.push_back(key);
    EXPECT_EQ(keys, c.want_keys) << c.name;
  }
}

TEST(JsonlRecord, ATextFieldIsCleanedAsPlainTextWhenThereIsNoHtml) {
  const std::string text = testing::read_whole_file(testing::seed_paths().at(0));
  const std::string gold = testing::read_whole_file(
      testing::seed_paths().at(0).string().substr(0, testing::seed_paths().at(0).string().size() - 4) + ".gold.txt");
  std::string out;
  CleanFigures figures;
  ASSERT_TRUE(clean_jsonl_record(nlohmann::json{{"text", text}}.dump(), JsonlOptions{}, &out, &figures).ok());
  EXPECT_EQ(nlohmann::json::parse(out)["text"].get<std::string>() + "\n", gold);
}

TEST(JsonlRecord, BadLinesSayWhatIsWrong) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"{\"html\": \"<p>x</p>\"", "not valid JSON"},
      {"not json at all", "not valid JSON"},
      {"[1, 2, 3]", "not a JSON object"},
      // A number out of double's range: the parser throws out_of_range, not parse_error (fuzzer).
      {"[31e308\":a", "not valid JSON"},
      {"{\"text\": \"x\", \"n\": 1e999}", "not valid JSON"},
      {"{\"id\": 1}", "neither an \"html\" nor a \"text\" field"},
      {"{\"html\": 12}", "field \"html\" is not a string"},
      {"{\"text\": \"x\", \"a\": " + std::string(100000, '[') + std::string(100000, ']') + "}", "nested deeper than 512"},
  };
  for (const auto& [line, want] : cases) {
    std::string out;
    CleanFigures figures;
    const Status status = clean_jsonl_record(line, JsonlOptions{}, &out, &figures);
    ASSERT_FALSE(status.ok()) << line;
    EXPECT_NE(status.message.find(want), std::string::npos) << line << " -> " << status.message;
  }
  JsonlOptions named;
  named.input_field = "content";
  std::string out;
  CleanFigures figures;
  const Status missing = clean_jsonl_record("{\"html\": \"x\"}", named, &out, &figures);
  EXPECT_NE(missing.message.find("has no \"content\" field"), std::string::npos) << missing.message;
}

TEST(JsonlStream, KeepsRecordOrderForAnyThreadCountAndReportsBadLinesByNumber) {
  TempDir dir;
  std::string input;
  for (int i = 0; i < 600; ++i) {
    if (i == 100) input += "{broken\n";
    if (i == 200) input += "   \n";  // white space only: no record, no error
    input += nlohmann::ordered_json{{"n", i}, {"html", "<p>Record number " + std::to_string(i) + " says: " + kHtml + "</p>"}}.dump() + "\n";
  }
  const std::string path = dir.write("in.jsonl", input);
  std::string first_output;
  for (int threads : {1, 2, 4}) {
    std::unique_ptr<InputStream> in;
    ASSERT_TRUE(InputStream::open(path, &in).ok());
    std::ostringstream out;
    std::vector<RecordError> errors;
    std::vector<std::uint64_t> documents;
    JsonlSinks sinks;
    sinks.on_error = [&](const RecordError& e) { errors.push_back(e); };
    sinks.on_document = [&](std::uint64_t line, const CleanFigures&) { documents.push_back(line); };
    CleanFigures total;
    ASSERT_TRUE(clean_jsonl_stream(*in, JsonlOptions{}, threads, out, sinks, &total).ok());
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].line, 101u);
    EXPECT_EQ(errors[0].input, "{broken");
    EXPECT_EQ(total.documents, 600u);
    ASSERT_EQ(documents.size(), 600u);
    EXPECT_TRUE(std::is_sorted(documents.begin(), documents.end()));
    std::istringstream lines(out.str());
    int expected = 0;
    for (std::string line; std::getline(lines, line); ++expected) {
      ASSERT_EQ(nlohmann::json::parse(line)["n"].get<int>(), expected) << threads << " threads";
    }
    EXPECT_EQ(expected, 600);
    if (threads == 1) first_output = out.str();
    EXPECT_EQ(out.str(), first_output) << threads << " threads";
  }
}

// A record over --max-document-bytes is an error naming its line; the records around it are cleaned.
TEST(JsonlStream, ARecordOverTheSizeLimitIsReportedAndSkipped) {
  TempDir dir;
  const std::string big = nlohmann::json{{"text", std::string(5000, 'y')}}.dump();
  const std::string path = dir.write("in.jsonl", "{\"text\":\"" + kHtml + "\"}\n" + big + "\n{\"text\":\"" + kHtml + "\"}\n");
  std::unique_ptr<InputStream> in;
  ASSERT_TRUE(InputStream::open(path, &in).ok());
  JsonlOptions options;
  options.clean.limits.max_document_bytes = 4096;
  std::ostringstream out;
  std::vector<RecordError> errors;
  JsonlSinks sinks;
  sinks.on_error = [&](const RecordError& e) { errors.push_back(e); };
  CleanFigures total;
  ASSERT_TRUE(clean_jsonl_stream(*in, options, 1, out, sinks, &total).ok());
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].line, 2u);
  EXPECT_NE(errors[0].message.find("longer than 4096 bytes"), std::string::npos) << errors[0].message;
  EXPECT_LE(errors[0].input.size(), 1024u);
  EXPECT_EQ(total.documents, 2u);
}

}  // namespace
}  // namespace winnow
