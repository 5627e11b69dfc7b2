#include "server/response_cache.h"

#include <gtest/gtest.h>

#include "server/service.h"

namespace depeche::server {
namespace {

StoreChanges Stories(std::vector<std::string> ids) {
  StoreChanges c;
  c.changed = true;
  c.stories = std::move(ids);
  return c;
}

StoreChanges Everything() {
  StoreChanges c;
  c.changed = true;
  c.everything = true;
  return c;
}

// Counts the computations; each answer says which one made it.
class ResponseCacheTest : public ::testing::Test {
 protected:
  std::string Get(const std::string& key, std::vector<std::string> stories = {}, int status = 200,
                  bool keep = true) {
    return cache_
        .Get(key, cache_.Advance(StoreChanges{}),
             [&](CacheScope& scope) {
               scope.stories = stories;
               scope.keep = keep;
               Response r;
               r.status = status;
               r.body = key + "#" + std::to_string(++computed_);
               return r;
             })
        ->body;
  }
  ResponseCache cache_{1 << 20};
  int computed_ = 0;
};

TEST_F(ResponseCacheTest, AListIsKeptUntilAnyChange) {
  EXPECT_EQ(Get("list"), "list#1");
  EXPECT_EQ(Get("list"), "list#1");
  cache_.Advance(StoreChanges{});  // nothing changed
  EXPECT_EQ(Get("list"), "list#1");
  cache_.Advance(Stories({"s9"}));
  EXPECT_EQ(Get("list"), "list#2");
  EXPECT_EQ(cache_.counts().hits, 2);
  EXPECT_EQ(cache_.counts().misses, 2);
}

TEST_F(ResponseCacheTest, AStoryPageIsKeptUntilItsStoryChanges) {
  EXPECT_EQ(Get("a", {"sa"}), "a#1");
  EXPECT_EQ(Get("b", {"sb"}), "b#2");
  cache_.Advance(Stories({"sb", "sc"}));
  EXPECT_EQ(Get("a", {"sa"}), "a#1");
  EXPECT_EQ(Get("b", {"sb"}), "b#3");
  cache_.Advance(Everything());
  EXPECT_EQ(Get("a", {"sa"}), "a#4");
  EXPECT_EQ(Get("b", {"sb"}), "b#5");
  EXPECT_EQ(Get("b", {"sb"}), "b#5");
}

TEST_F(ResponseCacheTest, ErrorsAndUnkeptAnswersAreNotKept) {
  EXPECT_EQ(Get("missing", {}, 404), "missing#1");
  EXPECT_EQ(Get("missing", {}, 404), "missing#2");
  EXPECT_EQ(Get("prefix", {"s"}, 200, false), "prefix#3");
  EXPECT_EQ(Get("prefix", {"s"}, 200, false), "prefix#4");
  EXPECT_EQ(cache_.counts().entries, 0u);
}

TEST_F(ResponseCacheTest, AnAnswerComputedBeforeAChangeIsNotKeptPastIt) {
  // The computation starts in the epoch before the change and ends after it.
  const uint64_t before = cache_.Advance(StoreChanges{});
  auto answer = cache_.Get("a", before, [&](CacheScope& scope) {
    scope.stories = {"sa"};
    cache_.Advance(Stories({"sa"}));
    Response r;
    r.body = "stale";
    return r;
  });
  EXPECT_EQ(answer->body, "stale");
  EXPECT_EQ(Get("a", {"sa"}), "a#1");
}

TEST_F(ResponseCacheTest, OverTheBudgetEverythingIsDropped) {
  ResponseCache small(64);
  auto compute = [](CacheScope&) {
    Response r;
    r.body = std::string(40, 'x');
    return r;
  };
  small.Get("one", 0, compute);
  EXPECT_EQ(small.counts().entries, 1u);
  small.Get("two", 0, compute);
  EXPECT_EQ(small.counts().entries, 0u);
  EXPECT_EQ(small.counts().bytes, 0u);
}

}  // namespace
}  // namespace depeche::server
