#include "store/pg_connection.h"

#include <cctype>
#include <exception>
#include <initializer_list>
#include <pqxx/pqxx>
#include <stdexcept>
#include <string>
#include <utility>

#include "store/pg_admin.h"
#include "store/pg_dialect.h"
#include "store/pg_statement.h"

namespace depeche::store {

std::string PgCat(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (std::string_view part : parts) out += part;
  return out;
}
namespace {

// pg_current_snapshot() and DROP DATABASE ... WITH (FORCE) came with PostgreSQL 13.
constexpr int kMinServerVersion = 130000;

// libpqxx's messages end with newlines and carry libpq's "ERROR:  " prefix.
std::string Tidy(std::string_view message) {
  std::string out(message);
  while (!out.empty() && std::isspace(static_cast<unsigned char>(out.back()))) out.pop_back();
  if (out.starts_with("ERROR:  ")) out.erase(0, 8);
  return out;
}

// The first word of `sql`, upper-cased, and the one after it.
std::pair<std::string, std::string> LeadingWords(std::string_view sql) {
  std::pair<std::string, std::string> words;
  size_t i = 0;
  for (std::string* word : {&words.first, &words.second}) {
    while (i < sql.size() && !std::isalpha(static_cast<unsigned char>(sql[i]))) ++i;
    while (i < sql.size() && std::isalpha(static_cast<unsigned char>(sql[i]))) {
      *word += static_cast<char>(std::toupper(static_cast<unsigned char>(sql[i])));
      ++i;
    }
  }
  return words;
}

// An INSERT, UPDATE or DELETE without RETURNING: its run has nothing to read (Defer).
bool ReturnsNoRows(std::string_view sql) {
  const std::string first = LeadingWords(sql).first;
  if (first != "INSERT" && first != "UPDATE" && first != "DELETE") return false;
  std::string upper(sql);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return upper.find("RETURNING") == std::string::npos;
}

}  // namespace

Status PgError(std::string_view sqlstate, std::string_view message, std::string_view what) {
  std::string text(what);
  text += ": PostgreSQL error ";
  text += sqlstate.empty() ? std::string_view("(no SQLSTATE)") : sqlstate;
  text += ": ";
  text += Tidy(message);
  std::string_view cls = sqlstate.substr(0, 2);
  if (sqlstate == "23514" || cls == "22") return InvalidArgumentError(std::move(text));
  if (cls == "23") return AlreadyExistsError(std::move(text));
  if (cls == "08" || sqlstate == "57P01" || sqlstate == "57P02" || sqlstate == "57P03" ||
      sqlstate == "57014" || sqlstate == "55P03" || sqlstate == "40001" || sqlstate == "40P01" ||
      sqlstate == "25006") {
    return UnavailableError(std::move(text));
  }
  if (cls == "53" || cls == "54") return ResourceExhaustedError(std::move(text));
  if (sqlstate == "XX001" || sqlstate == "XX002") return DataLossError(std::move(text));
  return InternalError(std::move(text));
}

struct PgConnection::Handles {
  std::unique_ptr<pqxx::connection> conn;
  std::unique_ptr<pqxx::nontransaction> work;
  // Swallows the server's notices ("word is too long to be indexed", ...), which libpq would
  // print on stderr: library code never prints. Registered on conn; goes before it.
  std::unique_ptr<pqxx::quiet_errorhandler> quiet;
};

PgConnection::PgConnection(std::unique_ptr<Handles> handles, std::string uri, bool read_only)
    : h_(std::move(handles)), uri_(std::move(uri)), read_only_(read_only) {}

PgConnection::~PgConnection() {
  // Closing the connection ends the session: its prepared statements and any open transaction
  // (rolled back) go with it. Nothing here may throw.
  try {
    h_->work.reset();
    h_->quiet.reset();
    h_->conn.reset();
  } catch (...) {  // NOLINT(bugprone-empty-catch): a destructor has no one to tell
  }
}

Result<std::shared_ptr<PgConnection>> PgConnection::Open(const std::string& uri, bool read_only) {
  DEPECHE_ASSIGN_OR_RETURN(PgLocation location, ParsePgLocation(uri));
  if (location.dbname.empty()) {
    return InvalidArgumentError(PgCat({"name the database in the PostgreSQL URI ", location.display,
                                       " (postgresql://user@host:port/database)"}));
  }
  std::unique_ptr<pqxx::connection> conn;
  for (int attempt = 0; conn == nullptr; ++attempt) {
    try {
      conn = std::make_unique<pqxx::connection>(uri);
    } catch (const std::exception& e) {
      Status failed =
          UnavailableError(PgCat({"cannot connect to ", location.display, ": ", Tidy(e.what())}));
      if (attempt > 0) return failed;
      // Like SQLite creating a missing file: a missing database is created, unless read-only.
      // Asking the catalogue (rather than reading the server's localised message) tells a
      // missing database from any other refusal.
      Result<bool> exists = PgDatabaseExists(location);
      if (!exists.ok() || *exists) return failed;
      if (read_only) return NotFoundError(PgCat({"no database ", location.display}));
      DEPECHE_RETURN_IF_ERROR(CreatePgDatabase(location));
    }
  }
  auto handles = std::make_unique<Handles>();
  handles->conn = std::move(conn);
  std::shared_ptr<PgConnection> pg(new PgConnection(std::move(handles), uri, read_only));
  Status configured = pg->SetUp(PgCat({"configuring ", location.display}));
  if (!configured.ok()) {
    if (configured.code() == StatusCode::kInternal) {
      return FailedPreconditionError(configured.message());
    }
    return configured;
  }
  return pg;
}

Status PgConnection::SetUp(std::string_view what) {
  h_->quiet = std::make_unique<pqxx::quiet_errorhandler>(*h_->conn);
  return Guard(what, [&] {
    if (h_->conn->server_version() < kMinServerVersion) {
      throw std::runtime_error(PgCat({"PostgreSQL ", std::to_string(h_->conn->server_version()),
                                      " is older than 13, the oldest depeche supports"}));
    }
    h_->conn->set_client_encoding("UTF8");
    h_->work = std::make_unique<pqxx::nontransaction>(*h_->conn);
    h_->work->exec("SET bytea_output = 'hex'");
    if (read_only_) {
      // A reader's transaction sees one snapshot throughout, as an SQLite read transaction
      // does (engine.cc brackets a command's reads in BEGIN / COMMIT for that); read-only
      // transactions never fail to serialise.
      h_->work->exec(
          "SET default_transaction_read_only = on;"
          "SET default_transaction_isolation = 'repeatable read'");
    }
  });
}

Status PgConnection::Reconnect() {
  std::unique_ptr<pqxx::connection> conn;
  try {
    conn = std::make_unique<pqxx::connection>(uri_);
  } catch (const std::exception& e) {
    std::string display = uri_;
    Result<PgLocation> location = ParsePgLocation(uri_);
    if (location.ok()) display = location->display;
    return UnavailableError(PgCat({"reconnecting to ", display, ": ", Tidy(e.what())}));
  }
  try {
    h_->work.reset();
    h_->quiet.reset();
    h_->conn.reset();
  } catch (...) {  // NOLINT(bugprone-empty-catch): the old session is gone either way
  }
  h_->conn = std::move(conn);
  broken_ = false;
  // The new session has none of the old one's prepared statements (ExecPrepared prepares them
  // again when first used), no lastval, and may have missed other sessions' commits.
  prepared_.clear();
  pending_unprepare_.clear();
  deferred_.clear();
  deferred_count_ = 0;
  lastval_defined_ = false;
  seen_.reset();
  own_ended_.clear();
  ++data_version_;
  Status set_up = SetUp("configuring the new connection");
  if (!set_up.ok()) broken_ = true;
  return set_up;
}

template <typename Fn>
Status PgConnection::Guard(std::string_view what, Fn&& fn) {
  Status status;
  if (broken_ && !in_transaction_) {
    // Outside a transaction nothing is lost by starting a new session.
    status = Reconnect();
    if (!status.ok()) status = status.WithContext(what);
  }
  if (broken_) {
    if (status.ok()) {
      status = UnavailableError(std::string(what) + ": the connection to PostgreSQL was lost");
    }
  } else if (status.ok()) {
    try {
      fn();
      return Status::Ok();
    } catch (const pqxx::sql_error& e) {
      status = PgError(e.sqlstate(), e.what(), what);
      // The server ended the session (shutdown, pg_terminate_backend) or the link failed.
      if (e.sqlstate().starts_with("08") || e.sqlstate().starts_with("57P") ||
          !h_->conn->is_open()) {
        broken_ = true;
      }
    } catch (const pqxx::broken_connection& e) {
      broken_ = true;
      status = UnavailableError(std::string(what) +
                                ": connection to PostgreSQL lost: " + Tidy(e.what()));
    } catch (const pqxx::in_doubt_error& e) {
      broken_ = true;
      status = UnavailableError(std::string(what) + ": commit in doubt: " + Tidy(e.what()));
    } catch (const std::exception& e) {
      status = InternalError(std::string(what) + ": " + Tidy(e.what()));
    }
  }
  if (in_transaction_ && transaction_error_.ok()) transaction_error_ = status;
  return status;
}

Status PgConnection::ExecRaw(std::string_view sql, std::string_view what) {
  return Guard(what, [&] { h_->work->exec(std::string(sql)); });
}

void PgConnection::EndTransaction() {
  deferred_.clear();  // after ROLLBACK (COMMIT sent them first)
  deferred_count_ = 0;
  in_transaction_ = false;
  transaction_error_ = Status::Ok();
  // Statements dropped while PostgreSQL refused commands (an aborted transaction).
  std::vector<std::string> pending = std::move(pending_unprepare_);
  pending_unprepare_.clear();
  for (const std::string& name : pending) Unprepare(name);
}

void PgConnection::NoteOwnTransaction() {
  if (!in_transaction_ || !transaction_error_.ok() || broken_) return;
  try {
    pqxx::result r = h_->work->exec("SELECT pg_current_xact_id_if_assigned()::text");
    if (!r.empty() && !r[0][0].is_null()) own_ended_.push_back(r[0][0].as<uint64_t>());
  } catch (const std::exception&) {  // NOLINT(bugprone-empty-catch): then it counts as another's
  }
}

Status PgConnection::Exec(std::string_view sql) {
  auto [first, second] = LeadingWords(sql);
  const bool ends = first == "COMMIT" || first == "END" ||
                    (first == "ROLLBACK" && second != "TO") || first == "ABORT";
  if ((first == "ROLLBACK" && second != "TO") || first == "ABORT") {
    deferred_.clear();  // never sent: nothing to undo on the server
    deferred_count_ = 0;
  } else if (Status flushed = Flush(); !flushed.ok()) {
    // A COMMIT after a failed deferred write would end as a ROLLBACK: say so, as Commit() does.
    if (ends && in_transaction_) {
      (void)ExecRaw("ROLLBACK", "rolling back");
      EndTransaction();
    }
    return flushed;
  }
  // Its id, so that DataVersion() does not count this session's own commit.
  if (ends) NoteOwnTransaction();
  Status status = ExecRaw(sql, "executing SQL");
  if (first == "BEGIN" || first == "START") {
    if (status.ok()) {
      in_transaction_ = true;
      transaction_error_ = Status::Ok();
    }
  } else if (ends) {
    // Ended either way: PostgreSQL leaves no transaction behind a failed COMMIT.
    if (in_transaction_) EndTransaction();
  } else if (first == "ROLLBACK" && status.ok()) {
    transaction_error_ = Status::Ok();  // ROLLBACK TO SAVEPOINT repairs the transaction
  }
  return status;
}

Result<std::unique_ptr<StatementImpl>> PgConnection::Prepare(std::string_view sql) {
  PgSql rewritten = ToPostgresStatement(sql);
  std::string pg_sql = std::move(rewritten.sql);
  std::string name = std::to_string(++next_statement_);
  name.insert(name.begin(), 's');  // (not "s" + ...: GCC 12 warns falsely, -Wrestrict)
  std::string what = "preparing \"";
  what += sql.substr(0, 60);
  what += sql.size() > 60 ? "...\"" : "\"";
  Status prepared = Guard(what, [&] {
    h_->conn->prepare(name, pg_sql);
    prepared_.insert(name);
    try {
      h_->conn->prepare_now(name);
    } catch (...) {
      prepared_.erase(name);
      try {
        h_->conn->unprepare(name);
      } catch (...) {  // NOLINT(bugprone-empty-catch): the first error is the one to report
      }
      throw;
    }
  });
  if (!prepared.ok()) return prepared;
  const bool deferrable = ReturnsNoRows(pg_sql);
  definitions_.emplace(name, std::move(pg_sql));
  return std::unique_ptr<StatementImpl>(new PgStatement(
      shared_from_this(), name, rewritten.max_param, std::move(rewritten.sent), deferrable));
}

void PgConnection::EnsurePrepared(const std::string& name) {
  if (prepared_.contains(name)) return;
  // Prepared on a session that has since been replaced (Reconnect).
  auto definition = definitions_.find(name);
  if (definition == definitions_.end()) {
    throw std::logic_error("statement " + name + " was dropped");
  }
  h_->conn->prepare(name, definition->second);
  prepared_.insert(name);
  // Now, not at its first exec_prepared (libpqxx's default): a deferred SQL EXECUTE names it.
  h_->conn->prepare_now(name);
}

Result<pqxx::result> PgConnection::ExecPrepared(const std::string& name,
                                                const std::vector<const char*>& params) {
  DEPECHE_RETURN_IF_ERROR(Flush());
  pqxx::result result;
  DEPECHE_RETURN_IF_ERROR(Guard("executing statement", [&] {
    EnsurePrepared(name);
    result = h_->work->exec_prepared(name, pqxx::prepare::make_dynamic_params(params));
  }));
  return result;
}

Status PgConnection::Defer(const std::string& name, const std::vector<const char*>& params) {
  if (!in_transaction_ || broken_ || !transaction_error_.ok()) {
    return ExecPrepared(name, params).status();
  }
  DEPECHE_RETURN_IF_ERROR(Guard("preparing a deferred statement", [&] {
    EnsurePrepared(name);
    // `name` is ours (s1, s2, ...); the values are quoted by libpq for this connection.
    std::string call = "EXECUTE " + name;
    if (!params.empty()) {
      call += '(';
      for (size_t i = 0; i < params.size(); ++i) {
        if (i > 0) call += ',';
        call += params[i] == nullptr ? std::string("NULL") : h_->work->quote(params[i]);
      }
      call += ')';
    }
    call += ';';
    deferred_ += call;
  }));
  ++deferred_count_;
  if (deferred_count_ >= kMaxDeferred || deferred_.size() >= kMaxDeferredBytes) return Flush();
  return Status::Ok();
}

void PgConnection::SetDeferWrites(bool on) {
  if (!on) (void)Flush();  // a failure is the transaction's, reported at Commit
  defer_writes_ = on;
}

Status PgConnection::Flush() {
  if (deferred_.empty()) return Status::Ok();
  std::string sql = std::move(deferred_);
  deferred_.clear();
  deferred_count_ = 0;
  return Guard("executing deferred writes", [&] { h_->work->exec(sql); });
}

void PgConnection::Unprepare(const std::string& name) {
  // A queued EXECUTE may name it (a failure is the transaction's, reported at Commit).
  if (!deferred_.empty()) (void)Flush();
  definitions_.erase(name);
  if (broken_ || prepared_.erase(name) == 0) return;
  if (in_transaction_ && !transaction_error_.ok()) {
    pending_unprepare_.push_back(name);
    return;
  }
  try {
    h_->conn->unprepare(name);
  } catch (const pqxx::broken_connection&) {
    broken_ = true;
  } catch (const std::exception&) {
    if (in_transaction_) pending_unprepare_.push_back(name);
  }
}

Status PgConnection::Begin() {
  if (in_transaction_) {
    return FailedPreconditionError("BEGIN: a transaction is already open on this connection");
  }
  return Exec("BEGIN");
}

Status PgConnection::Commit() {
  (void)Flush();  // a failure is transaction_error_, below
  if (in_transaction_ && !transaction_error_.ok()) {
    Status first = transaction_error_;
    (void)Exec("ROLLBACK");
    return first.WithContext("COMMIT after a failed statement: the transaction was rolled back");
  }
  return Exec("COMMIT");
}

Status PgConnection::Rollback() {
  if (!in_transaction_) return Status::Ok();
  return Exec("ROLLBACK");
}

int64_t PgConnection::LastInsertRowid() {
  if (!Flush().ok()) return 0;
  int64_t value = 0;
  auto read = [&] {
    pqxx::result r = h_->work->exec("SELECT lastval()");
    if (!r.empty() && !r[0][0].is_null()) value = r[0][0].as<int64_t>();
  };
  if (lastval_defined_ || !in_transaction_) {
    // Outside a transaction an error aborts nothing; once lastval() has answered it always
    // does in this session.
    Status status = Guard("lastval", read);
    if (status.ok()) lastval_defined_ = true;
    return status.ok() ? value : 0;
  }
  // The first call inside a transaction: "lastval is not yet defined" must not abort it.
  bool ok = false;
  try {
    h_->work->exec("SAVEPOINT depeche_lastval");
    try {
      read();
      ok = true;
      h_->work->exec("RELEASE SAVEPOINT depeche_lastval");
    } catch (const pqxx::sql_error&) {
      h_->work->exec("ROLLBACK TO SAVEPOINT depeche_lastval");
      h_->work->exec("RELEASE SAVEPOINT depeche_lastval");
    }
  } catch (const pqxx::broken_connection&) {
    broken_ = true;
    ok = false;
  } catch (const std::exception&) {
    ok = false;
  }
  if (ok) lastval_defined_ = true;
  return ok ? value : 0;
}

Result<int64_t> PgConnection::DataVersion() {
  DEPECHE_RETURN_IF_ERROR(Flush());
  std::string text;
  std::optional<uint64_t> current;
  DEPECHE_RETURN_IF_ERROR(Guard("data_version", [&] {
    pqxx::result r = h_->work->exec(
        "SELECT pg_current_snapshot()::text, pg_current_xact_id_if_assigned()::text");
    text = r[0][0].c_str();
    if (!r[0][1].is_null()) current = r[0][1].as<uint64_t>();
  }));
  std::optional<PgSnapshot> now = ParsePgSnapshot(text);
  if (!now) return InternalError("data_version: unexpected snapshot '" + text + "'");
  if (current) own_ended_.push_back(*current);
  if (seen_ && OthersEnded(*seen_, *now, own_ended_)) ++data_version_;
  seen_ = std::move(now);
  own_ended_.clear();
  return data_version_;
}

}  // namespace depeche::store
