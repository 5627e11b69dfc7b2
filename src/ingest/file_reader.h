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

// Whether `data` is text, judged on the share of NUL and other C0 control bytes (tab, line
// feed, carriage return, form feed and escape are text) in its first 64 KB and on its charset:
// binary when such bytes are more than 1% of it (and more than one byte), so a page with a
// stray NUL is text. Data opening with a UTF-16 or UTF-32 byte-order mark is text (its NULs
// belong to the encoding). InvalidArgument "binary content (N% NUL or control bytes)" otherwise.
Status CheckLooksLikeText(std::string_view data);

// Removes, from text that CheckLooksLikeText accepts, the stray NUL and other C0 control bytes
// it tolerates (the same set). Returns a warning saying how many and where the first was, or
// an empty string when there were none. Data with a UTF-16 or UTF-32 byte-order mark is left
// as it is.
std::string RemoveStrayControlBytes(std::string& data);

}  // namespace depeche::ingest

#endif  // DEPECHE_INGEST_FILE_READER_H_
