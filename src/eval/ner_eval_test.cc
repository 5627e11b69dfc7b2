#include "eval/ner_eval.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace depeche::eval {
namespace {

using extract::EntityType;
using extract::NerLabel;

std::vector<NerLabel> Labels(std::initializer_list<const char*> tags) {
  std::vector<NerLabel> out;
  for (const char* t : tags) out.push_back(extract::ParseNerLabel(t).value());
  return out;
}

TEST(NerScorerTest, HandComputedCounts) {
  NerScorer scorer;
  // gold: [Anna Marsh]PER [Paris]LOC ; guess: [Anna]PER [Marsh]PER [Paris]LOC
  scorer.AddSentence(Labels({"B-PER", "I-PER", "O", "B-LOC"}),
                     Labels({"B-PER", "B-PER", "O", "B-LOC"}));
  // gold: [Acme]ORG ; guess: [Acme]LOC (type wrong)
  scorer.AddSentence(Labels({"B-ORG", "O"}), Labels({"B-LOC", "O"}));
  NerCounts all = scorer.Overall();
  EXPECT_EQ(all.gold, 3u);
  EXPECT_EQ(all.guessed, 4u);
  EXPECT_EQ(all.correct, 1u);
  EXPECT_DOUBLE_EQ(all.Precision(), 0.25);
  EXPECT_DOUBLE_EQ(all.Recall(), 1.0 / 3);
  EXPECT_DOUBLE_EQ(all.F1(), 2 * 0.25 / 3 / (0.25 + 1.0 / 3));
  EXPECT_EQ(scorer.PerType(EntityType::kPlace).correct, 1u);
  EXPECT_EQ(scorer.PerType(EntityType::kPlace).guessed, 2u);
  EXPECT_EQ(scorer.PerType(EntityType::kPerson).correct, 0u);
  EXPECT_EQ(scorer.words(), 6u);
  EXPECT_EQ(scorer.correct_labels(), 4u);
}

TEST(NerScorerTest, ChunksDoNotRunAcrossSentences) {
  NerScorer scorer;
  scorer.AddSentence(Labels({"O", "B-PER"}), Labels({"O", "B-PER"}));
  scorer.AddSentence(Labels({"I-PER", "O"}), Labels({"O", "O"}));
  // Gold has two PER chunks (the I-PER opens one after the boundary); one is found.
  EXPECT_EQ(scorer.Overall().gold, 2u);
  EXPECT_EQ(scorer.Overall().correct, 1u);
}

TEST(NerScorerTest, TypeMaskIgnoresOtherTypes) {
  NerScorer scorer(ParseNerTypes("PER,LOC").value());
  scorer.AddSentence(Labels({"B-MISC", "B-PER"}), Labels({"B-ORG", "B-PER"}));
  EXPECT_EQ(scorer.Overall().gold, 1u);
  EXPECT_EQ(scorer.Overall().guessed, 1u);
  EXPECT_EQ(scorer.Overall().correct, 1u);
  EXPECT_FALSE(ParseNerTypes("PER,FOO").ok());
}

// tests/fixtures/ner/conlleval_fixture.txt ("word gold guess", invented sentences with the
// awkward cases: IOB1-style I- openings, B-B splits, type errors, a sentence without names)
// scored by conlleval.pl (version 2004-01-26, as distributed with CoNLL-2003):
//   processed 35 tokens with 12 phrases; found: 13 phrases; correct: 4.
//   accuracy:  62.86%; precision:  30.77%; recall:  33.33%; FB1:  32.00
//                 LOC: precision:  50.00%; recall:  50.00%; FB1:  50.00  4
//                MISC: precision:   0.00%; recall:   0.00%; FB1:   0.00  1
//                 ORG: precision:   0.00%; recall:   0.00%; FB1:   0.00  3
//                 PER: precision:  40.00%; recall:  40.00%; FB1:  40.00  5
TEST(NerScorerTest, MatchesConllevalOnTheFixture) {
  std::ifstream in(std::string(DEPECHE_SOURCE_DIR) + "/tests/fixtures/ner/conlleval_fixture.txt");
  ASSERT_TRUE(in);
  NerScorer scorer;
  std::vector<NerLabel> gold, guess;
  std::string line;
  auto flush = [&] {
    if (!gold.empty()) scorer.AddSentence(gold, guess);
    gold.clear();
    guess.clear();
  };
  while (std::getline(in, line)) {
    if (line.empty()) {
      flush();
      continue;
    }
    std::istringstream fields(line);
    std::string word, g, p;
    fields >> word >> g >> p;
    gold.push_back(extract::ParseNerLabel(g).value());
    guess.push_back(extract::ParseNerLabel(p).value());
  }
  flush();
  EXPECT_EQ(scorer.words(), 35u);
  EXPECT_EQ(scorer.correct_labels(), 22u);  // 62.86%
  NerCounts all = scorer.Overall();
  EXPECT_EQ(all.gold, 12u);
  EXPECT_EQ(all.guessed, 13u);
  EXPECT_EQ(all.correct, 4u);
  EXPECT_NEAR(100 * all.F1(), 32.00, 0.005);
  EXPECT_EQ(scorer.PerType(EntityType::kPlace).guessed, 4u);
  EXPECT_NEAR(100 * scorer.PerType(EntityType::kPlace).F1(), 50.00, 0.005);
  EXPECT_EQ(scorer.PerType(EntityType::kMisc).guessed, 1u);
  EXPECT_EQ(scorer.PerType(EntityType::kOrganization).guessed, 3u);
  EXPECT_EQ(scorer.PerType(EntityType::kOrganization).correct, 0u);
  EXPECT_EQ(scorer.PerType(EntityType::kPerson).guessed, 5u);
  EXPECT_NEAR(100 * scorer.PerType(EntityType::kPerson).F1(), 40.00, 0.005);
}

}  // namespace
}  // namespace depeche::eval
