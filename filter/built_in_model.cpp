// The model built into the binary. Entry point: default_model. Tested by tests/model_test.cpp.
#include "embedded_model.h"

namespace winnow {

const Model& default_model() {
  // Built on first use, once for all threads: copying the arrays and laying out the trees takes
  // about a millisecond.
  static const Model model = model_from_embedded(kEmbeddedModel);
  return model;
}

}  // namespace winnow
