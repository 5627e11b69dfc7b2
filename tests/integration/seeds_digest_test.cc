// The seeds' story digest through the engine (issue 13): a summary that says each thing once
// with its sources and never repeats the headline, and a timeline of the events' own days (the
// Geneva meeting of Friday 21 January 2022 announced on Tuesday 18th, the meeting announced on
// Thursday 17 February), each line a sentence of its article.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/strings.h"
#include "depeche/engine.h"
#include "test_util.h"
#include "text/normalize.h"
#include "text/tokenize.h"

namespace depeche {
namespace {

std::set<std::string> Words(const std::string& s) {
  std::set<std::string> out;
  const std::string folded = text::Fold(s);
  for (text::WordRun run = text::NextWord(folded, 0); run.end != 0;
       run = text::NextWord(folded, run.end)) {
    out.insert(folded.substr(run.begin, run.end - run.begin));
  }
  return out;
}

// Shared words over the smaller set.
double Overlap(const std::string& a, const std::string& b) {
  const std::set<std::string> x = Words(a), y = Words(b);
  size_t shared = 0;
  for (const std::string& w : x) shared += y.count(w);
  const size_t smaller = std::min(x.size(), y.size());
  return smaller == 0 ? 0 : static_cast<double>(shared) / static_cast<double>(smaller);
}

class SeedsDigestTest : public testing_util::SeedsStoryTest {
 protected:
  // The line is its source's sentence.
  void ExpectLineIsItsSource(const StoryLine& line) {
    auto a = engine_->GetArticle(line.source.article_id);
    ASSERT_TRUE(a.ok()) << line.source.article_id;
    ASSERT_EQ(line.source.spans.size(), 1u);
    const Span s = line.source.spans[0];
    ASSERT_LE(s.end, a->text.size());
    EXPECT_EQ(core::CollapseSpaces(std::string_view(a->text).substr(s.begin, s.end - s.begin)),
              line.text);
    EXPECT_FALSE(line.source.date.empty());
  }

  const StoryTimelineEntry* Entry(const std::string& date) const {
    for (const StoryTimelineEntry& e : story_.timeline) {
      if (e.date == date) return &e;
    }
    return nullptr;
  }
};

TEST_F(SeedsDigestTest, SummarySaysEachThingOnceWithItsSources) {
  ASSERT_EQ(story_.headlines.size(), 1u);
  EXPECT_EQ(story_.headlines[0].lang, "fr");
  EXPECT_EQ(story_.headlines[0].title, story_.summary.title);
  ASSERT_GE(story_.summary_lines.size(), 3u);
  size_t words = 0;
  for (size_t i = 0; i < story_.summary_lines.size(); ++i) {
    const StoryLine& line = story_.summary_lines[i];
    ExpectLineIsItsSource(line);
    words += Words(line.text).size();
    EXPECT_LT(Overlap(line.text, story_.summary.title), 0.7) << line.text;
    // Two lines of one day say two things (the 17 February meeting is told in the words of the
    // 18 January one).
    for (size_t j = 0; j < i; ++j) {
      if (line.source.date != story_.summary_lines[j].source.date) continue;
      EXPECT_LT(Overlap(line.text, story_.summary_lines[j].text), 0.6)
          << line.text << "\n"
          << story_.summary_lines[j].text;
    }
  }
  EXPECT_LE(words, 240u);
  // The story's latest state: the meeting announced on 17 February ends the summary.
  EXPECT_EQ(story_.summary_lines.back().source.date, "2022-02-17");
  EXPECT_NE(story_.summary_lines.back().text.find("Lavrov"), std::string::npos);
  // In the time order of their articles.
  for (size_t i = 1; i < story_.summary_lines.size(); ++i) {
    EXPECT_LE(story_.summary_lines[i - 1].source.date, story_.summary_lines[i].source.date);
  }
}

TEST_F(SeedsDigestTest, TimelineDatesTheEventsByTheirOwnDays) {
  ASSERT_GE(story_.timeline.size(), 4u);
  std::string previous_day;
  for (const StoryTimelineEntry& e : story_.timeline) {
    ExpectLineIsItsSource(e.line);
    // A story of one month: days and weeks, no month.
    EXPECT_TRUE(e.precision == "day" || e.precision == "week") << e.date;
    if (e.precision != "day") continue;
    EXPECT_LT(previous_day, e.date);
    previous_day = e.date;
  }
  // The Geneva meeting on Friday 21 January, announced on Tuesday 18th.
  const StoryTimelineEntry* geneva = Entry("2022-01-21");
  ASSERT_NE(geneva, nullptr);
  EXPECT_NE(geneva->line.text.find("Genève"), std::string::npos) << geneva->line.text;
  EXPECT_GE(geneva->article_count, 3);
  ASSERT_NE(Entry("2022-01-18"), nullptr);
  // The meeting announced on the evening of Thursday 17 February, if Russia does not invade.
  const StoryTimelineEntry* february = Entry("2022-02-17");
  ASSERT_NE(february, nullptr);
  EXPECT_NE(february->line.text.find("Lavrov"), std::string::npos) << february->line.text;
  EXPECT_EQ(february->expression, "jeudi 17 février au soir");
  // The written answers promised for the following week.
  const StoryTimelineEntry* answers = Entry("2022-W04");
  ASSERT_NE(answers, nullptr);
  EXPECT_EQ(answers->precision, "week");
  EXPECT_NE(answers->line.text.find("réponses écrites"), std::string::npos) << answers->line.text;
  // Every seed's date is inferred from its text: every entry is marked uncertain.
  for (const StoryTimelineEntry& e : story_.timeline) EXPECT_TRUE(e.inferred) << e.date;
}

TEST_F(SeedsDigestTest, WhatIsNewSinceFebruary) {
  StoryOptions since;
  since.since = "2022-02-01";
  auto update = engine_->GetStory(story_.summary.id, since);
  ASSERT_TRUE(update.ok()) << update.status().ToString();
  EXPECT_EQ(update->since, "2022-02-01");
  ASSERT_FALSE(update->summary_lines.empty());
  for (const StoryLine& line : update->summary_lines) {
    ExpectLineIsItsSource(line);
    EXPECT_GE(line.source.date, "2022-02-01") << line.text;
  }
  for (const StoryTimelineEntry& e : update->timeline) {
    EXPECT_GE(e.line.source.date, "2022-02-01") << e.line.text;
  }
}

}  // namespace
}  // namespace depeche
