#include "eval/cluster_metrics.h"

#include "gtest/gtest.h"

namespace depeche::eval {
namespace {

TEST(ClusterMetricsTest, PerfectClustering) {
  const ClusterScores s = ScoreClustering({"a", "a", "b"}, {"x", "x", "y"});
  EXPECT_DOUBLE_EQ(s.b3_precision, 1.0);
  EXPECT_DOUBLE_EQ(s.b3_recall, 1.0);
  EXPECT_DOUBLE_EQ(s.pairwise_f1, 1.0);
  EXPECT_DOUBLE_EQ(s.clusters_pred, 2.0);
  EXPECT_DOUBLE_EQ(s.clusters_gold, 2.0);
}

TEST(ClusterMetricsTest, KnownB3Values) {
  // Gold {1,2,3} {4,5}; predicted {1,2} {3,4,5}.
  const ClusterScores s = ScoreClustering({"a", "a", "a", "b", "b"}, {"x", "x", "y", "y", "y"});
  // Precision per item: 1,1,1/3,2/3,2/3 -> 11/15; recall: 2/3,2/3,1/3,1,1 -> 11/15.
  EXPECT_NEAR(s.b3_precision, 11.0 / 15.0, 1e-12);
  EXPECT_NEAR(s.b3_recall, 11.0 / 15.0, 1e-12);
  EXPECT_NEAR(s.b3_f1, 11.0 / 15.0, 1e-12);
  // Pairs: true {1,2} {4,5} = 2; predicted 1 + 3 = 4; gold 3 + 1 = 4.
  EXPECT_NEAR(s.pairwise_precision, 0.5, 1e-12);
  EXPECT_NEAR(s.pairwise_recall, 0.5, 1e-12);
}

TEST(ClusterMetricsTest, SingletonsAndAllInOne) {
  const ClusterScores singletons = ScoreClustering({"a", "a", "b", "b"}, {"1", "2", "3", "4"});
  EXPECT_DOUBLE_EQ(singletons.b3_precision, 1.0);
  EXPECT_DOUBLE_EQ(singletons.b3_recall, 0.5);
  EXPECT_DOUBLE_EQ(singletons.pairwise_recall, 0.0);
  const ClusterScores one = ScoreClustering({"a", "a", "b", "b"}, {"x", "x", "x", "x"});
  EXPECT_DOUBLE_EQ(one.b3_precision, 0.5);
  EXPECT_DOUBLE_EQ(one.b3_recall, 1.0);
  EXPECT_EQ(ScoreClustering({"a"}, {}).items, 0.0);
}

TEST(ClusterMetricsTest, MeanAndStdev) {
  ClusterScores a, b;
  a.b3_f1 = 0.8;
  b.b3_f1 = 1.0;
  EXPECT_NEAR(MeanScores({a, b}).b3_f1, 0.9, 1e-12);
  EXPECT_NEAR(StdevScores({a, b}).b3_f1, 0.1, 1e-12);
  EXPECT_EQ(MeanScores({}).b3_f1, 0.0);
}

}  // namespace
}  // namespace depeche::eval
