#include "extract/timex_anchors.h"

#include <gtest/gtest.h>
#include <unicode/unistr.h>

#include <iterator>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "extract/timex_rules.h"

namespace depeche::extract {
namespace {

std::unique_ptr<icu::RegexPattern> Compile(std::u16string_view pattern) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError parse;
  std::unique_ptr<icu::RegexPattern> out(icu::RegexPattern::compile(
      icu::UnicodeString(pattern.data(), static_cast<int32_t>(pattern.size())), 0, parse, status));
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  return out;
}

using Spans = std::vector<std::pair<int32_t, int32_t>>;

// The matches of pattern `k` of `patterns` in `text`: with find() over the whole text, and
// through the index.
std::pair<Spans, Spans> BothWays(const std::vector<const icu::RegexPattern*>& patterns,
                                 const TimexAnchorIndex& index, size_t k,
                                 const icu::UnicodeString& text) {
  Spans found, indexed;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> m(patterns[k]->matcher(text, status));
  while (m->find(status) && U_SUCCESS(status)) found.emplace_back(m->start(status), m->end(status));
  std::vector<std::vector<int32_t>> hits;
  index.Scan(text.getBuffer(), text.length(), &hits);
  std::unique_ptr<icu::RegexMatcher> m2(patterns[k]->matcher(text, status));
  index.ForEachMatch(k, *m2, text.getBuffer(), text.length(), hits, [&](icu::RegexMatcher& match) {
    UErrorCode s = U_ZERO_ERROR;
    indexed.emplace_back(match.start(s), match.end(s));
  });
  return {found, indexed};
}

TEST(TimexAnchorsTest, TheLiteralEveryMatchHoldsAndTheMostItConsumesBeforeIt) {
  auto a = AnalyzeTimexPattern(u"\\bnext\\s+week\\b");
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->literals, std::vector<std::u16string>{u"next"});
  EXPECT_EQ(a->before, 0);
  EXPECT_TRUE(a->word);
  // Optional words before the literal count their letters; \s+, \d+ and [\s-]+ nothing.
  a = AnalyzeTimexPattern(u"\\b(?:the\\s+)?(\\d+|(?:one|three))[\\s-]+(week|days|day)\\b");
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->literals, (std::vector<std::u16string>{u"day", u"days", u"week"}));
  EXPECT_EQ(a->before, 3 + 5);
  // A look-behind consumes nothing; the pattern does not open with \b.
  a = AnalyzeTimexPattern(u"(?<=\\bin\\s)(may|june)\\b");
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->before, 0);
  EXPECT_FALSE(a->word);
  EXPECT_EQ(a->starts, u"jm");  // a match opens with the month
  a = AnalyzeTimexPattern(u"\\b(?:the\\s+)?year");
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->starts, u"");  // "the" or "year": not known
  // The literal nearest the start wins; "19|20" inside a capture group is one.
  a = AnalyzeTimexPattern(u"\\bfiscal\\s+((?:19|20)\\d{2})\\b");
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->literals, std::vector<std::u16string>{u"fiscal"});
  a = AnalyzeTimexPattern(u"\\b((?:19|20)\\d{2})\\b");
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->literals, (std::vector<std::u16string>{u"19", u"20"}));
}

TEST(TimexAnchorsTest, PatternsWithoutABoundOrWithUnknownSyntaxKeepFind) {
  EXPECT_FALSE(AnalyzeTimexPattern(u"\\w+\\s+year").has_value());         // no bound before "year"
  EXPECT_FALSE(AnalyzeTimexPattern(u"year|month").has_value());           // alternatives
  EXPECT_FALSE(AnalyzeTimexPattern(u"\\b(\\d+)/(\\d+)\\b").has_value());  // one-letter literal
  EXPECT_FALSE(AnalyzeTimexPattern(u"\\p{L}+ year").has_value());
  EXPECT_FALSE(AnalyzeTimexPattern(u"(?i)year").has_value());
  EXPECT_FALSE(AnalyzeTimexPattern(u"(?<name>year)").has_value());
  EXPECT_FALSE(AnalyzeTimexPattern(u"[[a-z]]year").has_value());
  EXPECT_FALSE(AnalyzeTimexPattern(u"").has_value());
  EXPECT_FALSE(AnalyzeTimexPattern(u"ab\U0001F600?year").has_value());  // a supplementary letter
  // A bounded letter run before the literal is counted, not refused.
  auto a = AnalyzeTimexPattern(u"[a-z]{2,4}\\s+year");
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->before, 4);
}

// Texts where a window could go wrong: long runs of white space and digits inside a match, a
// match right at the start or the end, non-ASCII letters, a surrogate pair, matches next to
// each other, letters glued to the literal.
const char16_t* const kTexts[] = {
    u"the                                        first   12 - - years ago, he said",
    u"years later: the past two years, 3 years ago and 10-year notes; 12years",
    u"in 1987 and 1990 to 2001; the 1990s; fiscal 1988 and mid-1986",
    u"monday, march 3, 1987 and tue, 4 apr. 1987; next week, last month; today",
    u"12 \u00a0\u00a0 days \U0001F600 later, \u00e9t\u00e9 2022, le 3 f\u00e9vrier 2021 \u00e0 "
    u"20 h 30, d\u00e8s lundi, il y a trois ans",
    u"yearsyears year-end; the year-earlier quarter, 4th quarter of 1986",
    u"   \n\n  1986    1985\n  shr 1.23   1.02\n  mar 1987 11111111111111111111 days",
    u"mardi 3 f\u00e9vrier 2021, lundi prochain, il y a trois ans, la semaine derni\u00e8re, "
    u"en 2020, aujourd\u2019hui, depuis trois mois, le 1er mars, vers 20 h 30, fin 1987",
    u"",
    u"a",
};

TEST(TimexAnchorsTest, MatchesAreFindsOnTheRepositoryRules) {
  for (const char* lang : {"en", "fr"}) {
    auto rules = TimexRules::Load(std::string(DEPECHE_SOURCE_DIR "/data/") + lang + "/timex", lang);
    ASSERT_TRUE(rules.ok()) << rules.status().ToString();
    std::vector<const icu::RegexPattern*> patterns;
    for (const TimexRule& rule : (*rules)->rules()) patterns.push_back(rule.pattern.get());
    const TimexAnchorIndex index(patterns);
    size_t matches = 0;
    for (size_t t = 0; t < std::size(kTexts); ++t) {
      const icu::UnicodeString text(kTexts[t]);
      for (size_t k = 0; k < patterns.size(); ++k) {
        const auto [found, indexed] = BothWays(patterns, index, k, text);
        EXPECT_EQ(found, indexed) << lang << " rule " << (*rules)->rules()[k].id << " text " << t;
        matches += found.size();
      }
    }
    EXPECT_GT(matches, 10u) << lang;  // the texts exercise the rules
  }
}

TEST(TimexAnchorsTest, AMatchFarBeforeItsLiteralIsFound) {
  const auto p = Compile(u"\\b(?:the\\s+)?(?:about\\s+)?(\\d+)[\\s-]+(?:years|days)\\b");
  const auto q = Compile(u"\\d+/\\d+");  // no anchor: find()
  const std::vector<const icu::RegexPattern*> patterns = {p.get(), q.get()};
  const TimexAnchorIndex index(patterns);
  const icu::UnicodeString text(
      u"xthe about 3 years; the            about  12 -  -  - days; 3/4 and the 5 days");
  for (size_t k = 0; k < patterns.size(); ++k) {
    const auto [found, indexed] = BothWays(patterns, index, k, text);
    EXPECT_EQ(found, indexed) << k;
  }
  const auto [found, indexed] = BothWays(patterns, index, 0, text);
  ASSERT_EQ(indexed.size(), 3u);
  EXPECT_EQ(indexed[1].first, 20);  // "the            about  12 -  -  - days"
}

}  // namespace
}  // namespace depeche::extract
