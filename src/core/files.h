// Reading a whole (small) file: the language data files, the gold datasets.
#ifndef DEPECHE_CORE_FILES_H_
#define DEPECHE_CORE_FILES_H_

#include <string>

#include "depeche/status.h"

namespace depeche::core {

// The bytes of `path`. NotFound ("cannot read PATH") when it cannot be opened. For files of
// known, modest size; inputs of any size go through ingest::ReadFileLimited.
Result<std::string> ReadFile(const std::string& path);

}  // namespace depeche::core

#endif  // DEPECHE_CORE_FILES_H_
