#include "story/timeline.h"

#include <gtest/gtest.h>

#include "text/sentences.h"

namespace depeche::story {
namespace {

const TimelineBuilder& Made() {
  static const TimelineBuilder* b = [] {
    auto made = TimelineBuilder::Create(DEPECHE_SOURCE_DIR "/data");
    EXPECT_TRUE(made.ok()) << made.status().ToString();
    return made.ok() ? made->release() : nullptr;
  }();
  return *b;
}

// A document of `text` published on `date`, with an expression for each (words, value, form):
// the first occurrence of the words in the text; form "" is the value itself (a stated date).
struct Expr {
  std::string words;
  std::string value;
  std::string form;
  std::string type = "DATE";
};
TimelineDocument Doc(const std::string& text, const std::string& date,
                     const std::vector<Expr>& exprs = {}, bool inferred = false) {
  TimelineDocument d;
  d.text = text;
  d.sentences = text::SplitSentences(text, "en");
  d.lang = "en";
  d.date = date;
  d.date_inferred = inferred;
  for (const Expr& e : exprs) {
    const size_t at = text.find(e.words);
    EXPECT_NE(at, std::string::npos) << e.words;
    TemporalExpression t;
    t.span = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + e.words.size())};
    t.type = e.type;
    t.value = e.value;
    t.form = e.form.empty() ? e.value : e.form;
    d.timexes.push_back(t);
  }
  return d;
}

std::string Text(const std::vector<TimelineDocument>& docs, size_t d, Span s) {
  return std::string(docs[d].text.substr(s.begin, s.end - s.begin));
}

// Four reports of a week of talks. The texts outlive the documents (string_view).
class TimelineTest : public ::testing::Test {
 protected:
  const std::string a_ =
      "The foreign ministers will meet in Geneva on Friday to discuss the border crisis. "
      "Officials expect a long and difficult negotiation about the troops.";
  const std::string b_ =
      "The foreign ministers met in Geneva on 21 January 2022 to discuss the border crisis. "
      "Their talks lasted two hours in a hotel near the lake.";
  const std::string c_ =
      "The meeting of the foreign ministers in Geneva on Friday ended without agreement on the "
      "crisis. Both sides promised written answers to the demands within days.";
  const std::string d_ =
      "The secretary of state arrived in Kiev on Wednesday for talks with the president. "
      "He travels to Berlin afterwards to meet the allies of the alliance.";
  std::vector<TimelineDocument> Docs() const {
    return {Doc(a_, "2022-01-18", {{"on Friday", "2022-01-21", "UNDEF-WEEKDAY-5"}}),
            Doc(b_, "2022-01-21", {{"21 January 2022", "2022-01-21", ""}}),
            Doc(c_, "2022-01-22", {{"on Friday", "2022-01-21", "UNDEF-WEEKDAY-5"}}),
            Doc(d_, "2022-01-19", {{"on Wednesday", "2022-01-19", "UNDEF-WEEKDAY-3"}})};
  }
};

TEST_F(TimelineTest, DatesBySourcesInDateOrderWithMergedSources) {
  const std::vector<TimelineDocument> docs = Docs();
  TimelineOptions options;
  options.dates = 2;
  const std::vector<TimelineEntry> entries = Made().Build(docs, options);
  ASSERT_EQ(entries.size(), 2u);
  // The Friday three documents refer to, and the Wednesday of the visit (one document, from
  // its own day, above the publication days of a single document: 0.9 > 0.7).
  EXPECT_EQ(entries[0].date, "2022-01-19");
  EXPECT_EQ(entries[1].date, "2022-01-21");
  EXPECT_EQ(entries[1].precision, "day");
  EXPECT_EQ(entries[1].date_documents, 3u);
  EXPECT_EQ(entries[0].date_documents, 1u);
  EXPECT_EQ(entries[0].document, 3u);
  // The meeting's line, with the other two reports of it as its sources.
  const TimelineEntry& friday = entries[1];
  EXPECT_NE(Text(docs, friday.document, friday.span).find("Geneva"), std::string::npos);
  EXPECT_EQ(friday.also.size(), 2u);
  for (const TimelineSource& s : friday.also) {
    EXPECT_NE(s.document, friday.document);
    EXPECT_NE(Text(docs, s.document, s.span).find("Geneva"), std::string::npos);
  }
  EXPECT_GT(friday.score, 0.5);
  EXPECT_LE(friday.score, 1.0);
  EXPECT_TRUE(Made().Build({}, options).empty());
}

TEST_F(TimelineTest, BasisAndUncertainty) {
  std::vector<TimelineDocument> docs = Docs();
  TimelineOptions options;
  options.dates = 10;
  options.redundancy = 1.01;  // nothing merged: every dated sentence may be a line
  options.sentences_per_date = 5;
  docs[0].date_inferred = true;
  const std::vector<TimelineEntry> entries = Made().Build(docs, options);
  size_t stated = 0, relative = 0, published = 0;
  for (const TimelineEntry& e : entries) {
    const std::string line = Text(docs, e.document, e.span);
    if (e.basis == "stated") {
      ++stated;
      EXPECT_EQ(e.document, 1u);
      EXPECT_EQ(Text(docs, e.document, e.expression), "21 January 2022");
      EXPECT_FALSE(e.inferred);
    } else if (e.basis == "relative") {
      ++relative;
      EXPECT_EQ(Text(docs, e.document, e.expression).substr(0, 3), "on ");
      // Read against an inferred publication day: uncertain.
      EXPECT_EQ(e.inferred, e.document == 0) << line;
    } else {
      ASSERT_EQ(e.basis, "published");
      ++published;
      EXPECT_TRUE(e.inferred);
      EXPECT_EQ(e.expression, (Span{0, 0}));
      EXPECT_EQ(e.date, docs[e.document].date) << line;
    }
  }
  EXPECT_EQ(stated, 1u);
  EXPECT_EQ(relative, 3u);
  EXPECT_EQ(published, 4u);  // each document's second sentence, dated by its day
  // Without publication dates, only the sentences with an expression are dated.
  options.publication_dates = false;
  for (const TimelineEntry& e : Made().Build(docs, options)) EXPECT_NE(e.basis, "published");
}

TEST_F(TimelineTest, ChoosingBySalienceKeepsDatesOfSeveralDocuments) {
  const std::vector<TimelineDocument> docs = Docs();
  TimelineOptions options;  // dates = 0: by salience, at least two documents
  const std::vector<TimelineEntry> entries = Made().Build(docs, options);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].date, "2022-01-21");
  options.min_date_documents = 1;
  options.max_dates = 3;
  EXPECT_EQ(Made().Build(docs, options).size(), 3u);
  // Bounds leave the other dates out.
  options.first_date = "2022-01-20";
  options.last_date = "2022-01-21";
  const std::vector<TimelineEntry> bounded = Made().Build(docs, options);
  ASSERT_EQ(bounded.size(), 1u);
  EXPECT_EQ(bounded[0].date, "2022-01-21");
}

TEST(TimelineBuilderTest, WeeksMonthsAndYearsSortAtTheirStart) {
  const std::string a =
      "The talks on the new treaty resume next week in the capital of the country. "
      "Negotiators of both delegations arrived in the capital on Sunday evening.";
  const std::string b =
      "Elections to the national assembly are planned for March in the whole country. "
      "The opposition parties prepare their campaign for the elections in 2023.";
  const std::vector<TimelineDocument> docs = {
      Doc(a, "2022-01-20",
          {{"next week", "2022-W04", "REF+1W"},
           {"on Sunday evening", "2022-01-23TEV", "x", "TIME"}}),
      Doc(b, "2022-01-20", {{"for March", "2022-03", "UNDEF-YEAR-03"}, {"in 2023", "2023", ""}})};
  TimelineOptions options;
  options.dates = 4;
  options.publication_dates = false;
  const std::vector<TimelineEntry> entries = Made().Build(docs, options);
  ASSERT_EQ(entries.size(), 4u);
  EXPECT_EQ(entries[0].date, "2022-01-23");  // a Sunday, the day before week 4 starts
  EXPECT_EQ(entries[0].precision, "day");
  EXPECT_EQ(entries[0].basis, "relative");
  EXPECT_EQ(entries[1].date, "2022-W04");  // Monday 24 January 2022
  EXPECT_EQ(entries[1].precision, "week");
  EXPECT_EQ(entries[2].date, "2022-03");
  EXPECT_EQ(entries[2].precision, "month");
  EXPECT_EQ(entries[3].date, "2023");
  EXPECT_EQ(entries[3].precision, "year");
  EXPECT_EQ(entries[3].basis, "stated");
  // A TIME's day counts only with time_days.
  options.time_days = false;
  for (const TimelineEntry& e : Made().Build(docs, options)) EXPECT_NE(e.date, "2022-01-23");
}

TEST(TimelineBuilderTest, OnlySentencesOfASensibleLengthAreLines) {
  const std::string a = "Talks on Friday. The ministers of both countries met in Geneva on Friday.";
  const std::string b = "Talks on Friday ended.";
  const std::vector<TimelineDocument> docs = {
      Doc(a, "2022-01-21", {{"on Friday", "2022-01-21", "UNDEF-WEEKDAY-5"}}),
      Doc(b, "2022-01-22", {{"on Friday", "2022-01-21", "UNDEF-WEEKDAY-5"}})};
  TimelineOptions options;
  options.dates = 1;
  const std::vector<TimelineEntry> entries = Made().Build(docs, options);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(Text(docs, entries[0].document, entries[0].span).rfind("The ministers", 0), 0u);
  options.min_sentence_words = 20;  // no line long enough: no date
  EXPECT_TRUE(Made().Build(docs, options).empty());
}

TEST(TimelineBuilderTest, PostsQuestionsAndReferencesAreNoLines) {
  const std::string a = "@ministry the ministers of both countries met in Geneva on Friday.";
  const std::string b =
      "Pictures of the ministers meeting in Geneva on Friday: https://example.org/geneva.";
  const std::string c = "the ministers of both countries met in Geneva on Friday afternoon.";
  const std::string q = "Did the ministers of both countries really meet in Geneva on Friday?";
  std::vector<TimelineDocument> docs = {
      Doc(a, "2022-01-21", {{"on Friday", "2022-01-21", "UNDEF-WEEKDAY-5"}}),
      Doc(b, "2022-01-22", {{"on Friday", "2022-01-21", "UNDEF-WEEKDAY-5"}}),
      Doc(c, "2022-01-22", {{"on Friday", "2022-01-21", "UNDEF-WEEKDAY-5"}}),
      Doc(q, "2022-01-22", {{"on Friday", "2022-01-21", "UNDEF-WEEKDAY-5"}})};
  TimelineOptions options;
  options.dates = 1;
  EXPECT_TRUE(Made().Build(docs, options).empty());
  const std::string d = "The ministers of both countries met in Geneva on Friday afternoon.";
  docs.push_back(Doc(d, "2022-01-22", {{"on Friday", "2022-01-21", "UNDEF-WEEKDAY-5"}}));
  const std::vector<TimelineEntry> entries = Made().Build(docs, options);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].document, 4u);
}

TEST(TimelineBuilderTest, ADayRecalledLaterOutweighsADayAnnounced) {
  const std::string x =
      "Six weeks after the vote of 21 January, the new parliament still has no speaker. "
      "Its members argue about the rules of the chamber every single morning.";
  const std::string y =
      "The party congress will open on 25 January in the northern city of the country.";
  const std::string z = "Delegates travel to the congress that starts on 25 January in the north.";
  const std::vector<TimelineDocument> docs = {
      Doc(x, "2022-03-04", {{"21 January", "2022-01-21", "UNDEF-YEAR-01-21"}}),
      Doc(y, "2022-01-10", {{"on 25 January", "2022-01-25", "UNDEF-YEAR-01-25"}}),
      Doc(z, "2022-01-11", {{"on 25 January", "2022-01-25", "UNDEF-YEAR-01-25"}})};
  TimelineOptions options;
  options.dates = 1;
  options.publication_dates = false;
  // One document recalling the vote (2) against two announcing the congress (0.5 each).
  std::vector<TimelineEntry> entries = Made().Build(docs, options);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].date, "2022-01-21");
  EXPECT_EQ(entries[0].date_documents, 1u);
  options.retrospective_weight = 1.0;
  options.announced_weight = 1.0;
  entries = Made().Build(docs, options);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].date, "2022-01-25");
  EXPECT_EQ(entries[0].date_documents, 2u);
}

}  // namespace
}  // namespace depeche::story
