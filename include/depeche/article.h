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
  friend bool operator==(const PublicationDate&, const PublicationDate&) = default;
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

// A temporal expression of the article's text (TIMEX3), with its value normalised against the
// article's date (Article::date): "vendredi" in an article of Tuesday 18 January 2022 is
// "2022-01-21". Found by extract::TimexTagger (rules in data/<lang>/timex/).
struct TemporalExpression {
  Span span;          // bytes of Article::text
  std::string type;   // "DATE", "TIME", "DURATION" or "SET"
  std::string value;  // the TIMEX3 value: "2022-01-21", "2022-W08", "P8Y", "FUTURE_REF", ...
  // False while the value still needs a date the article does not have ("UNDEF-WEEKDAY-5": a
  // Friday, which one unknown).
  bool resolved = true;
  // What resolving it again takes (when the article's date changes): the value before
  // resolution ("UNDEF-WEEKDAY-5", "REF-1D"; the value itself when it needs no date) and the
  // direction of its clause ("past", "future" or "").
  std::string form;
  std::string tense;
  std::string rule;  // the rule that found it: "data/fr/timex/rules.txt:42"
  friend bool operator==(const TemporalExpression&, const TemporalExpression&) = default;
};

// The article's best publication date and where it comes from. A stated date (`provenance`
// "metadata", "url" or "dateline") is Article::published itself; when the article states none,
// or only a month or a year, the day its own dates and weekdays point to, read against its
// story's other articles, is "inferred" (and never replaces a stated day).
struct ArticleDate {
  PublicationDate date;    // known() false when nothing dates the article
  std::string provenance;  // "metadata", "url", "dateline", "inferred" or "" (none)
  // For an inferred day: "text" (the article's own expressions placed it) or "story" (its
  // expressions read against the days of its story's other articles); "" otherwise.
  std::string basis;
  // For an inferred day: the expressions that placed it (their spans in Article::text).
  std::vector<Span> evidence;
  friend bool operator==(const ArticleDate&, const ArticleDate&) = default;
};

// A quotation of the article's text (issue 12), as extract::QuoteExtractor finds it: direct (the
// words between quotation marks) or indirect (reported speech after a reporting verb), with its
// cue and its speaker. Spans are bytes of Article::text; an empty span ({0, 0}) is none.
struct Quote {
  std::string kind;  // "direct" or "indirect"
  // The quoted (direct: without the marks) or reported (indirect) words, in text order: several
  // spans when a reporting clause interrupts the quote ("« A », a déclaré M. Blinken, « B »"),
  // when it goes on in the next sentences or paragraphs, or for several quoted phrases of one
  // report.
  std::vector<Span> content;
  Span cue;  // the reporting verb or "according to" phrase; none when signed after a dash
  // "name" ("a déclaré M. Blinken"), "description" ("un haut responsable du département
  // d'État", kept as written), "pronoun" ("a-t-il ajouté") or "none".
  std::string speaker_kind = "none";
  Span speaker;  // the speaker as written
  // The name inside a description ("le porte-parole, Ned Price"); for a pronoun whose antecedent
  // is a clause's subject rather than a quote's speaker ("Mais Lavrov a refusé ... », a-t-il
  // déclaré"), that subject's name; or none.
  Span speaker_name;
  // For a pronoun, or a definite description taking up an earlier speaker ("le fonctionnaire"
  // after "un haut responsable du département d'État"): the index in Article::quotes of the
  // quote whose speaker it refers to (the same or the previous paragraph only); -1 when none.
  int32_t antecedent = -1;
  std::vector<Span> partial;  // the quoted words inside an indirect quote
  // The canonical entity the speaker names (its name; for a pronoun, its antecedent's), when
  // the entity resolver linked one: filled when the article is read (Engine::GetArticle), not
  // stored, so that it follows entity merges. "" when none.
  std::string speaker_entity_id;
  std::string speaker_entity_name;
  friend bool operator==(const Quote&, const Quote&) = default;
};

// A figure of the article's text (issue 12), as extract::FigureExtractor finds it: "environ
// 100 000 soldats", "200 millions de dollars", "$1.5 billion", "3.2%".
struct Figure {
  Span span;    // the whole figure: modifier, currency, number, scale word, unit
  Span number;  // the number with its scale word
  double value = 0;
  std::optional<double> high;  // the high end of a range ("between $62 and $68")
  // What it counts or measures, normalised ("dollar", "percent", "soldat"); "" when nothing.
  std::string unit;
  Span unit_span;        // the unit or counted noun as written; none when `unit` is ""
  bool counted = false;  // `unit` is the noun counted ("soldats"), not a unit of measure
  // From the modifier before it: "exact", "approximate" (environ, about), "lower" (plus de,
  // at least) or "upper" (moins de, up to).
  std::string bound = "exact";
  Span sentence;  // the sentence that holds it
  friend bool operator==(const Figure&, const Figure&) = default;
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
  // The publication date the input states (metadata, the URL, a dateline), as stated: never
  // overwritten by an inferred one. `published_source`: "metadata", "url", "dateline" or "".
  PublicationDate published;
  std::string published_source;
  // The best date known for the article: `published` when it gives the day, else inferred (see
  // ArticleDate). What story first/last dates and the stories' windows use.
  ArticleDate date;
  // The temporal expressions of the text, in text order, boilerplate left out (but for embedded
  // posts, whose date lines are theirs).
  std::vector<TemporalExpression> timexes;
  // Its quotations and figures, in text order, boilerplate left out (but for embedded posts).
  std::vector<Quote> quotes;
  std::vector<Figure> figures;
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
