#include <gtest/gtest.h>

#include <cctype>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "store/database.h"
#include "store/migrations.h"

namespace depeche::store {
namespace {

// Lowercase, double quotes dropped ("end" -> end).
std::string Normalize(std::string_view sql) {
  std::string out;
  for (char c : sql) {
    if (c == '"') continue;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

bool IsIdentChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::string IdentAt(const std::string& s, size_t pos) {
  while (pos < s.size() && std::isspace(static_cast<unsigned char>(s[pos]))) ++pos;
  size_t end = pos;
  while (end < s.size() && IsIdentChar(s[end])) ++end;
  return s.substr(pos, end - pos);
}

// What a migration declares: "table t", "column t.c", "index i", "drop index i",
// "add column t.c". Table bodies are split at top-level commas; a table constraint (PRIMARY
// KEY, UNIQUE, CHECK) is not a column.
std::set<std::string> Declared(std::string_view sql) {
  const std::string s = Normalize(sql);
  std::set<std::string> out;
  for (size_t pos = s.find("create table "); pos != std::string::npos;
       pos = s.find("create table ", pos + 1)) {
    const std::string table = IdentAt(s, pos + 13);
    out.insert("table " + table);
    size_t i = s.find('(', pos);
    int depth = 0;
    size_t item = i + 1;
    for (; i < s.size(); ++i) {
      if (s[i] == '(') ++depth;
      if (s[i] == ')' || (s[i] == ',' && depth == 1)) {
        if (s[i] == ')') --depth;
        if (depth <= 1 && (s[i] == ',' || depth == 0)) {
          const std::string column = IdentAt(s, item);
          if (column != "primary" && column != "unique" && column != "check") {
            out.insert("column " + table + "." + column);
          }
          item = i + 1;
        }
        if (depth == 0) break;
      }
    }
  }
  for (std::string_view kind : {"create index ", "create unique index ", "drop index "}) {
    for (size_t pos = s.find(kind); pos != std::string::npos; pos = s.find(kind, pos + 1)) {
      std::string name = IdentAt(s, pos + kind.size());
      out.insert(std::string(kind.substr(0, kind.size() - 1)) + " " + name);
    }
  }
  for (size_t pos = s.find("alter table "); pos != std::string::npos;
       pos = s.find("alter table ", pos + 1)) {
    const std::string table = IdentAt(s, pos + 12);
    const size_t add = s.find(" add column ", pos);
    const size_t end = s.find(';', pos);
    if (add != std::string::npos && add < end) {
      out.insert("add column " + table + "." + IdentAt(s, add + 12));
    }
  }
  return out;
}

TEST(PgMigrationsTest, OneTextPerVersion) {
  EXPECT_TRUE(PgMigrationSql(0).empty());
  EXPECT_TRUE(PgMigrationSql(kSchemaVersion + 1).empty());
  for (const Migration& m : AllMigrations()) {
    EXPECT_FALSE(PgMigrationSql(m.version).empty()) << "version " << m.version;
  }
  EXPECT_EQ(AllMigrations().size(), static_cast<size_t>(kSchemaVersion));
}

// Every version declares the same tables, columns, indexes
// and added columns on both backends; PostgreSQL's version 1 adds only its full-text table
// (FTS5's virtual table, which is no CREATE TABLE) and that table's indexes, and the logs read
// in rowid order name SQLite's implicit rowid.
TEST(PgMigrationsTest, SameTablesColumnsAndIndexesAsSqlite) {
  const std::map<std::string, int> pg_only = {
      {"table article_fts", 1},         {"column article_fts.rowid", 1},
      {"column article_fts.doc", 1},    {"create index article_fts_doc", 1},
      {"column story_merges.rowid", 2}, {"column entity_merges.rowid", 6},
      {"column story_splits.rowid", 7}, {"column story_moves.rowid", 7}};
  for (const Migration& m : AllMigrations()) {
    SCOPED_TRACE("version " + std::to_string(m.version));
    const std::set<std::string> sqlite = Declared(m.sql);
    std::set<std::string> pg = Declared(PgMigrationSql(m.version));
    ASSERT_FALSE(sqlite.empty());
    for (const std::string& item : sqlite) {
      EXPECT_EQ(pg.count(item), 1u) << "missing on PostgreSQL: " << item;
    }
    for (const std::string& item : pg) {
      if (sqlite.count(item) == 0) {
        auto it = pg_only.find(item);
        EXPECT_TRUE(it != pg_only.end() && it->second == m.version)
            << "only on PostgreSQL: " << item;
      }
    }
  }
}

TEST(PgMigrationsTest, ParsesWhatItDeclares) {
  std::set<std::string> got = Declared(
      "CREATE TABLE t (a INTEGER PRIMARY KEY, \"end\" TEXT CHECK (json_valid(x, 1)),\n"
      "  PRIMARY KEY (a, b)) WITHOUT ROWID;\n"
      "CREATE UNIQUE INDEX t_a ON t(a);\nALTER TABLE t ADD COLUMN c INTEGER;");
  std::set<std::string> want = {"table t", "column t.a", "column t.end", "create unique index t_a",
                                "add column t.c"};
  EXPECT_EQ(got, want);
}

}  // namespace
}  // namespace depeche::store
