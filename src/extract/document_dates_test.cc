#include "extract/document_dates.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace depeche::extract {
namespace {

Timex Weekday(int n, Tense tense, uint32_t at) {
  Timex t;
  t.span = {at, at + 5};
  t.form = "UNDEF-WEEKDAY-" + std::to_string(n);
  t.value = t.form;
  t.resolved = false;
  t.tense = tense;
  return t;
}

Timex Explicit(const std::string& day, uint32_t at) {
  Timex t;
  t.span = {at, at + 10};
  t.form = day;
  t.value = day;
  return t;
}

DatingInput Input(const std::string& id, PublicationDate stated, std::vector<Timex> timexes) {
  DatingInput in;
  in.id = id;
  in.stated = std::move(stated);
  in.stated_source = in.stated.known() ? "metadata" : "";
  in.timexes = std::move(timexes);
  return in;
}

PublicationDate Stated(const std::string& iso, DatePrecision p) {
  PublicationDate d;
  d.iso = iso;
  d.precision = p;
  return d;
}

TEST(DocumentDatesTest, AStatedDayIsKeptWhateverTheTextSays) {
  DatingInput a =
      Input("a", Stated("2022-01-18", DatePrecision::kDay), {Explicit("2019-05-01", 0)});
  a.stated_source = "url";
  const std::vector<ArticleDate> out = DateStoryArticles({a});
  EXPECT_EQ(out[0].date.iso, "2022-01-18");
  EXPECT_EQ(out[0].provenance, "url");
  EXPECT_TRUE(out[0].evidence.empty());
}

TEST(DocumentDatesTest, AnExplicitDateDatesAnUndatedArticleFromItsText) {
  // "hier" names no day; "20 janvier 2022" and "vendredi" (today, in the past tense) do.
  DatingInput a = Input("a", {}, {Explicit("2022-01-20", 0), Weekday(5, Tense::kPast, 20)});
  const std::vector<ArticleDate> out = DateStoryArticles({a});
  EXPECT_EQ(out[0].date.iso, "2022-01-21");
  EXPECT_EQ(out[0].provenance, "inferred");
  EXPECT_EQ(out[0].basis, "text");
  EXPECT_EQ(out[0].evidence.size(), 2u);
}

TEST(DocumentDatesTest, WeekdaysAloneInAStatedMonthAreAmbiguous) {
  // Every Tuesday of the month fits "a annoncé mardi ... vendredi" alike: the month stays.
  DatingInput a = Input("a", Stated("2022-01", DatePrecision::kMonth),
                        {Weekday(2, Tense::kPast, 0), Weekday(5, Tense::kFuture, 10)});
  const std::vector<ArticleDate> out = DateStoryArticles({a});
  EXPECT_EQ(out[0].date.iso, "2022-01");
  EXPECT_EQ(out[0].provenance, "metadata");
}

TEST(DocumentDatesTest, TheStoryPicksTheWeekAndTheOrderDoesNotMatter) {
  // b is dated by its explicit day (Friday 21 January); a, stating January, announces on a
  // Tuesday a meeting on Friday: the Tuesday before b's Friday.
  DatingInput a = Input("a", Stated("2022-01", DatePrecision::kMonth),
                        {Weekday(2, Tense::kPast, 0), Weekday(5, Tense::kFuture, 10)});
  DatingInput b = Input("b", {}, {Explicit("2022-01-21", 0)});
  DatingInput c = Input("c", {}, {Weekday(5, Tense::kFuture, 0)});  // alone, anything goes
  std::vector<DatingInput> story{a, b, c};
  const std::vector<ArticleDate> out = DateStoryArticles(story);
  EXPECT_EQ(out[0].date.iso, "2022-01-18");
  EXPECT_EQ(out[0].basis, "story");
  EXPECT_EQ(out[1].date.iso, "2022-01-21");
  std::vector<DatingInput> reversed(story.rbegin(), story.rend());
  std::vector<ArticleDate> again = DateStoryArticles(reversed);
  std::reverse(again.begin(), again.end());
  EXPECT_EQ(again, out);
}

TEST(DocumentDatesTest, ResolvingAgainFollowsTheNewDay) {
  std::vector<Timex> t{Weekday(5, Tense::kFuture, 0)};
  ResolveTimexes(t, CivilDay{2022, 1, 18});
  EXPECT_EQ(t[0].value, "2022-01-21");
  EXPECT_TRUE(t[0].resolved);
  ResolveTimexes(t, std::nullopt);
  EXPECT_EQ(t[0].value, "UNDEF-WEEKDAY-5");
  EXPECT_FALSE(t[0].resolved);
  const Timex back = FromExpression(ToExpression(t[0]));
  EXPECT_EQ(back, t[0]);
}

}  // namespace
}  // namespace depeche::extract
