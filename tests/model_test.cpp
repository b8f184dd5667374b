// Tests of the model (model.h): the tree ensembles' margins, probabilities and per-feature
// contributions on hand-built trees; the model file's serialize -> parse round trip (exact, node by
// node) and its canonical text; bad files rejected with a message naming the file (and the line,
// where there is one); the built-in model and model/default.model parse and have trees in both
// passes of both sections. No value of the built-in model is asserted: it is retrained often.
#include "model.h"

#include <gtest/gtest.h>

#include <limits>

#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace winnow {
namespace {

constexpr std::size_t index_of(Feature f) { return static_cast<std::size_t>(f); }

// Tree nodes as they are written in a model file: children numbered within their tree.
TreeNode split(Feature feature, float at, std::uint32_t yes, std::uint32_t no, float value) {
  TreeNode node;
  node.feature = static_cast<std::uint16_t>(feature);
  node.split = at;
  node.yes = yes;
  node.no = no;
  node.value = value;
  return node;
}

TreeNode leaf(float value) {
  TreeNode node;
  node.value = value;
  return node;
}

// Appends a tree whose children are numbered from its own first node, as in the file.
void add_tree(TreeEnsemble& ensemble, std::vector<TreeNode> nodes) {
  const auto start = static_cast<std::uint32_t>(ensemble.nodes.size());
  ensemble.roots.push_back(start);
  for (TreeNode node : nodes) {
    if (node.feature != TreeNode::kLeaf) {
      node.yes += start;
      node.no += start;
    }
    ensemble.nodes.push_back(node);
  }
}

// Blocks below 0.5 log_words go to -0.5, the rest to +0.75; the root's value is their mean by mass.
TreeEnsemble one_split_ensemble() {
  TreeEnsemble e;
  e.base_margin = -0.25f;
  add_tree(e, {split(Feature::log_words, 0.5f, 1, 2, 0.125f), leaf(-0.5f), leaf(0.75f)});
  return e;
}

// Three trees: one split, two levels, and a lone leaf.
TreeEnsemble three_tree_ensemble() {
  TreeEnsemble e = one_split_ensemble();
  add_tree(e, {split(Feature::link_density, 0.5f, 1, 2, -0.125f),
               split(Feature::ends_sentence, 0.5f, 3, 4, 0.0625f), leaf(-1.0f), leaf(-0.25f), leaf(0.375f)});
  add_tree(e, {leaf(0.0625f)});
  return e;
}

// A model whose every number is exactly representable, so the file gives it back bit for bit.
Model sample_model() {
  Model m;
  m.text.first_pass = three_tree_ensemble();
  m.text.second_pass.base_margin = 0.5f;
  add_tree(m.text.second_pass, {split(Feature::ctx_self, 0.25f, 1, 2, 0.0f), leaf(-2.0f),
                                split(Feature::ctx_prev1, 0.75f, 3, 4, 1.0f), leaf(0.5f), leaf(1.5f)});
  m.html.first_pass = one_split_ensemble();
  m.html.second_pass = constant_ensemble(1.5f);
  m.text.threshold = 0.375f;
  m.text.switch_cost = 1.5f;
  m.html.threshold = 0.625f;
  m.html.switch_cost = 0.0f;
  return m;
}

// sample_model() as a file, but for its end line: the canonical dump the round trip must give back.
constexpr const char kSampleModelBody[] =
    "winnow-model 3\n"
    "[text]\n"
    "threshold 0.375\n"
    "switch_cost 1.5\n"
    "ensemble first_pass -0.25\n"
    "tree\n"
    "split log_words 0.5 1 2 0.125\n"
    "leaf -0.5\n"
    "leaf 0.75\n"
    "tree\n"
    "split link_density 0.5 1 2 -0.125\n"
    "split ends_sentence 0.5 3 4 0.0625\n"
    "leaf -1\n"
    "leaf -0.25\n"
    "leaf 0.375\n"
    "tree\n"
    "leaf 0.0625\n"
    "ensemble second_pass 0.5\n"
    "tree\n"
    "split ctx_self 0.25 1 2 0\n"
    "leaf -2\n"
    "split ctx_prev1 0.75 3 4 1\n"
    "leaf 0.5\n"
    "leaf 1.5\n"
    "[html]\n"
    "threshold 0.625\n"
    "switch_cost 0\n"
    "ensemble first_pass -0.25\n"
    "tree\n"
    "split log_words 0.5 1 2 0.125\n"
    "leaf -0.5\n"
    "leaf 0.75\n"
    "ensemble second_pass 1.5\n";

// The end line: the FNV-1a hash of everything from the version line, as 16 hex digits.
std::string with_end_line(const std::string& body) {
  std::uint64_t hash = 1469598103934665603ull;
  for (unsigned char c : body) hash = (hash ^ c) * 1099511628211ull;
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return body + "end fnv1a-64 " + hex + "\n";
}
const std::string kSampleModelText = with_end_line(kSampleModelBody);

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += line + "\n";
  return out;
}

// 1-based number of the first line at or after line `from` that starts with `prefix`.
int line_number(const std::vector<std::string>& lines, std::string_view prefix, int from = 1) {
  for (std::size_t i = static_cast<std::size_t>(from - 1); i < lines.size(); ++i) {
    if (lines[i].starts_with(prefix)) return static_cast<int>(i) + 1;
  }
  return -1;
}

void expect_equal(const TreeEnsemble& a, const TreeEnsemble& b, const std::string& what) {
  EXPECT_EQ(a.base_margin, b.base_margin) << what;
  EXPECT_EQ(a.roots, b.roots) << what;
  ASSERT_EQ(a.nodes.size(), b.nodes.size()) << what;
  for (std::size_t n = 0; n < a.nodes.size(); ++n) {
    EXPECT_EQ(a.nodes[n].feature, b.nodes[n].feature) << what << " node " << n;
    EXPECT_EQ(a.nodes[n].split, b.nodes[n].split) << what << " node " << n;
    EXPECT_EQ(a.nodes[n].yes, b.nodes[n].yes) << what << " node " << n;
    EXPECT_EQ(a.nodes[n].no, b.nodes[n].no) << what << " node " << n;
    EXPECT_EQ(a.nodes[n].value, b.nodes[n].value) << what << " node " << n;
  }
}

// The trees laid out for scoring (the built-in model carries them as arrays).
void expect_same_layout(const TreeEnsemble& a, const TreeEnsemble& b, const std::string& what) {
  const CompleteTrees& ca = a.complete;
  const CompleteTrees& cb = b.complete;
  EXPECT_EQ(ca.source_nodes, cb.source_nodes) << what;
  ASSERT_EQ(ca.trees.size(), cb.trees.size()) << what;
  for (std::size_t t = 0; t < ca.trees.size(); ++t) {
    EXPECT_EQ(ca.trees[t].first_inner, cb.trees[t].first_inner) << what << " tree " << t;
    EXPECT_EQ(ca.trees[t].first_leaf, cb.trees[t].first_leaf) << what << " tree " << t;
    EXPECT_EQ(ca.trees[t].depth, cb.trees[t].depth) << what << " tree " << t;
  }
  EXPECT_EQ(ca.feature, cb.feature) << what;
  EXPECT_EQ(ca.split, cb.split) << what;
  EXPECT_EQ(ca.leaf, cb.leaf) << what;
}

void expect_equal(const SectionModel& a, const SectionModel& b, const std::string& what) {
  EXPECT_EQ(a.threshold, b.threshold) << what;
  EXPECT_EQ(a.switch_cost, b.switch_cost) << what;
  expect_equal(a.first_pass, b.first_pass, what + " first_pass");
  expect_equal(a.second_pass, b.second_pass, what + " second_pass");
}

void expect_equal(const Model& a, const Model& b) {
  expect_equal(a.text, b.text, "[text]");
  expect_equal(a.html, b.html, "[html]");
}

void expect_same_layout(const Model& a, const Model& b) {
  expect_same_layout(a.text.first_pass, b.text.first_pass, "[text] first_pass");
  expect_same_layout(a.text.second_pass, b.text.second_pass, "[text] second_pass");
  expect_same_layout(a.html.first_pass, b.html.first_pass, "[html] first_pass");
  expect_same_layout(a.html.second_pass, b.html.second_pass, "[html] second_pass");
}

FeatureVector features_with(std::initializer_list<std::pair<Feature, float>> values) {
  FeatureVector f{};
  for (const auto& [feature, value] : values) f[index_of(feature)] = value;
  return f;
}

float logistic(float margin) { return 1.0f / (1.0f + std::exp(-margin)); }

// --- Scoring -------------------------------------------------------------------------------------

TEST(EnsembleMargin, ConstantEnsembleIsItsBaseMargin) {
  const FeatureVector f = features_with({{Feature::log_words, 3.0f}});
  for (float margin : {-20.0f, -1.0f, 0.0f, 2.5f, 20.0f}) {
    const TreeEnsemble e = constant_ensemble(margin);
    EXPECT_TRUE(e.nodes.empty());
    EXPECT_TRUE(e.roots.empty());
    EXPECT_EQ(ensemble_margin(e, f), margin);
    EXPECT_FLOAT_EQ(score_block(f, e), logistic(margin));
  }
  EXPECT_EQ(score_block(f, constant_ensemble(0.0f)), 0.5f);
  EXPECT_LT(score_block(f, constant_ensemble(-20.0f)), 1e-6f);
  EXPECT_GT(score_block(f, constant_ensemble(20.0f)), 1.0f - 1e-6f);
}

TEST(EnsembleMargin, BelowTheSplitGoesToYesAtOrAboveToNo) {
  const TreeEnsemble e = one_split_ensemble();  // base -0.25; yes -0.5, no +0.75
  const struct {
    float log_words;
    float margin;
  } cases[] = {
      {-1.0f, -0.75f}, {0.0f, -0.75f}, {0.4999f, -0.75f},  // below: yes
      {0.5f, 0.5f},                                        // at the split: no
      {0.5001f, 0.5f}, {7.0f, 0.5f},                       // above: no
  };
  for (const auto& c : cases) {
    const FeatureVector f = features_with({{Feature::log_words, c.log_words}});
    EXPECT_EQ(ensemble_margin(e, f), c.margin) << "log_words " << c.log_words;
    EXPECT_FLOAT_EQ(score_block(f, e), logistic(c.margin)) << "log_words " << c.log_words;
  }
  // Other features do not matter to a tree that does not split on them.
  const FeatureVector busy = features_with({{Feature::log_words, 0.25f}, {Feature::link_density, 1.0f},
                                            {Feature::ends_sentence, 1.0f}, {Feature::ctx_self, 1.0f}});
  EXPECT_EQ(ensemble_margin(e, busy), -0.75f);
}

TEST(EnsembleMargin, TreesAddToTheBaseMargin) {
  const TreeEnsemble e = three_tree_ensemble();  // base -0.25; the third tree always adds 0.0625
  const struct {
    float log_words, link_density, ends_sentence;
    float tree1, tree2;
  } cases[] = {
      {0.0f, 0.0f, 0.0f, -0.5f, -0.25f}, {0.0f, 0.0f, 1.0f, -0.5f, 0.375f}, {0.0f, 0.5f, 1.0f, -0.5f, -1.0f},
      {1.0f, 0.0f, 0.0f, 0.75f, -0.25f}, {1.0f, 0.2f, 1.0f, 0.75f, 0.375f}, {1.0f, 0.9f, 0.0f, 0.75f, -1.0f},
  };
  for (const auto& c : cases) {
    const FeatureVector f = features_with({{Feature::log_words, c.log_words},
                                           {Feature::link_density, c.link_density},
                                           {Feature::ends_sentence, c.ends_sentence}});
    const float expected = -0.25f + c.tree1 + c.tree2 + 0.0625f;
    EXPECT_FLOAT_EQ(ensemble_margin(e, f), expected)
        << c.log_words << " " << c.link_density << " " << c.ends_sentence;
    EXPECT_FLOAT_EQ(score_block(f, e), logistic(expected));
  }
}

// --- Contributions -------------------------------------------------------------------------------

// The margin a block gets, rebuilt from explain's parts: the base, the trees' root values (what the
// trees give a block on average) and the features' contributions.
float rebuilt_margin(const TreeEnsemble& e, const FeatureVector& f) {
  float margin = e.base_margin;
  for (std::uint32_t root : e.roots) margin += e.nodes[root].value;
  for (const auto& [feature, contribution] : feature_contributions(e, f)) margin += contribution;
  return margin;
}

// score_blocks walks the trees over all blocks at once; it must give score_block's numbers bit for
// bit (the leaves are added in the same order), and 0 for skipped blocks. The
// built-in model's trees on varied feature vectors make a real check; 37 blocks leave a short last
// lane group, and a NaN feature must go the way the walk sends it.
TEST(ScoreBlocks, EqualsScoreBlockOnEachAndZeroWhereSkipped) {
  const TreeEnsemble& trees = default_model().html.second_pass;
  std::vector<FeatureVector> blocks(37);
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    for (std::size_t f = 0; f < kFeatureCount; ++f) {
      blocks[b][f] = static_cast<float>((b * 31 + f * 17) % 23) / 11.0f - 0.5f;
      if ((b + f) % 29 == 0) blocks[b][f] = std::numeric_limits<float>::quiet_NaN();
    }
  }
  std::vector<bool> skip(blocks.size());
  for (std::size_t b = 0; b < blocks.size(); b += 5) skip[b] = true;
  {
    const std::vector<float> all = score_blocks(blocks, trees);
    const std::vector<float> some = score_blocks(blocks, trees, skip);
    ASSERT_EQ(all.size(), blocks.size());
    ASSERT_EQ(some.size(), blocks.size());
    for (std::size_t b = 0; b < blocks.size(); ++b) {
      EXPECT_EQ(all[b], score_block(blocks[b], trees)) << b;
      EXPECT_EQ(some[b], skip[b] ? 0.0f : all[b]) << b;
    }
    EXPECT_TRUE(score_blocks({}, trees).empty());
  }
}

// The complete layout pads shallow leaves down to the tree's depth: trees of depth 1, 2 and 0 side
// by side must score every path as the walk does, for more blocks than one lane group holds.
TEST(LayOutTrees, PaddedTreesScoreEveryPathAsTheWalkDoes) {
  TreeEnsemble e = three_tree_ensemble();
  lay_out_trees(e);
  ASSERT_EQ(e.complete.trees.size(), 3u);
  EXPECT_EQ(e.complete.trees[0].depth, 1u);
  EXPECT_EQ(e.complete.trees[1].depth, 2u);
  EXPECT_EQ(e.complete.trees[2].depth, 0u);
  EXPECT_EQ(e.complete.leaf.size(), 2u + 4u + 1u);
  std::vector<FeatureVector> blocks;
  for (int i = 0; i < 19; ++i) {  // every combination of the three split features, and more
    blocks.push_back(features_with({{Feature::log_words, (i & 1) ? 1.0f : 0.0f},
                                    {Feature::link_density, (i & 2) ? 1.0f : 0.0f},
                                    {Feature::ends_sentence, (i & 4) ? 1.0f : 0.0f}}));
  }
  {
    const std::vector<float> scores = score_blocks(blocks, e);
    for (std::size_t b = 0; b < blocks.size(); ++b) EXPECT_EQ(scores[b], score_block(blocks[b], e)) << b;
  }
}

// An ensemble changed after it was laid out, or never laid out, is scored by walking its nodes.
TEST(LayOutTrees, StaleOrMissingLayoutFallsBackToTheWalk) {
  TreeEnsemble e = one_split_ensemble();
  lay_out_trees(e);
  add_tree(e, {leaf(1.0f)});  // layout now out of date
  const FeatureVector block = features_with({{Feature::log_words, 1.0f}});
  EXPECT_FLOAT_EQ(score_blocks({block}, e)[0], logistic(-0.25f + 0.75f + 1.0f));
  // A tree deeper than kMaxLaidOutDepth is not laid out at all.
  TreeEnsemble deep;
  std::vector<TreeNode> chain;
  for (std::uint32_t level = 0; level <= kMaxLaidOutDepth; ++level) {  // split 2k: yes goes on down, no stops
    chain.push_back(split(Feature::log_words, 100.0f, 2 * level + 2, 2 * level + 1, 0.0f));
    chain.push_back(leaf(0.0f));
  }
  chain.push_back(leaf(2.0f));
  add_tree(deep, chain);
  lay_out_trees(deep);
  EXPECT_TRUE(deep.complete.trees.empty());
  EXPECT_FLOAT_EQ(score_blocks({block}, deep)[0], logistic(2.0f));
}

TEST(FeatureContributions, CreditTheSplitFeaturesOnThePath) {
  const TreeEnsemble e = three_tree_ensemble();
  using Contributions = std::vector<std::pair<std::size_t, float>>;
  // Long block, no links, ends a sentence: log_words moves 0.125 -> 0.75, link_density -0.125 ->
  // 0.0625, ends_sentence 0.0625 -> 0.375. The lone leaf credits nothing. Listed by feature.
  EXPECT_EQ(feature_contributions(e, features_with({{Feature::log_words, 1.0f}, {Feature::ends_sentence, 1.0f}})),
            (Contributions{{index_of(Feature::log_words), 0.625f},
                           {index_of(Feature::ends_sentence), 0.3125f},
                           {index_of(Feature::link_density), 0.1875f}}));
  // Short, all links: ends_sentence is not on the path, so it gets no credit whatever its value.
  EXPECT_EQ(feature_contributions(e, features_with({{Feature::link_density, 1.0f}, {Feature::ends_sentence, 1.0f}})),
            (Contributions{{index_of(Feature::log_words), -0.625f}, {index_of(Feature::link_density), -0.875f}}));
  // A model of no trees (or lone leaves) credits no feature.
  EXPECT_TRUE(feature_contributions(constant_ensemble(3.0f), features_with({{Feature::log_words, 1.0f}})).empty());
}

TEST(FeatureContributions, AFeatureSplitInSeveralTreesSumsItsShares) {
  TreeEnsemble e;
  add_tree(e, {split(Feature::log_words, 0.5f, 1, 2, 0.0f), leaf(-1.0f), leaf(1.0f)});
  add_tree(e, {split(Feature::log_words, 0.25f, 1, 2, 0.5f), leaf(0.0f), leaf(0.75f)});
  const auto contributions = feature_contributions(e, features_with({{Feature::log_words, 1.0f}}));
  ASSERT_EQ(contributions.size(), 1u);
  EXPECT_EQ(contributions[0].first, index_of(Feature::log_words));
  EXPECT_FLOAT_EQ(contributions[0].second, 1.0f + 0.25f);
}

TEST(FeatureContributions, AddUpToTheMargin) {
  const Model m = sample_model();
  const TreeEnsemble* ensembles[] = {&m.text.first_pass, &m.text.second_pass, &m.html.first_pass,
                                     &m.html.second_pass};
  for (const TreeEnsemble* e : ensembles) {
    for (float log_words : {0.0f, 0.5f, 1.0f}) {
      for (float link_density : {0.0f, 0.7f}) {
        for (float ctx : {0.0f, 0.5f, 1.0f}) {
          const FeatureVector f = features_with({{Feature::log_words, log_words},
                                                 {Feature::link_density, link_density},
                                                 {Feature::ends_sentence, ctx},
                                                 {Feature::ctx_self, ctx},
                                                 {Feature::ctx_prev1, 1.0f - ctx}});
          EXPECT_NEAR(rebuilt_margin(*e, f), ensemble_margin(*e, f), 1e-6f);
          for (const auto& [feature, contribution] : feature_contributions(*e, f)) {
            EXPECT_LT(feature, kFeatureCount);
            EXPECT_NE(contribution, 0.0f) << "only features that moved the margin are listed";
          }
        }
      }
    }
  }
}

// --- The model file ------------------------------------------------------------------------------

TEST(ModelFile, SerializeParseRoundTrip) {
  const Model original = sample_model();
  const std::string text = serialize_model(original);
  Model parsed;
  const Status status = parse_model(text, "sample.model", &parsed);
  ASSERT_TRUE(status.ok()) << status.message;
  expect_equal(parsed, original);
  EXPECT_EQ(serialize_model(parsed), text);
}

TEST(ModelFile, RoundTripKeepsEveryFloatBit) {
  // Values with no short decimal form must come back exactly too.
  Model m = sample_model();
  TreeEnsemble& e = m.html.second_pass;
  e.base_margin = 0.1f;
  add_tree(e, {split(Feature::log_words, 1.0f / 3.0f, 1, 2, -2.0f / 7.0f), leaf(1e-7f), leaf(-123456.789f)});
  add_tree(e, {split(Feature::link_density, std::nextafter(0.5f, 1.0f), 2, 1, 0.3f), leaf(0.7f), leaf(-0.2f)});
  m.text.threshold = 0.1f;
  m.html.switch_cost = 2.0f / 3.0f;
  Model parsed;
  const Status status = parse_model(serialize_model(m), "floats.model", &parsed);
  ASSERT_TRUE(status.ok()) << status.message;
  expect_equal(parsed, m);
}

TEST(ModelFile, CanonicalTextNamesFeaturesAndNumbersNodesWithinTheirTree) {
  EXPECT_EQ(serialize_model(sample_model()), kSampleModelText);
  Model parsed;
  const Status status = parse_model(kSampleModelText, "sample.model", &parsed);
  ASSERT_TRUE(status.ok()) << status.message;
  expect_equal(parsed, sample_model());
  // In memory the second tree's children are numbered across the ensemble.
  ASSERT_EQ(parsed.text.first_pass.roots, (std::vector<std::uint32_t>{0, 3, 8}));
  EXPECT_EQ(parsed.text.first_pass.nodes[3].yes, 4u);
  EXPECT_EQ(parsed.text.first_pass.nodes[4].no, 7u);
}

TEST(ModelFile, CommentsAndBlankLinesAreIgnored) {
  std::vector<std::string> lines = split_lines(kSampleModelText);
  lines.insert(lines.begin(), "# trained by: winnow train golden/cases");
  lines.insert(lines.begin() + 3, "");
  lines[5] += "   # a comment after a value";
  const int tree = line_number(lines, "tree");
  lines.insert(lines.begin() + tree, "   # inside a tree");
  lines.insert(lines.begin() + tree + 2, "");
  lines[static_cast<std::size_t>(tree) + 2] += "\t";
  Model parsed;
  const Status status = parse_model(join_lines(lines), "commented.model", &parsed);
  ASSERT_TRUE(status.ok()) << status.message;
  expect_equal(parsed, sample_model());
}

struct BadModelCase {
  const char* name;
  std::string contents;
  std::vector<std::string> message_parts;  // each must appear in the message
};

// The sample file with line `at` (1-based) replaced by `replacement`.
std::string replaced(int at, const std::string& replacement) {
  std::vector<std::string> lines = split_lines(kSampleModelText);
  lines[static_cast<std::size_t>(at - 1)] = replacement;
  return join_lines(lines);
}

// The sample file with `line` inserted before line `at` (1-based).
std::string inserted(int at, const std::string& line) {
  std::vector<std::string> lines = split_lines(kSampleModelText);
  lines.insert(lines.begin() + (at - 1), line);
  return join_lines(lines);
}

// The sample file without lines [from, to) (1-based).
std::string without(int from, int to) {
  std::vector<std::string> lines = split_lines(kSampleModelText);
  lines.erase(lines.begin() + (from - 1), lines.begin() + (to - 1));
  return join_lines(lines);
}

TEST(ModelFile, BadFilesAreRejectedWithFileAndLine) {
  const std::vector<std::string> good = split_lines(kSampleModelText);
  const auto at = [&](std::string_view prefix, int from = 1) { return line_number(good, prefix, from); };
  const auto where = [](int line) { return "bad.model:" + std::to_string(line) + ":"; };
  const int html = at("[html]");
  const int text_first_tree = at("tree");              // "split log_words 0.5 1 2 0.125" follows
  const int text_second_tree = at("tree", text_first_tree + 1);  // five nodes
  const int text_third_tree = at("tree", text_second_tree + 1);
  const int text_second_pass = at("ensemble second_pass");
  const int html_second_pass = at("ensemble second_pass", html);
  const char kBadTree[] = "point outside it or back to an earlier node";
  ASSERT_GT(html, 0);
  ASSERT_GT(text_third_tree, 0);
  ASSERT_GT(html_second_pass, 0);

  const BadModelCase cases[] = {
      // The header.
      {"wrong version", replaced(1, "winnow-model 2"), {where(1), "version 2", "reads version 3"}},
      {"future version", replaced(1, "winnow-model 4"), {where(1), "version 4", "reads version 3"}},
      {"not a model file", "hello world\n", {where(1), "not a winnow model file"}},
      {"version that is not a number", replaced(1, "winnow-model two"), {where(1), "not a winnow model file"}},
      {"empty file", "", {"bad.model", "empty model file"}},
      {"only comments", "# nothing here\n\n", {"bad.model", "empty model file"}},

      // Features.
      {"unknown feature name", replaced(text_first_tree + 1, "split no_such_feature 0.5 1 2 0.125"),
       {where(text_first_tree + 1), "'no_such_feature'", "unknown to this binary"}},
      {"feature name of another case", replaced(text_first_tree + 1, "split Log_Words 0.5 1 2 0.125"),
       {where(text_first_tree + 1), "'Log_Words'", "unknown"}},

      // Children that point backwards or out of their tree (caught when the tree ends).
      {"child pointing to itself", replaced(text_first_tree + 1, "split log_words 0.5 0 2 0.125"),
       {"bad.model:", kBadTree}},
      {"child pointing backwards", replaced(text_second_tree + 2, "split ends_sentence 0.5 0 4 0.0625"),
       {"bad.model:", kBadTree}},
      {"child past the end of the tree", replaced(text_first_tree + 1, "split log_words 0.5 1 3 0.125"),
       {"bad.model:", kBadTree}},
      {"child far outside the tree", replaced(text_first_tree + 1, "split log_words 0.5 1 4000000000 0.125"),
       {"bad.model:", kBadTree}},
      {"child in the next tree", replaced(text_second_tree + 2, "split ends_sentence 0.5 3 5 0.0625"),
       {"bad.model:", kBadTree}},
      {"last tree of the file pointing outside", inserted(html_second_pass + 1, "tree\nsplit log_words 0.5 1 2 0"),
       {"bad.model:", kBadTree}},
      {"tree with no node", inserted(text_third_tree, "tree"), {"bad.model:", kBadTree}},
      {"two parents of one node", replaced(text_second_tree + 2, "split ends_sentence 0.5 2 4 0.0625"),
       {"bad.model:", kBadTree}},
      {"both children the same node", replaced(text_second_tree + 2, "split ends_sentence 0.5 3 3 0.0625"),
       {"bad.model:", kBadTree}},

      // Sections and ensembles.
      {"missing [html] section", without(html, static_cast<int>(good.size()) + 1), {"bad.model", "no [html] section"}},
      {"missing [text] section", without(2, html), {"bad.model", "no [text] section"}},
      {"missing second pass", without(text_second_pass, html), {"bad.model", "no ensemble second_pass in [text]"}},
      {"missing first pass", without(at("ensemble first_pass", html), html_second_pass),
       {"bad.model", "no ensemble first_pass in [html]"}},
      {"duplicate section", inserted(static_cast<int>(good.size()), "[text]"),
       {where(static_cast<int>(good.size())), "second [text] section"}},

      // The end line: a file cut short where what is left parses, or changed after it was written.
      {"cut inside the last number", [&] {
         std::vector<std::string> lines = good;
         lines.pop_back();
         lines.back().resize(lines.back().size() - 1);
         return join_lines(lines);
       }(),
       {"bad.model: cut short: no end line after line " + std::to_string(good.size() - 1)}},
      {"cut before the end line", without(static_cast<int>(good.size()), static_cast<int>(good.size()) + 1),
       {"bad.model: cut short"}},
      {"a value changed", replaced(3, "threshold 0.25"), {"bad.model: changed since it was written"}},
      {"more after the end line", std::string(kSampleModelText) + "tree\n", {where(static_cast<int>(good.size()) + 1), "more after the end line"}},
      {"end line without a hash", replaced(static_cast<int>(good.size()), "end"), {where(static_cast<int>(good.size())), "expected 'end fnv1a-64 HASH'"}},
      {"duplicate ensemble", inserted(text_second_pass, "ensemble first_pass 0"),
       {where(text_second_pass), "second ensemble first_pass"}},
      {"unknown pass", replaced(text_second_pass, "ensemble third_pass 0.5"),
       {where(text_second_pass), "first_pass|second_pass"}},
      {"value before any section", inserted(2, "threshold 0.5"), {where(2), "before a [text] or [html] section"}},
      {"tree before any ensemble", inserted(3, "tree"), {where(3), "'tree' outside an ensemble"}},

      // Nodes outside a tree.
      {"leaf outside a tree", inserted(text_first_tree, "leaf 0.5"), {where(text_first_tree), "'leaf' outside a tree"}},
      {"split outside a tree", inserted(3, "split log_words 0.5 1 2 0"), {where(3), "'split' outside a tree"}},

      // Bad numbers and records.
      {"leaf value not a number", replaced(text_first_tree + 2, "leaf abc"),
       {where(text_first_tree + 2), "expected 'leaf VALUE'"}},
      {"leaf value infinite", replaced(text_first_tree + 2, "leaf inf"), {where(text_first_tree + 2), "leaf VALUE"}},
      {"leaf with two values", replaced(text_first_tree + 2, "leaf 1 2"), {where(text_first_tree + 2), "leaf VALUE"}},
      {"split threshold not a number", replaced(text_first_tree + 1, "split log_words x 1 2 0.125"),
       {where(text_first_tree + 1), "bad number in a split"}},
      {"split value nan", replaced(text_first_tree + 1, "split log_words 0.5 1 2 nan"),
       {where(text_first_tree + 1), "bad number in a split"}},
      {"negative child", replaced(text_first_tree + 1, "split log_words 0.5 -1 2 0.125"),
       {where(text_first_tree + 1), "bad number in a split"}},
      {"fractional child", replaced(text_first_tree + 1, "split log_words 0.5 1.5 2 0.125"),
       {where(text_first_tree + 1), "bad number in a split"}},
      {"split missing a field", replaced(text_first_tree + 1, "split log_words 0.5 1 2"),
       {where(text_first_tree + 1), "expected 'split FEATURE SPLIT YES NO VALUE'"}},
      {"bad base margin", replaced(text_second_pass, "ensemble second_pass 0.5x"),
       {where(text_second_pass), "bad base margin"}},
      {"threshold not a number", replaced(3, "threshold nan"), {where(3), "bad value for threshold"}},
      {"switch cost missing", replaced(4, "switch_cost"), {where(4), "bad value for switch_cost"}},
      {"unknown key", replaced(4, "switch_costs 1.0"), {where(4), "unknown key 'switch_costs'"}},
      {"old weight record", inserted(5, "weight bias 0.5"), {where(5), "unknown key 'weight'"}},
  };
  for (const BadModelCase& c : cases) {
    Model parsed = sample_model();
    const Status status = parse_model(c.contents, "bad.model", &parsed);
    EXPECT_EQ(status.code, ErrorCode::kBadModel) << c.name << ": " << status.message;
    for (const std::string& part : c.message_parts) {
      EXPECT_NE(status.message.find(part), std::string::npos) << c.name << ": \"" << status.message
                                                              << "\" does not contain \"" << part << "\"";
    }
  }
}

TEST(ModelFile, FailedParseLeavesTheOutputAlone) {
  for (const char* contents : {"winnow-model 99\n", "winnow-model 3\n[text]\n"}) {
    Model parsed = sample_model();
    ASSERT_FALSE(parse_model(contents, "bad.model", &parsed).ok()) << contents;
    expect_equal(parsed, sample_model());
  }
}

// Structural checks any usable ensemble passes: every path ends at a leaf of the same tree and
// every split names a feature of this binary.
void expect_well_formed(const TreeEnsemble& e, const std::string& what) {
  EXPECT_TRUE(std::isfinite(e.base_margin)) << what;
  for (std::size_t t = 0; t < e.roots.size(); ++t) {
    const std::size_t begin = e.roots[t];
    const std::size_t end = t + 1 < e.roots.size() ? e.roots[t + 1] : e.nodes.size();
    ASSERT_LT(begin, end) << what << " tree " << t;
    for (std::size_t n = begin; n < end; ++n) {
      const TreeNode& node = e.nodes[n];
      EXPECT_TRUE(std::isfinite(node.value)) << what << " node " << n;
      if (node.feature == TreeNode::kLeaf) continue;
      EXPECT_LT(node.feature, kFeatureCount) << what << " node " << n;
      EXPECT_TRUE(std::isfinite(node.split)) << what << " node " << n;
      EXPECT_GT(node.yes, n) << what << " node " << n;
      EXPECT_GT(node.no, n) << what << " node " << n;
      EXPECT_LT(node.yes, end) << what << " node " << n;
      EXPECT_LT(node.no, end) << what << " node " << n;
    }
  }
}

TEST(ModelFile, BuiltInModelParsesAndHasTreesInBothPasses) {
  const Model& model = default_model();
  EXPECT_EQ(&model, &default_model());
  for (const auto& [name, section] : {std::pair{"[text]", &model.text}, std::pair{"[html]", &model.html}}) {
    EXPECT_GT(section->threshold, 0.0f) << name;
    EXPECT_LT(section->threshold, 1.0f) << name;
    EXPECT_GE(section->switch_cost, 0.0f) << name;
    EXPECT_FALSE(section->first_pass.roots.empty()) << name << " first_pass has no trees";
    EXPECT_FALSE(section->second_pass.roots.empty()) << name << " second_pass has no trees";
    expect_well_formed(section->first_pass, std::string(name) + " first_pass");
    expect_well_formed(section->second_pass, std::string(name) + " second_pass");
    // The first pass runs before the context features exist, so it cannot have learnt from them.
    for (const TreeNode& node : section->first_pass.nodes) {
      if (node.feature != TreeNode::kLeaf) {
        EXPECT_LT(node.feature, kFirstContextFeature)
            << name << " first_pass splits on " << feature_name(static_cast<Feature>(node.feature));
      }
    }
  }
  Model reparsed;
  const Status status = parse_model(serialize_model(model), "built-in", &reparsed);
  ASSERT_TRUE(status.ok()) << status.message;
  expect_equal(reparsed, model);
}

TEST(LoadModel, ReadsTheShippedModelFile) {
  std::shared_ptr<const Model> loaded;
  const std::string path = testing::source_path("model/default.model");
  const Status status = load_model(path, &loaded);
  ASSERT_TRUE(status.ok()) << status.message;
  ASSERT_NE(loaded, nullptr);
  // The built-in model is this file, written into the binary as arrays (winnow_embed_model), bit
  // for bit, its trees laid out as the file's are when it loads.
  expect_equal(*loaded, default_model());
  expect_same_layout(*loaded, default_model());
  EXPECT_FALSE(default_model().html.second_pass.complete.trees.empty());
}

TEST(LoadModel, FailuresNameTheFile) {
  testing::TempDir dir;
  std::shared_ptr<const Model> loaded;
  const std::string missing = dir / "missing.model";
  Status status = load_model(missing, &loaded);
  EXPECT_EQ(status.code, ErrorCode::kBadModel);
  EXPECT_NE(status.message.find(missing), std::string::npos) << status.message;
  EXPECT_EQ(loaded, nullptr);

  const std::string old = dir.write("old.model", "winnow-model 1\n[text]\nweight bias 0.5\n");
  status = load_model(old, &loaded);
  EXPECT_EQ(status.code, ErrorCode::kBadModel);
  EXPECT_NE(status.message.find(old + ":1:"), std::string::npos) << status.message;
  EXPECT_EQ(loaded, nullptr);

  const std::string header_only = dir.write("header.model", "winnow-model 3\n");
  status = load_model(header_only, &loaded);
  EXPECT_EQ(status.code, ErrorCode::kBadModel);
  EXPECT_NE(status.message.find(header_only + ": no [text] section"), std::string::npos) << status.message;
  EXPECT_EQ(loaded, nullptr);

  const std::string good = dir.write("good.model", serialize_model(sample_model()));
  status = load_model(good, &loaded);
  ASSERT_TRUE(status.ok()) << status.message;
  ASSERT_NE(loaded, nullptr);
  expect_equal(*loaded, sample_model());
}

}  // namespace
}  // namespace winnow
