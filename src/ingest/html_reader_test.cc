#include "ingest/html_reader.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace depeche::ingest {
namespace {

constexpr char kPage[] = R"(<!doctype html><html lang="fr"><head>
<meta charset="utf-8"><title>Grève des contrôleurs aériens | Le Quotidien</title>
<meta property="og:site_name" content="Le Quotidien">
<meta property="article:published_time" content="2023-03-07T08:30:00+01:00">
<link rel="canonical" href="https://quotidien.example/2023/03/07/greve">
<meta name="author" content="Marie Dupont">
</head><body>
<nav><a href="/">Accueil</a> <a href="/monde">Monde</a> <a href="/eco">Économie</a></nav>
<article><h1>Grève des contrôleurs aériens</h1>
<p>Les contrôleurs aériens ont cessé le travail mardi matin dans plusieurs aéroports du sud du
pays, provoquant l'annulation de centaines de vols selon la direction générale.</p>
<p>Les syndicats réclament des recrutements et une revalorisation des salaires, tandis que le
ministère appelle à reprendre les négociations dans les plus brefs délais.</p>
</article><footer>© Le Quotidien — Mentions légales — Cookies</footer></body></html>)";

TEST(HtmlReaderTest, MapsThePageOntoTheArticle) {
  RawArticle raw;
  raw.html = kPage;
  ASSERT_TRUE(ReadHtmlInto(raw).ok());
  EXPECT_TRUE(raw.html.empty());
  EXPECT_EQ(raw.title, "Grève des contrôleurs aériens");
  EXPECT_EQ(raw.source, "Le Quotidien");
  EXPECT_EQ(raw.url, "https://quotidien.example/2023/03/07/greve");
  EXPECT_EQ(raw.lang, "fr");
  EXPECT_EQ(raw.published, "2023-03-07T07:30:00Z");
  EXPECT_NE(raw.text.find("contrôleurs aériens ont cessé"), std::string::npos);
  EXPECT_EQ(raw.text.find("Accueil"), std::string::npos);
  EXPECT_EQ(raw.text.find("Mentions légales"), std::string::npos);
  auto meta = nlohmann::json::parse(raw.metadata_json);
  EXPECT_EQ(meta["published_source"], "meta");
  EXPECT_EQ(meta["authors"][0], "Marie Dupont");
}

TEST(HtmlReaderTest, GivenFieldsWinAndEmptyPagesFail) {
  RawArticle raw;
  raw.html = kPage;
  raw.title = "Titre du flux";
  raw.url = "https://feed.example/item/1";
  ASSERT_TRUE(ReadHtmlInto(raw).ok());
  EXPECT_EQ(raw.title, "Titre du flux");
  EXPECT_EQ(raw.url, "https://feed.example/item/1");
  RawArticle empty;
  empty.html = "<html><body><nav><a href='/'>x</a></nav></body></html>";
  Status s = ReadHtmlInto(empty);
  EXPECT_FALSE(s.ok());
}

}  // namespace
}  // namespace depeche::ingest
