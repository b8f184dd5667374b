// libFuzzer target: the model file parser (parse_model, filter/model.h; load_model reads the file
// and calls it). Any bytes must give a model or a status naming the problem, never a crash; a model
// it accepts must be safe to use, so a short HTML page and a short text are cleaned with it and the
// results must keep POLICY.md's output form (fuzz_support.h). Each input is parsed as it is and
// again with its end line's hash made to match, or almost every mutation would stop at the hash.
// Build and run: tests/fuzz/run_all.sh; model.dict guides it.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "fnv_hash.h"
#include "fuzz_support.h"
#include "model.h"

namespace {

// Enough blocks of both kinds to reach both passes, the decoder and the rules.
constexpr std::string_view kPage =
    "<html><head><title>Tide tables change | Harbour News</title></head><body><nav><a href=/>Home</a>"
    "<a href=/news>News</a></nav><article><h1>Tide tables change</h1><p>By Ann Lee, May 1 2024</p>"
    "<p>The harbour office published new tide tables on Monday, after a survey of the channel found "
    "that the sandbanks had moved further east than expected.</p><figure><figcaption>Photo: Harbour "
    "office</figcaption></figure><p>Fishing crews said the change would add half an hour to every "
    "trip.</p><h2>Related</h2><ul><li><a href=/b>Dredging starts in June</a></li></ul></article>"
    "<footer>© 2024 Harbour News. All rights reserved.</footer></body></html>";
constexpr std::string_view kText =
    "Home | News | Sport\nTide tables change\nBy Ann Lee, May 1 2024\nThe harbour office published new "
    "tide tables on Monday, after a survey of the channel found that the sandbanks had moved.\nShare "
    "this article\nFishing crews said the change would add half an hour to every trip.\nRead more:\n"
    "Dredging starts in June\n© 2024 Harbour News. All rights reserved.\n";

bool is_field_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// `contents` without its end lines, then an end line whose hash matches the records, computed as
// model.cpp's format comment says: each record's fields joined by one space and a newline, comments
// and blank lines left out.
std::string with_matching_end(std::string_view contents) {
  std::string out;
  std::uint64_t hash = winnow::kFnvOffset;
  std::size_t position = 0;
  while (position < contents.size()) {
    std::size_t end = contents.find('\n', position);
    if (end == std::string_view::npos) end = contents.size();
    const std::string_view line = contents.substr(position, end - position);
    position = end + 1;
    std::string_view record = line.substr(0, line.find('#'));
    std::vector<std::string_view> fields;
    for (std::size_t i = 0; i < record.size();) {
      while (i < record.size() && is_field_space(record[i])) ++i;
      const std::size_t start = i;
      while (i < record.size() && !is_field_space(record[i])) ++i;
      if (i > start) fields.push_back(record.substr(start, i - start));
    }
    if (!fields.empty() && fields[0] == "end") continue;
    for (std::size_t k = 0; k < fields.size(); ++k) {
      hash = winnow::fnv_mix(winnow::fnv_bytes(fields[k], hash), k + 1 < fields.size() ? ' ' : '\n');
    }
    out.append(line);
    out.push_back('\n');
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return out + "end fnv1a-64 " + hex + "\n";
}

// Parses `contents`; a model it accepts is returned for use, a refusal must say why.
bool parse(std::string_view contents, winnow::Model* model) {
  const winnow::Status status = winnow::parse_model(contents, "fuzz.model", model);
  if (!status.ok() && (status.message.empty() || status.code != winnow::ErrorCode::kBadModel)) {
    winnow::fuzz::fail("a refused model without a message or with another code", status.message);
  }
  return status.ok();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view contents(reinterpret_cast<const char*>(data), size);
  winnow::Model as_is;
  parse(contents, &as_is);
  winnow::Model model;
  if (!parse(with_matching_end(contents), &model)) return 0;
  for (const auto kind : {winnow::InputKind::kHtml, winnow::InputKind::kText}) {
    winnow::CleanOptions options;
    options.kind = kind;
    options.model = &model;
    winnow::fuzz::check_result(winnow::clean(kind == winnow::InputKind::kHtml ? kPage : kText, options));
  }
  return 0;
}
