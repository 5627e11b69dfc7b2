#include "store/story_title.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace depeche::store {
namespace {

TitleCandidate C(std::string title, std::string origin, std::string source, int64_t seq,
                 std::string lang = "en") {
  return {std::move(title), std::move(origin), std::move(source), std::move(lang), seq};
}

TEST(ClassifyTitleTest, CaptionsCreditsAndShortTitles) {
  // Real captions of the Global Voices sample (data/samples/globalvoices).
  EXPECT_EQ(ClassifyTitle("Bassel Khartabil. Foto de\xC2\xA0Joi Ito via Wikimedia (CC BY 2.0).",
                          "given", "es"),
            TitleTier::kCaption);
  EXPECT_EQ(ClassifyTitle("Huelga en el Bazar de Teherán. Fuente: Green City", "given", "es"),
            TitleTier::kCaption);
  EXPECT_EQ(
      ClassifyTitle("Concerto nella discarica di Tetovo. Foto di Ngadhnjim Mehmeti", "given", "it"),
      TitleTier::kCaption);
  EXPECT_EQ(ClassifyTitle("Photo: protesters in Cairo", "html", "en"), TitleTier::kCaption);
  EXPECT_EQ(ClassifyTitle("Protesters in Tahrir Square \xC2\xA9 AFP", "html", "en"),
            TitleTier::kCaption);
  EXPECT_EQ(ClassifyTitle("Manifestantes", "given", "es"), TitleTier::kCaption);
  EXPECT_EQ(ClassifyTitle("", "given", "en"), TitleTier::kNone);
}

TEST(ClassifyTitleTest, HeadlinesSentencesAndDerived) {
  EXPECT_EQ(ClassifyTitle("Rotterdam dock strike ends with pay deal", "html", "en"),
            TitleTier::kHeadline);
  EXPECT_EQ(ClassifyTitle("Rotterdam dock strike ends with pay deal", "", "en"),
            TitleTier::kHeadline);
  EXPECT_EQ(ClassifyTitle("Rotterdam dock strike ends with pay deal", "derived", "en"),
            TitleTier::kDerived);
  EXPECT_EQ(ClassifyTitle("Dock workers in Rotterdam walked out on Monday over pay, halting "
                          "container shipping.",
                          "given", "en"),
            TitleTier::kSentence);
  // A full stop alone does not make a short headline a sentence.
  EXPECT_EQ(ClassifyTitle("Strike ends in Rotterdam.", "given", "en"), TitleTier::kHeadline);
}

TEST(ChooseStoryTitleTest, RealHeadlineOverCaptionAndDerivedSentence) {
  const std::vector<std::string> keys = {"Khartabil", "Bassel", "execution", "Syria"};
  std::vector<TitleCandidate> a = {
      C("Bassel Khartabil. Foto de Joi Ito via Wikimedia (CC BY 2.0).", "given", "gv-es", 1, "es"),
      C("Syrian authorities confirm the execution of Bassel Khartabil in 2015", "derived", "x", 2),
      C("Syria confirms execution of Bassel Khartabil", "html", "y", 3),
  };
  EXPECT_EQ(ChooseStoryTitle(a, keys), 2);
  // Without the headline, the caption (a stated title) beats the derived sentence.
  a.pop_back();
  EXPECT_EQ(ChooseStoryTitle(a, keys), 0);
  a.pop_back();
  a.push_back(C("Syrian authorities confirm the execution of Bassel Khartabil", "derived", "x", 2));
  EXPECT_EQ(ChooseStoryTitle(a, keys), 0);
}

TEST(ChooseStoryTitleTest, ContentWordsTimesSourcesThenArrival) {
  const std::vector<std::string> keys = {"CarPlay", "Siri", "Apple"};
  std::vector<TitleCandidate> a = {
      C("Armchair warriors wage a phoney war", "html", "a", 1),
      C("Apple brings Siri to CarPlay dashboards", "html", "b", 2),
  };
  EXPECT_EQ(ChooseStoryTitle(a, keys), 1);
  // The same headline from three more sources outweighs one matching word more.
  a = {C("Apple brings Siri to cars", "html", "a", 1),
       C("Apple brings Siri to CarPlay dashboards", "html", "b", 2),
       C("Apple brings Siri to cars", "html", "c", 3),
       C("Apple brings Siri to cars", "html", "d", 4)};
  EXPECT_EQ(ChooseStoryTitle(a, keys), 0);  // (1+2) x 3 = 9 > (1+3) x 1 = 4
  // Copies from the same source count once: now the better match wins.
  a = {C("Apple brings Siri to cars", "html", "a", 1),
       C("Apple brings Siri to CarPlay dashboards", "html", "b", 2),
       C("Apple brings Siri to cars", "html", "a", 3)};
  EXPECT_EQ(ChooseStoryTitle(a, keys), 1);
  // Equal scores: the earlier arrival.
  a = {C("Apple and Siri", "html", "a", 5), C("Siri and Apple cars", "html", "b", 2)};
  EXPECT_EQ(ChooseStoryTitle(a, keys), 1);
  EXPECT_EQ(ChooseStoryTitle({C("", "html", "a", 1)}, keys), -1);
}

TEST(ChooseStoryTitleTest, FoldedTitlesAreOneGroup) {
  const std::vector<std::string> keys = {"Siri"};
  std::vector<TitleCandidate> a = {C("Apple unveils new Siri", "html", "a", 1),
                                   C("Siri gets smarter at last", "html", "b", 2),
                                   C("APPLE UNVEILS NEW SIRI", "given", "c", 3)};
  EXPECT_EQ(ChooseStoryTitle(a, keys), 0);  // two sources for the folded group
}

}  // namespace
}  // namespace depeche::store
