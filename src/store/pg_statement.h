// PgStatement: one server-side prepared statement of a PgConnection, with SQLite's bind/column
// behaviour (statement.h) over PostgreSQL's text protocol.
#ifndef DEPECHE_STORE_PG_STATEMENT_H_
#define DEPECHE_STORE_PG_STATEMENT_H_

#include <memory>
#include <pqxx/result>
#include <string>
#include <vector>

#include "store/connection.h"

namespace depeche::store {

class PgConnection;

// Parameters are sent as text with no declared type (PostgreSQL infers each one from its use);
// blobs as bytea hex (\x...); text with a NUL byte is refused (PostgreSQL text cannot hold
// one); a parameter never bound is NULL. Binds copy. Step() runs the statement and keeps the
// whole result; a step after the last row runs it again, as SQLite does. Columns parse the
// text: ColumnInt64 / ColumnDouble read integers, reals and booleans (t/f as 1/0) and give 0
// for NULL; ColumnBlob and ColumnText decode bytea columns. With the connection's
// SetDeferWrites(true), inside a transaction a statement that returns no rows is queued rather
// than run (PgConnection::Defer): its error, if any, comes from a later call and from Commit.
// Not thread-safe.
class PgStatement final : public StatementImpl {
 public:
  // `param_count`: the highest SQLite parameter number; `sent`: the SQLite number each $k of
  // the prepared text carries (ToPostgresStatement), the only values sent.
  // `deferrable`: the statement returns no rows, so that Step() may queue it
  // (PgConnection::Defer) and return false.
  PgStatement(std::shared_ptr<PgConnection> conn, std::string name, int param_count,
              std::vector<int> sent, bool deferrable);
  ~PgStatement() override;
  PgStatement(const PgStatement&) = delete;
  PgStatement& operator=(const PgStatement&) = delete;

  void BindText(int index, std::string_view value) override;
  void BindBlob(int index, const void* data, size_t size) override;
  void BindInt64(int index, int64_t value) override;
  void BindDouble(int index, double value) override;
  void BindNull(int index) override;
  Result<bool> Step() override;
  void Reset() override;
  std::string_view ColumnText(int index) override;
  std::string_view ColumnBlob(int index) override;
  int64_t ColumnInt64(int index) override;
  double ColumnDouble(int index) override;
  bool ColumnIsNull(int index) override;

 private:
  // The slot for parameter `index`, or nullptr (and a remembered error) when out of range.
  std::string* Slot(int index);
  // The raw text of column `index` in the current row; nullptr for NULL or no such column.
  const char* Raw(int index, size_t* size);
  std::string_view Decoded(int index);

  std::shared_ptr<PgConnection> conn_;
  std::string name_;
  std::vector<int> sent_;
  bool deferrable_;
  std::vector<std::string> values_;
  std::vector<char> bound_;  // 0: NULL
  Status bind_error_;        // first failed bind since the last Reset()
  std::unique_ptr<pqxx::result> result_;
  size_t row_ = 0;
  std::vector<std::string> decoded_;  // bytea columns of the current row, decoded
  std::vector<char> decoded_valid_;
};

}  // namespace depeche::store

#endif  // DEPECHE_STORE_PG_STATEMENT_H_
