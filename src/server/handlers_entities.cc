// GET /api/entities and /api/entities/{id}: the documents of `depeche entities --json` and
// `depeche entity --json` (api/json.h).
#include "api/json.h"
#include "server/service.h"

namespace depeche::server {

Response GetEntities(Service& service, const Request& request) {
  EntityQuery q;
  auto limit = LimitParam(request, 50, service.limits().max_limit);
  if (!limit.ok()) return ErrorResponse(FromStatus(limit.status()));
  q.limit = *limit;
  // Word prefixes of the canonical name or an alias, accents and case ignored.
  const std::string name = Param(request, "q");
  if (!name.empty()) q.name = name;
  const std::string story = Param(request, "story");
  const std::string type = Param(request, "type");
  const std::string since = Param(request, "since");
  if (!story.empty()) q.story = story;
  if (!type.empty()) q.type = type;
  if (!since.empty()) q.since = since;
  auto engine = service.Read();
  if (!engine.ok()) return ErrorResponse(FromStatus(engine.status()));
  auto list = (*engine)->Entities(q);
  if (!list.ok()) return ErrorResponse(FromStatus(list.status()));
  return JsonResponse(api::EntitiesJson(*list));
}

Response GetEntityById(Service& service, const Request& request) {
  auto limit = LimitParam(request, 50, service.limits().max_limit);
  if (!limit.ok()) return ErrorResponse(FromStatus(limit.status()));
  auto engine = service.Read();
  if (!engine.ok()) return ErrorResponse(FromStatus(engine.status()));
  auto entity = (*engine)->GetEntity(request.captures.at(0), *limit, *limit);
  if (!entity.ok()) return ErrorResponse(FromStatus(entity.status()));
  return JsonResponse(api::EntityJson(*entity));
}

}  // namespace depeche::server
