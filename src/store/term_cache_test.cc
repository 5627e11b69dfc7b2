#include "store/term_cache.h"

#include <gtest/gtest.h>

#include <string>

namespace depeche::store {
namespace {

// prefix + i (built with append: GCC 12 warns falsely on "literal" + std::string here).
std::string Key(const char* prefix, int i) {
  std::string out(prefix);
  out.append(std::to_string(i));
  return out;
}

TermCache::Terms Lookup(const TermCache& cache, const std::string& word, bool* found) {
  TermCache::Terms terms;
  *found = cache.Find(word, TermCache::Hash(word), &terms);
  return terms;
}

TEST(TermCacheTest, FindsWhatWasInserted) {
  TermCache cache(100);
  bool found = true;
  Lookup(cache, "négociations", &found);
  EXPECT_FALSE(found);
  cache.Insert("négociations", TermCache::Hash("négociations"), "negoci", "");
  cache.Insert("négocié", TermCache::Hash("négocié"), "negoci", "negoc");
  cache.Insert("", TermCache::Hash(""), "", "");
  TermCache::Terms t = Lookup(cache, "négociations", &found);
  ASSERT_TRUE(found);
  EXPECT_EQ(t.primary, "negoci");
  EXPECT_EQ(t.variant, "");
  t = Lookup(cache, "négocié", &found);
  ASSERT_TRUE(found);
  EXPECT_EQ(t.primary, "negoci");
  EXPECT_EQ(t.variant, "negoc");
  Lookup(cache, "", &found);
  EXPECT_TRUE(found);
  Lookup(cache, "négocier", &found);
  EXPECT_FALSE(found);
  EXPECT_EQ(cache.size(), 3u);
}

TEST(TermCacheTest, GrowsKeepingEntriesThenClearsWhenFull) {
  TermCache cache(5000);
  for (int i = 0; i < 5000; ++i) {
    std::string w = Key("w", i);
    cache.Insert(w, TermCache::Hash(w), Key("t", i), i % 2 ? "v" : "");
  }
  EXPECT_EQ(cache.size(), 5000u);
  for (int i = 0; i < 5000; ++i) {
    bool found = false;
    TermCache::Terms t = Lookup(cache, Key("w", i), &found);
    ASSERT_TRUE(found) << i;
    EXPECT_EQ(t.primary, Key("t", i));
    EXPECT_EQ(t.variant, i % 2 ? "v" : "");
  }
  cache.Insert("extra", TermCache::Hash("extra"), "x", "");  // full: starts over
  EXPECT_EQ(cache.size(), 1u);
  bool found = true;
  Lookup(cache, "w1", &found);
  EXPECT_FALSE(found);
  Lookup(cache, "extra", &found);
  EXPECT_TRUE(found);
}

TEST(TermCacheTest, OverlongPiecesAreReturnedButNotCached) {
  TermCache cache(10);
  std::string word(300, 'x');
  TermCache::Terms t = cache.Insert(word, TermCache::Hash(word), word, "");
  EXPECT_EQ(t.primary, word);
  EXPECT_EQ(cache.size(), 0u);
  bool found = true;
  Lookup(cache, word, &found);
  EXPECT_FALSE(found);
}

}  // namespace
}  // namespace depeche::store
