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

}  // namespace
}  // namespace depeche::ingest
