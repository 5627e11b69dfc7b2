#include "ingest/reuters_sgml.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace depeche::ingest {
namespace {

// Made-up records in the corpus's shape (no corpus text).
const char kTwo[] =
    "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n"
    "<REUTERS TOPICS=\"YES\" NEWID=\"11\">\n"
    "<DATE> 3-MAR-1987 09:10:11.12</DATE>\n"
    "<TOPICS><D>wheat</D></TOPICS>\n<PLACES><D>canada</D><D>usa</D></PLACES>\n"
    "<TEXT>&#2;\n<TITLE>WHEAT TALKS\nRESUME</TITLE>\n"
    "<DATELINE>    OTTAWA, March 3 - </DATELINE><BODY>Talks resumed today.\n Reuter\n&#3;"
    "</BODY></TEXT>\n</REUTERS>\n"
    "<REUTERS NEWID=\"12\">\n<DATE> 3-MAR-1987 09:12:00.00</DATE>\n"
    "<TEXT TYPE=\"BRIEF\">&#2;\n<TITLE>FLASH HEADLINE</TITLE>Blah blah blah.\n&#3;</TEXT>\n"
    "</REUTERS>\n";

TEST(ReutersSgmlTest, OneArticlePerRecordWithDateTitleDatelineAndPlaces) {
  ReutersParse parse = ParseReutersSgml(kTwo);
  ASSERT_TRUE(parse.errors.empty());
  ASSERT_EQ(parse.records.size(), 2u);
  const ReutersRecord& r = parse.records[0];
  EXPECT_EQ(r.line, 2);
  EXPECT_EQ(parse.records[1].line, 13);
  RawArticle raw = ToRawArticle(r);
  EXPECT_EQ(raw.external_id, "11");
  EXPECT_EQ(raw.url, "reuters21578://11");
  EXPECT_EQ(raw.source, "Reuters");
  EXPECT_EQ(raw.title, "WHEAT TALKS RESUME");
  EXPECT_EQ(raw.title_origin, "given");
  EXPECT_EQ(raw.published, "1987-03-03T09:10:11Z");
  EXPECT_EQ(raw.lang, "en");
  EXPECT_EQ(raw.text, "OTTAWA, March 3 - Talks resumed today.\n Reuter");
  auto meta = nlohmann::json::parse(raw.metadata_json);
  EXPECT_EQ(meta["dateline"], "OTTAWA, March 3 -");
  EXPECT_EQ(meta["places"], nlohmann::json::array({"canada", "usa"}));
  EXPECT_EQ(meta["topics"], nlohmann::json::array({"wheat"}));
  EXPECT_EQ(meta["id"], "11");

  RawArticle flash = ToRawArticle(parse.records[1]);
  EXPECT_EQ(flash.text, "FLASH HEADLINE");
  EXPECT_FALSE(nlohmann::json::parse(flash.metadata_json).contains("dateline"));
}

TEST(ReutersSgmlTest, ABrokenRecordIsThatRecordsError) {
  std::string sgml = std::string("<REUTERS OLDID=\"1\"><TEXT>no id</TEXT></REUTERS>\n") +
                     "<REUTERS NEWID=\"2\"><TEXT>unclosed\n" + kTwo;
  ReutersParse parse = ParseReutersSgml(sgml);
  ASSERT_EQ(parse.errors.size(), 2u);
  EXPECT_EQ(parse.errors[0].line, 1);
  EXPECT_NE(parse.errors[0].message.find("without NEWID"), std::string::npos);
  EXPECT_EQ(parse.errors[1].line, 2);
  EXPECT_NE(parse.errors[1].message.find("without </REUTERS>"), std::string::npos);
  ASSERT_EQ(parse.records.size(), 2u);
  EXPECT_EQ(parse.records[0].id, "11");
  EXPECT_EQ(parse.records[0].line, 4);

  EXPECT_TRUE(ParseReutersSgml("<html><p>not reuters</p></html>").records.empty());
  EXPECT_TRUE(ParseReutersSgml("<html><p>not reuters</p></html>").errors.empty());
  ReutersParse open = ParseReutersSgml("<REUTERS NEWID=\"1\"");
  ASSERT_EQ(open.errors.size(), 1u);
  EXPECT_EQ(open.errors[0].message, "unterminated <REUTERS> tag");
}

TEST(ReutersSgmlTest, DatesWithLongNumbersAreRefused) {
  EXPECT_EQ(ReutersDateToIso("26-FEB-1987 15:01:01.79"), "1987-02-26T15:01:01Z");
  // Runs of digits used to overflow an int (undefined behaviour) before being refused.
  EXPECT_EQ(ReutersDateToIso("17900000000-FEB-1987 15:01:01"), "");
  EXPECT_EQ(ReutersDateToIso("26-FEB-19870000000000"), "");
  EXPECT_EQ(ReutersDateToIso("26-FEB-1987 99999999999:01:01"), "1987-02-26");
}

}  // namespace
}  // namespace depeche::ingest
