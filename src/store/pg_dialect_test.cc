#include "store/pg_dialect.h"

#include <gtest/gtest.h>

#include <vector>

namespace depeche::store {
namespace {

TEST(PgDialectTest, NumberedParametersKeepTheirNumber) {
  int max_param = -1;
  EXPECT_EQ(ToPostgresSql("SELECT a FROM t WHERE b = ?2 AND c = ?1 AND d = ?12", &max_param),
            "SELECT a FROM t WHERE b = $2 AND c = $1 AND d = $12");
  EXPECT_EQ(max_param, 12);
}

TEST(PgDialectTest, BareParametersFollowTheHighestNumberSoFar) {
  int max_param = -1;
  EXPECT_EQ(ToPostgresSql("VALUES (?, ?, ?)", &max_param), "VALUES ($1, $2, $3)");
  EXPECT_EQ(max_param, 3);
  // SQLite's rule: a bare ? is one more than the largest number already assigned.
  EXPECT_EQ(ToPostgresSql("VALUES (?3, ?, ?1, ?)"), "VALUES ($3, $4, $1, $5)");
  EXPECT_EQ(ToPostgresSql("SELECT 1", &max_param), "SELECT 1");
  EXPECT_EQ(max_param, 0);
}

TEST(PgDialectTest, LiteralsIdentifiersAndCommentsAreUntouched) {
  EXPECT_EQ(ToPostgresSql("SELECT '?', 'it''s ? IFNULL(', \"a?b\" FROM t WHERE x = ?"),
            "SELECT '?', 'it''s ? IFNULL(', \"a?b\" FROM t WHERE x = $1");
  EXPECT_EQ(ToPostgresSql("SELECT 1 -- why? char(1)\n, ? /* ?2 group_concat( */"),
            "SELECT 1 -- why? char(1)\n, $1 /* ?2 group_concat( */");
  // Unterminated literals run to the end and are copied as they are.
  EXPECT_EQ(ToPostgresSql("SELECT 'a?"), "SELECT 'a?");
}

TEST(PgDialectTest, InsertOrIgnoreBecomesOnConflictDoNothing) {
  EXPECT_EQ(ToPostgresSql("INSERT OR IGNORE INTO t(a, b) VALUES (?1, ?2)"),
            "INSERT INTO t(a, b) VALUES ($1, $2) ON CONFLICT DO NOTHING");
  EXPECT_EQ(ToPostgresSql("insert  or   ignore into t(a) select x from u;\n"),
            "insert into t(a) select x from u ON CONFLICT DO NOTHING;\n");
  EXPECT_EQ(ToPostgresSql("INSERT OR IGNORE INTO t(a) VALUES (?) RETURNING rowid"),
            "INSERT INTO t(a) VALUES ($1) ON CONFLICT DO NOTHING RETURNING rowid");
  // Each statement of a script gets its own clause.
  EXPECT_EQ(ToPostgresSql("INSERT OR IGNORE INTO t VALUES (1); INSERT INTO u VALUES (2);"),
            "INSERT INTO t VALUES (1) ON CONFLICT DO NOTHING; INSERT INTO u VALUES (2);");
  // A plain INSERT, or one with another conflict clause, is left alone.
  EXPECT_EQ(ToPostgresSql("INSERT INTO t VALUES (?)"), "INSERT INTO t VALUES ($1)");
  EXPECT_EQ(ToPostgresSql("INSERT OR REPLACE INTO t VALUES (1)"),
            "INSERT OR REPLACE INTO t VALUES (1)");
}

TEST(PgDialectTest, Functions) {
  EXPECT_EQ(ToPostgresSql("SELECT IFNULL(a, 0), ifnull (b, '')"),
            "SELECT COALESCE(a, 0), COALESCE (b, '')");
  EXPECT_EQ(ToPostgresSql("SELECT lang || char(1) || title"), "SELECT lang || chr(1) || title");
  EXPECT_EQ(ToPostgresSql("SELECT unixepoch(), UNIXEPOCH( )"),
            "SELECT CAST(extract(epoch from now()) AS BIGINT), "
            "CAST(extract(epoch from now()) AS BIGINT)");
  EXPECT_EQ(ToPostgresSql("SELECT group_concat(name, '|') FROM t"),
            "SELECT string_agg(name, '|') FROM t");
  EXPECT_EQ(ToPostgresSql("SELECT GROUP_CONCAT(f(a, b)) FROM t"),
            "SELECT string_agg(f(a, b), ',') FROM t");
  EXPECT_EQ(ToPostgresSql("SELECT group_concat(')') FROM t"), "SELECT string_agg(')', ',') FROM t");
  // Only calls, and only whole words: a column named char or ifnull_x stays.
  EXPECT_EQ(ToPostgresSql("SELECT char, ifnull_x(a), mychar(1) FROM t"),
            "SELECT char, ifnull_x(a), mychar(1) FROM t");
}

TEST(PgDialectTest, InstrBecomesStrpos) {
  EXPECT_EQ(ToPostgresSql("SELECT instr(',' || a || ',', ?1) FROM t"),
            "SELECT strpos(',' || a || ',', $1) FROM t");
  EXPECT_EQ(ToPostgresSql("SELECT instr FROM t"), "SELECT instr FROM t");
}

TEST(PgDialectTest, BeginImmediate) {
  EXPECT_EQ(ToPostgresSql("BEGIN IMMEDIATE"), "BEGIN");
  EXPECT_EQ(ToPostgresSql("begin immediate;"), "BEGIN;");
  EXPECT_EQ(ToPostgresSql("BEGIN"), "BEGIN");
}

TEST(PgDialectTest, StatementsNumberParametersDenselyAndTypeNullTests) {
  PgSql gap = ToPostgresStatement("SELECT a FROM t WHERE b = ?1 AND c = ?3 LIMIT ?3");
  EXPECT_EQ(gap.sql, "SELECT a FROM t WHERE b = $1 AND c = $2 LIMIT $2");
  EXPECT_EQ(gap.max_param, 3);
  EXPECT_EQ(gap.sent, (std::vector<int>{1, 3}));
  PgSql null_test = ToPostgresStatement("SELECT 1 WHERE (?2 IS NULL OR x = ?1) AND ?3 is not null");
  EXPECT_EQ(null_test.sql,
            "SELECT 1 WHERE (CAST($2 AS TEXT) IS NULL OR x = $1) AND CAST($3 AS TEXT) is not null");
  EXPECT_EQ(null_test.sent, (std::vector<int>{1, 2, 3}));
  // Used elsewhere too: PostgreSQL infers the type from that use, so no cast.
  PgSql typed = ToPostgresStatement("SELECT 1 WHERE ?1 IS NULL OR x = ?1");
  EXPECT_EQ(typed.sql, "SELECT 1 WHERE $1 IS NULL OR x = $1");
  PgSql none = ToPostgresStatement("SELECT '?1'");
  EXPECT_EQ(none.sql, "SELECT '?1'");
  EXPECT_TRUE(none.sent.empty());
}

}  // namespace
}  // namespace depeche::store
