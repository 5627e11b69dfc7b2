// POST, GET and DELETE /api/watches...: watch queries through the Engine (AddWatch ..
// WatchMatches), the same documents as `depeche watch --json` (api/json.h).
#include "server/handlers_watches.h"

#include <string_view>

#include "api/json.h"

namespace depeche::server {
namespace {

Result<WatchSpec> ParseSpec(const std::string& body) {
  const char* kShape =
      "the body must be a JSON object {\"query\": ..., \"entity\"?: ..., \"lang\"?: ..., "
      "\"name\"?: ...} with string values";
  // One flat object: anything nested is refused before parsing.
  if (JsonDepth(body) > 1) return InvalidArgumentError(kShape);
  nlohmann::json j = nlohmann::json::parse(body, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return InvalidArgumentError(kShape);
  WatchSpec spec;
  for (const auto& [key, value] : j.items()) {
    if (value.is_null()) continue;
    if (!value.is_string()) return InvalidArgumentError(key + ": not a string");
    const std::string text = value.get<std::string>();
    if (key == "query") {
      spec.query = text;
    } else if (key == "entity" || key == "lang" || key == "name") {
      if (text.empty()) continue;
      (key == "entity" ? spec.entity : key == "lang" ? spec.lang : spec.name) = text;
    } else {
      return InvalidArgumentError("unknown field \"" + key + "\": " + kShape);
    }
  }
  if (spec.query.empty()) return InvalidArgumentError("query: a watch needs a search query");
  return spec;
}

}  // namespace

Response PostWatch(Service& service, const Request& request) {
  auto spec = ParseSpec(request.body);
  if (!spec.ok()) return ErrorResponse(FromStatus(spec.status()));
  auto watch = service.Write([&](Engine& engine) { return engine.AddWatch(*spec); });
  if (!watch.ok()) return ErrorResponse(FromStatus(watch.status()));
  return JsonResponse(api::ToJson(*watch), 201);
}

Response GetWatches(Service& service, const Request&) {
  auto engine = service.Read();
  if (!engine.ok()) return ErrorResponse(FromStatus(engine.status()));
  auto watches = (*engine)->ListWatches();
  if (!watches.ok()) return ErrorResponse(FromStatus(watches.status()));
  return JsonResponse(api::JsonArray(*watches));
}

Response GetWatchById(Service& service, const Request& request) {
  auto engine = service.Read();
  if (!engine.ok()) return ErrorResponse(FromStatus(engine.status()));
  auto watch = (*engine)->GetWatch(request.captures.at(0));
  if (!watch.ok()) return ErrorResponse(FromStatus(watch.status()));
  return JsonResponse(api::ToJson(*watch));
}

Response GetWatchMatches(Service& service, const Request& request) {
  auto limit = LimitParam(request, 50, service.limits().max_limit);
  if (!limit.ok()) return ErrorResponse(FromStatus(limit.status()));
  auto engine = service.Read();
  if (!engine.ok()) return ErrorResponse(FromStatus(engine.status()));
  auto matches = (*engine)->WatchMatches(request.captures.at(0), Param(request, "since"), *limit);
  if (!matches.ok()) return ErrorResponse(FromStatus(matches.status()));
  return JsonResponse(api::WatchMatchesJson(*matches));
}

Response DeleteWatch(Service& service, const Request& request) {
  auto removed =
      service.Write([&](Engine& engine) { return engine.RemoveWatch(request.captures.at(0)); });
  if (!removed.ok()) return ErrorResponse(FromStatus(removed.status()));
  Response out;
  out.status = 204;
  out.content_type = "text/plain";
  return out;
}

}  // namespace depeche::server
