// The ordered schema migrations. Migration N brings a version N-1 database to version N.
#ifndef DEPECHE_STORE_MIGRATIONS_H_
#define DEPECHE_STORE_MIGRATIONS_H_

#include <span>
#include <string_view>

namespace depeche::store {

struct Migration {
  int version;                   // 1, 2, 3, ... with no gaps; the last is kSchemaVersion
  std::string_view description;  // recorded in schema_version
  std::string_view sql;          // one or more statements, run inside the migration transaction
  std::string_view pg_sql;       // the same change for PostgreSQL (PgMigrationSql)
};

// The PostgreSQL text of migration `version` (migrations_pg.cc); empty when there is none.
std::string_view PgMigrationSql(int version);

// All migrations, in order. To change the schema, append a migration (never edit a shipped
// one) and bump kSchemaVersion in database.h.
std::span<const Migration> AllMigrations();

// The PostgreSQL text of migration `version` (1..kSchemaVersion; empty for any other number):
// the same tables, columns, indexes and meanings as AllMigrations()[version - 1].sql in
// PostgreSQL's dialect, plus, in version 1, the text search setup that stands in for FTS5
// (migrations_pg.cc). One or more statements, run inside the migration transaction.
std::string_view PgMigrationSql(int version);

}  // namespace depeche::store

#endif  // DEPECHE_STORE_MIGRATIONS_H_
