// Reading gzip-compressed inputs (.gz) with a limit on the inflated size, so that a small
// compressed file cannot inflate into gigabytes (a "zip bomb").
#ifndef DEPECHE_INGEST_GZIP_READER_H_
#define DEPECHE_INGEST_GZIP_READER_H_

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "depeche/status.h"

namespace depeche::ingest {

// Most bytes one .sgm file may hold, inflated (a Reuters-21578 file is 1.3 MB).
inline constexpr int64_t kMaxSgmlFileBytes = 256 * 1024 * 1024;
// Most bytes a .jsonl.gz stream may inflate to (each line is limited on its own too).
inline constexpr int64_t kMaxInflatedStreamBytes = int64_t{4} * 1024 * 1024 * 1024;

// Inflates gzip data (one or more concatenated members; bytes after the last member are
// ignored, as gunzip does). Errors (messages name no path): DataLoss "not gzip data",
// "corrupt gzip data: ...", "truncated gzip data"; ResourceExhausted when the result would
// exceed `max_bytes` ("inflates to more than 8 MB, the limit").
Result<std::string> InflateGzip(std::string_view compressed, int64_t max_bytes);

// Reads a whole input file, inflating it when `gzip`; the limit applies to the inflated
// bytes. Errors: ReadFileLimited's (file_reader.h) and InflateGzip's.
Result<std::string> ReadInputFile(const std::string& path, bool gzip, int64_t max_bytes);

// A gzip file opened as a read-only FILE* stream (for line readers), failing with a read error
// once more than `max_bytes` were inflated. Not thread-safe. Owns the FILE*.
class GzipStream {
 public:
  GzipStream(const std::string& path, int64_t max_bytes);
  ~GzipStream();
  GzipStream(const GzipStream&) = delete;
  GzipStream& operator=(const GzipStream&) = delete;

  // Null when the file cannot be opened or is not gzip data; error() says why.
  FILE* file() const { return file_; }
  // What went wrong (after a read error or a null file()): "cannot open: ...", "not gzip
  // data", "corrupt gzip data: ...", "inflates to more than N, the limit"; "" when nothing did.
  const std::string& error() const;
  int64_t inflated_bytes() const;

  struct State;  // the zlib side, shared with the stream's callbacks

 private:
  State* state_;
  FILE* file_ = nullptr;
};

}  // namespace depeche::ingest

#endif  // DEPECHE_INGEST_GZIP_READER_H_
