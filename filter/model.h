// The model: per input kind, two boosted tree ensembles over FeatureVector (the first pass on a
// block's own features, the second also on the first pass's probabilities around it) and the
// decoder's parameters. A model file is text, versioned, and names every split's feature, so a
// model that does not fit the binary is caught by name, not by silent misalignment.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "block_features.h"
#include "winnow/winnow.h"

namespace winnow {

inline constexpr int kModelFormatVersion = 3;

// One node of a regression tree. A split sends a block to `yes` when its feature is below `split`
// (as XGBoost does), else to `no`; a leaf adds `value` to the margin. An inner node's `value` is the
// mean of the leaves under it, weighted by training mass, so the change of value along a block's
// path credits each split's feature with its share of the margin (what `explain` prints).
struct TreeNode {
  static constexpr std::uint16_t kLeaf = 0xFFFF;
  std::uint16_t feature = kLeaf;
  float split = 0;
  std::uint32_t yes = 0;  // node indices into TreeEnsemble::nodes
  std::uint32_t no = 0;
  float value = 0;
};

// The trees of an ensemble laid out for scoring many blocks: each tree padded to a complete binary
// tree of its depth, in heap order (inner node k's children are 2k+1 and 2k+2, leaves follow the
// inner nodes), so a block descends by arithmetic alone, with no branch to mispredict, and several
// blocks descend one tree side by side. A leaf above the full depth is copied to every leaf under
// it, so the padding splits may go either way.
struct CompleteTrees {
  struct Tree {
    std::uint32_t first_inner = 0;  // into feature/split
    std::uint32_t first_leaf = 0;   // into leaf
    std::uint32_t depth = 0;
  };
  std::vector<Tree> trees;
  std::vector<std::uint16_t> feature;
  std::vector<float> split;
  std::vector<float> leaf;
  std::size_t source_nodes = 0;  // TreeEnsemble::nodes.size() when laid out
};

// A sum of regression trees: the margin is base_margin plus one leaf value per tree, the
// probability its logistic. Nodes of all trees sit in one array; children come after parents.
struct TreeEnsemble {
  float base_margin = 0;
  std::vector<TreeNode> nodes;
  std::vector<std::uint32_t> roots;
  // Filled by lay_out_trees once the trees are complete (the model loader and training do it);
  // score_blocks walks `nodes` instead while it is absent or out of date.
  CompleteTrees complete;
};

// Trees deeper than this are not laid out (a complete tree doubles per level); their ensemble is
// scored by walking the nodes.
inline constexpr std::uint32_t kMaxLaidOutDepth = 10;

// Fills ensemble.complete from ensemble.nodes (or leaves it empty when a tree is too deep).
void lay_out_trees(TreeEnsemble& ensemble);

struct SectionModel {
  // First pass: trees over the block's own and neighbourhood features (context features unused).
  TreeEnsemble first_pass;
  // Second pass: trees over all features, the context features (first-pass probabilities around
  // the block) included.
  TreeEnsemble second_pass;
  // Probability above which a block counts as content on its own.
  float threshold = 0.5f;
  // Cost, in log-probability, of switching between content and boilerplate from one block to the
  // next: the decoder keeps a weak block inside a content run and drops a strong one in clutter.
  float switch_cost = 1.0f;
};

class Model {
 public:
  SectionModel text;
  SectionModel html;
  const SectionModel& for_kind(bool is_html) const { return is_html ? html : text; }
};

// An ensemble of no trees whose probability is that of `margin` for every block.
TreeEnsemble constant_ensemble(float margin);

// The ensemble's margin (log-odds of content) and probability for one block.
float ensemble_margin(const TreeEnsemble& ensemble, const FeatureVector& features);
float score_block(const FeatureVector& features, const TreeEnsemble& ensemble);

// Probabilities of many blocks at once, equal to score_block on each. Trees are walked one at a time
// over all blocks, so each tree stays in cache while it is used: several times faster than block
// by block. Blocks whose `skip` entry is true get 0 (empty `skip`: none skipped).
std::vector<float> score_blocks(const std::vector<FeatureVector>& features, const TreeEnsemble& ensemble,
                                const std::vector<bool>& skip = {});

// Per feature, how much it moved this block's margin from the trees' mean (Saabas attribution):
// the features whose splits the block passed, with the sum of their value changes.
std::vector<std::pair<std::size_t, float>> feature_contributions(const TreeEnsemble& ensemble,
                                                                  const FeatureVector& features);

// Parses a model file's contents; `origin` names it in messages.
Status parse_model(std::string_view contents, const std::string& origin, Model* out);

// Writes a model in the format parse_model reads.
std::string serialize_model(const Model& model);

}  // namespace winnow
