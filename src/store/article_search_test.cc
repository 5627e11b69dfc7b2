// ArticleStore::Search and the FTS index maintenance.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "store/article_store.h"
#include "store/statement.h"
#include "store/store_test_fixture.h"
#include "text/normalize.h"

namespace depeche::store {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::UnorderedElementsAre;
using testing_util::CheckFtsIndex;
using testing_util::StoreTest;

// Rebuilds the full-text index from the articles (FTS5's 'rebuild' command on SQLite).
Status RebuildFtsIndex(Database* db) {
  if (db->backend() != Backend::kPostgres) {
    return db->Exec("INSERT INTO article_fts(article_fts) VALUES ('rebuild')");
  }
  return db->Exec(
      "DELETE FROM article_fts; INSERT INTO article_fts(rowid, doc) SELECT rowid, "
      "depeche_article_tsvector(lang, title, text) FROM articles");
}

class SearchTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    Add(Make("fr", "Diplomatie",
             "Les négociations entre Washington et Moscou reprendront vendredi à Genève, "
             "a annoncé le département d'État des États-Unis."));
    Add(Make("fr", "Pourparlers",
             "Kiev se dit prête à négocier, mais la Russie a négocié sans résultat."));
    Add(Make("en", "Talks", "Diplomats were negotiating late into the night in Vienna."));
    Add(Make("und", "Misc", "Zxqv plover negotiations kept unstemmed here."));
  }

  std::vector<std::string> Find(const std::string& query) {
    Result<std::vector<SearchHit>> hits = store_->Search(query, 20);
    EXPECT_TRUE(hits.ok()) << query << ": " << hits.status().ToString();
    std::vector<std::string> titles;
    if (hits.ok()) {
      for (const SearchHit& h : *hits) titles.push_back(h.article.title);
    }
    return titles;
  }

  // Runs FTS5's own check that the index matches what the tokenizer makes of the view.
  void ExpectIndexConsistent() {
    Status s = CheckFtsIndex(db_.get());
    EXPECT_TRUE(s.ok()) << s.ToString();
  }
};

TEST_F(SearchTest, AccentInsensitiveAndStemmedInFrench) {
  EXPECT_THAT(Find("negociations geneve"), UnorderedElementsAre("Diplomatie"));
  EXPECT_THAT(Find("négociation"), UnorderedElementsAre("Diplomatie", "Pourparlers"));
  EXPECT_THAT(Find("NEGOCIER"), UnorderedElementsAre("Diplomatie", "Pourparlers"));
  EXPECT_THAT(Find("negociera"), UnorderedElementsAre("Diplomatie", "Pourparlers"));
  // "négocié" typed without its accent (Snowball stems it apart from négoci-).
  EXPECT_THAT(Find("negocie"), ::testing::Contains("Pourparlers"));
  EXPECT_THAT(Find("etats-unis"), UnorderedElementsAre("Diplomatie"));
  EXPECT_THAT(Find("kiev russie"), UnorderedElementsAre("Pourparlers"));
}

TEST_F(SearchTest, EnglishIsStemmedAndUnknownLanguageFoldedOnly) {
  EXPECT_THAT(Find("negotiating"), UnorderedElementsAre("Talks"));
  EXPECT_THAT(Find("negotiated diplomat"), UnorderedElementsAre("Talks"));
  EXPECT_THAT(Find("plover"), UnorderedElementsAre("Misc"));
  // The und text keeps "negotiations" unstemmed: only the exact (folded) word reaches it.
  EXPECT_THAT(Find("negotiation"), UnorderedElementsAre("Talks"));
  EXPECT_THAT(Find("Negotiations"), UnorderedElementsAre("Talks", "Misc"));
}

TEST_F(SearchTest, AllWordsMustMatch) { EXPECT_THAT(Find("genève vienna"), ::testing::IsEmpty()); }

TEST_F(SearchTest, OperatorsAndPunctuationNeverBreakTheQuery) {
  for (const char* query :
       {"etats-unis",  "\"Genève\"",   "x AND",   "x NOT geneve", "geneve OR vienna",
        "NEAR(a b)",   "title:geneve", "genev*",  "(x",           "x)",
        "^start",      "a\"b",         "don't",   "l’Ukraine",    "--x",
        "1.5%",        "C++",          "{col}:x", "\\x",          "'x'",
        "x AND NOT y", "\"unbalanced", "z -x -y"}) {
    Result<std::vector<SearchHit>> hits = store_->Search(query, 10);
    EXPECT_TRUE(hits.ok()) << query << ": " << hits.status().ToString();
  }
  // Nothing but punctuation: a clear InvalidArgument, never an FTS5 syntax error.
  // Only exclusions: nothing to find. Also a clear InvalidArgument.
  for (const char* query :
       {"(", ")", "\\", "''", "\"", "* - :", "NOT geneve", "-x -y", "AND", "OR"}) {
    EXPECT_EQ(store_->Search(query, 10).status().code(), StatusCode::kInvalidArgument) << query;
  }
  EXPECT_THAT(Find("\"Genève\""), UnorderedElementsAre("Diplomatie"));
  EXPECT_THAT(Find("title:diplomatie"), ::testing::IsEmpty());  // one word "title:diplomatie"
}

std::vector<std::string> Titles(const Result<std::vector<SearchHit>>& hits) {
  std::vector<std::string> titles;
  if (hits.ok()) {
    for (const SearchHit& h : *hits) titles.push_back(h.article.title);
  }
  return titles;
}

TEST_F(SearchTest, OrExclusionPhraseAndPrefix) {
  Add(Make("en", "Gox", "Mt Gox files for bankruptcy protection in Tokyo."));
  Add(Make("en", "Gox 2", "Mt Gox customers wait for news from Tokyo."));
  Add(Make("en", "Icahn", "Carl Icahn raises his stake in Apple."));
  // Before: OR was searched as a word and "-bankruptcy" as a word too.
  EXPECT_THAT(Find("gox OR icahn"), UnorderedElementsAre("Gox", "Gox 2", "Icahn"));
  EXPECT_THAT(Find("gox -bankruptcy"), UnorderedElementsAre("Gox 2"));
  EXPECT_THAT(Find("gox NOT bankruptcy"), UnorderedElementsAre("Gox 2"));
  EXPECT_THAT(Find("gox OR icahn -bankruptcy -apple"), UnorderedElementsAre("Gox 2"));
  EXPECT_THAT(Find("gox OR icahn tokyo"), UnorderedElementsAre("Gox", "Gox 2"));
  EXPECT_THAT(Find("\"gox files\""), UnorderedElementsAre("Gox"));
  EXPECT_THAT(Find("\"files gox\""), ::testing::IsEmpty());
  EXPECT_THAT(Find("bankr*"), UnorderedElementsAre("Gox"));
  EXPECT_THAT(Find("icah*"), UnorderedElementsAre("Icahn"));
  EXPECT_THAT(Find("tokyo -\"gox files\""), UnorderedElementsAre("Gox 2"));
}

TEST_F(SearchTest, RepeatedWordsAreSearchedOnce) {
  std::string oil;
  for (int i = 0; i < 2500; ++i) oil += "négociations ";
  EXPECT_THAT(Find(oil), UnorderedElementsAre("Diplomatie", "Pourparlers"));
  std::string mixed;
  for (int i = 0; i < 400; ++i) mixed += "Genève geneve GENEVE ";
  EXPECT_THAT(Find(mixed), UnorderedElementsAre("Diplomatie"));
}

TEST_F(SearchTest, FiltersByDateLanguageSourceAndStory) {
  auto dated = [](Article a, const std::string& iso, int64_t ts, DatePrecision precision,
                  const std::string& source) {
    a.published.iso = iso;
    a.published.utc_seconds = ts;
    a.published.precision = precision;
    a.source = source;
    return a;
  };
  // 2022-01-21, 2022-02-01, 2022-03-15 (UTC midnight).
  Add(dated(Make("en", "Jan", "Wheat harvest report one."), "2022-01-21", 1642723200,
            DatePrecision::kDay, "Reuters"));
  Add(dated(Make("en", "Feb", "Wheat harvest report two."), "2022-02-01", 1643673600,
            DatePrecision::kDay, "AFP"));
  Add(dated(Make("fr", "Mar", "Récolte de wheat, rapport trois."), "2022-03-15", 1647302400,
            DatePrecision::kDay, "AFP"));
  Add(Make("en", "Undated", "Wheat harvest report undated."));
  auto search = [&](SearchQuery q) {
    q.text = "wheat";
    return Titles(store_->Search(q));
  };
  SearchQuery q;
  EXPECT_THAT(search(q), UnorderedElementsAre("Jan", "Feb", "Mar", "Undated"));
  q.since = "2022-02";
  EXPECT_THAT(search(q), UnorderedElementsAre("Feb", "Mar"));
  q.until = "2022-02";  // the whole of February
  EXPECT_THAT(search(q), UnorderedElementsAre("Feb"));
  q = SearchQuery();
  q.until = "2022-01-21";  // inclusive: the whole day
  EXPECT_THAT(search(q), UnorderedElementsAre("Jan"));
  q = SearchQuery();
  q.lang = "fr";
  EXPECT_THAT(search(q), UnorderedElementsAre("Mar"));
  q = SearchQuery();
  q.source = "AFP";
  EXPECT_THAT(search(q), UnorderedElementsAre("Feb", "Mar"));
  q.lang = "en";
  EXPECT_THAT(search(q), UnorderedElementsAre("Feb"));
  q = SearchQuery();
  q.since = "21 January";
  q.text = "wheat";
  EXPECT_EQ(store_->Search(q).status().code(), StatusCode::kInvalidArgument);

  // The story filter reads article_story (written by the story stage).
  ASSERT_TRUE(db_->Exec("INSERT INTO article_story(article_id, story_id) SELECT id, 'story-a' "
                        "FROM articles WHERE title IN ('Jan', 'Undated')")
                  .ok());
  q = SearchQuery();
  q.story = "story-a";
  EXPECT_THAT(search(q), UnorderedElementsAre("Jan", "Undated"));
}

// Exact copies (the same content_hash from other sources) are one hit with a count. The store
// may keep them as articles of their own; the unique index that forbids it today is dropped
// here to store them.
TEST_F(SearchTest, ExactCopiesAreOneHitWithACount) {
  ASSERT_TRUE(db_->Exec("DROP INDEX articles_content_hash").ok());
  ASSERT_TRUE(db_->Exec("CREATE INDEX articles_content_hash ON articles(content_hash) "
                        "WHERE content_hash <> ''")
                  .ok());
  Reopen();
  const std::string text = "The central bank raised its key rate by half a point.";
  for (const char* source : {"Reuters", "AFP", "AP"}) {
    Article a = Make("en", std::string("Rates ") + source, text, std::string("https://") + source);
    a.source = source;
    Add(a);
  }
  Add(Make("en", "Other", "Another central bank kept its key rate."));
  SearchQuery q;
  q.text = "central bank rate";
  Result<std::vector<SearchHit>> hits = store_->Search(q);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  ASSERT_EQ(hits->size(), 2u);
  int64_t copies = 0;
  for (const SearchHit& h : *hits) {
    if (h.article.title.rfind("Rates", 0) == 0) {
      copies = h.copies;
    } else {
      EXPECT_EQ(h.copies, 0);
    }
  }
  EXPECT_EQ(copies, 2);
  q.source = "AFP";
  hits = store_->Search(q);
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].article.title, "Rates AFP");
  EXPECT_EQ((*hits)[0].copies, 0);
  // A limit counts groups: the copies never crowd out the other article.
  q = SearchQuery();
  q.text = "central";
  q.limit = 2;
  EXPECT_THAT(Titles(store_->Search(q)), ::testing::Contains("Other"));
}

TEST_F(SearchTest, SnippetsAreCapped) {
  std::string word(5 * 1024 * 1024, 'x');
  Add(Make("en", "Huge", "Needle " + word + " and more text after the huge word."));
  std::string words;
  for (int i = 0; i < 200; ++i) words += "longish" + std::to_string(i) + "wordsinarow ";
  Add(Make("en", "Many", "Haystack " + words));
  for (const char* query : {"needle", "haystack"}) {
    Result<std::vector<SearchHit>> hits = store_->Search(query, 10);
    ASSERT_TRUE(hits.ok()) << hits.status().ToString();
    ASSERT_EQ(hits->size(), 1u);
    const std::string& snippet = (*hits)[0].snippet;
    EXPECT_LE(snippet.size(), 1000u) << query;
    EXPECT_THAT(snippet, HasSubstr("…"));
    EXPECT_THAT(snippet, HasSubstr("]"));
  }
}

TEST_F(SearchTest, EmptyQueryOrBadLimitIsInvalidArgument) {
  EXPECT_EQ(store_->Search("", 10).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->Search("  - « »", 10).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->Search("geneve", 0).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(SearchTest, SnippetMarksMatchesWithoutLanguagePrefix) {
  Result<std::vector<SearchHit>> hits = store_->Search("geneve", 10);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  ASSERT_EQ(hits->size(), 1u);
  const SearchHit& hit = (*hits)[0];
  EXPECT_THAT(hit.snippet, HasSubstr("[Genève]"));
  EXPECT_EQ(hit.snippet.find('\x01'), std::string::npos);
  EXPECT_EQ(hit.snippet.rfind("fr", 0), std::string::npos);  // not "fr..." from the prefix
  EXPECT_GT(hit.score, 0.0);
  EXPECT_EQ(hit.article.lang, "fr");
  EXPECT_GT(hit.article.chars, 0);
  // A match on the first word: the prefix sits right before it.
  hits = store_->Search("kiev", 10);
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].snippet.rfind("[Kiev]", 0), 0u) << (*hits)[0].snippet;
}

TEST_F(SearchTest, LongBodySnippetHasEllipsis) {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "Phrase de remplissage numéro " + std::to_string(i) + ". ";
  text += "Le sommet de Bruxelles s'est ouvert.";
  for (int i = 0; i < 40; ++i) text += " Encore du texte " + std::to_string(i) + ".";
  Add(Make("fr", "Long", text));
  Result<std::vector<SearchHit>> hits = store_->Search("bruxelles", 10);
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_THAT((*hits)[0].snippet, HasSubstr("[Bruxelles]"));
  EXPECT_THAT((*hits)[0].snippet, HasSubstr("…"));
}

TEST_F(SearchTest, TitleMatchesRankHigher) {
  Add(Make("en", "Ceasefire agreed", "The parties signed a document on Tuesday evening."));
  Add(Make("en", "Tuesday news", "The parties discussed a ceasefire on Tuesday evening."));
  Result<std::vector<SearchHit>> hits = store_->Search("ceasefire", 10);
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 2u);
  EXPECT_EQ((*hits)[0].article.title, "Ceasefire agreed");
  EXPECT_GT((*hits)[0].score, (*hits)[1].score);
}

TEST_F(SearchTest, LimitIsApplied) {
  for (int i = 0; i < 5; ++i)
    Add(Make("en", "Storm " + std::to_string(i), "A storm hit " + std::to_string(i)));
  Result<std::vector<SearchHit>> hits = store_->Search("storm", 3);
  ASSERT_TRUE(hits.ok());
  EXPECT_EQ(hits->size(), 3u);
}

TEST_F(SearchTest, IndexFollowsDeletesAndUpdates) {
  ExpectIndexConsistent();
  ASSERT_TRUE(db_->Exec("DELETE FROM articles WHERE title = 'Talks'").ok());
  EXPECT_THAT(Find("negotiating"), ::testing::IsEmpty());
  EXPECT_THAT(Find("negociera"), ::testing::Contains("Pourparlers"));
  ASSERT_TRUE(db_->Exec("UPDATE articles SET lang = 'und' WHERE title = 'Pourparlers'").ok());
  EXPECT_THAT(Find("negociera"), Not(::testing::Contains("Pourparlers")));  // now unstemmed
  EXPECT_THAT(Find("négocié"), ::testing::Contains("Pourparlers"));
  ExpectIndexConsistent();
  ASSERT_TRUE(RebuildFtsIndex(db_.get()).ok());
  ExpectIndexConsistent();
  EXPECT_THAT(Find("negociations geneve"), UnorderedElementsAre("Diplomatie"));
}

// End to end over the French seed articles: every seed that contains a word (found by a plain
// folded substring scan, independent of the index) must come back, and no other.
TEST_F(StoreTest, SeedArticlesAreFoundByAccentlessQueries) {
  namespace fs = std::filesystem;
  const fs::path seeds = fs::path(DEPECHE_SHARED_DIR) / "seeds";
  ASSERT_TRUE(fs::is_directory(seeds)) << seeds;
  std::vector<std::pair<std::string, std::string>> docs;  // title, folded text
  for (const auto& entry : fs::directory_iterator(seeds)) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string text = buffer.str();
    std::string title = entry.path().filename().string();
    Add(Make("fr", title, text));
    docs.emplace_back(title, text::Fold(text));
  }
  ASSERT_GE(docs.size(), 3u);
  for (const auto& [query, needle] :
       std::vector<std::pair<std::string, std::string>>{{"geneve", "geneve"},
                                                        {"etats-unis", "etats-unis"},
                                                        {"Blinken", "blinken"},
                                                        {"negociation", "negoci"}}) {
    std::set<std::string> expected;
    for (const auto& [title, folded] : docs) {
      if (folded.find(needle) != std::string::npos) expected.insert(title);
    }
    Result<std::vector<SearchHit>> hits = store_->Search(query, 100);
    ASSERT_TRUE(hits.ok()) << hits.status().ToString();
    std::set<std::string> got;
    for (const SearchHit& hit : *hits) {
      got.insert(hit.article.title);
      EXPECT_THAT(hit.snippet, HasSubstr("[")) << query;
      EXPECT_THAT(hit.snippet, HasSubstr("]")) << query;
    }
    EXPECT_FALSE(expected.empty()) << needle;
    EXPECT_EQ(got, expected) << query;
  }
}

}  // namespace
}  // namespace depeche::store
