#include "eval/duc_reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace depeche::eval {
namespace {

const char kDoc[] =
    "<DOC>\n<DOCNO> APW19990707.0181 </DOCNO>\n<DATE_TIME> 1999-07-07 08:30:27 </DATE_TIME>\n"
    "<BODY>\n<HEADLINE> Clinton Focuses\n on Indians </HEADLINE>\n<TEXT>\n<P>\n\tPINE RIDGE "
    "(AP) -- Clinton &AMP; aides &HT; came.\n</P>\n<P>\n</P>\n<P>\nSecond  one.\n</P>\n</TEXT>\n"
    "</BODY>\n</DOC>\n";

TEST(DucReaderTest, ParsesTrecSgml) {
  auto doc = ParseDucDocument(kDoc, "APW19990707.0181");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->docno, "APW19990707.0181");
  EXPECT_EQ(doc->date_time, "1999-07-07 08:30:27");
  EXPECT_EQ(doc->headline, "Clinton Focuses on Indians");
  ASSERT_EQ(doc->paragraphs.size(), 2u);
  EXPECT_EQ(doc->paragraphs[0], "PINE RIDGE (AP) -- Clinton & aides came.");
  EXPECT_EQ(doc->paragraphs[1], "Second one.");

  auto no_p = ParseDucDocument("<DOCNO>X1</DOCNO><TEXT> just  text </TEXT>", "x");
  ASSERT_TRUE(no_p.ok());
  EXPECT_EQ(no_p->paragraphs, std::vector<std::string>{"just text"});
  auto bad = ParseDucDocument("<DOCNO>X1</DOCNO>", "dir/X1");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().ToString().find("dir/X1"), std::string::npos);
}

TEST(DucReaderTest, ParsesSummaryNames) {
  std::string topic, author;
  ASSERT_TRUE(ParseDucSummaryName("D0601.M.250.A.24", &topic, &author));
  EXPECT_EQ(topic, "D0601");
  EXPECT_EQ(author, "24");
  EXPECT_FALSE(ParseDucSummaryName("README", &topic, &author));
  EXPECT_FALSE(ParseDucSummaryName("D0601.M..A.B", &topic, &author));
}

TEST(DucReaderTest, ParsesTopicStatements) {
  const std::string sgml =
      "\n<topic>\n<num> D0601A </num>\n<title> Native  reservations - pros &amp; cons "
      "</title>\n\n<narr>\nDiscuss conditions.\nInclude benefits.\n</narr>\n</topic>\n\n"
      "<topic><num>D0602B</num><title>steroid use</title></topic>\n";
  auto queries = ParseDucQueries(sgml, "topics.sgml");
  ASSERT_TRUE(queries.ok()) << queries.status().ToString();
  ASSERT_EQ(queries->size(), 2u);
  EXPECT_EQ((*queries)[0].id, "D0601A");
  EXPECT_EQ((*queries)[0].title, "Native reservations - pros & cons");
  EXPECT_EQ((*queries)[0].narrative, "Discuss conditions. Include benefits.");
  EXPECT_EQ((*queries)[1].id, "D0602B");
  EXPECT_EQ((*queries)[1].narrative, "");

  std::vector<DucTopic> topics(2);
  topics[0].id = "D0602B";
  topics[1].id = "D0699Z";
  EXPECT_EQ(AttachDucQueries(*queries, &topics), 1u);
  EXPECT_EQ(topics[0].title, "steroid use");
  EXPECT_EQ(topics[1].title, "");

  auto unclosed = ParseDucQueries("<topic>\n<num>D1</num>\n\n<topic><num>D2</num>", "t.sgml");
  ASSERT_FALSE(unclosed.ok());
  EXPECT_NE(unclosed.status().ToString().find("t.sgml:1"), std::string::npos);
  auto no_num = ParseDucQueries("\n\n<topic><title>x</title></topic>", "t.sgml");
  ASSERT_FALSE(no_num.ok());
  EXPECT_NE(no_num.status().ToString().find("t.sgml:3"), std::string::npos);
}

class DucReaderFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device rd;
    dir_ = std::filesystem::temp_directory_path() /
           ("duc_reader_" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(dir_ / "docs/D0601A");
    std::filesystem::create_directories(dir_ / "models");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void Write(const std::filesystem::path& path, const std::string& text) {
    std::ofstream(dir_ / path) << text;
  }
  std::filesystem::path dir_;
};

TEST_F(DucReaderFilesTest, ReadsTopicsAndSummaries) {
  Write("docs/D0601A/OLD1",
        "<DOCNO>OLD1</DOCNO><DATE_TIME>1998-01-01</DATE_TIME>"
        "<TEXT><P>old one two three</P></TEXT>");
  Write("docs/D0601A/NEW1",
        "<DOCNO>NEW1</DOCNO><DATE_TIME>1999-05-01</DATE_TIME>"
        "<TEXT><P>new a b.</P><P>new c d e.</P></TEXT>");
  Write("models/D0601.M.250.A.B", "First line.\nSecond  line\n");
  Write("models/notes.txt", "not a summary");
  auto topics = ReadDucTopics(dir_ / "docs");
  ASSERT_TRUE(topics.ok()) << topics.status().ToString();
  ASSERT_EQ(topics->size(), 1u);
  EXPECT_EQ((*topics)[0].id, "D0601A");
  ASSERT_EQ((*topics)[0].documents.size(), 2u);
  EXPECT_EQ((*topics)[0].documents[0].docno, "NEW1");  // file name order

  // Lead: the newest document first, the budget cuts the next paragraph.
  EXPECT_EQ(DucLeadSummary((*topics)[0], 5), (std::vector<std::string>{"new a b.", "new c"}));
  EXPECT_EQ(DucLeadSummary((*topics)[0], 9),
            (std::vector<std::string>{"new a b.", "new c d e.", "old one"}));

  auto summaries = ReadDucSummaries(dir_ / "models");
  ASSERT_TRUE(summaries.ok()) << summaries.status().ToString();
  ASSERT_EQ(summaries->size(), 1u);
  EXPECT_EQ((*summaries)[0].topic, "D0601");
  EXPECT_EQ((*summaries)[0].author, "B");
  EXPECT_EQ((*summaries)[0].lines, (std::vector<std::string>{"First line.", "Second  line"}));
  EXPECT_FALSE(ReadDucSummaries(dir_ / "absent").ok());
  EXPECT_FALSE(ReadDucTopics(dir_ / "absent").ok());
}

}  // namespace
}  // namespace depeche::eval
