#include "store/statement.h"

#include <sqlite3.h>

#include <climits>
#include <string>
#include <utility>

#include "store/database.h"

namespace depeche::store {

Result<Statement> Statement::Prepare(Database* database, std::string_view sql) {
  sqlite3* db = database->sqlite_handle();
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(stmt);
    std::string what = "preparing \"";
    what += sql.substr(0, 60);
    what += sql.size() > 60 ? "...\"" : "\"";
    return SqliteError(db, what);
  }
  return Statement(db, stmt);
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(std::exchange(other.stmt_, nullptr)), bind_rc_(other.bind_rc_) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    db_ = other.db_;
    stmt_ = std::exchange(other.stmt_, nullptr);
    bind_rc_ = other.bind_rc_;
  }
  return *this;
}

void Statement::NoteBind(int rc) {
  if (rc != SQLITE_OK && bind_rc_ == SQLITE_OK) bind_rc_ = rc;
}

void Statement::BindText(int index, std::string_view value) {
  // A view of an empty string may carry a null data pointer, which SQLite would store as NULL.
  const char* data = value.data() != nullptr ? value.data() : "";
  if (value.size() > static_cast<size_t>(INT_MAX)) {
    NoteBind(SQLITE_TOOBIG);
    return;
  }
  NoteBind(sqlite3_bind_text(stmt_, index, data, static_cast<int>(value.size()), SQLITE_STATIC));
}

void Statement::BindBlob(int index, const void* data, size_t size) {
  if (size > static_cast<size_t>(INT_MAX)) {
    NoteBind(SQLITE_TOOBIG);
    return;
  }
  if (size == 0) {
    NoteBind(sqlite3_bind_zeroblob(stmt_, index, 0));
    return;
  }
  NoteBind(sqlite3_bind_blob(stmt_, index, data, static_cast<int>(size), SQLITE_STATIC));
}

void Statement::BindInt64(int index, int64_t value) {
  NoteBind(sqlite3_bind_int64(stmt_, index, value));
}

void Statement::BindDouble(int index, double value) {
  NoteBind(sqlite3_bind_double(stmt_, index, value));
}

void Statement::BindNull(int index) { NoteBind(sqlite3_bind_null(stmt_, index)); }

Result<bool> Statement::Step() {
  if (bind_rc_ != SQLITE_OK) {
    std::string message = "binding a parameter: ";
    message += sqlite3_errstr(bind_rc_);
    return bind_rc_ == SQLITE_TOOBIG ? InvalidArgumentError(std::move(message))
                                     : InternalError(std::move(message));
  }
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  // sqlite3_reset returns the same error and leaves it as the connection's current error.
  sqlite3_reset(stmt_);
  return SqliteError(db_, "executing statement");
}

Status Statement::Run() {
  while (true) {
    Result<bool> row = Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::Ok();
  }
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  bind_rc_ = SQLITE_OK;
}

std::string_view Statement::ColumnText(int index) {
  const unsigned char* data = sqlite3_column_text(stmt_, index);
  int size = sqlite3_column_bytes(stmt_, index);
  if (data == nullptr) return {};
  return {reinterpret_cast<const char*>(data), static_cast<size_t>(size)};
}

std::string_view Statement::ColumnBlob(int index) {
  const void* data = sqlite3_column_blob(stmt_, index);
  int size = sqlite3_column_bytes(stmt_, index);
  if (data == nullptr) return {};
  return {static_cast<const char*>(data), static_cast<size_t>(size)};
}

int64_t Statement::ColumnInt64(int index) { return sqlite3_column_int64(stmt_, index); }

double Statement::ColumnDouble(int index) { return sqlite3_column_double(stmt_, index); }

bool Statement::ColumnIsNull(int index) { return sqlite3_column_type(stmt_, index) == SQLITE_NULL; }

}  // namespace depeche::store
