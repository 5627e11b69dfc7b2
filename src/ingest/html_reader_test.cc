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
  EXPECT_EQ(raw.published, "2023-03-07T08:30:00+01:00");
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

// The chrome around a real short page: navigation, a cookie banner, related links and a
// comment thread longer than the article itself.
std::string Chrome(const std::string& content) {
  std::string comments;
  for (int i = 0; i < 6; ++i) {
    comments +=
        "<li class=\"comment\"><p>Ich finde das wirklich eine gute Nachricht, endlich "
        "passiert etwas in unserem Viertel, und ich hoffe, dass es so bleibt. Beitrag " +
        std::to_string(i) + ".</p></li>";
  }
  return "<!doctype html><html lang=\"de\"><head><meta charset=\"utf-8\">"
         "<title>Hund vertreibt Einbrecher | Stadtanzeiger</title>"
         "<meta property=\"og:type\" content=\"article\"></head><body>"
         "<div class=\"cookie-banner\"><p>Wir verwenden Cookies, um Ihnen ein optimales "
         "Erlebnis zu bieten, und um unsere Inhalte zu verbessern. Mit Klick auf OK stimmen Sie "
         "zu.</p></div><nav><a href=\"/\">Start</a> <a href=\"/lokal\">Lokales</a> "
         "<a href=\"/sport\">Sport</a></nav><main>" +
         content +
         "<div class=\"related\"><h3>Mehr zum Thema</h3><ul><li><a href=\"/a\">Polizei sucht "
         "Zeugen nach Unfall</a></li><li><a href=\"/b\">Neue Buslinie ab Montag</a></li></ul>"
         "</div></main><section class=\"comments\"><h3>Kommentare</h3><ol>" +
         comments +
         "</ol></section><footer><p>Impressum Datenschutz Kontakt</p></footer>"
         "</body></html>";
}

TEST(HtmlReaderTest, AShortBriefIsKept) {
  // A 400-character brief with its headline, inside a widget wrapper whose class name reads as
  // boilerplate, on a page whose comments hold more text than the article.
  std::string brief =
      "<article class=\"post type-post enable-pin-share\"><h1>Hund vertreibt Einbrecher</h1>"
      "<div class=\"elementor-widget-container\"><p>In der Nacht zum Mittwoch hat ein Hund in "
      "der Nordstadt einen Einbrecher in die Flucht geschlagen. Der Mann war gegen zwei Uhr "
      "über die Terrassentür in das Einfamilienhaus eingedrungen, berichtet die Polizei.</p>"
      "<p>Als der Hund des Hausbewohners anschlug, flüchtete der Täter ohne Beute in Richtung "
      "Bahnhof. Die Polizei bittet Zeugen, sich unter der bekannten Nummer zu melden.</p></div>"
      "</article>";
  RawArticle raw;
  raw.html = Chrome(brief);
  Status s = ReadHtmlInto(raw);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(raw.title, "Hund vertreibt Einbrecher");
  EXPECT_NE(raw.text.find("einen Einbrecher in die Flucht geschlagen"), std::string::npos)
      << raw.text;
  EXPECT_NE(raw.text.find("unter der bekannten Nummer zu melden."), std::string::npos);
  EXPECT_EQ(raw.text.find("Cookies"), std::string::npos) << raw.text;
  EXPECT_EQ(raw.text.find("endlich passiert etwas"), std::string::npos) << raw.text;
  EXPECT_LT(raw.text.size(), 600u);
}

TEST(HtmlReaderTest, TagAndIndexPagesAreRefusedWithTheReason) {
  std::string teasers;
  for (int i = 0; i < 8; ++i) {
    teasers += "<article class=\"teaser\"><h2><a href=\"/2023/11/0" + std::to_string(i) +
               "/story\">Gemeinderat streitet über den Haushalt, Folge " + std::to_string(i) +
               "</a></h2><p>Die Fraktionen konnten sich auch am Dienstag nicht einigen, wie es "
               "weitergeht.</p></article>";
  }
  RawArticle tag;
  tag.html =
      "<html><head><title>Thema: Haushalt</title><meta property=\"og:type\" "
      "content=\"website\"></head><body><nav><a href=\"/\">Start</a></nav><main>"
      "<h1>Thema: Haushalt</h1>" +
      teasers + "</main><footer>Impressum</footer></body></html>";
  Status s = ReadHtmlInto(tag);
  ASSERT_FALSE(s.ok()) << tag.text;
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("index page"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("8 linked headlines"), std::string::npos) << s.message();

  // A page that declares itself a collection (Yoast's JSON-LD on WordPress tag pages).
  RawArticle listing;
  listing.html =
      "<html><head><script type=\"application/ld+json\">{\"@context\":"
      "\"https://schema.org\",\"@graph\":[{\"@type\":\"CollectionPage\",\"name\":"
      "\"Haushalt\"}]}</script></head><body><main><h1>Haushalt</h1>" +
      teasers.substr(0, teasers.size() / 2) + "</main></body></html>";
  s = ReadHtmlInto(listing);
  ASSERT_FALSE(s.ok()) << listing.text;
  EXPECT_NE(s.message().find("listing page"), std::string::npos) << s.message();

  // A photo gallery: images and captions, no text.
  std::string images;
  for (int i = 0; i < 8; ++i) {
    images += "<div class=\"slide\"><img src=\"/p" + std::to_string(i) + ".jpg\"><p>Bild " +
              std::to_string(i) + " von 8: Der Umzug</p></div>";
  }
  RawArticle gallery;
  gallery.html = "<html><body><main><h1>Bilder vom Umzug</h1><div class=\"gallery\">" + images +
                 "</div></main></body></html>";
  s = ReadHtmlInto(gallery);
  ASSERT_FALSE(s.ok()) << gallery.text;
  EXPECT_NE(s.message().find("gallery page"), std::string::npos) << s.message();
}

TEST(HtmlReaderTest, AVideoPageKeepsItsDescription) {
  RawArticle raw;
  raw.html =
      "<html><head><meta property=\"og:type\" content=\"article\"><meta property=\"og:title\" "
      "content=\"US-Sport in Zeiten von Corona\"><meta property=\"og:description\" "
      "content=\"New York ist das Epizentrum der Corona-Pandemie in den USA. Auch der Sport ist "
      "zum Stillstand gekommen. Wie es weitergeht, ist unklar.\"></head><body><nav><a "
      "href=\"/\">Start</a></nav><div class=\"player\"><video src=\"v.mp4\"></video></div>"
      "<div class=\"item-caption\"><p>New York ist das Epizentrum der Corona-Pandemie in den "
      "USA.</p></div></body></html>";
  Status s = ReadHtmlInto(raw);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(raw.title, "US-Sport in Zeiten von Corona");
  EXPECT_NE(raw.text.find("Auch der Sport ist zum Stillstand gekommen."), std::string::npos);
  ASSERT_FALSE(raw.warnings.empty());
  EXPECT_NE(raw.warnings.back().find("description"), std::string::npos);
}

TEST(HtmlReaderTest, TheArticleBodyOfTheJsonLdStandsForALostBody) {
  RawArticle raw;
  raw.html =
      "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
      "\"headline\":\"Gas leak closes the village\",\"articleBody\":\"Dresden Drive is closed "
      "between the two roundabouts after a gas leak on Wednesday morning.\\nCrews expect the "
      "repairs to last until the evening, the city said.\"}</script></head><body><div "
      "class=\"share-tools\"><p>Dresden Drive is closed between the two roundabouts.</p></div>"
      "</body></html>";
  Status s = ReadHtmlInto(raw);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(raw.text,
            "Dresden Drive is closed between the two roundabouts after a gas leak on Wednesday "
            "morning.\n\nCrews expect the repairs to last until the evening, the city said.");
}

}  // namespace
}  // namespace depeche::ingest
