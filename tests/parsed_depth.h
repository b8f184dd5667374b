// How deep Gumbo nests a page's elements: what the nesting bound (filter/nesting_limit.h) must
// keep within reach. Shared by tests/nesting_limit_test.cpp and tests/fuzz/nesting_limit_fuzz.cpp.
#pragma once

#include <gumbo.h>

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace winnow::testing {

// The deepest element's depth in the tree Gumbo builds, <html> at 1, walked without recursion.
inline std::size_t parsed_depth(std::string_view html) {
  GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  std::size_t deepest = 0;
  std::vector<std::pair<const GumboNode*, std::size_t>> stack{{output->root, 1}};
  while (!stack.empty()) {
    const auto [node, depth] = stack.back();
    stack.pop_back();
    deepest = std::max(deepest, depth);
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
      const auto* child = static_cast<const GumboNode*>(children.data[i]);
      if (child->type == GUMBO_NODE_ELEMENT || child->type == GUMBO_NODE_TEMPLATE) stack.emplace_back(child, depth + 1);
    }
  }
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  return deepest;
}

}  // namespace winnow::testing
