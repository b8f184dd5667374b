// The model. Entry points: ensemble_margin, score_block, feature_contributions, parse_model,
// serialize_model, load_model. Tested by tests/model_test.cpp.
//
// File format (text, '#' starts a comment, one record per line):
//   winnow-model 3
//   [text]                                  or [html]; each section once, both required
//   threshold 0.5
//   switch_cost 1.0
//   ensemble first_pass <base_margin>       then second_pass; both required per section
//   tree                                    starts a tree; its nodes follow, numbered from 0
//   split <feature_name> <split> <yes> <no> <value>   yes/no: node numbers within the tree
//   leaf <value>
//   end fnv1a-64 <16 hex digits>          the hash of the records from the version line to here,
//                                         each as its fields joined by one space and a newline
//                                         (so comments, blank lines and spacing are free)
// A child's number must be above its parent's, so every path ends at a leaf. The end line is last:
// a file cut short anywhere (even where what is left would parse) or changed after it was written
// is refused, not read as a smaller model.
#include "model.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <filesystem>
#include <unordered_map>

#include "fnv_hash.h"

namespace winnow {

namespace {

// The end line's hash, as 16 hex digits.
std::string hash_hex(std::uint64_t hash) {
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(hash));
  return buffer;
}

// The leaf a block reaches in the tree rooted at `root`.
std::uint32_t leaf_of(const TreeEnsemble& ensemble, std::uint32_t root, const FeatureVector& features) {
  std::uint32_t n = root;
  while (ensemble.nodes[n].feature != TreeNode::kLeaf) {
    const TreeNode& node = ensemble.nodes[n];
    n = features[node.feature] < node.split ? node.yes : node.no;
  }
  return n;
}

// One past the last node of the tree rooted at `root`: the next tree's root, or the end.
std::uint32_t tree_end(const TreeEnsemble& ensemble, std::uint32_t root) {
  const auto next = std::upper_bound(ensemble.roots.begin(), ensemble.roots.end(), root);
  return next != ensemble.roots.end() ? *next : static_cast<std::uint32_t>(ensemble.nodes.size());
}

// Splits a line into whitespace-separated fields, into `fields` (reused from line to line: a model
// file has some 85,000 lines).
void fields_of(std::string_view line, std::vector<std::string_view>& fields) {
  fields.clear();
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
    const std::size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') ++i;
    if (i > start) fields.push_back(line.substr(start, i - start));
  }
}

bool parse_float(std::string_view text, float* out) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), *out);
  return error == std::errc{} && end == text.data() + text.size() && std::isfinite(*out);
}

bool parse_index(std::string_view text, std::uint32_t* out) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), *out);
  return error == std::errc{} && end == text.data() + text.size();
}

// The shortest text that parses back to the same float.
std::string format_float(float value) {
  char buffer[32];
  const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return error == std::errc{} ? std::string(buffer, end) : "0";
}

// One group of `lanes` blocks (rows[0..lanes), at most kMaxLanes) down all the trees.
template <std::size_t kMaxLanes>
void add_group_leaves(const CompleteTrees& complete, const std::vector<FeatureVector>& features,
                      const std::uint32_t* rows, std::size_t lanes, std::vector<float>& margins) {
  const FeatureVector* block[kMaxLanes];
  float sum[kMaxLanes];
  for (std::size_t k = 0; k < lanes; ++k) {
    block[k] = &features[rows[k]];
    sum[k] = margins[rows[k]];
  }
  for (const CompleteTrees::Tree& tree : complete.trees) {
    const std::uint16_t* feature = complete.feature.data() + tree.first_inner;
    const float* split = complete.split.data() + tree.first_inner;
    const float* leaf = complete.leaf.data() + tree.first_leaf;
    const std::uint32_t first_leaf = (1u << tree.depth) - 1;  // the leftmost leaf's heap index
    std::uint32_t at[kMaxLanes] = {};
    for (std::uint32_t level = 0; level < tree.depth; ++level) {
      for (std::size_t k = 0; k < lanes; ++k) {
        const std::uint32_t n = at[k];
        at[k] = 2 * n + 1 + static_cast<std::uint32_t>(!((*block[k])[feature[n]] < split[n]));
      }
    }
    for (std::size_t k = 0; k < lanes; ++k) sum[k] += leaf[at[k] - first_leaf];
  }
  for (std::size_t k = 0; k < lanes; ++k) margins[rows[k]] = sum[k];
}

// Adds every laid-out tree's leaf to the margins of the blocks `rows` names, sixteen blocks at a
// time: a group goes down all the trees before the next group starts, so its feature rows stay in
// the first-level cache (a window of a text stream holds megabytes of them), and its blocks
// descend each tree side by side: their paths are independent, so the processor overlaps them
// instead of waiting on one load after another. Full groups take the loop with sixteen lanes fixed
// (unrolled, 16% faster than with the count in a variable: BM_ScoreText, BM_ScoreHtml). Each block
// adds its leaves in tree order, as the node walk does.
void add_leaves(const CompleteTrees& complete, const std::vector<FeatureVector>& features,
                const std::vector<std::uint32_t>& rows, std::vector<float>& margins) {
  constexpr std::size_t kLanes = 16;
  std::size_t start = 0;
  for (; start + kLanes <= rows.size(); start += kLanes) {
    add_group_leaves<kLanes>(complete, features, rows.data() + start, kLanes, margins);
  }
  if (start < rows.size()) add_group_leaves<kLanes>(complete, features, rows.data() + start, rows.size() - start, margins);
}

}  // namespace

TreeEnsemble constant_ensemble(float margin) {
  TreeEnsemble ensemble;
  ensemble.base_margin = margin;
  return ensemble;
}

float ensemble_margin(const TreeEnsemble& ensemble, const FeatureVector& features) {
  float margin = ensemble.base_margin;
  for (std::uint32_t root : ensemble.roots) margin += ensemble.nodes[leaf_of(ensemble, root, features)].value;
  return margin;
}

float score_block(const FeatureVector& features, const TreeEnsemble& ensemble) {
  return 1.0f / (1.0f + std::exp(-ensemble_margin(ensemble, features)));
}

void lay_out_trees(TreeEnsemble& ensemble) {
  CompleteTrees out;
  out.source_nodes = ensemble.nodes.size();
  struct Visit {
    std::uint32_t node;  // into ensemble.nodes
    std::uint32_t heap;  // heap index in the complete tree
    std::uint32_t level;
  };
  std::vector<Visit> stack;
  for (std::uint32_t root : ensemble.roots) {
    // Children follow their parent, so one pass down the tree's nodes gives every node's level.
    const std::uint32_t end = tree_end(ensemble, root);
    std::vector<std::uint32_t> level(end - root, 0);
    std::uint32_t depth = 0;
    for (std::uint32_t n = root; n < end; ++n) {
      const TreeNode& node = ensemble.nodes[n];
      if (node.feature == TreeNode::kLeaf) {
        depth = std::max(depth, level[n - root]);
      } else {
        level[node.yes - root] = level[node.no - root] = level[n - root] + 1;
      }
    }
    if (depth > kMaxLaidOutDepth) {
      ensemble.complete = CompleteTrees{};
      return;
    }
    const CompleteTrees::Tree tree{static_cast<std::uint32_t>(out.feature.size()),
                                   static_cast<std::uint32_t>(out.leaf.size()), depth};
    const std::uint32_t inner = (1u << depth) - 1;
    out.feature.resize(out.feature.size() + inner, 0);
    out.split.resize(out.split.size() + inner, 0.0f);
    out.leaf.resize(out.leaf.size() + (1u << depth), 0.0f);
    stack.assign(1, Visit{root, 0, 0});
    while (!stack.empty()) {
      const Visit v = stack.back();
      stack.pop_back();
      const TreeNode& node = ensemble.nodes[v.node];
      if (node.feature == TreeNode::kLeaf) {
        // Every complete-tree leaf under heap node v.heap gets this leaf's value.
        const std::uint32_t below = depth - v.level;
        const std::uint32_t first = ((v.heap - ((1u << v.level) - 1)) << below);
        std::fill_n(out.leaf.begin() + tree.first_leaf + first, 1u << below, node.value);
      } else {
        out.feature[tree.first_inner + v.heap] = node.feature;
        out.split[tree.first_inner + v.heap] = node.split;
        stack.push_back({node.yes, 2 * v.heap + 1, v.level + 1});
        stack.push_back({node.no, 2 * v.heap + 2, v.level + 1});
      }
    }
    out.trees.push_back(tree);
  }
  ensemble.complete = std::move(out);
}

std::vector<float> score_blocks(const std::vector<FeatureVector>& features, const TreeEnsemble& ensemble,
                                const std::vector<bool>& skip) {
  std::vector<float> margins(features.size(), ensemble.base_margin);
  std::vector<std::uint32_t> open;  // the blocks to score
  open.reserve(features.size());
  for (std::size_t b = 0; b < features.size(); ++b) {
    if (skip.empty() || !skip[b]) open.push_back(static_cast<std::uint32_t>(b));
  }
  const CompleteTrees& complete = ensemble.complete;
  if (complete.source_nodes == ensemble.nodes.size() && complete.trees.size() == ensemble.roots.size()) {
    add_leaves(complete, features, open, margins);
  } else {
    for (std::uint32_t root : ensemble.roots) {
      for (std::uint32_t b : open) margins[b] += ensemble.nodes[leaf_of(ensemble, root, features[b])].value;
    }
  }
  for (std::size_t b = 0; b < features.size(); ++b) {
    margins[b] = !skip.empty() && skip[b] ? 0.0f : 1.0f / (1.0f + std::exp(-margins[b]));
  }
  return margins;
}

std::vector<std::pair<std::size_t, float>> feature_contributions(const TreeEnsemble& ensemble,
                                                                  const FeatureVector& features) {
  std::vector<float> sums(kFeatureCount, 0.0f);
  for (std::uint32_t root : ensemble.roots) {
    std::uint32_t n = root;
    while (ensemble.nodes[n].feature != TreeNode::kLeaf) {
      const TreeNode& node = ensemble.nodes[n];
      const std::uint32_t next = features[node.feature] < node.split ? node.yes : node.no;
      sums[node.feature] += ensemble.nodes[next].value - node.value;
      n = next;
    }
  }
  std::vector<std::pair<std::size_t, float>> out;
  for (std::size_t f = 0; f < kFeatureCount; ++f) {
    if (sums[f] != 0.0f) out.emplace_back(f, sums[f]);
  }
  return out;
}

Status parse_model(std::string_view contents, const std::string& origin, Model* out) {
  std::unordered_map<std::string_view, std::uint16_t> index;
  for (std::size_t i = 0; i < kFeatureCount; ++i) {
    index.emplace(feature_name(static_cast<Feature>(i)), static_cast<std::uint16_t>(i));
  }
  int number = 0;
  auto fail = [&](const std::string& what) {
    return Status{ErrorCode::kBadModel, origin + ":" + std::to_string(number) + ": " + what};
  };

  Model model;
  SectionModel* section = nullptr;
  TreeEnsemble* ensemble = nullptr;
  std::size_t tree_start = 0;  // index of the current tree's first node
  bool in_tree = false;
  bool header = false;
  bool seen_sections[2] = {false, false};
  bool seen_passes[2][2] = {{false, false}, {false, false}};
  int section_index = 0;
  // A tree is whole when every child number points to a later node of the same tree and every
  // node but the root is the child of exactly one node (two parents of one node would put it at
  // two depths: found by tests/fuzz/model_fuzz.cpp, an index past the laid-out tree).
  std::vector<std::uint8_t> parents;
  auto close_tree = [&]() -> bool {
    if (!in_tree) return true;
    in_tree = false;
    const std::size_t end = ensemble->nodes.size();
    if (end == tree_start) return false;
    parents.assign(end - tree_start, 0);
    for (std::size_t n = tree_start; n < end; ++n) {
      TreeNode& node = ensemble->nodes[n];
      if (node.feature == TreeNode::kLeaf) continue;
      const std::size_t own = n - tree_start;
      if (node.yes <= own || node.no <= own || tree_start + node.yes >= end || tree_start + node.no >= end) return false;
      if (node.yes == node.no || ++parents[node.yes] > 1 || ++parents[node.no] > 1) return false;
      node.yes += static_cast<std::uint32_t>(tree_start);
      node.no += static_cast<std::uint32_t>(tree_start);
    }
    for (std::size_t k = 1; k < parents.size(); ++k) {
      if (parents[k] != 1) return false;  // a node no path reaches
    }
    return true;
  };
  const char kBadTree[] =
      "a tree whose nodes point outside it or back to an earlier node, or to a node another points to, or to none";
  std::uint64_t records_hash = kFnvOffset;  // of the records so far, as the end line hashes them
  bool ended = false;
  bool hash_matches = false;  // reported after the structural checks, whose messages say more

  std::vector<std::string_view> f;  // the fields of the current line
  std::size_t position = 0;
  while (position < contents.size()) {
    std::size_t end = contents.find('\n', position);
    if (end == std::string_view::npos) end = contents.size();
    std::string_view line = contents.substr(position, end - position);
    position = end + 1;
    ++number;
    if (const auto hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    fields_of(line, f);
    if (f.empty()) continue;
    const std::string_view key = f[0];
    if (ended) return fail("more after the end line");
    if (key == "end") {
      if (f.size() != 3 || f[1] != "fnv1a-64") return fail("expected 'end fnv1a-64 HASH'");
      hash_matches = f[2] == hash_hex(records_hash);
      ended = true;
      continue;
    }
    for (std::size_t k = 0; k < f.size(); ++k) {
      records_hash = fnv_bytes(f[k], records_hash);
      records_hash = fnv_mix(records_hash, k + 1 < f.size() ? ' ' : '\n');
    }
    if (!header) {
      std::uint32_t version = 0;
      if (key != "winnow-model" || f.size() != 2 || !parse_index(f[1], &version)) return fail("not a winnow model file");
      if (version != kModelFormatVersion) {
        return fail("model format version " + std::string(f[1]) + ", this binary reads version " +
                    std::to_string(kModelFormatVersion));
      }
      header = true;
      continue;
    }
    if (key == "split" || key == "leaf") {
      if (!in_tree) return fail("'" + std::string(key) + "' outside a tree");
      TreeNode node;
      if (key == "leaf") {
        if (f.size() != 2 || !parse_float(f[1], &node.value)) return fail("expected 'leaf VALUE'");
      } else {
        if (f.size() != 6) return fail("expected 'split FEATURE SPLIT YES NO VALUE'");
        const auto found = index.find(f[1]);
        if (found == index.end()) {
          return fail("feature '" + std::string(f[1]) + "' is unknown to this binary; the model does not fit it");
        }
        node.feature = found->second;
        if (!parse_float(f[2], &node.split) || !parse_index(f[3], &node.yes) || !parse_index(f[4], &node.no) ||
            !parse_float(f[5], &node.value)) {
          return fail("bad number in a split");
        }
      }
      ensemble->nodes.push_back(node);
      continue;
    }
    if (!close_tree()) return fail(kBadTree);
    if (key == "[text]" || key == "[html]") {
      section_index = key == "[html]" ? 1 : 0;
      if (seen_sections[section_index]) return fail("second " + std::string(key) + " section");
      seen_sections[section_index] = true;
      section = section_index == 1 ? &model.html : &model.text;
      ensemble = nullptr;
    } else if (section == nullptr) {
      return fail("'" + std::string(key) + "' before a [text] or [html] section");
    } else if (key == "threshold" || key == "switch_cost") {
      float value = 0;
      if (f.size() != 2 || !parse_float(f[1], &value)) return fail("bad value for " + std::string(key));
      (key == "threshold" ? section->threshold : section->switch_cost) = value;
    } else if (key == "ensemble") {
      if (f.size() != 3 || (f[1] != "first_pass" && f[1] != "second_pass")) {
        return fail("expected 'ensemble first_pass|second_pass BASE_MARGIN'");
      }
      const int pass = f[1] == "second_pass" ? 1 : 0;
      if (seen_passes[section_index][pass]) return fail("second ensemble " + std::string(f[1]) + " in a section");
      seen_passes[section_index][pass] = true;
      ensemble = pass == 1 ? &section->second_pass : &section->first_pass;
      if (!parse_float(f[2], &ensemble->base_margin)) return fail("bad base margin");
    } else if (key == "tree") {
      if (ensemble == nullptr || f.size() != 1) return fail("'tree' outside an ensemble");
      in_tree = true;
      tree_start = ensemble->nodes.size();
      ensemble->roots.push_back(static_cast<std::uint32_t>(tree_start));
    } else {
      return fail("unknown key '" + std::string(key) + "'");
    }
  }
  if (!header) return Status{ErrorCode::kBadModel, origin + ": empty model file"};
  if (!close_tree()) return fail(kBadTree);
  constexpr const char* kSections[] = {"[text]", "[html]"};
  constexpr const char* kPasses[] = {"first_pass", "second_pass"};
  for (int s = 0; s < 2; ++s) {
    if (!seen_sections[s]) return Status{ErrorCode::kBadModel, origin + ": no " + kSections[s] + " section"};
    for (int p = 0; p < 2; ++p) {
      if (!seen_passes[s][p]) {
        return Status{ErrorCode::kBadModel, origin + ": no ensemble " + kPasses[p] + " in " + kSections[s]};
      }
    }
  }
  if (!ended) {
    return Status{ErrorCode::kBadModel, origin + ": cut short: no end line after line " + std::to_string(number)};
  }
  if (!hash_matches) {
    return Status{ErrorCode::kBadModel,
                  origin + ": changed since it was written: its end line's hash does not match its contents"};
  }
  for (SectionModel* section : {&model.text, &model.html}) {
    lay_out_trees(section->first_pass);
    lay_out_trees(section->second_pass);
  }
  *out = std::move(model);
  return {};
}

std::string serialize_model(const Model& model) {
  std::string out = "winnow-model " + std::to_string(kModelFormatVersion) + "\n";
  auto ensemble = [&](const char* name, const TreeEnsemble& e) {
    out += std::string("ensemble ") + name + " " + format_float(e.base_margin) + "\n";
    for (std::size_t t = 0; t < e.roots.size(); ++t) {
      const std::size_t begin = e.roots[t];
      const std::size_t end = t + 1 < e.roots.size() ? e.roots[t + 1] : e.nodes.size();
      out += "tree\n";
      for (std::size_t n = begin; n < end; ++n) {
        const TreeNode& node = e.nodes[n];
        if (node.feature == TreeNode::kLeaf) {
          out += "leaf " + format_float(node.value) + "\n";
        } else {
          out += "split " + std::string(feature_name(static_cast<Feature>(node.feature))) + " " +
                 format_float(node.split) + " " + std::to_string(node.yes - begin) + " " +
                 std::to_string(node.no - begin) + " " + format_float(node.value) + "\n";
        }
      }
    }
  };
  auto section = [&](const char* name, const SectionModel& m) {
    out += std::string("[") + name + "]\n";
    out += "threshold " + format_float(m.threshold) + "\n";
    out += "switch_cost " + format_float(m.switch_cost) + "\n";
    ensemble("first_pass", m.first_pass);
    ensemble("second_pass", m.second_pass);
  };
  section("text", model.text);
  section("html", model.html);
  out += "end fnv1a-64 " + hash_hex(fnv_bytes(out)) + "\n";  // canonical: one space, no comments
  return out;
}

Status load_model(const std::string& path, std::shared_ptr<const Model>* out) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) return Status{ErrorCode::kBadModel, path + ": is a directory, not a model file"};
  std::ifstream file(path, std::ios::binary);
  if (!file) return Status{ErrorCode::kBadModel, path + ": cannot open model file"};
  std::ostringstream contents;
  contents << file.rdbuf();
  auto model = std::make_shared<Model>();
  Status status = parse_model(contents.str(), path, model.get());
  if (!status.ok()) return status;
  *out = std::move(model);
  return {};
}

}  // namespace winnow
