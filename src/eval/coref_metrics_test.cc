#include "eval/coref_metrics.h"

#include <gtest/gtest.h>

namespace depeche::eval {
namespace {

// gold {a,b,c} {d,e}; predicted {a,b} {c,d,e}. Worked by hand:
// MUC R = ((3-2) + (2-1)) / ((3-1) + (2-1)) = 2/3, P likewise 2/3;
// B3 P = R = (1 + 1 + 1/3 + 2/3 + 2/3) / 5 and (2/3 + 2/3 + 1/3 + 1 + 1) / 5 = 11/15;
// CEAF-e: phi4 {a,b,c}~{a,b} = 0.8, {d,e}~{c,d,e} = 0.8 -> P = R = 1.6 / 2.
TEST(CorefMetricsTest, HandWorkedExample) {
  std::vector<std::string> gold = {"A", "A", "A", "B", "B"};
  std::vector<std::string> pred = {"x", "x", "y", "y", "y"};
  CorefScores s = ScoreCoreference(gold, pred);
  EXPECT_NEAR(s.muc.recall, 2.0 / 3, 1e-9);
  EXPECT_NEAR(s.muc.precision, 2.0 / 3, 1e-9);
  EXPECT_NEAR(s.b3.precision, 11.0 / 15, 1e-9);
  EXPECT_NEAR(s.b3.recall, 11.0 / 15, 1e-9);
  EXPECT_NEAR(s.ceafe.precision, 0.8, 1e-9);
  EXPECT_NEAR(s.ceafe.recall, 0.8, 1e-9);
  EXPECT_NEAR(s.conll_f1, (2.0 / 3 + 11.0 / 15 + 0.8) / 3, 1e-9);
  EXPECT_EQ(s.gold_clusters, 2u);
  EXPECT_EQ(s.predicted_clusters, 2u);
}

TEST(CorefMetricsTest, PerfectAndDegenerate) {
  std::vector<std::string> gold = {"A", "A", "B", "C"};
  CorefScores perfect = ScoreCoreference(gold, {"1", "1", "2", "3"});
  EXPECT_DOUBLE_EQ(perfect.conll_f1, 1.0);
  // Everything in one cluster: B3 precision drops, recall stays 1.
  CorefScores lumped = ScoreCoreference(gold, {"z", "z", "z", "z"});
  EXPECT_DOUBLE_EQ(lumped.b3.recall, 1.0);
  EXPECT_NEAR(lumped.b3.precision, (0.5 + 0.5 + 0.25 + 0.25) / 4, 1e-9);
  EXPECT_EQ(ScoreCoreference({}, {}).mentions, 0u);
  EXPECT_EQ(ScoreCoreference({"A"}, {"x", "y"}).mentions, 0u);
}

}  // namespace
}  // namespace depeche::eval
