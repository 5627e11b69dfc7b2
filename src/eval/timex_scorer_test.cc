#include "eval/timex_scorer.h"

#include <gtest/gtest.h>

namespace depeche::eval {
namespace {

constexpr char kText[] = "On Monday and Tuesday morning we met for two weeks in May 1998.";

// A TIMEX3 over the first occurrence of `words` in kText.
Timex At(const std::string& words, const std::string& type, const std::string& value) {
  const std::string text = kText;
  const size_t b = text.find(words);
  EXPECT_NE(b, std::string::npos) << words;
  Timex t;
  t.begin = b;
  t.end = b + words.size();
  t.text = words;
  t.type = type;
  t.value = value;
  return t;
}

TEST(TimexScorerTest, TokensAreWordsAndSinglePunctuation) {
  const auto tokens = TimexTokens("l'été, 30,4 s.");
  std::vector<std::string> words;
  const std::string text = "l'été, 30,4 s.";
  for (auto [b, e] : tokens) words.push_back(text.substr(b, e - b));
  EXPECT_EQ(words, (std::vector<std::string>{"l", "'", "été", ",", "30", ",", "4", "s", "."}));
}

// Exact, partial overlap (both directions), type and value mismatches, a missed and a spurious
// TIMEX3, worked by hand.
TEST(TimexScorerTest, HandWorkedDocument) {
  const std::vector<Timex> gold = {
      At("Monday", "DATE", "1998-05-11"), At("Tuesday morning", "TIME", "1998-05-12TMO"),
      At("two weeks", "DURATION", "P2W"), At("May 1998", "DATE", "1998-05")};
  const std::vector<Timex> system = {
      At("Monday", "DATE", "1998-05-11"),   // exact
      At("Tuesday", "DATE", "1998-05-12"),  // inside the gold: relaxed, wrong type and value
      At("for", "DURATION", "PXW"),         // spurious (two weeks is missed)
      At("in May 1998", "DATE", "1998-05")  // starts before the gold: relaxed, right attributes
  };
  const TimexCounts c = ScoreTimexDocument(kText, gold, system);
  EXPECT_EQ(c.gold, 4u);
  EXPECT_EQ(c.system, 4u);
  EXPECT_EQ(c.strict, 1u);
  EXPECT_EQ(c.relaxed, 3u);
  EXPECT_EQ(c.type_match, 2u);
  EXPECT_EQ(c.value_match, 2u);
  const TimexScores s = ComputeTimexScores(c);
  EXPECT_DOUBLE_EQ(s.strict.precision, 0.25);
  EXPECT_DOUBLE_EQ(s.strict.recall, 0.25);
  EXPECT_DOUBLE_EQ(s.strict.f1, 0.25);
  EXPECT_DOUBLE_EQ(s.relaxed.f1, 0.75);
  EXPECT_DOUBLE_EQ(s.type_accuracy, 2.0 / 3);
  EXPECT_DOUBLE_EQ(s.type.f1, 0.5);
  EXPECT_DOUBLE_EQ(s.value_accuracy, 2.0 / 3);
  EXPECT_DOUBLE_EQ(s.value.f1, 0.5);
  EXPECT_DOUBLE_EQ(s.value.precision, 0.5);
}

TEST(TimexScorerTest, PrecisionAndRecallDifferWhenCountsDo) {
  const std::vector<Timex> gold = {At("Monday", "DATE", "a"), At("two weeks", "DURATION", "b")};
  const std::vector<Timex> system = {At("Monday", "DATE", "a")};
  const TimexScores s = ComputeTimexScores(ScoreTimexDocument(kText, gold, system));
  EXPECT_DOUBLE_EQ(s.strict.precision, 1.0);
  EXPECT_DOUBLE_EQ(s.strict.recall, 0.5);
  EXPECT_DOUBLE_EQ(s.strict.f1, 2.0 / 3);
  EXPECT_DOUBLE_EQ(s.value.f1, 2.0 / 3);
}

// One wide TIMEX3 against two narrow ones pairs once: the normaliser gives each id once.
TEST(TimexScorerTest, PairingIsOneToOne) {
  const std::vector<Timex> two = {At("Monday", "DATE", "a"), At("Tuesday morning", "TIME", "b")};
  const std::vector<Timex> one = {At("Monday and Tuesday morning", "DATE", "a")};
  TimexCounts c = ScoreTimexDocument(kText, two, one);
  EXPECT_EQ(c.gold, 2u);
  EXPECT_EQ(c.system, 1u);
  EXPECT_EQ(c.relaxed, 1u);
  EXPECT_EQ(c.strict, 0u);
  EXPECT_EQ(c.value_match, 1u);
  c = ScoreTimexDocument(kText, one, two);
  EXPECT_EQ(c.gold, 1u);
  EXPECT_EQ(c.system, 2u);
  EXPECT_EQ(c.relaxed, 1u);
}

// An end inside a word leaves that word out (the normaliser closes the TIMEX3 before it);
// a start inside a word takes the word in.
TEST(TimexScorerTest, AWordCutByTheEndIsNotCovered) {
  const std::string text = "Maceo Parker à Besançon mardi.";
  auto span = [&](const std::string& s, size_t skip_front, size_t skip_back) {
    Timex t;
    t.begin = text.find(s) + skip_front;
    t.end = text.find(s) + s.size() - skip_back;
    t.type = "DATE";
    return t;
  };
  const std::vector<Timex> gold = {span("mardi", 0, 0)};
  // "on mar": starts in Besançon, ends inside mardi: covers Besançon only, no pair.
  TimexCounts c = ScoreTimexDocument(text, gold, {span("Besançon mardi", 6, 2)});
  EXPECT_EQ(c.system, 1u);
  EXPECT_EQ(c.relaxed, 0u);
  // "mar": starts and ends in mardi: covers it, a relaxed (not strict) match.
  c = ScoreTimexDocument(text, gold, {span("mardi", 0, 2)});
  EXPECT_EQ(c.relaxed, 1u);
  EXPECT_EQ(c.strict, 0u);
  // "ardi.": starts inside mardi, takes it: relaxed.
  c = ScoreTimexDocument(text, gold, {span("mardi.", 1, 0)});
  EXPECT_EQ(c.relaxed, 1u);
}

TEST(TimexScorerTest, EmptyTimexesAreNotScoredAndNothingAtAllScoresOne) {
  Timex empty = At("Monday", "DATE", "x");
  empty.end = empty.begin;
  TimexCounts c = ScoreTimexDocument(kText, {empty}, {});
  EXPECT_EQ(c.gold, 0u);
  const TimexScores none = ComputeTimexScores(c);
  EXPECT_DOUBLE_EQ(none.strict.f1, 1.0);
  EXPECT_DOUBLE_EQ(none.value.f1, 1.0);
  const TimexScores missed =
      ComputeTimexScores(ScoreTimexDocument(kText, {At("May", "DATE", "x")}, {}));
  EXPECT_DOUBLE_EQ(missed.strict.f1, 0.0);
  EXPECT_DOUBLE_EQ(missed.relaxed.recall, 0.0);
  EXPECT_DOUBLE_EQ(missed.value.f1, 0.0);
}

TimemlDocument Doc(const std::string& name, std::vector<Timex> timexes) {
  TimemlDocument d;
  d.name = name;
  d.text = kText;
  d.timexes = std::move(timexes);
  return d;
}

TEST(TimexScorerTest, CorpusSumsCountsFlagsMissingPredictionsAndRefusesOtherTexts) {
  const std::vector<TimemlDocument> gold = {Doc("a.tml", {At("Monday", "DATE", "a")}),
                                            Doc("b.tml", {At("May 1998", "DATE", "b")})};
  std::vector<TimemlDocument> predicted = {Doc("a.tml", {At("Monday", "DATE", "z")})};
  auto r = ScoreTimexCorpus(gold, predicted);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->total.gold, 2u);
  EXPECT_EQ(r->total.system, 1u);
  EXPECT_EQ(r->total.strict, 1u);
  EXPECT_EQ(r->total.value_match, 0u);
  ASSERT_EQ(r->documents.size(), 2u);
  EXPECT_FALSE(r->documents[0].missing_prediction);
  EXPECT_TRUE(r->documents[1].missing_prediction);
  EXPECT_DOUBLE_EQ(r->scores.strict.recall, 0.5);
  EXPECT_DOUBLE_EQ(r->scores.value.f1, 0.0);
  predicted[0].text += " ";
  auto refused = ScoreTimexCorpus(gold, predicted);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("a.tml"), std::string::npos);
}

}  // namespace
}  // namespace depeche::eval
