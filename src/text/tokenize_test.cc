#include "text/tokenize.h"

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

std::string_view Text(std::string_view text, const Token& token) {
  return text.substr(token.span.begin, token.span.end - token.span.begin);
}

std::vector<std::string> Words(std::string_view text, std::string_view lang = "fr") {
  std::vector<std::string> out;
  for (const Token& token : Tokenize(text, lang)) out.emplace_back(Text(text, token));
  return out;
}

using V = std::vector<std::string>;

TEST(TokenizeTest, SplitsFrenchElision) {
  const std::string text = "l’Ukraine et L'OTAN";
  const std::vector<Token> tokens = Tokenize(text, "fr");
  ASSERT_EQ(tokens.size(), 5u);
  EXPECT_EQ(Text(text, tokens[0]), "l’");
  EXPECT_EQ(tokens[0].kind, TokenKind::kElision);
  EXPECT_FALSE(tokens[0].capitalized);
  EXPECT_EQ(Text(text, tokens[1]), "Ukraine");
  EXPECT_EQ(tokens[1].kind, TokenKind::kWord);
  EXPECT_TRUE(tokens[1].capitalized);
  EXPECT_EQ(Text(text, tokens[3]), "L'");
  EXPECT_TRUE(tokens[3].capitalized);
  EXPECT_EQ(Text(text, tokens[4]), "OTAN");

  EXPECT_EQ(Words("aujourd’hui, aujourd'hui"), (V{"aujourd’hui", "aujourd'hui"}));
  EXPECT_EQ(
      Words("jusqu’à lorsqu'il puisqu’elle quoiqu’on presqu’île"),
      (V{"jusqu’", "à", "lorsqu'", "il", "puisqu’", "elle", "quoiqu’", "on", "presqu’", "île"}));
  EXPECT_EQ(
      Words("qu’aujourd’hui s’il n’y c’est d’1,5 l’ Europe"),
      (V{"qu’", "aujourd’hui", "s’", "il", "n’", "y", "c’", "est", "d’", "1,5", "l’", "Europe"}));
}

TEST(TokenizeTest, ElisionIsPerLanguage) {
  EXPECT_EQ(Words("dell’Europa all'inizio un’altra", "it"),
            (V{"dell’", "Europa", "all'", "inizio", "un’", "altra"}));
  EXPECT_EQ(Words("l’Ukraine don't", "en"), (V{"l’Ukraine", "don't"}));
  EXPECT_EQ(Words("l’Ukraine", "fr_CA"), (V{"l’", "Ukraine"}));
}

TEST(TokenizeTest, HyphenatedCompoundsAreJoined) {
  const std::string text = "Les États-Unis, a-t-il dit, et Sergueï\u2011Lavrov – Paris";
  const std::vector<Token> tokens = Tokenize(text, "fr");
  ASSERT_EQ(Words(text),
            (V{"Les", "États", "Unis", "a", "t", "il", "dit", "et", "Sergueï", "Lavrov", "Paris"}));
  EXPECT_FALSE(tokens[0].joined_next);
  EXPECT_TRUE(tokens[1].joined_next);
  EXPECT_TRUE(tokens[1].capitalized);
  EXPECT_FALSE(tokens[2].joined_next);  // followed by ", "
  EXPECT_TRUE(tokens[3].joined_next);
  EXPECT_TRUE(tokens[4].joined_next);
  EXPECT_FALSE(tokens[5].joined_next);
  EXPECT_TRUE(tokens[8].joined_next);   // U+2011 non-breaking hyphen
  EXPECT_FALSE(tokens[9].joined_next);  // an en dash with spaces does not join
  EXPECT_EQ(JoinedText(text, tokens, 1, 2), "États-Unis");
  EXPECT_EQ(JoinedText(text, tokens, 3, 5), "a-t-il");
  EXPECT_EQ(JoinedText(text, tokens, 8, 9), "Sergueï\u2011Lavrov");
  EXPECT_EQ(JoinedText(text, tokens, 0, 2), "Les États-Unis");
  EXPECT_EQ(JoinedText(text, tokens, 2, 1), "");
  EXPECT_EQ(JoinedText(text, tokens, 0, tokens.size()), "");
}

TEST(TokenizeTest, NumbersAndPunctuation) {
  const std::string text = "100 000 soldats, 2,5 %, 12h30 ; COVID-19 !";
  const std::vector<Token> tokens = Tokenize(text, "fr");
  ASSERT_EQ(Words(text), (V{"100", "000", "soldats", "2,5", "12h30", "COVID", "19"}));
  EXPECT_EQ(tokens[0].kind, TokenKind::kNumber);
  EXPECT_FALSE(tokens[0].joined_next);
  EXPECT_EQ(tokens[2].kind, TokenKind::kWord);
  EXPECT_EQ(tokens[3].kind, TokenKind::kNumber);
  EXPECT_TRUE(tokens[5].joined_next);
  EXPECT_TRUE(Tokenize("", "fr").empty());
  EXPECT_TRUE(Tokenize(" ,;!? « » — ", "fr").empty());
}

TEST(TokenizeTest, OtherScripts) {
  EXPECT_EQ(Words("Зеленский и Путин", "ru"), (V{"Зеленский", "и", "Путин"}));
  const std::string text = "Зеленский";
  EXPECT_TRUE(Tokenize(text, "ru")[0].capitalized);
  EXPECT_FALSE(Words("北京欢迎你", "zh").empty());  // ideographs are words
}

TEST(TokenizeTest, SeedTokensAreWellFormed) {
  const std::vector<std::string> seeds = ReadSeedTexts();
  ASSERT_FALSE(seeds.empty()) << "no seeds under " << DEPECHE_SHARED_DIR;
  size_t words = 0, elisions = 0, joined = 0;
  bool found_etats_unis = false;
  for (const std::string& text : seeds) {
    const std::vector<Token> tokens = Tokenize(text, "fr");
    uint32_t previous_end = 0;
    for (size_t i = 0; i < tokens.size(); ++i) {
      const Token& token = tokens[i];
      ASSERT_LT(token.span.begin, token.span.end);
      ASSERT_LE(token.span.end, text.size());
      ASSERT_GE(token.span.begin, previous_end);
      previous_end = token.span.end;
      const std::string_view s = Text(text, token);
      EXPECT_EQ(s.find_first_of(" \n\t,;:!?()\""), std::string_view::npos) << s;
      EXPECT_EQ(s.find("»"), std::string_view::npos) << s;
      if (token.kind == TokenKind::kElision) {
        ++elisions;
        EXPECT_TRUE(s.back() == '\'' || s.ends_with("’")) << s;
      } else {
        ++words;
        // An elided article left inside a word would be a missed split ("l’Ukraine").
        EXPECT_FALSE(s.starts_with("l’") || s.starts_with("d’") || s.starts_with("l'") ||
                     s.starts_with("qu’") || s.starts_with("L’"))
            << s;
      }
      if (token.joined_next) {
        ++joined;
        ASSERT_LT(i + 1, tokens.size());
        if (JoinedText(text, tokens, i, i + 1) == "États-Unis") found_etats_unis = true;
      }
    }
  }
  // DEPENDENCIES.md counts 4,295 word tokens on the seeds once elision is split.
  EXPECT_GT(words + elisions, 4000u);
  EXPECT_LT(words + elisions, 4700u);
  EXPECT_GT(elisions, 150u);
  EXPECT_GT(joined, 20u);
  EXPECT_TRUE(found_etats_unis);
}

TEST(TokenizeTest, ThreadsGetTheSameAnswer) {
  const std::vector<std::string> seeds = ReadSeedTexts();
  ASSERT_FALSE(seeds.empty());
  std::vector<size_t> expected;
  for (const std::string& text : seeds) expected.push_back(Tokenize(text, "fr").size());
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 20; ++round) {
        for (size_t i = 0; i < seeds.size(); ++i) {
          (void)Tokenize(seeds[i], "en");  // switch languages in between
          if (Tokenize(seeds[i], "fr").size() != expected[i]) ++mismatches[t];
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(mismatches, std::vector<int>(4, 0));
}

TEST(TokenizeTest, ArbitraryBytesGiveInBoundsTokens) {
  std::mt19937 rng(11);
  for (int round = 0; round < 5000; ++round) {
    const std::string input = RandomBytes(rng, 24);
    uint32_t previous_end = 0;
    for (const Token& token : Tokenize(input, round % 2 ? "fr" : "it")) {
      ASSERT_LT(token.span.begin, token.span.end);
      ASSERT_LE(token.span.end, input.size());
      ASSERT_GE(token.span.begin, previous_end);
      previous_end = token.span.end;
    }
  }
}

}  // namespace
}  // namespace depeche::text

namespace depeche::text {
namespace {

std::vector<std::string> Runs(std::string_view s) {
  std::vector<std::string> out;
  for (WordRun r = NextWord(s, 0); r.end != 0; r = NextWord(s, r.end)) {
    out.emplace_back(s.substr(r.begin, r.end - r.begin));
  }
  return out;
}

TEST(NextWordTest, RunsOfLettersNumbersAndMarks) {
  EXPECT_EQ(Runs("L’État-major, don't 2,5 km²!"),
            (std::vector<std::string>{"L", "État", "major", "don", "t", "2", "5", "km²"}));
  // A combining mark stays in its word; a soft hyphen joins, a zero-width space separates.
  EXPECT_EQ(Runs("cafe\xCC\x81 ex\xC2\xAD"
                 "ample a\xE2\x80\x8B"
                 "b"),
            (std::vector<std::string>{"cafe\xCC\x81",
                                      "ex\xC2\xAD"
                                      "ample",
                                      "a", "b"}));
  // Invalid UTF-8 separates; nothing is read past the end.
  EXPECT_EQ(Runs("ab\xFF"
                 "cd\xC3"),
            (std::vector<std::string>{"ab", "cd"}));
  EXPECT_TRUE(Runs(" .,;- ").empty());
  EXPECT_EQ(NextWord("abc", 3).end, 0u);
}

TEST(NextWordTest, AsciiFlagAndStartOffset) {
  const std::string_view s = "abc Été x";
  WordRun r = NextWord(s, 0);
  EXPECT_TRUE(r.ascii);
  r = NextWord(s, r.end);
  EXPECT_EQ(s.substr(r.begin, r.end - r.begin), "Été");
  EXPECT_FALSE(r.ascii);
  // From inside a character (a continuation byte separates): the rest of the word.
  r = NextWord(s, 5);
  EXPECT_EQ(s.substr(r.begin, r.end - r.begin), "té");
}

}  // namespace
}  // namespace depeche::text
