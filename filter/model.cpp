// The model. Entry points: score_block, parse_model, serialize_model, default_model, load_model.
// Tested by tests/model_test.cpp.
//
// File format (text, '#' starts a comment):
//   winnow-model 1
//   [text]                    or [html]
//   threshold 0.5
//   switch_cost 1.0
//   weight <feature_name> <value>           first pass, one per feature, every feature present
//   context_weight <feature_name> <value>   second pass, likewise
#include "model.h"

#include <cmath>
#include <fstream>
#include <sstream>
#include <unordered_map>

namespace winnow {

extern const char kDefaultModelText[];  // default_model_data.cpp, generated from model/default.model

float score_block(const FeatureVector& features, const Weights& weights) {
  float sum = 0;
  for (std::size_t i = 0; i < kFeatureCount; ++i) sum += features[i] * weights[i];
  return 1.0f / (1.0f + std::exp(-sum));
}

Status parse_model(std::string_view contents, const std::string& origin, Model* out) {
  std::unordered_map<std::string_view, std::size_t> index;
  for (std::size_t i = 0; i < kFeatureCount; ++i) index.emplace(feature_name(static_cast<Feature>(i)), i);
  auto fail = [&](int line, const std::string& what) {
    return Status{ErrorCode::kBadModel, origin + ":" + std::to_string(line) + ": " + what};
  };

  Model model;
  LinearModel* section = nullptr;
  // Per section, per pass, which features have a weight.
  std::array<std::array<bool, kFeatureCount>, 4> seen{};
  int section_index = -1;
  bool header = false;
  std::istringstream in{std::string(contents)};
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (const auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
    std::istringstream fields(line);
    std::string key;
    if (!(fields >> key)) continue;
    std::string extra;
    if (!header) {
      int version = 0;
      if (key != "winnow-model" || !(fields >> version) || (fields >> extra)) return fail(number, "not a winnow model file");
      if (version != kModelFormatVersion) {
        return fail(number, "model format version " + std::to_string(version) + ", this binary reads version " +
                                std::to_string(kModelFormatVersion));
      }
      header = true;
    } else if (key == "[text]") {
      section = &model.text, section_index = 0;
    } else if (key == "[html]") {
      section = &model.html, section_index = 2;
    } else if (section == nullptr) {
      return fail(number, "'" + key + "' before a [text] or [html] section");
    } else if (key == "threshold" || key == "switch_cost") {
      float value = 0;
      if (!(fields >> value) || !std::isfinite(value) || (fields >> extra)) return fail(number, "bad value for " + key);
      (key == "threshold" ? section->threshold : section->switch_cost) = value;
    } else if (key == "weight" || key == "context_weight") {
      std::string name;
      float value = 0;
      if (!(fields >> name >> value) || !std::isfinite(value) || (fields >> extra)) {
        return fail(number, "expected '" + key + " NAME VALUE'");
      }
      const auto found = index.find(name);
      if (found == index.end()) return fail(number, "feature '" + name + "' is unknown to this binary");
      const bool context = key == "context_weight";
      if (seen[section_index + (context ? 1 : 0)][found->second]) return fail(number, "second " + key + " for '" + name + "'");
      (context ? section->context_weights : section->weights)[found->second] = value;
      seen[section_index + (context ? 1 : 0)][found->second] = true;
    } else {
      return fail(number, "unknown key '" + key + "'");
    }
  }
  if (!header) return fail(number, "empty model file");
  constexpr const char* kPassNames[] = {"[text] weight", "[text] context_weight", "[html] weight",
                                         "[html] context_weight"};
  for (std::size_t pass = 0; pass < seen.size(); ++pass) {
    for (std::size_t i = 0; i < kFeatureCount; ++i) {
      if (!seen[pass][i]) {
        return Status{ErrorCode::kBadModel, origin + ": no " + kPassNames[pass] + " for feature '" +
                                                std::string(feature_name(static_cast<Feature>(i))) +
                                                "'; the model does not fit this binary"};
      }
    }
  }
  *out = model;
  return {};
}

std::string serialize_model(const Model& model) {
  std::ostringstream out;
  out << "winnow-model " << kModelFormatVersion << "\n";
  auto section = [&](const char* name, const LinearModel& m) {
    out << "[" << name << "]\n";
    out << "threshold " << m.threshold << "\n";
    out << "switch_cost " << m.switch_cost << "\n";
    for (std::size_t i = 0; i < kFeatureCount; ++i) {
      out << "weight " << feature_name(static_cast<Feature>(i)) << " " << m.weights[i] << "\n";
    }
    for (std::size_t i = 0; i < kFeatureCount; ++i) {
      out << "context_weight " << feature_name(static_cast<Feature>(i)) << " " << m.context_weights[i] << "\n";
    }
  };
  section("text", model.text);
  section("html", model.html);
  return out.str();
}

const Model& default_model() {
  static const Model model = [] {
    Model parsed;
    const Status status = parse_model(kDefaultModelText, "built-in model", &parsed);
    // The built-in model is checked by the build's tests; a mismatch is a build defect.
    if (!status.ok()) std::abort();
    return parsed;
  }();
  return model;
}

Status load_model(const std::string& path, std::shared_ptr<const Model>* out) {
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
