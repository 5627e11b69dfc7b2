#include "ingest/jsonl_reader.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <nlohmann/json.hpp>

namespace depeche::ingest {
namespace {

TEST(JsonlReaderTest, ReadsKnownFieldsAndKeepsTheRest) {
  auto a = ParseJsonlRecord(
      R"({"id":"x1","url":"https://e.x/a","source":"Le Monde","title":"T","published":"2022-01-21",)"
      R"("lang":"fr","text":"Bonjour.","section":"monde","tags":["a","b"]})");
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->external_id, "x1");
  EXPECT_EQ(a->url, "https://e.x/a");
  EXPECT_EQ(a->source, "Le Monde");
  EXPECT_EQ(a->title, "T");
  EXPECT_EQ(a->title_origin, "given");
  EXPECT_EQ(a->published, "2022-01-21");
  EXPECT_EQ(a->lang, "fr");
  EXPECT_EQ(a->text, "Bonjour.");
  auto meta = nlohmann::json::parse(a->metadata_json);
  EXPECT_EQ(meta["section"], "monde");
  EXPECT_EQ(meta["tags"].size(), 2u);
  EXPECT_EQ(meta["id"], "x1");
  EXPECT_FALSE(meta.contains("text"));
}

TEST(JsonlReaderTest, ErrorsNameTheProblem) {
  auto bad = ParseJsonlRecord(R"({"title": "x", "text": )");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("not valid JSON at column"), std::string::npos)
      << bad.status().message();
  auto array = ParseJsonlRecord("[1,2]");
  ASSERT_FALSE(array.ok());
  EXPECT_NE(array.status().message().find("JSON object"), std::string::npos);
  auto no_text = ParseJsonlRecord(R"({"url":"u","title":""})");
  ASSERT_FALSE(no_text.ok());
  EXPECT_NE(no_text.status().message().find("text"), std::string::npos);
  // A headline feed's record: a title and no text is accepted.
  auto headline = ParseJsonlRecord(R"({"title":"Video: Obama meets Galifianakis","lang":"en"})");
  ASSERT_TRUE(headline.ok()) << headline.status().ToString();
  EXPECT_EQ(headline->title, "Video: Obama meets Galifianakis");
  EXPECT_TRUE(headline->text.empty());
  auto html = ParseJsonlRecord(R"({"url":"u","html":"<p>x</p>"})");
  ASSERT_TRUE(html.ok());
  EXPECT_EQ(html->html, "<p>x</p>");
  EXPECT_TRUE(html->text.empty());
  auto wrong_type = ParseJsonlRecord(R"({"title":{"a":1},"text":"x"})");
  ASSERT_FALSE(wrong_type.ok());
  EXPECT_NE(wrong_type.status().message().find("'title'"), std::string::npos);
}

TEST(JsonlReaderTest, NumericIdIsAccepted) {
  auto a = ParseJsonlRecord(R"({"id":42,"text":"x"})");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->external_id, "42");
}

TEST(LineReaderTest, SplitsLinesCountsThemAndSkipsLongOnes) {
  std::string data = "one\r\ntwo\n" + std::string(100, 'x') + "\nthree";
  FILE* f = fmemopen(data.data(), data.size(), "r");
  ASSERT_NE(f, nullptr);
  LineReader reader(f, 50);
  std::string line;
  EXPECT_EQ(reader.Next(line), LineReader::State::kLine);
  EXPECT_EQ(line, "one");
  EXPECT_EQ(reader.Next(line), LineReader::State::kLine);
  EXPECT_EQ(line, "two");
  EXPECT_EQ(reader.Next(line), LineReader::State::kTooLong);
  EXPECT_EQ(reader.line_number(), 3);
  EXPECT_EQ(reader.Next(line), LineReader::State::kLine);
  EXPECT_EQ(line, "three");
  EXPECT_EQ(reader.Next(line), LineReader::State::kEnd);
  EXPECT_EQ(reader.bytes_read(), static_cast<int64_t>(data.size()));
  std::fclose(f);
}

std::string Nested(int depth) {
  return R"({"text":"Body.","extra":)" + std::string(static_cast<size_t>(depth), '[') +
         std::string(static_cast<size_t>(depth), ']') + "}";
}

TEST(JsonlReaderTest, DeepNestingIsThisRecordsError) {
  // 2,000 levels used to fail the batch's transaction in SQLite, 80,000 to overflow the stack
  // in nlohmann's dump().
  for (int depth : {kMaxJsonDepth, 2000, 80000}) {
    auto r = ParseJsonlRecord(Nested(depth));
    ASSERT_FALSE(r.ok()) << depth;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(r.status().message().find("nested deeper than 64 levels"), std::string::npos)
        << r.status().message();
  }
  auto ok = ParseJsonlRecord(Nested(kMaxJsonDepth - 1));
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->text, "Body.");
}

TEST(JsonlReaderTest, NestingScanIgnoresBracketsInStrings) {
  EXPECT_EQ(JsonNestingBeyond(R"({"a":"[[[[{{{{\"[[["})", 1), std::string_view::npos);
  EXPECT_EQ(JsonNestingBeyond(R"({"a":[1]})", 1), 5u);
  EXPECT_EQ(JsonNestingBeyond("]]]][", 1), std::string_view::npos);
  EXPECT_EQ(JsonNestingBeyond("]]]][[", 1), 5u);
}

TEST(LineReaderTest, KeepsNulBytesInsideALine) {
  std::string data("a\0b\nc", 5);
  FILE* f = fmemopen(data.data(), data.size(), "r");
  ASSERT_NE(f, nullptr);
  LineReader reader(f, 1000);
  std::string line;
  EXPECT_EQ(reader.Next(line), LineReader::State::kLine);
  EXPECT_EQ(line, std::string("a\0b", 3));
  std::fclose(f);
}

}  // namespace
}  // namespace depeche::ingest
