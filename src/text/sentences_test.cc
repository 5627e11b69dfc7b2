#include "text/sentences.h"

#include <gtest/gtest.h>

#include "text/test_support.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace depeche::text {
namespace {

using testing_support::RandomBytes;
using testing_support::ReadSeedTexts;

std::vector<std::string> Sentences(std::string_view text, std::string_view lang = "fr") {
  std::vector<std::string> out;
  for (const Span& span : SplitSentences(text, lang)) {
    out.emplace_back(text.substr(span.begin, span.end - span.begin));
  }
  return out;
}

bool IsAsciiSpace(char ch) { return ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r'; }

TEST(SentencesTest, AbbreviationsDoNotEndSentences) {
  using V = std::vector<std::string>;
  EXPECT_EQ(Sentences("En effet, M. Lavrov me l’a répété. Puis il est parti."),
            (V{"En effet, M. Lavrov me l’a répété.", "Puis il est parti."}));
  EXPECT_EQ(Sentences("Le Dr. Martin et le Pr. Dupont sont d'accord. Mais non."),
            (V{"Le Dr. Martin et le Pr. Dupont sont d'accord.", "Mais non."}));
  EXPECT_EQ(Sentences("Il est né en 50 av. J.-C. à Rome."),
            (V{"Il est né en 50 av. J.-C. à Rome."}));
  EXPECT_EQ(Sentences("Antony J. Blinken est arrivé. George W. Bush aussi."),
            (V{"Antony J. Blinken est arrivé.", "George W. Bush aussi."}));
  EXPECT_EQ(Sentences("Il rejoint l'OTAN. Le reste suivra."),
            (V{"Il rejoint l'OTAN.", "Le reste suivra."}));
  EXPECT_EQ(Sentences("Mr. Smith went to Washington. He left.", "en"),
            (V{"Mr. Smith went to Washington.", "He left."}));
  EXPECT_EQ(Sentences("Voir (Dr. Martin) et p. 12 du rapport. Fin."),
            (V{"Voir (Dr. Martin) et p. 12 du rapport.", "Fin."}));
  EXPECT_EQ(Sentences("Voici le plan B. Elle part."), (V{"Voici le plan B.", "Elle part."}));
}

// ICU's own filter ("fr@ss=standard") does not check word starts: "stop." matches "p.",
// "ADM." matches "M.", "FBI." matches "I." in English.
TEST(SentencesTest, AbbreviationsMatchWholeWordsOnly) {
  using V = std::vector<std::string>;
  EXPECT_EQ(Sentences("Il crie stop. Ensuite il part."), (V{"Il crie stop.", "Ensuite il part."}));
  EXPECT_EQ(Sentences("Il parle de l'ADM. Le reste suit."),
            (V{"Il parle de l'ADM.", "Le reste suit."}));
  EXPECT_EQ(Sentences("He joined the FBI. Then he left.", "en"),
            (V{"He joined the FBI.", "Then he left."}));
  EXPECT_EQ(Sentences("En effet, M.  Lavrov l'a dit."),  // two spaces: ICU's filter misses it
            (V{"En effet, M.  Lavrov l'a dit."}));
  EXPECT_EQ(Sentences("Né en 50 av. J.-C. Il mourut.", "fr_CA").size(), 1u);
}

TEST(SentencesTest, ClosingGuillemetStaysWithItsSentence) {
  using V = std::vector<std::string>;
  EXPECT_EQ(Sentences("« Nous voulons la paix. » Ensuite il est parti."),
            (V{"« Nous voulons la paix. »", "Ensuite il est parti."}));
  EXPECT_EQ(Sentences("“We want peace.” Then he left.", "en"),
            (V{"“We want peace.”", "Then he left."}));
  EXPECT_EQ(Sentences("« Fin de citation. »"), (V{"« Fin de citation. »"}));
  EXPECT_EQ(Sentences("« C’est fini », a-t-il dit. Voilà."),
            (V{"« C’est fini », a-t-il dit.", "Voilà."}));
}

TEST(SentencesTest, LinesAndParagraphsEndSentences) {
  using V = std::vector<std::string>;
  EXPECT_EQ(Sentences("Titre sans point\n\nPremier paragraphe. Deuxième phrase.\n"),
            (V{"Titre sans point", "Premier paragraphe.", "Deuxième phrase."}));
  EXPECT_EQ(Sentences("Contexte explosif\nLa suite."), (V{"Contexte explosif", "La suite."}));
  EXPECT_EQ(Sentences("  \u00A0Espaces autour.  \n\n  "), (V{"Espaces autour."}));
  EXPECT_TRUE(Sentences("").empty());
  EXPECT_TRUE(Sentences(" \n\n \t").empty());
}

TEST(SentencesTest, OffsetsAreBytesIntoTheInput) {
  const std::string text = "Été chaud à Genève. Hiver froid à Moscou.";
  const std::vector<Span> spans = SplitSentences(text, "fr");
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0].begin, 0u);
  EXPECT_EQ(text.substr(spans[0].begin, spans[0].end - spans[0].begin), "Été chaud à Genève.");
  EXPECT_EQ(spans[1].end, text.size());
}

TEST(SentencesTest, UnknownLanguagesUseRootRules) {
  for (std::string_view lang : {"und", "", "xx", "not a language/../", "zh"}) {
    EXPECT_EQ(Sentences("One sentence. Another one.", lang).size(), 2u) << lang;
  }
}

TEST(SentencesTest, SeedsSplitCleanly) {
  const std::vector<std::string> seeds = ReadSeedTexts();
  ASSERT_FALSE(seeds.empty()) << "no seeds under " << DEPECHE_SHARED_DIR;
  size_t total = 0;
  for (const std::string& text : seeds) {
    const std::vector<Span> spans = SplitSentences(text, "fr");
    size_t lines = 0, terminators = 0;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
      if (line.find_first_not_of(" \t\r") != std::string::npos) ++lines;
    }
    terminators = static_cast<size_t>(std::count_if(
        text.begin(), text.end(), [](char ch) { return ch == '.' || ch == '!' || ch == '?'; }));
    // Every non-empty line ends at least one sentence; a sentence needs a line end or a
    // terminator.
    EXPECT_GE(spans.size(), lines);
    EXPECT_LE(spans.size(), lines + terminators);
    total += spans.size();
    uint32_t previous_end = 0;
    for (const Span& span : spans) {
      ASSERT_LT(span.begin, span.end);
      ASSERT_LE(span.end, text.size());
      ASSERT_GE(span.begin, previous_end);
      previous_end = span.end;
      const std::string s = text.substr(span.begin, span.end - span.begin);
      EXPECT_FALSE(IsAsciiSpace(s.front())) << s;
      EXPECT_FALSE(IsAsciiSpace(s.back())) << s;
      EXPECT_EQ(s.find('\n'), std::string::npos) << s;
      // No split after "M." (Monsieur), and no sentence made of or starting with a closer.
      EXPECT_FALSE(s.size() >= 2 && s.substr(s.size() - 2) == "M." &&
                   (s.size() == 2 || s[s.size() - 3] == ' '))
          << s;
      EXPECT_NE(s.rfind("»", 0), 0u) << s;
      EXPECT_NE(s.rfind("”", 0), 0u) << s;
    }
  }
  // The five seeds hold about 180 sentences (29.5 KB of French news).
  EXPECT_GT(total, 150u);
  EXPECT_LT(total, 220u);
}

TEST(SentencesTest, ThreadsGetTheSameAnswer) {
  const std::vector<std::string> seeds = ReadSeedTexts();
  ASSERT_FALSE(seeds.empty());
  std::vector<std::vector<Span>> expected;
  for (const std::string& text : seeds) expected.push_back(SplitSentences(text, "fr"));
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 20; ++round) {
        for (size_t i = 0; i < seeds.size(); ++i) {
          (void)SplitSentences(seeds[i], "en");  // a second cached iterator in between
          if (SplitSentences(seeds[i], "fr") != expected[i]) ++mismatches[t];
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(mismatches, std::vector<int>(4, 0));
}

TEST(SentencesTest, ArbitraryBytesGiveInBoundsSpans) {
  std::mt19937 rng(13);
  for (int round = 0; round < 5000; ++round) {
    const std::string input = RandomBytes(rng, 24);
    uint32_t previous_end = 0;
    for (const Span& span : SplitSentences(input, "fr")) {
      ASSERT_LT(span.begin, span.end);
      ASSERT_LE(span.end, input.size());
      ASSERT_GE(span.begin, previous_end);
      previous_end = span.end;
    }
  }
}

}  // namespace
}  // namespace depeche::text
