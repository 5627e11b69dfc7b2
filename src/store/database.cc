#include "store/database.h"

#include <string>
#include <utility>

#include "store/connection.h"
#include "store/migrations.h"
#include "store/pg_admin.h"
#include "store/pg_connection.h"
#include "store/pg_dialect.h"
#include "store/sqlite_connection.h"
#include "store/statement.h"

namespace depeche::store {
namespace {

// The catalogue queries the migration runner needs, per backend.
struct SchemaSql {
  std::string_view has_version_table;     // a row when schema_version exists
  std::string_view count_tables;          // one row: how many tables there are
  std::string_view create_version_table;  // creates schema_version
};

constexpr SchemaSql kSqliteSchemaSql = {
    "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_version'",
    "SELECT count(*) FROM sqlite_schema",
    "CREATE TABLE schema_version ("
    "  version INTEGER PRIMARY KEY,"
    "  description TEXT NOT NULL,"
    "  applied_at INTEGER NOT NULL)",
};

// current_schema(): the tables depeche creates land in the first schema of the search_path.
constexpr SchemaSql kPgSchemaSql = {
    // A scan of pg_class, not to_regclass(): the latter answers from the session's catalogue
    // cache, which an advisory lock does not refresh, so a migrator that waited for another
    // would not see the schema_version table it created.
    "SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE n.nspname = current_schema() AND c.relname = 'schema_version' "
    "AND c.relkind IN ('r', 'p')",
    "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'v', 'm', 'p', 'f')",
    "CREATE TABLE schema_version ("
    "  version BIGINT PRIMARY KEY,"
    "  description TEXT NOT NULL,"
    "  applied_at BIGINT NOT NULL)",
};

// The key of the transaction-level advisory lock that serialises PostgreSQL migrators (what
// BEGIN IMMEDIATE does on SQLite): "depeche" in ASCII, 0x64657065636865.
constexpr std::string_view kPgMigrationLock = "SELECT pg_advisory_xact_lock(28259031082821733)";

const SchemaSql& SchemaSqlFor(Backend backend) {
  return backend == Backend::kPostgres ? kPgSchemaSql : kSqliteSchemaSql;
}

const char* BackendName(Backend backend) {
  return backend == Backend::kPostgres ? "a PostgreSQL" : "an SQLite";
}

Result<bool> HasVersionTable(Database* db) {
  DEPECHE_ASSIGN_OR_RETURN(Statement stmt,
                           Statement::Prepare(db, SchemaSqlFor(db->backend()).has_version_table));
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

}  // namespace

Database::Database(std::shared_ptr<Connection> conn, std::string path, bool read_only)
    : conn_(std::move(conn)),
      backend_(conn_->backend()),
      path_(std::move(path)),
      read_only_(read_only) {}

Result<std::unique_ptr<Database>> Database::Open(const std::string& path, OpenMode mode) {
  if (IsPostgresLocation(path)) {
    const bool read_only = mode == OpenMode::kReadOnly;
    DEPECHE_ASSIGN_OR_RETURN(PgLocation location, ParsePgLocation(path));
    DEPECHE_ASSIGN_OR_RETURN(std::shared_ptr<PgConnection> pg, PgConnection::Open(path, read_only));
    std::unique_ptr<Database> database(new Database(std::move(pg), location.display, read_only));
    DEPECHE_RETURN_IF_ERROR(read_only ? database->CheckReadOnlySchema() : database->Migrate());
    return database;
  }
  const bool read_only = mode == OpenMode::kReadOnly && path != ":memory:";
  DEPECHE_ASSIGN_OR_RETURN(std::unique_ptr<SqliteConnection> sqlite,
                           SqliteConnection::Open(path, read_only));
  sqlite3* handle = sqlite->handle();
  std::unique_ptr<Database> database(new Database(std::move(sqlite), path, read_only));
  database->sqlite_ = handle;
  DEPECHE_RETURN_IF_ERROR(read_only ? database->CheckReadOnlySchema() : database->Migrate());
  return database;
}

Database::~Database() = default;

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
  const SchemaSql& schema_sql = SchemaSqlFor(backend_);

  // Peek without the write lock: an up-to-date database (the common case) opens read-only.
  Result<bool> has_table = HasVersionTable(this);
  if (!has_table.ok()) return has_table.status().WithContext("reading the schema of " + path_);
  if (*has_table) {
    DEPECHE_ASSIGN_OR_RETURN(schema_version_, ReadVersion(this));
    if (schema_version_ > kSchemaVersion) return NewerSchema(path_, schema_version_);
    if (schema_version_ == kSchemaVersion) return Status::Ok();
  }

  // Another process may be migrating too: BEGIN IMMEDIATE (or PostgreSQL's advisory lock)
  // serialises us, then re-read.
  DEPECHE_RETURN_IF_ERROR(Begin().WithContext("migrating " + path_));
  auto fail = [&](Status status) {
    (void)Rollback();
    return status;
  };
  if (backend_ == Backend::kPostgres) {
    Status locked = conn_->Exec(kPgMigrationLock);
    if (!locked.ok()) return fail(locked.WithContext("migrating " + path_));
  }
  has_table = HasVersionTable(this);
  if (!has_table.ok())
    return fail(has_table.status().WithContext("reading the schema of " + path_));
  if (!*has_table) {
    Result<Statement> count = Statement::Prepare(this, schema_sql.count_tables);
    if (!count.ok()) return fail(count.status());
    Result<bool> row = count->Step();
    if (!row.ok()) return fail(row.status());
    if (*row && count->ColumnInt64(0) > 0) {
      return fail(
          FailedPreconditionError(path_ + " is " + BackendName(backend_) +
                                  " database but not a depeche one (no schema_version table)"));
    }
    Status created = conn_->Exec(schema_sql.create_version_table);
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
    std::string_view sql = backend_ == Backend::kPostgres ? migration.pg_sql : migration.sql;
    if (sql.empty()) return fail(InternalError(context + " has no text for this backend"));
    Status applied = conn_->Exec(sql);
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
  if (backend_ == Backend::kPostgres) return conn_->Exec(ToPostgresSql(sql));
  return conn_->Exec(sql);
}

Status Database::Begin() { return conn_->Begin(); }

Status Database::Commit() { return conn_->Commit(); }

Status Database::Rollback() { return conn_->Rollback(); }

bool Database::InTransaction() { return conn_->InTransaction(); }

int64_t Database::LastInsertRowid() { return conn_->LastInsertRowid(); }

Result<int64_t> Database::DataVersion() { return conn_->DataVersion(); }

void Database::SetDeferWrites(bool on) { conn_->SetDeferWrites(on); }

void Database::SetFtsQueryLanguages(std::vector<std::string> langs) {
  conn_->SetFtsQueryLanguages(std::move(langs));
}

}  // namespace depeche::store
