#include "story/features.h"

#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace depeche::story {
namespace {

FeatureOptions Options() {
  FeatureOptions options;
  options.data_dir = DEPECHE_SOURCE_DIR "/data";
  return options;
}

bool HasName(const ArticleFeatures& f, const std::string& name) {
  return std::find(f.top_names.begin(), f.top_names.end(), name) != f.top_names.end();
}

TEST(FeaturesTest, FindsNamesButNotSentenceInitialWords) {
  FeatureExtractor extractor(Options());
  const ArticleFeatures f = extractor.Extract(
      "en", "",
      "Rescuers searched the rubble in Port Harbour on Tuesday. Officials said the Red Cross "
      "sent 40 teams. Lindsay Lohan was not there.");
  EXPECT_TRUE(HasName(f, "Port Harbour"));
  EXPECT_TRUE(HasName(f, "Red Cross"));
  EXPECT_TRUE(HasName(f, "Lindsay Lohan"));
  EXPECT_FALSE(HasName(f, "Rescuers"));
  EXPECT_FALSE(HasName(f, "Officials"));
  size_t numbers = 0, names = 0;
  for (const FeatureCount& c : f.features) {
    numbers += c.group == FeatureGroup::kNumber;
    names += c.group == FeatureGroup::kName;
  }
  EXPECT_EQ(numbers, 1u);  // "40"
  EXPECT_GE(names, 4u);
  EXPECT_TRUE(
      std::is_sorted(f.features.begin(), f.features.end(),
                     [](const FeatureCount& a, const FeatureCount& b) { return a.key < b.key; }));
}

// Two spellings of one person given the same entity key share a name feature, weighed by
// where they are mentioned; the top names are the entities'.
TEST(FeaturesTest, EntityNamesAreNameFeaturesKeyedByIdentity) {
  FeatureExtractor extractor(Options());
  auto names_of = [](std::string display, uint32_t begin) {
    NameFeature n;
    n.key = "person:blinken";
    n.display = display;
    n.mentions.push_back({false, begin, begin + static_cast<uint32_t>(display.size())});
    return std::vector<NameFeature>{n};
  };
  const std::string a = "Antony Blinken met his counterpart in Geneva on Friday.";
  const std::string b = "Talks were long. Anthony Blinken met his counterpart in Geneva.";
  const auto names_a = names_of("Antony Blinken", 0);
  const auto names_b = names_of("Anthony Blinken", static_cast<uint32_t>(b.find("Anthony")));
  const ArticleFeatures fa = extractor.Extract("en", "", a, &names_a);
  const ArticleFeatures fb = extractor.Extract("en", "", b, &names_b);
  const ArticleFeatures plain = extractor.Extract("en", "", a);
  auto name_keys = [](const ArticleFeatures& f) {
    std::vector<uint64_t> keys;
    for (const FeatureCount& c : f.features) {
      if (c.group == FeatureGroup::kName) keys.push_back(c.key);
    }
    return keys;
  };
  std::vector<uint64_t> shared;
  const auto ka = name_keys(fa), kb = name_keys(fb), kp = name_keys(plain);
  std::set_intersection(ka.begin(), ka.end(), kb.begin(), kb.end(), std::back_inserter(shared));
  // The entity key, the run "Geneva" and the word "blinken" of both runs.
  ASSERT_EQ(shared.size(), 3u);
  EXPECT_EQ(ka.size(), kp.size() + 1);  // the capitalised runs stay beside the entity
  EXPECT_EQ(fa.top_names, (std::vector<std::string>{"Antony Blinken"}));
  EXPECT_EQ(fb.top_names, (std::vector<std::string>{"Anthony Blinken"}));
  EXPECT_TRUE(HasName(plain, "Geneva"));
}

TEST(FeaturesTest, TermFormsAreLowerCaseContentWords) {
  FeatureExtractor extractor(Options());
  const ArticleFeatures f = extractor.Extract(
      "en", "", "Troops massed at the border. The troop movements worried Lindsay Lohan.");
  std::vector<std::string> words;
  for (const auto& [key, word] : f.term_forms) words.push_back(word);
  // "troops"/"troop" share a stem: the shortest spelling stands for both; names are left out.
  EXPECT_NE(std::find(words.begin(), words.end(), "troop"), words.end());
  EXPECT_EQ(std::find(words.begin(), words.end(), "troops"), words.end());
  EXPECT_NE(std::find(words.begin(), words.end(), "border"), words.end());
  EXPECT_EQ(std::find(words.begin(), words.end(), "lohan"), words.end());
  EXPECT_EQ(std::find(words.begin(), words.end(), "the"), words.end());
}

TEST(FeaturesTest, DatelineDateIsNoEvidence) {
  FeatureExtractor extractor(Options());
  // The dateline's month and day say when the copy was filed; "Friday" in the text dates the
  // event and stays.
  const ArticleFeatures f = extractor.Extract(
      "en", "",
      "LONDON, March 12 - Prices fell sharply, traders said, ahead of the vote on Friday. "
      "Theresa May said little.");
  EXPECT_FALSE(HasName(f, "March"));
  EXPECT_TRUE(HasName(f, "Friday"));
  EXPECT_TRUE(HasName(f, "Theresa May"));
  for (const FeatureCount& c : f.features) {
    EXPECT_NE(c.group, FeatureGroup::kNumber);  // "12" is the dateline's day
  }
  const ArticleFeatures plain = extractor.Extract(
      "en", "", "Prices fell sharply in March, traders said. The index lost 12 points.");
  EXPECT_TRUE(HasName(plain, "March"));  // not a dateline: a date of the event
}

TEST(FeaturesTest, TitleCaseHeadlineGivesNoNames) {
  FeatureExtractor extractor(Options());
  const ArticleFeatures f =
      extractor.Extract("en", "Stocks Fall After Weak Data From Factories", "");
  EXPECT_TRUE(f.top_names.empty());
  EXPECT_FALSE(f.features.empty());
}

TEST(FeaturesTest, StemsAndDropsStopWords) {
  FeatureExtractor extractor(Options());
  const ArticleFeatures a = extractor.Extract("en", "", "the earthquakes struck");
  const ArticleFeatures b = extractor.Extract("en", "", "an earthquake strikes");
  // "earthquakes"/"earthquake" share a stem; stop words add nothing.
  size_t shared = 0;
  for (const FeatureCount& x : a.features) {
    for (const FeatureCount& y : b.features) shared += x.key == y.key;
  }
  EXPECT_EQ(shared, 1u);
  EXPECT_EQ(a.features.size(), 2u);
}

TEST(FeaturesTest, LeadWordsCountMore) {
  FeatureOptions options = Options();
  options.lead_weight = 3.0f;
  options.lead_chars = 20;
  FeatureExtractor extractor(options);
  FeatureExtractor plain(Options());
  // "volcano" opens the text, "glacier" comes after the lead: once each, weighed 3 and 1.
  const ArticleFeatures f =
      extractor.Extract("en", "", "volcano erupted today; much later the glacier melted");
  auto count_of = [&](const char* word) {
    const ArticleFeatures probe = plain.Extract("en", "", word);
    for (const FeatureCount& c : f.features) {
      if (!probe.features.empty() && c.key == probe.features.front().key) return c.count;
    }
    return 0.0f;
  };
  EXPECT_EQ(count_of("volcano"), 3.0f);
  EXPECT_EQ(count_of("glacier"), 1.0f);
}

TEST(FeaturesTest, ShinglesAreOrderedWordTriples) {
  FeatureExtractor extractor(Options());
  const auto a = extractor.Shingles("en", "one two three four");
  const auto b = extractor.Shingles("en", "ONE two three four");
  const auto c = extractor.Shingles("en", "four three two one");
  EXPECT_EQ(a.size(), 2u);
  EXPECT_EQ(a, b);  // folded
  EXPECT_NE(a, c);
  EXPECT_EQ(extractor.Shingles("en", "two words").size(), 2u);
}

}  // namespace
}  // namespace depeche::story
