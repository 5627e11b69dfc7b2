// Ingest with an analysis pool stores exactly what a one-thread ingest stores: the same
// articles in the same order, the same stories, the same issues in the same order.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "depeche/engine.h"
#include "store/test_util.h"

namespace depeche {
namespace {

namespace fs = std::filesystem;

const std::string kSamples = std::string(DEPECHE_SOURCE_DIR) + "/data/samples/globalvoices";

class IngestPoolTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(testing::TempDir()) /
           ("depeche_pool_" + std::to_string(getpid()) + "_" +
            testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  struct Outcome {
    IngestReport report;
    // Each stored article's story, as the sorted ids of that story's articles (story ids are
    // compared through their members, which is what assignment means).
    std::map<std::string, std::vector<std::string>> story_of;
    int64_t stored = 0;
  };

  Outcome Ingest(const std::string& name, int threads, const std::vector<std::string>& paths,
                 const IngestOptions& options = {}) {
    Outcome out;
    EngineConfig config;
    config.db_path = store::testing_util::TestDbLocation((dir_ / (name + ".db")).string());
    config.ingest_threads = threads;
    config.batch_size = 16;  // several commits, some while records are queued
    auto engine = Engine::Open(config);
    EXPECT_TRUE(engine.ok()) << engine.status().ToString();
    if (!engine.ok()) return out;
    auto report = (*engine)->Ingest(paths, options);
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    if (!report.ok()) return out;
    out.report = *report;
    for (const std::string& id : report->inserted_ids) {
      auto story = (*engine)->GetStory(id);
      EXPECT_TRUE(story.ok()) << id << ": " << story.status().ToString();
      if (!story.ok()) continue;
      std::vector<std::string> members;
      for (const StoryArticle& a : story->articles) members.push_back(a.id);
      std::sort(members.begin(), members.end());
      out.story_of[id] = members;
    }
    auto stats = (*engine)->GetStats();
    EXPECT_TRUE(stats.ok());
    if (stats.ok()) out.stored = stats->articles;
    return out;
  }

  static void ExpectSame(const Outcome& one, const Outcome& pooled) {
    EXPECT_EQ(pooled.report.records, one.report.records);
    EXPECT_EQ(pooled.report.inserted, one.report.inserted);
    EXPECT_EQ(pooled.report.copies, one.report.copies);
    EXPECT_EQ(pooled.report.already_stored, one.report.already_stored);
    EXPECT_EQ(pooled.report.failed, one.report.failed);
    EXPECT_EQ(pooled.report.inserted_ids, one.report.inserted_ids);
    auto dump = [](const IngestReport& r) {
      std::string out;
      for (const IngestIssue& i : r.issues) {
        out += i.path + ":" + std::to_string(i.line) + " " + i.severity + " " + i.message + "\n";
      }
      return out;
    };
    ASSERT_EQ(pooled.report.issues.size(), one.report.issues.size())
        << "one thread:\n"
        << dump(one.report) << "pooled:\n"
        << dump(pooled.report);
    for (size_t i = 0; i < one.report.issues.size(); ++i) {
      const IngestIssue& a = one.report.issues[i];
      const IngestIssue& b = pooled.report.issues[i];
      EXPECT_EQ(b.path, a.path) << "issue " << i;
      EXPECT_EQ(b.line, a.line) << "issue " << i;
      EXPECT_EQ(b.severity, a.severity) << "issue " << i;
      EXPECT_EQ(b.message, a.message) << "issue " << i;
    }
    EXPECT_EQ(pooled.story_of, one.story_of);
    EXPECT_EQ(pooled.stored, one.stored);
  }

  void Write(const std::string& name, const std::string& content) {
    fs::create_directories(dir_ / "in");
    std::ofstream(dir_ / "in" / name, std::ios::binary) << content;
  }

  fs::path dir_;
};

TEST_F(IngestPoolTest, GlobalVoicesSameArticlesAndStories) {
  Outcome one = Ingest("one", 1, {kSamples});
  ASSERT_GT(one.report.inserted, 200);
  // Some stories group several articles, or the comparison would not test assignment.
  size_t largest = 0;
  for (const auto& [id, members] : one.story_of) largest = std::max(largest, members.size());
  ASSERT_GT(largest, 1u);
  for (int threads : {2, 3, 5}) {
    SCOPED_TRACE(threads);
    ExpectSame(one, Ingest("pool" + std::to_string(threads), threads, {kSamples}));
  }
}

TEST_F(IngestPoolTest, FailuresReportedInTheSameOrder) {
  // Good records, unparseable lines, records that the analyzer refuses (no text) and pages
  // whose extraction fails, interleaved with the sample data, across several files.
  std::ifstream in(kSamples + "/fr.jsonl");
  std::string line;
  std::string mixed;
  int n = 0;
  while (std::getline(in, line)) {
    mixed += line + "\n";
    if (++n % 5 == 0) mixed += "{not json\n";
    if (n % 7 == 0) mixed += "{\"title\":\"   \",\"text\":\"  \"}\n";
  }
  Write("a_mixed.jsonl", mixed);
  Write("b_binary.txt", std::string("\x7f"
                                    "ELF\0\0\0\x01\x02",
                                    9) +
                            std::string(600, '\0'));
  Write("c_empty.html", "<html><head><title></title></head><body></body></html>");
  Write("d_note.txt", "Heavy rain flooded the valley overnight and the roads were closed.\n");
  Write("e_bad.jsonl", "[1,2]\n{\"text\":\"A second short note about the closed roads.\"}\n");
  const std::vector<std::string> paths = {(dir_ / "in").string(), kSamples + "/es.jsonl"};
  Outcome one = Ingest("one", 1, paths);
  ASSERT_GT(one.report.failed, 10);
  ASSERT_GT(one.report.inserted, 150);
  for (int threads : {2, 4}) {
    SCOPED_TRACE(threads);
    ExpectSame(one, Ingest("pool" + std::to_string(threads), threads, paths));
  }
}

TEST_F(IngestPoolTest, CloseLanguagesSameAsOneThread) {
  // Texts in close languages reach the Hunspell tie-breaker (text/langid_lexicon), loaded on
  // first use: several workers ask for the same group at once.
  const std::vector<std::string> texts = {
      "Regeringen vil købe flere tog af det danske selskab i år, sagde ministeren i dag.",
      "Regjeringen vil kjøpe flere tog av det norske selskapet i år, sa statsråden i dag.",
      "Vlada je danas objavila da će mlijeko i kruh od sutra biti jeftiniji u trgovinama.",
      "Vlada je danas objavila da će mleko i hleb od sutra biti jeftiniji u prodavnicama.",
      "Правительство объявило сегодня, что хлеб и молоко с завтрашнего дня станут дешевле.",
      "Правителството обяви днес, че хлябът и млякото ще бъдат по-евтини от утре."};
  std::string jsonl;
  for (int i = 0; i < 60; ++i) {
    jsonl += "{\"id\":\"n" + std::to_string(i) + "\",\"source\":\"wire\",\"text\":\"" +
             texts[static_cast<size_t>(i) % texts.size()] + " " + std::to_string(i) + "\"}\n";
  }
  Write("close.jsonl", jsonl);
  const std::vector<std::string> paths = {(dir_ / "in").string()};
  Outcome one = Ingest("one", 1, paths);
  ASSERT_EQ(one.report.inserted, 60);
  ExpectSame(one, Ingest("pool", 4, paths));
}

TEST_F(IngestPoolTest, CancelledPooledIngestStoresAPrefix) {
  Outcome one = Ingest("one", 1, {kSamples});
  IngestOptions options;
  std::atomic<int> calls{0};
  options.progress = [&](const IngestProgress&) { return ++calls < 2; };
  Outcome pooled = Ingest("pool", 3, {kSamples}, options);
  EXPECT_TRUE(pooled.report.cancelled);
  ASSERT_GT(pooled.report.inserted, 0);
  ASSERT_LT(pooled.report.inserted, one.report.inserted);
  // What was read before the cancellation is stored, in input order, and nothing else.
  std::vector<std::string> prefix(one.report.inserted_ids.begin(),
                                  one.report.inserted_ids.begin() + pooled.report.inserted);
  EXPECT_EQ(pooled.report.inserted_ids, prefix);
  EXPECT_EQ(pooled.stored, pooled.report.inserted);
}

TEST_F(IngestPoolTest, NegativeThreadCountIsRejected) {
  EngineConfig config;
  config.db_path = ":memory:";
  config.ingest_threads = -1;
  EXPECT_EQ(Engine::Open(config).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace depeche
