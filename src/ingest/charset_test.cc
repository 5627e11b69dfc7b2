#include "ingest/charset.h"

#include <gtest/gtest.h>

namespace depeche::ingest {
namespace {

TEST(CharsetTest, ValidUtf8IsUnchanged) {
  DecodedText d = DecodeToUtf8("Genève, négociations");
  EXPECT_EQ(d.text, "Genève, négociations");
  EXPECT_TRUE(d.warning.empty());
}

TEST(CharsetTest, Latin1TextIsDecodedAsWindows1252) {
  DecodedText d = DecodeToUtf8("Gen\xE8ve, n\xE9gociations \x93quotes\x94");
  EXPECT_EQ(d.text, "Genève, négociations “quotes”");
  EXPECT_NE(d.warning.find("windows-1252"), std::string::npos);
  EXPECT_NE(d.warning.find("offset 3"), std::string::npos) << d.warning;
}

TEST(CharsetTest, StrayBadBytesInUtf8AreReplaced) {
  DecodedText d = DecodeToUtf8("Genève \xFF ok \xC3");
  EXPECT_EQ(d.text, "Genève \xEF\xBF\xBD ok \xEF\xBF\xBD");
  EXPECT_NE(d.warning.find("U+FFFD"), std::string::npos);
  EXPECT_NE(d.warning.find("offset 8"), std::string::npos) << d.warning;
}

std::string Utf16(const std::u16string& text, bool little) {
  std::string out = little ? std::string("\xFF\xFE") : std::string("\xFE\xFF");
  for (char16_t u : text) {
    char hi = static_cast<char>(u >> 8);
    char lo = static_cast<char>(u & 0xFF);
    out += little ? lo : hi;
    out += little ? hi : lo;
  }
  return out;
}

TEST(CharsetTest, Utf16WithBomIsDecoded) {
  for (bool little : {true, false}) {
    auto d = DecodeUtf16WithBom(Utf16(u"Gen\u00e8ve \u20ac \U0001F600\nfin", little));
    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(d->text, "Genève € \xF0\x9F\x98\x80\nfin");
    EXPECT_EQ(d->warning, "");
  }
  auto lone = DecodeUtf16WithBom(Utf16(u"a", true) + std::string("\x00\xD8\x62\x00", 4) + "z");
  ASSERT_TRUE(lone.has_value());
  EXPECT_EQ(lone->text,
            "a\xEF\xBF\xBD"
            "b\xEF\xBF\xBD");
  EXPECT_EQ(lone->warning, "invalid UTF-16LE at byte offset 4: 2 unit(s) replaced by U+FFFD");
  EXPECT_FALSE(DecodeUtf16WithBom("plain text").has_value());
  EXPECT_FALSE(DecodeUtf16WithBom("\xEF\xBB\xBFutf-8 with BOM").has_value());
  EXPECT_FALSE(DecodeUtf16WithBom("\xFF").has_value());
}

}  // namespace
}  // namespace depeche::ingest
