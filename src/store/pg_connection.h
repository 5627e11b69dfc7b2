// PgConnection: the PostgreSQL backend of Database, through libpqxx. No exception leaves it:
// every libpqxx call is caught here and turned into a Status (PgError).
#ifndef DEPECHE_STORE_PG_CONNECTION_H_
#define DEPECHE_STORE_PG_CONNECTION_H_

#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "depeche/status.h"
#include "store/connection.h"
#include "store/pg_snapshot.h"

namespace pqxx {
class result;
}  // namespace pqxx

namespace depeche::store {

// The Status for a PostgreSQL error with SQLSTATE `sqlstate` and server text `message`, with
// `what` as context; the message names both. Codes: 23505 unique (and the other integrity
// violations of class 23, as SQLite's constraint errors) -> AlreadyExists; 23514 check and class
// 22 (data) -> InvalidArgument; class 08 (connection), 57P01..57P03 (shutdown), 57014
// (cancelled), 55P03 (lock not available), 40001 / 40P01 (serialization, deadlock), 25006
// (write in a read-only transaction, like SQLite's READONLY) -> Unavailable; class 53
// (resources) and 54 (limits) -> ResourceExhausted; XX001 / XX002 (corruption) -> DataLoss;
// anything else -> Internal.
Status PgError(std::string_view sqlstate, std::string_view message, std::string_view what);

// Concatenation by appending (for messages): GCC 12 reports a false -Wrestrict on
// "literal" + std::string.
std::string PgCat(std::initializer_list<std::string_view> parts);

// One libpqxx connection with one long-lived nontransaction through which every command runs;
// transactions are plain BEGIN / COMMIT / ROLLBACK commands, tracked here. Not thread-safe.
// Statements hold a shared_ptr to it, so it lives until the last of them is gone.
class PgConnection final : public Connection, public std::enable_shared_from_this<PgConnection> {
 public:
  // Connects to `uri` (a libpq connection URI). When the database does not exist, creates it
  // through the `postgres` maintenance database unless `read_only` (then NotFound). Sets
  // client_encoding UTF8, bytea_output hex and, when `read_only`, default_transaction_read_only
  // and repeatable-read transactions (one snapshot per transaction, as SQLite's readers).
  // Errors: Unavailable (cannot connect), NotFound, InvalidArgument (a URI without a database
  // name), FailedPrecondition (a server older than PostgreSQL 13).
  static Result<std::shared_ptr<PgConnection>> Open(const std::string& uri, bool read_only);
  ~PgConnection() override;
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  Backend backend() const override { return Backend::kPostgres; }
  // Runs `sql` (PostgreSQL dialect, one or more statements) with the simple query protocol.
  // BEGIN / START, COMMIT / END and ROLLBACK (not ROLLBACK TO) move InTransaction().
  Status Exec(std::string_view sql) override;
  // Rewrites `sql` (ToPostgresSql) and prepares it on the server under a fresh name.
  Result<std::unique_ptr<StatementImpl>> Prepare(std::string_view sql) override;
  // After a lost connection (the server restarted, the session was terminated) the open
  // transaction's calls are Unavailable and it ends (rolled back by the server) at Commit or
  // Rollback; Begin, or any call outside a transaction, then connects again.
  Status Begin() override;
  // After a failed statement PostgreSQL has aborted the transaction: Commit then rolls back
  // and returns that first error (SQLite would have committed the statements that worked).
  Status Commit() override;
  Status Rollback() override;
  bool InTransaction() override { return in_transaction_; }
  // lastval(); 0 when this session has not used a sequence yet (as SQLite's 0).
  int64_t LastInsertRowid() override;
  // A counter that moves when, between the server's transaction snapshot
  // (pg_current_snapshot()) seen at the last call and now, a transaction that wrote ended on
  // another session (any database of the server: more moves than needed, never one missed).
  // This session's own transactions do not move it when they end through Commit / Rollback /
  // Exec("COMMIT") (their ids are noted then), as SQLite's data_version; its autocommit writes
  // and its transactions that failed do (a needless reload, never a stale state).
  Result<int64_t> DataVersion() override;
  // On: inside a transaction, statements that return no rows are queued (Defer). Off sends
  // what is queued.
  void SetDeferWrites(bool on) override;
  bool defers_writes() const { return defer_writes_; }
  void SetFtsQueryLanguages(std::vector<std::string> /*langs*/) override {}

  // For PgStatement: runs the prepared statement `name` with text parameters (nullptr = NULL).
  Result<pqxx::result> ExecPrepared(const std::string& name,
                                    const std::vector<const char*>& params);
  // For PgStatement, with SetDeferWrites(true): inside a transaction, queues a run of `name` (a
  // statement that returns no rows: INSERT / UPDATE / DELETE without RETURNING) instead of running
  // it now. The queue goes to the server as one message of SQL EXECUTEs (one round trip for many
  // writes) before anything else reaches it: a read, Exec, Commit, LastInsertRowid, DataVersion, or
  // when it holds kMaxDeferred runs or kMaxDeferredBytes. ROLLBACK drops it. A queued write that
  // fails fails the transaction as any failed statement does: the error comes from the call that
  // sent it, and from Commit. Outside a transaction (or with a failed one) it is ExecPrepared.
  Status Defer(const std::string& name, const std::vector<const char*>& params);
  static constexpr size_t kMaxDeferred = 1000;
  static constexpr size_t kMaxDeferredBytes = 4 << 20;
  // For PgStatement: drops the prepared statement `name` (now, or once the transaction ends
  // when PostgreSQL refuses commands in an aborted one).
  void Unprepare(const std::string& name);

 private:
  struct Handles;  // the libpqxx connection and its nontransaction (pg_connection.cc)
  PgConnection(std::unique_ptr<Handles> handles, std::string uri, bool read_only);
  // Configures the session on h_->conn (notices swallowed, encoding, bytea output, reader
  // settings); errors name `what`.
  Status SetUp(std::string_view what);
  // Replaces a broken session by a new one to uri_ (outside a transaction only: Guard calls it).
  // Statements are prepared again on first use. Errors: Unavailable.
  Status Reconnect();
  // Runs `fn` (libpqxx calls), mapping what it throws to a Status that names `what`; a failure
  // inside a transaction is remembered for Commit.
  template <typename Fn>
  Status Guard(std::string_view what, Fn&& fn);
  Status ExecRaw(std::string_view sql, std::string_view what);
  void EndTransaction();
  // Sends the deferred writes (Defer); Ok when there are none.
  Status Flush();
  // Prepares `name` on this session if it is not (a session replaced by Reconnect).
  void EnsurePrepared(const std::string& name);
  // Notes the open transaction's id (if it has one) in own_ended_.
  void NoteOwnTransaction();

  std::unique_ptr<Handles> h_;
  std::string uri_;
  bool read_only_;
  // The server went away: every call is Unavailable until the transaction ends; the next call
  // outside a transaction (Begin, an autocommit statement) connects again.
  bool broken_ = false;
  std::unordered_map<std::string, std::string> definitions_;  // statement name -> its SQL
  std::unordered_set<std::string> prepared_;                  // prepared on this session
  bool in_transaction_ = false;
  Status transaction_error_;         // first failure in the open transaction
  bool lastval_defined_ = false;     // lastval() has answered once in this session
  int64_t next_statement_ = 0;       // names s1, s2, ...
  std::optional<PgSnapshot> seen_;   // at the last DataVersion()
  std::vector<uint64_t> own_ended_;  // this session's transactions that ended since
  int64_t data_version_ = 1;
  std::vector<std::string> pending_unprepare_;
  bool defer_writes_ = false;
  std::string deferred_;  // "EXECUTE s1('a', NULL);EXECUTE s2(...);..." (Defer)
  size_t deferred_count_ = 0;
};

}  // namespace depeche::store

#endif  // DEPECHE_STORE_PG_CONNECTION_H_
