// Reader for the Reuters-21578 corpus (Distribution 1.0): gzip-compressed SGML files
// `reut2-NNN.sgm.gz`, 21,578 `<REUTERS>` records from 1987 newswire. Used as the throughput
// corpus (bench/) and for near-duplicate and topic experiments.
#ifndef DEPECHE_EVAL_REUTERS_READER_H_
#define DEPECHE_EVAL_REUTERS_READER_H_

#include <string>
#include <string_view>
#include <vector>

#include "depeche/status.h"

namespace depeche::eval {

// One <REUTERS> record. Every string is valid UTF-8: bytes >= 0x80 are read as Latin-1
// (0x80-0x9F as Windows-1252), SGML entities (&lt; &gt; &amp; &quot; &#N;) are decoded and
// control characters other than '\n' and '\t' are removed (as are the terminal escape
// sequences "ESC [ ... letter" some stories carry).
struct ReutersArticle {
  std::string id;        // NEWID attribute: "1" .. "21578"
  std::string title;     // TITLE, whitespace collapsed; "" for TYPE="UNPROC" records
  std::string dateline;  // DATELINE, whitespace collapsed: "SALVADOR, Feb 26 -"; often ""
  // BODY with its line breaks and paragraph indentation kept, outer whitespace trimmed. For
  // records without BODY (TYPE="BRIEF": the text after TITLE, TYPE="UNPROC": the whole TEXT);
  // "" for the 1,604 flashes whose text is the placeholder "Blah blah blah.".
  std::string body;
  // DATE as ISO 8601 UTC: "26-FEB-1987 15:01:01.79" -> "1987-02-26T15:01:01Z"; the day only
  // ("1987-03-31") when the time of day is malformed; "" when the date is.
  std::string date_iso;
  std::vector<std::string> topics;  // TOPICS <D> values in file order ("cocoa")
  std::vector<std::string> places;  // PLACES <D> values in file order ("el-salvador")
};

// Reads every `reut2-*.sgm.gz` (or uncompressed `reut2-*.sgm`) file directly in `dir`, in
// file-name order, and returns the records in file order.
// Errors: NotFound when `dir` is missing or holds no reut2-*.sgm[.gz] file; DataLoss naming
// the file when it is not valid gzip (corrupt or truncated stream, plain bytes under a .gz
// name) or its SGML is broken (a record without </REUTERS> or NEWID, no record at all);
// Unavailable when a file cannot be opened.
// Thread-safe (no shared state); the caller owns the returned vector.
Result<std::vector<ReutersArticle>> ReadReutersCorpus(const std::string& dir);

// Reads one file the way ReadReutersCorpus does. Errors as above.
Result<std::vector<ReutersArticle>> ReadReutersFile(const std::string& path);

// Parses the SGML text of one file (raw Latin-1 bytes). `name` only appears in error
// messages. Errors: DataLoss as above.
Result<std::vector<ReutersArticle>> ParseReutersSgml(std::string_view sgml, std::string_view name);

// Converts a "DD-MON-YYYY HH:MM:SS.ff" DATE value to ISO 8601 as described for date_iso.
std::string ReutersDateToIso(std::string_view date);

// One depeche JSONL line (no trailing newline):
// {"id":NEWID,"url":"reuters21578://NEWID","source":"Reuters","title":...,
//  "published":date_iso,"lang":"en","text":...,"topics":[...],"places":[...]}
// `text` is the dateline followed by the body ("SALVADOR, Feb 26 - Showers continued ..."),
// as the story went out on the wire, or the title for headline-only flashes; "published" is omitted
// when date_iso is empty and "title" when the record has none. topics/places land in the article's
// metadata.
std::string ToJsonl(const ReutersArticle& article);

}  // namespace depeche::eval

#endif  // DEPECHE_EVAL_REUTERS_READER_H_
