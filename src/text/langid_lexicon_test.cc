#include "text/langid_lexicon.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "text/langid.h"

namespace depeche::text {
namespace {

constexpr char kDictDir[] = "/usr/share/hunspell";
const char kModel[] = DEPECHE_SOURCE_DIR
    "/third_party/npm/fasttext.wasm.js/dist/models/language-identification/assets/lid.176.ftz";

// scripts/install-deps.sh installs hunspell-{hr,sr,bs,da,no,bg,ru}; without them there is
// nothing to test here (the identifier then runs without the vote, see the last test).
bool HaveDictionaries() {
  for (const char* name : {"hr_HR", "sr_Latn_RS", "bs_BA", "da_DK", "nb_NO", "bg_BG", "ru_RU"}) {
    if (!std::filesystem::exists(std::string(kDictDir) + "/" + name + ".dic")) return false;
  }
  return true;
}

int Known(const std::vector<LexiconCount>& counts, std::string_view lang) {
  for (const auto& c : counts) {
    if (c.lang == lang) return c.known;
  }
  return -1;
}

TEST(ConfusableLexiconsTest, Groups) {
  EXPECT_EQ(ConfusableLexicons::GroupOf("no"), (std::vector<std::string_view>{"da", "no"}));
  EXPECT_EQ(ConfusableLexicons::GroupOf("sr"), (std::vector<std::string_view>{"hr", "sr", "bs"}));
  EXPECT_EQ(ConfusableLexicons::GroupOf("bg"), (std::vector<std::string_view>{"bg", "ru"}));
  EXPECT_TRUE(ConfusableLexicons::GroupOf("fr").empty());
}

TEST(ConfusableLexiconsTest, CountsWordsEachDictionaryAccepts) {
  if (!HaveDictionaries()) GTEST_SKIP() << "Hunspell dictionaries not installed";
  const ConfusableLexicons lexicons(kDictDir);
  // Danish af, købe, hvad; Norwegian kjøpe, meg (nb_NO is an ISO8859-1 dictionary).
  const auto dn = lexicons.Count("no", {"af", "købe", "hvad", "kjøpe", "meg"});
  ASSERT_EQ(dn.size(), 2u);
  EXPECT_EQ(Known(dn, "da"), 3);
  EXPECT_EQ(Known(dn, "no"), 2);
  // Bulgarian България, във, това; Russian это.
  const auto br = lexicons.Count("ru", {"България", "във", "това", "это"});
  EXPECT_EQ(Known(br, "bg"), 3);
  EXPECT_EQ(Known(br, "ru"), 1);
  // Croatian tko, općina; ekavian vreme (not Croatian); čovjek in all three (bs_BA is an
  // ISO8859-2 dictionary); a Cyrillic word counts for Serbian only.
  const auto hbs = lexicons.Count("hr", {"tko", "općina", "vreme", "čovjek", "мој"});
  EXPECT_EQ(Known(hbs, "hr"), 3);
  EXPECT_EQ(Known(hbs, "sr"), 3);
  EXPECT_EQ(Known(hbs, "bs"), 4);
  // Capitalised forms of dictionary words are accepted; the second call is served from the cache.
  for (int round = 0; round < 2; ++round) {
    EXPECT_EQ(Known(lexicons.Count("da", {"Hvad", "HVAD"}), "da"), 2);
  }
  EXPECT_TRUE(lexicons.Count("fr", {"bonjour"}).empty());
}

TEST(ConfusableLexiconsTest, MissingDictionariesSwitchTheGroupOff) {
  const std::string dir = testing::TempDir() + "/no-hunspell-here";
  const ConfusableLexicons lexicons(dir);
  EXPECT_TRUE(lexicons.Count("da", {"af"}).empty());
  lexicons.LoadAll();  // nothing to load, nothing fails
  EXPECT_TRUE(lexicons.Count("hr", {"tko"}).empty());
}

TEST(ConfusableLexiconsTest, ConcurrentCountsAgree) {
  if (!HaveDictionaries()) GTEST_SKIP() << "Hunspell dictionaries not installed";
  const ConfusableLexicons lexicons(kDictDir);
  const std::vector<std::string_view> words = {"af", "købe", "hvad", "kjøpe", "meg", "bok"};
  const auto expected = lexicons.Count("da", words);
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (size_t t = 0; t < mismatches.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        const auto got = lexicons.Count("no", words);
        if (Known(got, "da") != Known(expected, "da") || Known(got, "no") != Known(expected, "no"))
          ++mismatches[t];
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
}

// The identifier: a Croatian question that both detectors call Serbian ("tko" is the Croatian
// form of "ko"), set right by the dictionaries; without them the answer is Serbian.
TEST(ConfusableLexiconsTest, IdentifierUsesTheVote) {
  if (!HaveDictionaries()) GTEST_SKIP() << "Hunspell dictionaries not installed";
  LangIdOptions options;
  options.fasttext_model = kModel;
  auto with = LanguageIdentifier::Create(options);
  ASSERT_TRUE(with.ok()) << with.status().ToString();
  options.lexicon_dir = "";
  auto without = LanguageIdentifier::Create(options);
  ASSERT_TRUE(without.ok()) << without.status().ToString();
  EXPECT_EQ((*with)->Identify("Tko je kriv za to?").code, "hr");
  EXPECT_EQ((*without)->Identify("Tko je kriv za to?").code, "sr");
  // Clear cases are unchanged.
  for (const auto* id : {with->get(), without->get()}) {
    EXPECT_EQ(id->Identify("Jeg købte en bog af ham i går.").code, "da");
    EXPECT_EQ(id->Identify("Это очень важно для России.").code, "ru");
    EXPECT_EQ(id->Identify("Това е много важно за България.").code, "bg");
  }
  options.lexicon_weight = -1;
  EXPECT_EQ(LanguageIdentifier::Create(options).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace depeche::text
