#include "eval/rouge_check.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace depeche::eval {
namespace {

const std::filesystem::path kDuc2006 =
    std::filesystem::path(DEPECHE_SHARED_DIR) / "data/duc2006-2007/DUC_data/DUC2006";

TEST(RougeCheckTest, ParsesOfficialAverages) {
  auto parsed = ParseRougeAvg("C 0.13260 (95%-conf.int. 0.11596 - 0.15197)\n\n24 0.09505 (x)\n",
                              "rouge2.jk.m.avg");
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  ASSERT_EQ(parsed->size(), 2u);
  EXPECT_EQ((*parsed)[1].first, "24");
  EXPECT_DOUBLE_EQ((*parsed)[1].second, 0.09505);
  auto bad = ParseRougeAvg("C 0.1\nD x\n", "f.avg");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().ToString().find("f.avg:2"), std::string::npos);
  auto out = ParseRougeOutAverages(
      "1 ROUGE-1 Average_R: 0.30217 (95%-conf.int. 0.29229 - 0.31193)\n"
      "1 ROUGE-1 Average_P: 0.34980 (95%-conf.int. 0.33975 - 0.35894)\n"
      "1 ROUGE-2 Average_R: 0.04947 (95%-conf.int. 0.04560 - 0.05375)\n",
      "ROUGE-2");
  ASSERT_EQ(out.size(), 1u);
  EXPECT_DOUBLE_EQ(out[0].second, 0.04947);
}

TEST(RougeCheckTest, ParsesOfficialEvaluations) {
  auto evals = ParseRougeOutEvaluations(
      "1 ROUGE-1 Average_R: 0.30217 (95%-conf.int. 0.29229 - 0.31193)\n"
      "1 ROUGE-1 Eval D0601.M.250.A-A.1 R:0.27322 P:0.26746 F:0.27031\n"
      "1 ROUGE-2 Eval D0601.M.250.A-A.1 R:0.02568 P:0.02513 F:0.02540\n",
      "ROUGE-2");
  ASSERT_EQ(evals.size(), 1u);
  EXPECT_EQ(evals[0].first, "D0601.M.250.A-A.1");
  EXPECT_DOUBLE_EQ(evals[0].second, 0.02568);
}

class RougeCheckFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device rd;
    dir_ = std::filesystem::temp_directory_path() /
           ("rouge_check_" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(dir_ / "NISTeval/ROUGE/models");
    std::filesystem::create_directories(dir_ / "NISTeval/ROUGE/peers");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void Write(const std::string& path, const std::string& text) {
    std::ofstream(dir_ / "NISTeval/ROUGE" / path) << text;
  }
  std::filesystem::path dir_;
};

// One topic, models A and B; system 1 is scored against {B} and {A}, human A against {B} only.
TEST_F(RougeCheckFilesTest, ScoresAsTheJackknifedRunAndCompares) {
  Write("models/D0601.M.250.A.A", "a b c\n");
  Write("models/D0601.M.250.A.B", "a b d\n");
  Write("peers/D0601.M.250.A.A", "a b c\n");
  Write("peers/D0601.M.250.A.1", "A B.\n");
  Write("rouge2.jk.m.avg", "A 0.50000 (x)\n1 0.50100 (x)\n");
  Write("rougeSU4.jk.m.avg", "A 0.60000 (x)\n1 0.40000 (x)\n");
  Write("rougejk.m.out",
        "1 ROUGE-1 Average_R: 0.66667 (x)\n"
        "1 ROUGE-1 Eval D0601.M.250.A-A.1 R:0.66667 P:1 F:1\n"
        "1 ROUGE-1 Eval D0601.M.250.A-B.1 R:0.66000 P:1 F:1\n"  // one wrong on purpose
        "1 ROUGE-2 Eval D0601.M.250.A-A.1 R:0.50000 P:1 F:1\n"
        "1 ROUGE-2 Eval D0601.M.250.A-B.1 R:0.50000 P:1 F:1\n"
        "A ROUGE-2 Eval D0601.M.250.A-A.A R:0.50000 P:1 F:1\n"
        "A ROUGE-SU4 Eval D0601.M.250.A-A.A R:0.60000 P:1 F:1\n");
  auto check = CheckRougeAgainstOfficial(dir_, Duc2006OfficialOptions(), "");
  ASSERT_TRUE(check.ok()) << check.status().ToString();
  ASSERT_EQ(check->systems.size(), 2u);
  const RougeSystemCheck& system = check->systems[0];  // best official ROUGE-2 first
  const RougeSystemCheck& human = check->systems[1];
  EXPECT_EQ(system.system, "1");
  EXPECT_EQ(system.evaluations, 2);
  EXPECT_DOUBLE_EQ(system.ours[0], 0.66667);  // a, b of 3 model words either way
  EXPECT_DOUBLE_EQ(system.ours[1], 0.5);      // "a b" of 2 model bigrams
  EXPECT_DOUBLE_EQ(system.ours[2], 0.4);      // unigram a and pair a-b of 5 model grams
  EXPECT_DOUBLE_EQ(system.official[0], 0.66667);
  EXPECT_DOUBLE_EQ(system.official_mean[0], (0.66667 + 0.66) / 2);
  EXPECT_EQ(human.system, "A");
  EXPECT_EQ(human.evaluations, 1);
  EXPECT_DOUBLE_EQ(human.ours[2], 0.6);  // a, b, a-b of B's 5
  EXPECT_EQ(check->evaluations_compared[0], 2);
  EXPECT_EQ(check->evaluations_identical[0], 1);
  EXPECT_NEAR(check->max_evaluation_diff[0], 0.00667, 1e-9);
  EXPECT_EQ(check->evaluations_compared[1], 3);
  EXPECT_EQ(check->evaluations_identical[1], 3);
  EXPECT_NEAR(check->max_diff[1], 0.001, 1e-9);
  EXPECT_EQ(check->max_diff_system[1], "1");
  EXPECT_FALSE(CheckRougeAgainstOfficial(dir_ / "absent", Duc2006OfficialOptions(), "").ok());
}

// Every DUC 2006 peer scored with our ROUGE as the official jackknifed run did, beside the
// official scores (docs/QUALITY.md, "Summaries (issue 13)"). ROUGE-1.5.5 stems with WordNet's
// exception lists: scripts/install-deps.sh installs them (wordnet-base).
TEST(RougeCheckTest, MatchesOfficialDuc2006Scores) {
  if (!std::filesystem::exists(kDuc2006 / "NISTeval/ROUGE/rouge2.jk.m.avg")) {
    GTEST_SKIP() << "no DUC 2006 data under " << kDuc2006;
  }
  if (!std::filesystem::exists(std::filesystem::path(kDefaultWordNetDir) / "verb.exc")) {
    GTEST_SKIP() << "no WordNet exception lists under " << kDefaultWordNetDir
                 << " (Debian: wordnet-base)";
  }
  auto check = CheckRougeAgainstOfficial(kDuc2006);
  ASSERT_TRUE(check.ok()) << check.status().ToString();
  ASSERT_EQ(check->systems.size(), 45u);  // 35 systems and 10 human summarisers
  for (const RougeSystemCheck& s : check->systems) {
    std::printf("%-3s evals %3d", s.system.c_str(), s.evaluations);
    for (int k = 0; k < kRougeMeasures; ++k) {
      std::printf("  %s %.5f / %.5f (mean %.5f)", kRougeMeasureNames[k], s.ours[k], s.official[k],
                  s.official_mean[k]);
      EXPECT_GE(s.official[k], 0) << s.system;
    }
    std::printf("\n");
  }
  for (int k = 0; k < kRougeMeasures; ++k) {
    double max_system_diff = 0;  // the 35 systems (200 evaluations each), humans left out
    for (const RougeSystemCheck& s : check->systems) {
      if (s.system[0] >= '0' && s.system[0] <= '9') {
        max_system_diff = std::max(max_system_diff, std::fabs(s.ours[k] - s.official[k]));
      }
    }
    std::printf("%s: largest |ours - official average| over the 35 systems %.5f\n",
                kRougeMeasureNames[k], max_system_diff);
    std::printf(
        "%s: %d/%d evaluations identical (largest difference %.5f); per peer, largest "
        "|ours - official average| %.5f (%s), |ours - mean of official evaluations| %.6f\n",
        kRougeMeasureNames[k], check->evaluations_identical[k], check->evaluations_compared[k],
        check->max_evaluation_diff[k], check->max_diff[k], check->max_diff_system[k].c_str(),
        check->max_diff_mean[k]);
    // 50 topics: 35 systems x 4 model subsets + 4 humans x 1.
    EXPECT_EQ(check->evaluations_compared[k], 50 * (35 * 4 + 4));
    EXPECT_EQ(check->evaluations_identical[k], check->evaluations_compared[k]);
    EXPECT_LT(check->max_diff_mean[k], 1e-9);
    // The official averages are bootstrap means: within 0.005 (the bound) of ours.
    EXPECT_LT(check->max_diff[k], 0.005);
  }
}

TEST(RougeCheckTest, LeadBaselineIsNearTheOfficialOne) {
  if (!std::filesystem::exists(kDuc2006 / "duc2006_docs")) {
    GTEST_SKIP() << "no DUC 2006 data under " << kDuc2006;
  }
  const std::filesystem::path wordnet =
      std::filesystem::exists(std::filesystem::path(kDefaultWordNetDir) / "verb.exc")
          ? std::filesystem::path(kDefaultWordNetDir)
          : std::filesystem::path();
  auto lead = ScoreDucLeadBaseline(kDuc2006, RougeOptions(), wordnet);
  ASSERT_TRUE(lead.ok()) << lead.status().ToString();
  std::printf("lead baseline: R1 %.5f R2 %.5f SU4 %.5f (official system 1: R2 0.04947)\n",
              lead->rouge1.recall, lead->rouge2.recall, lead->su4.recall);
  EXPECT_GT(lead->rouge2.recall, 0.03);
  EXPECT_LT(lead->rouge2.recall, 0.08);
}

}  // namespace
}  // namespace depeche::eval
