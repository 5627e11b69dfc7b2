// The route table: every endpoint in one place (docs/HTTP_API.md).
#include "server/handlers_watches.h"
#include "server/service.h"
#include "server/web_files.h"

namespace depeche::server {

const std::vector<Route>& Routes() {
  // A path segment: an id, a prefix, a name or a percent-decoded URL without '/'.
  static const std::vector<Route> kRoutes = {
      {"GET", "/health", "health", GetHealth},
      {"GET", "/metrics", "metrics", GetMetrics},
      {"POST", "/api/articles", "post_articles", PostArticles},
      // An article's key may be its URL: the path is decoded before matching, so "/" is in it.
      {"GET", "/api/articles/(.+)", "article", GetArticle},
      {"GET", "/api/stories", "stories", GetStories},
      {"GET", "/api/stories/([^/]+)", "story", GetStory},
      {"GET", "/api/stories/([^/]+)/timeline", "story_timeline", GetTimeline},
      {"GET", "/api/search", "search", GetSearch},
      {"GET", "/api/entities", "entities", GetEntities},
      {"GET", "/api/entities/([^/]+)", "entity", GetEntityById},
      {"POST", "/api/watches", "post_watch", PostWatch},
      {"GET", "/api/watches", "watches", GetWatches},
      {"GET", "/api/watches/([^/]+)", "watch", GetWatchById},
      {"GET", "/api/watches/([^/]+)/matches", "watch_matches", GetWatchMatches},
      {"DELETE", "/api/watches/([^/]+)", "delete_watch", DeleteWatch},
      // The dashboard (web/, docs/DASHBOARD.md): index.html at /, the other files by name.
      {"GET", "/", "web", GetWebFile},
      {"GET", "/static/([A-Za-z0-9_.-]+)", "web", GetWebFile},
  };
  return kRoutes;
}

}  // namespace depeche::server
