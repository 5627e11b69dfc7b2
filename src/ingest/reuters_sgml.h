// Reuters-21578 SGML (the LEWIS DTD of `reut2-NNN.sgm`): one news article per <REUTERS>
// element, with its date, title, dateline, body, topics and places. The one parser for this
// format: `depeche ingest` reads .sgm/.sgm.gz files with it and src/eval builds its corpus on it.
#ifndef DEPECHE_INGEST_REUTERS_SGML_H_
#define DEPECHE_INGEST_REUTERS_SGML_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "depeche/status.h"
#include "ingest/raw_article.h"

namespace depeche::ingest {

// One <REUTERS> record. Every string is valid UTF-8: bytes >= 0x80 are read as Latin-1
// (0x80-0x9F as Windows-1252), SGML entities (&lt; &gt; &amp; &quot; &#N;) are decoded and
// control characters other than '\n' and '\t' are removed (as are the terminal escape
// sequences "ESC [ ... letter" some stories carry).
struct ReutersRecord {
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
  int64_t line = 0;                 // line of the <REUTERS> tag in the file (1-based)
};

// A record that could not be read: its line and what is wrong ("<REUTERS> without NEWID:
// ...", "record without </REUTERS>: ...", "unterminated <REUTERS> tag").
struct ReutersRecordError {
  int64_t line = 0;
  std::string message;
};

struct ReutersParse {
  std::vector<ReutersRecord> records;  // in file order
  std::vector<ReutersRecordError> errors;
};

// Parses the SGML text of one file (raw Latin-1 bytes, any bytes accepted). A broken record
// is an error for that record and parsing goes on with the next one; text with no <REUTERS>
// element gives neither records nor errors. Linear in the input; thread-safe.
ReutersParse ParseReutersSgml(std::string_view sgml);

// Converts a "DD-MON-YYYY HH:MM:SS.ff" DATE value to ISO 8601 as described for date_iso.
std::string ReutersDateToIso(std::string_view date);

// The article as depeche stores it: url "reuters21578://NEWID", source "Reuters", lang "en",
// title (given), published = date_iso, text = the dateline followed by the body as the story
// went out on the wire ("SALVADOR, Feb 26 - Showers continued ..."), or the title for
// headline-only flashes; metadata {"dateline", "id", "places", "topics"} (dateline only when
// present). Origin is left for the caller.
RawArticle ToRawArticle(const ReutersRecord& record);

}  // namespace depeche::ingest

#endif  // DEPECHE_INGEST_REUTERS_SGML_H_
