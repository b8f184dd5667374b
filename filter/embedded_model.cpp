// Models as C++ arrays. Entry points: embedded_model_source, model_from_embedded. Tested by
// tests/model_test.cpp (the built-in model against the file it was built from).
#include "embedded_model.h"

#include <cstdio>
#include <vector>

namespace winnow {
namespace {

// A float as a C++ literal that reads back exactly ("0x1.99999ap-4f").
std::string float_literal(float value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%af", static_cast<double>(value));
  return buffer;
}

// `values` as a C++ array named `name` of `type`, written by `literal`, eight to a line; nothing
// when there are none (C++ has no empty arrays: the view says null).
template <typename T, typename Literal>
void append_array(std::string& out, const std::string& type, const std::string& name, const std::vector<T>& values,
                  Literal literal) {
  if (values.empty()) return;
  out += "const " + type + " " + name + "[] = {";
  for (std::size_t i = 0; i < values.size(); ++i) {
    out += i % 8 == 0 ? "\n    " : " ";
    out += literal(values[i]);
    out += ',';
  }
  out += "\n};\n";
}

// "name, std::size(name)", or "nullptr, 0" for an array not written.
template <typename T>
std::string array_view(const std::string& name, const std::vector<T>& values) {
  return values.empty() ? "nullptr, 0" : name + ", std::size(" + name + ")";
}

void append_arrays(std::string& out, const std::string& name, const TreeEnsemble& ensemble) {
  append_array(out, "TreeNode", "k" + name + "Nodes", ensemble.nodes, [](const TreeNode& node) {
    return std::string("{").append(std::to_string(node.feature)).append(", ").append(float_literal(node.split))
        .append(", ").append(std::to_string(node.yes)).append(", ").append(std::to_string(node.no)).append(", ")
        .append(float_literal(node.value)).append("}");
  });
  append_array(out, "std::uint32_t", "k" + name + "Roots", ensemble.roots,
               [](std::uint32_t root) { return std::to_string(root); });
  const CompleteTrees& complete = ensemble.complete;
  append_array(out, "CompleteTrees::Tree", "k" + name + "Trees", complete.trees, [](const CompleteTrees::Tree& tree) {
    return std::string("{").append(std::to_string(tree.first_inner)).append(", ")
        .append(std::to_string(tree.first_leaf)).append(", ").append(std::to_string(tree.depth)).append("}");
  });
  append_array(out, "std::uint16_t", "k" + name + "Features", complete.feature,
               [](std::uint16_t feature) { return std::to_string(feature); });
  append_array(out, "float", "k" + name + "Splits", complete.split, float_literal);
  append_array(out, "float", "k" + name + "Leaves", complete.leaf, float_literal);
}

void append_ensemble_view(std::string& out, const std::string& name, const TreeEnsemble& ensemble) {
  out += "{";
  out += float_literal(ensemble.base_margin);
  out += ", " + array_view("k" + name + "Nodes", ensemble.nodes) + ", " + array_view("k" + name + "Roots", ensemble.roots) +
         ",\n      ";
  const CompleteTrees& complete = ensemble.complete;
  out += array_view("k" + name + "Trees", complete.trees) + ", " + array_view("k" + name + "Features", complete.feature) +
         ", " + array_view("k" + name + "Splits", complete.split) + ", " + array_view("k" + name + "Leaves", complete.leaf) +
         "}";
}

void append_section_view(std::string& out, const std::string& name, const SectionModel& section) {
  out += "{";
  out += float_literal(section.threshold);
  out += ", ";
  out += float_literal(section.switch_cost);
  out += ",\n     ";
  append_ensemble_view(out, name + "First", section.first_pass);
  out += ",\n     ";
  append_ensemble_view(out, name + "Second", section.second_pass);
  out += "}";
}

TreeEnsemble ensemble_from(const EmbeddedEnsemble& embedded) {
  TreeEnsemble ensemble;
  ensemble.base_margin = embedded.base_margin;
  ensemble.nodes.assign(embedded.nodes, embedded.nodes + embedded.node_count);
  ensemble.roots.assign(embedded.roots, embedded.roots + embedded.root_count);
  // As lay_out_trees left them when the build wrote them; with no trees laid out (too deep), as
  // there, score_blocks walks the nodes.
  CompleteTrees& complete = ensemble.complete;
  complete.trees.assign(embedded.trees, embedded.trees + embedded.tree_count);
  complete.feature.assign(embedded.features, embedded.features + embedded.feature_count);
  complete.split.assign(embedded.splits, embedded.splits + embedded.split_count);
  complete.leaf.assign(embedded.leaves, embedded.leaves + embedded.leaf_count);
  complete.source_nodes = ensemble.nodes.size();
  return ensemble;
}

SectionModel section_from(const EmbeddedSection& embedded) {
  SectionModel section;
  section.threshold = embedded.threshold;
  section.switch_cost = embedded.switch_cost;
  section.first_pass = ensemble_from(embedded.first_pass);
  section.second_pass = ensemble_from(embedded.second_pass);
  return section;
}

}  // namespace

std::string embedded_model_source(const Model& model, const std::string& origin) {
  std::string out = "// Generated from " + origin +
                    " by winnow_embed_model (model/embed_model.cpp) when the project is built. Do not edit.\n"
                    "#include <iterator>\n\n#include \"embedded_model.h\"\n\nnamespace winnow {\nnamespace {\n\n";
  // A node's feature is written as its index: the file's feature names were resolved by
  // parse_model of this same build, so the indices fit this binary.
  append_arrays(out, "TextFirst", model.text.first_pass);
  append_arrays(out, "TextSecond", model.text.second_pass);
  append_arrays(out, "HtmlFirst", model.html.first_pass);
  append_arrays(out, "HtmlSecond", model.html.second_pass);
  out += "\n}  // namespace\n\nconst EmbeddedModel kEmbeddedModel = {\n    ";
  append_section_view(out, "Text", model.text);
  out += ",\n    ";
  append_section_view(out, "Html", model.html);
  out += "};\n\n}  // namespace winnow\n";
  return out;
}

Model model_from_embedded(const EmbeddedModel& embedded) {
  Model model;
  model.text = section_from(embedded.text);
  model.html = section_from(embedded.html);
  return model;
}

}  // namespace winnow
