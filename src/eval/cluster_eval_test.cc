#include "eval/cluster_eval.h"

#include "depeche/config.h"
#include "gtest/gtest.h"

namespace depeche::eval {
namespace {

const std::string kData = DEPECHE_SHARED_DIR "/data";

const engine::Analyzer& TestAnalyzer() {
  static const engine::Analyzer* const kAnalyzer = [] {
    EngineConfig config;
    config.data_dir = DEPECHE_SOURCE_DIR "/data";
    auto analyzer = engine::Analyzer::Create(config);
    return analyzer.ok() ? analyzer->release() : nullptr;
  }();
  EXPECT_NE(kAnalyzer, nullptr);
  return *kAnalyzer;
}

ClusterEvalOptions Options() {
  ClusterEvalOptions options;
  options.pipeline.features.data_dir = DEPECHE_SOURCE_DIR "/data";
  options.analyzer = &TestAnalyzer();
  return options;
}

TEST(ClusterEvalTest, GoldDocumentsBecomeTheRecordsAReaderReturns) {
  GoldDocument doc;
  doc.id = "1/1ecb";
  doc.url = "http://example.com/2013/05/03/a";
  doc.title = "Storm hits the coast";
  doc.text = "Storm hits the coast\nWinds of 150 km/h tore roofs off on Friday.";
  doc.published = 1367539200;  // 2013-05-03
  ingest::RawArticle txt = ToRawArticle("ecbplus", doc, nullptr);
  EXPECT_EQ(txt.title, "Storm hits the coast");  // a first line without a full stop
  EXPECT_EQ(txt.text, "Winds of 150 km/h tore roofs off on Friday.");
  EXPECT_TRUE(txt.lang.empty());  // the corpus declares no language
  EXPECT_EQ(txt.url, doc.url);
  EXPECT_EQ(ToRawArticle("newswcl50", doc, nullptr).published, "2013-05-03");
  ingest::RawArticle headline = ToRawArticle("uci", doc, nullptr);
  EXPECT_EQ(headline.title, "Storm hits the coast");
  EXPECT_TRUE(headline.text.empty());
  EXPECT_EQ(headline.published, "2013-05-03T00:00:00Z");

  std::vector<PreparedDocument> prepared = PrepareDocuments("ecbplus", {doc}, TestAnalyzer());
  ASSERT_EQ(prepared.size(), 1u);
  ASSERT_TRUE(prepared[0].article.has_value()) << prepared[0].error;
  EXPECT_EQ(prepared[0].article->id, "1/1ecb");
  EXPECT_EQ(prepared[0].article->lang, "en");  // identified, not assumed
  doc.text = "";
  prepared = PrepareDocuments("ecbplus", {doc}, TestAnalyzer());
  EXPECT_FALSE(prepared[0].article.has_value());
  EXPECT_FALSE(prepared[0].error.empty());
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
  ClusterEvalOptions no_analyzer = Options();
  no_analyzer.analyzer = nullptr;
  EXPECT_FALSE(
      EvaluateClustering("newswcl50", kData + "/cdcr-newswcl50-meantime-multi", no_analyzer).ok());
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
