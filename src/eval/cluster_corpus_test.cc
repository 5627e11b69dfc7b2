#include "eval/cluster_corpus.h"

#include <set>

#include "gtest/gtest.h"

namespace depeche::eval {
namespace {

const std::string kData = DEPECHE_SHARED_DIR "/data";

TEST(ClusterCorpusTest, ParsesEcbPlusXml) {
  const std::string xml =
      "<Document doc_name=\"x\">\n"
      "<token t_id=\"1\" sentence=\"0\" number=\"0\">Fire</token>\n"
      "<token t_id=\"2\" sentence=\"0\" number=\"1\">kills</token>\n"
      "<token t_id=\"3\" sentence=\"1\" number=\"0\">A</token>\n"
      "<token t_id=\"4\" sentence=\"1\" number=\"1\">&quot;big&quot;</token>\n"
      "<token t_id=\"5\" sentence=\"1\" number=\"2\">one</token>\n</Document>";
  auto doc = ParseEcbPlusXml(xml, "x");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->title, "Fire kills");
  EXPECT_EQ(doc->text, "Fire kills\nA \"big\" one");
  EXPECT_FALSE(ParseEcbPlusXml("<Document></Document>", "y").ok());

  // The ecbplus documents open with their URL: it is set apart, not taken as the headline.
  const std::string with_url =
      "<token t_id=\"1\" sentence=\"0\" number=\"0\">http</token>"
      "<token t_id=\"2\" sentence=\"0\" number=\"1\">:</token>"
      "<token t_id=\"3\" sentence=\"0\" number=\"2\">/</token>"
      "<token t_id=\"4\" sentence=\"0\" number=\"3\">/</token>"
      "<token t_id=\"5\" sentence=\"0\" number=\"4\">a.com</token>"
      "<token t_id=\"6\" sentence=\"1\" number=\"0\">Fire</token>"
      "<token t_id=\"7\" sentence=\"1\" number=\"1\">kills</token>";
  auto url_doc = ParseEcbPlusXml(with_url, "z");
  ASSERT_TRUE(url_doc.ok());
  EXPECT_EQ(url_doc->url, "http://a.com");
  EXPECT_EQ(url_doc->title, "Fire kills");
  EXPECT_EQ(url_doc->text, "Fire kills");
}

TEST(ClusterCorpusTest, ReadsEcbPlusTopics) {
  auto docs = ReadEcbPlus(kData + "/ecbplus-eventstoryline/ECB+_LREC2014/ECB+");
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  EXPECT_GT(docs->size(), 700u);
  std::set<std::string> gold, topics;
  for (const GoldDocument& doc : *docs) {
    gold.insert(doc.gold);
    topics.insert(doc.topic);
    EXPECT_FALSE(doc.text.empty());
    EXPECT_FALSE(doc.published.has_value());
  }
  EXPECT_EQ(gold.size(), 2 * topics.size());
  EXPECT_EQ(docs->front().id, "1/1_10ecb");
  EXPECT_EQ(docs->front().gold, "1_ecb");
  EXPECT_FALSE(ReadEcbPlus(kData + "/no-such-folder").ok());
}

TEST(ClusterCorpusTest, ReadsUciInTimeOrder) {
  auto docs = ReadUciNews(kData + "/uci-news-aggregator-sample");
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  EXPECT_EQ(docs->size(), 6366u);  // 6,367 rows, the last one cut
  std::set<std::string> stories;
  for (size_t i = 0; i < docs->size(); ++i) {
    stories.insert((*docs)[i].gold);
    ASSERT_TRUE((*docs)[i].published.has_value());
    if (i > 0) {
      EXPECT_LE(*(*docs)[i - 1].published, *(*docs)[i].published);
    }
  }
  EXPECT_EQ(stories.size(), 87u);  // the 88th story's only row is the cut one
}

TEST(ClusterCorpusTest, ReadsNewsWcl50) {
  auto docs = ReadNewsWcl50(kData + "/cdcr-newswcl50-meantime-multi");
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  EXPECT_EQ(docs->size(), 50u);
  std::set<std::string> events;
  size_t dated = 0;
  int64_t last = 0;
  for (const GoldDocument& doc : *docs) {
    events.insert(doc.gold);
    EXPECT_GT(doc.text.size(), 1000u);
    EXPECT_FALSE(doc.url.empty()) << doc.id;
    if (doc.published.has_value()) {
      ++dated;
      EXPECT_LE(last, *doc.published) << doc.id;  // publication order
      last = *doc.published;
    }
  }
  EXPECT_EQ(events.size(), 10u);
  EXPECT_GE(dated, 30u);  // the URLs with a /YYYY/MM/DD/ path
  // "0/-/0_R" is www.foxnews.com/politics/2018/04/17/cia-director-mike-pompeo-met-...
  for (const GoldDocument& doc : *docs) {
    if (doc.id != "0/-/0_R") continue;
    ASSERT_TRUE(doc.published.has_value());
    EXPECT_EQ(*doc.published, 1523923200);  // 2018-04-17T00:00:00Z
  }
}

}  // namespace
}  // namespace depeche::eval
