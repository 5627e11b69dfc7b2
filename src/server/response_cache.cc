#include "server/response_cache.h"

#include <exception>
#include <utility>

#include "server/http_error.h"
#include "server/service.h"

namespace depeche::server {

uint64_t ResponseCache::Advance(const StoreChanges& changes) {
  std::lock_guard<std::mutex> lock(mu_);
  if (!changes.changed) return epoch_;
  ++epoch_;
  last_change_ = epoch_;
  if (changes.everything) {
    // Every older story epoch is now below last_everything_: nothing left to compare.
    last_everything_ = epoch_;
    story_epochs_.clear();
  } else {
    for (const std::string& story : changes.stories) story_epochs_[story] = epoch_;
  }
  return epoch_;
}

bool ResponseCache::ValidLocked(const Slot& slot) const {
  if (slot.scope.stories.empty()) return last_change_ <= slot.epoch;
  if (last_everything_ > slot.epoch) return false;
  for (const std::string& story : slot.scope.stories) {
    auto it = story_epochs_.find(story);
    if (it != story_epochs_.end() && it->second > slot.epoch) return false;
  }
  return true;
}

std::shared_ptr<const Response> ResponseCache::Get(
    const std::string& key, uint64_t epoch, const std::function<Response(CacheScope&)>& compute) {
  auto mine = std::make_shared<Slot>();
  mine->epoch = epoch;
  {
    std::unique_lock<std::mutex> lock(mu_);
    auto it = slots_.find(key);
    if (it != slots_.end()) {
      std::shared_ptr<Slot> slot = it->second;
      if (slot->ready && ValidLocked(*slot)) {
        ++counts_.hits;
        return slot->answer;
      }
      // A computation in flight is joined only when nothing changed since it started: what
      // it depends on is not known before it ends.
      if (!slot->ready && last_change_ <= slot->epoch && epoch <= slot->epoch) {
        ++counts_.waits;
        done_.wait(lock, [&slot] { return slot->ready; });
        return slot->answer;
      }
      if (slot->ready) bytes_ -= slot->bytes;
    }
    ++counts_.misses;
    slots_[key] = mine;
  }
  CacheScope scope;
  std::shared_ptr<const Response> answer;
  try {
    answer = std::make_shared<const Response>(compute(scope));
  } catch (const std::exception& e) {
    // Waiters must not wait forever for an answer that threw.
    scope.keep = false;
    answer = std::make_shared<const Response>(
        ErrorResponse({500, "internal", std::string("the server failed: ") + e.what()}));
  }
  {
    std::lock_guard<std::mutex> lock(mu_);
    mine->answer = answer;
    mine->scope = std::move(scope);
    mine->ready = true;
    auto it = slots_.find(key);
    const bool current = it != slots_.end() && it->second == mine;
    if (current && mine->scope.keep && answer->status == 200) {
      mine->bytes = key.size() + answer->body.size();
      bytes_ += mine->bytes;
      if (bytes_ > max_bytes_) {
        for (auto s = slots_.begin(); s != slots_.end();) {
          s = s->second->ready ? slots_.erase(s) : std::next(s);
        }
        bytes_ = 0;
      }
    } else if (current) {
      slots_.erase(it);
    }
  }
  done_.notify_all();
  return answer;
}

ResponseCache::Counts ResponseCache::counts() const {
  std::lock_guard<std::mutex> lock(mu_);
  Counts out = counts_;
  out.entries = slots_.size();
  out.bytes = bytes_;
  return out;
}

}  // namespace depeche::server
