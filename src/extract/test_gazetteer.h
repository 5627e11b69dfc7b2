// What the extract tests share: the gazetteer of data/ (loaded once; read-only) and a French
// article builder.
#ifndef DEPECHE_EXTRACT_TEST_GAZETTEER_H_
#define DEPECHE_EXTRACT_TEST_GAZETTEER_H_

#include <memory>
#include <string>
#include <utility>

#include "depeche/article.h"
#include "extract/gazetteer.h"

namespace depeche::extract::testing {

inline const Gazetteer& DataGazetteer() {
  static const std::shared_ptr<const Gazetteer> g = [] {
    auto loaded = Gazetteer::Load(DEPECHE_SOURCE_DIR "/data");
    return loaded.ok() ? *loaded : nullptr;
  }();
  return *g;
}

// A French article with this text and title.
inline Article Fr(std::string text, std::string title = "") {
  Article a;
  a.lang = "fr";
  a.text = std::move(text);
  a.title = std::move(title);
  return a;
}

}  // namespace depeche::extract::testing

#endif  // DEPECHE_EXTRACT_TEST_GAZETTEER_H_
