// PgSnapshot: a PostgreSQL transaction snapshot (pg_current_snapshot()), and whether another
// session's transaction ended between two of them: what Database::DataVersion reports on
// PostgreSQL.
#ifndef DEPECHE_STORE_PG_SNAPSHOT_H_
#define DEPECHE_STORE_PG_SNAPSHOT_H_

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace depeche::store {

// Transaction ids (64-bit, xid8) below xmin have ended; xmax and above had not started; in
// between, those in xip were running and the others had ended.
struct PgSnapshot {
  uint64_t xmin = 0;
  uint64_t xmax = 0;
  std::vector<uint64_t> xip;  // ascending
};

// Parses PostgreSQL's text form "xmin:xmax:xip1,xip2,..."; nullopt when malformed.
std::optional<PgSnapshot> ParsePgSnapshot(std::string_view text);

// Whether a transaction that is not in `own` (this session's) ended between `before` and
// `after` (taken later): one running or not yet started in `before`, ended in `after`. Ids only
// go to transactions that write, so a reader's transactions never count; an aborted writer
// counts (a cache refreshed for nothing, never a stale one).
bool OthersEnded(const PgSnapshot& before, const PgSnapshot& after,
                 const std::vector<uint64_t>& own);

}  // namespace depeche::store

#endif  // DEPECHE_STORE_PG_SNAPSHOT_H_
