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
  Status nul = CheckLooksLikeText(std::string("PK\x03\x04\0\0", 6));
  ASSERT_FALSE(nul.ok());
  EXPECT_NE(nul.message().find("NUL byte at offset 4"), std::string::npos) << nul.message();
  std::string controls(200, '\x01');
  EXPECT_FALSE(CheckLooksLikeText(controls).ok());
  // A Latin-1 text is not binary (its bytes are >= 0x80).
  EXPECT_TRUE(CheckLooksLikeText("caf\xE9 cr\xE8me").ok());
}

}  // namespace
}  // namespace depeche::ingest
