#include "server/digest_refresher.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace depeche::server {
namespace {

using std::chrono::milliseconds;

// What the refresher handed over, call by call.
struct Recorder {
  std::mutex mu;
  std::vector<std::vector<std::string>> calls;
  DigestRefresher::Refresh Fn(Status result = Status::Ok()) {
    return [this, result](const std::vector<std::string>& ids) {
      std::lock_guard<std::mutex> lock(mu);
      calls.push_back(ids);
      return result;
    };
  }
  size_t Calls() {
    std::lock_guard<std::mutex> lock(mu);
    return calls.size();
  }
};

TEST(DigestRefresherTest, ABurstIsRefreshedOnceWithEveryStoryOnce) {
  Recorder rec;
  {
    // A pause far longer than the burst: the three adds end in one call.
    DigestRefresher refresher(rec.Fn(), milliseconds(200), milliseconds(60000));
    refresher.Add({"b", "a"});
    refresher.Add({"a", ""});
    refresher.Add({"c"});
    EXPECT_EQ(refresher.counts().waiting, 3);
    for (int i = 0; i < 400 && rec.Calls() == 0; ++i) std::this_thread::sleep_for(milliseconds(5));
    ASSERT_EQ(rec.Calls(), 1u);
    EXPECT_EQ(rec.calls[0], (std::vector<std::string>{"a", "b", "c"}));
    EXPECT_EQ(refresher.counts().runs, 1);
    EXPECT_EQ(refresher.counts().stories, 3);
    EXPECT_EQ(refresher.counts().waiting, 0);
  }
  EXPECT_EQ(rec.Calls(), 1u);  // nothing left to flush
}

TEST(DigestRefresherTest, WhatWaitsIsRefreshedWhenItStops) {
  Recorder rec;
  {
    DigestRefresher refresher(rec.Fn(), milliseconds(60000), milliseconds(60000));
    refresher.Add({"x"});
  }
  ASSERT_EQ(rec.Calls(), 1u);
  EXPECT_EQ(rec.calls[0], (std::vector<std::string>{"x"}));
}

TEST(DigestRefresherTest, SteadyAddsAreRefreshedWithinTheLongestWait) {
  Recorder rec;
  DigestRefresher refresher(rec.Fn(), milliseconds(10000), milliseconds(100));
  // Adds every 10 ms never leave a 10 s pause: only the longest wait brings a refresh.
  for (int i = 0; i < 300 && rec.Calls() == 0; ++i) {
    refresher.Add({std::to_string(i % 7)});
    std::this_thread::sleep_for(milliseconds(10));
  }
  EXPECT_GE(rec.Calls(), 1u);
}

TEST(DigestRefresherTest, FailuresAreCounted) {
  Recorder rec;
  {
    DigestRefresher refresher(rec.Fn(InternalError("disk full")), milliseconds(1), milliseconds(1));
    refresher.Add({"a"});
    for (int i = 0; i < 400 && refresher.counts().failures == 0; ++i) {
      std::this_thread::sleep_for(milliseconds(5));
    }
    EXPECT_EQ(refresher.counts().failures, 1);
  }
}

}  // namespace
}  // namespace depeche::server
