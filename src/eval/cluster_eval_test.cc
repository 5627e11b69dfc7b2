#include "eval/cluster_eval.h"

#include "gtest/gtest.h"

namespace depeche::eval {
namespace {

const std::string kData = DEPECHE_SHARED_DIR "/data";

ClusterEvalOptions Options() {
  ClusterEvalOptions options;
  options.pipeline.features.data_dir = DEPECHE_SOURCE_DIR "/data";
  return options;
}

TEST(ClusterEvalTest, NewsWcl50IsClusteredAndDeterministic) {
  auto a = EvaluateClustering("newswcl50", kData + "/cdcr-newswcl50-meantime-multi", Options());
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->documents, 50u);
  ASSERT_EQ(a->runs.size(), 1u);
  EXPECT_GT(a->mean.b3_f1, 0.7);
  auto b = EvaluateClustering("newswcl50", kData + "/cdcr-newswcl50-meantime-multi", Options());
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(a->mean.b3_f1, b->mean.b3_f1);
  EXPECT_EQ(a->mean.clusters_pred, b->mean.clusters_pred);
  EXPECT_NE(ClusterReportToJson(*a).find("\"b3_f1\""), std::string::npos);
}

TEST(ClusterEvalTest, EcbPlusShufflesAndSplits) {
  ClusterEvalOptions options = Options();
  options.shuffles = 2;
  options.split = "dev";
  auto report =
      EvaluateClustering("ecbplus", kData + "/ecbplus-eventstoryline/ECB+_LREC2014/ECB+", options);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->runs.size(), 2u);
  EXPECT_EQ(report->mean.clusters_gold, 16.0);  // 8 dev topics x 2 sub-topics
  EXPECT_GT(report->mean.b3_f1, 0.75);
  options.split = "test";  // topics 36-45 are not in the shared copy
  EXPECT_FALSE(
      EvaluateClustering("ecbplus", kData + "/ecbplus-eventstoryline/ECB+_LREC2014/ECB+", options)
          .ok());
}

TEST(ClusterEvalTest, RejectsUnknownFormatSplitAndOption) {
  EXPECT_FALSE(EvaluateClustering("nope", kData, Options()).ok());
  ClusterEvalOptions options = Options();
  options.split = "everything";
  EXPECT_FALSE(EvaluateClustering("uci", kData + "/uci-news-aggregator-sample", options).ok());
  story::StoryPipelineOptions pipeline;
  EXPECT_TRUE(SetClusterOption(pipeline, "threshold", "0.4").ok());
  EXPECT_DOUBLE_EQ(pipeline.cluster.threshold, 0.4);
  EXPECT_FALSE(SetClusterOption(pipeline, "threshold", "high").ok());
  EXPECT_FALSE(SetClusterOption(pipeline, "no_such_option", "1").ok());
}

}  // namespace
}  // namespace depeche::eval
