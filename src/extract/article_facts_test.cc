#include "extract/article_facts.h"

#include <gtest/gtest.h>

namespace depeche::extract {
namespace {

TEST(ArticleFactsTest, QuotesInJunkAreLeftOutAndAntecedentsRenumbered) {
  std::vector<extract::Quote> quotes(3);
  quotes[0].content = {{10, 20}};  // in a credit line: left out
  quotes[0].speaker_kind = SpeakerKind::kName;
  quotes[1].content = {{30, 40}, {50, 60}};
  quotes[1].speaker_kind = SpeakerKind::kName;
  quotes[1].speaker = {41, 45};
  quotes[1].cue = {46, 49};
  quotes[2].kind = QuoteKind::kIndirect;
  quotes[2].content = {{70, 80}};
  quotes[2].speaker_kind = SpeakerKind::kPronoun;
  quotes[2].antecedent = 1;
  quotes[2].partial = {{72, 75}};
  const std::vector<BoilerplateSpan> junk = {{{5, 25}, "credit"}, {{90, 99}, "tweet"}};
  const std::string text(100, 'x');
  std::vector<depeche::Quote> out = ArticleQuotes(text, quotes, junk);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].kind, "direct");
  EXPECT_EQ(out[0].content.size(), 2u);
  EXPECT_EQ(out[0].speaker_kind, "name");
  EXPECT_EQ(out[0].speaker, (Span{41, 45}));
  EXPECT_EQ(out[0].cue, (Span{46, 49}));
  EXPECT_EQ(out[1].kind, "indirect");
  EXPECT_EQ(out[1].speaker_kind, "pronoun");
  EXPECT_EQ(out[1].antecedent, 0);
  EXPECT_EQ(out[1].partial, (std::vector<Span>{{72, 75}}));

  // The antecedent itself left out: the pronoun has none.
  quotes[1].content = {{12, 18}};
  out = ArticleQuotes(text, quotes, junk);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].antecedent, -1);
}

TEST(ArticleFactsTest, QuoteSpansAreTrimmedOfSpacesInsideTheMarks) {
  const std::string text = "«\u00a0Nous verrons\u202f», a-t-il dit, « \u00a0 ».";
  std::vector<extract::Quote> quotes(1);
  const size_t open = text.find("\u00a0Nous");
  const size_t close = text.find("\u202f»") + 3;
  const size_t blank = text.find("« \u00a0 »") + 2;
  quotes[0].content = {{open, close}, {blank, blank + 3}};
  quotes[0].partial = {{open, open + 6}};
  std::vector<depeche::Quote> out = ArticleQuotes(text, quotes, {});
  ASSERT_EQ(out.size(), 1u);
  ASSERT_EQ(out[0].content.size(), 1u);  // the blank span is dropped
  EXPECT_EQ(text.substr(out[0].content[0].begin, out[0].content[0].end - out[0].content[0].begin),
            "Nous verrons");
  ASSERT_EQ(out[0].partial.size(), 1u);
  EXPECT_EQ(text.substr(out[0].partial[0].begin, out[0].partial[0].end - out[0].partial[0].begin),
            "Nous");
}

TEST(ArticleFactsTest, SoftWrapsOfIndentedParagraphsBecomeSpaces) {
  const std::string wire =
      "NEW YORK, March 4 - GM said car sales\nwere off.\n    GM noted that its divisions\nare "
      "offering programs.\n    It said so.\n\nReuter";
  const std::string unwrapped = SoftWrapsAsSpaces(wire);
  ASSERT_EQ(unwrapped.size(), wire.size());
  EXPECT_EQ(unwrapped,
            "NEW YORK, March 4 - GM said car sales were off.\n    GM noted that its divisions are "
            "offering programs.\n    It said so.\n\nReuter");
  // Paragraphs not marked by indentation: every line break is kept.
  const std::string plain = "Un paragraphe.\nUn autre.\n Un seul retrait.";
  EXPECT_EQ(SoftWrapsAsSpaces(plain), plain);
}

TEST(ArticleFactsTest, FiguresKeepEmbeddedPostsAndDropOtherJunk) {
  std::vector<extract::Figure> figures(3);
  figures[0].span = {0, 4};
  figures[0].value = 1;
  figures[1].span = {10, 14};  // in a related-links line
  figures[2].span = {30, 34};  // in an embedded post
  figures[2].value = 3;
  figures[2].bound = FigureBound::kLower;
  figures[2].unit = "soldat";
  figures[2].counted = true;
  const std::vector<BoilerplateSpan> junk = {{{8, 20}, "related"}, {{28, 40}, "tweet"}};
  std::vector<depeche::Figure> out = ArticleFigures(figures, junk);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].value, 1);
  EXPECT_EQ(out[0].bound, "exact");
  EXPECT_EQ(out[1].value, 3);
  EXPECT_EQ(out[1].bound, "lower");
  EXPECT_EQ(out[1].unit, "soldat");
  EXPECT_TRUE(out[1].counted);
}

}  // namespace
}  // namespace depeche::extract
