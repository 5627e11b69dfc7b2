#include "store/pg_admin.h"

#include <libpq-fe.h>

#include <exception>
#include <initializer_list>
#include <memory>
#include <pqxx/pqxx>
#include <string>

#include "store/database.h"
#include "store/pg_connection.h"

namespace depeche::store {
namespace {

// A keyword=value conninfo value: single-quoted, with \ and ' escaped (libpq's rules).
std::string QuoteConninfo(std::string_view value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  out += '\'';
  return out;
}

// The URI without the password in its user info or its query.
std::string RedactUri(const std::string& uri) {
  size_t scheme = uri.find("://");
  if (scheme == std::string::npos) return uri;
  std::string out = uri;
  size_t host_start = scheme + 3;
  size_t host_end = out.find_first_of("/?", host_start);
  size_t at = out.rfind('@', host_end == std::string::npos ? out.size() : host_end);
  if (at != std::string::npos && at >= host_start) {
    size_t colon = out.find(':', host_start);
    if (colon != std::string::npos && colon < at) out.replace(colon, at - colon, ":***");
  }
  size_t pw = out.find("password=");
  if (pw != std::string::npos && (out[pw - 1] == '?' || out[pw - 1] == '&')) {
    size_t end = out.find('&', pw);
    out.replace(pw + 9, end == std::string::npos ? std::string::npos : end - pw - 9, "***");
  }
  return out;
}

// Runs `fn` on a connection to the maintenance database, mapping what libpqxx throws.
template <typename Fn>
Status OnMaintenance(const PgLocation& location, std::string_view what, Fn&& fn) {
  try {
    pqxx::connection conn(location.maintenance);
    // Notices ("database ... does not exist, skipping") are not for stderr: library code never
    // prints.
    pqxx::quiet_errorhandler quiet(conn);
    pqxx::nontransaction work(conn);
    fn(conn, work);
    return Status::Ok();
  } catch (const pqxx::sql_error& e) {
    return PgError(e.sqlstate(), e.what(), what);
  } catch (const pqxx::broken_connection& e) {
    return UnavailableError(std::string(what) + ": cannot connect to the maintenance database " +
                            "postgres: " + e.what());
  } catch (const std::exception& e) {
    return InternalError(std::string(what) + ": " + e.what());
  }
}

}  // namespace

bool IsPostgresLocation(std::string_view location) {
  return location.starts_with("postgresql://") || location.starts_with("postgres://");
}

std::string DisplayLocation(std::string_view location) {
  if (!IsPostgresLocation(location)) return std::string(location);
  return RedactUri(std::string(location));
}

Result<PgLocation> ParsePgLocation(const std::string& uri) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(uri.c_str(), &error);
  if (options == nullptr) {
    std::string message = "not a PostgreSQL connection URI";
    if (error != nullptr) {
      message += ": ";
      message += error;
      PQfreemem(error);
      while (!message.empty() && message.back() == '\n') message.pop_back();
    }
    return InvalidArgumentError(std::move(message));
  }
  PgLocation location;
  for (PQconninfoOption* o = options; o->keyword != nullptr; ++o) {
    if (o->val == nullptr) continue;
    std::string_view keyword = o->keyword;
    if (keyword == "dbname") {
      location.dbname = o->val;
      continue;
    }
    location.maintenance += std::string(keyword) + "=" + QuoteConninfo(o->val) + " ";
  }
  PQconninfoFree(options);
  location.maintenance += "dbname=postgres";
  location.display = RedactUri(uri);
  return location;
}

Result<bool> PgDatabaseExists(const PgLocation& location) {
  bool exists = false;
  DEPECHE_RETURN_IF_ERROR(OnMaintenance(
      location, PgCat({"looking for database ", location.dbname}),
      [&](pqxx::connection&, pqxx::nontransaction& work) {
        pqxx::result rows = work.exec(
            PgCat({"SELECT 1 FROM pg_database WHERE datname = '", work.esc(location.dbname), "'"}));
        exists = !rows.empty();
      }));
  return exists;
}

Status CreatePgDatabase(const PgLocation& location) {
  return OnMaintenance(
      location, PgCat({"creating database ", location.dbname}),
      [&](pqxx::connection& conn, pqxx::nontransaction& work) {
        const std::string name = conn.quote_name(location.dbname);
        try {
          std::string sql = "CREATE DATABASE ";
          sql += name;
          sql += " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C.UTF-8'";
          work.exec(sql);
          return;
        } catch (const pqxx::sql_error& e) {
          // Another process created it between our look and our CREATE.
          if (e.sqlstate() == "42P04") return;
          // Otherwise most likely a server without the C.UTF-8 locale: plain C below.
        }
        try {
          std::string sql = "CREATE DATABASE ";
          sql += name;
          sql += " TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'";
          work.exec(sql);
        } catch (const pqxx::sql_error& e) {
          if (e.sqlstate() != "42P04") throw;
        }
      });
}

Status DropPostgresDatabase(const std::string& uri) {
  DEPECHE_ASSIGN_OR_RETURN(PgLocation location, ParsePgLocation(uri));
  if (location.dbname.empty() || location.dbname == "postgres" ||
      location.dbname.starts_with("template")) {
    return InvalidArgumentError(
        PgCat({"refusing to drop database '", location.dbname, "' of ", location.display}));
  }
  return OnMaintenance(location, PgCat({"dropping database ", location.dbname}),
                       [&](pqxx::connection& conn, pqxx::nontransaction& work) {
                         work.exec(PgCat({"DROP DATABASE IF EXISTS ",
                                          conn.quote_name(location.dbname), " WITH (FORCE)"}));
                       });
}

}  // namespace depeche::store
