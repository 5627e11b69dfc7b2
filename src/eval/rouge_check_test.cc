#include "eval/rouge_check.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>

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
