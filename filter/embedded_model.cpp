// Models as C++ arrays. Entry points: embedded_model_source, model_from_embedded. Tested by
// tests/model_test.cpp (the built-in model against the file it was built from).
#include "embedded_model.h"

#include <cstdio>

namespace winnow {
namespace {

// A float as a C++ literal that reads back exactly ("0x1.99999ap-4f").
std::string float_literal(float value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%af", static_cast<double>(value));
  return buffer;
}

void append_arrays(std::string& out, const std::string& name, const TreeEnsemble& ensemble) {
  out += "const TreeNode k" + name + "Nodes[] = {\n";
  for (const TreeNode& node : ensemble.nodes) {
    out += "    {" + std::to_string(node.feature) + ", " + float_literal(node.split) + ", " + std::to_string(node.yes) +
           ", " + std::to_string(node.no) + ", " + float_literal(node.value) + "},\n";
  }
  out += "};\nconst std::uint32_t k" + name + "Roots[] = {";
  for (std::size_t i = 0; i < ensemble.roots.size(); ++i) {
    out += (i % 16 == 0 ? "\n    " : " ") + std::to_string(ensemble.roots[i]) + ",";
  }
  out += "\n};\n";
}

void append_ensemble_view(std::string& out, const std::string& name, const TreeEnsemble& ensemble) {
  const std::string nodes = "k" + name + "Nodes";
  const std::string roots = "k" + name + "Roots";
  out += "{";
  out += float_literal(ensemble.base_margin);
  out += ", " + nodes + ", std::size(" + nodes + "), " + roots + ", std::size(" + roots + ")}";
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
  lay_out_trees(ensemble);
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
