#include "ingest/html_dates.h"

#include <gtest/gtest.h>

namespace depeche::ingest {
namespace {

TEST(ParseLooseDateTest, MachineFormats) {
  EXPECT_EQ(ParseLooseDate("2019-11-19T10:05:30Z").iso, "2019-11-19T10:05:30Z");
  EXPECT_EQ(ParseLooseDate("2019-11-19T23:30:00-05:00").iso, "2019-11-19T23:30:00-05:00");
  EXPECT_EQ(ParseLooseDate(" 2019/11/19 ").iso, "2019-11-19");
  EXPECT_EQ(ParseLooseDate("20191119").iso, "2019-11-19");
  EXPECT_EQ(ParseLooseDate("Tue, 19 Nov 2019 10:05:30 GMT").iso, "2019-11-19");
  EXPECT_EQ(ParseLooseDate("November 19th, 2019").iso, "2019-11-19");
  EXPECT_EQ(ParseLooseDate("19 novembre 2019", "fr").iso, "2019-11-19");
  EXPECT_FALSE(ParseLooseDate("0001-01-01T00:00:00Z").known());
  EXPECT_FALSE(ParseLooseDate("yesterday").known());
  EXPECT_FALSE(ParseLooseDate("").known());
}

TEST(DateFromUrlTest, PathShapes) {
  EXPECT_EQ(DateFromUrl("https://x.com/2019/11/19/story-title/").iso, "2019-11-19");
  EXPECT_EQ(DateFromUrl("https://x.com/news/2019-11-19-story").iso, "2019-11-19");
  EXPECT_EQ(DateFromUrl("https://x.com/tuft-cells-20191115/").iso, "2019-11-15");
  EXPECT_EQ(DateFromUrl("https://x.com/entertainment/2019/11/story.html").iso, "2019-11");
  EXPECT_FALSE(DateFromUrl("https://x.com/story/4244754002/").known());
  EXPECT_FALSE(DateFromUrl("https://x.com/a?d=2019/11/19").known());
  EXPECT_FALSE(DateFromUrl("").known());
}

TEST(FindDatelineTest, FirstTextualDateNearTheTop) {
  EXPECT_EQ(FindDateline("WASHINGTON, Nov. 19, 2019 - The Senate voted ...", "en").iso,
            "2019-11-19");
  EXPECT_EQ(FindDateline("PARIS, le 3 mars 2021 - Le gouvernement ...", "fr").iso, "2021-03-03");
  std::string late(600, 'x');
  late += " March 3, 2021";
  EXPECT_FALSE(FindDateline(late, "en").known());
  EXPECT_FALSE(FindDateline("No date in this text at all.", "en").known());
}

}  // namespace
}  // namespace depeche::ingest
