#include "engine/story_digest.h"

#include <gtest/gtest.h>

#include "core/strings.h"
#include "engine/analyzer.h"

namespace depeche::engine {
namespace {

// A dock strike told by three outlets (one running another's dispatch word for word) and a
// French one, over two days.
constexpr char kDispatch[] =
    "Dock workers at the port of Rotterdam walked out on Monday over a pay offer they called "
    "insulting, halting container traffic at Europe's busiest harbour.\n\n"
    "The union said the strike would last until Thursday unless the employers improved their "
    "offer of a two percent rise.\n\n"
    "Shipping lines diverted several vessels to Antwerp and Hamburg as queues of trucks grew "
    "outside the terminals.";
constexpr char kSecond[] =
    "Thousands of dock workers in Rotterdam stopped work on Monday in a dispute over pay, "
    "bringing container traffic at the busiest port in Europe to a halt.\n\n"
    "Employers said their offer of a two percent rise was generous given the fall in cargo "
    "volumes this year.\n\n"
    "Talks between the union and the port employers are scheduled to resume on Wednesday in "
    "The Hague, a spokeswoman for the mediator said.";
constexpr char kUpdate[] =
    "The strike at the port of Rotterdam ended on Wednesday after the employers raised their "
    "pay offer to four percent, the union said in a statement.\n\n"
    "Dock workers at the port of Rotterdam walked out on Monday over a pay offer they called "
    "insulting, halting container traffic at Europe's busiest harbour.\n\n"
    "The first container ships were unloaded late on Wednesday evening and the backlog should "
    "be cleared by the weekend, the port authority said.";
constexpr char kFrench[] =
    "Les dockers du port de Rotterdam ont cessé le travail lundi pour protester contre une "
    "offre salariale jugée insuffisante par leur syndicat.\n\n"
    "Le trafic des conteneurs est interrompu dans le premier port européen.";

class StoryDigestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto a = Analyzer::Create(EngineConfig{});
    ASSERT_TRUE(a.ok()) << a.status().ToString();
    analyzer_ = std::move(a).value();
    auto d = StoryDigester::Create(DEPECHE_SOURCE_DIR "/data");
    ASSERT_TRUE(d.ok()) << d.status().ToString();
    digester_ = std::move(d).value();
    Add("Rotterdam dockers strike over pay", kDispatch, "2022-03-07T09:00:00Z", "Wire", "");
    Add("Rotterdam dockers strike over pay", kDispatch, "2022-03-07T10:00:00Z", "Daily",
        articles_[0].id);
    Add("Port of Rotterdam halted by strike", kSecond, "2022-03-07T12:00:00Z", "Courier", "");
    Add("Rotterdam strike ends with four percent deal", kUpdate, "2022-03-09T18:00:00Z", "Wire",
        "");
    Add("Grève des dockers à Rotterdam", kFrench, "2022-03-07T11:00:00Z", "Le Quotidien", "");
    story_.summary.id = "s1";
    story_.summary.title = "Rotterdam dockers strike over pay";
  }

  void Add(const std::string& title, const std::string& text, const std::string& published,
           const std::string& source, const std::string& copy_of) {
    ingest::RawArticle raw;
    raw.title = title;
    raw.text = text;
    raw.published = published;
    raw.source = source;
    raw.url = "https://example.org/" + std::to_string(articles_.size());
    auto a = analyzer_->Analyze(raw);
    ASSERT_TRUE(a.ok()) << a.status().ToString();
    StoryArticle meta;
    meta.id = a->id;
    meta.title = a->title;
    meta.source = source;
    meta.lang = a->lang;
    meta.published = a->published.iso;
    meta.date = published.substr(0, 10);
    meta.original_id = copy_of;
    meta.exact_copy = !copy_of.empty();
    story_.articles.push_back(meta);
    articles_.push_back(std::move(a).value());
  }

  // The line's text is its source's span, spaces collapsed.
  void ExpectSpanIsText(const StoryLine& line) {
    const Article* a = nullptr;
    for (const Article& x : articles_) {
      if (x.id == line.source.article_id) a = &x;
    }
    ASSERT_NE(a, nullptr);
    ASSERT_EQ(line.source.spans.size(), 1u);
    const Span s = line.source.spans[0];
    EXPECT_EQ(core::CollapseSpaces(std::string_view(a->text).substr(s.begin, s.end - s.begin)),
              line.text);
  }

  std::unique_ptr<Analyzer> analyzer_;
  std::unique_ptr<StoryDigester> digester_;
  std::vector<Article> articles_;
  StoryDetail story_;
};

TEST_F(StoryDigestTest, HeadlinePerLanguageMainFirst) {
  const StoryDigest d = digester_->Digest(story_, articles_);
  ASSERT_EQ(d.headlines.size(), 2u);
  EXPECT_EQ(d.headlines[0].lang, "en");
  EXPECT_EQ(d.headlines[0].title, "Rotterdam dockers strike over pay");
  EXPECT_EQ(d.headlines[1].lang, "fr");
  EXPECT_EQ(d.headlines[1].title, "Grève des dockers à Rotterdam");
  EXPECT_EQ(d.headlines[1].article_id, articles_[4].id);
  // The French article has its own summary.
  ASSERT_EQ(d.language_summaries.size(), 1u);
  EXPECT_EQ(d.language_summaries[0].lang, "fr");
  ASSERT_FALSE(d.language_summaries[0].lines.empty());
  EXPECT_EQ(d.language_summaries[0].lines[0].source.article_id, articles_[4].id);
}

TEST_F(StoryDigestTest, SummaryLinesCarryTheirSourcesOnce) {
  const StoryDigest d = digester_->Digest(story_, articles_);
  ASSERT_FALSE(d.summary_lines.empty());
  bool copy_credited = false;
  for (const StoryLine& line : d.summary_lines) {
    ExpectSpanIsText(line);
    // English only: the main language.
    EXPECT_NE(line.source.article_id, articles_[4].id);
    // The copy of the dispatch is never a line of its own, but a source of the dispatch's lines.
    EXPECT_NE(line.source.article_id, articles_[1].id);
    for (const FactSource& s : line.also) copy_credited |= s.article_id == articles_[1].id;
  }
  EXPECT_TRUE(copy_credited);
  // The walkout, told by three articles, is said once.
  int walkouts = 0;
  for (const StoryLine& line : d.summary_lines) {
    walkouts += line.text.find("on Monday") != std::string::npos &&
                line.text.find("Rotterdam") != std::string::npos;
  }
  EXPECT_EQ(walkouts, 1);
}

TEST_F(StoryDigestTest, NoLineRepeatsTheHeadline) {
  // The second article's text opens with its title, the story's headline.
  const std::string title =
      "Port of Rotterdam halted by the dockers' strike over pay on Monday morning.";
  ingest::RawArticle raw;
  raw.title = title;
  raw.text = title + "\n\n" + kSecond;
  raw.published = "2022-03-07T12:00:00Z";
  raw.url = "https://example.org/2";
  auto a = analyzer_->Analyze(raw);
  ASSERT_TRUE(a.ok());
  ASSERT_EQ(a->id, articles_[2].id);
  articles_[2] = std::move(a).value();
  story_.summary.title = title;
  const StoryDigest d = digester_->Digest(story_, articles_);
  ASSERT_FALSE(d.headlines.empty());
  EXPECT_EQ(d.headlines[0].title, story_.summary.title);
  for (const StoryLine& line : d.summary_lines) {
    EXPECT_EQ(line.text.find("Port of Rotterdam halted by the dockers"), std::string::npos)
        << line.text;
  }
}

TEST_F(StoryDigestTest, PhotoCaptionsAreNoLines) {
  // The second article with a picture: its caption, then the credit line.
  const std::string caption =
      "Dock workers of the port of Rotterdam and their union leaders at "
      "the gates of the container terminal on Monday morning.";
  ingest::RawArticle raw;
  raw.title = "Port of Rotterdam halted by strike";
  raw.text = caption + "\nPhoto: Reuters\n" + kSecond;
  raw.published = "2022-03-07T12:00:00Z";
  raw.url = "https://example.org/2";
  auto a = analyzer_->Analyze(raw);
  ASSERT_TRUE(a.ok());
  bool credit = false;
  for (const BoilerplateSpan& b : a->boilerplate) credit |= b.reason == "credit";
  ASSERT_TRUE(credit) << "the analyzer no longer marks the credit line";
  // A story of that article alone: a summary of 150 words would take every sentence.
  StoryDetail one;
  one.summary.id = "s2";
  one.summary.title = raw.title;
  one.articles = {story_.articles[2]};
  const std::vector<Article> read = {std::move(a).value()};
  const StoryDigest d = digester_->Digest(one, read);
  ASSERT_GE(d.summary_lines.size(), 2u);
  for (const StoryLine& line : d.summary_lines) EXPECT_NE(line.text, caption);
  for (const StoryTimelineEntry& e : d.timeline) EXPECT_NE(e.line.text, caption);
}

TEST_F(StoryDigestTest, SinceSaysOnlyWhatIsNew) {
  const StoryDigest d = digester_->Digest(story_, articles_, "2022-03-08");
  ASSERT_FALSE(d.summary_lines.empty());
  for (const StoryLine& line : d.summary_lines) {
    EXPECT_EQ(line.source.article_id, articles_[3].id);
    // The dispatch's walkout sentence, repeated in the update, was already known.
    EXPECT_EQ(line.text.find("walked out"), std::string::npos) << line.text;
  }
  for (const StoryTimelineEntry& e : d.timeline) {
    EXPECT_EQ(e.line.source.article_id, articles_[3].id);
  }
  // Nothing is new after the last article.
  const StoryDigest none = digester_->Digest(story_, articles_, "2022-03-10");
  EXPECT_TRUE(none.summary_lines.empty());
  EXPECT_TRUE(none.timeline.empty());
}

TEST_F(StoryDigestTest, TimelineDatesEventsByTheirOwnDays) {
  const StoryDigest d = digester_->Digest(story_, articles_);
  ASSERT_FALSE(d.timeline.empty());
  bool end_of_strike = false;
  for (size_t i = 0; i < d.timeline.size(); ++i) {
    const StoryTimelineEntry& e = d.timeline[i];
    ExpectSpanIsText(e.line);
    if (i > 0) {
      EXPECT_LE(d.timeline[i - 1].date.substr(0, 7), e.date.substr(0, 7));
    }
    if (e.date == "2022-03-09" && e.basis == "relative") {
      end_of_strike = e.line.text.find("Wednesday") != std::string::npos;
    }
  }
  EXPECT_TRUE(end_of_strike);
}

TEST_F(StoryDigestTest, KeyFollowsTheArticles) {
  const std::string key = StoryDigester::Key(story_);
  EXPECT_EQ(key, StoryDigester::Key(story_));
  StoryDetail other = story_;
  other.articles.pop_back();
  EXPECT_NE(StoryDigester::Key(other), key);
  other = story_;
  other.articles[2].date = "2022-03-08";
  EXPECT_NE(StoryDigester::Key(other), key);
}

}  // namespace
}  // namespace depeche::engine
