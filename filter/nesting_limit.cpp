// Bounding nesting depth before parsing. Entry point: limit_nesting. Tested by
// tests/nesting_limit_test.cpp.
#include "nesting_limit.h"

#include <gumbo.h>

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <unordered_map>
#include <vector>

#include "fnv_hash.h"
#include "raw_text_bodies.h"
#include "utf8.h"

namespace winnow {
namespace {

// <html> and <body> (the tree builder adds them when a page leaves them out) are not on this
// pass's stack; they count for two levels.
constexpr std::size_t kImpliedLevels = 2;
// Longer names are no element the tree builder knows.
constexpr std::size_t kMaxTagName = 32;

bool ends_name(char c) { return utf8::is_html_space(c) || c == '/' || c == '>'; }

GumboTag tag_at(std::string_view html, std::size_t at) {
  std::size_t end = at;
  while (end < html.size() && !ends_name(html[end])) ++end;
  if (end - at > kMaxTagName) return GUMBO_TAG_UNKNOWN;
  return gumbo_tagn_enum(html.data() + at, static_cast<unsigned>(end - at));
}

bool is_void(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_AREA: case GUMBO_TAG_BASE: case GUMBO_TAG_BASEFONT: case GUMBO_TAG_BGSOUND: case GUMBO_TAG_BR:
    case GUMBO_TAG_COL: case GUMBO_TAG_EMBED: case GUMBO_TAG_FRAME: case GUMBO_TAG_HR: case GUMBO_TAG_IMAGE:
    case GUMBO_TAG_IMG: case GUMBO_TAG_INPUT: case GUMBO_TAG_ISINDEX: case GUMBO_TAG_KEYGEN: case GUMBO_TAG_LINK:
    case GUMBO_TAG_META: case GUMBO_TAG_PARAM: case GUMBO_TAG_SOURCE: case GUMBO_TAG_TRACK: case GUMBO_TAG_WBR:
    // Never on the stack of this pass (see kImpliedLevels).
    case GUMBO_TAG_HTML: case GUMBO_TAG_HEAD: case GUMBO_TAG_BODY:
      return true;
    default:
      return false;
  }
}

// Elements whose content is text up to their end tag: they hold no elements.
const char* raw_text_name(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: return "script";
    case GUMBO_TAG_STYLE: return "style";
    case GUMBO_TAG_TEXTAREA: return "textarea";
    case GUMBO_TAG_TITLE: return "title";
    case GUMBO_TAG_XMP: return "xmp";
    case GUMBO_TAG_IFRAME: return "iframe";
    case GUMBO_TAG_NOEMBED: return "noembed";
    case GUMBO_TAG_NOFRAMES: return "noframes";
    default: return nullptr;
  }
}

bool closes_p(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_CENTER: case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIR: case GUMBO_TAG_DIV: case GUMBO_TAG_DL:
    case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_MAIN: case GUMBO_TAG_MENU: case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_UL:
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_PRE: case GUMBO_TAG_LISTING: case GUMBO_TAG_FORM: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_LI: case GUMBO_TAG_DD: case GUMBO_TAG_DT:
      return true;
    default:
      return false;
  }
}

// The formatting elements: the tree builder keeps those left open in a list and opens a copy of
// each in every block that follows.
bool is_formatting(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_A: case GUMBO_TAG_B: case GUMBO_TAG_BIG: case GUMBO_TAG_CODE: case GUMBO_TAG_EM:
    case GUMBO_TAG_FONT: case GUMBO_TAG_I: case GUMBO_TAG_NOBR: case GUMBO_TAG_S: case GUMBO_TAG_SMALL:
    case GUMBO_TAG_STRIKE: case GUMBO_TAG_STRONG: case GUMBO_TAG_TT: case GUMBO_TAG_U:
      return true;
    default:
      return false;
  }
}

// Elements that bound the scope in which an end tag finds its element (the default scope).
bool bounds_scope(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_APPLET: case GUMBO_TAG_CAPTION: case GUMBO_TAG_HTML: case GUMBO_TAG_TABLE: case GUMBO_TAG_TD:
    case GUMBO_TAG_TH: case GUMBO_TAG_MARQUEE: case GUMBO_TAG_OBJECT: case GUMBO_TAG_TEMPLATE:
      return true;
    default:
      return false;
  }
}

// Elements that set a marker in the tree builder's list of formatting elements: those opened
// inside one are forgotten when it closes.
bool sets_marker(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_APPLET: case GUMBO_TAG_CAPTION: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_MARQUEE:
    case GUMBO_TAG_OBJECT: case GUMBO_TAG_TEMPLATE:
      return true;
    default:
      return false;
  }
}

// The special elements that can be open on this pass's stack (not void, not raw text): the blocks
// the adoption agency stops at.
bool is_special(GumboTag tag) {
  if (closes_p(tag) || bounds_scope(tag)) return true;
  switch (tag) {
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_COLGROUP: case GUMBO_TAG_FRAMESET: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_TBODY: case GUMBO_TAG_TFOOT: case GUMBO_TAG_THEAD: case GUMBO_TAG_TR:
      return true;
    default:
      return false;
  }
}

// Where the tree builder stops looking for an element to close, by the scope it looks in: a
// p (button scope), an li (list item scope), a table part (table scope); and where a new li, dd or
// dt stops looking for an open one, or a new cell for the open cell.
bool bounds_button_scope(GumboTag tag) { return bounds_scope(tag) || tag == GUMBO_TAG_BUTTON; }
bool bounds_list_item_scope(GumboTag tag) { return bounds_scope(tag) || tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL; }
bool bounds_table_scope(GumboTag tag) { return tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_TABLE || tag == GUMBO_TAG_TEMPLATE; }
bool stops_list_item(GumboTag tag) {
  return is_special(tag) && tag != GUMBO_TAG_ADDRESS && tag != GUMBO_TAG_DIV && tag != GUMBO_TAG_P;
}
bool stops_cell(GumboTag tag) { return bounds_table_scope(tag) || tag == GUMBO_TAG_TR; }
bool stops_table(GumboTag tag) {
  return tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_TEMPLATE || tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH ||
         tag == GUMBO_TAG_CAPTION;
}

// Start tags before which the tree builder reopens the formatting elements popped: inline
// elements and a few special ones; the others hold them reopened inside, at their first text.
bool reopens_before(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_APPLET: case GUMBO_TAG_MARQUEE: case GUMBO_TAG_OBJECT: case GUMBO_TAG_SELECT:
      return true;
    default:
      return !is_special(tag);
  }
}

bool is_heading(GumboTag tag) { return tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6; }

bool is_table_section(GumboTag tag) {
  return tag == GUMBO_TAG_TBODY || tag == GUMBO_TAG_THEAD || tag == GUMBO_TAG_TFOOT;
}

// The parts of a table, which mean nothing outside one.
bool is_table_part(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_CAPTION: case GUMBO_TAG_COLGROUP: case GUMBO_TAG_TBODY: case GUMBO_TAG_TD: case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TH: case GUMBO_TAG_THEAD: case GUMBO_TAG_TR:
      return true;
    default:
      return false;
  }
}

// A first letter no formatting element's name has: most tags are passed by without a lookup.
bool may_be_formatting(char first) {
  switch (first | 0x20) {
    case 'a': case 'b': case 'c': case 'e': case 'f': case 'i': case 'n': case 's': case 't': case 'u': return true;
    default: return false;
  }
}

// About how many formatting elements the tree builder holds open: per name, start tags less the
// end tags that found one open, where start tags alike (the same bytes) count three times at most,
// as the tree builder keeps three alike. A new <a> closes the open one, as there. (The tree builder
// also forgets a table cell's with the cell, which this does not follow.)
class OpenFormatting {
 public:
  std::size_t total() const { return total_; }

  // Whether a start tag (its bytes, from '<' to '>') would add to total(): not a fourth alike.
  bool adds(std::string_view start_tag) const {
    const auto found = alike_.find(key_of(start_tag));
    return found == alike_.end() || found->second < kAlikeKept;
  }

  void start(GumboTag tag, std::string_view start_tag) {
    if (tag == GUMBO_TAG_A) {
      while (!open_[tag].empty()) end(tag);
    }
    const std::uint64_t key = key_of(start_tag);
    open_[tag].push_back(key);
    if (++alike_[key] <= kAlikeKept) ++total_;
  }

  void end(GumboTag tag) {
    std::vector<std::uint64_t>& open = open_[tag];
    if (open.empty()) return;
    if (alike_[open.back()]-- <= kAlikeKept) --total_;
    open.pop_back();
  }

 private:
  static constexpr int kAlikeKept = 3;

  static std::uint64_t key_of(std::string_view start_tag) {
    std::uint64_t key = kFnvOffset;
    for (char c : start_tag) key = fnv_mix(key, static_cast<unsigned char>(c | 0x20));
    return key;
  }

  std::vector<std::uint64_t> open_[GUMBO_TAG_LAST + 1];  // per name, the keys of the open ones
  std::unordered_map<std::uint64_t, int> alike_;       // per key, how many are open
  std::size_t total_ = 0;
};

// The formatting tag at html[at] ('<' or "</" just before), or GUMBO_TAG_UNKNOWN.
GumboTag formatting_tag_at(std::string_view html, std::size_t at) {
  if (!may_be_formatting(html[at])) return GUMBO_TAG_UNKNOWN;
  const GumboTag tag = tag_at(html, at);
  return is_formatting(tag) ? tag : GUMBO_TAG_UNKNOWN;
}

class DepthFollower {
 public:
  // Pops what a start tag of `tag` closes: its open predecessor of the same kind, up to the
  // element that bounds where that predecessor is looked for. Before an inline element (and a few
  // others), reopens the formatting elements popped since (see pop_to), as the tree builder does;
  // inside a block, push() does.
  void before_start(GumboTag tag) {
    if (closes_p(tag)) close_nearest({GUMBO_TAG_P}, bounds_button_scope);
    switch (tag) {
      case GUMBO_TAG_LI: close_nearest({GUMBO_TAG_LI}, stops_list_item); break;
      case GUMBO_TAG_DD: case GUMBO_TAG_DT: close_nearest({GUMBO_TAG_DD, GUMBO_TAG_DT}, stops_list_item); break;
      case GUMBO_TAG_TD: case GUMBO_TAG_TH: close_nearest({GUMBO_TAG_TD, GUMBO_TAG_TH}, stops_cell); break;
      case GUMBO_TAG_TR: close_nearest({GUMBO_TAG_TR}, bounds_table_scope); break;
      case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT:
        close_nearest({GUMBO_TAG_TBODY, GUMBO_TAG_THEAD, GUMBO_TAG_TFOOT}, bounds_table_scope);
        break;
      case GUMBO_TAG_OPTION: case GUMBO_TAG_OPTGROUP:
        if (!stack_.empty() && stack_.back() == GUMBO_TAG_OPTION) pop_to(stack_.size() - 1);
        break;
      case GUMBO_TAG_A: adopt(GUMBO_TAG_A, /*drop_copy=*/true); break;
      case GUMBO_TAG_NOBR: adopt(GUMBO_TAG_NOBR, /*drop_copy=*/true); break;
      case GUMBO_TAG_BUTTON: close_nearest({GUMBO_TAG_BUTTON}, bounds_scope); break;
      // A table not inside a cell of the open one closes it.
      case GUMBO_TAG_TABLE: close_nearest({GUMBO_TAG_TABLE}, stops_table); break;
      case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
        if (!stack_.empty() && is_heading(stack_.back())) pop_to(stack_.size() - 1);
        break;
      default:
        break;
    }
    if (reopens_before(tag)) reopen();
  }

  // Start tags the tree builder ignores: table parts outside any table; a <select> inside one
  // closes it instead (and opens nothing).
  bool ignores(GumboTag tag) {
    if (tag == GUMBO_TAG_SELECT && std::find(stack_.begin(), stack_.end(), GUMBO_TAG_SELECT) != stack_.end()) {
      close_nearest({GUMBO_TAG_SELECT}, bounds_table_scope);
      return true;
    }
    return tables_ == 0 && is_table_part(tag);
  }

  void push(GumboTag tag) {
    // A row or cell straight inside a table goes into a body (and a row) the tree builder adds.
    const GumboTag top = stack_.empty() ? GUMBO_TAG_UNKNOWN : stack_.back();
    if (top == GUMBO_TAG_TABLE && (tag == GUMBO_TAG_TR || tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH)) {
      stack_.push_back(GUMBO_TAG_TBODY);
    }
    if ((tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) && is_table_section(stack_.back())) stack_.push_back(GUMBO_TAG_TR);
    stack_.push_back(tag);
    tables_ += tag == GUMBO_TAG_TABLE ? 1 : 0;
    if (!reopens_before(tag)) reopen();
  }

  // An end tag closes the nearest open element of its name and everything above it, when that
  // element is in scope; false when none is (the tree builder ignores the end tag). A formatting
  // element's end tag is adopted instead (below).
  bool end(GumboTag tag) {
    if (is_formatting(tag)) return adopt(tag, /*drop_copy=*/false);
    if (tag == GUMBO_TAG_FORM) {
      // </form> takes the form element alone off the stack, leaving what is open inside it open,
      // and inside the form in the tree: the depth falls only when the form is on top.
      if (stack_.empty() || stack_.back() != GUMBO_TAG_FORM) return false;
      stack_.pop_back();
      return true;
    }
    if (is_heading(tag)) {  // any heading's end tag closes the nearest open heading
      return close_nearest({GUMBO_TAG_H1, GUMBO_TAG_H2, GUMBO_TAG_H3, GUMBO_TAG_H4, GUMBO_TAG_H5, GUMBO_TAG_H6},
                           bounds_scope);
    }
    bool (*stops)(GumboTag) = is_special;  // "any other end tag" stops at a special element
    if (tag == GUMBO_TAG_LI) {
      stops = bounds_list_item_scope;
    } else if (tag == GUMBO_TAG_P) {
      stops = bounds_button_scope;
    } else if (is_table_part(tag) || tag == GUMBO_TAG_TABLE) {
      stops = bounds_table_scope;
    } else if (is_special(tag)) {
      stops = bounds_scope;
    }
    return close_nearest({tag}, stops);
  }

  std::size_t depth() const { return stack_.size() + kImpliedLevels; }

 private:
  // Pops the stack down to `size` elements. The formatting elements popped stay in the tree
  // builder's list of them, which reopens a copy of each at the next text or inline element;
  // those opened inside a table cell (or another element that sets a marker in that list) are
  // forgotten with it. The list keeps three alike at most; this keeps kMaxOpenFormatting, the
  // most limit_nesting lets stay open.
  void pop_to(std::size_t size) {
    for (std::size_t k = size; k < stack_.size() && !sets_marker(stack_[k]); ++k) {
      if (is_formatting(stack_[k])) reopen_.push_back(stack_[k]);
    }
    for (std::size_t k = size; k < stack_.size(); ++k) tables_ -= stack_[k] == GUMBO_TAG_TABLE ? 1 : 0;
    if (reopen_.size() > kMaxOpenFormatting) {
      reopen_.erase(reopen_.begin(), reopen_.end() - static_cast<std::ptrdiff_t>(kMaxOpenFormatting));
    }
    stack_.resize(size);
  }

  void reopen() {
    stack_.insert(stack_.end(), reopen_.begin(), reopen_.end());
    reopen_.clear();
  }

  // The tree builder's adoption agency, run for a formatting element's end tag and for an <a> or
  // <nobr> while one is open, does not simply pop what lies above the element. When a block (a
  // special element) lies above it, the block and all above it stay open, moved out of the
  // element, and a copy of the element goes inside the block. Following only the pop, this pass
  // saw `<b><div>x</b>` x 20,000 as depth 3 where the tree is 20,000 deep (quadratic time inside
  // the tree builder). Here the block and what is above it stay, the formatting elements between
  // stay (the tree builder copies them), the others between go, and the element stays as its copy,
  // or goes when `drop_copy` (a new <a> removes the old one's copy). With no block above, only an
  // element on top is taken off (below). False when the element is not open in scope (the tree
  // builder ignores the end tag); one waiting to be reopened is then forgotten, as there.
  bool adopt(GumboTag tag, bool drop_copy) {
    std::size_t k = stack_.size();
    while (k-- > 0 && stack_[k] != tag) {
      if (bounds_scope(stack_[k])) return false;
    }
    if (k == static_cast<std::size_t>(-1)) {
      const auto waiting = std::find(reopen_.rbegin(), reopen_.rend(), tag);
      if (waiting != reopen_.rend()) reopen_.erase(std::next(waiting).base());
      return false;
    }
    std::size_t block = k + 1;
    while (block < stack_.size() && !is_special(stack_[block])) ++block;
    if (block == stack_.size()) {
      // No block above: the tree builder pops the element and what is above it, but reopens the
      // formatting elements among those, or leaves all open where its list of formatting elements
      // no longer holds this one (seen: random <i>, <font> and </font> nest as deep as there are
      // tags). Only the element on top is sure to go.
      // (An element taken off the stack from under others stays their ancestor in the tree.)
      if (k + 1 == stack_.size()) stack_.pop_back();
      return true;
    }
    std::size_t kept = k;
    for (std::size_t j = k + 1; j < block; ++j) {
      if (is_formatting(stack_[j])) stack_[kept++] = stack_[j];
    }
    // The block and what is above it move down to `kept`, and the element's copy goes just above
    // the block.
    const std::size_t moved = stack_.size() - block;
    std::copy(stack_.begin() + static_cast<std::ptrdiff_t>(block), stack_.end(), stack_.begin() + static_cast<std::ptrdiff_t>(kept));
    stack_.resize(kept + moved);
    if (!drop_copy) stack_.insert(stack_.begin() + static_cast<std::ptrdiff_t>(kept + 1), tag);
    return true;
  }

  // Pops the nearest open element named in `names`, looking no further than an element `stops`;
  // false when there is none.
  bool close_nearest(std::initializer_list<GumboTag> names, bool (*stops)(GumboTag)) {
    for (std::size_t k = stack_.size(); k-- > 0;) {
      for (GumboTag name : names) {
        if (stack_[k] == name) {
          pop_to(k);
          return true;
        }
      }
      if (stops(stack_[k])) return false;
    }
    return false;
  }

  std::vector<GumboTag> stack_;
  std::vector<GumboTag> reopen_;  // formatting elements popped, to be reopened
  std::size_t tables_ = 0;        // tables on stack_
};

}  // namespace

NestingLimited limit_nesting(std::string_view html, std::size_t max_depth) {
  NestingLimited result;
  // A page with fewer start tags than the bound, that never leaves more than kMaxOpenFormatting
  // formatting elements open, cannot reach either bound: most pages end here.
  std::size_t start_tags = 0;
  std::size_t most_formatting = 0;
  {
    OpenFormatting formatting;
    for (std::size_t at = html.find('<'); at != std::string_view::npos && at + 2 < html.size(); at = html.find('<', at + 1)) {
      const bool end = html[at + 1] == '/';
      if (!utf8::is_ascii_letter(html[at + (end ? 2 : 1)])) continue;
      start_tags += end ? 0 : 1;
      const GumboTag tag = formatting_tag_at(html, at + (end ? 2 : 1));
      if (tag == GUMBO_TAG_UNKNOWN) continue;
      if (end) {
        formatting.end(tag);
      } else {
        const std::size_t close = html.find('>', at);
        formatting.start(tag, html.substr(at, close == std::string_view::npos ? std::string_view::npos : close + 1 - at));
        most_formatting = std::max(most_formatting, formatting.total());
      }
    }
  }
  if (start_tags + kImpliedLevels < max_depth && most_formatting <= kMaxOpenFormatting) return result;
  std::string& out = result.html;
  std::size_t copied = 0;  // html[copied, ...) is not yet in out
  bool dropping = false;   // some start tag was dropped: unmatched end tags go too
  auto drop = [&](std::size_t begin, std::size_t end) {
    out.append(html.substr(copied, begin - copied));
    copied = end;
    dropping = true;
  };
  DepthFollower follower;
  OpenFormatting formatting;
  const std::size_t n = html.size();
  std::size_t i = 0;
  while (i < n) {
    const std::size_t lt = html.find('<', i);
    if (lt == std::string_view::npos || lt + 1 >= n) break;
    const char next = html[lt + 1];
    if (next == '!' && html.compare(lt, 4, "<!--") == 0) {
      const std::size_t end = html.find("-->", lt + 4);
      if (end == std::string_view::npos) break;
      i = end + 3;
      continue;
    }
    if (next == '!' || next == '?' || (next == '/' && !(lt + 2 < n && utf8::is_ascii_letter(html[lt + 2])))) {
      const std::size_t end = html.find('>', lt);  // a doctype or a bogus comment
      if (end == std::string_view::npos) break;
      i = end + 1;
      continue;
    }
    if (next == '/') {
      const GumboTag tag = tag_at(html, lt + 2);
      const std::size_t end = end_of_tag(html, lt + 1);
      if (is_formatting(tag)) formatting.end(tag);
      if (!follower.end(tag) && dropping && !is_void(tag)) drop(lt, end);
      i = end;
      continue;
    }
    if (!utf8::is_ascii_letter(next)) {
      i = lt + 1;
      continue;
    }
    const GumboTag tag = tag_at(html, lt + 1);
    const std::size_t end = end_of_tag(html, lt);
    if (tag == GUMBO_TAG_PLAINTEXT) break;  // the rest of the page is text
    if (const char* name = raw_text_name(tag)) {
      i = end_of_text_body(html, end, name);
      continue;
    }
    const bool self_closing = end >= 2 && html[end - 1] == '>' && html[end - 2] == '/';
    if (is_void(tag) || self_closing) {
      i = end;
      continue;
    }
    if (is_formatting(tag)) {
      const std::string_view start_tag = html.substr(lt, end - lt);
      if (tag != GUMBO_TAG_A && formatting.total() >= kMaxOpenFormatting && formatting.adds(start_tag)) {
        drop(lt, end);
        ++result.formatting_dropped;
        i = end;
        continue;
      }
      formatting.start(tag, start_tag);
    }
    if (follower.ignores(tag)) {
      i = end;
      continue;
    }
    // A start tag dropped closes nothing either: the parser never sees it. Near the bound (the
    // start tag reopens kMaxOpenFormatting elements at most), the stack is kept to go back to.
    std::optional<DepthFollower> unchanged;
    if (follower.depth() + kMaxOpenFormatting >= max_depth) unchanged = follower;
    follower.before_start(tag);
    if (follower.depth() >= max_depth) {
      if (unchanged) follower = std::move(*unchanged);
      drop(lt, end);
      result.depth_limited = true;
    } else {
      follower.push(tag);
      result.deepest = std::max(result.deepest, follower.depth());
    }
    i = end;
  }
  if (!dropping) {
    out.clear();
    return result;
  }
  out.append(html.substr(copied));
  if (result.depth_limited) result.deepest = max_depth;
  return result;
}

}  // namespace winnow
