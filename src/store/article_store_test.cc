#include "store/article_store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>
#include <vector>

#include "store/statement.h"
#include "store/store_test_fixture.h"

namespace depeche::store {
namespace {

using ::testing::ElementsAre;
using testing_util::CheckFtsIndex;
using testing_util::StoreTest;

Article FullArticle() {
  Article a;
  a.id = "0123456789abcdef";
  a.url = "https://example.org/news/1";
  a.source = "Example News";
  a.title = "Blinken à Genève";
  a.text = "Blinken rencontre Lavrov à Genève. Les négociations reprennent.";
  a.lang = "fr";
  a.lang_declared = "fr-FR";
  a.lang_confidence = 0.97f;
  a.published.precision = DatePrecision::kMinute;
  a.published.utc_seconds = 1642759500;
  a.published.iso = "2022-01-21T10:05:00Z";
  a.origin.path = "inbox/2022.jsonl";
  a.origin.line = 7;
  a.origin.format = "jsonl";
  a.content_hash = "fedcba9876543210";
  a.metadata_json = R"({"author":"Zoé \"Z\" Martin","tags":["ukraine","russie"],"n":3})";
  a.sentences = {{0, 35}, {36, static_cast<uint32_t>(a.text.size())}};
  a.warnings = {"title derived from text", "line 7: repaired \"bad\" UTF-8\n"};
  a.ingested_at = 1700000123;
  return a;
}

TEST_F(StoreTest, InsertGetRoundTripsEveryField) {
  Article a = FullArticle();
  Add(a);
  Result<Article> got = store_->Get(a.id);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(got->id, a.id);
  EXPECT_EQ(got->url, a.url);
  EXPECT_EQ(got->source, a.source);
  EXPECT_EQ(got->title, a.title);
  EXPECT_EQ(got->text, a.text);
  EXPECT_EQ(got->lang, a.lang);
  EXPECT_EQ(got->lang_declared, a.lang_declared);
  EXPECT_FLOAT_EQ(got->lang_confidence, a.lang_confidence);
  EXPECT_EQ(got->published.precision, a.published.precision);
  EXPECT_EQ(got->published.utc_seconds, a.published.utc_seconds);
  EXPECT_EQ(got->published.iso, a.published.iso);
  EXPECT_EQ(got->origin.path, a.origin.path);
  EXPECT_EQ(got->origin.line, a.origin.line);
  EXPECT_EQ(got->origin.format, a.origin.format);
  EXPECT_EQ(got->content_hash, a.content_hash);
  EXPECT_EQ(got->metadata_json, a.metadata_json);
  EXPECT_EQ(got->sentences, a.sentences);
  EXPECT_EQ(got->warnings, a.warnings);
  EXPECT_EQ(got->ingested_at, a.ingested_at);
}

TEST_F(StoreTest, QuotesAndFiguresRoundTrip) {
  Article a = FullArticle();
  a.text = "« Rien », a dit Blinken, qui a ajouté que 3,5 % et environ 100 000 soldats comptaient.";
  a.sentences = {{0, static_cast<uint32_t>(a.text.size())}};
  Quote direct;
  direct.kind = "direct";
  direct.content = {{3, 7}};
  direct.cue = {12, 17};
  direct.speaker_kind = "name";
  direct.speaker = {18, 25};
  Quote indirect;
  indirect.kind = "indirect";
  indirect.content = {{44, 60}, {61, 70}};
  indirect.cue = {34, 40};
  indirect.speaker_kind = "pronoun";
  indirect.speaker = {27, 30};
  indirect.speaker_name = {27, 29};
  indirect.antecedent = 0;
  indirect.partial = {{50, 55}};
  a.quotes = {direct, indirect};
  Figure percent;
  percent.span = {44, 50};
  percent.number = {44, 47};
  percent.value = 3.5;
  percent.unit = "percent";
  percent.unit_span = {48, 50};
  percent.sentence = a.sentences[0];
  Figure troops;
  troops.span = {54, 77};
  troops.number = {62, 69};
  troops.value = 100000;
  troops.high = 120000;
  troops.unit = "soldat";
  troops.unit_span = {70, 77};
  troops.counted = true;
  troops.bound = "approximate";
  troops.sentence = a.sentences[0];
  a.figures = {percent, troops};
  Add(a);
  Result<Article> got = store_->Get(a.id);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(got->quotes, a.quotes);
  EXPECT_EQ(got->figures, a.figures);
}

TEST_F(StoreTest, DefaultsForMissingFields) {
  Article a = Make("", "t", "some text");
  a.metadata_json.clear();
  a.ingested_at = 0;
  Add(a);
  Result<Article> got = store_->Get(a.id);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(got->lang, "und");
  EXPECT_EQ(got->metadata_json, "{}");
  EXPECT_FALSE(got->published.known());
  EXPECT_TRUE(got->sentences.empty());
  EXPECT_TRUE(got->warnings.empty());
  EXPECT_GT(got->ingested_at, 1600000000);  // stamped with the current time
}

TEST_F(StoreTest, ReopenKeepsDataAndIndex) {
  Add(FullArticle());
  Reopen();
  EXPECT_EQ(Count(), 1);
  EXPECT_TRUE(store_->Get("0123456789abcdef").ok());
  Result<std::vector<SearchHit>> hits = store_->Search("negociations", 10);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  EXPECT_EQ(hits->size(), 1u);
}

TEST_F(StoreTest, DuplicateUrlIsNotStoredAgain) {
  Article first = Make("en", "One", "First text.", "https://x.org/a");
  Add(first);
  Article again = Make("en", "One bis", "A rewritten text.", "https://x.org/a");
  again.id = "1111111111111111";  // even with a different id
  Result<InsertResult> r = store_->Insert(again);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->outcome, InsertOutcome::kSameRecord);
  EXPECT_EQ(r->existing_id, first.id);
  EXPECT_EQ(Count(), 1);
  // The refused row left nothing in the index either.
  Result<std::vector<SearchHit>> hits = store_->Search("rewritten", 10);
  ASSERT_TRUE(hits.ok());
  EXPECT_TRUE(hits->empty());
}

TEST_F(StoreTest, SameContentFromAnotherUrlIsACopy) {
  Article first = Make("en", "One", "Same words here.", "https://x.org/a");
  Add(first);
  Article copy = Make("en", "One (copy)", "Same words here.", "https://mirror.org/a");
  copy.source = "Mirror";
  Result<InsertResult> r = store_->Insert(copy);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->outcome, InsertOutcome::kInserted);
  EXPECT_EQ(r->copy_of, first.id);
  EXPECT_EQ(Count(), 2);
  Result<Article> stored = store_->Get(copy.id);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->source, "Mirror");
  Result<std::vector<SearchHit>> hits = store_->Search("copy", 10);
  ASSERT_TRUE(hits.ok());
  EXPECT_EQ(hits->size(), 1u);
  // A third copy names the earliest, not the latest.
  Article third = Make("en", "One again", "Same words here.", "https://third.org/a");
  r = store_->Insert(third);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->copy_of, first.id);
}

TEST_F(StoreTest, SameFeedIdFromTheSameSourceIsTheSameRecord) {
  Article first = Make("en", "One", "First text.");
  first.source = "Wire";
  first.feed_id = "item-1";
  Add(first);
  Article again = Make("en", "One, corrected", "Corrected text.");
  again.source = "Wire";
  again.feed_id = "item-1";
  Result<InsertResult> r = store_->Insert(again);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->outcome, InsertOutcome::kSameRecord);
  EXPECT_EQ(r->existing_id, first.id);
  // The same feed id from another source is another record.
  Article other = Make("en", "One elsewhere", "Other text.");
  other.source = "Other wire";
  other.feed_id = "item-1";
  r = store_->Insert(other);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->outcome, InsertOutcome::kInserted);
  EXPECT_EQ(Count(), 2);
  Result<Article> stored = store_->Get(first.id);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->feed_id, "item-1");
}

TEST_F(StoreTest, IdCollisionIsADuplicate) {
  Article first = Make("en", "One", "Text one.");
  Add(first);
  Article other = Make("en", "Two", "Text two.");
  other.id = first.id;
  Result<InsertResult> r = store_->Insert(other);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->outcome, InsertOutcome::kSameRecord);
  EXPECT_EQ(r->existing_id, first.id);
  EXPECT_EQ(Count(), 1);
}

TEST_F(StoreTest, EmptyUrlsAndHashesDoNotCollide) {
  Article a = Make("en", "A", "alpha");
  Article b = Make("en", "B", "beta");
  a.content_hash.clear();
  b.content_hash.clear();
  Add(a);
  Add(b);
  EXPECT_EQ(Count(), 2);
}

TEST_F(StoreTest, InvalidArticlesAreRejectedWithoutARow) {
  Article no_id = Make("en", "x", "x");
  no_id.id.clear();
  EXPECT_EQ(store_->Insert(no_id).status().code(), StatusCode::kInvalidArgument);
  Article bad_json = Make("en", "x", "x");
  bad_json.metadata_json = "{not json";
  EXPECT_EQ(store_->Insert(bad_json).status().code(), StatusCode::kInvalidArgument);
  Article bad_span = Make("en", "x", "short");
  bad_span.sentences = {{0, 99}};
  EXPECT_EQ(store_->Insert(bad_span).status().code(), StatusCode::kInvalidArgument);
  Article bad_quote = Make("en", "x", "short");
  bad_quote.quotes.resize(1);
  bad_quote.quotes[0].content = {{0, 3}, {4, 40}};
  EXPECT_EQ(store_->Insert(bad_quote).status().code(), StatusCode::kInvalidArgument);
  Article bad_figure = Make("en", "x", "short");
  bad_figure.figures.resize(1);
  bad_figure.figures[0].sentence = {0, 40};
  EXPECT_EQ(store_->Insert(bad_figure).status().code(), StatusCode::kInvalidArgument);
  Article bad_lang = Make("fr\x01", "x", "x");
  EXPECT_EQ(store_->Insert(bad_lang).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Count(), 0);
}

TEST_F(StoreTest, RolledBackInsertsDisappear) {
  ASSERT_TRUE(db_->Begin().ok());
  Add(Make("en", "A", "alpha text"));
  ASSERT_TRUE(db_->Rollback().ok());
  EXPECT_EQ(Count(), 0);
  Result<std::vector<SearchHit>> hits = store_->Search("alpha", 10);
  ASSERT_TRUE(hits.ok());
  EXPECT_TRUE(hits->empty());
}

// ArticleStore::Insert writes the row and its index entry with two statements; dropping the
// index table makes the second one fail after the first succeeded.
TEST_F(StoreTest, IndexingFailureOutsideATransactionLeavesNoRow) {
  Add(Make("en", "A", "alpha text"));
  ASSERT_TRUE(db_->Exec("DROP TABLE article_fts").ok());
  Result<InsertResult> r = store_->Insert(Make("en", "B", "beta text"));
  EXPECT_FALSE(r.ok());
  EXPECT_FALSE(db_->InTransaction());
  EXPECT_EQ(Count(), 1);
}

TEST_F(StoreTest, IndexingFailureRollsBackTheCallersTransaction) {
  Add(Make("en", "A", "alpha text"));
  ASSERT_TRUE(db_->Begin().ok());
  Add(Make("en", "B", "beta text"));
  ASSERT_TRUE(db_->Exec("DROP TABLE article_fts").ok());
  Result<InsertResult> r = store_->Insert(Make("en", "C", "gamma text"));
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), ::testing::HasSubstr("rolled back"));
  EXPECT_FALSE(db_->InTransaction());  // no transaction left open
  EXPECT_EQ(Count(), 1);               // only A, committed before
  // The drop was rolled back too: the index is whole and takes new articles.
  Add(Make("en", "C", "gamma text"));
  EXPECT_TRUE(CheckFtsIndex(db_.get()).ok());
  Result<std::vector<SearchHit>> hits = store_->Search("gamma", 10);
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ(hits->front().article.title, "C");
  hits = store_->Search("beta", 10);
  ASSERT_TRUE(hits.ok());
  EXPECT_TRUE(hits->empty());
}

// Many rows in one transaction: FTS5 keeps their terms pending until commit, and the index
// must still match the table exactly.
TEST_F(StoreTest, BatchedInsertsAreIndexedConsistently) {
  ASSERT_TRUE(db_->Begin().ok());
  for (int i = 0; i < 300; ++i) {
    std::string n = std::to_string(i);
    std::string title = "T";
    title.append(n);
    std::string text = "storm number ";
    text.append(n).append(" tempête");
    Add(Make(i % 2 ? "fr" : "en", title, text));
  }
  // Reads inside the transaction see the pending terms.
  Result<std::vector<SearchHit>> hits = store_->Search("storm", 1000);
  ASSERT_TRUE(hits.ok());
  EXPECT_EQ(hits->size(), 300u);
  ASSERT_TRUE(db_->Commit().ok());
  EXPECT_TRUE(CheckFtsIndex(db_.get()).ok());
  hits = store_->Search("tempete", 1000);
  ASSERT_TRUE(hits.ok());
  EXPECT_EQ(hits->size(), 300u);
}

TEST_F(StoreTest, GetByUniquePrefix) {
  Article a = Make("en", "A", "alpha");
  Article b = Make("en", "B", "beta");
  a.id = "abcdef0000000001";
  b.id = "abcdef0000000002";
  Article c = Make("en", "C", "gamma");
  c.id = "abcdff0000000003";
  Add(a);
  Add(b);
  Add(c);
  Result<Article> got = store_->Get("abcdff");
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(got->title, "C");
  got = store_->Get("ABCDEF0000000002");  // case-insensitive
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(got->title, "B");
  got = store_->Get("abcdef000000000");
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(got.status().message().find("2 articles"), std::string::npos) << got.status().message();
  EXPECT_EQ(store_->Get("abcde").status().code(), StatusCode::kInvalidArgument);  // too short
  EXPECT_EQ(store_->Get("").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->Get("abcdfe").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->Get("ffffffffffffffff").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->Get("not-an-id!").status().code(), StatusCode::kNotFound);
}

std::vector<std::string> Titles(const Result<std::vector<ArticleSummary>>& list) {
  EXPECT_TRUE(list.ok()) << list.status().ToString();
  std::vector<std::string> out;
  if (list.ok()) {
    for (const ArticleSummary& s : *list) out.push_back(s.title);
  }
  return out;
}

TEST_F(StoreTest, ListOrdersByDateThenIngestAndFilters) {
  auto dated = [](std::string lang, std::string source, std::string title, int64_t ts) {
    Article a = Make(lang, title, "text of " + title);
    a.source = std::move(source);
    if (ts > 0) {
      a.published.precision = DatePrecision::kDay;
      a.published.utc_seconds = ts;
      a.published.iso = "day " + std::to_string(ts);
    }
    return a;
  };
  Add(dated("fr", "AFP", "undated-1", 0));
  Add(dated("en", "Reuters", "old", 100));
  Add(dated("fr", "AFP", "new", 300));
  Add(dated("en", "AFP", "mid-a", 200));
  Add(dated("fr", "Reuters", "mid-b", 200));
  Add(dated("en", "Reuters", "undated-2", 0));

  ArticleQuery all;
  EXPECT_THAT(Titles(store_->List(all)),
              ElementsAre("new", "mid-a", "mid-b", "old", "undated-1", "undated-2"));
  ArticleQuery fr;
  fr.lang = "fr";
  EXPECT_THAT(Titles(store_->List(fr)), ElementsAre("new", "mid-b", "undated-1"));
  ArticleQuery reuters;
  reuters.source = "Reuters";
  EXPECT_THAT(Titles(store_->List(reuters)), ElementsAre("mid-b", "old", "undated-2"));
  ArticleQuery en_afp;
  en_afp.lang = "en";
  en_afp.source = "AFP";
  EXPECT_THAT(Titles(store_->List(en_afp)), ElementsAre("mid-a"));
  ArticleQuery page;
  page.limit = 2;
  page.offset = 1;
  EXPECT_THAT(Titles(store_->List(page)), ElementsAre("mid-a", "mid-b"));

  Result<std::vector<ArticleSummary>> list = store_->List(all);
  ASSERT_TRUE(list.ok());
  EXPECT_EQ((*list)[0].published, "day 300");
  EXPECT_EQ((*list)[0].source, "AFP");
  EXPECT_EQ((*list)[0].lang, "fr");
  EXPECT_EQ((*list)[0].chars, static_cast<int64_t>(std::string("text of new").size()));
  ArticleQuery bad;
  bad.limit = 0;
  EXPECT_EQ(store_->List(bad).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(StoreTest, Stats) {
  Article a = Make("fr", "A", "é");  // 2 bytes
  a.source = "AFP";
  a.published = {DatePrecision::kMonth, 1640995200, "2022-01"};
  Article b = Make("fr", "B", "abc");
  b.source = "Reuters";
  b.published = {DatePrecision::kDay, 1645056000, "2022-02-17"};
  Article c = Make("en", "C", "abcd");
  Add(a);
  Add(b);
  Add(c);
  Result<Stats> stats = store_->GetStats();
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  EXPECT_EQ(stats->articles, 3);
  EXPECT_EQ(stats->sources, 2);
  EXPECT_EQ(stats->bytes, 9);
  EXPECT_EQ(stats->schema_version, kSchemaVersion);
  EXPECT_EQ(stats->db_path, path_.path());
  EXPECT_EQ(stats->by_lang, (std::map<std::string, int64_t>{{"en", 1}, {"fr", 2}}));
  EXPECT_EQ(stats->by_source, (std::map<std::string, int64_t>{{"AFP", 1}, {"Reuters", 1}}));
  EXPECT_EQ(stats->first_published, "2022-01");
  EXPECT_EQ(stats->last_published, "2022-02-17");
}

}  // namespace
}  // namespace depeche::store
