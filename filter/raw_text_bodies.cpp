// Dropping what the parser need not see. Entry point: drop_raw_text_bodies. Tested by
// tests/raw_text_bodies_test.cpp, by tests/fuzz/raw_text_bodies_fuzz.cpp (Gumbo's trees with and
// without the pass), and by the corpus: every page's output is the same with and without it.
//
// The scan follows the HTML tokeniser (WHATWG HTML, section 13.2.5) only as far as it must to know,
// at each '<', whether a tag starts there: comments, bogus comments, attribute values (a '>' in
// quotes does not end a tag), and the bodies of raw-text and RCDATA elements are passed over.
// Where it is unsure it passes bytes over rather than drop them: passing over keeps the page as it
// was, and only a body it has found the exact end of is ever dropped.
#include "raw_text_bodies.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "stand_ins.h"
#include "utf8.h"

namespace winnow {
namespace {

using utf8::is_html_space;

// Whether `html` at `at` holds `word`, ASCII case folded.
bool has_word_at(std::string_view html, std::size_t at, std::string_view word) {
  if (html.size() - at < word.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (utf8::ascii_lower(html[at + i]) != word[i]) return false;
  }
  return true;
}

// Whether an end tag "</name" that a body ends with starts at `at`: the name, then white space,
// '/' or '>' (the tokeniser's "appropriate end tag"; at the end of the input the body runs out).
bool is_end_tag_at(std::string_view html, std::size_t at, std::string_view name) {
  if (html.size() - at < 2 || html[at] != '<' || html[at + 1] != '/') return false;
  if (!has_word_at(html, at + 2, name)) return false;
  const std::size_t after = at + 2 + name.size();
  return after < html.size() && (is_html_space(html[after]) || html[after] == '/' || html[after] == '>');
}

}  // namespace

// Where the body of a raw-text or RCDATA element that starts at `at` ends (the '<' of its end
// tag), or html.size() when it runs to the end.
std::size_t end_of_text_body(std::string_view html, std::size_t at, std::string_view name) {
  for (std::size_t i = html.find('<', at); i != std::string_view::npos; i = html.find('<', i + 1)) {
    if (is_end_tag_at(html, i, name)) return i;
  }
  return html.size();
}

namespace {

// Where a script body that starts at `at` ends, by the tokeniser's script data states, including
// the escaped ("<!--") and double-escaped ("<!-- <script>") ones, in which a "</script>" may not
// end it.
std::size_t end_of_script_body(std::string_view html, std::size_t at) {
  enum class State { kData, kEscaped, kDoubleEscaped };
  State state = State::kData;
  int dashes = 0;  // '-' just before, in the escaped states: "-->" (two or more) leaves them
  const std::size_t n = html.size();
  // A tag name "script" at `from`, followed by white space, '/' or '>'.
  auto script_name_at = [&](std::size_t from) {
    return has_word_at(html, from, "script") && from + 6 < n &&
           (is_html_space(html[from + 6]) || html[from + 6] == '/' || html[from + 6] == '>');
  };
  std::size_t i = at;
  while (i < n) {
    if (state == State::kData) {
      i = html.find('<', i);  // only a '<' changes anything here
      if (i == std::string_view::npos) break;
      if (is_end_tag_at(html, i, "script")) return i;
      if (html.compare(i, 4, "<!--") == 0) {
        state = State::kEscaped;
        dashes = 2;  // "<!-->" leaves at once
        i += 4;
        continue;
      }
      ++i;
      continue;
    }
    const char c = html[i];
    if (c == '-') {
      ++dashes;
      ++i;
      continue;
    }
    if (c == '>' && dashes >= 2) {
      state = State::kData;
      dashes = 0;
      ++i;
      continue;
    }
    dashes = 0;
    if (c == '<' && state == State::kEscaped) {
      if (is_end_tag_at(html, i, "script")) return i;
      if (script_name_at(i + 1)) {  // "<script": a script inside the comment-like run
        state = State::kDoubleEscaped;
        i += 8;  // "<script" and its delimiter
        continue;
      }
    } else if (c == '<' && state == State::kDoubleEscaped && i + 1 < n && html[i + 1] == '/' && script_name_at(i + 2)) {
      state = State::kEscaped;  // this "</script>" closes the inner script, not the body
      i += 9;                   // "</script" and its delimiter
      continue;
    }
    ++i;
  }
  return n;
}

}  // namespace

// Where the start or end tag that begins at `at` ("<" and a name) ends: just past its '>', or
// html.size(). Quoted attribute values are passed over, so a '>' inside one does not end the tag.
std::size_t end_of_tag(std::string_view html, std::size_t at) {
  // The tokeniser's tag states (13.2.5.8 to 13.2.5.40), as far as where the tag ends goes.
  enum class State { kName, kBeforeName, kName2, kAfterName, kBeforeValue, kDoubleQuoted, kSingleQuoted, kUnquoted };
  State state = State::kName;
  for (std::size_t i = at + 1; i < html.size(); ++i) {
    const char c = html[i];
    switch (state) {
      case State::kName:  // the tag's name
        if (c == '>') return i + 1;
        if (is_html_space(c) || c == '/') state = State::kBeforeName;
        break;
      case State::kBeforeName:  // before an attribute's name (also after '/' and after a value)
        if (c == '>') return i + 1;
        if (!is_html_space(c) && c != '/') state = State::kName2;  // '=' here starts a name "="
        break;
      case State::kName2:  // an attribute's name
        if (c == '>') return i + 1;
        if (c == '=') state = State::kBeforeValue;
        else if (is_html_space(c) || c == '/') state = c == '/' ? State::kBeforeName : State::kAfterName;
        break;
      case State::kAfterName:  // white space after an attribute's name: '=' may still follow
        if (c == '>') return i + 1;
        if (c == '=') state = State::kBeforeValue;
        else if (c == '/') state = State::kBeforeName;
        else if (!is_html_space(c)) state = State::kName2;
        break;
      case State::kBeforeValue:
        if (c == '>') return i + 1;
        if (c == '"') state = State::kDoubleQuoted;
        else if (c == '\'') state = State::kSingleQuoted;
        else if (!is_html_space(c)) state = State::kUnquoted;
        break;
      case State::kDoubleQuoted:
      case State::kSingleQuoted: {  // to the closing quote at once (read_start_tag says why)
        const std::size_t quote = html.find(state == State::kDoubleQuoted ? '"' : '\'', i);
        if (quote == std::string_view::npos) return html.size();
        i = quote;
        state = State::kBeforeName;
        break;
      }
      case State::kUnquoted:
        if (c == '>') return i + 1;
        if (is_html_space(c)) state = State::kBeforeName;
        break;
    }
  }
  return html.size();
}

namespace {

// A start tag as the tokeniser reads it (13.2.5.8 to 13.2.5.40): where its name ends, where each
// attribute stands in the bytes (name, then '=' and value if any, as written), whether it is
// self-closing, and where it ends (just past its '>', or npos when the input ends first).
struct StartTag {
  struct Attribute {
    std::size_t begin = 0;     // the name's first byte
    std::size_t name_end = 0;
    std::size_t end = 0;       // past the value (its closing quote), or the name's end
  };
  std::size_t name_end = 0;
  std::size_t end = 0;
  bool self_closing = false;
  std::vector<Attribute> attributes;
};

// Reads the start tag at `at` into `tag`, whose vector of attributes is reused: a page has a
// start tag every few dozen bytes.
void read_start_tag(std::string_view html, std::size_t at, StartTag& tag) {
  enum class State { kName, kBeforeName, kAttrName, kAfterName, kBeforeValue, kDoubleQuoted, kSingleQuoted,
                     kUnquoted, kAfterQuoted, kSelfClosing };
  tag.name_end = 0;
  tag.end = 0;
  tag.self_closing = false;
  tag.attributes.clear();
  State state = State::kName;
  const std::size_t n = html.size();
  auto open_attribute = [&](std::size_t i) { tag.attributes.push_back({i, i, i}); };
  for (std::size_t i = at + 1; i < n; ++i) {
    const char c = html[i];
    switch (state) {
      case State::kName:
        if (c == '>') { tag.name_end = i; tag.end = i + 1; return; }
        if (is_html_space(c)) { tag.name_end = i; state = State::kBeforeName; }
        else if (c == '/') { tag.name_end = i; state = State::kSelfClosing; }
        break;
      case State::kBeforeName:
        if (is_html_space(c)) break;
        if (c == '/') { state = State::kSelfClosing; break; }  // via the after-name state
        if (c == '>') { tag.end = i + 1; return; }
        open_attribute(i);  // '=' here starts a name "="
        state = State::kAttrName;
        break;
      case State::kAttrName:
        if (is_html_space(c)) { tag.attributes.back().name_end = tag.attributes.back().end = i; state = State::kAfterName; }
        else if (c == '/') { tag.attributes.back().name_end = tag.attributes.back().end = i; state = State::kSelfClosing; }
        else if (c == '>') { tag.attributes.back().name_end = tag.attributes.back().end = i; tag.end = i + 1; return; }
        else if (c == '=') { tag.attributes.back().name_end = i; state = State::kBeforeValue; }
        break;
      case State::kAfterName:
        if (is_html_space(c)) break;
        if (c == '/') { state = State::kSelfClosing; break; }
        if (c == '=') { state = State::kBeforeValue; break; }
        if (c == '>') { tag.end = i + 1; return; }
        open_attribute(i);
        state = State::kAttrName;
        break;
      case State::kBeforeValue:
        if (is_html_space(c)) break;
        if (c == '"') state = State::kDoubleQuoted;
        else if (c == '\'') state = State::kSingleQuoted;
        else if (c == '>') { tag.attributes.back().end = i; tag.end = i + 1; return; }  // an empty value
        else state = State::kUnquoted;
        break;
      case State::kDoubleQuoted:
      case State::kSingleQuoted: {
        // A quoted value ends at its quote and nowhere else: found by a search, not byte by byte
        // (values such as class lists, URLs and JSON are most of a tag's bytes).
        const std::size_t quote = html.find(state == State::kDoubleQuoted ? '"' : '\'', i);
        if (quote == std::string_view::npos) {
          i = n;
          break;
        }
        i = quote;
        tag.attributes.back().end = i + 1;
        state = State::kAfterQuoted;
        break;
      }
      case State::kUnquoted:
        if (is_html_space(c)) { tag.attributes.back().end = i; state = State::kBeforeName; }
        else if (c == '>') { tag.attributes.back().end = i; tag.end = i + 1; return; }
        break;
      case State::kAfterQuoted:
        if (is_html_space(c)) state = State::kBeforeName;
        else if (c == '/') state = State::kSelfClosing;
        else if (c == '>') { tag.end = i + 1; return; }
        else { --i; state = State::kBeforeName; }  // no space between attributes: read it again
        break;
      case State::kSelfClosing:
        if (c == '>') { tag.self_closing = true; tag.end = i + 1; return; }
        --i;  // a '/' inside a tag: read the byte again before a name
        state = State::kBeforeName;
        break;
    }
  }
  tag.end = std::string_view::npos;
}

// The attributes the segmenter reads (html_segment.cpp: class, id, role, hidden, aria-hidden,
// style) and the one the tree builder reads (type, for <input type=hidden> in a table). The others
// (href, src, srcset, data-*, ...) are a third of a modern page's markup and dropped.
constexpr std::array<std::string_view, 7> kKeptAttributes = {"class", "id", "role", "hidden", "aria-hidden", "style",
                                                             "type"};
// Elements whose attributes the tree builder compares (the "Noah's Ark" clause: three formatting
// elements alike in name and attributes may not stand together in the list of active formatting
// elements) or turns into content (isindex): their tags are left as written. <a> is not among
// them although it is a formatting element: a new <a> first closes the one in the list, so the
// list never holds two, and its attributes (links, a third of an older page's markup) can go.
constexpr std::array<std::string_view, 14> kAttributesMatter = {"b",  "big",    "code",   "em", "font", "i", "nobr",
                                                                "s",  "small", "strike", "strong", "tt", "u", "isindex"};

bool is_one_of(std::string_view name, const auto& list) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

bool is_kept_attribute(std::string_view html, const StartTag::Attribute& attribute) {
  const std::size_t length = attribute.name_end - attribute.begin;
  for (std::string_view kept : kKeptAttributes) {
    if (kept.size() == length && has_word_at(html, attribute.begin, kept)) return true;
  }
  return false;
}

// Attributes whose values the segmenter reads and the tree builder does not: a long value of one
// of them may stand in (stand_ins.h). Not "type", which the tree builder reads.
constexpr std::array<std::string_view, 3> kStandInAttributes = {"class", "id", "style"};

// Where the quoted value of `attribute` starts, past its quote, or npos when it has none: after the
// name, white space, '=', white space and a quote (an unquoted value may hold quotes: class=a"b).
std::size_t quoted_value_begin(std::string_view html, const StartTag::Attribute& attribute) {
  std::size_t k = attribute.name_end;
  while (k < attribute.end && is_html_space(html[k])) ++k;
  if (k == attribute.end || html[k] != '=') return std::string_view::npos;
  ++k;
  while (k < attribute.end && is_html_space(html[k])) ++k;
  if (k == attribute.end || (html[k] != '"' && html[k] != '\'')) return std::string_view::npos;
  return k + 1;
}

// Whether text may stand in: enough characters to be worth it, which the parser passes on as they are.
bool may_stand_in(std::string_view text) {
  return text.size() >= StandIns::kMinSpan && StandIns::passes_as_is(text);
}

// Where the value of `attribute` that may stand in lies, [first, second), or {npos, npos} when
// it keeps its value: a long quoted value of class, id or style that the parser passes on as it is.
std::pair<std::size_t, std::size_t> stand_in_value(std::string_view html, const StartTag::Attribute& attribute) {
  constexpr std::pair<std::size_t, std::size_t> kNone = {std::string_view::npos, std::string_view::npos};
  const std::size_t length = attribute.name_end - attribute.begin;
  bool named = false;
  for (std::string_view name : kStandInAttributes) {
    named = named || (name.size() == length && has_word_at(html, attribute.begin, name));
  }
  if (!named) return kNone;
  const std::size_t value = quoted_value_begin(html, attribute);
  if (value == std::string_view::npos || !may_stand_in(html.substr(value, attribute.end - 1 - value))) return kNone;
  return {value, attribute.end - 1};
}

// The start tag with only its first `max_attributes` attributes and, unless `keep_unread`, only
// those something reads, long values standing in where `stand_ins` is given; an empty string when
// it keeps them all as they are.
std::string rewritten_start_tag(std::string_view html, std::size_t at, const StartTag& tag, bool keep_unread,
                                std::size_t max_attributes, StandIns* stand_ins = nullptr) {
  std::size_t kept = 0;
  bool changed = false;
  for (const StartTag::Attribute& attribute : tag.attributes) {
    if (!keep_unread && !is_kept_attribute(html, attribute)) {
      changed = true;
    } else if (++kept > max_attributes) {
      changed = true;
    } else if (stand_ins != nullptr && stand_ins->usable()) {
      changed = changed || stand_in_value(html, attribute).first != std::string_view::npos;
    }
    if (changed) break;
  }
  if (!changed) return {};
  std::string out(html.substr(at, tag.name_end - at));
  kept = 0;
  for (const StartTag::Attribute& attribute : tag.attributes) {
    if (kept == max_attributes) break;
    if (!keep_unread && !is_kept_attribute(html, attribute)) continue;
    ++kept;
    out += ' ';
    const auto [value, value_end] =
        stand_ins != nullptr && stand_ins->usable() ? stand_in_value(html, attribute)
                                                    : std::pair{std::string_view::npos, std::string_view::npos};
    if (value != std::string_view::npos) {
      const std::size_t written = out.size();
      out += html.substr(attribute.begin, value - attribute.begin);  // the name, '=' and the quote
      if (stand_ins->add(value, value_end, out)) {
        out += html[value_end];  // the closing quote
        continue;
      }
      out.resize(written);  // the table is full: the value as it is
    }
    out += html.substr(attribute.begin, attribute.end - attribute.begin);
  }
  out += tag.self_closing ? " />" : ">";  // the space: "a=b/>" would make "b/" the value
  return out;
}

// The page as rewritten so far: its bytes up to `copied`, with the parts replaced, in `out`. The
// parts are replaced in page order.
struct PageRewrite {
  explicit PageRewrite(std::string_view page) : html(page) {}

  std::string_view html;
  std::string out;
  std::size_t copied = 0;  // html[copied, ...) is not yet in out

  // html[from, to) becomes `with` (from is at or past `copied`).
  void replace(std::size_t from, std::size_t to, std::string_view with) {
    out.append(html.substr(copied, from - copied));
    if (!with.empty()) out += with;  // most parts are dropped: runs of white space, bodies
    copied = to;
  }

  // The whole page rewritten, or an empty string when nothing was replaced.
  std::string finish() {
    if (copied == 0) return {};
    out.append(html.substr(copied));
    return std::move(out);
  }
};

// Cuts every start tag from `from` on to `max_attributes` attributes, for the part of a page where
// the scan below no longer follows the tokeniser (after <math>, say). Every "<" and a letter is read
// as a start tag there, even in script or title text, which loses only the words of a "tag" of over
// 256 attributes.
void bound_attributes(std::size_t from, std::size_t max_attributes, PageRewrite& page) {
  const std::string_view html = page.html;
  StartTag tag;
  std::size_t lt = html.find('<', from);
  while (lt != std::string_view::npos && lt + 1 < html.size()) {
    if (!utf8::is_ascii_letter(html[lt + 1])) {
      lt = html.find('<', lt + 1);
      continue;
    }
    read_start_tag(html, lt, tag);
    if (tag.end == std::string_view::npos) break;
    if (tag.attributes.size() > max_attributes) {
      page.replace(lt, tag.end, rewritten_start_tag(html, lt, tag, /*keep_unread=*/true, max_attributes));
    }
    lt = html.find('<', tag.end);
  }
}

// Folds each run of white space in the text html[from, to) to its first character.
void fold_white_space(std::size_t from, std::size_t to, PageRewrite& page) {
  const std::string_view html = page.html;
  for (std::size_t k = from; k + 1 < to; ++k) {
    if (!is_html_space(html[k]) || !is_html_space(html[k + 1])) continue;
    std::size_t end = k + 2;
    while (end < to && is_html_space(html[end])) ++end;
    page.replace(k + 1, end, {});
    k = end - 1;
  }
}

// The text html[from, to): runs of white space folded unless `keep_white_space`, and, with
// `stand_ins`, what lies between its first and last characters that are not white space standing in.
// The white space around it stays, as the tree builder may treat it apart (in <head>, in a table).
void rewrite_text(std::size_t from, std::size_t to, bool keep_white_space, StandIns* stand_ins, PageRewrite& page) {
  const std::string_view html = page.html;
  std::size_t begin = from;
  std::size_t end = to;
  bool stands_in = false;
  if (stand_ins != nullptr && to - from >= StandIns::kMinSpan) {
    while (begin < end && is_html_space(html[begin])) ++begin;
    while (end > begin && is_html_space(html[end - 1])) --end;
    stands_in = may_stand_in(html.substr(begin, end - begin));
  }
  std::string stand_in;
  if (!stands_in || !stand_ins->add(begin, end, stand_in)) {
    if (!keep_white_space) fold_white_space(from, to, page);
    return;
  }
  if (!keep_white_space) fold_white_space(from, begin, page);
  page.replace(begin, end, stand_in);
  if (!keep_white_space) fold_white_space(end, to, page);
}

// Where a comment that starts at `at` ("<!--") ends, just past it, or npos when it runs to the end.
// It ends at "-->" or "--!>"; "<!-->" and "<!--->" end at once.
std::size_t end_of_comment(std::string_view html, std::size_t at) {
  const std::size_t start = at + 4;
  if (html.compare(start, 1, ">") == 0) return start + 1;
  if (html.compare(start, 2, "->") == 0) return start + 2;
  for (std::size_t d = html.find("--", start); d != std::string_view::npos; d = html.find("--", d + 1)) {
    if (html.compare(d + 2, 1, ">") == 0) return d + 3;
    if (html.compare(d + 2, 2, "!>") == 0) return d + 4;
  }
  return std::string_view::npos;
}

// The lower-case name of the tag whose name starts at `at`, at most 32 bytes (longer names match
// nothing this pass looks for).
std::string tag_name_at(std::string_view html, std::size_t at) {
  std::string name;
  for (std::size_t k = at; k < html.size() && !is_html_space(html[k]) && html[k] != '/' && html[k] != '>'; ++k) {
    if (name.size() == 32) return name + "?";
    name.push_back(utf8::ascii_lower(html[k]));
  }
  return name;
}

// The next tag at or after `from`, as the tokeniser reads the bytes in its data state: comments and
// bogus comments (and, outside HTML content, CDATA sections) are passed over. `end` is npos where
// the input ends inside a tag, a comment or a section, or holds no further tag, and at "</>": in
// SVG, Gumbo loses the end tag that follows one ("<svg></></svg>P" leaves P in the svg).
struct NextTag {
  std::size_t lt = 0;                        // the tag's '<'
  std::size_t end = std::string_view::npos;  // just past its '>'
  bool is_end = false;
  std::string name;  // lower case
  bool self_closing = false;
};

NextTag next_tag(std::string_view html, std::size_t from, bool cdata_sections, StartTag& tag) {
  const std::size_t n = html.size();
  std::size_t i = from;
  while (i != std::string_view::npos) {
    const std::size_t lt = html.find('<', i);
    if (lt == std::string_view::npos || lt + 1 >= n) return {};
    const char next = html[lt + 1];
    if (html.compare(lt, 4, "<!--") == 0) {
      i = end_of_comment(html, lt);
    } else if (cdata_sections && html.compare(lt, 9, "<![CDATA[") == 0) {
      const std::size_t end = html.find("]]>", lt + 9);
      i = end == std::string_view::npos ? end : end + 3;
    } else if (next == '/' && (lt + 2 >= n || html[lt + 2] == '>')) {
      return {};
    } else if (next == '!' || next == '?' || (next == '/' && !utf8::is_ascii_letter(html[lt + 2]))) {
      const std::size_t end = html.find('>', lt);  // bogus comments
      i = end == std::string_view::npos ? end : end + 1;
    } else if (next == '/') {
      const std::size_t end = end_of_tag(html, lt + 1);
      if (end >= n) return {};  // cut, or the last byte: either way nothing follows
      std::string name = tag_name_at(html, lt + 2);
      // "</title/>": Gumbo does not always close with an end tag that has a '/' after its name.
      if (html[lt + 2 + std::min(name.size(), n - lt - 2)] == '/') return {};
      return {lt, end, true, std::move(name), false};
    } else if (utf8::is_ascii_letter(next)) {
      read_start_tag(html, lt, tag);
      if (tag.end == std::string_view::npos) return {};
      return {lt, tag.end, false, tag_name_at(html, lt + 1), tag.self_closing};
    } else {
      i = lt + 1;
    }
  }
  return {};
}

// HTML start tags that end SVG content in the tree builder ("breakout" tags; font only with some
// attributes, taken here always), and the SVG elements whose content is HTML (integration points).
constexpr std::array<std::string_view, 47> kBreakoutTags = {
    "b",   "big", "blockquote", "body", "br",   "center", "code", "dd", "div",    "dl",     "dt",     "em",
    "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu", "meta",
    "nobr", "ol", "p", "pre", "ruby", "s", "small", "span", "strong", "strike", "sub", "sup", "table", "tt",
    "u",   "ul",  "var",        "font", "math", "script"};
constexpr std::array<std::string_view, 3> kIntegrationPoints = {"foreignobject", "desc", "title"};

// Where the content of an <svg> element whose start tag ends at `at` ends: the '<' of the end tag
// that closes it. The scan keeps the stack of SVG elements open inside it as the tree builder does
// (an end tag closes the nearest open element of its name), and gives up, returning npos, wherever
// the tree builder could leave SVG by another path: a breakout tag, an end tag of no open SVG
// element (the tree builder then reads it by HTML rules), an integration point holding more than
// text, or the end of the input.
std::size_t end_of_svg_content(std::string_view html, std::size_t at) {
  std::vector<std::string> open = {"svg"};
  StartTag start_tag;
  std::size_t i = at;
  while (true) {
    const NextTag tag = next_tag(html, i, true, start_tag);  // CDATA sections are text in SVG
    if (tag.end == std::string_view::npos) return std::string_view::npos;
    i = tag.end;
    if (tag.is_end) {
      const auto found = std::find(open.rbegin(), open.rend(), tag.name);
      if (found == open.rend()) return std::string_view::npos;
      open.erase(std::prev(found.base()), open.end());
      if (open.empty()) return tag.lt;
      continue;
    }
    if (is_one_of(tag.name, kBreakoutTags)) return std::string_view::npos;
    if (tag.self_closing) continue;
    if (is_one_of(tag.name, kIntegrationPoints)) {
      // Text alone up to its own end tag, written plainly; anything else would be read by HTML rules.
      const std::size_t close = html.find('<', tag.end);
      if (close == std::string_view::npos || !is_end_tag_at(html, close, tag.name) ||
          html[close + 2 + tag.name.size()] != '>') {
        return std::string_view::npos;
      }
      i = close;  // its end tag closes it: go on as if it were open
    }
    open.push_back(tag.name);
  }
}

constexpr std::string_view kEmptyComment = "<!---->";

// Inside a <select> the tree builder ignores most tags; these end the select or change how the
// bytes after them are read (script data, a template's own modes, a table around the select).
constexpr std::array<std::string_view, 14> kSelectExits = {"select", "input", "keygen", "textarea", "script", "template",
                                                           "caption", "table", "tbody", "tfoot", "thead", "tr", "td",
                                                           "th"};

// Where the content of a <select> whose start tag ends at `at` ends: just past the "</select>" that
// closes it, or npos where the scan would have to follow the tree builder out some other way
// (kSelectExits, or the end of the input). Tags inside are ignored by the tree builder and change
// nothing in how the bytes are read, so the content is passed over as it is.
std::size_t end_of_select(std::string_view html, std::size_t at) {
  std::size_t i = at;
  StartTag start_tag;
  while (true) {
    const NextTag tag = next_tag(html, i, false, start_tag);
    if (tag.end == std::string_view::npos) return std::string_view::npos;
    if (tag.is_end && tag.name == "select") return tag.end;
    if (is_one_of(tag.name, kSelectExits)) return std::string_view::npos;
    i = tag.end;
  }
}

// Whether "<frameset" stands anywhere in the page, in any case.
bool has_frameset_tag(std::string_view html) {
  for (std::size_t lt = html.find('<'); lt != std::string_view::npos; lt = html.find('<', lt + 1)) {
    if (has_word_at(html, lt + 1, "frameset")) return true;
  }
  return false;
}

// Elements whose bodies are text to the tokeniser: passed over whole, never looked into.
constexpr std::array<std::string_view, 6> kKeptTextBodies = {"title", "textarea", "xmp", "iframe", "noembed",
                                                              "noframes"};

}  // namespace

std::string drop_raw_text_bodies(std::string_view html, std::size_t max_attributes, StandIns* stand_ins) {
  // Gumbo leaves NUL bytes out of tag and attribute names ("<l \0type>" has a "type"), where this
  // scan would read other names: a page holding one is parsed as it is.
  PageRewrite page(html);
  std::size_t i = 0;
  if (html.find('\0') != std::string_view::npos) {
    bound_attributes(0, max_attributes, page);
    return page.finish();
  }
  const std::size_t n = html.size();
  int may_hold_frameset = -1;  // not looked for yet
  bool keep_white_space = false;  // the text just after <pre> or <listing>
  StartTag tag;
  while (i < n) {
    const std::size_t lt = html.find('<', i);
    // A run of white space in text reaches the parser as one character. The tree builder asks of
    // text only whether it is white space, and the segmenter folds runs, but Gumbo makes a token
    // of every character: indentation was a quarter of the text it read. After <pre> and
    // <listing> the text is left as it is, as the tree builder drops a line feed at its start.
    rewrite_text(i, std::min(lt, n), keep_white_space, stand_ins, page);
    keep_white_space = false;
    if (lt == std::string_view::npos || lt + 1 >= n) break;
    const char next = html[lt + 1];
    if (next == '!') {
      if (html.compare(lt, 4, "<!--") == 0) {
        const std::size_t end = end_of_comment(html, lt);
        if (end == std::string_view::npos) break;  // the rest is a comment
        // A comment is a node of its own that the segmenter skips: it stays, empty.
        if (end - lt > kEmptyComment.size()) {
          page.replace(lt, end, kEmptyComment);
        }
        i = end;
        continue;
      }
      const std::size_t end = html.find('>', lt);  // <!DOCTYPE ...> and other bogus comments
      if (end == std::string_view::npos) break;
      i = end + 1;
      continue;
    }
    if (next == '?') {
      const std::size_t end = html.find('>', lt);
      if (end == std::string_view::npos) break;
      i = end + 1;
      continue;
    }
    if (next == '/') {
      if (lt + 2 < n && utf8::is_ascii_letter(html[lt + 2])) {
        i = end_of_tag(html, lt + 1);
      } else {
        const std::size_t end = html.find('>', lt);  // "</>" or a bogus comment
        if (end == std::string_view::npos) break;
        i = end + 1;
      }
      continue;
    }
    if (!utf8::is_ascii_letter(next)) {
      i = lt + 1;
      continue;
    }
    const std::string name = tag_name_at(html, lt + 1);
    read_start_tag(html, lt, tag);
    if (tag.end == std::string_view::npos) break;  // the input ends inside the tag
    const std::size_t body = tag.end;
    if (name == "plaintext") break;  // the rest of the page is text
    if (name == "frameset") break;   // frames: the parser ignores script and style tags after it
    // MathML parses script and style as markup, and leaves its content by paths (breakout tags,
    // integration points) that this scan does not follow, so it drops nothing after it.
    if (name == "math") break;
    // In a <select> the parser ignores most start tags, <title> and <style> among them, so their
    // bodies are not text there: the select's content is passed over whole, up to its end tag.
    if (name == "select") {
      const std::size_t after = end_of_select(html, body);
      if (after == std::string_view::npos) break;
      i = after;
      continue;
    }
    if (name == "svg") {
      // The segmenter skips SVG; its content goes where the scan can follow the tree builder to
      // the end tag that closes it, else nothing is dropped from here on.
      if (tag.self_closing) {
        i = body;
        continue;
      }
      // Text in SVG content tells the tree builder a <frameset> may no longer replace the body, so
      // on a page with a frameset the content stays.
      if (may_hold_frameset < 0) may_hold_frameset = has_frameset_tag(html) ? 1 : 0;
      if (may_hold_frameset == 1) break;
      const std::size_t end = end_of_svg_content(html, body);
      if (end == std::string_view::npos) break;
      page.replace(body, end, {});
      i = end;
      continue;
    }
    // A formatting element's attributes are compared by the tree builder, so they keep their values.
    const bool attributes_matter = is_one_of(name, kAttributesMatter);
    const std::string rewritten = rewritten_start_tag(html, lt, tag, /*keep_unread=*/attributes_matter, max_attributes,
                                                      attributes_matter ? nullptr : stand_ins);
    if (!rewritten.empty()) page.replace(lt, body, rewritten);
    if (name == "script" || name == "style") {
      const std::size_t end = name == "script" ? end_of_script_body(html, body) : end_of_text_body(html, body, "style");
      if (end > body) page.replace(body, end, {});
      i = end;
      continue;
    }
    bool kept_text = false;
    for (std::string_view text_element : kKeptTextBodies) {
      if (name == text_element) {
        i = end_of_text_body(html, body, text_element);
        kept_text = true;
        break;
      }
    }
    if (!kept_text) i = body;
    keep_white_space = name == "pre" || name == "listing";
  }
  // Where the loop stopped following the tokeniser (at `i`), only over-long tags change.
  bound_attributes(i, max_attributes, page);
  return page.finish();
}

}  // namespace winnow
