#include "store/sqlite_connection.h"

#include <sqlite3.h>

#include <climits>
#include <filesystem>
#include <string>
#include <system_error>
#include <utility>

#include "store/fts_tokenizer.h"

namespace depeche::store {
namespace {

constexpr int kBusyTimeoutMs = 5000;

// Connection settings. WAL lets readers run beside the one writer; synchronous=NORMAL is
// durable across application crashes in WAL mode (a power loss may drop the last commits, never
// corrupt); the 32 MiB page cache keeps the FTS segment merges of a large ingest in memory.
constexpr std::string_view kPragmas =
    "PRAGMA journal_mode=WAL;"
    "PRAGMA synchronous=NORMAL;"
    "PRAGMA foreign_keys=ON;"
    "PRAGMA temp_store=MEMORY;"
    "PRAGMA cache_size=-32768;";

// A reader sets nothing that writes: journal_mode and synchronous belong to the writer, and
// query_only makes any write a clean error instead of a surprise.
constexpr std::string_view kReadOnlyPragmas =
    "PRAGMA query_only=1;"
    "PRAGMA temp_store=MEMORY;"
    "PRAGMA cache_size=-32768;";

bool IsCorruption(int code) {
  int primary = code & 0xff;
  return primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT;
}

// An SQLite URI for `path` (https://sqlite.org/uri.html): absolute, with '%', '?', '#' and
// every byte outside printable ASCII percent-encoded, followed by `query`.
std::string FileUri(const std::string& path, std::string_view query) {
  std::error_code ec;
  std::filesystem::path abs = std::filesystem::absolute(path, ec);
  std::string p = ec ? path : abs.string();
  std::string uri = "file:";
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (char ch : p) {
    auto c = static_cast<unsigned char>(ch);
    if (c <= ' ' || c >= 0x7f || c == '%' || c == '?' || c == '#') {
      uri += '%';
      uri += kHex[c >> 4];
      uri += kHex[c & 15];
    } else {
      uri += ch;
    }
  }
  uri += '?';
  uri += query;
  return uri;
}

// Checks that `path` is an existing, non-empty file before a read-only open: SQLite would
// otherwise report "unable to open database file" for a missing one, or read an empty file
// as an empty database.
Status CheckReadableFile(const std::string& path) {
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (status.type() == std::filesystem::file_type::not_found) {
    return NotFoundError("no database " + path);
  }
  if (ec) return UnavailableError("cannot open database " + path + ": " + ec.message());
  if (std::filesystem::is_directory(status)) {
    return FailedPreconditionError(path + " is a folder, not a depeche database");
  }
  auto size = std::filesystem::file_size(path, ec);
  if (!ec && size == 0) {
    return FailedPreconditionError(path + " is empty, not a depeche database");
  }
  return Status::Ok();
}

// One prepared sqlite3_stmt. Binds are SQLITE_STATIC: the caller keeps the bytes alive until
// the next Reset() (statement.h), which saves a copy of every text bound in the ingest loop.
class SqliteStatement final : public StatementImpl {
 public:
  SqliteStatement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~SqliteStatement() override { sqlite3_finalize(stmt_); }
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  void BindText(int index, std::string_view value) override {
    // A view of an empty string may carry a null data pointer, which SQLite would store as NULL.
    const char* data = value.data() != nullptr ? value.data() : "";
    if (value.size() > static_cast<size_t>(INT_MAX)) {
      NoteBind(SQLITE_TOOBIG);
      return;
    }
    NoteBind(sqlite3_bind_text(stmt_, index, data, static_cast<int>(value.size()), SQLITE_STATIC));
  }

  void BindBlob(int index, const void* data, size_t size) override {
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

  void BindInt64(int index, int64_t value) override {
    NoteBind(sqlite3_bind_int64(stmt_, index, value));
  }

  void BindDouble(int index, double value) override {
    NoteBind(sqlite3_bind_double(stmt_, index, value));
  }

  void BindNull(int index) override { NoteBind(sqlite3_bind_null(stmt_, index)); }

  Result<bool> Step() override {
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

  void Reset() override {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    bind_rc_ = SQLITE_OK;
  }

  std::string_view ColumnText(int index) override {
    const unsigned char* data = sqlite3_column_text(stmt_, index);
    int size = sqlite3_column_bytes(stmt_, index);
    if (data == nullptr) return {};
    return {reinterpret_cast<const char*>(data), static_cast<size_t>(size)};
  }

  std::string_view ColumnBlob(int index) override {
    const void* data = sqlite3_column_blob(stmt_, index);
    int size = sqlite3_column_bytes(stmt_, index);
    if (data == nullptr) return {};
    return {static_cast<const char*>(data), static_cast<size_t>(size)};
  }

  int64_t ColumnInt64(int index) override { return sqlite3_column_int64(stmt_, index); }

  double ColumnDouble(int index) override { return sqlite3_column_double(stmt_, index); }

  bool ColumnIsNull(int index) override { return sqlite3_column_type(stmt_, index) == SQLITE_NULL; }

 private:
  void NoteBind(int rc) {
    if (rc != SQLITE_OK && bind_rc_ == SQLITE_OK) bind_rc_ = rc;
  }

  sqlite3* db_;
  sqlite3_stmt* stmt_;
  int bind_rc_ = SQLITE_OK;  // first failed bind since the last Reset()
};

}  // namespace

Status SqliteError(sqlite3* db, std::string_view what) {
  int code = sqlite3_extended_errcode(db);
  std::string message(what);
  message += ": ";
  message += sqlite3_errmsg(db);
  switch (code & 0xff) {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return DataLossError(std::move(message));
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_READONLY:
    case SQLITE_PROTOCOL:
      return UnavailableError(std::move(message));
    case SQLITE_FULL:
    case SQLITE_NOMEM:
    case SQLITE_TOOBIG:
      return ResourceExhaustedError(std::move(message));
    case SQLITE_CONSTRAINT:
      return AlreadyExistsError(std::move(message));
    default:
      return InternalError(std::move(message));
  }
}

Result<std::unique_ptr<SqliteConnection>> SqliteConnection::Open(const std::string& path,
                                                                 bool read_only) {
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
  std::string name = path;
  if (read_only) {
    DEPECHE_RETURN_IF_ERROR(CheckReadableFile(path));
    std::error_code ec;
    const bool has_wal = std::filesystem::exists(path + "-wal", ec);
    name = FileUri(path, has_wal ? "mode=ro" : "mode=ro&immutable=1");
    flags |= SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
  } else {
    flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  }
  int rc = sqlite3_open_v2(name.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = "cannot open database " + path + ": ";
    message += db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close_v2(db);
    return UnavailableError(std::move(message));
  }
  std::unique_ptr<SqliteConnection> conn(new SqliteConnection(db, path, read_only));
  DEPECHE_RETURN_IF_ERROR(conn->Configure());
  return conn;
}

// close_v2: statements still alive keep the connection as a zombie until they are finalized.
SqliteConnection::~SqliteConnection() { sqlite3_close_v2(db_); }

Status SqliteConnection::Configure() {
  sqlite3_busy_timeout(db_, kBusyTimeoutMs);
  // Opening is lazy: the first read of the file is where a non-database shows itself.
  if (sqlite3_exec(db_, "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr) !=
      SQLITE_OK) {
    int code = sqlite3_extended_errcode(db_);
    if (IsCorruption(code)) {
      return DataLossError(path_ + " is not a depeche database (not an SQLite file, or corrupt): " +
                           sqlite3_errmsg(db_));
    }
    return SqliteError(db_, "reading database " + path_);
  }
  DEPECHE_RETURN_IF_ERROR(
      Exec(read_only_ ? kReadOnlyPragmas : kPragmas).WithContext("configuring " + path_));
  DEPECHE_ASSIGN_OR_RETURN(fts_options_, RegisterFtsTokenizer(db_));
  return Status::Ok();
}

Status SqliteConnection::Exec(std::string_view sql) {
  // sqlite3_exec needs a NUL-terminated string.
  std::string text(sql);
  if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
    return SqliteError(db_, "executing SQL");
  }
  return Status::Ok();
}

Result<std::unique_ptr<StatementImpl>> SqliteConnection::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(stmt);
    std::string what = "preparing \"";
    what += sql.substr(0, 60);
    what += sql.size() > 60 ? "...\"" : "\"";
    return SqliteError(db_, what);
  }
  return std::unique_ptr<StatementImpl>(new SqliteStatement(db_, stmt));
}

Status SqliteConnection::Begin() { return Exec("BEGIN IMMEDIATE"); }

Status SqliteConnection::Commit() { return Exec("COMMIT"); }

Status SqliteConnection::Rollback() {
  // Rolling back when SQLite has already ended the transaction (after some errors) is fine.
  if (sqlite3_get_autocommit(db_)) return Status::Ok();
  return Exec("ROLLBACK");
}

bool SqliteConnection::InTransaction() { return sqlite3_get_autocommit(db_) == 0; }

int64_t SqliteConnection::LastInsertRowid() { return sqlite3_last_insert_rowid(db_); }

Result<int64_t> SqliteConnection::DataVersion() {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_, "PRAGMA data_version", -1, &stmt, nullptr) != SQLITE_OK) {
    return UnavailableError(std::string("data_version: ") + sqlite3_errmsg(db_));
  }
  int64_t version = -1;
  if (sqlite3_step(stmt) == SQLITE_ROW) version = sqlite3_column_int64(stmt, 0);
  sqlite3_finalize(stmt);
  if (version < 0) return UnavailableError(std::string("data_version: ") + sqlite3_errmsg(db_));
  return version;
}

void SqliteConnection::SetFtsQueryLanguages(std::vector<std::string> langs) {
  if (fts_options_ != nullptr) fts_options_->query_langs = std::move(langs);
}

}  // namespace depeche::store
