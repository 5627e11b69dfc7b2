#include "store/change_feed.h"

#include <set>

#include "store/statement.h"

namespace depeche::store {
namespace {

Result<int64_t> MaxOf(Database& db, std::string_view sql) {
  DEPECHE_ASSIGN_OR_RETURN(Statement stmt, Statement::Prepare(&db, sql));
  DEPECHE_ASSIGN_OR_RETURN(bool row, stmt.Step());
  return row ? stmt.ColumnInt64(0) : int64_t{0};
}

// Adds the text columns of every row of `sql` (bound to `after`) to `out`.
Status CollectIds(Database& db, std::string_view sql, int64_t after, int columns,
                  std::set<std::string>& out) {
  DEPECHE_ASSIGN_OR_RETURN(Statement stmt, Statement::Prepare(&db, sql));
  stmt.BindInt64(1, after);
  while (true) {
    DEPECHE_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    for (int c = 0; c < columns; ++c) out.emplace(stmt.ColumnText(c));
  }
  return Status::Ok();
}

// The marks of the growing tables, then the ids changed after `mark`'s, in one read
// transaction so that the new marks and the ids agree.
Status ReadChanges(Database& db, StoreMark& mark, StoreChanges& changes) {
  DEPECHE_ASSIGN_OR_RETURN(int64_t seq, MaxOf(db, "SELECT max(seq) FROM article_story"));
  DEPECHE_ASSIGN_OR_RETURN(int64_t moves, MaxOf(db, "SELECT max(rowid) FROM story_moves"));
  DEPECHE_ASSIGN_OR_RETURN(int64_t splits, MaxOf(db, "SELECT max(rowid) FROM story_splits"));
  DEPECHE_ASSIGN_OR_RETURN(int64_t merges, MaxOf(db, "SELECT max(rowid) FROM story_merges"));
  DEPECHE_ASSIGN_OR_RETURN(int64_t entity_merges,
                           MaxOf(db, "SELECT max(rowid) FROM entity_merges"));
  const bool first = mark.article_seq < 0;
  // An entity merge renames entities in any story; a table that shrank was rewritten.
  changes.everything = first || entity_merges != mark.entity_merges || seq < mark.article_seq ||
                       moves < mark.story_moves || splits < mark.story_splits ||
                       merges < mark.story_merges;
  if (!changes.everything) {
    std::set<std::string> ids;
    if (seq > mark.article_seq) {
      DEPECHE_RETURN_IF_ERROR(
          CollectIds(db, "SELECT DISTINCT story_id FROM article_story WHERE seq > ?1",
                     mark.article_seq, 1, ids));
    }
    if (moves > mark.story_moves) {
      DEPECHE_RETURN_IF_ERROR(CollectIds(
          db, "SELECT from_id, to_id FROM story_moves WHERE rowid > ?1", mark.story_moves, 2, ids));
    }
    if (splits > mark.story_splits) {
      DEPECHE_RETURN_IF_ERROR(
          CollectIds(db, "SELECT from_id, new_id FROM story_splits WHERE rowid > ?1",
                     mark.story_splits, 2, ids));
    }
    if (merges > mark.story_merges) {
      DEPECHE_RETURN_IF_ERROR(
          CollectIds(db, "SELECT from_id, into_id FROM story_merges WHERE rowid > ?1",
                     mark.story_merges, 2, ids));
    }
    changes.stories.assign(ids.begin(), ids.end());
  }
  mark.article_seq = seq;
  mark.story_moves = moves;
  mark.story_splits = splits;
  mark.story_merges = merges;
  mark.entity_merges = entity_merges;
  return Status::Ok();
}

}  // namespace

Result<StoreChanges> ChangesSince(Database& db, StoreMark& mark) {
  DEPECHE_ASSIGN_OR_RETURN(int64_t version, db.DataVersion());
  StoreChanges changes;
  if (version == mark.data_version && mark.article_seq >= 0) return changes;
  changes.changed = true;
  DEPECHE_RETURN_IF_ERROR(db.Exec("BEGIN"));
  Status read = ReadChanges(db, mark, changes);
  Status end = db.Exec(read.ok() ? "COMMIT" : "ROLLBACK");
  DEPECHE_RETURN_IF_ERROR(read);
  DEPECHE_RETURN_IF_ERROR(end);
  mark.data_version = version;
  return changes;
}

Result<std::pair<std::string, std::string>> PlacementOf(Database& db,
                                                        const std::string& article_id) {
  DEPECHE_ASSIGN_OR_RETURN(
      Statement stmt,
      Statement::Prepare(&db,
                         "SELECT story_id, dup_group FROM article_story WHERE article_id = ?1"));
  stmt.BindText(1, article_id);
  DEPECHE_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return std::pair<std::string, std::string>();
  return std::pair<std::string, std::string>(std::string(stmt.ColumnText(0)),
                                             std::string(stmt.ColumnText(1)));
}

}  // namespace depeche::store
