// Article: one news article as the engine stores and returns it.
#ifndef DEPECHE_ARTICLE_H_
#define DEPECHE_ARTICLE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace depeche {

// How much of a date is known. A seed's "date 2022-01" hint is kMonth.
enum class DatePrecision { kNone = 0, kYear, kMonth, kDay, kMinute, kSecond };

// A possibly partial publication date. `utc_seconds` is the start of the period in UTC
// (midnight UTC of the first day for partial dates), used for ordering.
struct PublicationDate {
  DatePrecision precision = DatePrecision::kNone;
  int64_t utc_seconds = 0;
  // Normalised ISO 8601 text at its precision: "2022", "2022-01", "2022-01-21",
  // "2022-01-21T10:05:00Z". The UTC offset, when the input had one, is applied.
  std::string iso;

  bool known() const { return precision != DatePrecision::kNone; }
};

// A byte range [begin, end) into Article::text.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  friend bool operator==(const Span&, const Span&) = default;
};

// Where an article came from: the path as given relative to the ingest argument, and the
// 1-based line for JSONL input (0 otherwise).
struct Origin {
  std::string path;
  int64_t line = 0;
  std::string format;  // "txt", "jsonl", "html", "stdin"
};

// A range of Article::text set aside as boilerplate (a photo credit, a call to action, an
// embedded tweet, a syndication line): kept in the stored text, left out of analysis.
struct BoilerplateSpan {
  Span span;
  std::string reason;  // "credit", "cta", "tweet", "syndication", "bio", ...
  friend bool operator==(const BoilerplateSpan&, const BoilerplateSpan&) = default;
};

struct Article {
  std::string id;   // stable: 16 hex digits derived from the URL, else from the content
  std::string url;  // may be empty
  // The input's own id for the record ("id" in a JSONL feed), empty when none. With the
  // source, it identifies the record: the same feed id from the same source is the same record.
  std::string feed_id;
  std::string source;  // outlet or site name; may be empty
  std::string title;   // display title (given, or derived from the text)
  // Where the title came from: "given" (a feed's title field), "html" (the page's headline),
  // "headline" (a text file's first line) or "derived" (cut from the first sentence).
  std::string title_origin;
  std::string text;           // article text as stored (NFC, valid UTF-8)
  std::string lang;           // ISO 639-1 code, "und" when unknown
  std::string lang_declared;  // what the input declared, if anything
  float lang_confidence = 0.0f;
  PublicationDate published;
  Origin origin;
  std::string content_hash;  // 16 hex digits over the normalised (folded) token stream
  // Unknown input fields, as a JSON object text ("{}" when none).
  std::string metadata_json = "{}";
  std::vector<Span> sentences;  // sentence byte ranges into `text`, boilerplate left out
  std::vector<BoilerplateSpan> boilerplate;  // junk ranges of `text`, in order
  std::vector<std::string> warnings;  // per-article problems met on the way (repairs, guesses)
  int64_t ingested_at = 0;            // UTC seconds when stored
};

}  // namespace depeche

#endif  // DEPECHE_ARTICLE_H_
