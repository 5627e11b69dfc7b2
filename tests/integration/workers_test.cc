// Several `depeche ingest` processes on one database (issue 16, "Many workers, one story
// space"): on SQLite they take turns for their whole runs (the writer lock), on PostgreSQL (the
// suite's pg pass) they share it batch by batch (engine/batch_gate.h). Either way: every record
// is stored once, a worker killed with SIGKILL in the middle of its run loses nothing committed
// and, run again, completes the database as if it had never been interrupted.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "test_util.h"

namespace depeche {
namespace {

using testing_util::DbAt;
using testing_util::Depeche;
using testing_util::DepecheJson;
using testing_util::FreshDir;

const std::string kSamples = std::string(DEPECHE_SOURCE_DIR) + "/data/samples/globalvoices/";

class WorkersTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = FreshDir("workers");
    // Small batches: several commits per worker, so that a kill lands between two of them.
    config_ = (dir_ / "config.json").string();
    std::ofstream(config_) << "{\"batch_size\": 8}\n";
  }

  // Starts `depeche --db DB ingest --threads 1 -q FILES...` in the background with the small
  // batches; its output goes to `log`.
  pid_t Spawn(const std::string& db, const std::vector<std::string>& files,
              const std::string& log) {
    std::vector<std::string> args = {DEPECHE_CLI_PATH, "--config",  config_, "--db", db,
                                     "ingest",         "--threads", "1",     "-q"};
    for (const std::string& f : files) args.push_back(f);
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    const pid_t pid = fork();
    if (pid == 0) {
      const int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      if (fd >= 0) {
        dup2(fd, 1);
        dup2(fd, 2);
      }
      execv(argv[0], argv.data());
      _exit(127);
    }
    return pid;
  }

  static int Wait(pid_t pid) {
    int status = 0;
    if (waitpid(pid, &status, 0) != pid) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

  // Article id -> story id, from `depeche articles --json`.
  std::map<std::string, std::string> Partition(const std::string& db) {
    std::map<std::string, std::string> out;
    nlohmann::json j = DepecheJson(db, "articles -n 100000");
    if (!j.is_array()) return out;
    for (const auto& a : j) {
      const std::string id = a.value("id", "");
      EXPECT_EQ(out.count(id), 0u) << "article listed twice: " << id;
      out[id] = a.value("story_id", "");
      EXPECT_FALSE(out[id].empty()) << id << " has no story";
    }
    return out;
  }

  // Creates (and migrates) `db` with an ingest of nothing.
  void Create(const std::string& db) {
    const std::string empty = (dir_ / "empty.jsonl").string();
    std::ofstream{empty};
    testing_util::CliRun run = Depeche("--db '" + db + "' ingest -q '" + empty + "'");
    EXPECT_EQ(run.code, 0) << run.out;
  }

  int64_t Stored(const std::string& db) {
    nlohmann::json j = DepecheJson(db, "stats");
    return j.value("article_count", int64_t{-1});
  }

  std::filesystem::path dir_;
  std::string config_;
};

// Two workers at once, each on its own files: all records stored once; run again, nothing new.
TEST_F(WorkersTest, TwoConcurrentWorkersStoreEveryRecordOnce) {
  const std::string one = DbAt(dir_ / "one.db");
  ASSERT_EQ(Depeche("--config '" + config_ + "' --db '" + one + "' ingest --threads 1 -q '" +
                    kSamples + "fr.jsonl' '" + kSamples + "es.jsonl' '" + kSamples + "it.jsonl'")
                .code,
            0);
  const auto reference = Partition(one);
  ASSERT_GT(reference.size(), 200u);

  const std::string db = DbAt(dir_ / "two.db");
  // The database first: two processes creating it at once is another test's subject.
  Create(db);
  const pid_t a = Spawn(db, {kSamples + "fr.jsonl", kSamples + "it.jsonl"}, (dir_ / "a").string());
  const pid_t b = Spawn(db, {kSamples + "es.jsonl"}, (dir_ / "b").string());
  EXPECT_EQ(Wait(a), 0);
  EXPECT_EQ(Wait(b), 0);
  const auto shared = Partition(db);
  std::set<std::string> want;
  std::set<std::string> got;
  for (const auto& [id, story] : reference) want.insert(id);
  for (const auto& [id, story] : shared) got.insert(id);
  EXPECT_EQ(got, want);

  // Re-ingest across workers is idempotent.
  nlohmann::json again = DepecheJson(
      db, "ingest --threads 1 -q '" + kSamples + "es.jsonl' '" + kSamples + "fr.jsonl'");
  EXPECT_EQ(again.value("inserted", -1), 0);
  EXPECT_EQ(Stored(db), static_cast<int64_t>(reference.size()));
}

// A worker killed with SIGKILL after some commits, then run again on the same input: the
// database ends as after one uninterrupted run (the same articles, the same stories).
TEST_F(WorkersTest, AKilledWorkerRunAgainCompletesWithoutLossOrDuplicate) {
  const std::vector<std::string> files = {kSamples + "fr.jsonl", kSamples + "es.jsonl",
                                          kSamples + "it.jsonl"};
  const std::string one = DbAt(dir_ / "one.db");
  const pid_t whole = Spawn(one, files, (dir_ / "whole").string());
  ASSERT_EQ(Wait(whole), 0);
  const auto reference = Partition(one);
  ASSERT_GT(reference.size(), 200u);

  const std::string db = DbAt(dir_ / "killed.db");
  Create(db);
  const pid_t victim = Spawn(db, files, (dir_ / "victim").string());
  // Killed once its first batches are committed (the ingest of 265 records in batches of 8
  // has about 33 commits): then it is in the middle of analysing or writing the next one.
  int64_t stored = 0;
  for (int i = 0; i < 600 && stored < 16; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    stored = Stored(db);
  }
  ASSERT_EQ(kill(victim, SIGKILL), 0);
  const int code = Wait(victim);
  if (code == 0) GTEST_SKIP() << "the worker finished before the kill";
  EXPECT_EQ(code, 128 + SIGKILL);
  const int64_t after_kill = Stored(db);
  EXPECT_GE(after_kill, 16);  // what was committed stays
  EXPECT_LT(after_kill, static_cast<int64_t>(reference.size()));

  const pid_t again = Spawn(db, files, (dir_ / "again").string());
  ASSERT_EQ(Wait(again), 0);
  EXPECT_EQ(Partition(db), reference);
}

}  // namespace
}  // namespace depeche
