#include "extract/name_match.h"

#include <gtest/gtest.h>

namespace depeche::extract {
namespace {

TEST(NameMatchTest, SkeletonsJoinTransliterations) {
  EXPECT_EQ(WordSkeleton("serguei"), WordSkeleton("sergei"));
  EXPECT_EQ(WordSkeleton("zelenskiy"), "zelenski");
  EXPECT_EQ(WordSkeleton("zelenskyy"), "zelenski");
  EXPECT_EQ(WordSkeleton("zelensky"), "zelenski");
  EXPECT_EQ(WordSkeleton("anthony"), WordSkeleton("antony"));
  EXPECT_EQ(WordSkeleton("poutine"), WordSkeleton("putin"));
  EXPECT_EQ(WordSkeleton("wolodymyr"), WordSkeleton("volodymyr"));
  EXPECT_NE(WordSkeleton("blinken"), WordSkeleton("blinkin"));
  EXPECT_NE(WordSkeleton("lavrov"), WordSkeleton("lavrova"));
  EXPECT_EQ(NameSkeleton("serguei lavrov"), NameSkeleton("sergei lavrov"));
  EXPECT_EQ(NameSkeleton("jean-yves le drian"), "jean ives le drian");
}

TEST(NameMatchTest, EditDistanceIsBounded) {
  EXPECT_EQ(EditDistance("blinken", "blinkin", 2), 1);
  EXPECT_EQ(EditDistance("kitten", "sitting", 5), 3);
  EXPECT_EQ(EditDistance("kitten", "sitting", 1), 2);  // limit + 1
  EXPECT_EQ(EditDistance("", "abc", 5), 3);
}

TEST(NameMatchTest, CloseSurnamesNeedLengthAndFirstLetter) {
  EXPECT_TRUE(CloseSurnames("blinken", "blinkin"));
  EXPECT_TRUE(CloseSurnames("zelenskiy", "zelensky"));
  EXPECT_TRUE(CloseSurnames("biden", "boden"));   // 5 letters, distance 1: context must decide
  EXPECT_FALSE(CloseSurnames("biden", "widen"));  // first letters differ
  EXPECT_FALSE(CloseSurnames("lavrov", "pavrov"));
  EXPECT_TRUE(CloseSurnames("may", "mai"));   // same skeleton
  EXPECT_FALSE(CloseSurnames("may", "max"));  // short words never by distance
}

TEST(NameMatchTest, CompatibleFirstNames) {
  EXPECT_TRUE(CompatibleFirstNames("antony", "anthony"));
  EXPECT_TRUE(CompatibleFirstNames("j", "joe"));
  EXPECT_TRUE(CompatibleFirstNames("alex", "alexander"));
  EXPECT_FALSE(CompatibleFirstNames("joe", "jill"));
  EXPECT_FALSE(CompatibleFirstNames("boris", "liz"));
}

}  // namespace
}  // namespace depeche::extract
