#include "story/dedup_index.h"

#include <algorithm>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "story/features.h"

namespace depeche::story {
namespace {

std::string ReadSeed(const std::string& prefix) {
  const std::string names[] = {"000_de9630fd9198e4a7.txt", "001_abfe26ca1329c67e.txt",
                               "002_af7f786ff45170bb.txt", "003_b7ad5fd18144e60d.txt",
                               "004_83764a8dca25fbc3.txt"};
  for (const std::string& name : names) {
    if (name.rfind(prefix, 0) != 0) continue;
    std::ifstream in(std::string(DEPECHE_SHARED_DIR) + "/seeds/" + name);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
  }
  return "";
}

// The text without its first paragraph, with a boilerplate line appended and one word changed.
std::string EditedCopy(const std::string& text) {
  std::string copy = text.substr(text.find("\n\n") + 2);
  const size_t space = copy.find(' ', copy.size() / 2);
  copy.replace(space, 1, " vraiment ");
  copy += "\n\nAbonnez-vous à notre lettre d'information pour recevoir toute l'actualité.";
  return copy;
}

// Sets of 1,000 shingles sharing `shared` of them: exact Jaccard shared / (2000 - shared).
std::vector<uint64_t> Range(uint64_t from, uint64_t to) {
  std::vector<uint64_t> out;
  for (uint64_t v = from; v < to; ++v) out.push_back(v * 0x9E3779B97F4A7C15ULL);
  std::sort(out.begin(), out.end());
  return out;
}

TEST(DedupIndexTest, NearThresholdCandidatesAreJudgedOnExactSets) {
  DedupOptions options;
  options.min_containment = 1.1;  // Jaccard alone decides here
  const std::vector<uint64_t> a = Range(0, 1000);
  const std::vector<uint64_t> b = Range(333, 1333);  // shares 667: Jaccard 667/1333 = 0.5004
  for (bool with_source : {false, true}) {
    auto index = DedupIndex::Create(options);
    ASSERT_TRUE(index.ok());
    int asked = 0;
    if (with_source) {
      index->SetShingleSource([&](const std::string& id) -> std::optional<std::vector<uint64_t>> {
        ++asked;
        if (id == "a") return a;
        return std::nullopt;
      });
    }
    index->Add("a", 0, a);
    const DedupMatch match = index->Add("b", 0, b);
    if (with_source) {
      EXPECT_EQ(asked, 1);
      EXPECT_TRUE(match.exact);
      EXPECT_NEAR(match.jaccard, 667.0 / 1333.0, 1e-12);
      EXPECT_TRUE(match.duplicate);
      ASSERT_EQ(match.pairs.size(), 1u);
      EXPECT_NEAR(match.pairs[0].second, 667.0 / 1333.0, 1e-12);
    } else {
      EXPECT_FALSE(match.exact);  // an estimate, on either side of 0.5
    }
  }
  // Just under the threshold: exact says no, whatever the estimate says.
  auto index = DedupIndex::Create(options);
  ASSERT_TRUE(index.ok());
  const std::vector<uint64_t> c = Range(0, 1000);
  const std::vector<uint64_t> d = Range(334, 1334);  // shares 666: Jaccard 0.4996
  index->SetShingleSource(
      [&](const std::string&) -> std::optional<std::vector<uint64_t>> { return c; });
  index->Add("c", 0, c);
  const DedupMatch match = index->Add("d", 0, d);
  EXPECT_FALSE(match.duplicate);
  EXPECT_TRUE(match.pairs.empty());
}

TEST(DedupIndexTest, FindsEditedCopyAndNotOtherArticles) {
  FeatureExtractor extractor(FeatureOptions{});
  const std::string original = ReadSeed("000");
  const std::string other = ReadSeed("004");
  ASSERT_GT(original.size(), 500u);
  ASSERT_GT(other.size(), 500u);
  auto index = DedupIndex::Create(DedupOptions{});
  ASSERT_TRUE(index.ok());
  const DedupMatch first = index->Add("a", 100, extractor.Shingles("fr", original));
  EXPECT_FALSE(first.duplicate);
  EXPECT_EQ(first.group_id, "a");
  const DedupMatch unrelated = index->Add("b", 200, extractor.Shingles("fr", other));
  EXPECT_FALSE(unrelated.duplicate);
  const DedupMatch copy = index->Add("c", 300, extractor.Shingles("fr", EditedCopy(original)));
  EXPECT_TRUE(copy.duplicate);
  EXPECT_EQ(copy.original_id, "a");
  EXPECT_EQ(copy.group_id, "a");
  EXPECT_GT(copy.containment, 0.8);
  // Exact copies of the copy stay in the first article's group.
  const DedupMatch again = index->Add("d", 400, extractor.Shingles("fr", EditedCopy(original)));
  EXPECT_TRUE(again.duplicate);
  EXPECT_EQ(again.group_id, "a");
  EXPECT_DOUBLE_EQ(again.jaccard, 1.0);
}

TEST(DedupIndexTest, WindowBoundsTheIndex) {
  FeatureExtractor extractor(FeatureOptions{});
  DedupOptions options;
  options.window_seconds = 10 * 86400;
  auto index = DedupIndex::Create(options);
  ASSERT_TRUE(index.ok());
  const std::string text = ReadSeed("001");
  for (int day = 0; day < 100; ++day) {
    // Distinct texts: a day marker changes every shingle's neighbourhood only slightly, so
    // the copies are duplicates of each other while they share the window.
    std::string id = "x";
    id += std::to_string(day);
    std::string copy = "jour ";
    copy += std::to_string(day);
    copy += " ";
    copy += text;
    index->Add(id, int64_t{day} * 86400, extractor.Shingles("fr", copy));
    EXPECT_LE(index->size(), 11u);
  }
  // The copy from day 0 has left the window: the same text is new again.
  const DedupMatch late = index->Add("late", 200 * 86400, extractor.Shingles("fr", text));
  EXPECT_FALSE(late.duplicate);
  EXPECT_EQ(index->size(), 1u);
}

TEST(DedupIndexTest, RejectsBadOptionsAndRestores) {
  DedupOptions bad;
  bad.bands = 0;
  EXPECT_FALSE(DedupIndex::Create(bad).ok());
  FeatureExtractor extractor(FeatureOptions{});
  auto index = DedupIndex::Create(DedupOptions{});
  ASSERT_TRUE(index.ok());
  const auto shingles = extractor.Shingles("fr", ReadSeed("002"));
  index->Add("a", 0, shingles);
  auto restored = DedupIndex::Create(DedupOptions{});
  ASSERT_TRUE(restored.ok());
  for (const DedupEntry& entry : index->Entries()) ASSERT_TRUE(restored->Restore(entry).ok());
  const DedupMatch match = restored->Add("b", 10, shingles);
  EXPECT_TRUE(match.duplicate);
  EXPECT_EQ(match.original_id, "a");
  DedupEntry broken = index->Entries().front();
  broken.signature.pop_back();
  EXPECT_FALSE(restored->Restore(broken).ok());
}

TEST(DedupIndexTest, TinyTextsAreNeverDuplicates) {
  FeatureExtractor extractor(FeatureOptions{});
  auto index = DedupIndex::Create(DedupOptions{});
  ASSERT_TRUE(index.ok());
  // Two flashes whose body is the same placeholder: alike by chance, not copies.
  const auto tiny = extractor.Shingles("en", "Blah blah blah.");
  ASSERT_LT(tiny.size(), 5u);
  EXPECT_FALSE(index->Add("a", 0, tiny).duplicate);
  EXPECT_FALSE(index->Add("b", 0, tiny).duplicate);
  // With their headlines (what FeatureExtractor::Extract shingles for a text this short) two
  // different flashes stay apart and a repeated one is found.
  const auto one =
      extractor.Extract("en", "Fed raises discount rate to seven percent today", "Blah blah blah.");
  const auto two =
      extractor.Extract("en", "Coffee quota talks break down in London tonight", "Blah blah blah.");
  EXPECT_GE(one.shingles.size(), 5u);
  EXPECT_FALSE(index->Add("c", 0, one.shingles).duplicate);
  EXPECT_FALSE(index->Add("d", 0, two.shingles).duplicate);
  const DedupMatch again = index->Add("e", 0, one.shingles);
  EXPECT_TRUE(again.duplicate);
  EXPECT_EQ(again.original_id, "c");
}

TEST(DedupIndexTest, UndatedArticlesBeforeTheFirstDatedOneStayInTheWindow) {
  FeatureExtractor extractor(FeatureOptions{});
  auto index = DedupIndex::Create(DedupOptions{});
  ASSERT_TRUE(index.ok());
  const auto text = extractor.Shingles("fr", ReadSeed("003"));
  // A bare text file (no date, the stream has no time yet), then a dated page of the same text
  // decades after time 0: the page must still find the file, and so must a restored index.
  EXPECT_FALSE(index->Add("file", 0, text, /*dated=*/false).duplicate);
  const int64_t t = 1642700000;
  const DedupMatch page = index->Add("page", t, text);
  EXPECT_TRUE(page.duplicate);
  EXPECT_EQ(page.original_id, "file");
  EXPECT_FALSE(page.original_dated);
  EXPECT_EQ(index->Entries().front().time, t);

  auto restored = DedupIndex::Create(DedupOptions{});
  ASSERT_TRUE(restored.ok());
  DedupEntry file = index->Entries().front();
  file.time = 0;  // as it was saved when indexed
  ASSERT_TRUE(restored->Restore(file).ok());
  ASSERT_TRUE(restored->Restore(index->Entries().back()).ok());
  EXPECT_EQ(restored->size(), 2u);
  EXPECT_EQ(restored->Entries().front().time, t);
}

}  // namespace
}  // namespace depeche::story
