#include "ingest/boilerplate_lines.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/boilerplate_rules.h"
#include "ingest/regex_literal.h"

namespace depeche::ingest {
namespace {

constexpr char kDataDir[] = DEPECHE_SOURCE_DIR "/data";

BoilerplateRules Rules(const std::string& lang) {
  auto rules = LoadBoilerplateRules(kDataDir, lang);
  EXPECT_TRUE(rules.ok()) << rules.status().ToString();
  return rules.ok() ? *rules : BoilerplateRules{};
}

std::vector<std::string> RemovedTexts(std::string_view text, const CleanedText& cleaned) {
  std::vector<std::string> out;
  for (const RemovedSpan& span : cleaned.removed) {
    EXPECT_LE(span.begin, span.end);
    EXPECT_LE(span.end, text.size());
    std::string s(text.substr(span.begin, span.end - span.begin));
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
    out.push_back(s);
  }
  return out;
}

TEST(BoilerplateRulesTest, AllLanguageFilesParse) {
  for (const char* lang : {"fr", "en", "es", "de", "it"}) {
    auto rules = LoadBoilerplateRules(kDataDir, lang);
    ASSERT_TRUE(rules.ok()) << lang << ": " << rules.status().ToString();
    EXPECT_NE(rules->rules, nullptr) << lang;
  }
}

TEST(BoilerplateRulesTest, UnknownLanguageGetsStructuralSignalsOnly) {
  auto rules = LoadBoilerplateRules(kDataDir, "zz");
  ASSERT_TRUE(rules.ok());
  EXPECT_EQ(rules->rules, nullptr);
  std::string text = "Body sentence here.\nhttps://example.org/a @someone #tag\n";
  CleanedText cleaned = RemoveBoilerplateLines(text, *rules);
  EXPECT_EQ(cleaned.text, "Body sentence here.\n");
  ASSERT_EQ(cleaned.removed.size(), 1u);
  EXPECT_EQ(cleaned.removed[0].reason, "links");
}

TEST(BoilerplateRulesTest, RejectsBadInput) {
  EXPECT_FALSE(LoadBoilerplateRules(kDataDir, "../etc").ok());
  EXPECT_FALSE(LoadBoilerplateRules(kDataDir, "").ok());
  EXPECT_FALSE(ParseBoilerplateRules("nonsense any cta * x", "xx").ok());
  EXPECT_FALSE(ParseBoilerplateRules("prefix somewhere cta * x", "xx").ok());
  EXPECT_FALSE(ParseBoilerplateRules("prefix any cta many x", "xx").ok());
  EXPECT_FALSE(ParseBoilerplateRules("regex any cta * (unclosed", "xx").ok());
  EXPECT_FALSE(ParseBoilerplateRules("prefix any cta *", "xx").ok());
  auto ok = ParseBoilerplateRules("# comment\n\nprefix any cta 3 Buy Now\n", "xx");
  ASSERT_TRUE(ok.ok());
  CleanedText cleaned = RemoveBoilerplateLines(
      "Text.\nBUY NOW!\nBuy now and save a lot on all our products today.\n", *ok);
  EXPECT_EQ(cleaned.text, "Text.\nBuy now and save a lot on all our products today.\n");
}

TEST(BoilerplateLinesTest, FrenchInventedArticle) {
  const std::string text =
      "Le conseil municipal de Valmont a voté lundi soir le budget de la nouvelle "
      "médiathèque, après trois heures de débat.\n\n"
      "« Nous n'avons jamais autant investi dans la culture », a déclaré la maire, Claire "
      "Vasseur.\n\n"
      "À lire aussi : Valmont, la ville qui veut rouvrir ses cinémas\n\n"
      "Photo : Reuters\n\n"
      "L'opposition a dénoncé un projet « hors de prix ». Marc Durand/Pool Photo via AP\n\n"
      "Les travaux doivent commencer au printemps.\n\n"
      "Abonnez-vous à notre lettre d'information quotidienne\n\n"
      "Suivez-nous sur Google Actualités pour ne rien manquer\n\n"
      "L’article Valmont vote sa médiathèque est apparu en premier sur Le Courrier de "
      "Valmont.\n\n"
      "Julie Martin est journaliste au service Régions du Courrier de Valmont.\n";
  CleanedText cleaned = RemoveBoilerplateLines(text, Rules("fr"));
  EXPECT_EQ(cleaned.text,
            "Le conseil municipal de Valmont a voté lundi soir le budget de la nouvelle "
            "médiathèque, après trois heures de débat.\n\n"
            "« Nous n'avons jamais autant investi dans la culture », a déclaré la maire, Claire "
            "Vasseur.\n\n"
            "L'opposition a dénoncé un projet « hors de prix ».\n\n"
            "Les travaux doivent commencer au printemps.\n");
  std::vector<std::string> removed = RemovedTexts(text, cleaned);
  ASSERT_EQ(removed.size(), 7u);
  EXPECT_EQ(removed[2], " Marc Durand/Pool Photo via AP");  // with the space before it
  EXPECT_EQ(cleaned.removed[0].reason, "related");
  EXPECT_EQ(cleaned.removed[1].reason, "credit");
  EXPECT_EQ(cleaned.removed[3].reason, "cta");
  EXPECT_EQ(cleaned.removed[4].reason, "follow");
  EXPECT_EQ(cleaned.removed[5].reason, "syndication");
  EXPECT_EQ(cleaned.removed[6].reason, "bio");
}

TEST(BoilerplateLinesTest, FrenchDonationBoxTakesItsFragments) {
  const std::string text =
      "Le port a rouvert mardi après deux semaines de grève.\n"
      "Un avenir incertain\n"
      "Merci de votre fidélité\n"
      "Votre soutien nous aide à rester indépendants et gratuits pour tous\n"
      "Soutenez-nous dès aujourd'hui\n"
      "les archives\n"
      "Les dockers ont obtenu une hausse de salaire de 4 %.\n"
      "Calendrier\n"
      "Les négociations reprendront en juin.\n";
  CleanedText cleaned = RemoveBoilerplateLines(text, Rules("fr"));
  EXPECT_EQ(cleaned.text,
            "Le port a rouvert mardi après deux semaines de grève.\n"
            "Les dockers ont obtenu une hausse de salaire de 4 %.\n"
            "Calendrier\n"
            "Les négociations reprendront en juin.\n");
}

TEST(BoilerplateLinesTest, LoneCallToActionKeepsHeadingAbove) {
  const std::string text =
      "Premier paragraphe du texte, assez long pour être une phrase.\n"
      "Le calendrier\n"
      "Abonnez-vous à notre newsletter\n"
      "Les élections auront lieu en mars.\n";
  CleanedText cleaned = RemoveBoilerplateLines(text, Rules("fr"));
  EXPECT_EQ(cleaned.text,
            "Premier paragraphe du texte, assez long pour être une phrase.\n"
            "Le calendrier\n"
            "Les élections auront lieu en mars.\n");
}

TEST(BoilerplateLinesTest, EnglishInventedArticle) {
  const std::string text =
      "The city council of Northfield approved a new bus network on Tuesday.\n"
      "\"This is the biggest change in thirty years,\" said council member Dana Reyes.\n"
      "Read more: Northfield residents split over bus plan\n"
      "Great day for public transport in our town! pic.twitter.com/AbC123xyz\n"
      "\u2014 Dana Reyes (@danareyes) March 3, 2025\n"
      "The network will start operating in September.\n"
      "(Photo by Sam Lee/AFP via Getty Images)\n"
      "Support us: every contribution counts\n"
      "Follow us on Google News\n"
      "Share on Facebook | Twitter | Email\n"
      "The post Northfield gets a new bus network appeared first on Northfield Daily.\n"
      "Tom Becker is a reporter at Northfield Daily covering local politics.\n";
  CleanedText cleaned = RemoveBoilerplateLines(text, Rules("en"));
  EXPECT_EQ(cleaned.text,
            "The city council of Northfield approved a new bus network on Tuesday.\n"
            "\"This is the biggest change in thirty years,\" said council member Dana Reyes.\n"
            "The network will start operating in September.\n");
  std::vector<std::string> reasons;
  for (const RemovedSpan& span : cleaned.removed) reasons.push_back(span.reason);
  EXPECT_EQ(reasons, (std::vector<std::string>{"related", "tweet", "tweet", "credit", "cta",
                                               "follow", "share", "syndication", "bio"}));
}

TEST(BoilerplateLinesTest, EnglishBodyWithSimilarWordsStays) {
  // Words that junk lines use, inside real sentences, must not trigger removals.
  const std::string text =
      "Voters showed strong support for the measure, which passed with 61 percent.\n"
      "The newspaper's editor said the story would be followed up next week.\n"
      "Photographs of the flooded streets circulated widely on social media.\n"
      "Officials said the source of the leak had not been identified.\n";
  CleanedText cleaned = RemoveBoilerplateLines(text, Rules("en"));
  EXPECT_EQ(cleaned.text, text);
  EXPECT_TRUE(cleaned.removed.empty());
}

TEST(BoilerplateLinesTest, OtherLanguages) {
  struct Case {
    const char* lang;
    const char* junk;
  };
  for (const Case& c : {Case{"es", "Síguenos en Google Noticias"},
                        Case{"es", "Lee también: El Gobierno aprueba el presupuesto"},
                        Case{"de", "Lesen Sie auch: Neue Regeln für Mieter"},
                        Case{"de", "Folgen Sie uns auf Google News"},
                        Case{"it", "Leggi anche: il governo approva la manovra"},
                        Case{"it", "Seguici su Google News"}}) {
    std::string body = "Una frase normale del testo con abbastanza parole per restare.\n";
    std::string text = body + c.junk + "\n" + body;
    CleanedText cleaned = RemoveBoilerplateLines(text, Rules(c.lang));
    EXPECT_EQ(cleaned.text, body + body) << c.lang << ": " << c.junk;
  }
}

// The seeds are real scraped articles with junk lines. Report what goes, and check that the
// body stays: no quoted speech, no long sentence line and no large share of the text removed.
TEST(BoilerplateLinesTest, SeedsLoseJunkAndKeepBody) {
  const std::filesystem::path dir = DEPECHE_SHARED_DIR "/seeds";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << "no seeds at " << dir;
  BoilerplateRules rules = Rules("fr");
  std::size_t files = 0;
  std::size_t total_removed = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") continue;
    ++files;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    CleanedText cleaned = RemoveBoilerplateLines(text, rules);
    std::vector<std::string> removed = RemovedTexts(text, cleaned);
    std::size_t removed_bytes = 0;
    std::cout << "[seed] " << entry.path().filename().string() << ": " << removed.size()
              << " span(s)\n";
    for (std::size_t i = 0; i < removed.size(); ++i) {
      removed_bytes += removed[i].size();
      std::cout << "  - " << cleaned.removed[i].reason << ": " << removed[i].substr(0, 90)
                << (removed[i].size() > 90 ? "..." : "") << "\n";
      const std::string& r = removed[i];
      std::size_t words = 1 + std::count(r.begin(), r.end(), ' ');
      bool quoted_speech =
          r.find("\xc2\xbb,") != std::string::npos || r.find(
                                                          "a d\xc3\xa9"
                                                          "clar\xc3\xa9") != std::string::npos;
      EXPECT_FALSE(quoted_speech) << "quoted speech removed: " << r;
      if (cleaned.removed[i].reason != "syndication" && cleaned.removed[i].reason != "tweet") {
        EXPECT_LE(words, 30u) << "long line removed: " << r;
      }
    }
    total_removed += removed.size();
    EXPECT_LT(removed_bytes * 10, text.size()) << entry.path();  // < 10% of the text
    // Generic junk markers never survive.
    for (const char* marker : {"pic.twitter.com", "est apparu en premier sur", "Google Actualit",
                               "Soutenez-nous", "Photo via", "Source : "}) {
      EXPECT_EQ(cleaned.text.find(marker), std::string::npos) << entry.path() << ": " << marker;
    }
  }
  EXPECT_GT(files, 0u);
  EXPECT_GT(total_removed, 0u);
}

}  // namespace
}  // namespace depeche::ingest

namespace depeche::ingest::internal {
namespace {

TEST(BuiltinBoilerplateRulesTest, AllParse) {
  // The built-in text is parsed once at run time; a rule ICU rejected would silently vanish.
  const BoilerplateRuleSet& set = BuiltinBoilerplateRules();
  ASSERT_EQ(set.rules.size(), 5u);
  for (const BoilerplateRule& rule : set.rules) EXPECT_NE(rule.regex, nullptr) << rule.reason;
}

TEST(RequiredLiteralTest, FindsLiteralsEveryMatchNeeds) {
  EXPECT_EQ(RequiredLiteral(R"(^l'article\s.{1,400}\sest apparu en premier sur\s)"),
            "est apparu en premier sur");
  EXPECT_EQ(RequiredLiteral(R"(\bcookies?\b.{0,80}\b(?:accept|use))"), "cookie");
  EXPECT_EQ(RequiredLiteral(R"(pic\.twitter\.com/\w+)"), "pic.twitter.com/");
  EXPECT_EQ(RequiredLiteral(R"((?-i)\p{Lu}[\p{L}'.-]*\s?/\s?[\p{L}\s]{0,30}?\bVia\s\p{Lu})"),
            "via");
  EXPECT_EQ(RequiredLiteral(R"(\u00bbabc)"), "abc");  // escapes are not literal text
  EXPECT_EQ(RequiredLiteral(R"(ab|cd)"), "");         // top-level alternation
  EXPECT_EQ(RequiredLiteral(R"((?:abc|def)x?)"), "");
  EXPECT_EQ(RequiredLiteral(R"(ab{2}cd)"), "cd");  // a quantified char is not required as is
  EXPECT_EQ(RequiredLiteral(R"([abc]+ xyz)"), " xyz");
}

}  // namespace
}  // namespace depeche::ingest::internal
