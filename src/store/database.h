// Database: one connection to the store (SQLite by default), its versioned schema and migrations.
#ifndef DEPECHE_STORE_DATABASE_H_
#define DEPECHE_STORE_DATABASE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "depeche/status.h"

struct sqlite3;

namespace depeche::store {

class Connection;

// The schema version this build writes. Migrations bring older files up to it.
// 6 on the entstore branch (entities); renumbered 7 at merge, see migrations.cc.
inline constexpr int kSchemaVersion = 11;

// How Database::Open treats the file.
enum class OpenMode {
  // Create the file when missing, migrate it to kSchemaVersion, read and write.
  kReadWrite,
  // Read only: the file must exist and be a depeche database at kSchemaVersion; nothing is
  // created, migrated or written, not even the -wal/-shm files beside it, so a reader works in a
  // folder it cannot write to and never leaves files that the owner's writer could not use.
  // SQLite opens a WAL database read-only only if its -shm and -wal files exist or can be
  // created, or if it is opened immutable (https://sqlite.org/wal.html, "Read-Only
  // Databases"). So: when a -wal file exists (a writer is active, or one crashed with commits
  // not yet copied back) the file is opened with mode=ro and shares the writer's WAL index;
  // when none exists, every commit is in the main file (SQLite removes the -wal only after a
  // full checkpoint), and it is opened with immutable=1, which takes no lock and creates
  // nothing. A writer that starts while such a reader runs writes to a new -wal the reader does
  // not see (it reads the state of when it opened) and copies pages back into the main file
  // only at a checkpoint, after about 1000 pages (4 MiB) of WAL: readers are short, so they are
  // done long before.
  kReadOnly,
};

// The engine a Database speaks to. SQL that differs between them is chosen by backend() in the
// store file that owns the statement; everything else is written once.
enum class Backend { kSqlite, kPostgres };

// Owns one connection. Not thread-safe: one Database per thread (WAL lets readers proceed
// while one writer writes).
class Database {
 public:
  // `location` starting with postgresql:// or postgres:// (IsPostgresLocation) is a libpq
  // connection URI: the PostgreSQL backend. The database it names is created when missing
  // (through the server's `postgres` maintenance database; never with kReadOnly, which gives
  // NotFound and sets default_transaction_read_only so any write fails with Unavailable), then
  // migrated with each Migration's pg_sql inside one transaction, concurrent migrators
  // serialised by pg_advisory_xact_lock. Errors as below, with Unavailable when the server
  // cannot be reached and InvalidArgument for a URI libpq cannot parse or that names no
  // database. Anything else is an SQLite path:
  // Opens or creates `path` (":memory:" allowed), enables WAL, synchronous=NORMAL, foreign
  // keys and a 5 s busy timeout, registers the "depeche" FTS5 tokenizer and migrates to
  // kSchemaVersion (pending migrations run in one BEGIN IMMEDIATE transaction and are recorded
  // in the schema_version table). Other SQLite clients can read the tables, but only a
  // connection with the tokenizer registered can query or write article_fts.
  // Errors: Unavailable (cannot open), DataLoss (not a database / corrupt),
  // FailedPrecondition (the file's schema is newer than this build, or an SQLite file that is
  // not a depeche database).
  // With OpenMode::kReadOnly (see there): NotFound when `path` does not exist (nothing is
  // created); FailedPrecondition when it is empty, not a depeche database, or at an older or
  // newer schema (an older one is upgraded by any write, e.g. ingest).
  static Result<std::unique_ptr<Database>> Open(const std::string& location,
                                                OpenMode mode = OpenMode::kReadWrite);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Backend backend() const { return backend_; }
  // The SQLite connection (SQLite-only code: the FTS5 tokenizer, tests of SQLite behaviour);
  // nullptr on other backends.
  sqlite3* sqlite_handle() { return sqlite_; }
  // The backend connection Statement::Prepare prepares on (internal to src/store).
  Connection* connection() { return conn_.get(); }
  // Whether a transaction is open on this connection.
  bool InTransaction();
  // The rowid of the last row this connection inserted (SQLite); lastval() on PostgreSQL (the
  // last value of any sequence this session drew, 0 before the first).
  int64_t LastInsertRowid();
  // The SQLite path, or the PostgreSQL URI without its password.
  const std::string& path() const { return path_; }
  int schema_version() const { return schema_version_; }
  bool read_only() const { return read_only_; }

  // Runs one or more SQL statements that return no rows, in the SQLite dialect (rewritten on
  // PostgreSQL, pg_dialect.h). Errors from SqliteError, or PgError (pg_connection.h).
  Status Exec(std::string_view sql);
  // Begin starts a write transaction (BEGIN IMMEDIATE: the write lock is taken up front, so a
  // busy database fails here, after busy_timeout, rather than in the middle of a batch).
  // SQLite's data_version: changes when another connection commits to the database (never for
  // this connection's own commits). On PostgreSQL a counter that moves whenever a writing
  // transaction ended on the server since the last call (own commits included), see
  // PgConnection::DataVersion. Errors: the backend's error.
  Result<int64_t> DataVersion();
  Status Begin();
  Status Commit();
  Status Rollback();

  // For batch writers whose transaction fails as a whole (IngestJob): on PostgreSQL, inside a
  // transaction, the statements that return no rows (INSERT / UPDATE / DELETE without
  // RETURNING) are queued and sent together, in one round trip, before the next read, Exec or
  // Commit (PgConnection::Defer). Their errors then come from that later call, and always from
  // Commit. A no-op on SQLite. Off by default; turning it off sends what is queued.
  void SetDeferWrites(bool on);
  // The languages the "depeche" tokenizer stems query words in (fts_tokenizer.h); empty
  // restores DefaultQueryLanguages(). ArticleStore::Search sets the stored languages. A no-op on
  // PostgreSQL.
  void SetFtsQueryLanguages(std::vector<std::string> langs);

 private:
  Database(std::shared_ptr<Connection> conn, std::string path, bool read_only);
  Status Migrate();
  Status CheckReadOnlySchema();
  std::shared_ptr<Connection> conn_;  // shared with the PostgreSQL statements it prepared
  Backend backend_;
  sqlite3* sqlite_ = nullptr;  // owned by conn_ (SQLite only)
  std::string path_;
  bool read_only_ = false;
  int schema_version_ = 0;
};

// Whether `location` names a PostgreSQL database (postgresql:// or postgres://) rather than an
// SQLite file: callers must not treat it as a path (lock files, existence checks, folders).
bool IsPostgresLocation(std::string_view location);

// `location` as messages and outputs show it: an SQLite path as it is, a PostgreSQL URI without
// its password (in the user info or a password= parameter), as Database::path() does.
std::string DisplayLocation(std::string_view location);

// Drops the PostgreSQL database `uri` names (DROP DATABASE IF EXISTS ... WITH (FORCE), through
// the server's `postgres` database), disconnecting its sessions. For tests. Errors:
// InvalidArgument (unparsable URI, or the maintenance and template databases), Unavailable,
// the PgError mapping.
Status DropPostgresDatabase(const std::string& uri);

// Status from the last error on `db`, with `what` as context. Codes: DataLoss (not a database,
// corrupt), Unavailable (busy, locked, cannot open, I/O), ResourceExhausted (disk full,
// out of memory), AlreadyExists (constraint), Internal (anything else).
Status SqliteError(sqlite3* db, std::string_view what);

}  // namespace depeche::store

#endif  // DEPECHE_STORE_DATABASE_H_
