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
  kNotText,   // binary data, not text in any encoding
  kTooLarge,  // a document over Limits::max_document_bytes
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

// What a document met of the limits below, for the caller to report.
struct LimitsHit {
  std::uint64_t lines_cut = 0;  // plain-text lines longer than max_line_bytes, cut into parts
  bool depth_limited = false;   // HTML elements nested deeper than max_depth were flattened
  // HTML formatting start tags (b, i, font, ...) dropped because 16 were left open already
  // (kMaxOpenFormatting): the tree builder would copy every open one into each block after
  // (filter/nesting_limit.h).
  std::uint64_t formatting_dropped = 0;
};

struct CleanResult {
  InputKind kind = InputKind::kText;  // the kind actually used
  std::string encoding = "UTF-8";     // the encoding the bytes were read in (an ICU name)
  std::vector<BlockResult> blocks;    // every block, kept and dropped, in document order
  LimitsHit limits_hit;
};

// The learned classifier (boosted trees) and decoder parameters for both input kinds. Immutable once
// loaded; one instance may serve many threads.
class Model;

// The model built into the binary, trained on the development corpus.
const Model& default_model();

// Loads a model file written by `winnow train`. On failure returns a status naming the file and
// the problem (missing, wrong version, features that do not fit this binary) and leaves `out` empty.
Status load_model(const std::string& path, std::shared_ptr<const Model>* out);

// Bounds on what one document may cost, so hostile input cannot exhaust memory, time or stack.
// Each has a CLI flag; README "Limits" documents them.
struct Limits {
  // HTML is held whole to be parsed; a larger document is refused (ErrorCode::kTooLarge) by the
  // readers (clean_stream, batch, JSONL). clean() itself takes what it is given.
  std::uint64_t max_document_bytes = std::uint64_t{256} << 20;
  // Plain text streams line by line; a longer line is cut into parts of at most this many bytes
  // (at white space where there is some), each a block of its own, so no line is held whole.
  std::size_t max_line_bytes = std::size_t{1} << 20;
  // HTML elements nested deeper than this are flattened into their ancestor at this depth (their
  // text stays), as browsers do; see nesting_limit.h.
  std::size_t max_depth = 512;
};

struct CleanOptions {
  InputKind kind = InputKind::kAuto;
  const Model* model = nullptr;  // nullptr: default_model()
  // Empty: decide from a byte order mark, the page's declaration, or the bytes (encoding.h);
  // otherwise an encoding name ("windows-1252", "Shift_JIS", "GBK", "UTF-16LE", ...) that wins.
  std::string encoding;
  // The charset label a transport gave (the HTTP Content-Type of a WARC response): weighed as the
  // page's own declaration is, in its place. Ignored when empty or when `encoding` is set.
  std::string transport_encoding;
  Limits limits;
};

// Decides whether bytes are HTML or plain text, from their first kilobytes (of UTF-8).
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

  // Known once the first 64 KiB (or the whole input) have been pushed.
  const std::string& encoding() const;
  LimitsHit limits_hit() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace winnow
