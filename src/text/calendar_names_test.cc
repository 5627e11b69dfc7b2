#include "text/calendar_names.h"

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"

namespace depeche::text {
namespace {

// The number `list` gives `name` (lower case, as written), or 0.
int NumberOf(const std::vector<CalendarName>& list, std::string_view name) {
  auto it =
      std::find_if(list.begin(), list.end(), [&](const CalendarName& n) { return n.name == name; });
  return it == list.end() ? 0 : it->number;
}

TEST(CalendarNamesTest, MonthsAndIsoWeekdaysFromIcu) {
  const CalendarNames& en = CalendarNames::For("en");
  EXPECT_EQ(NumberOf(en.months(), "january"), 1);
  EXPECT_EQ(NumberOf(en.months(), "dec"), 12);
  EXPECT_EQ(NumberOf(en.weekdays(), "monday"), 1);
  EXPECT_EQ(NumberOf(en.weekdays(), "sunday"), 7);
  EXPECT_EQ(NumberOf(en.weekdays(), "sat"), 6);
  const CalendarNames& fr = CalendarNames::For("fr");
  EXPECT_EQ(NumberOf(fr.months(), "février"), 2);
  EXPECT_EQ(NumberOf(fr.months(), "févr."), 2);  // ICU's abbreviation keeps its period
  EXPECT_EQ(NumberOf(fr.weekdays(), "jeudi"), 4);
  EXPECT_EQ(NumberOf(fr.weekdays(), "dimanche"), 7);
  const CalendarNames& de = CalendarNames::For("de");
  EXPECT_EQ(NumberOf(de.months(), "märz"), 3);  // lower-cased
  EXPECT_EQ(NumberOf(de.weekdays(), "freitag"), 5);
  EXPECT_EQ(NumberOf(CalendarNames::For("it").weekdays(), "venerdì"), 5);
  EXPECT_EQ(NumberOf(CalendarNames::For("es").months(), "septiembre"), 9);
}

TEST(CalendarNamesTest, EveryMonthAndWeekdayHasAWideNameInEachForm) {
  for (const char* lang : {"en", "fr", "de", "es", "it"}) {
    const CalendarNames& names = CalendarNames::For(lang);
    for (const auto* list : {&names.months(), &names.weekdays()}) {
      const int last = list == &names.months() ? 12 : 7;
      for (int n = 1; n <= last; ++n) {
        const auto wide = std::count_if(list->begin(), list->end(), [&](const CalendarName& c) {
          return c.number == n && !c.abbreviated;
        });
        EXPECT_EQ(wide, 2) << lang << " " << n;  // format and stand-alone
      }
      for (const CalendarName& c : *list) EXPECT_TRUE(c.number >= 1 && c.number <= last) << lang;
    }
  }
}

TEST(CalendarNamesTest, FoldedFormsAndExtras) {
  const CalendarNames& fr = CalendarNames::For("fr");
  auto fevr = std::find_if(fr.months().begin(), fr.months().end(),
                           [](const CalendarName& n) { return n.name == "févr."; });
  ASSERT_NE(fevr, fr.months().end());
  EXPECT_EQ(fevr->folded, "fevr");
  EXPECT_TRUE(fevr->abbreviated);
  const CalendarNames& en = CalendarNames::For("en");
  EXPECT_EQ(NumberOf(en.months(), "sept"), 9);
  EXPECT_EQ(NumberOf(en.weekdays(), "tues"), 2);
  EXPECT_EQ(NumberOf(en.weekdays(), "thurs"), 4);
  // The English extras are English only.
  EXPECT_EQ(NumberOf(CalendarNames::For("de").weekdays(), "tues"), 0);
  EXPECT_TRUE(CalendarNames::For("").empty());
  EXPECT_TRUE(CalendarNames::For("und").empty());
}

TEST(CalendarNamesTest, CachedAndSharedAcrossThreads) {
  const CalendarNames* first = &CalendarNames::For("it");
  std::vector<const CalendarNames*> seen(4, nullptr);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < seen.size(); ++i) {
    threads.emplace_back([&seen, i] { seen[i] = &CalendarNames::For(i % 2 ? "it" : "es"); });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(seen[1], first);
  EXPECT_EQ(seen[3], first);
  EXPECT_EQ(seen[0], seen[2]);
  EXPECT_NE(seen[0], first);
}

}  // namespace
}  // namespace depeche::text
