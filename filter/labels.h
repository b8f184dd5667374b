// Labels: which blocks of a page are content, found by aligning each block's tokens with the gold
// text. Used by `winnow train`; a block whose alignment is unclear is left out of training.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "document.h"

namespace winnow {

enum class BlockLabel : std::int8_t { kUnclear = -1, kBoilerplate = 0, kContent = 1 };

std::vector<BlockLabel> label_blocks(const std::vector<Block>& blocks, std::string_view gold);

// Labels from snippets, for a page whose gold is only a few passages that must ("with") or must not
// ("without") appear in the output, as the trafilatura benchmark gives. Every block a "without"
// passage touches is boilerplate; the blocks a "with" passage touches are content when the passage
// occurs once (when it occurs more often, keeping any one occurrence would do). Blocks no passage
// touches, or that passages label both ways, are unclear.
std::vector<BlockLabel> label_blocks_by_snippets(const std::vector<Block>& blocks, const std::vector<std::string>& with,
                                                 const std::vector<std::string>& without);

}  // namespace winnow
