// libFuzzer target: the HTML pre-parse pass (filter/raw_text_bodies.cpp) must not change Gumbo's
// tree beyond what it means to drop. For any input, the tree of the pruned page equals the tree of
// the page as it is, except that
//   - the children of script, style and svg elements are not compared (their content is dropped),
//   - comments are compared by place, not text (their text is dropped),
//   - only the attributes the segmenter or the tree builder reads are compared (class, id, role,
//     hidden, aria-hidden, style, type), by name, value and order,
//   - text is compared with its runs of white space folded (the pass folds them),
//   - the pruned page's text and attribute values are read back from their stand-ins first
//     (stand_ins.h), as the segmenter reads them.
// A difference aborts with both paths printed. Build and run: tests/fuzz/build.sh.
#include <gumbo.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "raw_text_bodies.h"
#include "stand_ins.h"

namespace {

constexpr std::string_view kCompared[] = {"class", "id", "role", "hidden", "aria-hidden", "style", "type"};

bool is_compared(const char* name) {
  for (std::string_view kept : kCompared) {
    if (kept == name) return true;
  }
  return false;
}

std::vector<std::pair<std::string, std::string>> compared_attributes(const GumboElement& element,
                                                                    const winnow::StandIns* stand_ins) {
  std::vector<std::pair<std::string, std::string>> out;
  std::string scratch;
  for (unsigned i = 0; i < element.attributes.length; ++i) {
    const auto* attr = static_cast<const GumboAttribute*>(element.attributes.data[i]);
    if (!is_compared(attr->name)) continue;
    out.emplace_back(attr->name, stand_ins == nullptr ? std::string_view(attr->value)
                                                      : stand_ins->expand(attr->value, scratch));
  }
  return out;
}

// An unknown element's name, read from its start tag as the tokeniser reads it (up to white
// space, '/' or '>'), lower case: Gumbo keeps no other record of it.
std::string tag_name(const GumboElement& element) {
  if (element.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(element.tag);
  const GumboStringPiece& tag = element.original_tag;
  std::string name;
  for (std::size_t i = 1; i < tag.length; ++i) {  // past the '<'
    const char c = tag.data[i];
    if (c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ' || c == '/' || c == '>') break;
    name.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return name;
}

[[noreturn]] void fail(const std::string& what, const std::string& path, std::string_view original,
                       std::string_view pruned) {
  std::fprintf(stderr, "DIFFERENCE at %s: %s\n--- original (%zu bytes)\n%.*s\n--- pruned (%zu bytes)\n%.*s\n",
               path.c_str(), what.c_str(), original.size(), static_cast<int>(original.size()), original.data(),
               pruned.size(), static_cast<int>(pruned.size()), pruned.data());
  std::abort();
}

// Text with each run of white space folded to its first character, as the pass folds runs in the
// page's text (a character reference next to a run is no part of it there, and is here: folding
// both sides alike makes them equal all the same).
std::string folded(std::string_view text) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; };
  std::string out;
  for (char c : text) {
    if (!(is_space(c) && !out.empty() && is_space(out.back()))) out.push_back(c);
  }
  return out;
}

void compare(const GumboOutput* a, const GumboOutput* b, const winnow::StandIns& stand_ins, std::string_view original,
             std::string_view pruned) {
  std::string scratch;
  const GumboDocument& da = a->document->v.document;
  const GumboDocument& db = b->document->v.document;
  if (da.has_doctype != db.has_doctype || std::strcmp(da.name, db.name) != 0 ||
      da.doc_type_quirks_mode != db.doc_type_quirks_mode) {
    fail("doctype or quirks mode", "#document", original, pruned);
  }
  struct Pair {
    const GumboNode* a;
    const GumboNode* b;
    std::string path;
  };
  std::vector<Pair> stack = {{a->document, b->document, "#document"}};
  while (!stack.empty()) {
    const Pair pair = std::move(stack.back());
    stack.pop_back();
    const GumboNode* na = pair.a;
    const GumboNode* nb = pair.b;
    if (na->type != nb->type) fail("node type", pair.path, original, pruned);
    const GumboVector* ca = nullptr;
    const GumboVector* cb = nullptr;
    switch (na->type) {
      case GUMBO_NODE_DOCUMENT:
        ca = &na->v.document.children;
        cb = &nb->v.document.children;
        break;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE: {
        const GumboElement& ea = na->v.element;
        const GumboElement& eb = nb->v.element;
        if (ea.tag_namespace != eb.tag_namespace || tag_name(ea) != tag_name(eb)) {
          fail("element " + tag_name(ea) + " against " + tag_name(eb), pair.path, original, pruned);
        }
        if (compared_attributes(ea, nullptr) != compared_attributes(eb, &stand_ins)) {
          fail("attributes", pair.path, original, pruned);
        }
        if (ea.tag == GUMBO_TAG_SCRIPT || ea.tag == GUMBO_TAG_STYLE || ea.tag == GUMBO_TAG_SVG) break;
        ca = &ea.children;
        cb = &eb.children;
        break;
      }
      case GUMBO_NODE_COMMENT:
        break;
      default:  // text, CDATA, white space
        if (folded(na->v.text.text) != folded(stand_ins.expand(nb->v.text.text, scratch))) {
          fail("text", pair.path, original, pruned);
        }
        break;
    }
    if (ca == nullptr) continue;
    if (ca->length != cb->length) {
      fail("child count " + std::to_string(ca->length) + " against " + std::to_string(cb->length), pair.path,
           original, pruned);
    }
    for (unsigned i = 0; i < ca->length; ++i) {
      const auto* child = static_cast<const GumboNode*>(ca->data[i]);
      std::string path = pair.path + "/" + std::to_string(i);
      if (child->type == GUMBO_NODE_ELEMENT || child->type == GUMBO_NODE_TEMPLATE) path += ":" + tag_name(child->v.element);
      stack.push_back({child, static_cast<const GumboNode*>(cb->data[i]), std::move(path)});
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view original(reinterpret_cast<const char*>(data), size);
  // With no bound on attributes per tag: the bound may change the tree (raw_text_bodies.h).
  winnow::StandIns stand_ins(original);
  const std::string pruned =
      winnow::drop_raw_text_bodies(original, std::numeric_limits<std::size_t>::max(), &stand_ins);
  if (pruned.empty()) return 0;  // nothing dropped: the parser sees the page as it is
  GumboOutput* a = gumbo_parse_with_options(&kGumboDefaultOptions, original.data(), original.size());
  GumboOutput* b = gumbo_parse_with_options(&kGumboDefaultOptions, pruned.data(), pruned.size());
  compare(a, b, stand_ins, original, pruned);
  gumbo_destroy_output(&kGumboDefaultOptions, a);
  gumbo_destroy_output(&kGumboDefaultOptions, b);
  return 0;
}
