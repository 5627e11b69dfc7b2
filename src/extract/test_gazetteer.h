// The gazetteer of data/ shared by the extract tests (loaded once; read-only).
#ifndef DEPECHE_EXTRACT_TEST_GAZETTEER_H_
#define DEPECHE_EXTRACT_TEST_GAZETTEER_H_

#include <memory>

#include "extract/gazetteer.h"

namespace depeche::extract::testing {

inline const Gazetteer& DataGazetteer() {
  static const std::shared_ptr<const Gazetteer> g = [] {
    auto loaded = Gazetteer::Load(DEPECHE_SOURCE_DIR "/data");
    return loaded.ok() ? *loaded : nullptr;
  }();
  return *g;
}

}  // namespace depeche::extract::testing

#endif  // DEPECHE_EXTRACT_TEST_GAZETTEER_H_
