#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "extract/timex.h"
#include "extract/timex_dates.h"
#include "extract/timex_normalize.h"
#include "extract/timex_rules.h"
#include "extract/timex_tagger.h"

namespace depeche::extract {
namespace {

// The tagger of the repository's rules; a failure to load them fails every test using it.
const TimexTagger& Tagger() {
  static const std::unique_ptr<TimexTagger> tagger = [] {
    auto made = TimexTagger::Create(DEPECHE_SOURCE_DIR "/data");
    EXPECT_TRUE(made.ok()) << made.status().ToString();
    if (made.ok()) return std::move(made).value();
    // An empty folder: no language has rules.
    auto empty = TimexTagger::Create(::testing::TempDir());
    return empty.ok() ? std::move(empty).value() : nullptr;
  }();
  return *tagger;
}

// "text=value" for each expression found.
std::vector<std::string> Tag(std::string_view text, std::string_view lang,
                             std::optional<CivilDay> ref) {
  std::vector<std::string> out;
  for (const Timex& t : Tagger().Tag(text, lang, ref)) {
    out.push_back(std::string(text.substr(t.span.begin, t.span.end - t.span.begin)) + "=" +
                  t.value);
  }
  return out;
}

TEST(TimexCalendarTest, WeekdaysWeeksAndDayNumbers) {
  const CivilDay d{2022, 1, 18};  // a Tuesday
  EXPECT_EQ(IsoWeekday(d), 2);
  EXPECT_EQ(DayFromNumber(DayNumber(d)), d);
  EXPECT_EQ(IsoWeek({2022, 2, 21}), (std::pair<int, int>{2022, 8}));
  EXPECT_EQ(IsoWeek({2021, 1, 1}), (std::pair<int, int>{2020, 53}));
  EXPECT_EQ(DayFromNumber(0), (CivilDay{1970, 1, 1}));
  EXPECT_EQ(CivilDayOf("2022-02-17TEV"), (CivilDay{2022, 2, 17}));
  EXPECT_EQ(CivilDayOf("1987-02-26T15:20:27Z"), (CivilDay{1987, 2, 26}));
  EXPECT_FALSE(CivilDayOf("2022-W08").has_value());
  EXPECT_FALSE(CivilDayOf("XXXX-07-15").has_value());
}

TEST(TimexNormalizeTest, RelativeFormsFollowTheReferenceAndTheTense) {
  const CivilDay tuesday{2022, 1, 18};
  EXPECT_EQ(ResolveTimexValue("UNDEF-WEEKDAY-5", tuesday, Tense::kFuture).value, "2022-01-21");
  EXPECT_EQ(ResolveTimexValue("UNDEF-WEEKDAY-5", tuesday, Tense::kPast).value, "2022-01-14");
  EXPECT_EQ(ResolveTimexValue("UNDEF-WEEKDAY-5", tuesday, Tense::kUnknown).value, "2022-01-21");
  EXPECT_EQ(ResolveTimexValue("UNDEF-WEEKDAY-4TEV", tuesday, Tense::kPast).value, "2022-01-13TEV");
  EXPECT_EQ(ResolveTimexValue("UNDEF-YEAR-02-17TEV", CivilDay{2022, 2, 18}, Tense::kPast).value,
            "2022-02-17TEV");
  EXPECT_EQ(ResolveTimexValue("UNDEF-YEAR-12-30", CivilDay{2022, 1, 3}, Tense::kPast).value,
            "2021-12-30");
  EXPECT_EQ(ResolveTimexValue("REF+1W", CivilDay{2022, 2, 18}, Tense::kUnknown).value, "2022-W08");
  EXPECT_EQ(ResolveTimexValue("REF-1Y", tuesday, Tense::kUnknown).value, "2021");
  EXPECT_EQ(ResolveTimexValue("REF-1DE", tuesday, Tense::kUnknown).value, "2012");
  EXPECT_EQ(ResolveTimexValue("REF-1Q", tuesday, Tense::kUnknown).value, "2021-Q4");
  EXPECT_EQ(ResolveTimexValue("REF-1D", CivilDay{2022, 3, 1}, Tense::kUnknown).value, "2022-02-28");
  EXPECT_EQ(ResolveTimexValue("REF+1M", CivilDay{2022, 12, 31}, Tense::kUnknown).value, "2023-01");
  EXPECT_EQ(ResolveTimexValue("P2H", std::nullopt, Tense::kUnknown).value, "PT2H");
  EXPECT_EQ(ResolveTimexValue("P30MIN", std::nullopt, Tense::kUnknown).value, "PT30M");
  EXPECT_EQ(ResolveTimexValue("P8Y", std::nullopt, Tense::kUnknown).value, "P8Y");
  // "<": no tense gives the last one; "<<": before the reference whatever the tense.
  EXPECT_EQ(ResolveTimexValue("UNDEF-WEEKDAY-5<", tuesday, Tense::kUnknown).value, "2022-01-14");
  EXPECT_EQ(ResolveTimexValue("UNDEF-WEEKDAY-5<", tuesday, Tense::kFuture).value, "2022-01-21");
  EXPECT_EQ(ResolveTimexValue("UNDEF-WEEKDAY-2", tuesday, Tense::kPast).value, "2022-01-18");
  EXPECT_EQ(ResolveTimexValue("UNDEF-WEEKDAY-2<<", tuesday, Tense::kFuture).value, "2022-01-11");
  EXPECT_EQ(ResolveTimexValue("UNDEF-WEEKDAY-2<TNI", tuesday, Tense::kUnknown).value,
            "2022-01-18TNI");
  EXPECT_EQ(ResolveTimexValue("UNDEF-YEAR-06<", tuesday, Tense::kUnknown).value, "2021-06");
  EXPECT_EQ(ResolveTimexValue("UNDEF-YEAR-03", tuesday, Tense::kUnknown).value, "2022-03");
  // "last May", "next January": the nearest before (after) the reference's month.
  EXPECT_EQ(ResolveTimexValue("UNDEF-LAST-05", tuesday, Tense::kUnknown).value, "2021-05");
  EXPECT_EQ(ResolveTimexValue("UNDEF-LAST-01", tuesday, Tense::kUnknown).value, "2021-01");
  EXPECT_EQ(ResolveTimexValue("UNDEF-NEXT-01", tuesday, Tense::kUnknown).value, "2023-01");
  EXPECT_EQ(ResolveTimexValue("UNDEF-NEXT-12", tuesday, Tense::kUnknown).value, "2022-12");
  // The weekend: the last one unless the clause looks ahead; Sunday's is its own.
  EXPECT_EQ(ResolveTimexValue("UNDEF-WEEKEND", tuesday, Tense::kUnknown).value, "2022-W02-WE");
  EXPECT_EQ(ResolveTimexValue("UNDEF-WEEKEND", tuesday, Tense::kFuture).value, "2022-W03-WE");
  EXPECT_EQ(ResolveTimexValue("UNDEF-WEEKEND", CivilDay{2022, 1, 23}, Tense::kPast).value,
            "2022-W03-WE");
  EXPECT_EQ(ResolveTimexValue("REF-XY", tuesday, Tense::kUnknown).value, "PAST_REF");
  EXPECT_EQ(ResolveTimexValue("REF+XD", tuesday, Tense::kUnknown).value, "FUTURE_REF");
  EXPECT_EQ(ResolveTimexValue("P2DE", std::nullopt, Tense::kUnknown).value, "P20Y");
  EXPECT_EQ(ResolveTimexValue("P1CE", std::nullopt, Tense::kUnknown).value, "P100Y");
  EXPECT_EQ(ResolveTimexValue("PXDE", std::nullopt, Tense::kUnknown).value, "PXDE");
  const ResolvedValue unresolved =
      ResolveTimexValue("UNDEF-WEEKDAY-5", std::nullopt, Tense::kUnknown);
  EXPECT_FALSE(unresolved.resolved);
  EXPECT_EQ(unresolved.value, "UNDEF-WEEKDAY-5");
}

TEST(TimexTaggerTest, FrenchExpressionsOfTheSeeds) {
  const CivilDay tuesday{2022, 1, 18};
  EXPECT_EQ(Tag("Blinken et Lavrov se rencontreront à Genève vendredi.", "fr", tuesday),
            (std::vector<std::string>{"vendredi=2022-01-21"}));
  EXPECT_EQ(Tag("Il a parlé jeudi 17 février au soir.", "fr", CivilDay{2022, 2, 18}),
            (std::vector<std::string>{"jeudi 17 février au soir=2022-02-17TEV"}));
  EXPECT_EQ(Tag("Ils se reverront la semaine prochaine.", "fr", CivilDay{2022, 2, 18}),
            (std::vector<std::string>{"la semaine prochaine=2022-W08"}));
  EXPECT_EQ(Tag("Le conflit dure depuis huit ans, depuis 2014.", "fr", tuesday),
            (std::vector<std::string>{"huit ans=P8Y", "2014=2014"}));
  EXPECT_EQ(Tag("Une invasion est possible dans les prochains jours.", "fr", tuesday),
            (std::vector<std::string>{"dans les prochains jours=FUTURE_REF"}));
  EXPECT_EQ(Tag("La réunion commencera à 11h00 heure locale.", "fr", CivilDay{2022, 1, 21}),
            (std::vector<std::string>{"11h00 heure locale=2022-01-21T11:00"}));
  EXPECT_EQ(Tag("Le 21 janvier 2022, à Genève.", "fr", std::nullopt),
            (std::vector<std::string>{"Le 21 janvier 2022=2022-01-21"}));
  // Without a reference date a relative value stays unresolved.
  const auto t = Tagger().Tag("Ils se verront vendredi.", "fr", std::nullopt);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_FALSE(t[0].resolved);
  EXPECT_EQ(t[0].value, "UNDEF-WEEKDAY-5");
}

TEST(TimexTaggerTest, EnglishExpressions) {
  const CivilDay tuesday{2022, 1, 18};
  EXPECT_EQ(Tag("Blinken will meet Lavrov in Geneva on Friday.", "en", tuesday),
            (std::vector<std::string>{"Friday=2022-01-21"}));
  EXPECT_EQ(Tag("They met on January 21, 2022, two years ago.", "en", tuesday),
            (std::vector<std::string>{"January 21, 2022=2022-01-21", "two years ago=2020"}));
  EXPECT_EQ(Tag("The talks lasted two years.", "en", tuesday),
            (std::vector<std::string>{"two years=P2Y"}));
  EXPECT_EQ(Tag("Talks resumed last week and will go on next month.", "en", tuesday),
            (std::vector<std::string>{"last week=2022-W02", "next month=2022-02"}));
  EXPECT_EQ(Tag("No date here, only 100,000 troops.", "en", tuesday), std::vector<std::string>{});
  // A year without a preposition, not a quantity; a month alone; p.m. on a weekday.
  EXPECT_EQ(Tag("The 1996 campaign cost $1996 and 2000 shares.", "en", tuesday),
            (std::vector<std::string>{"1996=1996"}));
  EXPECT_EQ(Tag("Sales fell last May and rose 2% in October, the company said.", "en", tuesday),
            (std::vector<std::string>{"last May=2021-05", "October=2021-10"}));
  EXPECT_EQ(Tag("He was shot at 10 p.m. Wednesday.", "en", CivilDay{1998, 2, 13}),
            (std::vector<std::string>{"10 p.m. Wednesday=1998-02-11T22:00"}));
  // An age is not a duration; "about" stays outside; the article before "nine months" stays.
  EXPECT_EQ(Tag("The 6-year-old boy waited about five hours in the nine months.", "en", tuesday),
            (std::vector<std::string>{"five hours=PT5H", "the nine months=P9M"}));
  EXPECT_EQ(Tag("Over the weekend, in recent months, two decades.", "en", tuesday),
            (std::vector<std::string>{"the weekend=2022-W02-WE", "recent months=PXM",
                                      "two decades=P20Y"}));
}

TEST(TimexTaggerTest, LanguagesWithoutRulesGiveNothing) {
  EXPECT_TRUE(Tagger().Tag("vendredi 21 janvier", "xx", std::nullopt).empty());
  EXPECT_EQ(Tagger().languages(), (std::vector<std::string>{"de", "en", "es", "fr", "it"}));
}

TEST(TimexDatesTest, TheMostConsistentDayOfTheWindow) {
  auto infer = [](std::string_view text, CivilDay first, CivilDay last) {
    return InferPublicationDay(Tagger().Tag(text, "fr", std::nullopt), DayNumber(first),
                               DayNumber(last));
  };
  // Said on Tuesday, planned for Friday: that Tuesday.
  auto d = infer("Un responsable a déclaré mardi que les ministres se rencontreront vendredi.",
                 {2022, 1, 13}, {2022, 1, 28});
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->day, (CivilDay{2022, 1, 18}));
  EXPECT_EQ(d->evidence.size(), 2u);
  // A weekday with its day fixes the year; the article follows the evening it reports.
  d = infer("Le rendez-vous a été confirmé, a indiqué jeudi 17 février au soir le département.",
            {2022, 1, 1}, {2022, 12, 31});
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->day, (CivilDay{2022, 2, 17}));
  // An explicit date in a reported text comes before the article.
  d = infer("Comme l'a écrit la ministre le 20 janvier 2022, rien n'a changé.", {2022, 1, 1},
            {2022, 1, 31});
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->day, (CivilDay{2022, 1, 20}));
  // Nothing bears on the day, or the window is too wide to choose in.
  EXPECT_FALSE(infer("La crise dure depuis huit ans.", {2022, 1, 1}, {2022, 1, 31}).has_value());
  EXPECT_FALSE(infer("Un responsable a déclaré mardi.", {2000, 1, 1}, {2022, 1, 31}).has_value());
}

TEST(TimexRulesTest, MalformedFilesAreRefusedNamingTheLine) {
  const std::filesystem::path dir =
      std::filesystem::path(::testing::TempDir()) / ("depeche_timex_" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  auto write = [&](const std::string& name, const std::string& content) {
    std::ofstream(dir / name) << content;
  };
  write("resources.txt", "@month\njanvier\t01\n");
  write("rules.txt", "# comment\nDATE\t(%month\t{month:1}\n");
  auto bad_pattern = TimexRules::Load(dir.string(), "fr");
  EXPECT_EQ(bad_pattern.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad_pattern.status().message().find("rules.txt:2"), std::string::npos);
  write("rules.txt", "DATE\t%nosuch\t{month:1}\n");
  auto unknown = TimexRules::Load(dir.string(), "fr");
  EXPECT_NE(unknown.status().message().find("unknown resource %nosuch"), std::string::npos);
  write("rules.txt", "DAY\tx\ty\n");
  EXPECT_EQ(TimexRules::Load(dir.string(), "fr").status().code(), StatusCode::kInvalidArgument);
  write("rules.txt", "DATE\t\\b(%month)\\b\tUNDEF-YEAR-{month:1}\n");
  auto good = TimexRules::Load(dir.string(), "fr");
  ASSERT_TRUE(good.ok()) << good.status().ToString();
  EXPECT_EQ((*good)->rules().size(), 1u);
  // The trigger test: the words a rule cannot match without.
  write("rules.txt",
        "DATE\t\\b(?:le\\s+)?lendemain\\b\tLAST+1D\n"
        "TIME\t\\b(?:vers\\s+)?(\\d{1,2})\\s?h\\b\tREFT{d2:1}:00\n"
        "DATE\t\\b(\\d{1,2})\\s+(%month)\\b\tUNDEF-YEAR-{month:2}-{d2:1}\n"
        "DATE\t\\b(?:prochain|dernier)\\b\tREF\n"
        "DATE\t\\b(\\d{1,2})/(\\d{1,2})/(\\d{4})\\b\t{year:3}-{d2:2}-{d2:1}\n"
        "DATE\t\\bjours?\\s+f[ée]ri[ée]s?\\b\tREF\n");
  // "und": no calendar names from text::CalendarNames, only the file's "janvier".
  auto gated = TimexRules::Load(dir.string(), "und");
  ASSERT_TRUE(gated.ok()) << gated.status().ToString();
  const auto& r = (*gated)->rules();
  ASSERT_EQ(r.size(), 6u);
  EXPECT_EQ(r[0].triggers, (std::vector<std::string>{"lendemain"}));  // "le" is optional
  EXPECT_TRUE(r[1].triggers.empty());  // "vers" is optional: the rule always runs
  EXPECT_FALSE(r[1].digits);
  EXPECT_EQ(r[2].triggers, (std::vector<std::string>{"janvier"}));  // the month, not the digits
  EXPECT_FALSE(r[2].digits);
  EXPECT_TRUE(r[3].triggers.empty());  // alternatives: the rule always runs
  EXPECT_FALSE(r[3].digits);
  EXPECT_TRUE(r[4].triggers.empty());  // no word at all: a digit
  EXPECT_TRUE(r[4].digits);
  EXPECT_EQ(r[5].triggers, (std::vector<std::string>{"jour"}));  // "s?" and classes cut words
  EXPECT_EQ((*good)->Lookup("month", "JANVIER"), "01");
  std::filesystem::remove_all(dir);
  EXPECT_EQ(TimexRules::Load(dir.string(), "fr").status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace depeche::extract
