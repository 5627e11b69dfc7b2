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
  EXPECT_EQ(Query("negociations geneve"), "\"negociations\" \"geneve\"");
  EXPECT_EQ(Query("  etats-unis\t"), "\"etats-unis\"");
  EXPECT_EQ(Query("Blinken AND NOT Lavrov"), "\"Blinken\" \"AND\" \"NOT\" \"Lavrov\"");
  EXPECT_EQ(Query("say \"hello\""), "\"say\" \"\"\"hello\"\"\"");
  EXPECT_EQ(Query("title:x NEAR(a b) c*"), "\"title:x\" \"NEAR(a\" \"b)\" \"c*\"");
  EXPECT_EQ(Query("Genève « paix »"), "\"Genève\" \"paix\"");
}

TEST(FtsQueryTest, ControlCharactersAreSpaces) {
  EXPECT_EQ(Query("fr\x01word"), "\"fr\" \"word\"");
}

TEST(FtsQueryTest, NothingSearchableIsInvalidArgument) {
  for (std::string_view text : {"", "   ", " - \" * ( ) ", "« … »"}) {
    Result<std::string> q = BuildFtsQuery(text);
    ASSERT_FALSE(q.ok()) << text;
    EXPECT_EQ(q.status().code(), StatusCode::kInvalidArgument);
  }
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
