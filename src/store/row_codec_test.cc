#include "store/row_codec.h"

#include <gtest/gtest.h>

namespace depeche::store {
namespace {

TEST(RowCodecTest, SpansRoundTrip) {
  std::vector<Span> spans = {{0, 10}, {11, 300}, {301, 70000}, {4000000000u, 4000000001u}};
  std::string blob;
  EncodeSpans(spans, blob);
  EXPECT_EQ(blob.size(), spans.size() * 8);
  EXPECT_EQ(blob.substr(0, 8), std::string("\0\0\0\0\x0a\0\0\0", 8));  // little-endian
  Result<std::vector<Span>> decoded = DecodeSpans(blob);
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(*decoded, spans);
  EncodeSpans({}, blob);
  EXPECT_TRUE(blob.empty());
  ASSERT_TRUE(DecodeSpans("").ok());
  EXPECT_TRUE(DecodeSpans("")->empty());
}

TEST(RowCodecTest, BadSpanBlobsAreDataLoss) {
  EXPECT_EQ(DecodeSpans("1234567").status().code(), StatusCode::kDataLoss);
  std::string reversed;
  EncodeSpans({{5, 4}}, reversed);
  EXPECT_EQ(DecodeSpans(reversed).status().code(), StatusCode::kDataLoss);
}

TEST(RowCodecTest, JsonStringArray) {
  std::string out;
  EncodeJsonStringArray({}, out);
  EXPECT_EQ(out, "[]");
  EncodeJsonStringArray({"a", "say \"hi\"\n", "back\\slash", std::string("\x01", 1), "é"}, out);
  EXPECT_EQ(out, "[\"a\",\"say \\\"hi\\\"\\n\",\"back\\\\slash\",\"\\u0001\",\"é\"]");
}

}  // namespace
}  // namespace depeche::store

namespace depeche::store {
namespace {

TEST(BoilerplateCodecTest, RoundTripAndMalformedInput) {
  std::vector<BoilerplateSpan> spans = {{{3, 10}, "credit"}, {{20, 42}, "cta"}};
  std::string json;
  EncodeBoilerplate(spans, json);
  EXPECT_EQ(json, R"([[3,10,"credit"],[20,42,"cta"]])");
  auto back = DecodeBoilerplate(json);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, spans);
  EncodeBoilerplate({}, json);
  EXPECT_EQ(json, "[]");
  EXPECT_TRUE(DecodeBoilerplate("[]")->empty());
  EXPECT_EQ(DecodeBoilerplate("[[3,1,\"x\"]]").status().code(), StatusCode::kDataLoss);
  EXPECT_FALSE(DecodeBoilerplate("[[1,2]]").ok());
  EXPECT_FALSE(DecodeBoilerplate("[[1,2,\"x\"]").ok());
}

TEST(RowCodecTest, JsonSpansRoundTrip) {
  const std::vector<Span> spans = {{3, 10}, {20, 42}};
  std::string json;
  EncodeJsonSpans(spans, json);
  EXPECT_EQ(json, "[[3,10],[20,42]]");
  auto back = DecodeJsonSpans(json);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, spans);
  EncodeJsonSpans({}, json);
  EXPECT_EQ(json, "[]");
  EXPECT_TRUE(DecodeJsonSpans("[]")->empty());
  EXPECT_EQ(DecodeJsonSpans("[[3,1]]").status().code(), StatusCode::kDataLoss);
  EXPECT_FALSE(DecodeJsonSpans("[[1,2,3]]").ok());
  EXPECT_FALSE(DecodeJsonSpans("[[1,2]").ok());
}

}  // namespace
}  // namespace depeche::store
