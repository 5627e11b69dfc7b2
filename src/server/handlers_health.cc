// GET /health and GET /metrics.
#include "server/service.h"

namespace depeche::server {
namespace {

// Every stored story, counted by the store (the list itself is not read: limit 1).
Result<int64_t> StoryCount(Engine& engine) {
  StoryQuery q;
  q.sort = StorySort::kActivity;  // unbounded: undated stories count too
  q.limit = 1;
  StoryListInfo info;
  q.info = &info;
  auto list = engine.Stories(q);
  if (!list.ok()) return list.status();
  return info.total;
}

}  // namespace

Response GetHealth(Service& service, const Request&) {
  auto engine = service.Read();
  if (!engine.ok()) return ErrorResponse(FromStatus(engine.status()));
  auto stats = (*engine)->GetStats();
  if (!stats.ok()) return ErrorResponse(FromStatus(stats.status()));
  return JsonResponse(
      {{"status", "ok"}, {"schema_version", stats->schema_version}, {"articles", stats->articles}});
}

Response GetMetrics(Service& service, const Request&) {
  auto engine = service.Read();
  if (!engine.ok()) return ErrorResponse(FromStatus(engine.status()));
  auto stats = (*engine)->GetStats();
  if (!stats.ok()) return ErrorResponse(FromStatus(stats.status()));
  auto stories = StoryCount(**engine);
  if (!stories.ok()) return ErrorResponse(FromStatus(stories.status()));
  std::string text;
  text += "# HELP depeche_articles_total Articles stored.\n";
  text += "# TYPE depeche_articles_total gauge\n";
  text += "depeche_articles_total " + std::to_string(stats->articles) + "\n";
  text += "# HELP depeche_stories_total Stories stored.\n";
  text += "# TYPE depeche_stories_total gauge\n";
  text += "depeche_stories_total " + std::to_string(*stories) + "\n";
  text += service.metrics().Text();
  return {200, "text/plain; version=0.0.4", text, {}};
}

}  // namespace depeche::server
