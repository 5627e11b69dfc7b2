// Answers of read endpoints, kept until the store changes in a way that may alter them, so
// that hot GETs (the story list, the top stories' pages) do not read the store again.
//
// Validation: every change the Service sees (Engine::ChangesSince, polled before each lookup)
// opens an epoch. An answer is kept with the epoch its computation started in and what it
// depends on: the whole store (a list: any later change drops it) or some stories (a story
// page: only a later change to one of them, or to every story, drops it). So a writer's
// commit that touches ten stories leaves the other stories' pages cached.
// Only answers with status 200 are kept; when the kept bytes pass the budget, all are dropped.
//
// Single flight: concurrent requests for the same key, in the same epoch, wait for one
// computation instead of each reading the store.
//
// Thread-safe.
#ifndef DEPECHE_SERVER_RESPONSE_CACHE_H_
#define DEPECHE_SERVER_RESPONSE_CACHE_H_

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "depeche/changes.h"

namespace depeche::server {

struct Response;

// What a computed answer depends on; the computation fills it.
struct CacheScope {
  bool keep = true;                  // false: answer this request only (e.g. a prefix key)
  std::vector<std::string> stories;  // empty: the whole store
};

class ResponseCache {
 public:
  explicit ResponseCache(size_t max_bytes) : max_bytes_(max_bytes) {}
  ResponseCache(const ResponseCache&) = delete;
  ResponseCache& operator=(const ResponseCache&) = delete;

  // Records a change seen in the store (nothing when !changes.changed); returns the epoch now.
  uint64_t Advance(const StoreChanges& changes);

  // The answer for `key`: the cached one while valid in `epoch` (the caller's Advance result,
  // taken after its poll), else what `compute` returns (kept when its status is 200 and
  // scope.keep).
  std::shared_ptr<const Response> Get(const std::string& key, uint64_t epoch,
                                      const std::function<Response(CacheScope&)>& compute);

  struct Counts {
    int64_t hits = 0;
    int64_t misses = 0;
    int64_t waits = 0;  // requests that waited for another's computation
    size_t entries = 0;
    size_t bytes = 0;
  };
  Counts counts() const;

 private:
  struct Slot {
    uint64_t epoch = 0;
    bool ready = false;
    CacheScope scope;
    std::shared_ptr<const Response> answer;
    size_t bytes = 0;
  };
  bool ValidLocked(const Slot& slot) const;

  const size_t max_bytes_;
  mutable std::mutex mu_;
  std::condition_variable done_;
  uint64_t epoch_ = 0;
  uint64_t last_change_ = 0;      // epoch of the latest change of any kind
  uint64_t last_everything_ = 0;  // epoch of the latest change that may touch any story
  std::unordered_map<std::string, uint64_t> story_epochs_;  // story id -> latest change
  std::unordered_map<std::string, std::shared_ptr<Slot>> slots_;
  size_t bytes_ = 0;
  Counts counts_;
};

}  // namespace depeche::server

#endif  // DEPECHE_SERVER_RESPONSE_CACHE_H_
