// winnow_embed_model MODEL_FILE OUTPUT.cpp: the build step that carries model/default.model into
// the binary. It reads the file with parse_model, so a model this binary cannot read (a feature it
// does not know, a bad tree, a changed or cut file) fails the build with parse_model's message, and
// writes the trees as C++ arrays (embedded_model.h) that cost nothing to parse when winnow starts.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "embedded_model.h"
#include "model.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: winnow_embed_model MODEL_FILE OUTPUT.cpp\n";
    return 2;
  }
  const std::string input = argv[1];
  const std::string output = argv[2];
  std::ifstream file(input, std::ios::binary);
  if (!file) {
    std::cerr << "winnow_embed_model: " << input << ": cannot open model file\n";
    return 1;
  }
  std::ostringstream contents;
  contents << file.rdbuf();
  winnow::Model model;
  if (const winnow::Status status = winnow::parse_model(contents.str(), input, &model); !status.ok()) {
    std::cerr << "winnow_embed_model: " << status.message << "\n";
    return 1;
  }
  // Written beside the output and renamed over it, so an interrupted build leaves no half file.
  const std::string partial = output + ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out << winnow::embedded_model_source(model, std::filesystem::path(input).filename().string());
    out.flush();
    if (!out) {
      std::cerr << "winnow_embed_model: " << partial << ": cannot write\n";
      return 1;
    }
  }
  if (std::rename(partial.c_str(), output.c_str()) != 0) {
    std::cerr << "winnow_embed_model: cannot rename " << partial << " to " << output << "\n";
    return 1;
  }
  return 0;
}
