#include "store/digest_store.h"

#include <gtest/gtest.h>

#include "store/store_test_fixture.h"

namespace depeche::store {
namespace {

StoryDigest Sample() {
  StoryDigest d;
  d.headlines = {{"en", "Rotterdam dockers strike over pay", "00000000000000a1"},
                 {"fr", "Grève des dockers à Rotterdam", "00000000000000b2"}};
  StoryLine line;
  line.text = "Dock workers walked out on Monday.";
  line.source = {"00000000000000a1", "Wire", "2022-03-07", {{0, 34}}};
  line.also = {{"00000000000000a2", "", "", {{10, 44}}}};
  d.summary_lines = {line};
  d.language_summaries = {{"fr", {line}}};
  StoryTimelineEntry e;
  e.date = "2022-W11";
  e.precision = "week";
  e.basis = "relative";
  e.inferred = true;
  e.expression = "next week";
  e.article_count = 3;
  e.line = line;
  d.timeline = {e};
  return d;
}

TEST(DigestCodecTest, RoundTrips) {
  const StoryDigest d = Sample();
  auto back = DecodeDigest(EncodeDigest(d));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(*back, d);
  auto empty = DecodeDigest(EncodeDigest({}));
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(*empty, StoryDigest{});
}

TEST(DigestCodecTest, MalformedIsDataLoss) {
  EXPECT_EQ(DecodeDigest("{").status().code(), StatusCode::kDataLoss);
  EXPECT_EQ(DecodeDigest("{\"headlines\": []}").status().code(), StatusCode::kDataLoss);
  EXPECT_EQ(DecodeDigest("[]").status().code(), StatusCode::kDataLoss);
}

class DigestStoreTest : public testing_util::StoreTest {};

TEST_F(DigestStoreTest, ADigestAnswersOnlyItsKey) {
  auto made = DigestStore::Create(db_.get());
  ASSERT_TRUE(made.ok());
  DigestStore& digests = **made;
  auto none = digests.Get("s1", "k1");
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
  ASSERT_TRUE(digests.Put("s1", "k1", Sample()).ok());
  auto hit = digests.Get("s1", "k1");
  ASSERT_TRUE(hit.ok() && hit->has_value());
  EXPECT_EQ(**hit, Sample());
  auto stale = digests.Get("s1", "k2");
  ASSERT_TRUE(stale.ok());
  EXPECT_FALSE(stale->has_value());
  // A new key replaces the old digest.
  StoryDigest shorter = Sample();
  shorter.timeline.clear();
  ASSERT_TRUE(digests.Put("s1", "k2", shorter).ok());
  auto replaced = digests.Get("s1", "k2");
  ASSERT_TRUE(replaced.ok() && replaced->has_value());
  EXPECT_EQ(**replaced, shorter);
  auto old = digests.Get("s1", "k1");
  ASSERT_TRUE(old.ok());
  EXPECT_FALSE(old->has_value());
  EXPECT_EQ(DigestStore::Create(nullptr).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace depeche::store
