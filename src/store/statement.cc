#include "store/statement.h"

#include <utility>

#include "store/database.h"

namespace depeche::store {

Result<Statement> Statement::Prepare(Database* database, std::string_view sql) {
  DEPECHE_ASSIGN_OR_RETURN(std::unique_ptr<StatementImpl> impl,
                           database->connection()->Prepare(sql));
  return Statement(std::move(impl));
}

Status Statement::Run() {
  while (true) {
    Result<bool> row = Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::Ok();
  }
}

}  // namespace depeche::store
