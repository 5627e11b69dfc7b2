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
  ASSERT_EQ(list.skipped_files.size(), 2u);
  EXPECT_EQ(list.skipped_files[0].path, "corpus/README.md");
  EXPECT_EQ(list.skipped_files[1].path, "corpus/image.png");
  ASSERT_EQ(list.problems.size(), 1u);
  EXPECT_NE(list.problems[0].path.find("missing"), std::string::npos);

  InputList single = ExpandInputs({(root / "corpus" / "b.txt").string()});
  ASSERT_EQ(single.files.size(), 1u);
  EXPECT_EQ(single.files[0].display_path, "b.txt");
  fs::remove_all(root);
}

fs::path FreshRoot(const std::string& name) {
  fs::path root = fs::path(testing::TempDir()) / ("depeche_" + name + std::to_string(getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "corpus");
  return root;
}

const InputProblem* FindProblem(const std::vector<InputProblem>& problems,
                                const std::string& path) {
  for (const auto& p : problems) {
    if (p.path == path) return &p;
  }
  return nullptr;
}

TEST(InputFilesTest, LinkLoopsAndBrokenLinksAreNamedNotThrown) {
  fs::path root = FreshRoot("links");
  fs::path corpus = root / "corpus";
  std::ofstream(corpus / "a.txt") << "a";
  // Two links pointing at each other used to throw filesystem_error out of the walk (abort).
  fs::create_symlink("loop_b.txt", corpus / "loop_a.txt");
  fs::create_symlink("loop_a.txt", corpus / "loop_b.txt");
  fs::create_symlink("gone.txt", corpus / "dangling.txt");
  fs::create_symlink("a.txt", corpus / "link_to_a.txt");
  fs::create_directories(root / "elsewhere");
  fs::create_directory_symlink(root / "elsewhere", corpus / "folder_link");

  InputList list = ExpandInputs({corpus.string()});
  ASSERT_EQ(list.files.size(), 2u);
  EXPECT_EQ(list.files[0].display_path, "corpus/a.txt");
  EXPECT_EQ(list.files[1].display_path, "corpus/link_to_a.txt");
  ASSERT_EQ(list.problems.size(), 3u);
  const InputProblem* loop = FindProblem(list.problems, "corpus/loop_a.txt");
  ASSERT_NE(loop, nullptr);
  EXPECT_EQ(loop->message, "symbolic link loop");
  const InputProblem* dangling = FindProblem(list.problems, "corpus/dangling.txt");
  ASSERT_NE(dangling, nullptr);
  EXPECT_EQ(dangling->message, "broken symbolic link (to gone.txt)");
  const InputProblem* folder = FindProblem(list.skipped_files, "corpus/folder_link");
  ASSERT_NE(folder, nullptr);
  EXPECT_EQ(folder->message, "link to a folder: not followed");

  // Named on the command line, the same links are errors for that argument.
  InputList named =
      ExpandInputs({(corpus / "loop_a.txt").string(), (corpus / "dangling.txt").string()});
  EXPECT_TRUE(named.files.empty());
  ASSERT_EQ(named.problems.size(), 2u);
  EXPECT_EQ(named.problems[0].message, "symbolic link loop");
  EXPECT_EQ(named.problems[1].message, "broken symbolic link (to gone.txt)");
  fs::remove_all(root);
}

TEST(InputFilesTest, UnreadableFoldersAreReported) {
  if (geteuid() == 0) GTEST_SKIP() << "root reads every folder";
  fs::path root = FreshRoot("perm");
  fs::create_directories(root / "corpus" / "locked");
  std::ofstream(root / "corpus" / "locked" / "x.txt") << "x";
  fs::permissions(root / "corpus" / "locked", fs::perms::none);
  InputList list = ExpandInputs({(root / "corpus").string()});
  fs::permissions(root / "corpus" / "locked", fs::perms::owner_all);
  ASSERT_EQ(list.problems.size(), 1u);
  EXPECT_EQ(list.problems[0].path, "corpus/locked");
  EXPECT_EQ(list.problems[0].message, "cannot read folder: permission denied");
  fs::remove_all(root);
}

TEST(InputFilesTest, FormatsComeFromTheNameBeforeGz) {
  fs::path root = FreshRoot("gz");
  fs::path corpus = root / "corpus";
  for (const char* name : {"a.sgm", "b.SGM.gz", "c.jsonl.gz", "d.txt.gz", "e.tar.gz"}) {
    std::ofstream(corpus / name) << "x";
  }
  InputList list = ExpandInputs({corpus.string()});
  ASSERT_EQ(list.files.size(), 4u);
  EXPECT_EQ(list.files[0].format, InputFormat::kReutersSgml);
  EXPECT_FALSE(list.files[0].gzip);
  EXPECT_EQ(list.files[1].format, InputFormat::kReutersSgml);
  EXPECT_TRUE(list.files[1].gzip);
  EXPECT_EQ(list.files[2].format, InputFormat::kJsonl);
  EXPECT_TRUE(list.files[2].gzip);
  EXPECT_EQ(list.files[3].format, InputFormat::kText);
  EXPECT_TRUE(list.files[3].gzip);
  ASSERT_EQ(list.skipped_files.size(), 1u);
  EXPECT_EQ(list.skipped_files[0].path, "corpus/e.tar.gz");
  fs::remove_all(root);
}

TEST(InputFilesTest, EscapeForDisplayKeepsOneLineAndNoTerminalCodes) {
  EXPECT_EQ(EscapeForDisplay("a.txt\nb.txt: error: forged"), "a.txt\\nb.txt: error: forged");
  EXPECT_EQ(EscapeForDisplay("\x1b]0;title\x07\x1b[31mred"), "\\x1b]0;title\\x07\\x1b[31mred");
  EXPECT_EQ(EscapeForDisplay("back\\slash\ttab\r"), "back\\\\slash\\ttab\\r");
  EXPECT_EQ(EscapeForDisplay("Gen\xC3\xA8ve \xE2\x82\xAC"), "Gen\xC3\xA8ve \xE2\x82\xAC");
  EXPECT_EQ(EscapeForDisplay("caf\xE9 \xC2\x9B"
                             "2J"),
            "caf\\xe9 \\xc2\\x9b2J");
  EXPECT_EQ(EscapeForDisplay("\xED\xA0\x80"), "\\xed\\xa0\\x80");  // a surrogate
}

}  // namespace
}  // namespace depeche::ingest
