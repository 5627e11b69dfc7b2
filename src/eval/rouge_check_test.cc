#include "eval/rouge_check.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>

namespace depeche::eval {
namespace {

const std::filesystem::path kDuc2006 =
    std::filesystem::path(DEPECHE_SHARED_DIR) / "data/duc2006-2007/DUC_data/DUC2006";

const std::filesystem::path kWordNet = "/usr/share/wordnet";

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

// Every DUC 2006 peer scored with our ROUGE as the official jackknifed run did, beside the
// official scores (docs/QUALITY.md, "Summaries (issue 13)").
TEST(RougeCheckTest, MatchesOfficialDuc2006Scores) {
  if (!std::filesystem::exists(kDuc2006 / "NISTeval/ROUGE/rouge2.jk.m.avg")) {
    GTEST_SKIP() << "no DUC 2006 data under " << kDuc2006;
  }
  // ROUGE-1.5.5 looks tokens up in WordNet's exception lists (Debian's wordnet-base has them).
  const std::filesystem::path wordnet =
      std::filesystem::exists(kWordNet / "verb.exc") ? kWordNet : std::filesystem::path();
  std::printf("WordNet exceptions: %s\n", wordnet.empty() ? "none" : wordnet.c_str());
  auto check = CheckRougeAgainstOfficial(kDuc2006, RougeOptions(), wordnet);
  ASSERT_TRUE(check.ok()) << check.status().ToString();
  ASSERT_EQ(check->systems.size(), 45u);  // 35 systems and 10 human summarisers
  for (const RougeSystemCheck& s : check->systems) {
    std::printf("%-3s evals %3d  R1 %.5f / %.5f  R2 %.5f / %.5f  SU4 %.5f / %.5f\n",
                s.system.c_str(), s.evaluations, s.ours_rouge1, s.official_rouge1, s.ours_rouge2,
                s.official_rouge2, s.ours_su4, s.official_su4);
    EXPECT_GE(s.official_rouge2, 0) << s.system;
    EXPECT_GE(s.official_su4, 0) << s.system;
  }
  std::printf("largest |ours - official|: ROUGE-1 %.5f, ROUGE-2 %.5f (%s), ROUGE-SU4 %.5f (%s)\n",
              check->max_diff_rouge1, check->max_diff_rouge2, check->max_diff_rouge2_system.c_str(),
              check->max_diff_su4, check->max_diff_su4_system.c_str());
  EXPECT_LT(check->max_diff_rouge1, 0.005);
  EXPECT_LT(check->max_diff_rouge2, 0.005);
  EXPECT_LT(check->max_diff_su4, 0.005);
}

TEST(RougeCheckTest, LeadBaselineIsNearTheOfficialOne) {
  if (!std::filesystem::exists(kDuc2006 / "duc2006_docs")) {
    GTEST_SKIP() << "no DUC 2006 data under " << kDuc2006;
  }
  auto lead = ScoreDucLeadBaseline(kDuc2006);
  ASSERT_TRUE(lead.ok()) << lead.status().ToString();
  std::printf("lead baseline: R1 %.5f R2 %.5f SU4 %.5f (official system 1: R2 0.04947)\n",
              lead->rouge1.recall, lead->rouge2.recall, lead->su4.recall);
  EXPECT_GT(lead->rouge2.recall, 0.03);
  EXPECT_LT(lead->rouge2.recall, 0.08);
}

}  // namespace
}  // namespace depeche::eval
