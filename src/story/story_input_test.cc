#include "story/story_input.h"

#include <gtest/gtest.h>

namespace depeche::story {
namespace {

Article MakeArticle(std::string title, std::string text) {
  Article a;
  a.id = "a1";
  a.lang = "en";
  a.title = std::move(title);
  a.text = std::move(text);
  return a;
}

TEST(StoryInputTest, GivenTitleIsWeighedOnTopOfTheText) {
  Article a = MakeArticle("Storm hits the coast", "Winds of 150 km/h tore roofs off.");
  StoryInput in = StoryInputOf(a);
  EXPECT_EQ(in.title, "Storm hits the coast");
  EXPECT_EQ(in.text, a.text);
  EXPECT_EQ(in.id, "a1");
  EXPECT_EQ(in.lang, "en");
}

TEST(StoryInputTest, TitleThatOpensTheTextIsNotCountedTwice) {
  Article a = MakeArticle("Winds of 150 km/h tore roofs off.",
                          "Winds of 150 km/h tore roofs off. Schools closed.");
  EXPECT_TRUE(StoryInputOf(a).title.empty());
  // A derived title cut with an ellipsis is still the text's opening.
  a.title = "Winds of 150 km/h…";
  EXPECT_TRUE(StoryInputOf(a).title.empty());
}

TEST(StoryInputTest, BoilerplateIsLeftOutWithAParagraphBreak) {
  Article a = MakeArticle("T", "First part. Photo: AFP Second part.");
  a.boilerplate.push_back({{12, 23}, "credit"});
  EXPECT_EQ(StoryInputOf(a).text, "First part. \n\nSecond part.");
  // A span beyond the text is ignored rather than read out of bounds.
  a.boilerplate = {{{30, 400}, "credit"}};
  EXPECT_EQ(StoryInputOf(a).text, a.text);
}

TEST(StoryInputTest, DatesCoarserThanADayCountAsUndated) {
  Article a = MakeArticle("T", "Text.");
  a.published = {DatePrecision::kMonth, 1640995200, "2022-01"};
  EXPECT_FALSE(StoryInputOf(a).published.has_value());
  a.published = {DatePrecision::kDay, 1642723200, "2022-01-21"};
  EXPECT_EQ(StoryInputOf(a).published, 1642723200);
}

}  // namespace
}  // namespace depeche::story
