#include "ingest/html_metadata.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "ingest/html_article.h"

namespace depeche::ingest {
namespace {

using ::testing::ElementsAre;

HtmlMetadata MetaOf(const std::string& html, std::string_view url = "") {
  Result<HtmlDocument> doc = HtmlDocument::Parse(html);
  EXPECT_TRUE(doc.ok());
  return ExtractHtmlMetadata(*doc, url);
}

TEST(HtmlMetadataTest, JsonLdFirstThenMetaTags) {
  HtmlMetadata m = MetaOf(R"(<html lang="en-GB"><head>
    <title>Harbour vote splits town | The Coast Courier</title>
    <meta property="og:site_name" content="The Coast Courier">
    <meta property="article:published_time" content="2021-03-08T10:00:00Z">
    <meta property="og:image" content="https://cdn.test/harbour.jpg">
    <link rel="canonical" href="https://courier.test/news/harbour">
    <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
      {"@type":"WebSite","name":"Courier"},
      {"@type":"NewsArticle","headline":"Harbour vote","datePublished":"2021-03-09T08:00:00+01:00",
       "dateModified":"2021-03-10T09:00:00Z",
       "author":[{"@type":"Person","name":"Ana Lima"},{"@type":"Person","name":"Tom Roe"}],},
    ]}</script></head><body><h1>Harbour vote splits town</h1></body></html>)");
  EXPECT_EQ(m.title, "Harbour vote splits town");
  EXPECT_EQ(m.site_name, "The Coast Courier");
  EXPECT_EQ(m.lang, "en");
  EXPECT_EQ(m.canonical_url, "https://courier.test/news/harbour");
  EXPECT_EQ(m.image_url, "https://cdn.test/harbour.jpg");
  EXPECT_EQ(m.published.iso, "2021-03-09T08:00:00+01:00");  // JSON-LD wins, trailing commas and all
  EXPECT_EQ(m.published_source, "json-ld");
  EXPECT_EQ(m.published_text, "2021-03-09T08:00:00+01:00");
  EXPECT_EQ(m.modified.iso, "2021-03-10T09:00:00Z");
  EXPECT_THAT(m.authors, ElementsAre("Ana Lima", "Tom Roe"));
}

TEST(HtmlMetadataTest, FallsBackToMetaTimeAndUrl) {
  HtmlMetadata meta = MetaOf(
      "<meta name=\"author\" content=\"By Jo Bloggs\"><meta property=\"article:published_time\" "
      "content=\"2020-05-01T12:00:00Z\"><time datetime=\"2020-04-30\">x</time>");
  EXPECT_EQ(meta.published.iso, "2020-05-01T12:00:00Z");
  EXPECT_EQ(meta.published_source, "meta");
  EXPECT_THAT(meta.authors, ElementsAre("Jo Bloggs"));
  HtmlMetadata time = MetaOf("<p>Posted <time datetime=\"2020-04-30T08:00\">Thursday</time></p>");
  EXPECT_EQ(time.published.iso, "2020-04-30T08:00Z");
  EXPECT_EQ(time.published_source, "time");
  HtmlMetadata named = MetaOf(
      "<div class=\"byline\">By Jo Bloggs | Nov. 19, 2019</div><p class=\"last-updated\">"
      "Updated November 20, 2019</p>",
      "https://x.test/2019/11/18/a");
  EXPECT_EQ(named.published.iso, "2019-11-19");
  EXPECT_EQ(named.published_source, "text");
  HtmlMetadata url = MetaOf("<title>Story - Daily Planet</title>",
                            "https://www.dailyplanet.test/2018/07/04/story/");
  EXPECT_EQ(url.published.iso, "2018-07-04");
  EXPECT_EQ(url.published_source, "url");
  EXPECT_EQ(url.title, "Story");  // suffix matched against the host
  EXPECT_EQ(url.site_name, "dailyplanet.test");
  EXPECT_EQ(url.canonical_url, "https://www.dailyplanet.test/2018/07/04/story/");
}

TEST(HtmlMetadataTest, DatelineWhenThePageHasNoMachineDate) {
  std::string page =
      "<html lang=fr><body><article><p>PARIS, le 3 mars 2021 \xE2\x80\x94 Le conseil municipal a "
      "vot\xC3\xA9 mardi soir, apr\xC3\xA8s un long d\xC3\xA9"
      "bat, l'extension du port.</p>"
      "</article></body></html>";
  Result<HtmlArticle> article = ExtractHtmlArticle(page, {});
  ASSERT_TRUE(article.ok());
  EXPECT_EQ(article->metadata.lang, "fr");
  EXPECT_EQ(article->metadata.published.iso, "2021-03-03");
  EXPECT_EQ(article->metadata.published_source, "dateline");
}

TEST(CleanTitleTest, RemovesSiteNameSide) {
  EXPECT_EQ(CleanTitle("Big news | Example Times", "Example Times", "", ""), "Big news");
  EXPECT_EQ(CleanTitle("Example Times - Big news", "Example Times", "", ""), "Big news");
  EXPECT_EQ(CleanTitle("Big news \xE2\x80\x94 ET", "", "https://www.et.test/a", ""), "Big news");
  EXPECT_EQ(CleanTitle("Q&A - the answers | Blog", "", "", "Q&A - the answers"),
            "Q&A - the answers");
  EXPECT_EQ(CleanTitle("Left - Right", "", "", ""), "Left - Right");
  EXPECT_EQ(HostOf("https://www.example.co.uk:8080/x?y"), "www.example.co.uk");
}

}  // namespace
}  // namespace depeche::ingest
