#include "store/fts_query.h"

#include <gtest/gtest.h>

namespace depeche::store {
namespace {

std::string Query(std::string_view text) {
  Result<std::string> q = BuildFtsQuery(text);
  EXPECT_TRUE(q.ok()) << text << ": " << q.status().ToString();
  return q.ok() ? *q : std::string();
}

TEST(FtsQueryTest, QuotesEachWord) {
  EXPECT_EQ(Query("negociations geneve"), "\"negociations\" AND \"geneve\"");
  EXPECT_EQ(Query("  etats-unis\t"), "\"etats-unis\"");
  EXPECT_EQ(Query("title:x NEAR(a b) c^"), "\"title:x\" AND \"NEAR(a\" AND \"b)\" AND \"c^\"");
  EXPECT_EQ(Query("Genève « paix »"), "\"Genève\" AND \"paix\"");
  EXPECT_EQ(Query("l\"x"), "\"l\"\"x\"");
}

TEST(FtsQueryTest, Phrases) {
  EXPECT_EQ(Query("\"mt gox\" bankruptcy"), "\"mt gox\" AND \"bankruptcy\"");
  EXPECT_EQ(Query("say \"hello world"), "\"say\" AND \"hello world\"");
  EXPECT_EQ(Query("\"a\tb\""), "\"a b\"");
}

TEST(FtsQueryTest, OrBindsTighterThanAnd) {
  EXPECT_EQ(Query("gox OR icahn"), "(\"gox\" OR \"icahn\")");
  EXPECT_EQ(Query("gox OR icahn bankruptcy"), "(\"gox\" OR \"icahn\") AND \"bankruptcy\"");
  EXPECT_EQ(Query("a OR b OR \"c d\""), "(\"a\" OR \"b\" OR \"c d\")");
  // A dangling OR, or a lowercase one, is not an operator.
  EXPECT_EQ(Query("OR gox OR"), "\"gox\"");
  EXPECT_EQ(Query("gox or icahn"), "\"gox\" AND \"or\" AND \"icahn\"");
  EXPECT_EQ(Query("gox AND icahn"), "\"gox\" AND \"icahn\"");
}

TEST(FtsQueryTest, Exclusions) {
  EXPECT_EQ(Query("gox -bankruptcy"), "\"gox\" NOT \"bankruptcy\"");
  EXPECT_EQ(Query("gox NOT bankruptcy"), "\"gox\" NOT \"bankruptcy\"");
  EXPECT_EQ(Query("gox icahn -\"chapter 11\" -court"),
            "(\"gox\" AND \"icahn\") NOT (\"chapter 11\" OR \"court\")");
  EXPECT_EQ(Query("a - b"), "\"a\" AND \"b\"");  // a lone dash excludes nothing
}

TEST(FtsQueryTest, Prefixes) {
  EXPECT_EQ(Query("bankr*"), "\"bankr\" *");
  EXPECT_EQ(Query("\"mt go\"* -icahn*"), "\"mt go\" * NOT \"icahn\" *");
}

TEST(FtsQueryTest, RepeatedTermsAndGroupsAreKeptOnce) {
  std::string oil;
  for (int i = 0; i < 2500; ++i) oil += "oil ";
  EXPECT_EQ(Query(oil), "\"oil\"");
  EXPECT_EQ(Query("Oil OIL oil pétrole petrole"), "\"Oil\" AND \"pétrole\"");
  EXPECT_EQ(Query("a OR b b OR a a"), "(\"a\" OR \"b\") AND \"a\"");
  EXPECT_EQ(Query("x -y -Y NOT y"), "\"x\" NOT \"y\"");
  Result<ParsedSearch> parsed = ParseSearchQuery("said said said");
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->groups.size(), 1u);
}

TEST(FtsQueryTest, ControlCharactersAreSpaces) {
  EXPECT_EQ(Query("fr\x01word"), "\"fr\" AND \"word\"");
}

TEST(FtsQueryTest, NothingSearchableIsInvalidArgument) {
  for (std::string_view text : {"", "   ", " - \" * ( ) ", "« … »", "OR", "NOT", "-gox", "NOT a"}) {
    Result<std::string> q = BuildFtsQuery(text);
    ASSERT_FALSE(q.ok()) << text;
    EXPECT_EQ(q.status().code(), StatusCode::kInvalidArgument);
  }
}

TEST(FtsQueryTest, TooManyDistinctWordsIsInvalidArgument) {
  std::string many;
  for (size_t i = 0; i <= kMaxSearchWords; ++i) many.append("w").append(std::to_string(i)) += ' ';
  Result<std::string> q = BuildFtsQuery(many);
  ASSERT_FALSE(q.ok());
  EXPECT_EQ(q.status().code(), StatusCode::kInvalidArgument);
  std::string enough;
  for (size_t i = 0; i < kMaxSearchWords; ++i) {
    enough.append("w").append(std::to_string(i)).append(" w0 ");
  }
  EXPECT_TRUE(BuildFtsQuery(enough).ok());
  // A phrase's words count: its repeats are part of its meaning.
  std::string phrase = "\"";
  for (size_t i = 0; i <= kMaxSearchWords; ++i) phrase += "oil ";
  EXPECT_FALSE(BuildFtsQuery(phrase + "\"").ok());
}

TEST(FtsQueryTest, MatchedTextLeavesOutExclusionsAndPrefixes) {
  Result<ParsedSearch> parsed = ParseSearchQuery("gox OR icahn bankr* -court \"mt gox\"");
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(MatchedText(*parsed), "gox icahn mt gox");
}

TEST(FtsQueryTest, HasWordCharacter) {
  EXPECT_TRUE(HasWordCharacter("a"));
  EXPECT_TRUE(HasWordCharacter("-7-"));
  EXPECT_TRUE(HasWordCharacter("é"));
  EXPECT_TRUE(HasWordCharacter("Зеленский"));
  EXPECT_FALSE(HasWordCharacter("«»…—"));
  EXPECT_FALSE(HasWordCharacter(""));
}

}  // namespace
}  // namespace depeche::store
