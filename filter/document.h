// The document of blocks that both segmenters produce and every later stage reads.
// Text segmentation fills only `text`; HTML segmentation also fills `html`.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace winnow {

// The block-level element a block came from (HTML), or kLine for a line of plain text.
enum class BlockTag : std::uint8_t {
  kLine,
  kTitle,
  kH1,
  kHeading,  // h2..h6
  kP,
  kLi,
  kRow,  // a table row of inline cells, cells joined by a tab
  kCell,
  kPre,
  kBlockquote,
  kCaption,  // figcaption, caption
  kDefinition,  // dt, dd
  kDiv,  // div, section, article, ... holding direct text
  kCount,
};

// Class/id vocabulary groups. A block records which groups its own element and its ancestors name,
// so features can say "inside something called sidebar".
enum class ClassGroup : std::uint8_t {
  kNav,        // nav, menu, navbar, breadcrumb, pagination
  kFooter,     // footer, copyright, legal
  kHeader,     // header, masthead, banner, topbar
  kSidebar,    // sidebar, aside, widget, rail
  kShare,      // share, social, follow, sharing
  kRelated,    // related, recommended, popular, more, trending, teaser
  kComment,    // comment, reply, discussion, respond
  kAd,         // ad, ads, advert, sponsor, promo
  kNewsletter, // newsletter, subscribe, signup
  kCookie,     // cookie, consent, gdpr
  kMeta,       // author, byline, date, time, meta, tags, category
  kCaption,    // caption, figure, credit, photo, image
  kContent,    // article, content, main, body, post, entry, story, text
  kHidden,     // hidden, sr-only, visually-hidden, screen-reader
  kCount,
};

// Element names on the ancestor path that say something on their own.
enum class AncestorTag : std::uint8_t {
  kNav,
  kHeader,
  kFooter,
  kAside,
  kArticle,  // article or main
  kForm,
  kLink,  // the block sits inside an <a>
  kList,  // ul/ol
  kTable,
  kCount,
};

struct HtmlContext {
  BlockTag tag = BlockTag::kLine;
  std::uint16_t depth = 0;         // element depth of the block element
  std::uint32_t link_chars = 0;    // characters of the text that lie inside <a>
  std::uint32_t links = 0;         // number of <a> elements in the block
  std::uint32_t own_groups = 0;    // bit per ClassGroup named by the block element itself
  std::uint32_t ancestor_groups = 0;  // bit per ClassGroup named by any ancestor
  std::uint32_t ancestor_tags = 0;    // bit per AncestorTag
  // Hash of the tags and class attributes from the root down to the block element: blocks of one
  // repeated structure (the items of a menu, a teaser list, a comment thread) share it.
  std::uint64_t path_hash = 0;
  float container_share = 0;       // share of the page's good text under the block's best ancestor
  bool in_best_container = false;  // inside the element that holds the most well-formed text
  bool in_figure = false;  // inside <figure> or <figcaption>
};

struct Block {
  std::string text;  // white space folded, trimmed, never empty
  HtmlContext html;
};

struct Document {
  bool is_html = false;
  std::vector<Block> blocks;
};

inline bool has_bit(std::uint32_t mask, auto bit) { return (mask >> static_cast<unsigned>(bit)) & 1u; }
inline std::uint32_t bit_of(auto bit) { return 1u << static_cast<unsigned>(bit); }

}  // namespace winnow
