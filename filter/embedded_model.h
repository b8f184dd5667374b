// A model held as C++ arrays: how the build carries model/default.model into the binary. The build
// reads the file with parse_model and writes its trees as arrays (model/embed_model.cpp writes,
// filter/built_in_model.cpp reads), so a process starts without parsing 85,000 lines of text, which
// took four fifths of the time of cleaning a one-page document.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "model.h"

namespace winnow {

// Views of the generated arrays, one per ensemble; node and root indices as parse_model leaves them,
// and the trees laid out for scoring as lay_out_trees lays them out (CompleteTrees), so a process
// does not lay them out at every start (a fifth of the instructions of cleaning an empty input).
// A layout with no trees (trees too deep to lay out) is written as null and 0.
struct EmbeddedEnsemble {
  float base_margin;
  const TreeNode* nodes;
  std::size_t node_count;
  const std::uint32_t* roots;
  std::size_t root_count;
  const CompleteTrees::Tree* trees;
  std::size_t tree_count;
  const std::uint16_t* features;
  std::size_t feature_count;
  const float* splits;
  std::size_t split_count;
  const float* leaves;
  std::size_t leaf_count;
};

struct EmbeddedSection {
  float threshold;
  float switch_cost;
  EmbeddedEnsemble first_pass;
  EmbeddedEnsemble second_pass;
};

struct EmbeddedModel {
  EmbeddedSection text;
  EmbeddedSection html;
};

// The built-in model: defined in default_model_data.cpp, which the build generates from
// model/default.model; default_model() (built_in_model.cpp) makes it a Model once.
extern const EmbeddedModel kEmbeddedModel;

// Writes `model` as the C++ source of a definition of kEmbeddedModel; `origin` names the file it
// came from in the source's first comment. Floats are written as hexadecimal literals, exactly.
std::string embedded_model_source(const Model& model, const std::string& origin);

// The Model these arrays hold, its trees laid out for scoring.
Model model_from_embedded(const EmbeddedModel& embedded);

}  // namespace winnow
