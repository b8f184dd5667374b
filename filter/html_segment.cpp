// HTML segmentation. Entry point: segment_html. Tested by tests/html_segment_test.cpp.
//
// One iterative walk over Gumbo's tree (no recursion, so nesting depth cannot overflow the stack).
// Text accumulates into the current block; entering or leaving a block-level element ends it.
// Every element gets a pre-order index, so after the walk the good text under each element can be
// summed bottom-up and the best container found without a second tree walk.
#include "html_segment.h"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "fnv_hash.h"
#include "hash_table.h"
#include "raw_text_bodies.h"
#include "stand_ins.h"
#include "utf8.h"

namespace winnow {
namespace {

// A block counts as well-formed text, for finding the best container, when it has this many words
// and at most this share of its text inside links.
constexpr int kGoodBlockMinWords = 12;
constexpr float kGoodBlockMaxLinkDensity = 0.35f;
// The best container is the smallest element holding at least this share of the good text.
constexpr float kBestContainerShare = 0.5f;
// A page whose visible text has fewer words than this is an app shell (a forum or single-page app
// that renders with JavaScript); its <noscript> fallback, if any, is then read as the page.
constexpr std::size_t kAppShellWords = 60;

// Gumbo allocates every node, attribute, vector and string on its own and frees them one by one when
// the tree is destroyed: malloc and free took a tenth of an HTML page's time. A parse takes its
// memory from large chunks instead, and the chunks go whole after segmentation, the tree with them.
// What Gumbo frees while it parses (tokens, buffers it outgrew) is kept on a list per size and
// handed out again, so a page of a million stray end tags does not hold a million dead tokens.
class ParseArena {
 public:
  ParseArena() { free_.fill(nullptr); }
  ~ParseArena() {
    for (void* block : large_) std::free(block);
  }
  ParseArena(const ParseArena&) = delete;
  ParseArena& operator=(const ParseArena&) = delete;

  static void* allocate(void* arena, std::size_t size) { return static_cast<ParseArena*>(arena)->take(size); }
  static void release(void* arena, void* pointer) {
    if (pointer != nullptr) static_cast<ParseArena*>(arena)->give_back(pointer);
  }

 private:
  static constexpr std::size_t kAlign = alignof(std::max_align_t);
  // Sizes up to kLargeClassesFrom come in steps of kAlign, larger ones in powers of two up to
  // kLargest; above that a block is malloc'ed alone and freed when Gumbo frees it.
  static constexpr std::size_t kSmallClasses = 64;
  static constexpr std::size_t kLargeClassesFrom = kAlign * kSmallClasses;  // 1 KiB
  static constexpr std::size_t kLargest = std::size_t{1} << 20;
  static constexpr std::size_t kClasses = kSmallClasses + 11;  // 2 KiB ... 1 MiB
  static constexpr std::size_t kFirstChunk = std::size_t{64} << 10;
  static constexpr std::size_t kLargestChunk = std::size_t{8} << 20;
  static constexpr std::uint32_t kAlone = 0xFFFFFFFF;

  // Before each block: its size class, or kAlone and its index in large_. Keeps blocks aligned.
  struct alignas(kAlign) Header {
    std::uint32_t size_class;
    std::uint32_t alone_index;
  };

  static std::size_t class_of(std::size_t size) {
    if (size <= kLargeClassesFrom) return size == 0 ? 0 : (size - 1) / kAlign;
    std::size_t klass = kSmallClasses;
    for (std::size_t capacity = 2 * kLargeClassesFrom; capacity < size; capacity *= 2) ++klass;
    return klass;
  }
  static std::size_t capacity_of(std::size_t klass) {
    return klass < kSmallClasses ? (klass + 1) * kAlign : kLargeClassesFrom << (klass - kSmallClasses + 1);
  }

  void* take(std::size_t size) {
    if (size > kLargest) {
      auto* header = static_cast<Header*>(std::malloc(sizeof(Header) + size));
      if (header == nullptr) return nullptr;
      *header = Header{kAlone, static_cast<std::uint32_t>(large_.size())};
      large_.push_back(header);
      return header + 1;
    }
    const std::size_t klass = class_of(size);
    if (void* reused = free_[klass]; reused != nullptr) {
      std::memcpy(&free_[klass], reused, sizeof(void*));  // the next free block of the class
      return reused;
    }
    const std::size_t needed = sizeof(Header) + capacity_of(klass);
    if (needed > left_) {
      const std::size_t chunk = std::max(needed, next_chunk_);
      chunks_.emplace_back(new std::byte[chunk]);  // aligned for any type; not zeroed
      next_ = chunks_.back().get();
      left_ = chunk;
      next_chunk_ = std::min(2 * next_chunk_, kLargestChunk);
    }
    auto* header = reinterpret_cast<Header*>(next_);
    *header = Header{static_cast<std::uint32_t>(klass), 0};
    next_ += needed;
    left_ -= needed;
    return header + 1;
  }

  void give_back(void* pointer) {
    Header* header = static_cast<Header*>(pointer) - 1;
    if (header->size_class == kAlone) {
      large_[header->alone_index] = nullptr;
      std::free(header);
      return;
    }
    std::memcpy(pointer, &free_[header->size_class], sizeof(void*));
    free_[header->size_class] = pointer;
  }

  std::vector<std::unique_ptr<std::byte[]>> chunks_;
  std::byte* next_ = nullptr;
  std::size_t left_ = 0;
  std::size_t next_chunk_ = kFirstChunk;
  std::array<void*, kClasses> free_;
  std::vector<void*> large_;  // blocks malloc'ed alone and not yet freed (nullptr once freed)
};

struct VocabularyEntry {
  std::string_view word;
  ClassGroup group;
};

// Words of class and id values (split at '-', '_', ' ' and case changes are not split) that name a
// group. Exact words only: "ad" matches "ad" and "ads", not "header" or "download".
constexpr VocabularyEntry kVocabulary[] = {
    {"nav", ClassGroup::kNav}, {"navbar", ClassGroup::kNav}, {"navigation", ClassGroup::kNav},
    {"menu", ClassGroup::kNav}, {"menubar", ClassGroup::kNav}, {"breadcrumb", ClassGroup::kNav},
    {"breadcrumbs", ClassGroup::kNav}, {"pagination", ClassGroup::kNav}, {"pager", ClassGroup::kNav},
    {"skip", ClassGroup::kNav}, {"topnav", ClassGroup::kNav}, {"submenu", ClassGroup::kNav},
    {"footer", ClassGroup::kFooter}, {"foot", ClassGroup::kFooter}, {"copyright", ClassGroup::kFooter},
    {"legal", ClassGroup::kFooter}, {"colophon", ClassGroup::kFooter}, {"disclaimer", ClassGroup::kFooter},
    {"header", ClassGroup::kHeader}, {"masthead", ClassGroup::kHeader}, {"banner", ClassGroup::kHeader},
    {"topbar", ClassGroup::kHeader}, {"branding", ClassGroup::kHeader}, {"logo", ClassGroup::kHeader},
    {"sidebar", ClassGroup::kSidebar}, {"aside", ClassGroup::kSidebar}, {"widget", ClassGroup::kSidebar},
    {"widgets", ClassGroup::kSidebar}, {"rail", ClassGroup::kSidebar}, {"sidebox", ClassGroup::kSidebar},
    {"share", ClassGroup::kShare}, {"sharing", ClassGroup::kShare}, {"social", ClassGroup::kShare},
    {"follow", ClassGroup::kShare}, {"sharethis", ClassGroup::kShare}, {"addthis", ClassGroup::kShare},
    {"facebook", ClassGroup::kShare}, {"twitter", ClassGroup::kShare}, {"print", ClassGroup::kShare},
    {"related", ClassGroup::kRelated}, {"recommended", ClassGroup::kRelated}, {"popular", ClassGroup::kRelated},
    {"trending", ClassGroup::kRelated}, {"teaser", ClassGroup::kRelated}, {"more", ClassGroup::kRelated},
    {"recent", ClassGroup::kRelated}, {"similar", ClassGroup::kRelated}, {"outbrain", ClassGroup::kRelated},
    {"taboola", ClassGroup::kRelated}, {"promo", ClassGroup::kAd},
    {"comment", ClassGroup::kComment}, {"comments", ClassGroup::kComment}, {"reply", ClassGroup::kComment},
    {"respond", ClassGroup::kComment}, {"discussion", ClassGroup::kComment}, {"disqus", ClassGroup::kComment},
    {"ad", ClassGroup::kAd}, {"ads", ClassGroup::kAd}, {"advert", ClassGroup::kAd},
    {"advertisement", ClassGroup::kAd}, {"sponsor", ClassGroup::kAd}, {"sponsored", ClassGroup::kAd},
    {"adsense", ClassGroup::kAd}, {"dfp", ClassGroup::kAd},
    {"newsletter", ClassGroup::kNewsletter}, {"subscribe", ClassGroup::kNewsletter},
    {"signup", ClassGroup::kNewsletter}, {"subscription", ClassGroup::kNewsletter},
    {"cookie", ClassGroup::kCookie}, {"cookies", ClassGroup::kCookie}, {"consent", ClassGroup::kCookie},
    {"gdpr", ClassGroup::kCookie},
    {"author", ClassGroup::kMeta}, {"byline", ClassGroup::kMeta}, {"date", ClassGroup::kMeta},
    {"time", ClassGroup::kMeta}, {"meta", ClassGroup::kMeta}, {"tags", ClassGroup::kMeta},
    {"tag", ClassGroup::kMeta}, {"category", ClassGroup::kMeta}, {"categories", ClassGroup::kMeta},
    {"caption", ClassGroup::kCaption}, {"figure", ClassGroup::kCaption}, {"credit", ClassGroup::kCaption},
    {"photo", ClassGroup::kCaption}, {"image", ClassGroup::kCaption}, {"wp-caption", ClassGroup::kCaption},
    {"article", ClassGroup::kContent}, {"content", ClassGroup::kContent}, {"main", ClassGroup::kContent},
    {"body", ClassGroup::kContent}, {"post", ClassGroup::kContent}, {"entry", ClassGroup::kContent},
    {"story", ClassGroup::kContent}, {"text", ClassGroup::kContent},
    {"hidden", ClassGroup::kHidden},
};

bool is_skipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG: case GUMBO_TAG_SELECT: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_BASE:
    case GUMBO_TAG_LINK: case GUMBO_TAG_META: case GUMBO_TAG_DATALIST:
      return true;
    default:
      return false;
  }
}

bool is_block_level(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY: case GUMBO_TAG_CENTER: case GUMBO_TAG_DD: case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR: case GUMBO_TAG_DIV: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR: case GUMBO_TAG_HTML: case GUMBO_TAG_LEGEND: case GUMBO_TAG_LI: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MENU: case GUMBO_TAG_NAV: case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT: case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
    case GUMBO_TAG_UL: case GUMBO_TAG_CAPTION: case GUMBO_TAG_TITLE: case GUMBO_TAG_HEAD:
    case GUMBO_TAG_OPTION: case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_FRAMESET:
      return true;
    default:
      return false;
  }
}

BlockTag block_tag_of(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_TITLE: return BlockTag::kTitle;
    case GUMBO_TAG_H1: return BlockTag::kH1;
    case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
      return BlockTag::kHeading;
    case GUMBO_TAG_P: return BlockTag::kP;
    case GUMBO_TAG_LI: return BlockTag::kLi;
    case GUMBO_TAG_TR: return BlockTag::kRow;
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: return BlockTag::kCell;
    case GUMBO_TAG_PRE: return BlockTag::kPre;
    case GUMBO_TAG_BLOCKQUOTE: return BlockTag::kBlockquote;
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_CAPTION: return BlockTag::kCaption;
    case GUMBO_TAG_DT: case GUMBO_TAG_DD: return BlockTag::kDefinition;
    default: return BlockTag::kDiv;
  }
}

int ancestor_tag_bit(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_NAV: return static_cast<int>(AncestorTag::kNav);
    case GUMBO_TAG_HEADER: return static_cast<int>(AncestorTag::kHeader);
    case GUMBO_TAG_FOOTER: return static_cast<int>(AncestorTag::kFooter);
    case GUMBO_TAG_ASIDE: return static_cast<int>(AncestorTag::kAside);
    case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN: return static_cast<int>(AncestorTag::kArticle);
    case GUMBO_TAG_FORM: return static_cast<int>(AncestorTag::kForm);
    case GUMBO_TAG_A: return static_cast<int>(AncestorTag::kLink);
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: return static_cast<int>(AncestorTag::kList);
    case GUMBO_TAG_TABLE: return static_cast<int>(AncestorTag::kTable);
    default: return -1;
  }
}

// Vocabulary words by the hash of their bytes, each to its entry's index + 1. Modern pages give an
// element dozens of class words (utility-class CSS); a scan of the vocabulary per word took 2% of
// an HTML page's time, a hash lookup and one compare on a hit take a few instructions.
const HashTable<std::uint32_t>& vocabulary_by_hash() {
  static const HashTable<std::uint32_t> table = [] {
    HashTable<std::uint32_t> index(std::size(kVocabulary));
    for (std::size_t i = 0; i < std::size(kVocabulary); ++i) {
      std::uint32_t& slot = index.insert(fnv_bytes(kVocabulary[i].word));
      if (slot == 0) slot = static_cast<std::uint32_t>(i + 1);  // the first entry of a word wins
    }
    return index;
  }();
  return table;
}

// The group of a class word, given as written and with `lower_hash`, the hash of its lower case.
std::uint32_t groups_of_word(std::string_view word, std::uint64_t lower_hash) {
  const std::uint32_t* index = vocabulary_by_hash().find(lower_hash);
  if (index == nullptr) return 0;
  const VocabularyEntry& entry = kVocabulary[*index - 1];
  if (entry.word.size() != word.size()) return 0;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (utf8::ascii_lower(word[i]) != entry.word[i]) return 0;
  }
  return bit_of(entry.group);
}

std::uint32_t role_groups(std::string_view role) {
  if (role == "navigation" || role == "menu" || role == "menubar") return bit_of(ClassGroup::kNav);
  if (role == "banner") return bit_of(ClassGroup::kHeader);
  if (role == "contentinfo") return bit_of(ClassGroup::kFooter);
  if (role == "complementary") return bit_of(ClassGroup::kSidebar);
  if (role == "main" || role == "article") return bit_of(ClassGroup::kContent);
  return 0;
}

// `stand_ins` and `scratch` read back values that stood in while the page was parsed.
std::uint32_t element_groups(const GumboElement& element, const StandIns& stand_ins, std::string& scratch) {
  std::uint32_t groups = 0;
  for (unsigned i = 0; i < element.attributes.length; ++i) {
    const auto* attr = static_cast<const GumboAttribute*>(element.attributes.data[i]);
    const std::string_view name = attr->name;
    const std::string_view value = stand_ins.expand(attr->value, scratch);
    if (name == "class" || name == "id") {
      groups |= class_groups_of(value);
    } else if (name == "role") {
      groups |= role_groups(value);
    } else if (name == "hidden" || (name == "aria-hidden" && value == "true")) {
      groups |= bit_of(ClassGroup::kHidden);
    } else if (name == "style") {
      std::string compact;
      for (char c : value) {
        if (c != ' ') compact.push_back(utf8::ascii_lower(c));
      }
      if (compact.find("display:none") != std::string::npos ||
          compact.find("visibility:hidden") != std::string::npos) {
        groups |= bit_of(ClassGroup::kHidden);
      }
    }
  }
  return groups;
}

// True when the row holds only inline content in its cells, so it reads as one line.
bool row_is_inline(const GumboNode* row) {
  std::vector<const GumboNode*> stack = {row};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type != GUMBO_NODE_ELEMENT) continue;
    const GumboTag tag = node->v.element.tag;
    if (node != row && tag != GUMBO_TAG_TD && tag != GUMBO_TAG_TH && is_block_level(tag)) return false;
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) stack.push_back(static_cast<const GumboNode*>(children.data[i]));
  }
  return true;
}

// One element on the walk's stack.
struct OpenElement {
  const GumboNode* node;
  unsigned next_child = 0;
  int index = 0;  // pre-order element index
  bool block_level = false;
};

// Per element, for the container pass after the walk.
struct ElementRecord {
  int parent = -1;
  int end = 0;  // one past the last pre-order index in its subtree
  int depth = 0;
  float good_words = 0;
};

// Where a node starts in the parsed bytes.
std::size_t source_offset(const GumboNode* node) {
  return node->type == GUMBO_NODE_ELEMENT ? node->v.element.start_pos.offset : node->v.text.start_pos.offset;
}

// The byte ranges, in the parsed `html`, of the <noscript> elements of <head>, each from its start
// tag to its end tag. The parser reads <noscript> as scripting were off; in <head> that element may
// hold only links, metas and styles, and its first text or other tag (a tracking pixel's <img>,
// "Please enable JavaScript") ends it and the head, and goes into the body. The end tag is then
// ignored, so what lay between the two tags is in the body, where a browser never shows it.
std::vector<std::pair<std::size_t, std::size_t>> head_noscript_ranges(const GumboNode* root, std::string_view html) {
  std::vector<std::pair<std::size_t, std::size_t>> ranges;
  const GumboVector& top = root->v.element.children;
  for (unsigned i = 0; i < top.length; ++i) {
    const auto* head = static_cast<const GumboNode*>(top.data[i]);
    if (head->type != GUMBO_NODE_ELEMENT || head->v.element.tag != GUMBO_TAG_HEAD) continue;
    const GumboVector& children = head->v.element.children;
    for (unsigned k = 0; k < children.length; ++k) {
      const auto* child = static_cast<const GumboNode*>(children.data[k]);
      if (child->type != GUMBO_NODE_ELEMENT || child->v.element.tag != GUMBO_TAG_NOSCRIPT) continue;
      const std::size_t begin = child->v.element.start_pos.offset;
      // The children come in page order, so the end tag that ends the range before ends this one
      // too when it lies past its start: each byte is searched once, however many there are.
      if (!ranges.empty() && ranges.back().second > begin) {
        ranges.emplace_back(begin, ranges.back().second);
        continue;
      }
      // The end tag as the tokeniser finds it ("</noscript" in any case, then white space, '/' or
      // '>'). Comments and style bodies, where a "</noscript>" would be text, were emptied before
      // parsing (drop_raw_text_bodies), except on a page holding a NUL byte.
      const std::size_t end = end_of_text_body(html, begin, "noscript");
      if (end == html.size()) return ranges;  // none further on either
      ranges.emplace_back(begin, end);
    }
  }
  return ranges;
}

class Segmenter {
 public:
  Segmenter(bool read_noscript, std::vector<std::pair<std::size_t, std::size_t>> hidden_ranges,
            const StandIns& stand_ins)
      : read_noscript_(read_noscript), hidden_ranges_(std::move(hidden_ranges)), stand_ins_(stand_ins) {}
  Document run(const GumboNode* root);

 private:
  void enter(const GumboNode* node);
  void leave(const OpenElement& open);
  void add_text(std::string_view text);
  void flush();
  void compute_containers();

  Document doc_;
  std::vector<OpenElement> stack_;
  std::vector<ElementRecord> elements_;
  std::vector<int> block_owner_;  // element index per block

  // Context of the element that owns the text now accumulating.
  struct Owner {
    int index = 0;
    BlockTag tag = BlockTag::kDiv;
    std::uint16_t depth = 0;
    std::uint32_t own_groups = 0;
    std::uint32_t ancestor_groups = 0;
    std::uint32_t ancestor_tags = 0;
    std::uint64_t path_hash = 0;
  };
  std::vector<Owner> owners_;             // stack of block-level elements
  std::vector<std::uint32_t> group_stack_;  // OR of groups down the path, per open element
  std::vector<std::uint32_t> tag_stack_;
  std::vector<std::uint64_t> path_stack_;  // path hash per open element

  std::string text_;
  bool pending_space_ = false;
  bool last_was_br_ = false;
  int link_depth_ = 0;
  std::uint32_t link_chars_ = 0;
  std::uint32_t links_ = 0;
  int inline_row_depth_ = 0;  // > 0 inside a row read as one line
  int figure_depth_ = 0;  // open <figure> and <figcaption> elements
  bool read_noscript_ = false;  // <noscript> in <body> gives text
  // Byte ranges whose nodes give no text wherever the parser put them (head_noscript_ranges).
  std::vector<std::pair<std::size_t, std::size_t>> hidden_ranges_;
  const StandIns& stand_ins_;
  std::string scratch_;  // text or a value read back from stand-ins

  bool is_hidden_by_source(const GumboNode* node) const {
    if (hidden_ranges_.empty()) return false;
    // The <body> the breakout opened starts where the breakout did, or at a <body> tag written
    // inside the <noscript> (an old page that closed its head there).
    if (node->type == GUMBO_NODE_ELEMENT && (node->v.element.tag == GUMBO_TAG_BODY ||
                                             node->v.element.tag == GUMBO_TAG_HTML)) {
      return false;
    }
    // The ranges start in page order and their ends never go back, so the last range that starts
    // before `at` reaches furthest of those that could hold it.
    const std::size_t at = source_offset(node);
    const auto after = std::partition_point(hidden_ranges_.begin(), hidden_ranges_.end(),
                                            [at](const auto& range) { return range.first < at; });
    return after != hidden_ranges_.begin() && at < std::prev(after)->second;
  }
};

void Segmenter::add_text(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const char32_t cp = utf8::next(text, i);
    if (utf8::is_space(cp)) {
      pending_space_ = true;
      continue;
    }
    if (pending_space_ && !text_.empty() && text_.back() != '\t') text_.push_back(' ');
    pending_space_ = false;
    last_was_br_ = false;
    utf8::append(text_, cp);
    if (link_depth_ > 0) ++link_chars_;
  }
}

void Segmenter::flush() {
  while (!text_.empty() && (text_.back() == '\t' || text_.back() == ' ')) text_.pop_back();
  if (!text_.empty() && !owners_.empty()) {
    const Owner& owner = owners_.back();
    Block block;
    block.text = std::move(text_);
    block.html.tag = inline_row_depth_ > 0 ? BlockTag::kRow : owner.tag;
    block.html.depth = owner.depth;
    block.html.link_chars = link_chars_;
    block.html.links = links_;
    block.html.own_groups = owner.own_groups;
    block.html.ancestor_groups = owner.ancestor_groups;
    block.html.ancestor_tags = owner.ancestor_tags | tag_stack_.back();
    block.html.path_hash = owner.path_hash;
    block.html.in_figure = figure_depth_ > 0;
    doc_.blocks.push_back(std::move(block));
    block_owner_.push_back(owner.index);
  }
  text_.clear();
  pending_space_ = false;
  link_chars_ = 0;
  links_ = 0;
}

void Segmenter::enter(const GumboNode* node) {
  const GumboElement& element = node->v.element;
  const GumboTag tag = element.tag;
  const int index = static_cast<int>(elements_.size());
  ElementRecord record;
  record.parent = stack_.empty() ? -1 : stack_.back().index;
  record.depth = static_cast<int>(stack_.size());
  elements_.push_back(record);

  // html and body classes describe the whole page (WordPress puts "comments-open" there), so they
  // do not count as ancestor groups.
  const bool page_level = tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_BODY;
  const std::uint32_t groups = page_level ? 0 : element_groups(element, stand_ins_, scratch_);
  const std::uint32_t parent_groups = group_stack_.empty() ? 0 : group_stack_.back();
  group_stack_.push_back(parent_groups | groups);
  const int tag_bit = ancestor_tag_bit(tag);
  const std::uint32_t parent_tags = tag_stack_.empty() ? 0 : tag_stack_.back();
  tag_stack_.push_back(parent_tags | (tag_bit >= 0 ? 1u << tag_bit : 0u));
  std::uint64_t path = fnv_mix(path_stack_.empty() ? kFnvOffset : path_stack_.back(), static_cast<unsigned>(tag));
  for (unsigned i = 0; i < element.attributes.length; ++i) {
    const auto* attr = static_cast<const GumboAttribute*>(element.attributes.data[i]);
    if (std::strcmp(attr->name, "class") == 0) path = fnv_bytes(stand_ins_.expand(attr->value, scratch_), path);
  }
  path_stack_.push_back(path);

  OpenElement open{node, 0, index, false};
  if (tag == GUMBO_TAG_FIGURE || tag == GUMBO_TAG_FIGCAPTION) ++figure_depth_;
  if (tag == GUMBO_TAG_A) {
    ++link_depth_;
    ++links_;
  } else if (tag == GUMBO_TAG_BR) {
    if (last_was_br_) {
      flush();
    } else {
      pending_space_ = true;
      last_was_br_ = true;
    }
  } else if (tag == GUMBO_TAG_IMG) {
    pending_space_ = true;
  } else if (inline_row_depth_ > 0 && (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH)) {
    // A cell of a row read as one line: cells join with a tab.
    while (!text_.empty() && text_.back() == ' ') text_.pop_back();
    if (!text_.empty() && text_.back() != '\t') text_.push_back('\t');
    pending_space_ = false;
  } else if (is_block_level(tag) && inline_row_depth_ == 0) {
    flush();
    open.block_level = true;
    Owner owner;
    owner.index = index;
    owner.tag = block_tag_of(tag);
    owner.depth = static_cast<std::uint16_t>(std::min<std::size_t>(stack_.size(), 0xFFFF));
    owner.own_groups = groups;
    owner.ancestor_groups = parent_groups;
    owner.ancestor_tags = parent_tags;
    owner.path_hash = path;
    owners_.push_back(owner);
    if (tag == GUMBO_TAG_TR && row_is_inline(node)) inline_row_depth_ = 1;
  } else if (inline_row_depth_ > 0) {
    ++inline_row_depth_;
  }
  last_was_br_ = last_was_br_ && tag == GUMBO_TAG_BR;
  stack_.push_back(open);
}

void Segmenter::leave(const OpenElement& open) {
  const GumboTag tag = open.node->v.element.tag;
  elements_[open.index].end = static_cast<int>(elements_.size());
  group_stack_.pop_back();
  tag_stack_.pop_back();
  path_stack_.pop_back();
  if (tag == GUMBO_TAG_A) {
    --link_depth_;
  } else if (open.block_level) {
    flush();
    owners_.pop_back();
    if (tag == GUMBO_TAG_TR) inline_row_depth_ = 0;
  } else if (inline_row_depth_ > 1 && tag != GUMBO_TAG_TD && tag != GUMBO_TAG_TH && tag != GUMBO_TAG_BR &&
             tag != GUMBO_TAG_IMG) {
    --inline_row_depth_;
  }
  if (tag == GUMBO_TAG_FIGURE || tag == GUMBO_TAG_FIGCAPTION) --figure_depth_;  // after the flush: its text was inside
  if (is_block_level(tag) || tag == GUMBO_TAG_BR) return;
  // Inline elements such as <span> join their neighbours without a space, as browsers show them.
}

void Segmenter::compute_containers() {
  if (elements_.empty()) return;
  float total = 0;
  for (std::size_t b = 0; b < doc_.blocks.size(); ++b) {
    const Block& block = doc_.blocks[b];
    const int words = utf8::count_words(block.text);
    int chars = 0;
    for (char c : block.text) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    // link_chars counts code points, so the text is measured in code points too.
    const float link_density = chars == 0 ? 0 : static_cast<float>(block.html.link_chars) / static_cast<float>(chars);
    if (words >= kGoodBlockMinWords && link_density <= kGoodBlockMaxLinkDensity &&
        block.html.tag != BlockTag::kTitle) {
      elements_[block_owner_[b]].good_words += static_cast<float>(words);
      total += static_cast<float>(words);
    }
  }
  std::vector<float> subtree(elements_.size());
  for (std::size_t e = 0; e < elements_.size(); ++e) subtree[e] = elements_[e].good_words;
  for (std::size_t e = elements_.size(); e-- > 1;) {
    if (elements_[e].parent >= 0) subtree[elements_[e].parent] += subtree[e];
  }
  if (total <= 0) return;
  int best = -1;
  for (std::size_t e = 0; e < elements_.size(); ++e) {
    if (subtree[e] >= kBestContainerShare * total &&
        (best < 0 || elements_[e].depth > elements_[best].depth)) {
      best = static_cast<int>(e);
    }
  }
  for (std::size_t b = 0; b < doc_.blocks.size(); ++b) {
    const int owner = block_owner_[b];
    HtmlContext& html = doc_.blocks[b].html;
    html.in_best_container = best >= 0 && owner >= best && owner < elements_[best].end;
    const int parent = elements_[owner].parent >= 0 ? elements_[owner].parent : owner;
    html.container_share = std::min(1.0f, subtree[parent] / total);
  }
}

Document Segmenter::run(const GumboNode* root) {
  doc_.is_html = true;
  if (root == nullptr || root->type != GUMBO_NODE_ELEMENT) return std::move(doc_);
  group_stack_.push_back(0);
  tag_stack_.push_back(0);
  owners_.push_back(Owner{});  // text outside any block element
  enter(root);
  while (!stack_.empty()) {
    OpenElement& top = stack_.back();
    const GumboVector& children = top.node->v.element.children;
    if (top.next_child >= children.length) {
      const OpenElement done = top;
      stack_.pop_back();
      leave(done);
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(children.data[top.next_child++]);
    // (What the parser left in the head stays: a title between two noscripts.)
    const bool in_head = stack_.size() >= 2 && stack_[1].node->v.element.tag == GUMBO_TAG_HEAD;
    if (!in_head && is_hidden_by_source(child)) continue;
    switch (child->type) {
      case GUMBO_NODE_ELEMENT: {
        const GumboTag tag = child->v.element.tag;
        if (is_skipped(tag) && !(read_noscript_ && tag == GUMBO_TAG_NOSCRIPT)) break;
        // In <head> only the title gives text.
        if (top.node->v.element.tag == GUMBO_TAG_HEAD && tag != GUMBO_TAG_TITLE) break;
        enter(child);
        break;
      }
      case GUMBO_NODE_TEXT: case GUMBO_NODE_WHITESPACE: case GUMBO_NODE_CDATA:
        add_text(stand_ins_.expand(child->v.text.text, scratch_));
        break;
      default:  // comments, documents
        break;
    }
  }
  flush();
  // Blocks outside any element get the root as owner.
  for (int& owner : block_owner_) owner = std::max(owner, 0);
  compute_containers();
  return std::move(doc_);
}

}  // namespace

std::uint32_t class_groups_of(std::string_view value) {
  std::uint32_t groups = 0;
  std::size_t start = 0;
  std::uint64_t hash = kFnvOffset;  // of the current word, lower-cased
  for (std::size_t i = 0; i <= value.size(); ++i) {
    const char c = i < value.size() ? value[i] : ' ';
    if (c == ' ' || c == '-' || c == '_' || c == '\t' || c == '\n' || c == ':' || c == '.') {
      if (i > start) groups |= groups_of_word(value.substr(start, i - start), hash);
      start = i + 1;
      hash = kFnvOffset;
    } else {
      hash = fnv_mix(hash, static_cast<unsigned char>(utf8::ascii_lower(c)));
    }
  }
  return groups;
}

Document segment_html(std::string_view html, std::size_t max_depth, LimitsHit* hit) {
  // Script and style bodies are most of a modern page's bytes and none of its text: the parser
  // need not see them (the tree it builds is the same, with those elements empty).
  // Long text and class lists stand in as eight bytes each: the parser's time goes by the character.
  StandIns stand_ins(html);
  const std::string without_bodies = drop_raw_text_bodies(html, kMaxAttributes, &stand_ins);
  std::string_view parsed = without_bodies.empty() ? html : std::string_view(without_bodies);
  // The parser's time grows with the square of the nesting depth, and it frees its tree by
  // recursion: pathological nesting is flattened before it parses.
  const NestingLimited limited = limit_nesting(parsed, max_depth);
  if (!limited.html.empty()) parsed = limited.html;
  if (hit != nullptr) {
    hit->depth_limited = hit->depth_limited || limited.depth_limited;
    hit->formatting_dropped += limited.formatting_dropped;
  }
  GumboOptions options = kGumboDefaultOptions;
  // Gumbo copies the stack of open elements into every parse error it records, so a page of a
  // million stray end tags costs gigabytes; nothing here reads the errors.
  options.max_errors = 0;
  ParseArena arena;
  options.allocator = &ParseArena::allocate;
  options.deallocator = &ParseArena::release;
  options.userdata = &arena;
  GumboOutput* output = gumbo_parse_with_options(&options, parsed.data(), parsed.size());
  const auto head_noscripts = head_noscript_ranges(output->root, parsed);
  Document doc = Segmenter(false, head_noscripts, stand_ins).run(output->root);
  std::size_t words = 0;
  for (const Block& block : doc.blocks) words += static_cast<std::size_t>(std::count(block.text.begin(), block.text.end(), ' ')) + 1;
  if (words < kAppShellWords) {
    Document fallback = Segmenter(true, head_noscripts, stand_ins).run(output->root);
    if (fallback.blocks.size() > doc.blocks.size()) doc = std::move(fallback);
  }
  return doc;  // the tree goes with the arena, without a walk to free it node by node
}

}  // namespace winnow
