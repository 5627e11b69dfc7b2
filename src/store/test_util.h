// Helpers for the tests that create databases: unique database locations, on SQLite (a file
// under testing::TempDir()) or, when the suite runs on PostgreSQL, a database of the test
// cluster (cmake/PostgresTests.cmake, scripts/pg-test-cluster.sh).
//
// DEPECHE_TEST_PG_URL_FILE names a file holding the cluster's base URI
// (`postgresql://postgres@127.0.0.1:PORT/`); when it is set, every location these helpers give
// is `<base>depeche_t_<pid>_<counter>` (created by Database::Open, dropped with
// DropPostgresDatabase when the helper goes away). Tests of what only SQLite has (files, WAL,
// folders, raw sqlite3 handles) call DEPECHE_SKIP_ON_POSTGRES(reason) first.
// Not thread-safe: call from the test's thread.
#ifndef DEPECHE_STORE_TEST_UTIL_H_
#define DEPECHE_STORE_TEST_UTIL_H_

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "depeche/status.h"
#include "store/database.h"

namespace depeche::store::testing_util {

// The base URI of the test cluster, "" when the tests run on SQLite. An unreadable or empty
// URL file fails the running test (the cluster fixture did not start).
inline std::string TestPostgresBase() {
  const char* file = std::getenv("DEPECHE_TEST_PG_URL_FILE");
  if (file == nullptr || *file == '\0') return "";
  std::ifstream in(file);
  std::string base;
  std::getline(in, base);
  while (!base.empty() && (base.back() == '\n' || base.back() == '\r' || base.back() == ' ')) {
    base.pop_back();
  }
  if (base.empty()) {
    ADD_FAILURE() << "DEPECHE_TEST_PG_URL_FILE=" << file
                  << ": no URL (did the pg_cluster_start fixture run?)";
    return "postgresql://no-test-cluster.invalid/";
  }
  if (base.back() != '/') base += '/';
  return base;
}

inline bool TestsOnPostgres() {
  const char* file = std::getenv("DEPECHE_TEST_PG_URL_FILE");
  return file != nullptr && *file != '\0';
}

// A database name no other test process uses: lower case, a valid PostgreSQL identifier.
inline std::string NewTestPostgresUri() {
  static int counter = 0;
  return TestPostgresBase() + "depeche_t_" + std::to_string(getpid()) + "_" +
         std::to_string(counter++);
}

// Drops the PostgreSQL database at `uri` (nothing when it does not exist).
inline void DropTestDatabase(const std::string& uri) {
  Status status = DropPostgresDatabase(uri);
  EXPECT_TRUE(status.ok()) << uri << ": " << status.ToString();
}

// A fresh database location (nothing exists there) named after the running test: a file path
// on SQLite, removed with its WAL files when the object goes away; on PostgreSQL a URI whose
// database is dropped then.
class TempDbPath {
 public:
  TempDbPath() {
    if (TestsOnPostgres()) {
      path_ = NewTestPostgresUri();
      on_postgres_ = true;
    } else {
      static int counter = 0;
      const ::testing::TestInfo* info = ::testing::UnitTest::GetInstance()->current_test_info();
      std::string dir = ::testing::TempDir();
      if (!dir.empty() && dir.back() != '/') dir += '/';
      path_ = dir + "depeche_store_" + std::string(info->test_suite_name()) + "_" + info->name() +
              "_" + std::to_string(getpid()) + "_" + std::to_string(counter++) + ".db";
    }
    Remove();
  }
  ~TempDbPath() { Remove(); }
  TempDbPath(const TempDbPath&) = delete;
  TempDbPath& operator=(const TempDbPath&) = delete;

  // The location to give Database::Open (or Engine's db_path, or the CLI's --db).
  const std::string& path() const { return path_; }
  bool on_postgres() const { return on_postgres_; }

 private:
  void Remove() {
    if (on_postgres_) {
      DropTestDatabase(path_);
      return;
    }
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
      std::remove((path_ + suffix).c_str());
    }
  }
  std::string path_;
  bool on_postgres_ = false;
};

// The database location for a test that names its database file itself (the integration
// tests: `FreshDir(...) / "d.db"`): `sqlite_path` on SQLite; on PostgreSQL a fresh URI, the same
// one for the same path within the process, dropped when the process exits.
class TestDbLocations {
 public:
  // Never destroyed: its databases are dropped when the test program ends (a gtest listener),
  // not by a static destructor, which would run after libpqxx's own statics are gone.
  static TestDbLocations& Get() {
    static TestDbLocations* locations = [] {
      auto* created = new TestDbLocations();
      ::testing::UnitTest::GetInstance()->listeners().Append(new Cleanup(created));
      return created;
    }();
    return *locations;
  }
  std::string For(const std::string& sqlite_path) {
    if (!TestsOnPostgres()) return sqlite_path;
    auto it = uris_.find(sqlite_path);
    if (it == uris_.end()) {
      it = uris_.emplace(sqlite_path, NewTestPostgresUri()).first;
      DropTestDatabase(it->second);  // a database left by a crashed run of the same pid
    }
    return it->second;
  }

 private:
  class Cleanup : public ::testing::EmptyTestEventListener {
   public:
    explicit Cleanup(TestDbLocations* locations) : locations_(locations) {}
    void OnTestProgramEnd(const ::testing::UnitTest& /*unit_test*/) override {
      if (std::getenv("DEPECHE_KEEP_TEST_DIRS") != nullptr) return;
      for (const auto& [path, uri] : locations_->uris_) (void)DropPostgresDatabase(uri).ok();
      locations_->uris_.clear();
    }

   private:
    TestDbLocations* locations_;
  };
  TestDbLocations() = default;
  std::map<std::string, std::string> uris_;
};

inline std::string TestDbLocation(const std::string& sqlite_path) {
  return TestDbLocations::Get().For(sqlite_path);
}

}  // namespace depeche::store::testing_util

// Skips the running test on PostgreSQL: for what only the SQLite backend has (files, WAL,
// folder permissions, corrupt files, raw sqlite3 handles, DROP COLUMN downgrades).
#define DEPECHE_SKIP_ON_POSTGRES(why)                                        \
  do {                                                                       \
    if (::depeche::store::testing_util::TestsOnPostgres()) {                 \
      GTEST_SKIP() << "SQLite only (the suite runs on PostgreSQL): " << why; \
    }                                                                        \
  } while (0)

#endif  // DEPECHE_STORE_TEST_UTIL_H_
