// Watch queries: a stored search (text in the search language of `depeche search`, optional
// entity and language filters) whose new matches can be asked for since any time. Used by the
// Engine facade (depeche/engine.h), the CLI (`depeche watch`) and the HTTP API (/api/watches).
#ifndef DEPECHE_WATCH_H_
#define DEPECHE_WATCH_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "depeche/query.h"
#include "depeche/story.h"

namespace depeche {

// What Engine::AddWatch stores. `query` is checked by the search-query parser when added;
// `entity` (an id, a unique id prefix or a name, as SearchQuery::entity) and `lang` (an exact
// stored language code) are kept as written and applied at each Engine::WatchMatches.
struct WatchSpec {
  std::string query;
  std::optional<std::string> entity;
  std::optional<std::string> lang;
  std::optional<std::string> name;  // for people; not unique
};

struct Watch {
  std::string id;  // 16 hex digits
  std::string name;
  std::string query;
  std::string entity;      // "" when none
  std::string lang;        // "" when none
  int64_t created_at = 0;  // UTC seconds
};

// A story that holds matches of a watch: its summary row as Engine::Stories gives it (score
// and new_sources 0) and how many of the matching articles (copies included) it holds.
struct WatchStory {
  StorySummary story;
  int64_t matching_articles = 0;
};

struct WatchMatchSet {
  Watch watch;
  int64_t since = 0;  // UTC seconds: matches were ingested at or after it
  // Hits of the watch's search restricted to articles ingested since `since`, best first, one
  // per group of exact copies (SearchHit::article.ingested_at is set).
  std::vector<SearchHit> articles;
  // The stories of every matching article (not only the listed hits), most matching articles
  // first (ties: the story whose first match was stored first); at most the limit given for
  // articles.
  std::vector<WatchStory> stories;
};

}  // namespace depeche

#endif  // DEPECHE_WATCH_H_
