// winnow: strips boilerplate and web clutter from scraped pages, keeping the main content.
//
// The public API. One call cleans a whole document held in memory (`clean`); `TextStream` cleans
// plain text as it arrives, with a bounded look-ahead, so memory does not grow with the input.
// Both return every block with its score, decision and reason, so a caller can print the kept text
// (`kept_text`), or explain each decision.
//
// The library never throws across this API and never prints: failures come back as `Status`.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace winnow {

inline constexpr std::string_view kVersion = "0.1.0";

enum class InputKind : std::uint8_t {
  kAuto,  // decide from the bytes (detect_input_kind)
  kHtml,
  kText,
};

// Why a block was kept or dropped. Every decision carries one, so `winnow explain` can say why a
// line went. The first two come from the classifier; the rest from rules that POLICY.md states.
enum class Reason : std::uint8_t {
  kContent,         // the classifier scored it as content
  kBoilerplate,     // the classifier scored it as boilerplate
  kContextKeep,     // scored low alone, kept because the content run around it holds
  kContextDrop,     // scored high alone, dropped because the boilerplate around it holds
  kHeadline,        // the headline-shaped line right above where the body starts
  kBestOfPage,      // nothing scored as content, so the page's best-scoring blocks are kept
  kRepeat,          // repeats an earlier block of the page; the first occurrence is kept
  kTitleDuplicate,  // the headline again, with a site name before or after it
  kTeaserMarker,    // "Related", "Read more:", "Popular", "More from ..." and the like
  kTeaserItem,      // a headline or summary listed under a teaser marker
  kLegal,           // copyright, licensing, paywall notice
  kPrompt,          // share / follow / join / subscribe / newsletter prompt
  kComments,        // comment section heading or prompt
  kSourcePointer,   // "Source link", "First appeared on", "Read more on original:"
  kCaption,         // photo or video caption or credit
  kCookie,          // cookie or consent banner
  kAdvert,          // "Advertisement" and sponsored labels
  kNavigation,      // menus, breadcrumbs, "Skip to content"
  kByline,          // author lines, datelines, source lines standing alone
  kDate,            // a date or timestamp standing alone
  kTagList,         // category and tag lists ("MidEast|Political|World")
  kUrl,             // a bare URL
  kNotText,         // mostly bytes that are not UTF-8 text (binary data, a wrong encoding)
  kCount,           // number of reasons, not a reason
};

// A short stable name for a reason ("content", "repeat", "teaser-item", ...).
std::string_view reason_name(Reason reason);

enum class ErrorCode : std::uint8_t {
  kOk,
  kBadModel,  // a model file that cannot be read, has the wrong version or does not fit the binary
  kIo,        // a file that cannot be read or written
  kUsage,     // options that do not fit together or the inputs given
};

struct Status {
  ErrorCode code = ErrorCode::kOk;
  std::string message;  // says what was wrong and where; empty when ok
  bool ok() const { return code == ErrorCode::kOk; }
};

// One block of the output: a line of plain-text input, or a block-level element of HTML input.
struct BlockResult {
  std::string text;  // white space folded, as it would be written
  float score = 0;   // classifier probability that the block is content, 0..1
  bool keep = false;
  Reason reason = Reason::kBoilerplate;
};

struct CleanResult {
  InputKind kind = InputKind::kText;  // the kind actually used
  std::vector<BlockResult> blocks;    // every block, kept and dropped, in document order
};

// The learned classifier (boosted trees) and decoder parameters for both input kinds. Immutable once
// loaded; one instance may serve many threads.
class Model;

// The model built into the binary, trained on the development corpus.
const Model& default_model();

// Loads a model file written by `winnow train`. On failure returns a status naming the file and
// the problem (missing, wrong version, features that do not fit this binary) and leaves `out` empty.
Status load_model(const std::string& path, std::shared_ptr<const Model>* out);

struct CleanOptions {
  InputKind kind = InputKind::kAuto;
  const Model* model = nullptr;  // nullptr: default_model()
};

// Decides whether bytes are HTML or plain text, from their first kilobytes.
InputKind detect_input_kind(std::string_view bytes);

// Cleans one document held in memory.
CleanResult clean(std::string_view bytes, const CleanOptions& options = {});

// The kept blocks in the output form of POLICY.md: one per line, a final newline, nothing for an
// empty result.
std::string kept_text(const CleanResult& result);

// Cleans plain text as it arrives. Each block is handed to `sink` once its decision is final, in
// document order; at most one window of blocks (see pipeline.cpp) is held at a time.
class TextStream {
 public:
  using Sink = std::function<void(const BlockResult&)>;
  TextStream(const CleanOptions& options, Sink sink);
  ~TextStream();
  TextStream(const TextStream&) = delete;
  TextStream& operator=(const TextStream&) = delete;

  void push(std::string_view bytes);  // any split of the input, lines may straddle calls
  void finish();                      // flushes the rest; call once at the end

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace winnow
