#include "eval/figures_eval.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace depeche::eval {
namespace {

extract::Figure Predicted(double value, std::string unit, std::optional<double> high = {}) {
  extract::Figure f;
  f.value = value;
  f.unit = std::move(unit);
  f.high = high;
  return f;
}

NewsQuantQuantity Gold(double value, std::string unit, std::optional<double> high = {}) {
  NewsQuantQuantity q;
  q.value = value;
  q.unit = std::move(unit);
  q.high = high;
  return q;
}

TEST(FiguresEvalTest, PairsOneToOneWithCqeValueMatching) {
  // 6 and 40 found (40 with a wrong unit), 427 spurious; a gold range needs a predicted range.
  std::vector<NewsQuantQuantity> gold = {Gold(6, "dollar"), Gold(40, "yard"),
                                         Gold(252, "mile", 287.0)};
  std::vector<extract::Figure> predicted = {Predicted(427, ""), Predicted(40.0000001, "foot"),
                                            Predicted(6, "dollar"), Predicted(252, "mile")};
  FigureCounts c = ScoreSentence(gold, predicted);
  EXPECT_EQ(c.gold, 3u);
  EXPECT_EQ(c.system, 4u);
  EXPECT_EQ(c.value, 2u);
  EXPECT_EQ(c.value_unit, 1u);
}

TEST(FiguresEvalTest, APredictionPairsOnceAndPrefersTheUnit) {
  // Two gold quantities of the same value, one prediction: one match only; the gold with the
  // prediction's unit takes it.
  std::vector<NewsQuantQuantity> gold = {Gold(2, "year"), Gold(2, "percentage")};
  FigureCounts c = ScoreSentence(gold, {Predicted(2, "percent")});
  EXPECT_EQ(c.value, 1u);
  EXPECT_EQ(c.value_unit, 1u);
  c = ScoreSentence({Gold(1.5, "mile", 2.0)}, {Predicted(1.5, "mile", 2.0)});
  EXPECT_EQ(c.value_unit, 1u);
  EXPECT_EQ(NewsQuantUnit(""), "-");
  EXPECT_EQ(NewsQuantUnit("percent"), "percentage");
}

TEST(FiguresEvalTest, ReadsNewsQuantAndNamesBadEntries) {
  const auto dir =
      std::filesystem::path(::testing::TempDir()) /
      ("figures_eval_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
  std::filesystem::create_directories(dir);
  const std::string good = (dir / "good.json").string();
  std::ofstream(good) << R"([{"text": "Up 3% to $5.", "quantities": [
      {"change": "up", "value": "3.0", "unit": "%", "normalized_unit": "Percentage",
       "referred_concepts": "-"},
      {"change": "=", "value": "252.0-287.0", "unit": "miles", "normalized_unit": "mile"},
      {"change": "=", "value": "-1.3", "unit": "%", "normalized_unit": "percentage"},
      {"change": "=", "value": "1.99E-29", "unit": "kg", "normalized_unit": "kilogram"}]},
    {"text": "Nothing.", "quantities": []}])";
  auto read = ReadNewsQuant(good);
  ASSERT_TRUE(read.ok()) << read.status().message();
  ASSERT_EQ(read->size(), 2u);
  const auto& q = (*read)[0].quantities;
  ASSERT_EQ(q.size(), 4u);
  EXPECT_DOUBLE_EQ(q[0].value, 3);
  EXPECT_EQ(q[0].unit, "percentage");
  EXPECT_EQ(q[0].change, "up");
  EXPECT_DOUBLE_EQ(q[1].value, 252);
  EXPECT_DOUBLE_EQ(*q[1].high, 287);
  EXPECT_DOUBLE_EQ(q[2].value, -1.3);
  EXPECT_FALSE(q[2].high.has_value());
  EXPECT_DOUBLE_EQ(q[3].value, 1.99e-29);

  const std::string bad = (dir / "bad.json").string();
  std::ofstream(bad) << R"([{"text": "a", "quantities": []}, {"text": "b", "quantities": [
      {"value": "many"}]}])";
  auto failed = ReadNewsQuant(bad);
  ASSERT_FALSE(failed.ok());
  EXPECT_NE(failed.status().message().find("entry 1"), std::string::npos);
  EXPECT_NE(failed.status().message().find("bad.json"), std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST(FiguresEvalTest, ScoresAnExtractorOverSentences) {
  auto extractor = extract::FigureExtractor::Create(DEPECHE_SOURCE_DIR "/data");
  ASSERT_TRUE(extractor.ok()) << extractor.status().message();
  std::vector<NewsQuantSentence> gold(2);
  gold[0].text = "Shares rose 3.2% to $1.5 billion.";
  gold[0].quantities = {Gold(3.2, "percentage"), Gold(1.5e9, "dollar")};
  gold[1].text = "It was built in 1990 by 12 workers.";
  gold[1].quantities = {Gold(12, "worker"), Gold(7, "-")};
  FigureEvalReport r = ScoreFigures(gold, **extractor, "en");
  EXPECT_EQ(r.total.gold, 4u);
  EXPECT_EQ(r.total.system, 3u);
  EXPECT_EQ(r.total.value, 3u);
  EXPECT_EQ(r.total.value_unit, 3u);
  EXPECT_DOUBLE_EQ(r.value.precision, 1.0);
  EXPECT_DOUBLE_EQ(r.value.recall, 0.75);
  ASSERT_EQ(r.items.size(), 2u);
  EXPECT_EQ(r.items[1].counts.value, 1u);
}

}  // namespace
}  // namespace depeche::eval
