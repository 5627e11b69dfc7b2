#include "store/fts_query_pg.h"

#include <gtest/gtest.h>

namespace depeche::store {
namespace {

PgTsQueryText Query(std::string_view text) {
  Result<ParsedSearch> parsed = ParseSearchQuery(text);
  EXPECT_TRUE(parsed.ok()) << text << ": " << parsed.status().ToString();
  return parsed.ok() ? ToPgTsQuery(*parsed) : PgTsQueryText{};
}

std::string Positive(std::string_view text) { return Query(text).positive; }

TEST(FtsQueryPgTest, QuotesEachWord) {
  EXPECT_EQ(Positive("negociations geneve"), "'negociations' & 'geneve'");
  EXPECT_EQ(Positive("  etats-unis\t"), "'etats-unis'");
  EXPECT_EQ(Positive("Genève « paix »"), "'Genève' & 'paix'");
  EXPECT_EQ(Query("negociations").excluded, "");
}

TEST(FtsQueryPgTest, TsQuerySyntaxIsText) {
  EXPECT_EQ(Positive("it's a\\b"), "'it''s' & 'a\\\\b'");
  EXPECT_EQ(Positive("a&b !c (d) e:*"), "'a&b' & '!c' & '(d)' & 'e:':*");
  EXPECT_EQ(Positive("x<->y"), "'x<->y'");
}

TEST(FtsQueryPgTest, Phrases) {
  EXPECT_EQ(Positive("\"mt gox\" bankruptcy"), "('mt' <-> 'gox') & 'bankruptcy'");
  EXPECT_EQ(Positive("say \"hello world"), "'say' & ('hello' <-> 'world')");
  EXPECT_EQ(Positive("\"a\tb\""), "('a' <-> 'b')");
  // A piece without a word breaks nothing; one left alone is a word.
  EXPECT_EQ(Positive("\"bank - of ... england\""), "('bank' <-> 'of' <-> 'england')");
  EXPECT_EQ(Positive("\"  paix - \""), "'paix'");
}

TEST(FtsQueryPgTest, Prefixes) {
  EXPECT_EQ(Positive("negoc*"), "'negoc':*");
  EXPECT_EQ(Positive("\"new yor\"*"), "('new' <-> 'yor':*)");
  EXPECT_EQ(Positive("it's*"), "'it''s':*");
}

TEST(FtsQueryPgTest, OrAndNot) {
  EXPECT_EQ(Positive("gox OR icahn bankruptcy"), "('gox' | 'icahn') & 'bankruptcy'");
  EXPECT_EQ(Positive("a AND b"), "'a' & 'b'");
  PgTsQueryText q = Query("oil -gas NOT \"shale rock\" opec");
  EXPECT_EQ(q.positive, "'oil' & 'opec'");
  EXPECT_EQ(q.excluded, "'gas' | ('shale' <-> 'rock')");
  q = Query("oil OR -gas");
  EXPECT_EQ(q.positive, "'oil'");
  EXPECT_EQ(q.excluded, "'gas'");
}

TEST(FtsQueryPgTest, TermsOutsideTheParser) {
  EXPECT_EQ(ToPgTsQueryTerm(SearchTerm{"...", false}), "'...'");
  EXPECT_EQ(ToPgTsQueryTerm(SearchTerm{"a  b", true}), "('a' <-> 'b':*)");
}

TEST(FtsQueryPgTest, Languages) {
  EXPECT_EQ(PgQueryLanguages({}), "");
  EXPECT_EQ(PgQueryLanguages({"fr", "en", "pt-BR"}), "fr,en,pt-BR");
  EXPECT_EQ(PgQueryLanguages({"f'r", "", "x,y"}), "fr,xy");
}

}  // namespace
}  // namespace depeche::store
