#include "extract/ner_gazetteer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "extract/ner_tagger.h"
#include "extract/ner_test_util.h"
#include "extract/ner_train.h"
#include "text/normalize.h"

namespace depeche::extract {
namespace {

using testing_util::TempPath;
using testing_util::ToyCorpus;

std::shared_ptr<const Gazetteer> SmallGazetteer() {
  Gazetteer::Sources s;
  s.countries = "US\t38\t-97\tUnited States\nRU\t60\t100\tRussia\n";
  s.country_names = "US\ten\tname\tUnited States\nRU\ten\tname\tRussia\nRU\ten\tdemonym\tRussian\n";
  s.cities =
      "5128581\tUS\t40.71\t-74.01\t8175133\tNew York\n2990440\tFR\t43.7\t7.27\t340000\tNice\n";
  s.first_names = "Antony\n";
  s.surnames = "Blinken\n";
  s.titles = {{"en", "honorific\tMr\ntitle\tSecretary of State\n"}};
  auto g = Gazetteer::FromSources(s);
  EXPECT_TRUE(g.ok()) << g.status().ToString();
  return g.ok() ? *g : nullptr;
}

// The bits of each word of `text` (words separated by spaces).
std::vector<uint32_t> BitsOf(const GazetteerNerHook& hook, const std::string& text,
                             std::vector<std::string>& storage) {
  storage.clear();
  for (size_t i = 0, j; i < text.size(); i = j + 1) {
    j = std::min(text.find(' ', i), text.size());
    storage.push_back(text.substr(i, j - i));
  }
  std::vector<std::string> folded;
  for (const std::string& w : storage) folded.push_back(text::Fold(w));
  std::vector<std::string_view> words(storage.begin(), storage.end());
  std::vector<std::string_view> folded_views(folded.begin(), folded.end());
  std::vector<uint32_t> bits(words.size(), 0);
  hook.Match(words, folded_views, bits);
  return bits;
}

constexpr uint32_t B(NerGazetteerBit b) { return uint32_t{1} << b; }

TEST(GazetteerNerHookTest, MarksKnownPhrasesWithTheirPosition) {
  GazetteerNerHook hook(SmallGazetteer(), "en");
  std::vector<std::string> words;
  const auto bits = BitsOf(
      hook, "Mr Antony Blinken , the Secretary of State , flew from New York to the United States",
      words);
  ASSERT_EQ(bits.size(), 17u);
  EXPECT_EQ(bits[0], 0u);                                        // Mr
  EXPECT_EQ(bits[1], B(kGazAfterHonorific) | B(kGazFirstName));  // Antony
  EXPECT_EQ(bits[2], B(kGazSurname));                            // Blinken
  EXPECT_EQ(bits[5], B(kGazTitle));                              // Secretary
  EXPECT_EQ(bits[7], B(kGazTitle));                              // State
  EXPECT_EQ(bits[8], B(kGazAfterTitle));                         // ,
  EXPECT_EQ(bits[11], B(kGazCityB) | B(kGazBigCityB));           // New
  EXPECT_EQ(bits[12], B(kGazCityI) | B(kGazBigCityI));           // York
  EXPECT_EQ(bits[13], 0u);                                       // to
  EXPECT_EQ(bits[15], B(kGazCountryB));                          // United
  EXPECT_EQ(bits[16], B(kGazCountryI));                          // States
}

TEST(GazetteerNerHookTest, DemonymsAndHyphensAndSmallCities) {
  GazetteerNerHook hook(SmallGazetteer(), "en");
  std::vector<std::string> words;
  auto bits = BitsOf(hook, "Russian troops left Nice for New - York", words);
  EXPECT_EQ(bits[0], B(kGazDemonymB));
  EXPECT_EQ(bits[3], B(kGazCityB));  // under a million people: no big-city bit
  EXPECT_EQ(bits[5], 0u);            // "New - York" is not "New York"
  // Case is the features' business: the bits do not depend on it.
  bits = BitsOf(hook, "russian", words);
  EXPECT_EQ(bits[0], B(kGazDemonymB));
}

TEST(GazetteerNerHookTest, FeaturesFireOnAKnownPhraseOnly) {
  GazetteerNerHook hook(SmallGazetteer(), "en");
  const std::vector<std::vector<std::string_view>> doc = {{"He", "flew", "to", "New", "York"}};
  const auto with = ExtractNerFeatures(doc, &hook);
  const auto without = ExtractNerFeatures(doc, nullptr);
  ASSERT_EQ(with[0].size(), 5u);
  // "He": no bit of its own nor of its neighbour; "to": its neighbour "New" has bits.
  EXPECT_EQ(with[0].Word(0).size(), without[0].Word(0).size());
  EXPECT_GT(with[0].Word(2).size(), without[0].Word(2).size());
  // "York": its bits alone and with its case, and the bits of "New".
  EXPECT_EQ(with[0].Word(4).size(), without[0].Word(4).size() + 6);
}

TEST(GazetteerNerHookTest, ModelRecordsTheHookAndRefusesAnother) {
  GazetteerNerHook hook(SmallGazetteer(), "en");
  NerTrainOptions options;
  options.epochs = 2;
  options.gazetteer = &hook;
  auto model = TrainNerModel(ToyCorpus(), options);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  EXPECT_EQ(model->Get("gazetteer"), GazetteerNerHook::kName);
  TempPath path(".model");
  ASSERT_TRUE(model->Save(path.path()).ok());

  auto tagger = NerTagger::Load(path.path(), {.gazetteer = &hook});
  EXPECT_TRUE(tagger.ok()) << tagger.status().ToString();
  auto missing = NerTagger::Load(path.path());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(missing.status().message().find(path.path()), std::string::npos);

  class OtherHook : public NerGazetteerHook {
   public:
    std::string_view Name() const override { return "other-gazetteer"; }
    void Match(const std::vector<std::string_view>&, const std::vector<std::string_view>&,
               std::vector<uint32_t>&) const override {}
  } other;
  auto mismatched = NerTagger::Load(path.path(), {.gazetteer = &other});
  ASSERT_FALSE(mismatched.ok());
  EXPECT_EQ(mismatched.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(mismatched.status().message().find("other-gazetteer"), std::string::npos);
  EXPECT_NE(mismatched.status().message().find(GazetteerNerHook::kName), std::string::npos);
}

TEST(GazetteerNerHookTest, ModelWithoutHookTagsAsBeforeWhenGivenOne) {
  GazetteerNerHook hook(SmallGazetteer(), "en");
  NerTrainOptions options;
  options.epochs = 2;
  auto model = TrainNerModel(ToyCorpus(), options);
  ASSERT_TRUE(model.ok());
  EXPECT_EQ(model->Get("gazetteer"), "");
  EXPECT_TRUE(NerTagger::CheckGazetteer(*model, &hook).ok());
  const std::vector<std::vector<std::string_view>> doc = {
      {"Mr", "Blinken", "met", "Antony", "in", "New", "York", "."}};
  NerTagger plain(*model);
  NerTagger given(*model, {.gazetteer = &hook});
  EXPECT_EQ(plain.TagWords(doc), given.TagWords(doc));
}

}  // namespace
}  // namespace depeche::extract
