// HTML segmentation: a page to a document of blocks, one per block-level element with its inline
// text, each with the context features need (tag, links, class/id vocabulary of the element and its
// ancestors, whether it sits in the container that holds most of the page's well-formed text).
#pragma once

#include <string_view>

#include "document.h"
#include "nesting_limit.h"
#include "winnow/winnow.h"

namespace winnow {

// Parses `html` with Gumbo and returns its blocks in document order. Never fails: Gumbo repairs
// any input the way browsers do. script, style, noscript, template, svg, select, iframe and
// comments give no text, except that a page with almost no visible text (an app shell rendered by
// JavaScript, such as a Discourse forum) is read again with its <noscript> fallback. A single <br> is a space, two or more in a row split the block.
// Elements nested deeper than `max_depth`, and formatting elements past kMaxOpenFormatting left
// open, are dropped first (nesting_limit.h); `hit`, when given, records whether any were.
Document segment_html(std::string_view html, std::size_t max_depth = kDefaultMaxNestingDepth,
                      LimitsHit* hit = nullptr);

// The class/id vocabulary groups that one class or id attribute value names (bit per ClassGroup).
std::uint32_t class_groups_of(std::string_view attribute_value);

}  // namespace winnow
