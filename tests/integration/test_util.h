// Helpers shared by the integration tests: unique temporary paths, the seeds folder and the
// fixtures, and the depeche command run as a user runs it.
#ifndef DEPECHE_TESTS_INTEGRATION_TEST_UTIL_H_
#define DEPECHE_TESTS_INTEGRATION_TEST_UTIL_H_

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/files.h"
#include "core/strings.h"
#include "depeche/engine.h"
#include "store/test_util.h"

namespace depeche::testing_util {

inline std::filesystem::path SeedsDir() {
  return std::filesystem::path(DEPECHE_SHARED_DIR) / "seeds";
}

// The bytes of seed article `file` ("" when unreadable: the callers' gold checks then fail).
inline std::string ReadSeed(const std::string& file) {
  Result<std::string> text = core::ReadFile((SeedsDir() / file).string());
  return text.ok() ? std::move(text).value() : std::string();
}

// The lines of tests/fixtures/`name`, each split at tabs; comment lines ("#...") included, for
// the callers that read some of them (seeds_timex.tsv's "#day" lines).
inline std::vector<std::vector<std::string>> FixtureRows(const std::string& name) {
  std::vector<std::vector<std::string>> rows;
  Result<std::string> text =
      core::ReadFile(std::string(DEPECHE_SOURCE_DIR) + "/tests/fixtures/" + name);
  EXPECT_TRUE(text.ok()) << text.status().ToString();
  if (!text.ok()) return rows;
  for (std::string_view line : core::Split(*text, '\n')) {
    if (line.empty()) continue;
    std::vector<std::string> fields;
    for (std::string_view f : core::Split(line, '\t')) fields.emplace_back(f);
    rows.push_back(std::move(fields));
  }
  return rows;
}

// The folders FreshDir made; removed when the test process exits (set DEPECHE_KEEP_TEST_DIRS
// to keep them for a post-mortem). Databases of a whole corpus add up to gigabytes otherwise.
class FreshDirRegistry {
 public:
  static FreshDirRegistry& Get() {
    static FreshDirRegistry registry;
    return registry;
  }
  void Add(const std::filesystem::path& dir) {
    std::lock_guard<std::mutex> lock(mutex_);
    dirs_.push_back(dir);
  }
  ~FreshDirRegistry() {
    if (std::getenv("DEPECHE_KEEP_TEST_DIRS") != nullptr) return;
    for (const auto& dir : dirs_) {
      std::error_code ec;
      std::filesystem::remove_all(dir, ec);
    }
  }

 private:
  FreshDirRegistry() = default;
  std::mutex mutex_;
  std::vector<std::filesystem::path> dirs_;
};

// A fresh folder under the test temp dir, unique per process and call; removed at exit.
inline std::filesystem::path FreshDir(const std::string& name) {
  static std::atomic<int> counter{0};
  auto dir = std::filesystem::path(::testing::TempDir()) /
             ("depeche_" + name + "_" + std::to_string(getpid()) + "_" + std::to_string(counter++));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  FreshDirRegistry::Get().Add(dir);
  return dir;
}

// The database location for the file `path`: the path itself on SQLite; on PostgreSQL
// (DEPECHE_TEST_PG_URL_FILE set) a fresh database URI, the same one for the same path, dropped
// when the test process exits (store/test_util.h).
inline std::string DbAt(const std::filesystem::path& path) {
  return store::testing_util::TestDbLocation(path.string());
}

// Article id -> story id over every stored story (listed by activity, not a window).
inline std::map<std::string, std::string> ArticleStories(Engine& engine) {
  std::map<std::string, std::string> out;
  StoryQuery q;
  q.sort = StorySort::kActivity;
  q.limit = 1'000'000;
  auto stories = engine.Stories(q);
  EXPECT_TRUE(stories.ok());
  if (!stories.ok()) return out;
  for (const StorySummary& s : *stories) {
    auto detail = engine.GetStory(s.id);
    EXPECT_TRUE(detail.ok());
    if (!detail.ok()) continue;
    for (const StoryArticle& a : detail->articles) out[a.id] = s.id;
  }
  return out;
}

// The five seeds ingested into a fresh database, and their one story read through the engine
// (skipped when ../shared/seeds is absent).
class SeedsStoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(SeedsDir())) GTEST_SKIP() << "no seeds";
    EngineConfig config;
    config.db_path = DbAt(FreshDir("seeds-story") / "depeche.db");
    auto engine = Engine::Open(config);
    ASSERT_TRUE(engine.ok()) << engine.status().ToString();
    engine_ = std::move(engine).value();
    auto report = engine_->Ingest({SeedsDir()}, {});
    ASSERT_TRUE(report.ok() && report->inserted == 5);
    report_ = std::move(report).value();
    auto stories = engine_->Stories({});
    ASSERT_TRUE(stories.ok());
    ASSERT_EQ(stories->size(), 1u);
    auto story = engine_->GetStory(stories->front().id);
    ASSERT_TRUE(story.ok()) << story.status().ToString();
    story_ = std::move(story).value();
  }

  std::unique_ptr<Engine> engine_;
  IngestReport report_;
  StoryDetail story_;
};

#ifdef DEPECHE_CLI_PATH
struct CliRun {
  int code = -1;
  std::string out;  // stdout and stderr together (or stdout only, see Depeche)
};

// Runs the depeche binary with `args` (shell words, quoted by the caller), stdin from
// `stdin_file` when given. `out` holds stdout and stderr, or stdout only when `with_stderr` is
// false (stderr then goes to the test log).
inline CliRun Depeche(const std::string& args, const std::string& stdin_file = "",
                      bool with_stderr = true) {
  std::string cmd = std::string("'") + DEPECHE_CLI_PATH + "' " + args;
  if (!stdin_file.empty()) cmd += " < '" + stdin_file + "'";
  if (with_stderr) cmd += " 2>&1";
  CliRun run;
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return run;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) run.out.append(buf.data(), n);
  const int status = pclose(p);
  run.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

// `depeche --db DB ARGS --json`, parsed; a failed run or a body that is not JSON fails the test
// (and gives a discarded value).
inline nlohmann::json DepecheJson(const std::string& db_path, const std::string& args) {
  CliRun run = Depeche("--db '" + db_path + "' " + args + " --json", "", /*with_stderr=*/false);
  EXPECT_EQ(run.code, 0) << args << ": " << run.out;
  nlohmann::json j = nlohmann::json::parse(run.out, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << run.out;
  return j;
}
#endif  // DEPECHE_CLI_PATH

}  // namespace depeche::testing_util

#endif  // DEPECHE_TESTS_INTEGRATION_TEST_UTIL_H_
