#include "store/database.h"

#include <sqlite3.h>

#include <filesystem>
#include <string>
#include <system_error>
#include <utility>

#include "store/fts_tokenizer.h"
#include "store/migrations.h"
#include "store/statement.h"

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

constexpr std::string_view kCreateVersionTable =
    "CREATE TABLE schema_version ("
    "  version INTEGER PRIMARY KEY,"
    "  description TEXT NOT NULL,"
    "  applied_at INTEGER NOT NULL)";

bool IsCorruption(int code) {
  int primary = code & 0xff;
  return primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT;
}

Result<bool> HasVersionTable(Database* db) {
  DEPECHE_ASSIGN_OR_RETURN(
      Statement stmt,
      Statement::Prepare(
          db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_version'"));
  return stmt.Step();
}

Result<int> ReadVersion(Database* db) {
  DEPECHE_ASSIGN_OR_RETURN(Statement stmt,
                           Statement::Prepare(db, "SELECT max(version) FROM schema_version"));
  DEPECHE_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row || stmt.ColumnIsNull(0)) return 0;
  return static_cast<int>(stmt.ColumnInt64(0));
}

Status NewerSchema(const std::string& path, int version) {
  return FailedPreconditionError("database " + path + " has schema version " +
                                 std::to_string(version) + ", newer than this build's " +
                                 std::to_string(kSchemaVersion) + "; use a newer depeche");
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

Result<std::unique_ptr<Database>> Database::Open(const std::string& path, OpenMode mode) {
  const bool read_only = mode == OpenMode::kReadOnly && path != ":memory:";
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
  std::unique_ptr<Database> database(new Database(db, path, read_only));
  DEPECHE_RETURN_IF_ERROR(database->Configure());
  DEPECHE_RETURN_IF_ERROR(read_only ? database->CheckReadOnlySchema() : database->Migrate());
  return database;
}

Database::~Database() { sqlite3_close_v2(db_); }

Status Database::Configure() {
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

Status Database::Migrate() {
  const auto migrations = AllMigrations();
  for (size_t i = 0; i < migrations.size(); ++i) {
    if (migrations[i].version != static_cast<int>(i) + 1) {
      return InternalError("migration list is not numbered 1..N");
    }
  }
  if (migrations.empty() || migrations.back().version != kSchemaVersion) {
    return InternalError("the last migration is not kSchemaVersion");
  }

  // Peek without the write lock: an up-to-date database (the common case) opens read-only.
  Result<bool> has_table = HasVersionTable(this);
  if (!has_table.ok()) return has_table.status().WithContext("reading the schema of " + path_);
  if (*has_table) {
    DEPECHE_ASSIGN_OR_RETURN(schema_version_, ReadVersion(this));
    if (schema_version_ > kSchemaVersion) return NewerSchema(path_, schema_version_);
    if (schema_version_ == kSchemaVersion) return Status::Ok();
  }

  // Another process may be migrating too: BEGIN IMMEDIATE serialises us, then re-read.
  DEPECHE_RETURN_IF_ERROR(Begin().WithContext("migrating " + path_));
  auto fail = [&](Status status) {
    (void)Rollback();
    return status;
  };
  has_table = HasVersionTable(this);
  if (!has_table.ok())
    return fail(has_table.status().WithContext("reading the schema of " + path_));
  if (!*has_table) {
    Result<Statement> count = Statement::Prepare(this, "SELECT count(*) FROM sqlite_schema");
    if (!count.ok()) return fail(count.status());
    Result<bool> row = count->Step();
    if (!row.ok()) return fail(row.status());
    if (*row && count->ColumnInt64(0) > 0) {
      return fail(FailedPreconditionError(
          path_ + " is an SQLite database but not a depeche one (no schema_version table)"));
    }
    Status created = Exec(kCreateVersionTable);
    if (!created.ok()) return fail(created);
  }
  Result<int> version = ReadVersion(this);
  if (!version.ok()) return fail(version.status());
  if (*version > kSchemaVersion) return fail(NewerSchema(path_, *version));

  Result<Statement> record = Statement::Prepare(
      this,
      "INSERT INTO schema_version(version, description, applied_at) VALUES (?1, ?2, unixepoch())");
  if (!record.ok()) return fail(record.status());
  for (const Migration& migration : migrations) {
    if (migration.version <= *version) continue;
    std::string context = "migration " + std::to_string(migration.version) + " (" +
                          std::string(migration.description) + ") of " + path_;
    Status applied = Exec(migration.sql);
    if (!applied.ok()) return fail(applied.WithContext(context));
    record->BindInt64(1, migration.version);
    record->BindText(2, migration.description);
    Status recorded = record->Run();
    record->Reset();
    if (!recorded.ok()) return fail(recorded.WithContext(context));
  }
  Status committed = Commit();
  if (!committed.ok()) return fail(committed.WithContext("migrating " + path_));
  schema_version_ = kSchemaVersion;
  return Status::Ok();
}

Status Database::CheckReadOnlySchema() {
  Result<bool> has_table = HasVersionTable(this);
  if (!has_table.ok()) return has_table.status().WithContext("reading the schema of " + path_);
  if (!*has_table) {
    return FailedPreconditionError(path_ + " is not a depeche database (no schema_version table)");
  }
  DEPECHE_ASSIGN_OR_RETURN(schema_version_, ReadVersion(this));
  if (schema_version_ > kSchemaVersion) return NewerSchema(path_, schema_version_);
  if (schema_version_ < kSchemaVersion) {
    return FailedPreconditionError(
        "database " + path_ + " has schema version " + std::to_string(schema_version_) +
        ", older than this build's " + std::to_string(kSchemaVersion) +
        "; it is upgraded by the next ingest (reading commands never write)");
  }
  return Status::Ok();
}

Status Database::Exec(std::string_view sql) {
  // sqlite3_exec needs a NUL-terminated string.
  std::string text(sql);
  if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
    return SqliteError(db_, "executing SQL");
  }
  return Status::Ok();
}

Status Database::Begin() { return Exec("BEGIN IMMEDIATE"); }

Result<int64_t> Database::DataVersion() {
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

bool Database::InTransaction() { return sqlite3_get_autocommit(db_) == 0; }

int64_t Database::LastInsertRowid() { return sqlite3_last_insert_rowid(db_); }

Status Database::Commit() { return Exec("COMMIT"); }

Status Database::Rollback() {
  // Rolling back when SQLite has already ended the transaction (after some errors) is fine.
  if (sqlite3_get_autocommit(db_)) return Status::Ok();
  return Exec("ROLLBACK");
}

void Database::SetFtsQueryLanguages(std::vector<std::string> langs) {
  if (fts_options_ != nullptr) fts_options_->query_langs = std::move(langs);
}

}  // namespace depeche::store
