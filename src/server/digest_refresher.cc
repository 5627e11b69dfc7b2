#include "server/digest_refresher.h"

#include <utility>

namespace depeche::server {

DigestRefresher::DigestRefresher(Refresh refresh, std::chrono::milliseconds quiet,
                                 std::chrono::milliseconds max_delay)
    : refresh_(std::move(refresh)),
      quiet_(quiet),
      max_delay_(max_delay),
      thread_([this] { Run(); }) {}

DigestRefresher::~DigestRefresher() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void DigestRefresher::Add(const std::vector<std::string>& story_ids) {
  bool added = false;
  {
    std::lock_guard<std::mutex> lock(mu_);
    const auto now = std::chrono::steady_clock::now();
    for (const std::string& id : story_ids) {
      if (id.empty()) continue;
      if (waiting_.empty()) first_added_ = now;
      added |= waiting_.insert(id).second;
      last_added_ = now;
    }
    counts_.waiting = static_cast<int64_t>(waiting_.size());
  }
  if (added) cv_.notify_all();
}

DigestRefresher::Counts DigestRefresher::counts() const {
  std::lock_guard<std::mutex> lock(mu_);
  return counts_;
}

void DigestRefresher::Run() {
  std::unique_lock<std::mutex> lock(mu_);
  while (true) {
    cv_.wait(lock, [this] { return stop_ || !waiting_.empty(); });
    // Wait for a pause in the ingests, but not past max_delay after the first story waiting.
    while (!stop_) {
      const auto due = std::min(last_added_ + quiet_, first_added_ + max_delay_);
      if (std::chrono::steady_clock::now() >= due) break;
      cv_.wait_until(lock, due);
    }
    if (waiting_.empty()) return;  // stopping with nothing to do
    std::vector<std::string> ids(waiting_.begin(), waiting_.end());
    waiting_.clear();
    counts_.waiting = 0;
    const bool stopping = stop_;
    lock.unlock();
    const Status status = refresh_(ids);
    lock.lock();
    ++counts_.runs;
    counts_.stories += static_cast<int64_t>(ids.size());
    if (!status.ok()) ++counts_.failures;
    if (stopping && waiting_.empty()) return;
  }
}

}  // namespace depeche::server
