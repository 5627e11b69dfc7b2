#include "store/pg_snapshot.h"

#include <gtest/gtest.h>

namespace depeche::store {
namespace {

PgSnapshot Parse(std::string_view text) {
  auto snapshot = ParsePgSnapshot(text);
  EXPECT_TRUE(snapshot.has_value()) << text;
  return snapshot.value_or(PgSnapshot{});
}

TEST(PgSnapshotTest, Parses) {
  PgSnapshot s = Parse("727:731:729,728");
  EXPECT_EQ(s.xmin, 727u);
  EXPECT_EQ(s.xmax, 731u);
  EXPECT_EQ(s.xip, (std::vector<uint64_t>{728, 729}));
  EXPECT_TRUE(Parse("5:5:").xip.empty());
  EXPECT_FALSE(ParsePgSnapshot("").has_value());
  EXPECT_FALSE(ParsePgSnapshot("5:5").has_value());
  EXPECT_FALSE(ParsePgSnapshot("5:x:").has_value());
  EXPECT_FALSE(ParsePgSnapshot("5:6:7,").has_value());
}

TEST(PgSnapshotTest, NothingEnded) {
  EXPECT_FALSE(OthersEnded(Parse("10:12:10,11"), Parse("10:12:10,11"), {}));
  // New transactions that are still running.
  EXPECT_FALSE(OthersEnded(Parse("10:12:10,11"), Parse("10:14:10,11,12,13"), {}));
}

TEST(PgSnapshotTest, AnotherTransactionEnded) {
  // One that was running.
  EXPECT_TRUE(OthersEnded(Parse("10:12:10,11"), Parse("10:12:10"), {}));
  // One that started and ended in between.
  EXPECT_TRUE(OthersEnded(Parse("10:12:10,11"), Parse("10:14:10,11,12"), {}));
  EXPECT_TRUE(OthersEnded(Parse("10:10:"), Parse("1000010:1000010:"), {}));
}

TEST(PgSnapshotTest, OwnTransactionsDoNotCount) {
  EXPECT_FALSE(OthersEnded(Parse("10:12:10,11"), Parse("10:12:10"), {11}));
  EXPECT_FALSE(OthersEnded(Parse("10:12:"), Parse("13:13:"), {12}));
  // Ours and another one.
  EXPECT_TRUE(OthersEnded(Parse("10:12:"), Parse("14:14:"), {12}));
}

}  // namespace
}  // namespace depeche::store
