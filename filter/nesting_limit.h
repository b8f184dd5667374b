// A bound on how deep HTML elements nest, applied to the bytes before the parser sees them. Entry
// point: limit_nesting. Tested by tests/nesting_limit_test.cpp.
//
// Gumbo's tree builder looks through the stack of open elements for every tag, so a page of
// 100,000 nested <div>s costs it half a minute, and it frees the tree recursively, so deep enough
// nesting overflows a thread's stack. Browsers bound the depth too (Chrome at 512): elements past
// it go beside their parent instead of inside it. This pass does the like on the bytes: start tags
// that would open an element deeper than the bound are dropped, with the end tags that no open
// element matches; the text inside stays, in order.
//
// The depth is followed as the tree builder would, closely enough for a bound: void and raw-text
// elements do not nest, an end tag closes the nearest open element of its name and what lies above
// it within the element's scope, elements whose end tag may be left out (p, li, td, tr, option,
// ...) close their open predecessor, formatting elements popped that way are reopened, a formatting
// element's end tag leaves the blocks opened inside it open (the adoption agency), and the tbody
// and tr the tree builder adds count. Where it cannot be exact, it errs deeper. Each time it erred
// shallower, a page of that shape repeated nested as deep as it was long, in time quadratic in its
// length (`<b><div>word</b>` x 100,000: 61 s). The parsed tree may still nest a little past the
// bound: on 650 random tag alphabets of 2,000 to 20,000 tags, 540 at worst; tests/fuzz/
// nesting_limit_fuzz.cpp checks it with a bound of 24.
//
// Formatting elements left open (b, i, font, em, ... but not a) are bounded too, by count: the tree
// builder reopens a copy of every one still open in each block that follows, so 40,000 paragraphs
// that each open a <b> of its own class made 800 million elements (88 s, 24 GB for a 0.9 MB page).
// Past 16 open at once, a formatting start tag is dropped (the text stays, without its bold or
// italics). Browsers keep three alike at most and no bound on the rest.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace winnow {

inline constexpr std::size_t kDefaultMaxNestingDepth = 512;
// At most this many formatting elements left open at once (above).
inline constexpr std::size_t kMaxOpenFormatting = 16;

struct NestingLimited {
  std::string html;         // the page with the tags past the bounds dropped; empty when none were
  std::size_t deepest = 0;  // the deepest nesting the pass followed (at most max_depth)
  bool depth_limited = false;           // start tags past max_depth were dropped
  std::size_t formatting_dropped = 0;   // formatting start tags dropped past kMaxOpenFormatting open
};

NestingLimited limit_nesting(std::string_view html, std::size_t max_depth);

}  // namespace winnow
