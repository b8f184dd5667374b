// The pipeline. Entry points: clean, TextStream (include/winnow/winnow.h), classify_window.
// Tested by tests/pipeline_test.cpp and the golden sets.
#include "pipeline.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

#include "encoding.h"
#include "html_segment.h"
#include "lexicon.h"
#include "teasers.h"
#include "text_segment.h"
#include "winnow/winnow.h"

namespace winnow {
namespace {

// A text stream is classified in windows of this many blocks; documents shorter than a window
// (nearly all) are classified whole. Each window sees kLookAheadBlocks blocks past the ones it
// decides and keeps as many before them as context.
constexpr std::size_t kWindowBlocks = 16384;
constexpr std::size_t kLookAheadBlocks = 256;
// The same bounds in bytes of text, which hold where lines are long (up to Limits::max_line_bytes
// each): a window is classified once it holds kWindowBytes, and the look-ahead and the context
// before it hold at most kLookAheadBytes each (and at least one block).
constexpr std::size_t kWindowBytes = std::size_t{32} << 20;
constexpr std::size_t kLookAheadBytes = std::size_t{8} << 20;
// How much of a text stream is read before its encoding is decided.
constexpr std::size_t kEncodingSniffBytes = 65536;

// How many blocks, counted back from `end` (exclusive) but not past `begin`, fit in the look-ahead
// bounds.
std::size_t look_ahead_blocks(const std::vector<Block>& blocks, std::size_t begin, std::size_t end) {
  std::size_t count = 0;
  std::size_t bytes = 0;
  while (end - count > begin && count < kLookAheadBlocks) {
    bytes += blocks[end - count - 1].text.size();
    if (count > 0 && bytes > kLookAheadBytes) break;
    ++count;
  }
  return count;
}

constexpr std::string_view kReasonNames[] = {
    "content",  "boilerplate", "context-keep", "context-drop", "headline", "best-of-page", "repeat",  "title-duplicate",
    "teaser-marker", "teaser-item", "legal", "prompt", "comments", "source-pointer",
    "caption", "cookie", "advert", "navigation", "byline", "date", "tag-list", "url", "not-text",
};
static_assert(std::size(kReasonNames) == static_cast<std::size_t>(Reason::kCount));

BlockResult to_result(Block&& block, const Decision& decision) {
  return BlockResult{std::move(block.text), decision.score, decision.keep, decision.reason};
}

}  // namespace

std::vector<float> score_first_pass(const std::vector<Reason>& rules, const TreeEnsemble& first_pass,
                                    const std::vector<FeatureVector>& features) {
  std::vector<bool> ruled(features.size());
  for (std::size_t i = 0; i < features.size(); ++i) ruled[i] = rules[i] != Reason::kContent;
  return score_blocks(features, first_pass, ruled);
}

std::vector<float> score_two_passes(const std::vector<Reason>& rules, const SectionModel& model,
                                    std::vector<FeatureVector>& features) {
  const std::vector<float> first = score_first_pass(rules, model.first_pass, features);
  add_context_features(first, features);
  return score_blocks(features, model.second_pass);
}

std::string_view reason_name(Reason reason) {
  const auto index = static_cast<std::size_t>(reason);
  return index < std::size(kReasonNames) ? kReasonNames[index] : "unknown";
}

void prepare_window(Window& window, std::size_t first_new) {
  const Lexicon& lexicon = Lexicon::instance();
  window.shapes.resize(first_new);
  for (std::size_t i = first_new; i < window.doc.blocks.size(); ++i) {
    window.shapes.push_back(shape_block(window.doc.blocks[i], lexicon));
  }
}

Staged stage_window(const Window& window) {
  const std::vector<RepeatKind> repeats = find_repeats(window.doc.blocks, window.shapes);
  const std::vector<TeaserRole> teasers = find_teasers(window.doc.blocks, window.shapes, repeats);
  Staged staged;
  staged.rules = rule_reasons(window.shapes, repeats, teasers);
  staged.features = compute_features(window.doc, window.shapes, repeats, teasers);
  return staged;
}

Classified classify_window(const Window& window, const SectionModel& model, bool keep_features) {
  Staged staged = stage_window(window);
  const std::vector<float> scores = score_two_passes(staged.rules, model, staged.features);
  Classified result;
  result.decisions = decode_blocks(window.shapes, staged.rules, scores, model);
  if (keep_features) {
    result.features = std::move(staged.features);
    result.rules = std::move(staged.rules);
  }
  return result;
}

Classified classify_document(const Window& window, const SectionModel& model, bool keep_features) {
  Classified result = classify_window(window, model, keep_features);
  RepeatTracker kept;
  drop_kept_repeats(window.shapes, 0, window.shapes.size(), kept, result.decisions);
  return result;
}

Document segment_document(std::string_view text, InputKind kind, const Limits& limits, LimitsHit* hit) {
  LimitsHit local;
  if (hit == nullptr) hit = &local;
  if (kind == InputKind::kAuto) kind = detect_input_kind(text);
  if (kind == InputKind::kHtml) return segment_html(text, limits.max_depth, hit);
  return segment_text(text, limits.max_line_bytes, &hit->lines_cut);
}

std::string_view decode_input(std::string_view bytes, const CleanOptions& options, std::string* storage,
                              CleanResult* result) {
  const DetectedEncoding encoding =
      detect_encoding(bytes, options.kind != InputKind::kText, options.encoding, options.transport_encoding);
  const std::string_view text = decode_document(bytes, encoding, storage);
  result->kind = options.kind == InputKind::kAuto ? detect_input_kind(text) : options.kind;
  result->encoding = encoding.name;
  return text;
}

CleanResult clean(std::string_view bytes, const CleanOptions& options) {
  const Model& model = options.model != nullptr ? *options.model : default_model();
  CleanResult result;
  std::string storage;
  const std::string_view text = decode_input(bytes, options, &storage, &result);
  Window window;
  window.doc = segment_document(text, result.kind, options.limits, &result.limits_hit);
  prepare_window(window, 0);
  const Classified classified = classify_document(window, model.for_kind(window.doc.is_html), false);
  result.blocks.reserve(window.doc.blocks.size());
  for (std::size_t i = 0; i < window.doc.blocks.size(); ++i) {
    result.blocks.push_back(to_result(std::move(window.doc.blocks[i]), classified.decisions[i]));
  }
  return result;
}

Explained explain_document(std::string_view bytes, const CleanOptions& options, std::size_t top) {
  const Model& model = options.model != nullptr ? *options.model : default_model();
  Explained explained;
  std::string storage;
  const std::string_view text = decode_input(bytes, options, &storage, &explained.result);
  Window window;
  window.doc = segment_document(text, explained.result.kind, options.limits, &explained.result.limits_hit);
  prepare_window(window, 0);
  const SectionModel& section = model.for_kind(window.doc.is_html);
  const Classified classified = classify_document(window, section, true);
  // The strongest `top` contributions of one pass, as "name +w, name -w".
  auto strongest = [top](std::vector<std::pair<std::size_t, float>> contributions) {
    std::sort(contributions.begin(), contributions.end(),
              [](const auto& a, const auto& b) { return std::abs(a.second) > std::abs(b.second); });
    std::string list;
    for (std::size_t k = 0; k < std::min(top, contributions.size()); ++k) {
      char buffer[64];
      std::snprintf(buffer, sizeof buffer, "%s%s %+.2f", k == 0 ? "" : ", ",
                    std::string(feature_name(static_cast<Feature>(contributions[k].first))).c_str(),
                    static_cast<double>(contributions[k].second));
      list += buffer;
    }
    return list;
  };
  for (std::size_t i = 0; i < window.doc.blocks.size(); ++i) {
    // The second pass decides; its strongest input is usually ctx_self, the first pass's own
    // probability, so the first pass's strongest features follow to say where that came from.
    std::string pushes = strongest(feature_contributions(section.second_pass, classified.features[i]));
    // A block a rule decides has no first-pass probability (ctx_self 0), so no first pass to explain.
    const std::string first = classified.rules[i] != Reason::kContent
                                  ? std::string()
                                  : strongest(feature_contributions(section.first_pass, classified.features[i]));
    if (!first.empty()) pushes += (pushes.empty() ? "" : "; ") + std::string("first pass: ") + first;
    explained.pushes.push_back(std::move(pushes));
    explained.result.blocks.push_back(to_result(std::move(window.doc.blocks[i]), classified.decisions[i]));
  }
  return explained;
}

std::string kept_text(const CleanResult& result) {
  std::string out;
  for (const BlockResult& block : result.blocks) {
    if (!block.keep) continue;
    out += block.text;
    out += '\n';
  }
  return out;
}

struct TextStream::State {
  const Model* model;
  Sink sink;
  Window window;
  std::size_t prepared = 0;  // blocks [0, prepared) have shapes and repeats
  std::size_t decided = 0;   // blocks [0, decided) have been handed to the sink
  std::size_t undecided_bytes = 0;  // text of blocks [decided, end)
  RepeatTracker kept;  // texts kept so far in this document
  LineSegmenter segmenter;
  std::string forced_encoding;
  std::optional<Utf8Decoder> decoder;  // set once the encoding is decided
  std::string encoding;
  std::string pending;  // bytes pushed before the encoding was decided
  std::string decoded;  // scratch for the decoder

  State(const CleanOptions& options, Sink s)
      : model(options.model != nullptr ? options.model : &default_model()),
        sink(std::move(s)),
        segmenter([this](Block&& block) { add(std::move(block)); }, options.limits.max_line_bytes),
        forced_encoding(options.encoding) {}

  void push(std::string_view bytes) {
    if (decoder) {
      segmenter.push(decoder->decode(bytes, false, &decoded));
      return;
    }
    pending.append(bytes);
    if (pending.size() >= kEncodingSniffBytes) start_decoding();
  }

  void start_decoding() {
    const DetectedEncoding detected = detect_encoding(pending, false, forced_encoding);
    encoding = detected.name;
    decoder.emplace(detected);
    segmenter.push(decoder->decode(pending, false, &decoded));
    std::string().swap(pending);
  }

  void finish() {
    if (!decoder) start_decoding();
    segmenter.push(decoder->decode({}, true, &decoded));
    segmenter.finish();
    run(true);
  }

  void add(Block&& block) {
    undecided_bytes += block.text.size();
    window.doc.blocks.push_back(std::move(block));
    if (window.doc.blocks.size() - decided >= kWindowBlocks + kLookAheadBlocks || undecided_bytes >= kWindowBytes) {
      run(false);
    }
  }

  // Classifies the window and hands on every block whose decision is final: all of them at the end,
  // otherwise all but the look-ahead. Then drops what is no longer needed as context.
  void run(bool at_end) {
    auto& blocks = window.doc.blocks;
    prepare_window(window, prepared);
    prepared = blocks.size();
    Classified classified = classify_window(window, model->text, false);
    const std::size_t final_end =
        at_end ? blocks.size() : blocks.size() - look_ahead_blocks(blocks, decided, blocks.size());
    drop_kept_repeats(window.shapes, decided, final_end, kept, classified.decisions);
    for (std::size_t i = decided; i < final_end; ++i) {
      sink(BlockResult{blocks[i].text, classified.decisions[i].score, classified.decisions[i].keep,
                       classified.decisions[i].reason});
    }
    for (std::size_t i = decided; i < final_end; ++i) undecided_bytes -= blocks[i].text.size();
    decided = final_end;
    const std::size_t context_start = decided - look_ahead_blocks(blocks, 0, decided);
    blocks.erase(blocks.begin(), blocks.begin() + static_cast<std::ptrdiff_t>(context_start));
    window.shapes.erase(window.shapes.begin(), window.shapes.begin() + static_cast<std::ptrdiff_t>(context_start));
    decided -= context_start;
    prepared -= context_start;
  }
};

TextStream::TextStream(const CleanOptions& options, Sink sink)
    : state_(std::make_unique<State>(options, std::move(sink))) {}

TextStream::~TextStream() = default;

void TextStream::push(std::string_view bytes) { state_->push(bytes); }

void TextStream::finish() { state_->finish(); }

const std::string& TextStream::encoding() const { return state_->encoding; }

LimitsHit TextStream::limits_hit() const { return LimitsHit{state_->segmenter.lines_cut(), false}; }

}  // namespace winnow
