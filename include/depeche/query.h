// Query and result types of the article store, shared by the store and the Engine facade
// (depeche/engine.h) so that the store needs nothing of the engine.
#ifndef DEPECHE_QUERY_H_
#define DEPECHE_QUERY_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace depeche {

struct ArticleQuery {
  std::optional<std::string> lang;
  std::optional<std::string> source;
  int limit = 50;
  int offset = 0;
};

struct ArticleSummary {
  std::string id;
  std::string title;
  std::string source;
  std::string lang;
  std::string published;  // ISO at its precision, "" when unknown
  std::string path;       // origin path (files) or ""
  int64_t chars = 0;
  // The story it belongs to (the surviving story when its own was merged) and its duplicate
  // group (the id of the group's first article); "" before the story stage has seen it.
  std::string story_id;
  std::string group_id;
  int64_t ingested_at = 0;  // UTC seconds when it was stored
};

// A search: the query text in the search language (docs/CLI.md, "Search": words, "phrases",
// OR, -word / NOT word, prefix*) and filters, all of which must hold.
struct SearchQuery {
  std::string text;
  int limit = 10;  // hits (groups of copies) returned
  // Publication date bounds, ISO 8601 at any precision, inclusive: since 2022-01 keeps
  // articles published from 2022-01-01; until 2022-01 keeps those before 2022-02-01. An
  // article without a date is left out when either bound is given.
  std::optional<std::string> since;
  std::optional<std::string> until;
  std::optional<std::string> lang;    // exact stored language code
  std::optional<std::string> source;  // exact source
  std::optional<std::string> story;   // story id or unique prefix (a merged id: its survivor)
  // Articles naming this entity: its id, a unique id prefix or a name (Engine::GetEntity's
  // rules; a merged id: its survivor).
  std::optional<std::string> entity;
  // Articles stored (ingested) at or after this ISO 8601 date or time, at any precision (the
  // start of the period it names, UTC): what watch queries call new.
  std::optional<std::string> ingested_since;
};

struct SearchHit {
  ArticleSummary article;  // the best-ranked article of its group of exact copies
  std::string snippet;     // matched terms wrapped in [ ], at most about 300 characters
  double score = 0.0;      // higher is better
  // Other matching articles with the same content (same content_hash: the same text from
  // another source, URL or file), not listed as hits of their own.
  int64_t copies = 0;
};

struct Stats {
  int64_t articles = 0;
  int64_t sources = 0;
  int64_t bytes = 0;
  int schema_version = 0;
  std::string db_path;
  std::map<std::string, int64_t> by_lang;
  std::map<std::string, int64_t> by_source;
  std::string first_published;
  std::string last_published;
};

}  // namespace depeche

#endif  // DEPECHE_QUERY_H_
