#include "eval/rouge.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace depeche::eval {
namespace {

RougeOptions NoStem() {
  RougeOptions o;
  o.stem = false;
  return o;
}

RougeSummary Analyze(const std::vector<std::string>& lines, const RougeOptions& o = NoStem()) {
  RougeStemmer stemmer;
  return AnalyzeRougeSummary(lines, o, stemmer);
}

TEST(RougeTest, TokenizesAsRouge155) {
  RougeStemmer stemmer;
  EXPECT_EQ(
      RougeTokens({"The U.S.-led force's 1,200 MEN.", "", "caf\xc3\xa9 ok"}, NoStem(), stemmer),
      (std::vector<std::string>{"the", "u", "s", "led", "force", "s", "1", "200", "men", "caf",
                                "ok"}));
  EXPECT_EQ(RougeTokens({"Running dogs were chasing cars"}, RougeOptions(), stemmer),
            (std::vector<std::string>{"run", "dog", "were", "chase", "car"}));
}

TEST(RougeTest, TruncatesToTheWordLimit) {
  const std::vector<std::string> lines = {"A b c", "d e-f g", "h"};
  EXPECT_EQ(RougeTruncate(lines, 5), (std::vector<std::string>{"a b c", "d e-f"}));
  EXPECT_EQ(RougeTruncate(lines, 3), (std::vector<std::string>{"a b c"}));
  EXPECT_EQ(RougeTruncate(lines, 0), (std::vector<std::string>{"a b c", "d e-f g", "h"}));
  EXPECT_EQ(RougeTruncate(lines, 100), (std::vector<std::string>{"a b c", "d e-f g", "h"}));
  // Words are counted before punctuation goes ("e-f" is one word, then two tokens), and a
  // leading space counts as an empty word, as Perl's split gives one.
  RougeStemmer stemmer;
  RougeOptions five = NoStem();
  five.word_limit = 5;
  EXPECT_EQ(RougeTokens(lines, five, stemmer).size(), 6u);  // a b c d e f
  five.word_limit = 2;
  EXPECT_EQ(RougeTokens({" x y z"}, five, stemmer), (std::vector<std::string>{"x"}));
}

TEST(RougeTest, CountsNGramsAndSkipBigrams) {
  const std::vector<std::string> abab = {"a", "b", "a", "b"};
  RougeGrams bigrams = RougeNGrams(abab, 2);
  EXPECT_EQ(bigrams.total, 3);
  EXPECT_EQ(bigrams.counts.at("a b"), 2);
  EXPECT_EQ(bigrams.counts.at("b a"), 1);
  EXPECT_EQ(RougeNGrams({"a"}, 2).total, 0);

  // SU4 over a b c: unigrams a and b (not the last token's), pairs a-b a-c b-c.
  RougeGrams su = RougeSkipBigrams({"a", "b", "c"}, 4, true);
  EXPECT_EQ(su.total, 5);
  EXPECT_EQ(su.counts.count("c"), 0u);
  EXPECT_EQ(su.counts.at("a c"), 1);
  // At most 4 words between: t0 pairs with t1..t5, not t6.
  RougeGrams s4 = RougeSkipBigrams({"t0", "t1", "t2", "t3", "t4", "t5", "t6"}, 4, false);
  EXPECT_EQ(s4.counts.count("t0 t5"), 1u);
  EXPECT_EQ(s4.counts.count("t0 t6"), 0u);
  EXPECT_EQ(s4.total, 5 + 5 + 4 + 3 + 2 + 1);
  EXPECT_EQ(RougeSkipBigrams({"a"}, 4, true).total, 0);
}

TEST(RougeTest, ScoresOneModelByHand) {
  const RougeSummary peer = Analyze({"the cat sat on the mat"});
  const RougeSummary model = Analyze({"The cat was on the mat."});
  const RougeScores s = ScoreRouge(peer, {&model}, NoStem());
  EXPECT_DOUBLE_EQ(s.rouge1.recall, 0.83333);  // the x2, cat, on, mat: 5 of 6
  EXPECT_DOUBLE_EQ(s.rouge1.precision, 0.83333);
  EXPECT_DOUBLE_EQ(s.rouge2.recall, 0.6);  // the cat, on the, the mat: 3 of 5
  EXPECT_DOUBLE_EQ(s.rouge2.f, 0.6);
  // SU4: 5 unigrams + 15 pairs each side; 4 unigram hits (the x2, cat, on) and 10 pair hits.
  EXPECT_DOUBLE_EQ(s.su4.recall, 0.7);
  const RougeScores none = ScoreRouge(peer, {}, NoStem());
  EXPECT_EQ(none.rouge2.recall, 0.0);
}

TEST(RougeTest, SumsCountsOverModels) {
  const RougeSummary peer = Analyze({"the cat sat on the mat"});
  const RougeSummary same = Analyze({"the cat sat on the mat"});
  const RougeSummary other = Analyze({"x y z"});
  const RougeScores s = ScoreRouge(peer, {&same, &other}, NoStem());
  EXPECT_DOUBLE_EQ(s.rouge1.recall, 0.66667);  // 6 hits / (6 + 3) model unigrams
  EXPECT_DOUBLE_EQ(s.rouge1.precision, 0.5);   // 6 hits / (6 x 2) peer unigrams
  EXPECT_DOUBLE_EQ(s.rouge1.f, 0.57143);       // from the rounded R and P
  RougeOptions unrounded = NoStem();
  unrounded.round_scores = false;
  EXPECT_DOUBLE_EQ(ScoreRouge(peer, {&same, &other}, unrounded).rouge1.recall, 6.0 / 9.0);
}

TEST(RougeTest, JackknifesOverFourModels) {
  const RougeSummary peer = Analyze({"a b"});
  const RougeSummary m1 = Analyze({"a b"});
  const RougeSummary m2 = Analyze({"a c"});
  const RougeSummary m3 = Analyze({"c d"});
  const RougeSummary m4 = Analyze({"d e f"});
  const RougeScores s = JackknifeRouge(peer, {&m1, &m2, &m3, &m4}, NoStem());
  // Leave out m1: 1/7, m2: 2/7, m3: 3/7, m4: 3/6, each rounded to 5 decimals.
  EXPECT_NEAR(s.rouge1.recall, (0.14286 + 0.28571 + 0.42857 + 0.5) / 4, 1e-12);
  EXPECT_NEAR(s.rouge1.precision, (1.0 / 6 + 2.0 / 6 + 0.5 + 0.5) / 4, 1e-5);
  // Not the same as scoring against the four at once (3/9).
  EXPECT_DOUBLE_EQ(ScoreRouge(peer, {&m1, &m2, &m3, &m4}, NoStem()).rouge1.recall, 0.33333);
  // One model: no jackknife.
  EXPECT_DOUBLE_EQ(JackknifeRouge(peer, {&m2}, NoStem()).rouge1.recall, 0.5);
}

TEST(RougeTest, RoundsAsSprintf) {
  EXPECT_DOUBLE_EQ(RoundRouge(1.0 / 3), 0.33333);
  EXPECT_DOUBLE_EQ(RoundRouge(2.0 / 3), 0.66667);
  EXPECT_DOUBLE_EQ(RoundRouge(0), 0.0);
}

}  // namespace
}  // namespace depeche::eval
