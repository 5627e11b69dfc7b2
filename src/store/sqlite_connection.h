// SqliteConnection: the SQLite backend of Database (WAL, the "depeche" FTS5 tokenizer) and its
// prepared statements.
#ifndef DEPECHE_STORE_SQLITE_CONNECTION_H_
#define DEPECHE_STORE_SQLITE_CONNECTION_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "depeche/status.h"
#include "store/connection.h"

struct sqlite3;

namespace depeche::store {

struct FtsTokenizerOptions;

// Owns one sqlite3 connection. Not thread-safe.
class SqliteConnection final : public Connection {
 public:
  // Opens or creates `path` and configures it (see Database::Open for the modes and errors).
  // `read_only` never creates or writes anything (OpenMode::kReadOnly).
  static Result<std::unique_ptr<SqliteConnection>> Open(const std::string& path, bool read_only);
  ~SqliteConnection() override;
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  sqlite3* handle() { return db_; }

  Backend backend() const override { return Backend::kSqlite; }
  Status Exec(std::string_view sql) override;
  Result<std::unique_ptr<StatementImpl>> Prepare(std::string_view sql) override;
  // BEGIN IMMEDIATE: the write lock is taken up front.
  Status Begin() override;
  Status Commit() override;
  Status Rollback() override;
  bool InTransaction() override;
  int64_t LastInsertRowid() override;
  // PRAGMA data_version.
  Result<int64_t> DataVersion() override;
  void SetDeferWrites(bool /*on*/) override {}
  void SetFtsQueryLanguages(std::vector<std::string> langs) override;

 private:
  SqliteConnection(sqlite3* db, std::string path, bool read_only)
      : db_(db), path_(std::move(path)), read_only_(read_only) {}
  Status Configure();

  sqlite3* db_;
  std::string path_;
  bool read_only_;
  FtsTokenizerOptions* fts_options_ = nullptr;  // owned by the connection
};

}  // namespace depeche::store

#endif  // DEPECHE_STORE_SQLITE_CONNECTION_H_
