#include "engine/analyzer.h"

#include <gtest/gtest.h>

namespace depeche::engine {
namespace {

TEST(DeriveTitleTest, ShortSentenceIsKept) {
  EXPECT_EQ(DeriveTitle("La Russie nie  planifier\nune offensive."),
            "La Russie nie planifier une offensive.");
}

TEST(DeriveTitleTest, LongSentenceIsCutAtAWord) {
  std::string s =
      "Le chef de la diplomatie américaine se rendra en Europe dans un climat de fortes tensions "
      "exprimées par Kiev et ses partenaires européens au sujet des soldats russes.";
  std::string t = DeriveTitle(s, 60);
  EXPECT_TRUE(t.ends_with("…"));
  EXPECT_LE(t.size(), 60u + 3);
  EXPECT_TRUE(s.starts_with(t.substr(0, t.size() - 3)));
  EXPECT_NE(t[t.size() - 4], ' ');
}

class AnalyzerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto a = Analyzer::Create(EngineConfig{});
    ASSERT_TRUE(a.ok()) << a.status().ToString();
    analyzer_ = std::move(a).value();
  }
  std::unique_ptr<Analyzer> analyzer_;
};

TEST_F(AnalyzerTest, FillsLanguageSentencesHashAndId) {
  ingest::RawArticle raw;
  raw.text =
      "Les ministres se sont réunis à Genève. Ils ont parlé de l’Ukraine pendant trois heures.";
  raw.published = "2022-01-21T10:00:00+01:00";
  auto a = analyzer_->Analyze(raw);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->lang, "fr");
  EXPECT_EQ(a->sentences.size(), 2u);
  EXPECT_EQ(a->published.iso, "2022-01-21T10:00:00+01:00");
  EXPECT_EQ(a->title, "Les ministres se sont réunis à Genève.");
  EXPECT_EQ(a->id.size(), 16u);
  EXPECT_EQ(a->content_hash.size(), 16u);
  EXPECT_FALSE(analyzer_->sentence_starters().empty());
}

TEST_F(AnalyzerTest, ContentHashIgnoresSpacingCaseAndPunctuation) {
  ingest::RawArticle a, b;
  a.text = "Le chef de la diplomatie américaine rencontrera son homologue russe vendredi.";
  b.text = "LE CHEF de la diplomatie  américaine,\nrencontrera son homologue russe — vendredi !";
  auto x = analyzer_->Analyze(a);
  auto y = analyzer_->Analyze(b);
  ASSERT_TRUE(x.ok() && y.ok());
  EXPECT_EQ(x->content_hash, y->content_hash);
  EXPECT_EQ(x->id, y->id) << "no URL: the id comes from the content";
  b.url = "https://example.org/a";
  auto z = analyzer_->Analyze(b);
  ASSERT_TRUE(z.ok());
  EXPECT_NE(z->id, y->id);
}

TEST_F(AnalyzerTest, ContentHashWordsAreTheIndexWords) {
  // text::NextWord: every number is a word character. The hash used to take decimal digits
  // only, so the ideographic zero (U+3007, a letter-number NFKC keeps) separated and these
  // two texts hashed the same. An apostrophe separates, in both definitions.
  ingest::RawArticle a, b, c, d;
  a.text = "会议于二〇一四年三月在北京举行，各国代表出席。";
  b.text = "会议于二 一四年三月在北京举行，各国代表出席。";
  c.text = "Il n'a pas dit aujourd'hui ce qu'il ferait.";
  d.text = "Il n a pas dit aujourd hui ce qu il ferait";
  auto w = analyzer_->Analyze(a);
  auto x = analyzer_->Analyze(b);
  auto y = analyzer_->Analyze(c);
  auto z = analyzer_->Analyze(d);
  ASSERT_TRUE(w.ok() && x.ok() && y.ok() && z.ok());
  EXPECT_NE(w->content_hash, x->content_hash);
  EXPECT_EQ(y->content_hash, z->content_hash);
}

TEST_F(AnalyzerTest, DeclaredLanguageIsCheckedAgainstTheText) {
  ingest::RawArticle raw;
  raw.lang = "en";
  raw.text =
      "Le gouvernement allemand a annoncé jeudi un nouveau plan d'aide pour les entreprises "
      "touchées par la hausse des prix de l'énergie.";
  auto a = analyzer_->Analyze(raw);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->lang, "fr");
  EXPECT_EQ(a->lang_declared, "en");
  ASSERT_FALSE(a->warnings.empty());
  EXPECT_NE(a->warnings[0].find("declared language 'en'"), std::string::npos);
}

TEST_F(AnalyzerTest, ControlCharactersAndEmptyText) {
  ingest::RawArticle raw;
  raw.text = std::string("Texte\x01 avec\0 contr\x03oles.\r\nFin.", 30);
  auto a = analyzer_->Analyze(raw);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->text.find('\0'), std::string::npos);
  EXPECT_EQ(a->text.find('\r'), std::string::npos);
  ingest::RawArticle empty;
  empty.text = " \n\t ";
  EXPECT_FALSE(analyzer_->Analyze(empty).ok());
}

// Headline feeds (issue 9): a title without text is stored, with the title as its text, and is
// never taken for boilerplate ("Video:" starts credit lines in data/en/boilerplate.txt).
TEST_F(AnalyzerTest, TitleOnlyRecordsAreArticles) {
  const std::string title = "Video: Obama jokes with Zach Galifianakis on 'Between Two Ferns'";
  for (const std::string& text : {std::string(), title, " " + title + "\n"}) {
    ingest::RawArticle raw;
    raw.title = title;
    raw.title_origin = "given";
    raw.lang = "en";
    raw.text = text;
    auto a = analyzer_->Analyze(raw);
    ASSERT_TRUE(a.ok()) << "text '" << text << "': " << a.status().ToString();
    EXPECT_EQ(a->text, title);
    EXPECT_EQ(a->title, title);
    EXPECT_EQ(a->lang, "en");
    EXPECT_TRUE(a->boilerplate.empty());
    EXPECT_FALSE(a->content_hash.empty());
  }
  // A page whose extraction found only a <title> is still no article.
  ingest::RawArticle page;
  page.title = title;
  page.title_origin = "html";
  auto a = analyzer_->Analyze(page);
  ASSERT_FALSE(a.ok());
  EXPECT_NE(a.status().message().find("no text"), std::string::npos);
  // Nor is a record with neither title nor text.
  ingest::RawArticle nothing;
  nothing.title_origin = "given";
  EXPECT_FALSE(analyzer_->Analyze(nothing).ok());
}

// A declared language is overridden only by a reliable guess on at least 20 letters or with a
// confidence of at least 0.8. Both headlines below, declared "en" in the UCI sample, were read as
// Hungarian and Dutch (reliable, 0.72 and 0.75) and stored under those languages.
TEST_F(AnalyzerTest, DeclaredLanguageWinsOnShortHeadlines) {
  for (const char* headline : {"An AZ Guide to SXSW 2014", "Stacy weds techie beau"}) {
    ingest::RawArticle raw;
    raw.title = headline;
    raw.title_origin = "given";
    raw.lang = "en";
    auto a = analyzer_->Analyze(raw);
    ASSERT_TRUE(a.ok()) << a.status().ToString();
    EXPECT_EQ(a->lang, "en") << headline;
    EXPECT_TRUE(a->warnings.empty()) << headline;
  }
  // Enough text still overrides a wrong declaration, a headline included.
  ingest::RawArticle german;
  german.title = "Bundesregierung beschließt neues Entlastungspaket für Unternehmen";
  german.title_origin = "given";
  german.lang = "en";
  auto a = analyzer_->Analyze(german);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->lang, "de");
}

}  // namespace
}  // namespace depeche::engine

namespace depeche::engine {
namespace {

TEST_F(AnalyzerTest, QuotesAndFiguresOfTheTextBoilerplateLeftOut) {
  ingest::RawArticle raw;
  raw.lang = "fr";
  raw.text =
      "« Nous voulons la paix », a déclaré M. Blinken à Genève, où environ 100 000 soldats "
      "russes inquiètent les alliés.\n"
      "Abonnez-vous : « offre de 5 euros », a dit la directrice.";
  auto a = analyzer_->Analyze(raw);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  ASSERT_EQ(a->boilerplate.size(), 1u);
  ASSERT_EQ(a->quotes.size(), 1u);  // the call to give is boilerplate
  const Quote& q = a->quotes[0];
  EXPECT_EQ(q.kind, "direct");
  ASSERT_EQ(q.content.size(), 1u);
  EXPECT_EQ(a->text.substr(q.content[0].begin, q.content[0].end - q.content[0].begin),
            "Nous voulons la paix");
  EXPECT_EQ(q.speaker_kind, "name");
  EXPECT_TRUE(
      a->text.substr(q.speaker.begin, q.speaker.end - q.speaker.begin).starts_with("M. Blinken"));
  ASSERT_EQ(a->figures.size(), 1u);
  EXPECT_EQ(a->figures[0].value, 100000);
  EXPECT_EQ(a->figures[0].bound, "approximate");
  EXPECT_EQ(a->figures[0].unit, "soldat");

  // A language without quotation data has no quotations; its digits are still figures.
  raw.lang = "sw";
  raw.text = "“Tunataka amani,” alisema Blinken. Wanajeshi 100,000 wako mpakani leo hii sasa.";
  a = analyzer_->Analyze(raw);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  if (a->lang == "sw") {
    EXPECT_TRUE(a->quotes.empty());
    EXPECT_FALSE(a->figures.empty());
  }
}

}  // namespace
}  // namespace depeche::engine
