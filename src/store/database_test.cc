#include "store/database.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "store/migrations.h"
#include "store/statement.h"
#include "store/test_util.h"

namespace depeche::store {
namespace {

using testing_util::TempDbPath;

int64_t QueryInt(Database& db, const std::string& sql) {
  Result<Statement> stmt = Statement::Prepare(&db, sql);
  EXPECT_TRUE(stmt.ok()) << stmt.status().ToString();
  if (!stmt.ok()) return -1;
  Result<bool> row = stmt->Step();
  EXPECT_TRUE(row.ok() && *row) << sql;
  return row.ok() && *row ? stmt->ColumnInt64(0) : -1;
}

std::string QueryText(Database& db, const std::string& sql) {
  Result<Statement> stmt = Statement::Prepare(&db, sql);
  EXPECT_TRUE(stmt.ok()) << stmt.status().ToString();
  if (!stmt.ok()) return {};
  Result<bool> row = stmt->Step();
  EXPECT_TRUE(row.ok() && *row) << sql;
  return row.ok() && *row ? std::string(stmt->ColumnText(0)) : std::string();
}

TEST(MigrationsTest, NumberedWithoutGapsUpToSchemaVersion) {
  auto migrations = AllMigrations();
  ASSERT_FALSE(migrations.empty());
  for (size_t i = 0; i < migrations.size(); ++i) {
    EXPECT_EQ(migrations[i].version, static_cast<int>(i) + 1);
    EXPECT_FALSE(migrations[i].description.empty());
    EXPECT_FALSE(migrations[i].sql.empty());
  }
  EXPECT_EQ(migrations.back().version, kSchemaVersion);
}

TEST(DatabaseTest, MigratesFromScratch) {
  TempDbPath path;
  Result<std::unique_ptr<Database>> db = Database::Open(path.path());
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  Database& d = **db;
  EXPECT_EQ(d.schema_version(), kSchemaVersion);
  EXPECT_EQ(d.path(), path.path());
  EXPECT_EQ(QueryInt(d, "SELECT max(version) FROM schema_version"), kSchemaVersion);
  EXPECT_EQ(QueryInt(d, "SELECT count(*) FROM schema_version"),
            static_cast<int64_t>(AllMigrations().size()));
  if (d.backend() == Backend::kPostgres) {
    // PostgreSQL's catalogue; the full-text index is one tsvector table (no FTS5 shadow tables).
    for (const char* name : {"articles", "article_fts", "schema_version"}) {
      EXPECT_EQ(QueryInt(d, std::string("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON "
                                        "n.oid = c.relnamespace WHERE n.nspname = "
                                        "current_schema() AND c.relkind = 'r' AND c.relname = '") +
                                name + "'"),
                1)
          << name;
    }
    return;
  }
  for (const char* name : {"articles", "article_fts", "article_fts_src", "schema_version"}) {
    EXPECT_EQ(
        QueryInt(d, std::string("SELECT count(*) FROM sqlite_schema WHERE name = '") + name + "'"),
        1)
        << name;
  }
  EXPECT_EQ(QueryText(d, "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(QueryInt(d, "PRAGMA foreign_keys"), 1);
  EXPECT_EQ(QueryInt(d, "PRAGMA synchronous"), 1);  // NORMAL
  EXPECT_EQ(QueryInt(d, "SELECT v FROM article_fts_config WHERE k = 'automerge'"), 16);
}

TEST(DatabaseTest, ReopenDoesNotMigrateAgain) {
  TempDbPath path;
  {
    auto db = Database::Open(path.path());
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    ASSERT_TRUE(
        (*db)->Exec("CREATE TABLE scratch(x INTEGER); INSERT INTO scratch VALUES (42)").ok());
  }
  auto db = Database::Open(path.path());
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  EXPECT_EQ((*db)->schema_version(), kSchemaVersion);
  EXPECT_EQ(QueryInt(**db, "SELECT count(*) FROM schema_version"),
            static_cast<int64_t>(AllMigrations().size()));
  EXPECT_EQ(QueryInt(**db, "SELECT x FROM scratch"), 42);
}

TEST(DatabaseTest, NewerSchemaIsFailedPrecondition) {
  TempDbPath path;
  {
    auto db = Database::Open(path.path());
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    ASSERT_TRUE((*db)
                    ->Exec("INSERT INTO schema_version(version, description, applied_at) "
                           "VALUES (" +
                           std::to_string(kSchemaVersion + 1) + ", 'from the future', 0)")
                    .ok());
  }
  auto db = Database::Open(path.path());
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), StatusCode::kFailedPrecondition) << db.status().ToString();
  EXPECT_NE(db.status().message().find(std::to_string(kSchemaVersion + 1)), std::string::npos);
}

TEST(DatabaseTest, GarbageFileIsDataLoss) {
  DEPECHE_SKIP_ON_POSTGRES("a garbage database file");
  TempDbPath path;
  {
    std::ofstream out(path.path(), std::ios::binary);
    for (int i = 0; i < 512; ++i) out << "this is not a database, just some text. ";
  }
  auto db = Database::Open(path.path());
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), StatusCode::kDataLoss) << db.status().ToString();
  EXPECT_NE(db.status().message().find(path.path()), std::string::npos);
  EXPECT_NE(db.status().message().find("not a depeche database"), std::string::npos);
}

TEST(DatabaseTest, ForeignSqliteDatabaseIsFailedPrecondition) {
  DEPECHE_SKIP_ON_POSTGRES("a raw sqlite3 database");
  TempDbPath path;
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(path.path().c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw, "CREATE TABLE other(x)", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(raw);
  auto db = Database::Open(path.path());
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), StatusCode::kFailedPrecondition) << db.status().ToString();
}

TEST(DatabaseTest, UnopenablePathIsUnavailable) {
  auto db = Database::Open(::testing::TempDir() + "/no_such_dir_depeche/sub/x.db");
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), StatusCode::kUnavailable) << db.status().ToString();
}

TEST(DatabaseTest, InMemoryDatabaseWorks) {
  auto db = Database::Open(":memory:");
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  EXPECT_EQ((*db)->schema_version(), kSchemaVersion);
}

TEST(DatabaseTest, RollbackDiscardsAndCommitKeeps) {
  auto db = Database::Open(":memory:");
  ASSERT_TRUE(db.ok());
  Database& d = **db;
  ASSERT_TRUE(d.Exec("CREATE TABLE t(x)").ok());
  ASSERT_TRUE(d.Begin().ok());
  ASSERT_TRUE(d.Exec("INSERT INTO t VALUES (1)").ok());
  ASSERT_TRUE(d.Rollback().ok());
  EXPECT_EQ(QueryInt(d, "SELECT count(*) FROM t"), 0);
  ASSERT_TRUE(d.Begin().ok());
  ASSERT_TRUE(d.Exec("INSERT INTO t VALUES (1)").ok());
  ASSERT_TRUE(d.Commit().ok());
  EXPECT_EQ(QueryInt(d, "SELECT count(*) FROM t"), 1);
  EXPECT_TRUE(d.Rollback().ok());  // no transaction open: a no-op
}

TEST(DatabaseTest, ExecReportsSyntaxErrors) {
  auto db = Database::Open(":memory:");
  ASSERT_TRUE(db.ok());
  Status status = (*db)->Exec("SELEC nonsense");
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(status.code(), StatusCode::kInternal);
}

bool Exists(const std::string& path) { return std::filesystem::exists(path); }

// A depeche database at `path` with one row in table t, closed cleanly (no -wal, no -shm).
void MakeDatabase(const std::string& path) {
  auto db = Database::Open(path);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  ASSERT_TRUE((*db)->Exec("CREATE TABLE t(x); INSERT INTO t VALUES (42)").ok());
}

TEST(DatabaseReadOnlyTest, MissingFileIsNotFoundAndNothingIsCreated) {
  TempDbPath path;
  auto db = Database::Open(path.path(), OpenMode::kReadOnly);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), StatusCode::kNotFound);
  EXPECT_THAT(db.status().message(), ::testing::HasSubstr(path.path()));
  EXPECT_FALSE(Exists(path.path()));
}

TEST(DatabaseReadOnlyTest, EmptyOrForeignFileIsFailedPrecondition) {
  DEPECHE_SKIP_ON_POSTGRES("empty and foreign database files");
  TempDbPath path;
  std::ofstream(path.path()).close();
  auto db = Database::Open(path.path(), OpenMode::kReadOnly);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), StatusCode::kFailedPrecondition) << db.status().ToString();
  std::remove(path.path().c_str());
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(path.path().c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw, "CREATE TABLE other(x)", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(raw);
  db = Database::Open(path.path(), OpenMode::kReadOnly);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), StatusCode::kFailedPrecondition) << db.status().ToString();
}

// The reader neither writes nor leaves -wal/-shm files, even while it is open: files a
// reader without write access would leave behind, owned by it, block the owner's next ingest.
TEST(DatabaseReadOnlyTest, ReadsWithoutCreatingAnyFile) {
  DEPECHE_SKIP_ON_POSTGRES("the database file, its -wal and -shm");
  TempDbPath path;
  MakeDatabase(path.path());
  ASSERT_FALSE(Exists(path.path() + "-wal"));
  const auto size = std::filesystem::file_size(path.path());
  const auto mtime = std::filesystem::last_write_time(path.path());
  {
    auto db = Database::Open(path.path(), OpenMode::kReadOnly);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    EXPECT_TRUE((*db)->read_only());
    EXPECT_EQ((*db)->schema_version(), kSchemaVersion);
    EXPECT_EQ(QueryInt(**db, "SELECT x FROM t"), 42);
    EXPECT_FALSE(Exists(path.path() + "-wal"));
    EXPECT_FALSE(Exists(path.path() + "-shm"));
    EXPECT_FALSE((*db)->Exec("INSERT INTO t VALUES (1)").ok());
  }
  EXPECT_FALSE(Exists(path.path() + "-wal"));
  EXPECT_FALSE(Exists(path.path() + "-shm"));
  EXPECT_EQ(std::filesystem::file_size(path.path()), size);
  EXPECT_EQ(std::filesystem::last_write_time(path.path()), mtime);
}

// While a writer has the database open (its -wal holds commits not yet in the main file), a
// reader sees them.
TEST(DatabaseReadOnlyTest, SeesCommitsStillInTheWriterWal) {
  DEPECHE_SKIP_ON_POSTGRES("the writer's WAL file");
  TempDbPath path;
  MakeDatabase(path.path());
  auto writer = Database::Open(path.path());
  ASSERT_TRUE(writer.ok());
  ASSERT_TRUE((*writer)->Exec("INSERT INTO t VALUES (7)").ok());
  ASSERT_TRUE(Exists(path.path() + "-wal"));
  auto reader = Database::Open(path.path(), OpenMode::kReadOnly);
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  EXPECT_EQ(QueryInt(**reader, "SELECT count(*) FROM t"), 2);
}

// In a folder nobody may write to. (root ignores permissions, so there the test only checks
// that nothing is created.)
TEST(DatabaseReadOnlyTest, WorksInAReadOnlyFolder) {
  DEPECHE_SKIP_ON_POSTGRES("a read-only folder");
  namespace fs = std::filesystem;
  fs::path dir = fs::path(::testing::TempDir()) / ("depeche_ro_" + std::to_string(getpid()));
  fs::create_directories(dir);
  const std::string path = (dir / "d.db").string();
  MakeDatabase(path);
  ::chmod(path.c_str(), 0444);
  ::chmod(dir.c_str(), 0555);
  {
    auto db = Database::Open(path, OpenMode::kReadOnly);
    EXPECT_TRUE(db.ok()) << db.status().ToString();
    if (db.ok()) {
      EXPECT_EQ(QueryInt(**db, "SELECT x FROM t"), 42);
    }
  }
  int entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++entries;
  EXPECT_EQ(entries, 1);
  ::chmod(dir.c_str(), 0755);
  fs::remove_all(dir);
}

TEST(DatabaseReadOnlyTest, PathWithUriCharactersWorks) {
  DEPECHE_SKIP_ON_POSTGRES("file paths with URI characters");
  namespace fs = std::filesystem;
  fs::path dir =
      fs::path(::testing::TempDir()) / ("depeche_uri_" + std::to_string(getpid()) + " a%20b?c#d");
  fs::create_directories(dir);
  const std::string path = (dir / "d b?.db").string();
  MakeDatabase(path);
  {
    auto db = Database::Open(path, OpenMode::kReadOnly);
    EXPECT_TRUE(db.ok()) << db.status().ToString();
    if (db.ok()) {
      EXPECT_EQ(QueryInt(**db, "SELECT x FROM t"), 42);
    }
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace depeche::store
