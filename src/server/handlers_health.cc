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
  const DigestRefresher::Counts digests = service.digest_counts();
  text += "# HELP depeche_digest_refreshes_total Background refreshes of story digests.\n";
  text += "# TYPE depeche_digest_refreshes_total counter\n";
  text += "depeche_digest_refreshes_total " + std::to_string(digests.runs) + "\n";
  text += "# HELP depeche_digest_refresh_failures_total Refreshes that failed.\n";
  text += "# TYPE depeche_digest_refresh_failures_total counter\n";
  text += "depeche_digest_refresh_failures_total " + std::to_string(digests.failures) + "\n";
  text += "# HELP depeche_digests_waiting Stories whose digest waits for a refresh.\n";
  text += "# TYPE depeche_digests_waiting gauge\n";
  text += "depeche_digests_waiting " + std::to_string(digests.waiting) + "\n";
  text += service.metrics().Text();
  return {200, "text/plain; version=0.0.4", text, {}};
}

}  // namespace depeche::server
