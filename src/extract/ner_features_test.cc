#include "extract/ner_features.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "extract/ner_labels.h"

namespace depeche::extract {
namespace {

TEST(WordShapeTest, CollapsesCharacterClasses) {
  EXPECT_EQ(WordShape("Paris"), "Xx");
  EXPECT_EQ(WordShape("McDonald's"), "XxXx'x");
  EXPECT_EQ(WordShape("ÉTATS-UNIS"), "X-X");
  EXPECT_EQ(WordShape("2,5"), "d,d");
  EXPECT_EQ(WordShape("1998"), "d");
  EXPECT_EQ(WordShape("«"), "#");
  EXPECT_EQ(WordShape(""), "");
}

std::vector<uint64_t> Sorted(std::span<const uint64_t> s) {
  std::vector<uint64_t> v(s.begin(), s.end());
  std::sort(v.begin(), v.end());
  return v;
}

TEST(NerFeaturesTest, OneRowPerWordAndDeterministic) {
  std::vector<std::vector<std::string_view>> doc = {{"Mr", "Smith", "left", "."}, {"Hi"}};
  auto a = ExtractNerFeatures(doc, nullptr);
  auto b = ExtractNerFeatures(doc, nullptr);
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].size(), 4u);
  EXPECT_EQ(a[1].size(), 1u);
  EXPECT_EQ(a[0].hashes, b[0].hashes);
  EXPECT_GT(a[0].Word(1).size(), 20u);
}

TEST(NerFeaturesTest, ContextChangesFeaturesAndCaseChangesThem) {
  auto a = ExtractNerFeatures({{"in", "Paris", "today"}}, nullptr);
  auto b = ExtractNerFeatures({{"in", "Paris", "yesterday"}}, nullptr);
  auto c = ExtractNerFeatures({{"in", "paris", "today"}}, nullptr);
  EXPECT_NE(Sorted(a[0].Word(1)), Sorted(b[0].Word(1)));  // next word differs
  EXPECT_NE(Sorted(a[0].Word(1)), Sorted(c[0].Word(1)));  // raw form and shape differ
  // Features shared by "Paris" and "paris": the folded word, affixes, context.
  std::vector<uint64_t> x = Sorted(a[0].Word(1)), y = Sorted(c[0].Word(1)), both;
  std::set_intersection(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(both));
  EXPECT_GE(both.size(), 10u);
}

TEST(NerFeaturesTest, DocumentEvidenceReachesHeadlineWords) {
  // The all-caps headline word gets different document features depending on how the rest
  // of the document writes it.
  auto as_name =
      ExtractNerFeatures({{"PARIS", "WINS"}, {"They", "went", "to", "Paris", "."}}, nullptr);
  auto as_word =
      ExtractNerFeatures({{"PARIS", "WINS"}, {"They", "went", "to", "paris", "."}}, nullptr);
  EXPECT_NE(Sorted(as_name[0].Word(0)), Sorted(as_word[0].Word(0)));
  // Words not written elsewhere keep the same features.
  EXPECT_EQ(Sorted(as_name[0].Word(1)), Sorted(as_word[0].Word(1)));
}

class FixedGazetteer : public NerGazetteerHook {
 public:
  std::string_view Name() const override { return "test"; }
  void Match(const std::vector<std::string_view>& words, const std::vector<std::string_view>&,
             std::vector<uint32_t>& bits) const override {
    for (size_t i = 0; i < words.size(); ++i) {
      if (words[i] == "Oslo") bits[i] = 1 << 4;
    }
  }
};

TEST(NerFeaturesTest, GazetteerHookAddsFeatures) {
  FixedGazetteer gazetteer;
  auto with = ExtractNerFeatures({{"to", "Oslo"}}, &gazetteer);
  auto without = ExtractNerFeatures({{"to", "Oslo"}}, nullptr);
  // "Oslo": the bit alone and with its case; "to": the bit of its next word.
  EXPECT_EQ(with[0].Word(1).size(), without[0].Word(1).size() + 2);
  EXPECT_EQ(with[0].Word(0).size(), without[0].Word(0).size() + 1);
  auto elsewhere = ExtractNerFeatures({{"to", "Oslo", ".", "Then", "home"}}, &gazetteer);
  auto elsewhere_without = ExtractNerFeatures({{"to", "Oslo", ".", "Then", "home"}}, nullptr);
  EXPECT_EQ(Sorted(elsewhere[0].Word(4)), Sorted(elsewhere_without[0].Word(4)));
}

}  // namespace
}  // namespace depeche::extract

namespace depeche::extract {
namespace {

TEST(NerPredictionFeaturesTest, AppendsFirstStageLabelsAndHistory) {
  std::vector<std::vector<std::string_view>> doc = {{"PARIS", "WINS"}, {"In", "Paris", "."}};
  auto base = ExtractNerFeatures(doc, nullptr);
  const NerLabel loc = BeginLabel(EntityType::kPlace);
  auto as_place = base;
  AddPredictionFeatures(doc, {{kOutside, kOutside}, {kOutside, loc, kOutside}}, as_place);
  auto as_nothing = base;
  AddPredictionFeatures(doc, {{kOutside, kOutside}, {kOutside, kOutside, kOutside}}, as_nothing);
  ASSERT_EQ(as_place.size(), 2u);
  for (size_t i = 0; i < 2; ++i) EXPECT_GT(as_place[0].Word(i).size(), base[0].Word(i).size());
  // The base features stay first, unchanged.
  EXPECT_TRUE(
      std::equal(base[1].Word(1).begin(), base[1].Word(1).end(), as_place[1].Word(1).begin()));
  // "PARIS" learns what the first stage said of "Paris" elsewhere in the document.
  EXPECT_NE(Sorted(as_place[0].Word(0)), Sorted(as_nothing[0].Word(0)));
  // "WINS" has no other occurrence: only its own and neighbours' labels, identical here.
  EXPECT_EQ(Sorted(as_place[0].Word(1)), Sorted(as_nothing[0].Word(1)));
}

}  // namespace
}  // namespace depeche::extract
