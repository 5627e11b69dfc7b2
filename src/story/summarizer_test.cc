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
}

}  // namespace
}  // namespace depeche::story
