#include "ingest/input_files.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace depeche::ingest {
namespace {
namespace fs = std::filesystem;

TEST(InputFilesTest, WalksFoldersInOrderAndKeepsRelativePaths) {
  fs::path root = fs::path(testing::TempDir()) / ("depeche_in_" + std::to_string(getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "corpus" / "sub");
  fs::create_directories(root / "corpus" / ".hidden");
  std::ofstream(root / "corpus" / "b.txt") << "b";
  std::ofstream(root / "corpus" / "a.jsonl") << "{}";
  std::ofstream(root / "corpus" / "sub" / "c.html") << "<p>c</p>";
  std::ofstream(root / "corpus" / "image.png") << "x";
  std::ofstream(root / "corpus" / "README.md") << "# notes";
  std::ofstream(root / "corpus" / ".hidden" / "d.txt") << "d";

  InputList list = ExpandInputs({(root / "corpus").string(), (root / "missing").string(), "-"});
  ASSERT_EQ(list.files.size(), 4u);
  EXPECT_EQ(list.files[0].display_path, "corpus/a.jsonl");
  EXPECT_EQ(list.files[0].format, InputFormat::kJsonl);
  EXPECT_EQ(list.files[1].display_path, "corpus/b.txt");
  EXPECT_EQ(list.files[1].format, InputFormat::kText);
  EXPECT_EQ(list.files[2].display_path, "corpus/sub/c.html");
  EXPECT_EQ(list.files[2].format, InputFormat::kHtml);
  EXPECT_EQ(list.files[3].format, InputFormat::kStdinJsonl);
  EXPECT_EQ(list.skipped, 2);
  ASSERT_EQ(list.problems.size(), 1u);
  EXPECT_NE(list.problems[0].path.find("missing"), std::string::npos);

  InputList single = ExpandInputs({(root / "corpus" / "b.txt").string()});
  ASSERT_EQ(single.files.size(), 1u);
  EXPECT_EQ(single.files[0].display_path, "b.txt");
  fs::remove_all(root);
}

}  // namespace
}  // namespace depeche::ingest
