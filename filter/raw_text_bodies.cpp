// Dropping script and style bodies. Entry point: drop_raw_text_bodies. Tested by
// tests/raw_text_bodies_test.cpp, and by the corpus: every page's output is the same with and
// without this pass (see the test's note).
//
// The scan follows the HTML tokeniser (WHATWG HTML, section 13.2.5) only as far as it must to know,
// at each '<', whether a tag starts there: comments, bogus comments, attribute values (a '>' in
// quotes does not end a tag), and the bodies of raw-text and RCDATA elements are passed over.
// Where it is unsure it passes bytes over rather than drop them: passing over keeps the page as it
// was, and only a body it has found the exact end of is ever dropped.
#include "raw_text_bodies.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace winnow {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

// Whether `html` at `at` holds `word`, ASCII case folded.
bool has_word_at(std::string_view html, std::size_t at, std::string_view word) {
  if (html.size() - at < word.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (lower(html[at + i]) != word[i]) return false;
  }
  return true;
}

// Whether an end tag "</name" that a body ends with starts at `at`: the name, then white space,
// '/' or '>' (the tokeniser's "appropriate end tag"; at the end of the input the body runs out).
bool is_end_tag_at(std::string_view html, std::size_t at, std::string_view name) {
  if (html.size() - at < 2 || html[at] != '<' || html[at + 1] != '/') return false;
  if (!has_word_at(html, at + 2, name)) return false;
  const std::size_t after = at + 2 + name.size();
  return after < html.size() && (is_space(html[after]) || html[after] == '/' || html[after] == '>');
}

// Where the body of a raw-text or RCDATA element that starts at `at` ends (the '<' of its end
// tag), or html.size() when it runs to the end.
std::size_t end_of_text_body(std::string_view html, std::size_t at, std::string_view name) {
  for (std::size_t i = html.find('<', at); i != std::string_view::npos; i = html.find('<', i + 1)) {
    if (is_end_tag_at(html, i, name)) return i;
  }
  return html.size();
}

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
           (is_space(html[from + 6]) || html[from + 6] == '/' || html[from + 6] == '>');
  };
  std::size_t i = at;
  while (i < n) {
    const char c = html[i];
    if (state == State::kData) {
      if (c == '<' && is_end_tag_at(html, i, "script")) return i;
      if (c == '<' && html.compare(i, 4, "<!--") == 0) {
        state = State::kEscaped;
        dashes = 2;  // "<!-->" leaves at once
        i += 4;
        continue;
      }
      ++i;
      continue;
    }
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
        if (is_space(c) || c == '/') state = State::kBeforeName;
        break;
      case State::kBeforeName:  // before an attribute's name (also after '/' and after a value)
        if (c == '>') return i + 1;
        if (!is_space(c) && c != '/') state = State::kName2;  // '=' here starts a name "="
        break;
      case State::kName2:  // an attribute's name
        if (c == '>') return i + 1;
        if (c == '=') state = State::kBeforeValue;
        else if (is_space(c) || c == '/') state = c == '/' ? State::kBeforeName : State::kAfterName;
        break;
      case State::kAfterName:  // white space after an attribute's name: '=' may still follow
        if (c == '>') return i + 1;
        if (c == '=') state = State::kBeforeValue;
        else if (c == '/') state = State::kBeforeName;
        else if (!is_space(c)) state = State::kName2;
        break;
      case State::kBeforeValue:
        if (c == '>') return i + 1;
        if (c == '"') state = State::kDoubleQuoted;
        else if (c == '\'') state = State::kSingleQuoted;
        else if (!is_space(c)) state = State::kUnquoted;
        break;
      case State::kDoubleQuoted:
        if (c == '"') state = State::kBeforeName;
        break;
      case State::kSingleQuoted:
        if (c == '\'') state = State::kBeforeName;
        break;
      case State::kUnquoted:
        if (c == '>') return i + 1;
        if (is_space(c)) state = State::kBeforeName;
        break;
    }
  }
  return html.size();
}

// Elements whose bodies are text to the tokeniser: passed over whole, never looked into.
constexpr std::array<std::string_view, 6> kKeptTextBodies = {"title", "textarea", "xmp", "iframe", "noembed",
                                                              "noframes"};

}  // namespace

std::string drop_raw_text_bodies(std::string_view html) {
  std::string out;
  std::size_t copied = 0;  // html[copied, ...) is not yet in out
  std::size_t i = 0;
  const std::size_t n = html.size();
  while (i < n) {
    const std::size_t lt = html.find('<', i);
    if (lt == std::string_view::npos || lt + 1 >= n) break;
    const char next = html[lt + 1];
    if (next == '!') {
      if (html.compare(lt, 4, "<!--") == 0) {
        // A comment ends at "-->" or "--!>"; "<!-->" and "<!--->" end at once.
        std::size_t end = lt + 4;
        if (html.compare(end, 1, ">") == 0) {
          i = end + 1;
          continue;
        }
        if (html.compare(end, 2, "->") == 0) {
          i = end + 2;
          continue;
        }
        const std::size_t close = html.find("--", end);
        std::size_t found = std::string_view::npos;
        for (std::size_t d = close; d != std::string_view::npos; d = html.find("--", d + 1)) {
          if (html.compare(d + 2, 1, ">") == 0 || html.compare(d + 2, 2, "!>") == 0) {
            found = d;
            break;
          }
        }
        if (found == std::string_view::npos) break;  // the rest is a comment
        i = found + 3;
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
      if (lt + 2 < n && is_alpha(html[lt + 2])) {
        i = end_of_tag(html, lt + 1);
      } else {
        const std::size_t end = html.find('>', lt);  // "</>" or a bogus comment
        if (end == std::string_view::npos) break;
        i = end + 1;
      }
      continue;
    }
    if (!is_alpha(next)) {
      i = lt + 1;
      continue;
    }
    std::size_t name_end = lt + 1;
    while (name_end < n && !is_space(html[name_end]) && html[name_end] != '/' && html[name_end] != '>') ++name_end;
    std::string name;
    for (std::size_t k = lt + 1; k < name_end && name.size() < 16; ++k) name.push_back(lower(html[k]));
    const std::size_t body = end_of_tag(html, lt);
    if (body >= n) break;
    if (name == "plaintext") break;  // the rest of the page is text
    if (name == "frameset") break;   // frames: the parser ignores script and style tags after it
    // SVG and MathML parse script and style as markup, and leave their content by paths (breakout
    // tags, integration points) that this scan does not follow, so it drops nothing after them.
    if (name == "svg" || name == "math") break;
    // In a <select> the parser ignores most start tags, <title>, <textarea> and <style> among
    // them, so their bodies are not text there; a select's ways out are not followed either.
    if (name == "select") break;
    if (name == "script" || name == "style") {
      const std::size_t end = name == "script" ? end_of_script_body(html, body) : end_of_text_body(html, body, "style");
      if (end > body) {
        out.append(html.substr(copied, body - copied));
        copied = end;
      }
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
  }
  if (copied == 0) return {};
  out.append(html.substr(copied));
  return out;
}

}  // namespace winnow
