// The digests (summary, timeline) of the stories the server's ingests change, refreshed off the
// request path. POST /api/articles ingests with IngestOptions::refresh_digests off and hands its
// stories here; one background thread refreshes them once the ingests pause (`quiet`), or at
// the latest `max_delay` after the first one waiting, so that a story growing at every request
// is summarised once per burst instead of once per request (a 200-article story's digest takes
// about 40 ms, more than the 10 articles of the request). Until then a read computes the
// digest it needs: the stored digests are keyed on their inputs, never served stale.
//
// Thread safety: Add may be called from any thread; `refresh` runs on the refresher's thread.
#ifndef DEPECHE_SERVER_DIGEST_REFRESHER_H_
#define DEPECHE_SERVER_DIGEST_REFRESHER_H_

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "depeche/status.h"

namespace depeche::server {

class DigestRefresher {
 public:
  using Refresh = std::function<Status(const std::vector<std::string>& story_ids)>;
  DigestRefresher(Refresh refresh, std::chrono::milliseconds quiet,
                  std::chrono::milliseconds max_delay);
  // Refreshes what is still waiting, then stops the thread.
  ~DigestRefresher();
  DigestRefresher(const DigestRefresher&) = delete;
  DigestRefresher& operator=(const DigestRefresher&) = delete;

  // Stories whose articles changed (ids; duplicates and empty ids are fine).
  void Add(const std::vector<std::string>& story_ids);

  struct Counts {
    int64_t runs = 0;      // refresh calls made
    int64_t stories = 0;   // stories handed to them
    int64_t failures = 0;  // calls that returned an error (their stories are dropped)
    int64_t waiting = 0;   // stories waiting now
  };
  Counts counts() const;

 private:
  void Run();

  Refresh refresh_;
  const std::chrono::milliseconds quiet_;
  const std::chrono::milliseconds max_delay_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::set<std::string> waiting_;
  std::chrono::steady_clock::time_point first_added_;
  std::chrono::steady_clock::time_point last_added_;
  bool stop_ = false;
  Counts counts_;
  std::thread thread_;  // last: started once everything above is set
};

}  // namespace depeche::server

#endif  // DEPECHE_SERVER_DIGEST_REFRESHER_H_
