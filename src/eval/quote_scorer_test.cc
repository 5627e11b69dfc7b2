#include "eval/quote_scorer.h"

#include <gtest/gtest.h>

#include <string>

#include "eval/polnear_reader.h"

namespace depeche::eval {
namespace {

// "é" is two bytes: code point offsets after it are one less than byte offsets.
const char kText[] = "Café owners said that prices rose. “We are ruined,” Marie said.";

TEST(PolnearReaderTest, CodePointOffsetsBecomeBytes) {
  const std::string text = kText;
  const std::string ann =
      "T1\tSource 0 11\tCafé owners\nT2\tCue 12 16\tsaid\nT3\tContent 17 33\tthat prices rose\n"
      "T4\tAttribution 12 16\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
      "T5\tContent 35 50;51 52\tWe are ruined,\n"
      "continued text of a multi-line annotation\n"
      "T6\tCue 52 56\tsaid\nE2\tAttribution-no-source:T7 Content:T5 Cue:T6\n"
      "T7\tAttribution-no-source 52 56\tsaid\n";
  auto read = ParsePolnearAnn(ann, text, "a.ann");
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  ASSERT_EQ(read->size(), 2u);
  const PolnearAttribution& a = (*read)[0];
  ASSERT_EQ(a.source.size(), 1u);
  EXPECT_EQ(text.substr(a.source[0].first, a.source[0].second - a.source[0].first), "Café owners");
  EXPECT_EQ(text.substr(a.content[0].first, a.content[0].second - a.content[0].first),
            "that prices rose");
  EXPECT_TRUE((*read)[1].source.empty());
  EXPECT_EQ((*read)[1].content.size(), 2u);
}

TEST(PolnearReaderTest, ErrorsNameFileAndLine) {
  auto past = ParsePolnearAnn("T1\tContent 0 999\tx\n", "short", "b.ann");
  ASSERT_FALSE(past.ok());
  EXPECT_NE(past.status().ToString().find("b.ann:1"), std::string::npos);
  auto unknown = ParsePolnearAnn("E1\tAttribution:T9 Content:T8\n", "short", "c.ann");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.status().ToString().find("c.ann:1"), std::string::npos);
  EXPECT_FALSE(ReadPolnear("/nonexistent/polnear").ok());
}

TEST(QuoteScorerTest, GoldKindFollowsQuotationMarks) {
  const std::string text = kText;
  auto read = ParsePolnearAnn(
      "T3\tContent 17 33\tx\nE1\tAttribution:T3 Content:T3\nT5\tContent 35 51\tx\n"
      "E2\tAttribution:T5 Content:T5\n",
      text, "d.ann");
  ASSERT_TRUE(read.ok());
  const std::vector<QuoteItem> gold = GoldQuoteItems(text, *read);
  ASSERT_EQ(gold.size(), 2u);
  EXPECT_FALSE(gold[0].direct);
  EXPECT_TRUE(gold[1].direct);
}

TEST(QuoteScorerTest, OverlapExactAndSpeaker) {
  const std::string text = kText;
  const size_t quote_begin = text.find("We are");
  const size_t quote_end = text.find("\xe2\x80\x9d");
  const size_t marie = text.find("Marie");
  QuoteItem gold{true, {{quote_begin - 3, quote_end + 3}}, {{marie, marie + 5}}};
  QuoteItem gold2{false, {{text.find("that"), text.find(". ")}}, {{0, 12}}};
  // Same words without the marks: exact; the speaker is right.
  QuoteItem sys{true, {{quote_begin, quote_end}}, {{marie, marie + 5}}};
  // Overlapping the indirect one, wrong speaker, not exact.
  QuoteItem sys2{false, {{text.find("prices"), text.find(". ")}}, {{marie, marie + 5}}};
  // A second system quote over the same gold is not matched (one to one).
  QuoteItem sys3{true, {{quote_begin, quote_begin + 2}}, {}};
  const QuoteCounts direct = ScoreQuoteItems(text, {gold, gold2}, {sys, sys2, sys3}, "direct");
  EXPECT_EQ(direct.gold, 1u);
  EXPECT_EQ(direct.system, 2u);
  EXPECT_EQ(direct.overlap, 1u);
  EXPECT_EQ(direct.exact, 1u);
  EXPECT_EQ(direct.speaker_correct, 1u);
  const QuoteCounts indirect = ScoreQuoteItems(text, {gold, gold2}, {sys, sys2, sys3}, "indirect");
  EXPECT_EQ(indirect.overlap, 1u);
  EXPECT_EQ(indirect.exact, 0u);
  EXPECT_EQ(indirect.speaker_correct, 0u);
  const QuoteScores s = ComputeQuoteScores(direct);
  EXPECT_DOUBLE_EQ(s.overlap.precision, 0.5);
  EXPECT_DOUBLE_EQ(s.overlap.recall, 1.0);
  EXPECT_NEAR(s.overlap.f1, 2.0 / 3.0, 1e-12);
  EXPECT_DOUBLE_EQ(s.speaker_accuracy, 1.0);
}

TEST(QuoteScorerTest, CorpusSizeMismatchIsAnError) {
  EXPECT_FALSE(ScoreQuoteCorpus({PolnearDocument{}}, {}).ok());
}

}  // namespace
}  // namespace depeche::eval
