// Stories and duplicate groups as the engine returns them (see Engine::Stories, GetStory,
// Duplicates).
#ifndef DEPECHE_STORY_H_
#define DEPECHE_STORY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "depeche/article.h"

namespace depeche {

// How Engine::Stories orders stories (docs/CLI.md, "stories").
enum class StorySort {
  // Distinct sources weighted by recency: each source of the story with an article in the
  // window counts 0.5^(age / 1 day), age = until minus the source's latest article in the
  // window (its first, when its latest is after until). The window defaults to the 7 days up
  // to the newest stored article. When nothing is dated, sorts as kSources.
  kTop,
  kActivity,  // latest article first (undated stories last, then by arrival)
  kSize,      // most articles first
  kSources,   // most distinct sources first
  // Most sources that joined the story in the last 2 days of the window first (a source joins
  // with its first article in the story), then kTop's score. Window as kTop.
  kGrowth,
};

// What Engine::Stories returns besides the stories: filled when StoryQuery::info is set.
struct StoryListInfo {
  int64_t total = 0;  // stories that matched before `limit` cut the list
  // The window used, ISO dates at second precision ("" when unbounded).
  std::string since;
  std::string until;
};

struct StoryQuery {
  StorySort sort = StorySort::kTop;
  // ISO dates bounding the window: a story is in it when its dated span [first, last] meets
  // [since, until]. A date without a time means the whole day (until 2017-03-02 ends at
  // 23:59:59). kTop and kGrowth default to the 7 days up to the newest stored article; the
  // other orders are unbounded by default (and then list undated stories too).
  std::optional<std::string> since;
  std::optional<std::string> until;
  std::optional<std::string> lang;  // stories with at least one article in this language
  // Stories with at least one article matching this text in the search language
  // (SearchQuery::text; the HTTP API's `q`). Errors: the search's (InvalidArgument).
  std::optional<std::string> text;
  int min_articles = 1;  // stories with at least this many stored articles
  int limit = 50;
  StoryListInfo* info = nullptr;  // not owned; receives the total and window when set
};

struct StorySummary {
  std::string id;
  // The most representative real headline among its articles (store/story_title.h): a stated
  // title over a caption or a lead sentence over a derived one, then the one sharing most
  // words with the story's top terms and names times the number of sources carrying it.
  std::string title;
  int64_t article_count = 0;
  int64_t source_count = 0;  // distinct non-empty sources
  // ISO dates of its earliest and latest dated articles, "" when none: each article's best date
  // (Article::date: stated, or inferred from its text and its story).
  std::string first_seen;
  std::string last_seen;
  std::vector<std::string> languages;
  std::string linked_story_id;  // an older story this one continues, "" when none
  // kTop and kGrowth only (0 otherwise): the recency-weighted source count and the sources
  // that joined in the last 2 days of the window.
  double score = 0.0;
  int64_t new_sources = 0;
};

struct StoryArticle {
  std::string id;
  std::string title;
  std::string source;
  std::string lang;
  std::string published;  // ISO at its precision, "" when unknown
  // Its best date (Article::date): `published` when it gives the day, else the inferred day;
  // with its provenance ("metadata", "url", "dateline", "inferred", "").
  std::string date;
  std::string date_provenance;
  std::string dup_group;    // duplicate group (id of its first article)
  std::string original_id;  // closest earlier near-duplicate (or exact copy), "" when none
  // Estimated Jaccard similarity of the article's shingles with original_id's (1 for an exact
  // copy), 0 when it has no original.
  double copy_similarity = 0.0;
  bool exact_copy = false;  // the same text as original_id (another record of it)
  double similarity = 0.0;  // with the story when it joined (0 for the opening article)
};

// One mention of a day in a story's articles.
struct EventDateMention {
  std::string article_id;
  uint32_t begin = 0;  // bytes of the article's text
  uint32_t end = 0;
  std::string text;  // the expression as written: "vendredi", "jeudi 17 février au soir"
};

// A day a story's articles mention, each expression resolved against its article's date
// ("vendredi" in an article of Tuesday 18 January 2022 is 2022-01-21).
struct StoryEventDate {
  std::string day;                         // ISO day: "2022-01-21"
  int64_t article_count = 0;               // articles that mention it
  int64_t mention_count = 0;               // mentions in all
  std::vector<EventDateMention> mentions;  // the first few, by article arrival then offset
};

// Where a fact of a story was read: an article, its source and best date, and the bytes of its
// text.
struct FactSource {
  std::string article_id;
  std::string source;
  std::string date;         // the article's best date (StoryArticle::date), "" when unknown
  std::vector<Span> spans;  // a quote's content spans, or a figure's span
  friend bool operator==(const FactSource&, const FactSource&) = default;
};

// One quotation of a story: the same words in several articles (copies, syndicated wire) are
// one quote with several sources.
struct StoryQuote {
  std::string kind;                 // "direct" or "indirect"
  std::string text;                 // the quoted words, its content spans joined with " … "
  std::vector<FactSource> sources;  // earliest date first, then arrival order
};

// The quotations of one speaker in a story: a canonical entity when the speaker is named (or is
// a pronoun whose antecedent is), else the description or name as written.
struct SpeakerQuotes {
  std::string speaker;    // the entity's canonical name, or the speaker as first written
  std::string entity_id;  // "" when the speaker is not linked to an entity
  // "entity" (linked), "name" (a name the resolver did not link), "description" (an unnamed
  // speaker: "un haut responsable du département d'État") or "none" (no speaker found).
  std::string speaker_kind;
  int64_t article_count = 0;       // articles quoting this speaker
  std::vector<StoryQuote> quotes;  // by their earliest source
};

// One figure of a story, with where it was read.
struct StoryFigure {
  double value = 0;
  std::optional<double> high;
  std::string bound;     // "exact", "approximate", "lower", "upper" (as Figure::bound)
  std::string unit;      // as Figure::unit
  std::string text;      // the figure as written: "plus de 150 000 soldats"
  std::string sentence;  // its sentence
  FactSource source;
};

// The figures of a story that count or measure the same thing ("soldat": the troops, whatever
// word each article used) of the same entity, from the earliest to the latest.
struct FigureGroup {
  std::string object;  // the normalised unit or counted object: "soldat", "dollar", "percent"
  // The place or organisation they belong to, when figures of the group name one right after
  // the counted noun ("soldats russes": Russie); "" when none does.
  std::string entity_id;
  std::string entity_name;
  int64_t article_count = 0;
  std::vector<StoryFigure> figures;  // by date, then arrival, then offset
};

// A headline of a story in one language: the most representative real headline among its
// articles in that language (chosen as StorySummary::title is, among those articles only).
struct StoryHeadline {
  std::string lang;
  std::string title;
  std::string article_id;  // the article that carries it (the first of its copies)
  friend bool operator==(const StoryHeadline&, const StoryHeadline&) = default;
};

// One line of a story's summary or timeline: a whole sentence of one article, and the other
// articles that said the same thing (copies, syndicated wire, other sources' wording).
struct StoryLine {
  std::string text;              // the sentence, runs of spaces and line breaks as one space
  FactSource source;             // its article and the sentence's bytes (one span)
  std::vector<FactSource> also;  // the same content in other articles, earliest date first
  friend bool operator==(const StoryLine&, const StoryLine&) = default;
};

// A story's summary in one of its other languages.
struct LanguageSummary {
  std::string lang;
  std::vector<StoryLine> lines;
  friend bool operator==(const LanguageSummary&, const LanguageSummary&) = default;
};

// One entry of a story's timeline: an event's date as its articles give it, and a line saying
// what happened then.
struct StoryTimelineEntry {
  // The date at its precision: "2022-01-21" (day), "2022-W04" (week), "2022-01" (month),
  // "2022" (year).
  std::string date;
  std::string precision;  // "day", "week", "month" or "year"
  // How the line's date was found: "stated" (written in full), "relative" (an expression such
  // as "vendredi" read against its article's date) or "published" (no expression: the date of
  // the article that reports it).
  std::string basis;
  // Uncertain: read against an article date that was itself inferred, or only the date of the
  // report ("published").
  bool inferred = false;
  std::string expression;     // the date expression as written in the line ("" for "published")
  int64_t article_count = 0;  // articles that refer to this date (exact copies once)
  StoryLine line;
  friend bool operator==(const StoryTimelineEntry&, const StoryTimelineEntry&) = default;
};

struct StoryDetail {
  StorySummary summary;
  std::vector<StoryArticle> articles;    // in arrival order
  std::vector<std::string> top_names;    // most frequent names over its articles
  std::vector<std::string> top_terms;    // content words most often among its articles' top terms
  std::vector<std::string> merged_from;  // story ids folded into this one
  std::string split_from;                // the story this one was split from ("" if none)
  std::vector<std::string> split_off;    // stories split from this one, oldest split first
  // The days its articles mention, most articles first, then most mentions, then the
  // earliest day (at most a dozen).
  std::vector<StoryEventDate> event_dates;
  // Its quotations by speaker (most articles first, then most quotes; the unattributed last),
  // and its figures grouped by what they count (most articles first). Read from at most
  // Engine's kStoryFactArticles latest articles.
  std::vector<SpeakerQuotes> quotes;
  std::vector<FigureGroup> figures;
  // One headline per language of its articles, the story's main language first (the one of
  // summary.title), then by article count.
  std::vector<StoryHeadline> headlines;
  // An extractive summary of its articles in its main language: central, self-contained
  // sentences, each fact once with all its sources, in the time order of their articles; the
  // first line never repeats the headline. With StoryOptions::since: what is new since then
  // (lines from the articles dated after it that older articles did not already say).
  std::vector<StoryLine> summary_lines;
  // For a multilingual story, a shorter summary of its articles in each other language (as
  // `headlines` orders them).
  std::vector<LanguageSummary> language_summaries;
  // Dated entries, earliest first (with StoryOptions::since: those reported since then).
  std::vector<StoryTimelineEntry> timeline;
  // The StoryOptions::since the summary and timeline answer ("" for the whole story).
  std::string since;
};

// What Engine::GetStory computes besides the stored story.
struct StoryOptions {
  // An ISO date or date-time: the summary and timeline say what is new since then (articles
  // whose best date, else arrival time, is after it). "" for the whole story.
  std::string since;
};

struct DuplicateGroup {
  std::string group_id;  // id of the group's first article
  // The group's best known title and date, whichever copy states them: a title stated by the
  // input over one derived from the text (then the earliest article's); among dates of day
  // precision or finer (else the coarser ones), the earliest day and in it the most precise
  // date; "" when none is known.
  std::string title;
  std::string published;
  int64_t source_count = 0;            // distinct non-empty sources
  std::vector<StoryArticle> articles;  // in arrival order, first the original
};

}  // namespace depeche

#endif  // DEPECHE_STORY_H_
