// XGBoost's C API, loaded when training first needs it. Entry point: xgboost_library. Used by
// boosting.cpp; tested by tests/boosting_test.cpp and tests/train_test.cpp, which train through it.
//
// Linked into the binary, libxgboost (with libdmlc and libgomp) cost every process 6,100 symbol
// bindings and its registries' start-up, about a third of the instructions of cleaning a one-page
// document, for a library only `winnow train` uses. It is opened with dlopen instead, the first
// time a model is fitted.
#pragma once

#include <xgboost/c_api.h>

#include <string>

namespace winnow {

// The functions of the C API that boosting.cpp calls, with the declared types of c_api.h.
struct XgboostLibrary {
  decltype(&XGBGetLastError) get_last_error = nullptr;
  decltype(&XGDMatrixCreateFromMat) matrix_create_from_mat = nullptr;
  decltype(&XGDMatrixSetFloatInfo) matrix_set_float_info = nullptr;
  decltype(&XGDMatrixFree) matrix_free = nullptr;
  decltype(&XGBoosterCreate) booster_create = nullptr;
  decltype(&XGBoosterFree) booster_free = nullptr;
  decltype(&XGBoosterSetParam) booster_set_param = nullptr;
  decltype(&XGBoosterUpdateOneIter) booster_update_one_iter = nullptr;
  decltype(&XGBoosterSaveModelToBuffer) booster_save_model_to_buffer = nullptr;
  decltype(&XGBoosterPredict) booster_predict = nullptr;
};

// The library, opened once (Debian's libxgboost.so.0, else libxgboost.so); null with `error` set to
// what failed (the library or a function not found) when it cannot be used.
const XgboostLibrary* xgboost_library(std::string* error);

}  // namespace winnow
