#include "ingest/file_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace depeche::ingest {
namespace {

std::string TempFile(const std::string& name, const std::string& content) {
  std::string path = testing::TempDir() + "/depeche_fr_" + std::to_string(getpid()) + "_" + name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

TEST(FileReaderTest, ReadsAFile) {
  auto data = ReadFileLimited(TempFile("ok.txt", "bonjour"), 100);
  ASSERT_TRUE(data.ok());
  EXPECT_EQ(*data, "bonjour");
}

TEST(FileReaderTest, EmptyMissingAndTooLarge) {
  auto empty = ReadFileLimited(TempFile("empty.txt", ""), 100);
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().message(), "empty file");
  auto missing = ReadFileLimited(testing::TempDir() + "/depeche_does_not_exist.txt", 100);
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  auto big = ReadFileLimited(TempFile("big.txt", std::string(200, 'a')), 100);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.status().code(), StatusCode::kResourceExhausted);
  EXPECT_NE(big.status().message().find("limit"), std::string::npos);
}

TEST(FileReaderTest, BinaryContentIsRecognised) {
  EXPECT_TRUE(CheckLooksLikeText("Un texte\tnormal.\n").ok());
  Status zip = CheckLooksLikeText(std::string("PK\x03\x04\0\0\x14\0\x08\0data", 14));
  ASSERT_FALSE(zip.ok());
  EXPECT_NE(zip.message().find("binary content"), std::string::npos) << zip.message();
  EXPECT_NE(zip.message().find("NUL or control bytes"), std::string::npos) << zip.message();
  std::string controls(200, '\x01');
  EXPECT_FALSE(CheckLooksLikeText(controls).ok());
  // A Latin-1 text is not binary (its bytes are >= 0x80).
  EXPECT_TRUE(CheckLooksLikeText("caf\xE9 cr\xE8me").ok());
}

TEST(FileReaderTest, StrayNulInATextualPageIsRemovedWithAWarning) {
  // An ordinary UTF-8 page with one NUL deep inside (as on a real lostiempos.com page).
  std::string page = "<html><body><p>" + std::string(3000, 'a') + "</p>";
  page.push_back('\0');
  page +=
      "<p>La audiencia que podr\xC3\xAD"
      "a ser decisiva.</p>\x03</body></html>";
  ASSERT_TRUE(CheckLooksLikeText(page).ok());
  std::string cleaned = page;
  std::string warning = RemoveStrayControlBytes(cleaned);
  EXPECT_NE(warning.find("2 stray control bytes"), std::string::npos) << warning;
  EXPECT_NE(warning.find("offset 3019"), std::string::npos) << warning;
  EXPECT_EQ(cleaned.find('\0'), std::string::npos);
  EXPECT_EQ(cleaned.size(), page.size() - 2);
  EXPECT_NE(cleaned.find("</p><p>La audiencia"), std::string::npos);
  // Nothing to remove: no warning, nothing changed.
  std::string clean = "Une ligne.\r\n\tUne autre.\f";
  EXPECT_EQ(RemoveStrayControlBytes(clean), "");
  EXPECT_EQ(clean, "Une ligne.\r\n\tUne autre.\f");
}

TEST(FileReaderTest, BinaryIsAShareNotOneByte) {
  std::string text(1000, 'x');
  text[10] = '\0';
  EXPECT_TRUE(CheckLooksLikeText(text).ok());
  for (int i = 0; i < 20; ++i) text[static_cast<size_t>(100 + 7 * i)] = '\0';  // 2%
  EXPECT_FALSE(CheckLooksLikeText(text).ok());
}

TEST(FileReaderTest, WideCharsetsAreText) {
  std::string utf16 = std::string("\xFF\xFEh\0i\0\n\0", 8);
  EXPECT_TRUE(CheckLooksLikeText(utf16).ok());
  std::string copy = utf16;
  EXPECT_EQ(RemoveStrayControlBytes(copy), "");
  EXPECT_EQ(copy, utf16);
  // The same bytes without their byte-order mark are not text we can read.
  EXPECT_FALSE(CheckLooksLikeText(utf16.substr(2)).ok());
}

}  // namespace
}  // namespace depeche::ingest
