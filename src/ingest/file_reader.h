// Reading one input file whole, with a size limit and a binary-content check.
#ifndef DEPECHE_INGEST_FILE_READER_H_
#define DEPECHE_INGEST_FILE_READER_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "depeche/status.h"

namespace depeche::ingest {

// Reads `path`. Errors (messages name no path; the caller adds it): NotFound/Unavailable when
// it cannot be opened or read, ResourceExhausted when larger than `max_bytes`,
// InvalidArgument for an empty file.
Result<std::string> ReadFileLimited(const std::string& path, int64_t max_bytes);

// OK for text; InvalidArgument "binary content (NUL byte at offset N)" or "binary content (N%
// control bytes)" when the first 64 KB do not look like text in any encoding.
Status CheckLooksLikeText(std::string_view data);

}  // namespace depeche::ingest

#endif  // DEPECHE_INGEST_FILE_READER_H_
