// What changed in the store since a mark: the stories whose reading may differ (new articles,
// re-assignments, splits, merges), for caches of story answers (the HTTP server's). Reads the
// store's history tables, which only grow: article_story (by seq), story_moves, story_splits,
// story_merges and entity_merges (by rowid).
//
// Thread-compatible: one Database connection, used by one thread at a time.
#ifndef DEPECHE_STORE_CHANGE_FEED_H_
#define DEPECHE_STORE_CHANGE_FEED_H_

#include <string>
#include <utility>

#include "depeche/changes.h"
#include "depeche/status.h"
#include "store/database.h"

namespace depeche::store {

// The changes committed since `mark` (by any connection, PRAGMA data_version; what this
// connection wrote itself is not seen), and moves `mark` to now. A mark never read (the
// default) gives everything = true. Errors: the database's (Unavailable, DataLoss).
Result<StoreChanges> ChangesSince(Database& db, StoreMark& mark);

// The story (live: merges followed) and the duplicate group of a stored article (a full id);
// two empty strings when the story stage has not placed it. Errors: the database's.
Result<std::pair<std::string, std::string>> PlacementOf(Database& db,
                                                        const std::string& article_id);

}  // namespace depeche::store

#endif  // DEPECHE_STORE_CHANGE_FEED_H_
