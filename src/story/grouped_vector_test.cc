#include "story/grouped_vector.h"

#include <cmath>

#include "gtest/gtest.h"

namespace depeche::story {
namespace {

uint64_t Key(FeatureGroup group, uint64_t n) { return (static_cast<uint64_t>(group) << 62) | n; }

TEST(GroupedVectorTest, DotAndNormsArePerGroup) {
  const std::vector<WeightedFeature> a = {{Key(FeatureGroup::kTerm, 1), 1.0f},
                                          {Key(FeatureGroup::kTerm, 2), 2.0f},
                                          {Key(FeatureGroup::kName, 1), 3.0f}};
  const std::vector<WeightedFeature> b = {{Key(FeatureGroup::kTerm, 2), 1.0f},
                                          {Key(FeatureGroup::kName, 1), 1.0f}};
  const GroupValues dot = Dot(a, b);
  EXPECT_DOUBLE_EQ(dot[0], 2.0);
  EXPECT_DOUBLE_EQ(dot[1], 3.0);
  EXPECT_DOUBLE_EQ(dot[2], 0.0);
  const GroupValues n = Norm2(a);
  EXPECT_DOUBLE_EQ(n[0], 5.0);
  EXPECT_DOUBLE_EQ(n[1], 9.0);
  std::vector<uint64_t> added;
  const auto sum = Sum(a, b, &added);
  EXPECT_EQ(sum.size(), 3u);
  EXPECT_TRUE(added.empty());
}

TEST(GroupedVectorTest, GroupsOneSideLacksStayOutOfTheMean) {
  const GroupValues weights = {1.0, 1.0, 1.0};
  // Terms match perfectly; the article has numbers, the story none.
  const GroupValues dot = {1.0, 0.0, 0.0};
  const GroupValues article = {1.0, 0.0, 1.0};
  const GroupValues story = {1.0, 0.0, 0.0};
  EXPECT_DOUBLE_EQ(Similarity(weights, dot, article, story, false), 1.0);
  // Two stories: a group either has counts (numbers that do not match pull the mean down).
  EXPECT_DOUBLE_EQ(Similarity(weights, dot, article, story, true), 0.5);
  // Both have numbers and they do not match: a cosine of 0 in the mean.
  const GroupValues story_with_numbers = {1.0, 0.0, 1.0};
  EXPECT_DOUBLE_EQ(Similarity(weights, dot, article, story_with_numbers, false), 0.5);
  EXPECT_DOUBLE_EQ(Similarity(weights, dot, GroupValues{}, story, false), 0.0);
}

}  // namespace
}  // namespace depeche::story
