// JSONL feeds: one article per line.
#ifndef DEPECHE_INGEST_JSONL_READER_H_
#define DEPECHE_INGEST_JSONL_READER_H_

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "depeche/status.h"
#include "ingest/raw_article.h"

namespace depeche::ingest {

// Deepest nesting of objects/arrays a record may have. Real feeds stay under 10 levels;
// SQLite's JSON functions give up at 1,000 and recursive serialisers overflow the stack long
// before 100,000.
inline constexpr int kMaxJsonDepth = 64;

// The offset of the first '{' or '[' (outside strings) that opens level `max_depth` + 1, or
// npos when `text` never nests deeper than `max_depth`. Linear, no recursion, any bytes.
size_t JsonNestingBeyond(std::string_view text, int max_depth);

// Parses one JSONL record: a JSON object with `id`, `url`, `source`, `title`, `published`
// (ISO 8601), `lang`, `text` (or `html`: the page, left in RawArticle::html for extraction);
// every other field is kept in metadata_json. A record with a title and no text is a headline
// (headline feeds); the analyzer stores its title as its text. Errors: InvalidArgument naming
// the problem ("not valid JSON at column 17: ...", "JSON nested deeper than 64 levels (at
// column N)", "expected a JSON object", "field 'title' must be a string", "no 'title', 'text'
// or 'html' field").
Result<RawArticle> ParseJsonlRecord(std::string_view line);

// Reads lines from a FILE* one at a time without ever holding more than `max_line_bytes` of
// one line. Not thread-safe; does not own the FILE*.
class LineReader {
 public:
  LineReader(FILE* file, int64_t max_line_bytes) : file_(file), max_line_bytes_(max_line_bytes) {}

  enum class State { kLine, kTooLong, kEnd, kError };
  // Reads the next line into `line` (without the newline). kTooLong: the line was skipped
  // (`line` empty) because it exceeds the limit. `line_number()` is then that line's number.
  State Next(std::string& line);
  int64_t line_number() const { return line_number_; }
  int64_t bytes_read() const { return bytes_read_; }

 private:
  bool Fill();

  FILE* file_;
  int64_t max_line_bytes_;
  int64_t line_number_ = 0;
  int64_t bytes_read_ = 0;
  std::string buffer_;
  size_t pos_ = 0;
  bool eof_ = false;
};

}  // namespace depeche::ingest

#endif  // DEPECHE_INGEST_JSONL_READER_H_
