// Timeline: what happened when in a story told by several documents, each line traceable to
// its sources (issue 13). Days are the events' own dates, read from the documents' temporal
// expressions (resolved against each document's date: "vendredi" in an article of Tuesday 18
// January 2022 is 2022-01-21), not only their publication dates. A date is chosen by how many
// documents refer to it (a day many sources mention, especially from other days, is a day
// something happened); for each chosen date the line is the sentence that best represents what
// the documents say happened on it (closest to the centroid of that date's sentences), the
// same fact from other sources merged into its sources. Entries come out in date order.
//
// Immutable after Create; Build is thread-safe.
#ifndef DEPECHE_STORY_TIMELINE_H_
#define DEPECHE_STORY_TIMELINE_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "depeche/article.h"
#include "depeche/status.h"
#include "text/stopwords.h"

namespace depeche::story {

struct TimelineDocument {
  std::string_view text;        // not owned
  std::vector<Span> sentences;  // bytes of `text`, boilerplate left out
  // Its temporal expressions (Article::timexes), values resolved against `date`.
  std::vector<TemporalExpression> timexes;
  std::string lang;  // ISO 639-1
  // Its best date, an ISO day ("2022-01-18"; "" when unknown), and whether that day was
  // inferred (Article::date.provenance "inferred") rather than stated.
  std::string date;
  bool date_inferred = false;
};

// Another document's sentence saying what a timeline entry says.
struct TimelineSource {
  size_t document = 0;
  Span span;
};

struct TimelineEntry {
  // The event's date at its precision: "2022-01-21" (day), "2022-W04" (week), "2022-01"
  // (month), "2022" (year).
  std::string date;
  std::string precision;  // "day", "week", "month" or "year"
  // How the line's date was found: "stated" (its expression gives the date in full: "le 21
  // janvier 2022"), "relative" (an expression read against its document's date: "vendredi",
  // "la semaine prochaine") or "published" (no expression: its document's date).
  std::string basis;
  // The date is uncertain: read against a document date that was itself inferred, or a
  // "published" date (the event may be earlier than its report).
  bool inferred = false;
  size_t document = 0;  // the line: a sentence of that document
  Span span;
  Span expression;  // the date expression in the line; {0, 0} for "published"
  // Documents that refer to the date (its salience), and the line's score among the date's
  // sentences (cosine with their centroid, in [0, 1]).
  size_t date_documents = 0;
  double score = 0;
  std::vector<TimelineSource> also;  // the same content elsewhere (cosine >= redundancy)
};

struct TimelineOptions {
  // How many dates: 0 chooses by salience (dates referred to by at least
  // `min_date_documents` documents, at most `max_dates`).
  size_t dates = 0;
  size_t max_dates = 12;
  size_t min_date_documents = 2;
  size_t sentences_per_date = 1;
  // Date sentences with no expression by their document's date (as "published").
  bool publication_dates = true;
  size_t min_sentence_words = 6;
  size_t max_sentence_words = 50;
  double redundancy = 0.5;  // a sentence this close (cosine) to a chosen line is merged into it
  // Only a document's first sentences are dated by its day (its lead tells the day's news;
  // the rest is background, and reading fewer sentences is faster); 0: all.
  size_t publication_sentences = 5;
  // A date's salience: the documents that refer to it, each counted once at its strongest
  // reference: 1 for an expression in a document of another day, `same_day_weight` for one in
  // a document of that very day, `announced_weight` for one in a document published before the
  // day (a plan), `retrospective_weight` for one in a document published more than
  // `retrospective_days` after it (a day still recalled later mattered), `publication_weight`
  // for a document published that day (with `publication_dates`); times the weight of the
  // date's precision (a day 1; the announced and retrospective weights are for days only).
  // Tuned on ML-Crisis es and it (docs/QUALITY.md, "Timelines").
  double same_day_weight = 0.9;
  double announced_weight = 0.5;
  double retrospective_weight = 2.0;
  size_t retrospective_days = 7;
  double publication_weight = 0.7;
  double week_weight = 0.5;
  double month_weight = 0.25;
  double year_weight = 0.1;
  // A TIME expression that opens with a day ("vendredi soir": "2022-01-21TEV") dates its
  // sentence by that day, as a DATE would.
  bool time_days = true;
  // Only dates starting in [first_date, last_date] (ISO days; "" for no bound).
  std::string first_date;
  std::string last_date;
};

class TimelineBuilder {
 public:
  // Reads the stop words of every language folder of `data_dir`. Errors: an unreadable file.
  static Result<std::unique_ptr<TimelineBuilder>> Create(const std::string& data_dir);

  std::vector<TimelineEntry> Build(const std::vector<TimelineDocument>& documents,
                                   const TimelineOptions& options = {}) const;

 private:
  TimelineBuilder() = default;
  std::map<std::string, text::StopWords, std::less<>> stop_words_;
};

}  // namespace depeche::story

#endif  // DEPECHE_STORY_TIMELINE_H_
