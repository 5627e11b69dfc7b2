// The ML-Crisis reader and the timeline measures, on hand-written files and lines.
#include "eval/timeline_eval.h"

#include <gtest/gtest.h>

#include <fstream>
#include <random>

#include "eval/mlcrisis_reader.h"

namespace depeche::eval {
namespace {

TEST(MlCrisisReaderTest, ParsesReferenceBlocks) {
  auto dates = ParseReferenceTimeline(
      "2011-01-25\nA march in the capital .\nThe police answer .\n-----\n\n2011-01-28\nA "
      "curfew .\n--------------------------------\n",
      "ref.txt");
  ASSERT_TRUE(dates.ok()) << dates.status().ToString();
  ASSERT_EQ(dates->size(), 2u);
  EXPECT_EQ((*dates)[0].date, "2011-01-25");
  EXPECT_EQ((*dates)[0].sentences,
            (std::vector<std::string>{"A march in the capital .", "The police answer ."}));
  EXPECT_EQ((*dates)[1].sentences, std::vector<std::string>{"A curfew ."});
  // A sentence where a date belongs, and an impossible day, name the file and line.
  auto bad = ParseReferenceTimeline("2011-01-25\nA march .\n-----\nNo date here .\n", "ref.txt");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("ref.txt:4"), std::string::npos) << bad.status().message();
  EXPECT_FALSE(ParseReferenceTimeline("2011-02-30\nA march .\n", "ref.txt").ok());
}

class MlCrisisFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device rd;
    root_ = std::filesystem::temp_directory_path() /
            ("mlcrisis_reader_" + std::to_string(rd()) + std::to_string(rd()));
    dir_ = root_ / "es";
    std::filesystem::create_directories(dir_ / "reference");
    std::filesystem::create_directories(dir_ / "crisis/2011-01-26");
    std::filesystem::create_directories(dir_ / "crisis/2011-01-25");
    std::filesystem::create_directories(dir_ / "crisis/notes");
    std::filesystem::create_directories(dir_ / "other/2011-01-25");  // no reference: no topic
  }
  void TearDown() override { std::filesystem::remove_all(root_); }
  void Write(const std::filesystem::path& path, const std::string& text) {
    std::ofstream(dir_ / path) << text;
  }
  std::filesystem::path root_, dir_;
};

TEST_F(MlCrisisFilesTest, ReadsTopicsWithTheirDaysAndReference) {
  Write("reference/crisis.txt", "2011-01-25\nA march .\n");
  Write("crisis/2011-01-26/ext_2.txt", "\nSecond title\nBody of the second.\nMore.\n");
  Write("crisis/2011-01-25/gv_1.txt", "First title\nBody of the first.\n");
  Write("crisis/2011-01-25/gv_1.txt.tokenized", "First title\n");
  Write("crisis/2011-01-25/empty.txt", "\n\n");
  Write("crisis/notes/x.txt", "Not a day folder\nText.\n");
  Write("other/2011-01-25/a.txt", "Title\nText.\n");
  auto topics = ReadMlCrisis(dir_);
  ASSERT_TRUE(topics.ok()) << topics.status().ToString();
  ASSERT_EQ(topics->size(), 1u);
  const MlCrisisTopic& t = (*topics)[0];
  EXPECT_EQ(t.name, "crisis");
  ASSERT_EQ(t.reference.size(), 1u);
  ASSERT_EQ(t.documents.size(), 2u);
  EXPECT_EQ(t.documents[0].path, "2011-01-25/gv_1.txt");
  EXPECT_EQ(t.documents[0].date, "2011-01-25");
  EXPECT_EQ(t.documents[0].title, "First title");
  EXPECT_EQ(t.documents[0].text, "Body of the first.\n");
  EXPECT_EQ(t.documents[1].date, "2011-01-26");
  EXPECT_EQ(t.documents[1].title, "Second title");
  EXPECT_EQ(t.documents[1].text, "Body of the second.\nMore.\n");
  EXPECT_FALSE(ReadMlCrisis(dir_ / "crisis").ok());  // not a language folder
  Write("reference/crisis.txt", "A sentence first .\n");
  EXPECT_FALSE(ReadMlCrisis(dir_).ok());
}

TEST(TimelineMeasuresTest, DatePrecisionRecallAndF1OverDistinctDays) {
  TimelineTopicScores s;
  ScoreDates({"2011-01-25", "2011-01-28", "2011-01-28", "week:2011-W04"},
             {"2011-01-25", "2011-01-26", "2011-01-28", "2011-02-11"}, s);
  EXPECT_EQ(s.dates, 3u);  // the repeated day once; a week matches no day
  EXPECT_EQ(s.matched_dates, 2u);
  EXPECT_DOUBLE_EQ(s.date_precision, 2.0 / 3);
  EXPECT_DOUBLE_EQ(s.date_recall, 0.5);
  EXPECT_DOUBLE_EQ(s.date_f1, 2 * (2.0 / 3) * 0.5 / (2.0 / 3 + 0.5));
  ScoreDates({}, {"2011-01-25"}, s);
  EXPECT_EQ(s.date_f1, 0);
}

TEST(TimelineMeasuresTest, ConcatenatedRougeFoldsAccentedWords) {
  // "manifestación" and "Manifestacion" are one word once folded; ROUGE-1.5.5's tokenizer alone
  // would cut the first at its accented letter.
  const auto [r1, r2] =
      ConcatRouge({"Gran manifestación en Saná", "Saleh dimite"}, {"Gran Manifestacion en Sana ."});
  // Peer: gran manifestacion en sana saleh dimite (6); model: 4 words, all matched.
  EXPECT_DOUBLE_EQ(r1.recall, 1.0);
  EXPECT_DOUBLE_EQ(r1.precision, 4.0 / 6);
  EXPECT_DOUBLE_EQ(r2.recall, 1.0);  // 3 model bigrams, all in the peer
  EXPECT_GT(r2.precision, 0.5);
  EXPECT_LT(r2.precision, 0.7);
}

}  // namespace
}  // namespace depeche::eval
