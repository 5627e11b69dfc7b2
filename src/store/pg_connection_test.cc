// The PostgreSQL backend against a throwaway server: runs when DEPECHE_TEST_PG_URL_FILE names a
// file holding a base URI (postgresql://USER@127.0.0.1:PORT/, scripts/pg-test-cluster.sh).
#include "store/pg_connection.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "store/database.h"
#include "store/statement.h"

namespace depeche::store {
namespace {

std::string BaseUri() {
  const char* file = std::getenv("DEPECHE_TEST_PG_URL_FILE");
  if (file == nullptr || *file == '\0') return {};
  std::ifstream in(file);
  std::string uri;
  std::getline(in, uri);
  return uri;
}

// A database name no other test or process uses; dropped when the fixture goes away.
class PgConnectionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string base = BaseUri();
    if (base.empty()) {
      GTEST_SKIP() << "DEPECHE_TEST_PG_URL_FILE is not set: no PostgreSQL server to test against";
    }
    static std::atomic<int> counter{0};
    uri_ = base + "depeche_t_pgconn_" + std::to_string(getpid()) + "_" + std::to_string(counter++);
  }
  void TearDown() override {
    if (!uri_.empty()) {
      Status dropped = DropPostgresDatabase(uri_);
      EXPECT_TRUE(dropped.ok()) << dropped.message();
    }
  }
  std::unique_ptr<Database> OpenOrDie(OpenMode mode = OpenMode::kReadWrite) {
    auto db = Database::Open(uri_, mode);
    EXPECT_TRUE(db.ok()) << db.status().message();
    return db.ok() ? std::move(db).value() : nullptr;
  }
  std::string uri_;
};

TEST(PgErrorTest, MapsSqlstates) {
  EXPECT_EQ(PgError("23505", "dup", "x").code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(PgError("23514", "check", "x").code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(PgError("22P02", "bad int", "x").code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(PgError("08006", "gone", "x").code(), StatusCode::kUnavailable);
  EXPECT_EQ(PgError("57P01", "shutdown", "x").code(), StatusCode::kUnavailable);
  EXPECT_EQ(PgError("40001", "serialize", "x").code(), StatusCode::kUnavailable);
  EXPECT_EQ(PgError("40P01", "deadlock", "x").code(), StatusCode::kUnavailable);
  EXPECT_EQ(PgError("53100", "disk full", "x").code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(PgError("42601", "syntax", "x").code(), StatusCode::kInternal);
  Status status = PgError("42P01", "ERROR:  relation \"t\" does not exist\n", "reading");
  EXPECT_EQ(status.message(), "reading: PostgreSQL error 42P01: relation \"t\" does not exist");
}

TEST(PgLocationTest, RecognisesUris) {
  EXPECT_TRUE(IsPostgresLocation("postgresql://u@h:5432/db"));
  EXPECT_TRUE(IsPostgresLocation("postgres://h/db"));
  EXPECT_FALSE(IsPostgresLocation("/tmp/postgresql://x"));
  EXPECT_FALSE(IsPostgresLocation("depeche.db"));
}

TEST_F(PgConnectionTest, CreatesMigratesAndReopens) {
  auto db = OpenOrDie();
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(db->backend(), Backend::kPostgres);
  EXPECT_EQ(db->sqlite_handle(), nullptr);
  EXPECT_EQ(db->schema_version(), kSchemaVersion);
  auto count = Statement::Prepare(db.get(), "SELECT count(*), max(version) FROM schema_version");
  ASSERT_TRUE(count.ok()) << count.status().message();
  ASSERT_TRUE(*count->Step());
  EXPECT_EQ(count->ColumnInt64(0), kSchemaVersion);
  EXPECT_EQ(count->ColumnInt64(1), kSchemaVersion);
  count->Reset();
  db.reset();
  // Reopening finds it migrated; read-only works on it too.
  db = OpenOrDie();
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(db->schema_version(), kSchemaVersion);
  auto reader = OpenOrDie(OpenMode::kReadOnly);
  ASSERT_NE(reader, nullptr);
  EXPECT_TRUE(reader->read_only());
  // The statement prepared on the first connection outlives it.
  ASSERT_TRUE(*count->Step());
  EXPECT_EQ(count->ColumnInt64(0), kSchemaVersion);
}

TEST_F(PgConnectionTest, ConcurrentOpensCreateAndMigrateOnce) {
  // Each thread races to create the database and to migrate it: CREATE DATABASE tolerates the
  // other's, and the advisory lock makes the second migrator find the first one's work.
  constexpr int kThreads = 4;
  std::vector<Status> results(kThreads);
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      auto db = Database::Open(uri_);
      results[i] = db.ok() ? Status::Ok() : db.status();
    });
  }
  for (auto& thread : threads) thread.join();
  for (const Status& result : results) EXPECT_TRUE(result.ok()) << result.message();
  auto db = OpenOrDie();
  ASSERT_NE(db, nullptr);
  auto count = Statement::Prepare(db.get(), "SELECT count(*) FROM schema_version");
  ASSERT_TRUE(count.ok());
  ASSERT_TRUE(*count->Step());
  EXPECT_EQ(count->ColumnInt64(0), kSchemaVersion);
}

TEST_F(PgConnectionTest, ReaderTransactionsSeeOneSnapshot) {
  auto writer = OpenOrDie();
  auto reader = OpenOrDie(OpenMode::kReadOnly);
  ASSERT_NE(writer, nullptr);
  ASSERT_NE(reader, nullptr);
  auto count = Statement::Prepare(reader.get(), "SELECT count(*) FROM articles");
  ASSERT_TRUE(count.ok());
  auto read = [&] {
    ResetOnExit reset(*count);
    auto row = count->Step();
    return row.ok() && *row ? count->ColumnInt64(0) : -1;
  };
  ASSERT_TRUE(reader->Exec("BEGIN").ok());
  EXPECT_EQ(read(), 0);
  ASSERT_TRUE(writer->Exec("INSERT INTO articles(id, ingested_at) VALUES ('x', 0)").ok());
  EXPECT_EQ(read(), 0);  // the snapshot of the reader's transaction
  ASSERT_TRUE(reader->Exec("COMMIT").ok());
  EXPECT_EQ(read(), 1);
}

TEST_F(PgConnectionTest, ReadOnlyNeverCreatesAndRefusesWrites) {
  auto missing = Database::Open(uri_, OpenMode::kReadOnly);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound) << missing.status().message();
  ASSERT_NE(OpenOrDie(), nullptr);
  auto reader = OpenOrDie(OpenMode::kReadOnly);
  ASSERT_NE(reader, nullptr);
  Status write = reader->Exec("INSERT INTO articles(id, ingested_at) VALUES ('a', 0)");
  EXPECT_EQ(write.code(), StatusCode::kUnavailable) << write.message();
  EXPECT_NE(write.message().find("25006"), std::string::npos) << write.message();
}

TEST_F(PgConnectionTest, RefusesADatabaseThatIsNotDepeche) {
  {
    auto db = OpenOrDie();
    ASSERT_NE(db, nullptr);
    ASSERT_TRUE(db->Exec("DROP TABLE schema_version").ok());
  }
  auto again = Database::Open(uri_);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), StatusCode::kFailedPrecondition) << again.status().message();
}

TEST_F(PgConnectionTest, EveryColumnTypeRoundTrips) {
  auto db = OpenOrDie();
  ASSERT_NE(db, nullptr);
  ASSERT_TRUE(db->Exec("CREATE TABLE t (i BIGINT, r DOUBLE PRECISION, s TEXT, b BYTEA)").ok());
  auto insert = Statement::Prepare(db.get(), "INSERT INTO t(i, r, s, b) VALUES (?1, ?2, ?3, ?4)");
  ASSERT_TRUE(insert.ok()) << insert.status().message();
  const std::string blob("\x00\x01\xff\x7f\x80 x", 7);
  insert->BindInt64(1, -9223372036854775807LL - 1);
  insert->BindDouble(2, 0.1);
  insert->BindText(3, "déjà vu 'quoted' \\ ?");
  insert->BindBlob(4, blob.data(), blob.size());
  ASSERT_TRUE(insert->Run().ok());
  insert->Reset();
  // Unbound parameters are NULL; an empty blob is not.
  insert->BindBlob(4, "", 0);
  ASSERT_TRUE(insert->Run().ok());
  insert->Reset();

  auto select =
      Statement::Prepare(db.get(), "SELECT i, r, s, b, i IS NULL FROM t ORDER BY i IS NULL, i");
  ASSERT_TRUE(select.ok()) << select.status().message();
  ASSERT_TRUE(*select->Step());
  EXPECT_EQ(select->ColumnInt64(0), -9223372036854775807LL - 1);
  EXPECT_EQ(select->ColumnDouble(1), 0.1);
  EXPECT_EQ(select->ColumnText(2), "déjà vu 'quoted' \\ ?");
  EXPECT_EQ(select->ColumnBlob(3), blob);
  EXPECT_EQ(select->ColumnInt64(4), 0);  // a boolean reads as 0 / 1
  EXPECT_FALSE(select->ColumnIsNull(3));
  ASSERT_TRUE(*select->Step());
  EXPECT_TRUE(select->ColumnIsNull(0));
  EXPECT_EQ(select->ColumnInt64(0), 0);
  EXPECT_EQ(select->ColumnDouble(1), 0);
  EXPECT_EQ(select->ColumnText(2), "");
  EXPECT_FALSE(select->ColumnIsNull(3));
  EXPECT_EQ(select->ColumnBlob(3), "");
  EXPECT_EQ(select->ColumnInt64(4), 1);
  EXPECT_FALSE(*select->Step());
  // Past the end, the next Step() runs it again (SQLite's auto-reset).
  ASSERT_TRUE(*select->Step());
  select->Reset();

  // Reals and numerics read as integers by truncation, as SQLite does.
  auto agg = Statement::Prepare(db.get(), "SELECT 7.9::numeric, 2.75::float8, ?1::bigint + 0");
  ASSERT_TRUE(agg.ok()) << agg.status().message();
  agg->BindInt64(1, 3);
  ASSERT_TRUE(*agg->Step());
  EXPECT_EQ(agg->ColumnInt64(0), 7);
  EXPECT_EQ(agg->ColumnInt64(1), 2);
  EXPECT_EQ(agg->ColumnDouble(1), 2.75);
  EXPECT_EQ(agg->ColumnInt64(2), 3);
}

TEST_F(PgConnectionTest, BindErrorsAreReportedByStep) {
  auto db = OpenOrDie();
  ASSERT_NE(db, nullptr);
  auto stmt = Statement::Prepare(db.get(), "SELECT ?1::text");
  ASSERT_TRUE(stmt.ok()) << stmt.status().message();
  stmt->BindText(1, std::string_view("a\0b", 3));
  Result<bool> step = stmt->Step();
  ASSERT_FALSE(step.ok());
  EXPECT_EQ(step.status().code(), StatusCode::kInvalidArgument);
  stmt->Reset();
  stmt->BindInt64(2, 1);
  EXPECT_FALSE(stmt->Step().ok());
  stmt->Reset();
  stmt->BindText(1, "ok");
  ASSERT_TRUE(*stmt->Step());
  EXPECT_EQ(stmt->ColumnText(0), "ok");

  auto bad = Statement::Prepare(db.get(), "SELEC 1");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("42601"), std::string::npos) << bad.status().message();
}

TEST_F(PgConnectionTest, TransactionsAndUniqueViolations) {
  auto db = OpenOrDie();
  ASSERT_NE(db, nullptr);
  auto insert =
      Statement::Prepare(db.get(), "INSERT INTO articles(id, title, ingested_at) VALUES (?, ?, 0)");
  ASSERT_TRUE(insert.ok()) << insert.status().message();
  EXPECT_EQ(db->LastInsertRowid(), 0);  // no sequence drawn yet in this session

  ASSERT_TRUE(db->Begin().ok());
  EXPECT_TRUE(db->InTransaction());
  EXPECT_EQ(db->LastInsertRowid(), 0);  // asked inside a transaction: it must not abort it
  insert->BindText(1, "a");
  insert->BindText(2, "first");
  Status inserted = insert->Run();
  ASSERT_TRUE(inserted.ok()) << inserted.message();
  insert->Reset();
  const int64_t first = db->LastInsertRowid();
  EXPECT_GT(first, 0);
  ASSERT_TRUE(db->Commit().ok());
  EXPECT_FALSE(db->InTransaction());

  // A rolled-back insert leaves nothing.
  ASSERT_TRUE(db->Begin().ok());
  insert->BindText(1, "b");
  insert->BindText(2, "t");
  ASSERT_TRUE(insert->Run().ok());
  insert->Reset();
  EXPECT_GT(db->LastInsertRowid(), first);
  ASSERT_TRUE(db->Rollback().ok());
  EXPECT_FALSE(db->InTransaction());

  // A unique violation is AlreadyExists; inside a transaction it aborts it, and Commit says so.
  ASSERT_TRUE(db->Begin().ok());
  insert->BindText(1, "c");
  insert->BindText(2, "t");
  ASSERT_TRUE(insert->Run().ok());
  insert->Reset();
  insert->BindText(1, "a");
  insert->BindText(2, "again");
  Status dup = insert->Run();
  insert->Reset();
  EXPECT_EQ(dup.code(), StatusCode::kAlreadyExists) << dup.message();
  EXPECT_NE(dup.message().find("23505"), std::string::npos) << dup.message();
  Status commit = db->Commit();
  EXPECT_EQ(commit.code(), StatusCode::kAlreadyExists) << commit.message();
  EXPECT_FALSE(db->InTransaction());

  // INSERT OR IGNORE (ON CONFLICT DO NOTHING) goes on.
  ASSERT_TRUE(db->Begin().ok());
  ASSERT_TRUE(db->Exec("INSERT OR IGNORE INTO articles(id, ingested_at) VALUES ('a', 0)").ok());
  ASSERT_TRUE(db->Commit().ok());

  auto ids = Statement::Prepare(db.get(), "SELECT group_concat(id) FROM articles");
  ASSERT_TRUE(ids.ok()) << ids.status().message();
  ASSERT_TRUE(*ids->Step());
  EXPECT_EQ(ids->ColumnText(0), "a");

  // Exec("BEGIN") / Exec("COMMIT") move InTransaction too (engine.cc's read snapshot).
  ASSERT_TRUE(db->Exec("BEGIN").ok());
  EXPECT_TRUE(db->InTransaction());
  ASSERT_TRUE(db->Exec("COMMIT").ok());
  EXPECT_FALSE(db->InTransaction());
}

TEST_F(PgConnectionTest, DataVersionMovesOnAnotherConnectionsCommitOnly) {
  auto reader = OpenOrDie();
  auto writer = OpenOrDie();
  ASSERT_NE(reader, nullptr);
  ASSERT_NE(writer, nullptr);
  int counter = 0;
  // Whether `reader`'s DataVersion moved across `action`.
  auto moved = [&](Database* db, auto action) {
    auto before = reader->DataVersion();
    EXPECT_TRUE(before.ok()) << before.status().message();
    EXPECT_TRUE(db->Begin().ok());
    EXPECT_TRUE(db->Exec("INSERT INTO articles(id, ingested_at) VALUES ('w" +
                         std::to_string(counter++) + "', 0)")
                    .ok());
    EXPECT_TRUE(action(db).ok());
    auto after = reader->DataVersion();
    EXPECT_TRUE(after.ok()) << after.status().message();
    return before.ok() && after.ok() && *before != *after;
  };
  auto commit = [](Database* db) { return db->Commit(); };
  auto rollback = [](Database* db) { return db->Rollback(); };
  EXPECT_TRUE(moved(writer.get(), commit));
  // Other tests may write to the same server meanwhile (any database moves it): one quiet try
  // out of a few is enough to show that this session's own transactions do not count.
  bool own_commit_quiet = false;
  bool own_rollback_quiet = false;
  for (int i = 0; i < 5 && !(own_commit_quiet && own_rollback_quiet); ++i) {
    own_commit_quiet = own_commit_quiet || !moved(reader.get(), commit);
    own_rollback_quiet = own_rollback_quiet || !moved(reader.get(), rollback);
  }
  EXPECT_TRUE(own_commit_quiet);
  EXPECT_TRUE(own_rollback_quiet);
  EXPECT_TRUE(moved(writer.get(), commit));
}

TEST_F(PgConnectionTest, DropRemovesTheDatabase) {
  ASSERT_NE(OpenOrDie(), nullptr);
  auto open_reader = OpenOrDie(OpenMode::kReadOnly);  // WITH (FORCE) disconnects it
  ASSERT_TRUE(DropPostgresDatabase(uri_).ok());
  auto gone = Database::Open(uri_, OpenMode::kReadOnly);
  EXPECT_EQ(gone.status().code(), StatusCode::kNotFound) << gone.status().message();
  EXPECT_EQ(DropPostgresDatabase(BaseUri() + "postgres").code(), StatusCode::kInvalidArgument);
}

TEST(PgOpenTest, UnreachableServerIsUnavailable) {
  // Port 1 on loopback: nothing listens there.
  auto db = Database::Open("postgresql://nobody@127.0.0.1:1/depeche_nowhere");
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), StatusCode::kUnavailable) << db.status().message();
  auto unnamed = Database::Open("postgresql://nobody@127.0.0.1:1");
  EXPECT_EQ(unnamed.status().code(), StatusCode::kInvalidArgument);
}

// Notices (RAISE NOTICE here; "word is too long to be indexed" from to_tsvector) never reach
// stderr: library code never prints.
TEST_F(PgConnectionTest, NoticesAreNotPrinted) {
  auto db = OpenOrDie();
  ASSERT_NE(db, nullptr);
  ::testing::internal::CaptureStderr();
  Status raised = db->Exec("DO $$ BEGIN RAISE NOTICE 'depeche test notice'; END $$");
  Status long_word = db->Exec("SELECT to_tsvector('simple', repeat('x', 3000))");
  std::string printed = ::testing::internal::GetCapturedStderr();
  EXPECT_TRUE(raised.ok()) << raised.message();
  EXPECT_TRUE(long_word.ok()) << long_word.message();
  EXPECT_EQ(printed, "");
}

int64_t CountArticles(Database* db) {
  auto count = Statement::Prepare(db, "SELECT count(*) FROM articles");
  if (!count.ok()) return -1;
  Result<bool> row = count->Step();
  return row.ok() && *row ? count->ColumnInt64(0) : -1;
}

// The server ends the session in the middle of a transaction (as a restart would): that
// transaction's calls are Unavailable and it is lost; the next Begin connects again and the
// statements prepared before work again (prepared anew on the new session).
TEST_F(PgConnectionTest, ReconnectsAfterTheSessionIsLost) {
  auto db = OpenOrDie();
  auto killer = OpenOrDie();
  ASSERT_NE(db, nullptr);
  ASSERT_NE(killer, nullptr);
  auto insert =
      Statement::Prepare(db.get(), "INSERT INTO articles(id, title, ingested_at) VALUES (?, ?, 0)");
  ASSERT_TRUE(insert.ok()) << insert.status().message();
  auto pid = Statement::Prepare(db.get(), "SELECT pg_backend_pid()");
  ASSERT_TRUE(pid.ok());
  Result<bool> row = pid->Step();
  ASSERT_TRUE(row.ok() && *row);
  const int64_t backend = pid->ColumnInt64(0);
  pid->Reset();

  ASSERT_TRUE(db->Begin().ok());
  insert->BindText(1, "lost");
  insert->BindText(2, "t");
  ASSERT_TRUE(insert->Run().ok());
  insert->Reset();
  ASSERT_TRUE(killer->Exec("SELECT pg_terminate_backend(" + std::to_string(backend) + ")").ok());
  insert->BindText(1, "lost2");
  insert->BindText(2, "t");
  Status after = insert->Run();
  insert->Reset();
  EXPECT_EQ(after.code(), StatusCode::kUnavailable) << after.message();
  Status commit = db->Commit();
  EXPECT_EQ(commit.code(), StatusCode::kUnavailable) << commit.message();
  EXPECT_FALSE(db->InTransaction());

  Status begin = db->Begin();
  ASSERT_TRUE(begin.ok()) << begin.message();
  insert->BindText(1, "kept");
  insert->BindText(2, "t");
  Status again = insert->Run();
  insert->Reset();
  EXPECT_TRUE(again.ok()) << again.message();
  ASSERT_TRUE(db->Commit().ok());
  EXPECT_EQ(CountArticles(killer.get()), 1);  // only the batch committed after the loss
  row = pid->Step();
  ASSERT_TRUE(row.ok() && *row) << row.status().message();
  EXPECT_NE(pid->ColumnInt64(0), backend);  // a new session
}

}  // namespace
}  // namespace depeche::store

namespace depeche::store {
namespace {

// SetDeferWrites: a batch's writes travel together; reads see them, errors still surface
// (from the next read and from Commit), ROLLBACK drops them, and a long batch is sent in parts.
TEST_F(PgConnectionTest, DeferredWritesAreReadBackAndFailTheTransaction) {
  auto db = OpenOrDie();
  ASSERT_NE(db, nullptr);
  db->SetDeferWrites(true);
  auto insert =
      Statement::Prepare(db.get(), "INSERT INTO articles(id, title, ingested_at) VALUES (?, ?, 0)");
  auto count = Statement::Prepare(db.get(), "SELECT count(*) FROM articles WHERE title = ?1");
  ASSERT_TRUE(insert.ok() && count.ok());
  auto insert_one = [&](const std::string& id, const std::string& title) {
    insert->BindText(1, id);
    insert->BindText(2, title);
    Status status = insert->Run();
    insert->Reset();
    return status;
  };
  auto titled = [&](const std::string& title) -> Result<int64_t> {
    count->BindText(1, title);
    Result<bool> row = count->Step();
    const int64_t n = row.ok() && *row ? count->ColumnInt64(0) : -1;
    count->Reset();
    if (!row.ok()) return row.status();
    return n;
  };

  // Read back inside the transaction; 2,500 rows: more than one message (kMaxDeferred).
  ASSERT_TRUE(db->Begin().ok());
  for (int i = 0; i < 2500; ++i) {
    // Quotes and backslashes travel as literals: they must come back as written.
    std::string id = "d";  // (not "d" + ...: GCC 12 warns falsely, -Wrestrict)
    id += std::to_string(i);
    ASSERT_TRUE(insert_one(id, "it's a \\x41 'batch'").ok());
  }
  Result<int64_t> seen = titled("it's a \\x41 'batch'");
  ASSERT_TRUE(seen.ok()) << seen.status().message();
  EXPECT_EQ(*seen, 2500);
  ASSERT_TRUE(db->Commit().ok());

  // Dropped by a rollback: never sent.
  ASSERT_TRUE(db->Begin().ok());
  ASSERT_TRUE(insert_one("r1", "rolled back").ok());
  ASSERT_TRUE(db->Rollback().ok());
  EXPECT_EQ(*titled("rolled back"), 0);

  // A failing write (unique violation) is queued without error; the next read reports it, and
  // Commit rolls the transaction back with it.
  ASSERT_TRUE(db->Begin().ok());
  ASSERT_TRUE(insert_one("n1", "not kept").ok());
  EXPECT_TRUE(insert_one("d0", "duplicate").ok());
  Result<int64_t> after = titled("not kept");
  EXPECT_EQ(after.status().code(), StatusCode::kAlreadyExists) << after.status().message();
  Status commit = db->Commit();
  EXPECT_EQ(commit.code(), StatusCode::kAlreadyExists) << commit.message();
  EXPECT_NE(commit.message().find("23505"), std::string::npos) << commit.message();
  EXPECT_FALSE(db->InTransaction());
  EXPECT_EQ(*titled("not kept"), 0);

  // With nothing read in between, Commit alone reports it.
  ASSERT_TRUE(db->Begin().ok());
  ASSERT_TRUE(insert_one("n2", "not kept").ok());
  EXPECT_TRUE(insert_one("d1", "duplicate").ok());
  EXPECT_EQ(db->Commit().code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(*titled("not kept"), 0);

  // Outside a transaction a write runs at once, and so does its error.
  EXPECT_EQ(insert_one("d2", "duplicate").code(), StatusCode::kAlreadyExists);
  // Off again: writes run at once inside a transaction too.
  db->SetDeferWrites(false);
  ASSERT_TRUE(db->Begin().ok());
  EXPECT_EQ(insert_one("d3", "duplicate").code(), StatusCode::kAlreadyExists);
  (void)db->Rollback();
}

}  // namespace
}  // namespace depeche::store
