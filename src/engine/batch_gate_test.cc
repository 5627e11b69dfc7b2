// BatchGate, on SQLite (BEGIN IMMEDIATE serialises the writers there) and, in the suite's
// PostgreSQL pass, on PostgreSQL (with its advisory lock): when a process reloads its story state,
// and that two ingest jobs on two connections, each batch under the gate, store what one job
// ingesting everything stores.
#include "engine/batch_gate.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "depeche/config.h"
#include "engine/analyzer.h"
#include "engine/ingest_job.h"
#include "engine/story_stage.h"
#include "store/article_store.h"
#include "store/database.h"
#include "store/statement.h"
#include "store/test_util.h"

namespace depeche::engine {
namespace {

namespace fs = std::filesystem;

const std::string kDataDir = std::string(DEPECHE_SOURCE_DIR) + "/data";

class BatchGateTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(testing::TempDir()) /
           ("depeche_gate_" + std::to_string(getpid()) + "_" +
            testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::unique_ptr<store::Database> Open(const std::string& name) {
    // A file here on SQLite; a database of the test cluster on PostgreSQL (the gate's
    // advisory lock then runs).
    auto db = store::Database::Open(store::testing_util::TestDbLocation((dir_ / name).string()));
    EXPECT_TRUE(db.ok()) << db.status().ToString();
    return db.ok() ? std::move(*db) : nullptr;
  }

  fs::path dir_;
};

TEST_F(BatchGateTest, ReloadsOnlyWhenAnotherWriterCommitted) {
  auto a_db = Open("g.db");
  auto b_db = Open("g.db");
  ASSERT_TRUE(a_db && b_db);
  int a_reloads = 0;
  int b_reloads = 0;
  BatchGate a = BatchGate::ForBackend(*a_db, [&] {
    ++a_reloads;
    return Status::Ok();
  });
  BatchGate b = BatchGate::ForBackend(*b_db, [&] {
    ++b_reloads;
    return Status::Ok();
  });

  // The state a process loaded at open may already be stale: its first batch reloads.
  ASSERT_TRUE(a.Enter().ok());
  EXPECT_TRUE(a_db->InTransaction());
  EXPECT_EQ(a_reloads, 1);
  ASSERT_TRUE(a.Leave().ok());
  EXPECT_FALSE(a_db->InTransaction());
  ASSERT_TRUE(a.Enter().ok());
  EXPECT_EQ(a_reloads, 1);  // its own commit: current
  ASSERT_TRUE(a.Leave().ok());

  ASSERT_TRUE(b.Enter().ok());
  EXPECT_EQ(b_reloads, 1);
  ASSERT_TRUE(b.Leave().ok());
  ASSERT_TRUE(a.Enter().ok());
  EXPECT_EQ(a_reloads, 2);  // b committed in between
  ASSERT_TRUE(a.Leave().ok());

  // A rolled-back batch leaves the stored token as it was, but memory is unknown then.
  ASSERT_TRUE(a.Enter().ok());
  ASSERT_TRUE(a_db->Rollback().ok());
  a.Forget();
  ASSERT_TRUE(a.Enter().ok());
  EXPECT_EQ(a_reloads, 3);
  ASSERT_TRUE(a.Leave().ok());
  ASSERT_TRUE(b.Enter().ok());
  EXPECT_EQ(b_reloads, 2);
  ASSERT_TRUE(b.Leave().ok());
  EXPECT_EQ(a.reloads(), 3);
  EXPECT_EQ(b.reloads(), 2);
}

TEST_F(BatchGateTest, FailedReloadRollsBackAndStaysStale) {
  auto db = Open("f.db");
  ASSERT_TRUE(db);
  bool fail = true;
  int reloads = 0;
  BatchGate gate = BatchGate::ForBackend(*db, [&] {
    ++reloads;
    return fail ? UnavailableError("connection lost") : Status::Ok();
  });
  Status entered = gate.Enter();
  EXPECT_EQ(entered.code(), StatusCode::kUnavailable);
  EXPECT_FALSE(db->InTransaction());
  fail = false;
  ASSERT_TRUE(gate.Enter().ok());
  EXPECT_EQ(reloads, 2);
  ASSERT_TRUE(gate.Leave().ok());
}

// On PostgreSQL a batch holds the story-space lock from Enter to Leave (COMMIT releases it),
// and a rollback releases it too.
TEST_F(BatchGateTest, PostgresBatchHoldsTheAdvisoryLockUntilCommitOrRollback) {
  if (!store::testing_util::TestsOnPostgres()) GTEST_SKIP() << "the advisory lock is PostgreSQL's";
  auto a_db = Open("l.db");
  auto probe_db = Open("l.db");
  ASSERT_TRUE(a_db && probe_db);
  BatchGate a = BatchGate::ForBackend(*a_db, [] { return Status::Ok(); });
  auto lock_is_free = [&]() -> bool {
    auto st = store::Statement::Prepare(
        probe_db.get(), "SELECT CASE WHEN pg_try_advisory_xact_lock(" +
                            std::to_string(kStorySpaceLockKey) + ") THEN 1 ELSE 0 END");
    EXPECT_TRUE(st.ok()) << st.status().ToString();
    if (!st.ok()) return false;
    auto row = st->Step();
    EXPECT_TRUE(row.ok() && *row);
    return row.ok() && *row && st->ColumnInt64(0) == 1;
  };
  EXPECT_TRUE(lock_is_free());
  ASSERT_TRUE(a.Enter().ok());
  EXPECT_FALSE(lock_is_free());
  ASSERT_TRUE(a.Leave().ok());
  EXPECT_TRUE(lock_is_free());
  ASSERT_TRUE(a.Enter().ok());
  EXPECT_FALSE(lock_is_free());
  ASSERT_TRUE(a_db->Rollback().ok());
  EXPECT_TRUE(lock_is_free());
}

// One writer process: its analyzer, stores and story stage on its own connection.
struct Worker {
  std::unique_ptr<store::Database> db;
  std::unique_ptr<store::ArticleStore> articles;
  std::unique_ptr<StoryStage> stories;
  std::unique_ptr<BatchGate> gate;
};

class GatedIngestTest : public BatchGateTest {
 protected:
  void SetUp() override {
    BatchGateTest::SetUp();
    config_.data_dir = kDataDir;
    config_.batch_size = 7;  // several batches per part
    config_.ingest_threads = 1;
    auto analyzer = Analyzer::Create(config_);
    ASSERT_TRUE(analyzer.ok()) << analyzer.status().ToString();
    analyzer_ = std::move(*analyzer);
    std::ifstream in(kDataDir + "/samples/globalvoices/fr.jsonl");
    std::string line;
    while (std::getline(in, line)) lines_.push_back(line);
    ASSERT_GE(lines_.size(), 30u);
  }

  std::string Part(size_t part, size_t parts) const {
    std::string out;
    const size_t from = lines_.size() * part / parts;
    const size_t to = lines_.size() * (part + 1) / parts;
    for (size_t i = from; i < to; ++i) out += lines_[i] + "\n";
    return out;
  }

  // Near-copies of `jsonl`'s records (other ids, one sentence added): each joins its
  // original's story only if the writer's state knows the original.
  static std::string NearCopies(const std::string& jsonl) {
    std::string out = jsonl;
    auto replace_all = [&out](const std::string& from, const std::string& to) {
      for (size_t at = out.find(from); at != std::string::npos;
           at = out.find(from, at + to.size())) {
        out.replace(at, from.size(), to);
      }
    };
    replace_all("\"id\": \"", "\"id\": \"copy-");
    replace_all("\"text\": \"", "\"text\": \"Mise à jour de cet article. ");
    return out;
  }

  Worker OpenWorker(const std::string& name, bool gated) {
    Worker w;
    w.db = Open(name);
    if (!w.db) return w;
    auto articles = store::ArticleStore::Create(w.db.get());
    EXPECT_TRUE(articles.ok()) << articles.status().ToString();
    auto stories = StoryStage::Open(w.db.get(), kDataDir);
    EXPECT_TRUE(stories.ok()) << stories.status().ToString();
    if (!articles.ok() || !stories.ok()) return w;
    w.articles = std::move(*articles);
    w.stories = std::move(*stories);
    if (gated) {
      StoryStage* stage = w.stories.get();
      w.gate = std::make_unique<BatchGate>(
          BatchGate::ForBackend(*w.db, [stage] { return stage->Reload(); }));
    }
    return w;
  }

  IngestReport Run(Worker& w, const std::string& name, const std::string& jsonl) {
    IngestOptions options;
    IngestJob job(config_, *analyzer_, *w.db, *w.articles, *w.stories, options, nullptr, nullptr,
                  w.gate.get());
    auto report = job.RunJsonl(name, jsonl);
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    return report.ok() ? *report : IngestReport{};
  }

  // article id -> story id, for every stored article.
  static std::map<std::string, std::string> Partition(store::Database& db) {
    std::map<std::string, std::string> out;
    auto st = store::Statement::Prepare(&db, "SELECT article_id, story_id FROM article_story");
    EXPECT_TRUE(st.ok());
    if (!st.ok()) return out;
    while (true) {
      auto row = st->Step();
      EXPECT_TRUE(row.ok());
      if (!row.ok() || !*row) break;
      out[std::string(st->ColumnText(0))] = std::string(st->ColumnText(1));
    }
    return out;
  }

  EngineConfig config_;
  std::unique_ptr<Analyzer> analyzer_;
  std::vector<std::string> lines_;
};

TEST_F(GatedIngestTest, TwoWorkersStoreWhatOneSequentialWriterStores) {
  Worker one = OpenWorker("one.db", /*gated=*/false);
  ASSERT_TRUE(one.db);
  const std::string parts[3] = {Part(0, 2), Part(1, 2), NearCopies(Part(1, 2))};
  for (size_t p = 0; p < 3; ++p) Run(one, "part" + std::to_string(p), parts[p]);

  // Both workers open (and load the empty story state) before either writes; each then
  // ingests its parts in turn, so each batch of `a` after the first of `b` starts stale.
  Worker a = OpenWorker("two.db", /*gated=*/true);
  Worker b = OpenWorker("two.db", /*gated=*/true);
  ASSERT_TRUE(a.db && b.db);
  // b's part 1 is new to a: without a reload a's part 2 (near-copies of part 1) would open
  // stories of its own instead of joining part 1's.
  IngestReport r0 = Run(a, "part0", parts[0]);
  IngestReport r1 = Run(b, "part1", parts[1]);
  IngestReport r2 = Run(a, "part2", parts[2]);
  EXPECT_GT(r0.inserted, 0);
  EXPECT_GT(r1.inserted, 0);
  EXPECT_GT(r2.inserted, 0);
  EXPECT_EQ(a.gate->reloads(), 2);  // its first batch, and its first after b's
  EXPECT_EQ(b.gate->reloads(), 1);

  // The same records ingested again by either worker are recognised.
  IngestReport again = Run(b, "part0", parts[0]);
  EXPECT_EQ(again.inserted, 0);
  EXPECT_EQ(again.already_stored, r0.inserted + r0.already_stored);

  const auto sequential = Partition(*one.db);
  const auto gated = Partition(*a.db);
  ASSERT_FALSE(sequential.empty());
  EXPECT_EQ(gated, sequential);
  // The test means something only if copies joined their originals.
  std::map<std::string, int> sizes;
  for (const auto& [article, story] : sequential) ++sizes[story];
  EXPECT_LT(sizes.size(), sequential.size());
}

// A batch that fails (here: its lock statement, on the second batch) stops the run with an
// error that says what was committed before it and where the uncommitted batch starts; what
// was committed stays, and running the same input again completes it.
TEST_F(GatedIngestTest, AFailedBatchNamesWhatWasCommitted) {
  Worker w = OpenWorker("fail.db", /*gated=*/false);
  ASSERT_TRUE(w.db);
  // Stands for a lock that fails: each batch inserts the same row, so the second one fails
  // with the unique constraint after the first committed.
  ASSERT_TRUE(w.db->Exec("CREATE TABLE gate_probe (x INTEGER PRIMARY KEY)").ok());
  StoryStage* stage = w.stories.get();
  w.gate = std::make_unique<BatchGate>(
      *w.db, [stage] { return stage->Reload(); }, "INSERT INTO gate_probe (x) VALUES (1)");
  const std::string part = Part(0, 2);
  IngestOptions options;
  {
    IngestJob job(config_, *analyzer_, *w.db, *w.articles, *w.stories, options, nullptr, nullptr,
                  w.gate.get());
    auto report = job.RunJsonl("part", part);
    ASSERT_FALSE(report.ok());
    EXPECT_NE(report.status().message().find(
                  "committed before it: 7 records (7 new articles) in 1 batches, through part:7; "
                  "not committed: the batch of 7 records from part:8 on"),
              std::string::npos)
        << report.status().message();
  }
  EXPECT_EQ(Partition(*w.db).size(), 7u);
  ASSERT_TRUE(w.db->Exec("DROP TABLE gate_probe").ok());
  w.gate = std::make_unique<BatchGate>(
      BatchGate::ForBackend(*w.db, [stage] { return stage->Reload(); }));
  IngestReport again = Run(w, "part", part);
  EXPECT_EQ(again.already_stored, 7);
  EXPECT_EQ(Partition(*w.db).size(), static_cast<size_t>(7 + again.inserted));
}

// PostgreSQL restarted, or the worker's session ended, in the middle of a batch: the batch is
// rolled back by the server and written again on a new connection, and the run ends with the
// stories of a run that was never interrupted (no article lost or stored twice).
TEST_F(GatedIngestTest, ABatchWhoseConnectionIsLostIsWrittenAgain) {
  if (!store::testing_util::TestsOnPostgres()) {
    GTEST_SKIP() << "a session ended by the server is PostgreSQL's";
  }
  Worker plain = OpenWorker("plain.db", /*gated=*/true);
  Worker w = OpenWorker("lost.db", /*gated=*/true);
  ASSERT_TRUE(plain.db && w.db);
  // The tenth article insert ends its own session (a sequence: not undone by the rollback).
  ASSERT_TRUE(w.db->Exec("CREATE SEQUENCE end_once").ok());
  ASSERT_TRUE(w.db->Exec("CREATE FUNCTION end_once() RETURNS trigger LANGUAGE plpgsql AS "
                         "'BEGIN IF nextval(''end_once'') = 10 THEN "
                         "PERFORM pg_terminate_backend(pg_backend_pid()); END IF; "
                         "RETURN NEW; END'")
                  .ok());
  ASSERT_TRUE(w.db->Exec("CREATE TRIGGER end_once BEFORE INSERT ON articles FOR EACH ROW "
                         "EXECUTE FUNCTION end_once()")
                  .ok());
  const std::string part = Part(0, 2);
  IngestReport expected = Run(plain, "part", part);
  IngestReport report = Run(w, "part", part);
  EXPECT_EQ(report.inserted, expected.inserted);
  EXPECT_EQ(report.already_stored, 0);
  int again = 0;
  for (const IngestIssue& issue : report.issues) {
    if (issue.message.find("written again") != std::string::npos) {
      ++again;
      EXPECT_EQ(issue.line, 8) << issue.message;  // the second batch
      EXPECT_EQ(issue.severity, "warning");
    }
  }
  EXPECT_EQ(again, 1);
  const auto partition = Partition(*w.db);
  EXPECT_EQ(partition.size(), static_cast<size_t>(expected.inserted));
  EXPECT_EQ(partition, Partition(*plain.db));
}

}  // namespace
}  // namespace depeche::engine
