#include "core/strings.h"

#include <gtest/gtest.h>

namespace depeche::core {
namespace {

TEST(StringsTest, TrimHandlesNoBreakSpaces) {
  EXPECT_EQ(Trim("  a b \n"), "a b");
  EXPECT_EQ(Trim("\xC2\xA0"
                 "x"
                 "\xE2\x80\xAF"),
            "x");
  EXPECT_EQ(Trim(""), "");
  EXPECT_EQ(Trim(" \t "), "");
}

TEST(StringsTest, Helpers) {
  EXPECT_TRUE(StartsWith("depeche", "dep"));
  EXPECT_TRUE(EndsWith("file.jsonl", ".jsonl"));
  EXPECT_EQ(AsciiLower("ÉTAT Abc"), "État abc");
  auto parts = Split("a,,b", ',');
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_EQ(parts[1], "");
  EXPECT_EQ(HumanBytes(50.0 * 1024 * 1024), "50.0 MB");
  EXPECT_EQ(HumanBytes(12), "12 B");
}

}  // namespace
}  // namespace depeche::core
