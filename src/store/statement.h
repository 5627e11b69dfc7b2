// Statement: a move-only owner of one prepared sqlite3_stmt, with bind/column helpers.
#ifndef DEPECHE_STORE_STATEMENT_H_
#define DEPECHE_STORE_STATEMENT_H_

#include <cstdint>
#include <string_view>

#include "depeche/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace depeche::store {

class Database;

// Not thread-safe (same rule as its connection). Text and blob binds do not copy: the bound
// bytes must stay alive until the next Reset().
class Statement {
 public:
  // Prepares `sql` (one statement) as a long-lived statement. Errors from SqliteError.
  static Result<Statement> Prepare(Database* db, std::string_view sql);

  Statement() = default;
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  bool valid() const { return stmt_ != nullptr; }
  sqlite3_stmt* get() { return stmt_; }

  // Parameters are 1-based. A failed bind is remembered and reported by the next Step().
  void BindText(int index, std::string_view value);
  void BindBlob(int index, const void* data, size_t size);
  void BindInt64(int index, int64_t value);
  void BindDouble(int index, double value);
  void BindNull(int index);

  // One step: true when a row is available, false when done. Errors from SqliteError (the
  // statement is reset first so the connection's error state is the step's).
  Result<bool> Step();
  // Steps until done (for statements that return no rows).
  Status Run();
  // Resets the statement and clears its bindings (releasing borrowed bytes).
  void Reset();

  // Columns are 0-based and valid until the next Step() or Reset().
  std::string_view ColumnText(int index);
  std::string_view ColumnBlob(int index);
  int64_t ColumnInt64(int index);
  double ColumnDouble(int index);
  bool ColumnIsNull(int index);

 private:
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  void NoteBind(int rc);
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  int bind_rc_ = 0;  // first failed bind since the last Reset()
};

// Resets a statement when leaving scope, so no statement stays mid-step (holding read locks).
class ResetOnExit {
 public:
  explicit ResetOnExit(Statement& stmt) : stmt_(stmt) {}
  ~ResetOnExit() { stmt_.Reset(); }
  ResetOnExit(const ResetOnExit&) = delete;
  ResetOnExit& operator=(const ResetOnExit&) = delete;

 private:
  Statement& stmt_;
};

}  // namespace depeche::store

#endif  // DEPECHE_STORE_STATEMENT_H_
