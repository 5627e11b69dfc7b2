#include "text/calendar_words.h"

#include "gtest/gtest.h"

namespace depeche::text {
namespace {

TEST(CalendarWordsTest, MonthsAndWeekdaysFromIcu) {
  const auto en = CalendarWords("en");
  for (const char* word : {"march", "mar", "oct", "sept", "monday", "mon", "may"}) {
    EXPECT_EQ(en.count(word), 1u) << word;
  }
  EXPECT_EQ(en.count("geneva"), 0u);
  const auto fr = CalendarWords("fr");
  for (const char* word : {"mars", "fevrier", "lundi", "decembre"}) {
    EXPECT_EQ(fr.count(word), 1u) << word;  // folded
  }
  const auto de = CalendarWords("de");
  EXPECT_EQ(de.count("montag"), 1u);
  EXPECT_EQ(de.count("marz"), 1u);
  EXPECT_TRUE(CalendarWords("").empty());
  EXPECT_TRUE(CalendarWords("und").empty());
}

}  // namespace
}  // namespace depeche::text
