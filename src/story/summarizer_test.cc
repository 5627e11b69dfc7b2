#include "story/summarizer.h"

#include <gtest/gtest.h>

#include "text/sentences.h"

namespace depeche::story {
namespace {

const Summarizer& Made() {
  static const Summarizer* s = [] {
    auto made = Summarizer::Create(DEPECHE_SOURCE_DIR "/data");
    EXPECT_TRUE(made.ok()) << made.status().ToString();
    return made.ok() ? made->release() : nullptr;
  }();
  return *s;
}

SummaryDocument Doc(const std::string& text, int64_t time) {
  SummaryDocument d;
  d.text = text;
  d.sentences = text::SplitSentences(text, "en");
  d.lang = "en";
  d.time = time;
  return d;
}

std::string Line(const std::vector<SummaryDocument>& docs, const SummaryLine& l) {
  return std::string(docs[l.document].text.substr(l.span.begin, l.span.end - l.span.begin));
}

TEST(SummarizerTest, CentralFactsOnceWithTheirOtherSources) {
  const std::string a =
      "The foreign ministers of the United States and Russia met in Geneva on Friday for talks "
      "on Ukraine. He said nothing after the meeting with his counterpart at the hotel. The "
      "weather in Geneva was cold and grey all week long in the old town.";
  const std::string b =
      "The foreign ministers of the United States and Russia met in Geneva on Friday for urgent "
      "talks on Ukraine. Washington promised written answers to the Russian demands next week "
      "after the talks in Geneva on Ukraine.";
  const std::string c =
      "Russia has massed about 100,000 troops near Ukraine before the Geneva talks of the "
      "ministers. Washington promised written answers to the Russian demands on Ukraine next "
      "week, officials said after the talks.";
  const std::vector<SummaryDocument> docs = {Doc(a, 3), Doc(b, 1), Doc(c, 2)};
  SummaryOptions options;
  options.max_words = 40;
  std::vector<SummaryLine> lines = Made().Summarize(docs, options);
  ASSERT_GE(lines.size(), 2u);
  int meeting = 0;
  for (const SummaryLine& l : lines) {
    const std::string text = Line(docs, l);
    EXPECT_NE(text.rfind("He said", 0), 0u) << "a leaning sentence was chosen";
    if (text.find("met in Geneva") != std::string::npos) {
      ++meeting;
      EXPECT_FALSE(l.also.empty()) << "the meeting is told by two sources";
    }
    EXPECT_EQ(text.find("weather"), std::string::npos);
  }
  EXPECT_EQ(meeting, 1);  // said once
  // In the documents' time order.
  for (size_t i = 1; i < lines.size(); ++i) {
    EXPECT_LE(docs[lines[i - 1].document].time, docs[lines[i].document].time);
  }
  size_t words = 0;
  for (const SummaryLine& l : lines) words += l.words;
  EXPECT_GE(words, 40u);  // filled to the budget (the last line may pass it)

  options.fill = false;
  words = 0;
  for (const SummaryLine& l : Made().Summarize(docs, options)) words += l.words;
  EXPECT_LE(words, 40u);
  EXPECT_TRUE(Made().Summarize({}, options).empty());

  // Only each document's first sentence may be a line.
  options.fill = true;
  options.max_position = 1;
  const std::vector<SummaryLine> firsts = Made().Summarize(docs, options);
  ASSERT_FALSE(firsts.empty());
  for (const SummaryLine& l : firsts) {
    EXPECT_EQ(l.span.begin, docs[l.document].sentences[0].begin) << Line(docs, l);
  }
}

// Three sources tell the Geneva meeting; one sentence tells the troops. Without a query the
// central meeting is the summary; asked about the troops, the summary tells them.
TEST(SummarizerTest, QueryBiasesTowardsWhatIsAsked) {
  const std::string a =
      "The foreign ministers of the United States and Russia met in Geneva on Friday for talks "
      "on Ukraine. Russia has massed about 100,000 troops and tanks near the border with "
      "Ukraine, satellite images show.";
  const std::string b =
      "The foreign ministers of the United States and Russia met in Geneva on Friday for "
      "urgent talks on the crisis in Ukraine.";
  const std::string c =
      "The ministers of Russia and the United States met in Geneva on Friday for their talks "
      "on Ukraine and security in Europe.";
  const std::vector<SummaryDocument> docs = {Doc(a, 1), Doc(b, 2), Doc(c, 3)};
  for (bool weighted : {false, true}) {
    SummaryOptions options;
    options.max_words = 10;  // one line
    options.weighted_edges = weighted;
    const std::vector<SummaryLine> generic = Made().Summarize(docs, options);
    ASSERT_EQ(generic.size(), 1u);
    EXPECT_NE(Line(docs, generic[0]).find("met in Geneva"), std::string::npos);

    options.query = "Russian troops and tanks at the border";
    const std::vector<SummaryLine> asked = Made().Summarize(docs, options);
    ASSERT_EQ(asked.size(), 1u);
    EXPECT_NE(Line(docs, asked[0]).find("troops"), std::string::npos);
    EXPECT_GT(asked[0].score, 0.0);

    // A query no sentence shares a word with is no query: the generic summary, exactly.
    options.query = "Olympic swimming records";
    const std::vector<SummaryLine> unrelated = Made().Summarize(docs, options);
    ASSERT_EQ(unrelated.size(), 1u);
    EXPECT_EQ(unrelated[0].span, generic[0].span);
    EXPECT_EQ(unrelated[0].score, generic[0].score);
  }
}

// A line leaves out its sentence's wire dateline or paragraph dash; a piece of a quotation that
// runs over several sentences is no line.
TEST(SummarizerTest, TrimsDatelinesAndLeavesOutPiecesOfQuotations) {
  const std::string a =
      "PINE RIDGE, S.D. (AP) -- The tribal council of the reservation voted on Monday for a new "
      "casino near the highway.";
  const std::string b =
      "WASHINGTON _ The tribal council of the reservation voted on Monday for a casino and a "
      "hotel near the highway.";
  const std::string c =
      "``The tribal council of the reservation voted for the casino near the highway because "
      "jobs come first. We need them now,'' the chairman said.";
  const std::string d =
      "US-Russia talks - the tribal council of the reservation voted for a casino near the "
      "highway on Monday.";
  const std::vector<SummaryDocument> docs = {Doc(a, 1), Doc(b, 2), Doc(c, 3), Doc(d, 4)};
  SummaryOptions options;
  options.max_words = 200;
  options.redundancy = 1.1;  // every sentence may be chosen
  const std::vector<SummaryLine> lines = Made().Summarize(docs, options);
  bool saw_a = false, saw_b = false, saw_d = false;
  for (const SummaryLine& l : lines) {
    const std::string text = Line(docs, l);
    EXPECT_EQ(l.document == 2, false) << "a piece of a quotation was chosen: " << text;
    if (l.document == 0) {
      saw_a = true;
      EXPECT_EQ(text.rfind("The tribal council", 0), 0u) << text;
      EXPECT_EQ(l.words, 16u);  // "PINE RIDGE, S.D. (AP) --" not counted
    }
    if (l.document == 1) {
      saw_b = true;
      EXPECT_EQ(text.rfind("The tribal council", 0), 0u) << text;
    }
    if (l.document == 3) {
      saw_d = true;
      EXPECT_EQ(text.rfind("US-Russia talks - the", 0), 0u) << "not a dateline: " << text;
    }
  }
  EXPECT_TRUE(saw_a && saw_b && saw_d);

  options.trim_leads = false;
  options.whole_quotes = false;
  bool untrimmed = false, quote = false;
  for (const SummaryLine& l : Made().Summarize(docs, options)) {
    const std::string text = Line(docs, l);
    if (l.document == 0) untrimmed = text.rfind("PINE RIDGE", 0) == 0;
    if (l.document == 2) quote = true;
  }
  EXPECT_TRUE(untrimmed);
  EXPECT_TRUE(quote);
}

}  // namespace
}  // namespace depeche::story
