#include "engine/batch_gate.h"

#include <random>
#include <string>
#include <utility>

#include "store/statement.h"

namespace depeche::engine {
namespace {

constexpr char kTokenKey[] = "batch_token";

}  // namespace

BatchGate::BatchGate(store::Database& db, std::function<Status()> reload, std::string lock_sql)
    : db_(db), reload_(std::move(reload)), lock_sql_(std::move(lock_sql)) {
  // Tokens only have to differ between the writers of one database: 64 random bits per
  // process, then a counter.
  std::random_device device;
  token_base_ = (static_cast<uint64_t>(device()) << 32) ^ device();
}

BatchGate BatchGate::ForBackend(store::Database& db, std::function<Status()> reload) {
  std::string lock_sql;
  if (db.backend() == store::Backend::kPostgres) {
    lock_sql = "SELECT pg_advisory_xact_lock(" + std::to_string(kStorySpaceLockKey) + ")";
  }
  return BatchGate(db, std::move(reload), std::move(lock_sql));
}

int64_t BatchGate::NextToken() {
  // Non-negative so that it reads back the same through any integer column.
  return static_cast<int64_t>((token_base_ + ++batches_) & 0x7fffffffffffffffULL);
}

Result<std::optional<int64_t>> BatchGate::StoredToken() {
  DEPECHE_ASSIGN_OR_RETURN(
      store::Statement st,
      store::Statement::Prepare(&db_, "SELECT value FROM story_meta WHERE key = ?1"));
  st.BindText(1, kTokenKey);
  DEPECHE_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return std::optional<int64_t>();
  return std::optional<int64_t>(st.ColumnInt64(0));
}

Status BatchGate::Enter() {
  DEPECHE_RETURN_IF_ERROR(db_.Begin());
  Status status;
  if (!lock_sql_.empty()) {
    Result<store::Statement> lock = store::Statement::Prepare(&db_, lock_sql_);
    status = lock.status();
    if (status.ok()) status = lock->Step().status();
  }
  if (status.ok()) {
    Result<std::optional<int64_t>> stored = StoredToken();
    status = stored.status();
    // A database no batch has written yet holds the state this process loaded at open only
    // if nothing else wrote it either: an unknown last token always reloads.
    if (status.ok() && (!last_token_ || *stored != last_token_)) {
      status = reload_();
      if (status.ok()) ++reloads_;
    }
  }
  if (!status.ok()) {
    (void)db_.Rollback();
    last_token_.reset();
  }
  return status;
}

Status BatchGate::Leave() {
  const int64_t token = NextToken();
  DEPECHE_ASSIGN_OR_RETURN(
      store::Statement st,
      store::Statement::Prepare(&db_,
                                "INSERT INTO story_meta(key, value) VALUES (?1, ?2) "
                                "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
  st.BindText(1, kTokenKey);
  st.BindInt64(2, token);
  DEPECHE_RETURN_IF_ERROR(st.Run());
  DEPECHE_RETURN_IF_ERROR(db_.Commit());
  last_token_ = token;
  return Status::Ok();
}

}  // namespace depeche::engine
