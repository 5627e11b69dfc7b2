// Connection: the internal interface a Database delegates to, one implementation per backend
// (sqlite_connection.h, pg_connection.h). Store code never sees it: it speaks to Database and
// Statement, which forward here.
#ifndef DEPECHE_STORE_CONNECTION_H_
#define DEPECHE_STORE_CONNECTION_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "depeche/status.h"
#include "store/database.h"

namespace depeche::store {

// One prepared statement of a Connection. Same contract as Statement (statement.h):
// parameters are 1-based, a failed bind is reported by the next Step(), columns are 0-based and
// valid until the next Step() or Reset(). Not thread-safe.
class StatementImpl {
 public:
  virtual ~StatementImpl() = default;
  virtual void BindText(int index, std::string_view value) = 0;
  virtual void BindBlob(int index, const void* data, size_t size) = 0;
  virtual void BindInt64(int index, int64_t value) = 0;
  virtual void BindDouble(int index, double value) = 0;
  virtual void BindNull(int index) = 0;
  virtual Result<bool> Step() = 0;
  virtual void Reset() = 0;
  virtual std::string_view ColumnText(int index) = 0;
  virtual std::string_view ColumnBlob(int index) = 0;
  virtual int64_t ColumnInt64(int index) = 0;
  virtual double ColumnDouble(int index) = 0;
  virtual bool ColumnIsNull(int index) = 0;
};

// One open database connection. Not thread-safe. A statement may outlive the Database that
// prepared it (it keeps what it needs alive), as with sqlite3_close_v2.
class Connection {
 public:
  virtual ~Connection() = default;
  virtual Backend backend() const = 0;
  // Runs one or more statements, in the backend's own dialect, that return no rows.
  virtual Status Exec(std::string_view sql) = 0;
  // Prepares one statement written in the SQLite dialect (the PostgreSQL connection rewrites
  // it, pg_dialect.h).
  virtual Result<std::unique_ptr<StatementImpl>> Prepare(std::string_view sql) = 0;
  virtual Status Begin() = 0;
  virtual Status Commit() = 0;
  virtual Status Rollback() = 0;
  virtual bool InTransaction() = 0;
  virtual int64_t LastInsertRowid() = 0;
  virtual Result<int64_t> DataVersion() = 0;
  // Database::SetDeferWrites; a no-op on SQLite (no round trips to save).
  virtual void SetDeferWrites(bool on) = 0;
  // The languages query words are stemmed in (SQLite's FTS5 tokenizer); a no-op elsewhere.
  virtual void SetFtsQueryLanguages(std::vector<std::string> langs) = 0;
};

}  // namespace depeche::store

#endif  // DEPECHE_STORE_CONNECTION_H_
