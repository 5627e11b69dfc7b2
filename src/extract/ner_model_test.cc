#include "extract/ner_model.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <limits>

#include "extract/ner_decode.h"
#include "extract/ner_test_util.h"

namespace depeche::extract {
namespace {

using testing_util::TempPath;

NerModel SmallModel() {
  std::vector<uint64_t> keys = {42, 7, 0};  // 0 is stored under 1: still found
  std::vector<float> weights(3 * kNerLabels);
  for (size_t i = 0; i < weights.size(); ++i) weights[i] = static_cast<float>(i % 7) - 3.0f;
  std::vector<float> transitions(kTransitionRows * kNerLabels, 0.5f);
  transitions[3] = -2.0f;
  return NerModel({{"lang", "fr"}, {"provenance", "unit test\nsecond line"}}, keys, weights,
                  transitions);
}

TEST(NerModelTest, AddsWeightsOfKnownFeaturesOnly) {
  NerModel m = SmallModel();
  float scores[kNerLabels] = {};
  const uint64_t features[] = {42, 99, 0};
  m.AddScores(0, features, scores);
  for (int l = 0; l < kNerLabels; ++l) {
    const float expected =
        (static_cast<float>(l % 7) - 3.0f) + (static_cast<float>((2 * kNerLabels + l) % 7) - 3.0f);
    EXPECT_FLOAT_EQ(scores[l], expected) << l;
  }
}

TEST(NerModelTest, SaveLoadRoundTripKeepsScoresAndHeader) {
  NerModel m = SmallModel();
  TempPath path(".model");
  ASSERT_TRUE(m.Save(path.path()).ok());
  auto loaded = NerModel::Load(path.path());
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(loaded->lang(), "fr");
  EXPECT_EQ(loaded->Get("provenance"), "unit test second line");
  EXPECT_EQ(loaded->rows(), 3u);
  const uint64_t features[] = {7, 42};
  float a[kNerLabels] = {}, b[kNerLabels] = {};
  m.AddScores(0, features, a);
  loaded->AddScores(0, features, b);
  for (int l = 0; l < kNerLabels; ++l) EXPECT_NEAR(a[l], b[l], 3.0 / 32767 * 2) << l;
  for (size_t i = 0; i < m.transitions(0).size(); ++i) {
    EXPECT_EQ(m.transitions(0)[i], loaded->transitions(0)[i]);
  }
  // Same model, same bytes.
  TempPath again(".model");
  ASSERT_TRUE(loaded->Save(again.path()).ok());
  EXPECT_EQ(testing_util::ReadBytes(path.path()), testing_util::ReadBytes(again.path()));
}

TEST(NerModelTest, TwoStagesRoundTripApart) {
  NerStage first{{5}, std::vector<float>(kNerLabels, 1.0f), {}};
  NerStage second{{5, 6}, std::vector<float>(2 * kNerLabels, -2.0f), {}};
  NerModel m({{"lang", "en"}}, {first, second});
  TempPath path(".model");
  ASSERT_TRUE(m.Save(path.path()).ok());
  auto loaded = NerModel::Load(path.path());
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  ASSERT_EQ(loaded->stages(), 2u);
  EXPECT_EQ(loaded->rows(), 3u);
  const uint64_t features[] = {5, 6};
  float a[kNerLabels] = {}, b[kNerLabels] = {};
  loaded->AddScores(0, features, a);
  loaded->AddScores(1, features, b);
  EXPECT_NEAR(a[0], 1.0f, 1e-3);
  EXPECT_NEAR(b[0], -4.0f, 1e-3);
}

TEST(NerModelTest, MissingFileIsNotFoundAndGarbageIsDataLoss) {
  TempPath path(".model");
  auto missing = NerModel::Load(path.path());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  {
    std::ofstream f(path.path());
    f << "DEPECHE-NER 2\nlang: fr\n\nshort";
  }
  auto bad = NerModel::Load(path.path());
  EXPECT_EQ(bad.status().code(), StatusCode::kDataLoss);
  EXPECT_NE(bad.status().message().find(path.path()), std::string::npos);
}

TEST(NerModelTest, TruncatedFileIsDataLoss) {
  NerModel m = SmallModel();
  TempPath path(".model");
  ASSERT_TRUE(m.Save(path.path()).ok());
  const std::string bytes = testing_util::ReadBytes(path.path());
  {
    std::ofstream f(path.path(), std::ios::binary | std::ios::trunc);
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size() - 5));
  }
  EXPECT_EQ(NerModel::Load(path.path()).status().code(), StatusCode::kDataLoss);
}

TEST(ViterbiTest, NeverStartsOrContinuesWithAWrongInside) {
  // Emissions that want I-PER first, then I-ORG after a B-PER: both break BIO.
  std::vector<float> emissions(3 * kNerLabels, 0.0f);
  emissions[InsideLabel(EntityType::kPerson)] = 10.0f;
  emissions[kNerLabels + BeginLabel(EntityType::kPerson)] = 5.0f;
  emissions[2 * kNerLabels + InsideLabel(EntityType::kOrganization)] = 10.0f;
  emissions[2 * kNerLabels + InsideLabel(EntityType::kPerson)] = 1.0f;
  std::vector<float> transitions(kTransitionRows * kNerLabels, 0.0f);
  std::vector<NerLabel> labels;
  ViterbiDecode(emissions, transitions, labels);
  ASSERT_EQ(labels.size(), 3u);
  for (size_t i = 0; i < labels.size(); ++i) {
    EXPECT_TRUE(AllowedTransition(i == 0 ? -1 : labels[i - 1], labels[i])) << i;
  }
  EXPECT_NE(labels[0], InsideLabel(EntityType::kPerson));
}

TEST(ViterbiTest, FollowsTransitionsWhenEmissionsTie) {
  std::vector<float> emissions(2 * kNerLabels, 0.0f);
  emissions[BeginLabel(EntityType::kPlace)] = 3.0f;
  std::vector<float> transitions(kTransitionRows * kNerLabels, 0.0f);
  transitions[BeginLabel(EntityType::kPlace) * kNerLabels + InsideLabel(EntityType::kPlace)] = 1;
  std::vector<NerLabel> labels;
  ViterbiDecode(emissions, transitions, labels);
  EXPECT_EQ(labels, (std::vector<NerLabel>{BeginLabel(EntityType::kPlace),
                                           InsideLabel(EntityType::kPlace)}));
  ViterbiDecode({}, transitions, labels);
  EXPECT_TRUE(labels.empty());
}

TEST(NerLabelsTest, NamesRoundTrip) {
  for (int l = 0; l < kNerLabels; ++l) {
    EXPECT_EQ(ParseNerLabel(NerLabelName(static_cast<NerLabel>(l))), l);
  }
  EXPECT_FALSE(ParseNerLabel("B-FOO"));
  EXPECT_FALSE(ParseNerLabel("X-PER"));
}

}  // namespace
}  // namespace depeche::extract
