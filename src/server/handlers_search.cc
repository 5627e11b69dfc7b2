// GET /api/search: the document of `depeche search --json` (api/json.h), with the CLI's query
// syntax and filters.
#include "api/json.h"
#include "server/service.h"

namespace depeche::server {

Response GetSearch(Service& service, const Request& request) {
  SearchQuery q;
  q.text = Param(request, "q");
  if (q.text.empty()) {
    return ErrorResponse(FromStatus(InvalidArgumentError("q (what to find) is required")));
  }
  auto limit = LimitParam(request, q.limit, service.limits().max_limit);
  if (!limit.ok()) return ErrorResponse(FromStatus(limit.status()));
  q.limit = *limit;
  auto optional = [&](const char* name) {
    const std::string value = Param(request, name);
    return value.empty() ? std::nullopt : std::optional<std::string>(value);
  };
  q.since = optional("since");
  q.until = optional("until");
  q.lang = optional("lang");
  q.source = optional("source");
  q.story = optional("story");
  q.entity = optional("entity");
  auto engine = service.Read();
  if (!engine.ok()) return ErrorResponse(FromStatus(engine.status()));
  auto hits = (*engine)->Search(q);
  if (!hits.ok()) return ErrorResponse(FromStatus(hits.status()));
  return JsonResponse(api::SearchJson(*hits));
}

}  // namespace depeche::server
