// GET /api/stories, /api/stories/{id}, /api/stories/{id}/timeline: the documents of
// `depeche stories --json` and `depeche story --json` (api/json.h).
#include <cstdio>
#include <map>

#include "api/json.h"
#include "server/service.h"

namespace depeche::server {
namespace {

constexpr int kStoryEntities = 20;  // as `depeche story`
// How far a cursor may lead into one listing.
constexpr int kMaxPosition = 100000;

// The cursor of the page after `position` stories: opaque to clients ("p" and the position in
// hexadecimal; a sort key once the engine can list after one).
std::string CursorAt(int position) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "p%x", position);
  return buf;
}

Result<int> PositionOf(const std::string& cursor) {
  if (cursor.empty()) return 0;
  int position = 0;
  bool ok = cursor.size() >= 2 && cursor.size() <= 6 && cursor[0] == 'p';
  for (size_t i = 1; ok && i < cursor.size(); ++i) {
    const char c = cursor[i];
    const int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    ok = digit >= 0;
    position = position * 16 + digit;
  }
  if (!ok || position > kMaxPosition) {
    return InvalidArgumentError("cursor is not one this server gave: " + cursor);
  }
  return position;
}

Result<StoryDetail> ReadStory(Engine& engine, const Request& request) {
  StoryOptions options;
  options.since = Param(request, "since");
  return engine.GetStory(request.captures.at(0), options);
}

// A story's page depends on that story alone (its articles, splits and merges are changes of
// it; an entity merge is a change of every story). Kept only when the path names the story by
// its full id: a prefix may become ambiguous, and an article or a merged story's id may come
// to name another story, without a change of this one.
void ScopeOfStory(const Request& request, const std::string& story_id, CacheScope& scope) {
  scope.stories = {story_id};
  scope.keep = request.captures.at(0) == story_id;
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
  auto position = PositionOf(Param(request, "cursor"));
  if (!position.ok()) return ErrorResponse(FromStatus(position.status()));
  // The engine lists from the top: the page is what follows the cursor's position.
  q.limit = *position + *limit;
  for (const char* name : {"since", "until", "lang", "q"}) {
    const std::string value = Param(request, name);
    if (value.empty()) continue;
    if (std::string(name) == "since") q.since = value;
    if (std::string(name) == "until") q.until = value;
    if (std::string(name) == "lang") q.lang = value;
    if (std::string(name) == "q") q.text = value;  // stories with an article matching it
  }
  // Any change to the store may change the list: the cache keeps it for the whole store.
  return service.Cached(request, [&](CacheScope&) {
    auto engine = service.Read();
    if (!engine.ok()) return ErrorResponse(FromStatus(engine.status()));
    auto list = (*engine)->Stories(q);
    if (!list.ok()) return ErrorResponse(FromStatus(list.status()));
    std::vector<StorySummary> page;
    for (size_t i = static_cast<size_t>(*position); i < list->size(); ++i) {
      page.push_back((*list)[i]);
    }
    Response out = JsonResponse(api::StoriesJson(page));
    // A full page: there may be more, after it.
    if (static_cast<int>(page.size()) == *limit && *position + *limit <= kMaxPosition) {
      out.headers.emplace_back("X-Next-Cursor", CursorAt(*position + *limit));
    }
    return out;
  });
}

namespace {

// The answer about the story the request names, cached: read with a read-only engine, the
// cache scope set to that story, then rendered by `render(engine, story)`.
template <typename Render>
Response StoryAnswer(Service& service, const Request& request, Render render) {
  return service.Cached(request, [&](CacheScope& scope) {
    auto engine = service.Read();
    if (!engine.ok()) return ErrorResponse(FromStatus(engine.status()));
    auto story = ReadStory(**engine, request);
    if (!story.ok()) return ErrorResponse(FromStatus(story.status()));
    ScopeOfStory(request, story->summary.id, scope);
    return render(**engine, *story);
  });
}

}  // namespace

Response GetStory(Service& service, const Request& request) {
  return StoryAnswer(service, request, [](Engine& engine, const StoryDetail& story) {
    auto entities = engine.EntitiesOfStory(story.summary.id, kStoryEntities);
    if (!entities.ok()) return ErrorResponse(FromStatus(entities.status()));
    return JsonResponse(api::StoryJson(engine, story, *entities));
  });
}

Response GetTimeline(Service& service, const Request& request) {
  return StoryAnswer(service, request, [](Engine& engine, const StoryDetail& story) {
    api::ArticleCharOffsets chars(engine);
    return JsonResponse(api::TimelineJson(chars, story.timeline));
  });
}

}  // namespace depeche::server
