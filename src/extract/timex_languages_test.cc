// The timex rules of Spanish, Italian and German (data/{es,it,de}/timex) and the calendar names
// every language's rules take from text::CalendarNames.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "extract/timex.h"
#include "extract/timex_rules.h"
#include "extract/timex_tagger.h"
#include "text/calendar_names.h"

namespace depeche::extract {
namespace {

// The languages with rules: data/<lang>/timex/.
std::vector<std::string> TimexLanguages() {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::directory_iterator(DEPECHE_SOURCE_DIR "/data")) {
    if (std::filesystem::is_directory(entry.path() / "timex")) {
      out.push_back(entry.path().filename().string());
    }
  }
  return out;
}

TEST(TimexCalendarNamesTest, EveryIcuWideMonthAndWeekdayIsAResource) {
  const std::vector<std::string> languages = TimexLanguages();
  EXPECT_GE(languages.size(), 2u);
  for (const std::string& lang : languages) {
    auto rules = TimexRules::Load(DEPECHE_SOURCE_DIR "/data/" + lang + "/timex", lang);
    ASSERT_TRUE(rules.ok()) << rules.status().ToString();
    const text::CalendarNames& names = text::CalendarNames::For(lang);
    ASSERT_FALSE(names.months().empty()) << lang;
    for (const text::CalendarName& n : names.months()) {
      if (n.abbreviated) continue;
      char want[8];
      std::snprintf(want, sizeof want, "%02d", n.number);
      EXPECT_EQ((*rules)->Lookup("month", n.name), want) << lang << " " << n.name;
    }
    for (const text::CalendarName& n : names.weekdays()) {
      if (n.abbreviated) continue;
      EXPECT_EQ((*rules)->Lookup("weekday", n.name), std::to_string(n.number))
          << lang << " " << n.name;
    }
  }
}

TEST(TimexCalendarNamesTest, AbbreviationsOnlyWithTheirPeriodOrFromTheFile) {
  auto fr = TimexRules::Load(DEPECHE_SOURCE_DIR "/data/fr/timex", "fr");
  ASSERT_TRUE(fr.ok()) << fr.status().ToString();
  EXPECT_EQ((*fr)->Lookup("month", "févr."), "02");  // ICU's, with its period
  EXPECT_EQ((*fr)->Lookup("month", "fév."), "02");   // the file's
  EXPECT_EQ((*fr)->Lookup("weekday", "jeu."), "");   // "le jeu." is no Thursday
  auto en = TimexRules::Load(DEPECHE_SOURCE_DIR "/data/en/timex", "en");
  ASSERT_TRUE(en.ok()) << en.status().ToString();
  EXPECT_EQ((*en)->Lookup("weekday", "sun"), "");  // "the Sun"
  EXPECT_EQ((*en)->Lookup("month", "mar"), "");
  EXPECT_EQ((*en)->Lookup("month", "mar."), "03");  // the file's
}

}  // namespace
}  // namespace depeche::extract
