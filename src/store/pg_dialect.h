// ToPostgresSql: the mechanical rewrite of the stores' SQLite-dialect SQL into PostgreSQL's.
// SQL is written once, in SQLite's dialect; what differs beyond this list is chosen explicitly
// in the store file (`if (db->backend() == Backend::kPostgres)`).
#ifndef DEPECHE_STORE_PG_DIALECT_H_
#define DEPECHE_STORE_PG_DIALECT_H_

#include <string>
#include <string_view>
#include <vector>

namespace depeche::store {

// Rewrites, outside string literals, quoted identifiers and comments, case-insensitively:
//   ?NNN -> $NNN; ? -> $N, N one more than the highest number given so far (SQLite's rule)
//   INSERT OR IGNORE INTO ... -> INSERT INTO ... ON CONFLICT DO NOTHING (placed before a
//     top-level RETURNING, else at the end of the statement)
//   IFNULL( -> COALESCE(        char( -> chr(        group_concat( -> string_agg( (a one-argument
//   call gets SQLite's default separator: string_agg(x, ','))
//   unixepoch() -> CAST(extract(epoch from now()) AS BIGINT)        instr( -> strpos(
//   BEGIN IMMEDIATE -> BEGIN
// Everything else is copied unchanged. Pure; never fails (SQL it cannot parse is copied as is and
// PostgreSQL reports it).
std::string ToPostgresSql(std::string_view sqlite_sql);

// Same; `*max_param` receives the highest parameter number in the text (0 when none).
std::string ToPostgresSql(std::string_view sqlite_sql, int* max_param);

// A statement for PostgreSQL to prepare: ToPostgresSql's text with the parameters renumbered
// densely ($1..$n for the SQLite numbers used, in increasing order: PostgreSQL cannot type a
// number the text skips), and a parameter whose only uses are `IS NULL` / `IS NOT NULL` tests
// written CAST($k AS TEXT) (no other use to infer its type from).
struct PgSql {
  std::string sql;
  int max_param = 0;      // the highest SQLite parameter number (0 when none)
  std::vector<int> sent;  // sent[k - 1]: the SQLite number that $k carries
};
PgSql ToPostgresStatement(std::string_view sqlite_sql);

}  // namespace depeche::store

#endif  // DEPECHE_STORE_PG_DIALECT_H_
