// GET /api/stories, /api/stories/{id}, /api/stories/{id}/timeline: the documents of
// `depeche stories --json` and `depeche story --json` (api/json.h).
#include <map>

#include "api/json.h"
#include "server/service.h"

namespace depeche::server {
namespace {

constexpr int kStoryEntities = 20;  // as `depeche story`

Result<StoryDetail> ReadStory(Engine& engine, const Request& request) {
  StoryOptions options;
  options.since = Param(request, "since");
  return engine.GetStory(request.captures.at(0), options);
}

}  // namespace

Response GetStories(Service& service, const Request& request) {
  static const std::map<std::string, StorySort> kSorts = {{"top", StorySort::kTop},
                                                          {"activity", StorySort::kActivity},
                                                          {"size", StorySort::kSize},
                                                          {"sources", StorySort::kSources},
                                                          {"growth", StorySort::kGrowth}};
  StoryQuery q;
  const std::string sort = Param(request, "sort");
  if (!sort.empty()) {
    auto it = kSorts.find(sort);
    if (it == kSorts.end()) {
      return ErrorResponse(FromStatus(
          InvalidArgumentError("sort must be top, activity, size, sources or growth: " + sort)));
    }
    q.sort = it->second;
  }
  auto limit = LimitParam(request, 50, service.limits().max_limit);
  if (!limit.ok()) return ErrorResponse(FromStatus(limit.status()));
  q.limit = *limit;
  for (const char* name : {"since", "until", "lang"}) {
    const std::string value = Param(request, name);
    if (value.empty()) continue;
    if (std::string(name) == "since") q.since = value;
    if (std::string(name) == "until") q.until = value;
    if (std::string(name) == "lang") q.lang = value;
  }
  auto engine = service.Read();
  if (!engine.ok()) return ErrorResponse(FromStatus(engine.status()));
  auto list = (*engine)->Stories(q);
  if (!list.ok()) return ErrorResponse(FromStatus(list.status()));
  return JsonResponse(api::StoriesJson(*list));
}

Response GetStory(Service& service, const Request& request) {
  auto engine = service.Read();
  if (!engine.ok()) return ErrorResponse(FromStatus(engine.status()));
  auto story = ReadStory(**engine, request);
  if (!story.ok()) return ErrorResponse(FromStatus(story.status()));
  auto entities = (*engine)->EntitiesOfStory(story->summary.id, kStoryEntities);
  if (!entities.ok()) return ErrorResponse(FromStatus(entities.status()));
  return JsonResponse(api::StoryJson(**engine, *story, *entities));
}

Response GetTimeline(Service& service, const Request& request) {
  auto engine = service.Read();
  if (!engine.ok()) return ErrorResponse(FromStatus(engine.status()));
  auto story = ReadStory(**engine, request);
  if (!story.ok()) return ErrorResponse(FromStatus(story.status()));
  api::ArticleCharOffsets chars(**engine);
  return JsonResponse(api::TimelineJson(chars, story->timeline));
}

}  // namespace depeche::server
