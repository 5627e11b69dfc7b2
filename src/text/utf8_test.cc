#include "text/utf8.h"

#include <gtest/gtest.h>

#include <unicode/ustring.h>
#include "text/test_support.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace depeche::text {
namespace {

using testing_support::RandomBytes;
using testing_support::ReadSeedTexts;

constexpr char kFffd[] = "\xEF\xBF\xBD";

// ICU's own UTF-8 -> UTF-16 conversion with U+FFFD substitution follows the same
// maximal-subpart practice: the reference for RepairUtf8 on inputs without NUL.
std::string IcuRepair(const std::string& s, int32_t* substitutions) {
  std::vector<UChar> utf16(s.size() + 1);
  int32_t len16 = 0;
  UErrorCode ec = U_ZERO_ERROR;
  u_strFromUTF8WithSub(utf16.data(), static_cast<int32_t>(utf16.size()), &len16, s.data(),
                       static_cast<int32_t>(s.size()), 0xFFFD, substitutions, &ec);
  EXPECT_TRUE(U_SUCCESS(ec)) << u_errorName(ec);
  std::string out(static_cast<size_t>(len16) * 3 + 1, '\0');
  int32_t len8 = 0;
  ec = U_ZERO_ERROR;
  u_strToUTF8(out.data(), static_cast<int32_t>(out.size()), &len8, utf16.data(), len16, &ec);
  EXPECT_TRUE(U_SUCCESS(ec)) << u_errorName(ec);
  out.resize(static_cast<size_t>(len8));
  return out;
}

TEST(Utf8Test, AcceptsWellFormedText) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("plain ASCII text, long enough for the 8-byte loop"));
  EXPECT_TRUE(IsValidUtf8("États-Unis « Genève » € 😀 \xF4\x8F\xBF\xBF"));
  EXPECT_TRUE(IsValidUtf8(std::string("a\0b", 3)));  // NUL is well formed
}

TEST(Utf8Test, ReportsFirstBadByte) {
  struct Case {
    std::string input;
    size_t offset;
  };
  const Case cases[] = {
      {"abc\xC3", 3},              // truncated 2-byte sequence
      {"abcdefghij\xE2\x82", 10},  // truncated 3-byte sequence after the fast loop
      {"x\xC0\xAF", 1},            // overlong '/'
      {"xy\xE0\x80\xAF", 2},       // overlong 3-byte
      {"\xED\xA0\x80", 0},         // UTF-16 surrogate D800
      {"ok \xFF", 3},              // never valid
      {"\xF4\x90\x80\x80", 0},     // above U+10FFFF
      {"é\x80", 2},                // lone continuation byte
      {"\xF0\x9F\x98 ", 0},        // truncated 4-byte sequence before a space
  };
  for (const Case& c : cases) {
    size_t offset = 12345;
    EXPECT_FALSE(IsValidUtf8(c.input, &offset)) << c.input;
    EXPECT_EQ(offset, c.offset) << c.input;
  }
}

TEST(Utf8Test, RepairReplacesMaximalSubparts) {
  struct Case {
    std::string input;
    std::string expected;
    size_t replaced;
    size_t first_error;
  };
  const std::string f = kFffd;
  const Case cases[] = {
      {"a\xE2\x82", "a" + f, 1, 1},              // truncated: one U+FFFD
      {"\xC0\xAF!", f + f + "!", 2, 0},          // overlong: C0 and AF each
      {"\xED\xA0\x80z", f + f + f + "z", 3, 0},  // surrogate: three
      {"ab\xFF"
       "cd",
       "ab" + f + "cd", 1, 2},                  // 0xFF
      {"\xF0\x9F\x98x", f + "x", 1, 0},         // truncated 4-byte emoji
      {"é\xE2\x82\xACè\xE2", "é€è" + f, 1, 7},  // valid multibyte kept
  };
  for (const Case& c : cases) {
    const Utf8Repair r = RepairUtf8(c.input);
    EXPECT_EQ(r.text, c.expected);
    EXPECT_EQ(r.replaced, c.replaced);
    EXPECT_EQ(r.first_error, c.first_error);
    EXPECT_EQ(r.nul_dropped, 0u);
    EXPECT_TRUE(r.changed());
    EXPECT_TRUE(IsValidUtf8(r.text));
  }
}

TEST(Utf8Test, RepairDropsNul) {
  const Utf8Repair r = RepairUtf8(std::string("a\0b\0\0c\xFF", 7));
  EXPECT_EQ(r.text, std::string("abc") + kFffd);
  EXPECT_EQ(r.nul_dropped, 3u);
  EXPECT_EQ(r.replaced, 1u);
  EXPECT_EQ(r.first_error, 6u);
  const Utf8Repair only_nul = RepairUtf8(std::string("x\0", 2));
  EXPECT_EQ(only_nul.text, "x");
  EXPECT_EQ(only_nul.replaced, 0u);
  EXPECT_TRUE(only_nul.changed());
}

TEST(Utf8Test, SeedsAreValidAndUnchanged) {
  const std::vector<std::string> seeds = ReadSeedTexts();
  ASSERT_FALSE(seeds.empty()) << "no seeds under " << DEPECHE_SHARED_DIR;
  for (const std::string& text : seeds) {
    EXPECT_TRUE(IsValidUtf8(text));
    const Utf8Repair r = RepairUtf8(text);
    EXPECT_FALSE(r.changed());
    EXPECT_EQ(r.text, text);
  }
}

TEST(Utf8Test, RandomBytesMatchIcuSubstitution) {
  std::mt19937 rng(20240117);
  // Bytes biased towards UTF-8 structure so that near-valid sequences are common.
  const unsigned char alphabet[] = {'a',  ' ',  0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0,
                                    0xC1, 0xC2, 0xC3, 0xDF, 0xE0, 0xE1, 0xED, 0xEF, 0xF0,
                                    0xF3, 0xF4, 0xF5, 0xFF, 0xE2, 0x82, 0xAC};
  std::uniform_int_distribution<size_t> pick(0, sizeof(alphabet) - 1);
  std::uniform_int_distribution<size_t> length(0, 24);
  for (int round = 0; round < 20000; ++round) {
    std::string input;
    const size_t n = length(rng);
    for (size_t i = 0; i < n; ++i) input.push_back(static_cast<char>(alphabet[pick(rng)]));
    int32_t substitutions = 0;
    const std::string expected = IcuRepair(input, &substitutions);
    const Utf8Repair r = RepairUtf8(input);
    ASSERT_EQ(r.text, expected) << "round " << round;
    ASSERT_EQ(r.replaced, static_cast<size_t>(substitutions));
    ASSERT_EQ(IsValidUtf8(input), substitutions == 0);
    ASSERT_TRUE(IsValidUtf8(r.text));
  }
}

}  // namespace
}  // namespace depeche::text
