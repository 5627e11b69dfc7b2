// Statement: a move-only owner of one prepared statement of a Database (SQLite or PostgreSQL),
// with bind/column helpers.
#ifndef DEPECHE_STORE_STATEMENT_H_
#define DEPECHE_STORE_STATEMENT_H_

#include <cstdint>
#include <memory>
#include <string_view>
#include <utility>

#include "depeche/status.h"
#include "store/connection.h"

namespace depeche::store {

class Database;

// Not thread-safe (same rule as its connection). Text and blob binds do not copy on SQLite: the
// bound bytes must stay alive until the next Reset(). Binds and columns need valid().
// SQL is written in the SQLite dialect; on PostgreSQL it is rewritten at prepare time
// (pg_dialect.h), parameters travel as text and columns are parsed from text.
class Statement {
 public:
  // Prepares `sql` (one statement) as a long-lived statement. Errors from SqliteError, or the
  // PostgreSQL mapping of pg_connection.h. The statement may outlive `db`.
  static Result<Statement> Prepare(Database* db, std::string_view sql);

  Statement() = default;
  Statement(Statement&& other) noexcept = default;
  Statement& operator=(Statement&& other) noexcept = default;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  bool valid() const { return impl_ != nullptr; }

  // Parameters are 1-based. A failed bind is remembered and reported by the next Step().
  void BindText(int index, std::string_view value) { impl_->BindText(index, value); }
  void BindBlob(int index, const void* data, size_t size) { impl_->BindBlob(index, data, size); }
  void BindInt64(int index, int64_t value) { impl_->BindInt64(index, value); }
  void BindDouble(int index, double value) { impl_->BindDouble(index, value); }
  void BindNull(int index) { impl_->BindNull(index); }

  // One step: true when a row is available, false when done (a further Step() runs the
  // statement again). Errors from the backend's mapping; on SQLite the statement is reset first
  // so the connection's error state is the step's.
  Result<bool> Step() {
    if (impl_ == nullptr) return FailedPreconditionError("stepping a statement never prepared");
    return impl_->Step();
  }
  // Steps until done (for statements that return no rows).
  Status Run();
  // Resets the statement and clears its bindings (releasing borrowed bytes). No-op when
  // !valid().
  void Reset() {
    if (impl_ != nullptr) impl_->Reset();
  }

  // Columns are 0-based and valid until the next Step() or Reset().
  std::string_view ColumnText(int index) { return impl_->ColumnText(index); }
  std::string_view ColumnBlob(int index) { return impl_->ColumnBlob(index); }
  int64_t ColumnInt64(int index) { return impl_->ColumnInt64(index); }
  double ColumnDouble(int index) { return impl_->ColumnDouble(index); }
  bool ColumnIsNull(int index) { return impl_->ColumnIsNull(index); }

 private:
  explicit Statement(std::unique_ptr<StatementImpl> impl) : impl_(std::move(impl)) {}
  std::unique_ptr<StatementImpl> impl_;
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
