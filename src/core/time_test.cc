#include "core/time.h"

#include <gtest/gtest.h>

namespace depeche::core {
namespace {

TEST(TimeTest, PartialDates) {
  auto y = ParseIsoDate("2022");
  ASSERT_TRUE(y.ok());
  EXPECT_EQ(y->precision, DatePrecision::kYear);
  EXPECT_EQ(y->iso, "2022");
  auto m = ParseIsoDate("2022-01");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->precision, DatePrecision::kMonth);
  EXPECT_EQ(m->iso, "2022-01");
  EXPECT_EQ(m->utc_seconds, 1640995200);  // 2022-01-01T00:00:00Z
  auto d = ParseIsoDate(" 2022-01-21 ");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->iso, "2022-01-21");
}

TEST(TimeTest, DateTimesWithOffsets) {
  auto a = ParseIsoDate("2022-02-17T21:00:00+01:00");
  ASSERT_TRUE(a.ok());
  // The stated offset is kept; the instant is in utc_seconds.
  EXPECT_EQ(a->iso, "2022-02-17T21:00:00+01:00");
  EXPECT_EQ(FormatUtc(a->utc_seconds), "2022-02-17T20:00:00Z");
  EXPECT_EQ(a->precision, DatePrecision::kSecond);
  auto b = ParseIsoDate("2022-02-17 21:00:00.250-0500");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->iso, "2022-02-17T21:00:00-05:00");
  EXPECT_EQ(FormatUtc(b->utc_seconds), "2022-02-18T02:00:00Z");
  auto m = ParseIsoDate("2022-02-17T21:00+05:30");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->iso, "2022-02-17T21:00+05:30");
  EXPECT_EQ(FormatUtc(m->utc_seconds), "2022-02-17T15:30:00Z");
  auto z = ParseIsoDate("2022-02-17T21:00:00+00:00");
  ASSERT_TRUE(z.ok());
  EXPECT_EQ(z->iso, "2022-02-17T21:00:00+00:00");
  auto bare = ParseIsoDate("2022-02-17T21:00:00");
  ASSERT_TRUE(bare.ok());
  EXPECT_EQ(bare->iso, "2022-02-17T21:00:00Z");
  auto c = ParseIsoDate("2022-02-17T21:00Z");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->iso, "2022-02-17T21:00Z");
  EXPECT_EQ(c->precision, DatePrecision::kMinute);
}

TEST(TimeTest, RejectsImpossibleDates) {
  EXPECT_FALSE(ParseIsoDate("2022-13").ok());
  EXPECT_FALSE(ParseIsoDate("2022-02-30").ok());
  EXPECT_TRUE(ParseIsoDate("2024-02-29").ok());
  EXPECT_FALSE(ParseIsoDate("2023-02-29").ok());
  EXPECT_FALSE(ParseIsoDate("21/01/2022").ok());
  EXPECT_FALSE(ParseIsoDate("2022-01-21T25:00").ok());
  EXPECT_FALSE(ParseIsoDate("2022-01-21Tfoo").ok());
  EXPECT_FALSE(ParseIsoDate("").ok());
}

TEST(TimeTest, FormatRoundTrip) {
  EXPECT_EQ(FormatUtc(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(FormatUtc(-1), "1969-12-31T23:59:59Z");
  EXPECT_EQ(DaysFromCivil(2000, 3, 1), 11017);
}

}  // namespace
}  // namespace depeche::core
