// Loading XGBoost's C API. Entry point: xgboost_library.
#include "xgboost_library.h"

#include <dlfcn.h>

#include <type_traits>

namespace winnow {
namespace {

// The names Debian installs it under: the runtime package's soname first, then the -dev link.
constexpr const char* kLibraryNames[] = {"libxgboost.so.0", "libxgboost.so"};

struct Loaded {
  XgboostLibrary library;
  std::string error;  // empty when loaded
};

Loaded load() {
  Loaded loaded;
  void* handle = nullptr;
  for (const char* name : kLibraryNames) {
    handle = dlopen(name, RTLD_NOW | RTLD_LOCAL);
    if (handle != nullptr) break;
  }
  if (handle == nullptr) {
    const char* reason = dlerror();
    loaded.error = std::string("cannot load libxgboost.so.0 (Debian package libxgboost0), which training needs: ") +
                   (reason != nullptr ? reason : "not found");
    return loaded;
  }
  // Never closed: the library stays for the life of the process, as a linked one would.
  XgboostLibrary& api = loaded.library;
  const auto bind = [&](auto& function, const char* symbol) {
    function = reinterpret_cast<std::remove_reference_t<decltype(function)>>(dlsym(handle, symbol));
    if (function == nullptr && loaded.error.empty()) loaded.error = std::string("libxgboost has no ") + symbol;
  };
  bind(api.get_last_error, "XGBGetLastError");
  bind(api.matrix_create_from_mat, "XGDMatrixCreateFromMat");
  bind(api.matrix_set_float_info, "XGDMatrixSetFloatInfo");
  bind(api.matrix_free, "XGDMatrixFree");
  bind(api.booster_create, "XGBoosterCreate");
  bind(api.booster_free, "XGBoosterFree");
  bind(api.booster_set_param, "XGBoosterSetParam");
  bind(api.booster_update_one_iter, "XGBoosterUpdateOneIter");
  bind(api.booster_save_model_to_buffer, "XGBoosterSaveModelToBuffer");
  bind(api.booster_predict, "XGBoosterPredict");
  return loaded;
}

}  // namespace

const XgboostLibrary* xgboost_library(std::string* error) {
  static const Loaded loaded = load();  // thread-safe, once
  if (!loaded.error.empty()) {
    if (error != nullptr) *error = loaded.error;
    return nullptr;
  }
  return &loaded.library;
}

}  // namespace winnow
