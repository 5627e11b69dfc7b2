#include <cstdlib>

#include "depeche/config.h"

namespace depeche {

std::string DefaultDataDir() {
  if (const char* env = std::getenv("DEPECHE_DATA_DIR"); env != nullptr && *env != '\0') return env;
  return DEPECHE_DEFAULT_DATA_DIR;
}

std::string DefaultLidModel() {
  if (const char* env = std::getenv("DEPECHE_LID_MODEL"); env != nullptr && *env != '\0')
    return env;
  return DEPECHE_DEFAULT_LID_MODEL;
}

std::string DefaultNerModelDir() {
  if (const char* env = std::getenv("DEPECHE_NER_MODEL_DIR"); env != nullptr && *env != '\0')
    return env;
  return DEPECHE_DEFAULT_NER_MODEL_DIR;
}

}  // namespace depeche
