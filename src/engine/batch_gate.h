// BatchGate: serialises the writer part of each ingest batch among the processes that share
// one database, and keeps each process's story and entity state current between its batches.
//
// On SQLite one ingest holds a WriterLock for its whole run (writer_lock.h); the engine uses no
// gate there. On PostgreSQL several `depeche ingest` workers share one database: each analyses
// its records in parallel with the others, and only the writer part of a batch (article
// inserts, story assignment, entity resolution, commit) runs under the gate:
//   Enter(): BEGIN, then the backend's lock for the story space, then a reload of the story and
//            entity state when another writer committed a batch since this process last saw
//            the state;
//   Leave(): records this batch's token with the state, then COMMIT (which releases the lock).
// On PostgreSQL the lock is `pg_advisory_xact_lock(kStorySpaceLockKey)`, a transaction-level
// advisory lock: COMMIT and ROLLBACK release it, and so does the server when the worker's
// connection goes away (a killed worker never leaves it held). On SQLite BEGIN IMMEDIATE
// already serialises writers, so the gate needs no lock of its own there (that is what its
// unit tests run on).
//
// Staleness: each batch writes a random token into story_meta ("batch_token") in its own
// transaction. A process that finds, under the lock, another token than the one it wrote last
// knows that another writer committed story state since, and reloads. This is exact whatever
// Database::DataVersion counts (other connections' commits only, as SQLite's data_version, or
// every commit): the token moves with the story state it describes, in the same transaction.
#ifndef DEPECHE_ENGINE_BATCH_GATE_H_
#define DEPECHE_ENGINE_BATCH_GATE_H_

#include <cstdint>
#include <functional>
#include <optional>

#include "depeche/status.h"
#include "store/database.h"

namespace depeche::engine {

// One advisory-lock key for the whole story space, not one per language: the story stage is
// not partitioned by language. The clusterer's candidate search (its inverted index over
// names, numbers and terms), its sequence number (re-checks every 256 articles) and its clock
// are shared by all languages, and the near-duplicate index matches shingles across languages;
// an English and a French article about one event can join one story. Assignments in one
// language therefore read and change state that another language's assignments use, and
// per-language keys would let two workers change it at once. (Hex of "depeche:stories".)
inline constexpr int64_t kStorySpaceLockKey = 0x6465706563686573;

// Not thread-safe (one writer thread); borrows the Database, which must outlive it.
class BatchGate {
 public:
  // `reload` rebuilds the in-memory story and entity state from the store (called inside the
  // batch's transaction, under the lock). `lock_sql`: the statement that takes the lock right
  // after BEGIN, or empty for none (SQLite). ForBackend picks it.
  BatchGate(store::Database& db, std::function<Status()> reload, std::string lock_sql);
  // The gate for `db`'s backend: the advisory lock on PostgreSQL, none on SQLite.
  static BatchGate ForBackend(store::Database& db, std::function<Status()> reload);

  // Begins the batch's transaction, takes the lock and reloads when stale. On an error the
  // transaction is rolled back and the state is to be treated as unknown. Errors: from the
  // database (Unavailable when the connection is gone) or from `reload`.
  Status Enter();
  // Writes the batch's token and commits. On an error nothing of the batch is committed (the
  // caller rolls back). Errors: from the database.
  Status Leave();
  // After a rollback: the in-memory state no longer matches what this gate last wrote.
  void Forget() { last_token_.reset(); }

  // Reloads done by Enter() since construction (for tests and the ingest report).
  int64_t reloads() const { return reloads_; }

 private:
  Result<std::optional<int64_t>> StoredToken();
  int64_t NextToken();

  store::Database& db_;
  std::function<Status()> reload_;
  std::string lock_sql_;
  std::optional<int64_t> last_token_;  // what this gate last committed; unset: unknown
  uint64_t token_base_ = 0;
  uint64_t batches_ = 0;
  int64_t reloads_ = 0;
};

}  // namespace depeche::engine

#endif  // DEPECHE_ENGINE_BATCH_GATE_H_
