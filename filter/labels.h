// Labels: which blocks of a page are content, found by aligning each block's tokens with the gold
// text. Used by `winnow train`; a block whose alignment is unclear is left out of training.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "document.h"

namespace winnow {

enum class BlockLabel : std::int8_t { kUnclear = -1, kBoilerplate = 0, kContent = 1 };

std::vector<BlockLabel> label_blocks(const std::vector<Block>& blocks, std::string_view gold);

}  // namespace winnow
