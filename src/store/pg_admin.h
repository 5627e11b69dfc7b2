// The PostgreSQL database a connection URI names: parsing, and creating or dropping it through
// the server's `postgres` maintenance database.
#ifndef DEPECHE_STORE_PG_ADMIN_H_
#define DEPECHE_STORE_PG_ADMIN_H_

#include <string>
#include <string_view>

#include "depeche/status.h"

namespace depeche::store {

// What a libpq URI (or keyword=value string) says, as libpq parses it (PQconninfoParse).
struct PgLocation {
  std::string dbname;       // the database it names (empty: libpq's default, the user name)
  std::string maintenance;  // the same server and credentials, database `postgres`
  std::string display;      // the URI without its password, for messages
};

// Errors: InvalidArgument (libpq cannot parse it; the message is libpq's).
Result<PgLocation> ParsePgLocation(const std::string& uri);

// Whether the database named `dbname` exists on the server (asked through `maintenance`).
// Errors: Unavailable (cannot connect), the PgError mapping.
Result<bool> PgDatabaseExists(const PgLocation& location);

// CREATE DATABASE (UTF8; byte-order collation as SQLite's BINARY, a UTF-8 character type so
// text search folds case beyond ASCII; the server's defaults when it lacks the C.UTF-8
// locale). A database created meanwhile by another process is success.
Status CreatePgDatabase(const PgLocation& location);

}  // namespace depeche::store

#endif  // DEPECHE_STORE_PG_ADMIN_H_
