// StoryStore: the story tables of migration 2 — per-article story assignments, merges, and the
// story pipeline's state (so that a restarted engine continues exactly where it stopped).
#ifndef DEPECHE_STORE_STORY_STORE_H_
#define DEPECHE_STORE_STORY_STORE_H_

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "depeche/status.h"
#include "depeche/story.h"
#include "store/database.h"
#include "story/story_pipeline.h"
#include "story/story_state.h"

namespace depeche::store {

// Everything StoryPipeline needs to be rebuilt: pass `clusterer` to StoryPipeline::Create,
// Restore each of `dedup` (oldest first) into its DedupIndex, then pass each of `recent` (same
// order) to StoryPipeline::RestoreRecent.
struct SavedStoryState {
  story::ClustererState clusterer;
  std::vector<story::DedupEntry> dedup;
  // (article id, current story id) of the articles in `dedup`, oldest first: merges are
  // followed, so the story is the one the article belongs to now.
  std::vector<std::pair<std::string, std::string>> recent;
};

// Not thread-safe; borrows the Database (which must outlive it). Writes belong inside the
// caller's transaction (Database::Begin/Commit), with the articles they describe.
class StoryStore {
 public:
  // Errors: InvalidArgument (null db).
  static Result<std::unique_ptr<StoryStore>> Create(Database* db);

  // Records the pipeline's answer for `article_id` (just processed): its assignment, a new
  // story, a link, merges (article_story rows of the merged story move to the older one), and
  // the dedup entry the article added, if any. Errors: SQLite errors.
  Status Record(const std::string& article_id, const story::ArticleStoryResult& result);
  // Saves what the pipeline changed (StoryPipeline::TakeChanges: clusterer meta, active stories,
  // document frequencies) and drops the dedup rows older than the oldest live entry. Call
  // before each commit. Incremental: the database must hold the state the changes start from,
  // and after a failed Save or a rolled-back transaction the pipeline must be rebuilt from
  // Load. Errors: SQLite errors.
  Status Save(const story::PipelineChanges& changes);
  // The story `article_id` belongs to now (merges followed), "" when it has none.
  Result<std::string> StoryOfArticle(const std::string& article_id);
  // The state last saved (empty state for a fresh database). Errors: DataLoss (a malformed
  // blob), SQLite errors.
  Result<SavedStoryState> Load();

  // Stories by latest activity (newest first). Errors: InvalidArgument (limit <= 0, since not
  // an ISO date).
  Result<std::vector<StorySummary>> Stories(const StoryQuery& query);
  // Exact id or unique prefix (>= 6 characters). NotFound; InvalidArgument (ambiguous).
  Result<StoryDetail> GetStory(const std::string& id_or_prefix);
  // Duplicate groups with at least two stored articles, newest group first, at most `limit`.
  // Errors: InvalidArgument (limit <= 0).
  Result<std::vector<DuplicateGroup>> Duplicates(int limit = 50);

 private:
  explicit StoryStore(Database* db) : db_(db) {}
  Result<std::vector<StorySummary>> Summaries(const std::string& where_id, const StoryQuery& q);
  Database* db_;
};

}  // namespace depeche::store

#endif  // DEPECHE_STORE_STORY_STORE_H_
