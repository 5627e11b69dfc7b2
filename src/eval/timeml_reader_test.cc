#include "eval/timeml_reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

namespace depeche::eval {
namespace {

std::filesystem::path UniqueDir(const std::string& name) {
  const std::filesystem::path dir =
      std::filesystem::path(testing::TempDir()) / (name + "_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

// A hand-written document with the corpora's quirks: an XML declaration and a comment, an
// empty DCT TIMEX3 (French TimeBank), entities, an EVENT and a SIGNAL around and inside a
// TIMEX3, an empty TIMEX3, multi-byte UTF-8, and standoff links after </TEXT>.
constexpr char kDoc[] = R"(<?xml version='1.0' encoding='UTF-8'?>
<!-- a <comment> with markup -->
<TimeML>
<DOCID> 1999-05-17-0121 </DOCID>
<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t1" type="DATE" value="1999-05-17" /></DCT>
<TEXT>
Le <EVENT eid="e1" class="OCCURRENCE">départ</EVENT> &amp; <TIMEX3 tid="t2" type="DATE" value="1999-05-23" anchorTimeID="t1">dimanche</TIMEX3>, <SIGNAL sid="s1">pendant</SIGNAL> <TIMEX3 tid="t3" type="DURATION" value="PT30.4S" mod="APPROX">30,4 <EVENT eid="e2">secondes</EVENT></TIMEX3>.<TIMEX3 tid="t4" type="SET" value="P1W" quant="EVERY"/> &quot;fin&#233;&#x21;&quot;
</TEXT>
<TLINK lid="l1" relType="BEFORE" timeID="t2" relatedToTime="t3"/>
</TimeML>
)";

TEST(TimemlReaderTest, OffsetsPointAtTheTimexText) {
  auto doc = ParseTimeml(kDoc, "a.tml");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->id, "1999-05-17-0121");
  EXPECT_EQ(doc->dct_value, "1999-05-17");
  EXPECT_EQ(doc->dct_tid, "t1");
  EXPECT_EQ(doc->text, "\nLe départ & dimanche, pendant 30,4 secondes. \"finé!\"\n");
  ASSERT_EQ(doc->timexes.size(), 3u);
  const Timex& d = doc->timexes[0];
  EXPECT_EQ(doc->text.substr(d.begin, d.end - d.begin), "dimanche");
  EXPECT_EQ(d.text, "dimanche");
  EXPECT_EQ(d.begin, std::string("\nLe départ & ").size());  // bytes: "é" is two
  EXPECT_EQ(d.tid, "t2");
  EXPECT_EQ(d.type, "DATE");
  EXPECT_EQ(d.value, "1999-05-23");
  EXPECT_EQ(d.Attribute("anchorTimeID"), "t1");
  EXPECT_EQ(d.Attribute("mod"), "");
  const Timex& s = doc->timexes[1];
  EXPECT_EQ(s.text, "30,4 secondes");  // the EVENT inside is dropped, its text kept
  EXPECT_EQ(doc->text.substr(s.begin, s.end - s.begin), "30,4 secondes");
  EXPECT_EQ(s.type, "DURATION");
  EXPECT_EQ(s.Attribute("mod"), "APPROX");
  const Timex& e = doc->timexes[2];  // empty element: a point
  EXPECT_EQ(e.begin, e.end);
  EXPECT_EQ(doc->text.substr(e.begin, 2), " \"");
  EXPECT_EQ(e.Attribute("quant"), "EVERY");
  EXPECT_EQ(doc->name, "a.tml");
}

TEST(TimemlReaderTest, TimexWithTextInTheDctAndNoDocidUsesTheFileStem) {
  auto doc = ParseTimeml(
      "<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-01-08\">19980108</TIMEX3></DCT>"
      "<TEXT>In <TIMEX3 tid=\"t9\" type=\"DATE\" value='1998-W02'>this week</TIMEX3></TEXT>"
      "</TimeML>",
      "dir/ABC1998.tml");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->id, "ABC1998");
  EXPECT_EQ(doc->dct_value, "1998-01-08");
  EXPECT_EQ(doc->text, "In this week");
  ASSERT_EQ(doc->timexes.size(), 1u);
  EXPECT_EQ(doc->timexes[0].value, "1998-W02");
  EXPECT_EQ(doc->timexes[0].begin, 3u);
  EXPECT_EQ(doc->timexes[0].end, 12u);
}

TEST(TimemlReaderTest, LineEndsAreReadAsXmlSays) {
  auto crlf = ParseTimeml(
      "<TimeML>\r\n<TEXT>\r\nOn <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"X\">Friday</TIMEX3>.\r"
      "\r\n</TEXT></TimeML>",
      "crlf.tml");
  ASSERT_TRUE(crlf.ok()) << crlf.status().ToString();
  EXPECT_EQ(crlf->text, "\nOn Friday.\n\n");
  ASSERT_EQ(crlf->timexes.size(), 1u);
  EXPECT_EQ(crlf->timexes[0].begin, 4u);
  EXPECT_EQ(crlf->timexes[0].text, "Friday");
}

TEST(TimemlReaderTest, MalformedMarkupIsAnErrorNamingFileAndLine) {
  auto bad_close =
      ParseTimeml("<TimeML>\n<TEXT>\n<TIMEX3 tid=\"t1\">x</EVENT>\n</TEXT></TimeML>", "bad.tml");
  ASSERT_FALSE(bad_close.ok());
  EXPECT_NE(bad_close.status().message().find("bad.tml:3:"), std::string::npos)
      << bad_close.status().message();
  auto entity = ParseTimeml("<TimeML><TEXT>a &nbsp; b</TEXT></TimeML>", "e.tml");
  ASSERT_FALSE(entity.ok());
  EXPECT_NE(entity.status().message().find("e.tml:1: unknown entity"), std::string::npos);
  auto unclosed = ParseTimeml("<TimeML><TEXT>a</TEXT>", "u.tml");
  EXPECT_FALSE(unclosed.ok());
  auto no_text = ParseTimeml("<TimeML><DOCID>x</DOCID></TimeML>", "n.tml");
  ASSERT_FALSE(no_text.ok());
  EXPECT_NE(no_text.status().message().find("no <TEXT>"), std::string::npos);
}

TEST(TimemlReaderTest, ReadsAFolderRecursivelyByRelativeName) {
  const std::filesystem::path dir = UniqueDir("timeml_reader");
  std::filesystem::create_directories(dir / "sub");
  std::ofstream(dir / "b.tml") << "<TimeML><TEXT>b</TEXT></TimeML>";
  std::ofstream(dir / "sub" / "a.tml") << "<TimeML><TEXT>a</TEXT></TimeML>";
  std::ofstream(dir / "notes.txt") << "not TimeML";
  auto docs = ReadTimeml(dir);
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  ASSERT_EQ(docs->size(), 2u);
  EXPECT_EQ((*docs)[0].name, "b.tml");
  EXPECT_EQ((*docs)[1].name, "sub/a.tml");
  EXPECT_EQ((*docs)[1].text, "a");
  std::ofstream(dir / "sub" / "c.tml") << "<TimeML><TEXT>c</TIMEX3></TimeML>";
  auto broken = ReadTimeml(dir);
  ASSERT_FALSE(broken.ok());
  EXPECT_NE(broken.status().message().find("c.tml:1:"), std::string::npos);
  EXPECT_EQ(ReadTimeml(dir / "missing").status().code(), StatusCode::kNotFound);
  std::filesystem::remove_all(dir);
}

// The corpora as they are in ../shared (skipped without them): every file reads, every
// document has its DCT, every TIMEX3 of <TEXT> is non-empty with a type and a value, and the
// totals are those of the corpora (French TimeBank: 72 files here, 252 TIMEX3 in the texts;
// TBAQ-cleaned: 257 files, testpipeline/ repeating one TimeBank file, 1,855 TIMEX3).
TEST(TimemlReaderTest, ReadsTheSharedCorpora) {
  const std::filesystem::path data = std::filesystem::path(DEPECHE_SHARED_DIR) / "data";
  const std::filesystem::path fr = data / "fr-timebank/Data";
  const std::filesystem::path tbaq = data / "tempeval3/data/TempEval3/Training/TBAQ-cleaned";
  if (!std::filesystem::exists(fr) || !std::filesystem::exists(tbaq)) {
    GTEST_SKIP() << "no French TimeBank or TBAQ-cleaned under " << data;
  }
  const std::pair<std::filesystem::path, std::pair<size_t, size_t>> corpora[] = {
      {fr, {72, 252}}, {tbaq, {257, 1855}}};
  for (const auto& [path, expected] : corpora) {
    auto docs = ReadTimeml(path);
    ASSERT_TRUE(docs.ok()) << docs.status().ToString();
    EXPECT_EQ(docs->size(), expected.first) << path;
    size_t timexes = 0;
    for (const TimemlDocument& d : *docs) {
      EXPECT_FALSE(d.dct_value.empty()) << d.name;
      EXPECT_FALSE(d.id.empty()) << d.name;
      for (const Timex& t : d.timexes) {
        ++timexes;
        EXPECT_LT(t.begin, t.end) << d.name << " " << t.tid;
        EXPECT_EQ(d.text.substr(t.begin, t.end - t.begin), t.text);
        EXPECT_NE(t.text.find_first_not_of(" \n"), std::string::npos) << d.name << " " << t.tid;
        EXPECT_TRUE(t.type == "DATE" || t.type == "TIME" || t.type == "DURATION" || t.type == "SET")
            << d.name << " " << t.tid << " " << t.type;
        EXPECT_FALSE(t.value.empty()) << d.name << " " << t.tid;
      }
    }
    EXPECT_EQ(timexes, expected.second) << path;
  }
}

}  // namespace
}  // namespace depeche::eval
