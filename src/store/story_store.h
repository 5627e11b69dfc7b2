// StoryStore: the story tables of migration 2 — per-article story assignments, merges, and the
// story pipeline's state (so that a restarted engine continues exactly where it stopped).
#ifndef DEPECHE_STORE_STORY_STORE_H_
#define DEPECHE_STORE_STORY_STORE_H_

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "depeche/status.h"
#include "depeche/story.h"
#include "store/database.h"
#include "store/statement.h"
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
  // the dedup entry the article added, if any. Keeps the story's summary row (migration 5)
  // current: counts, sources, dates and languages at every article, the display title as
  // ChooseStoryTitle (story_title.h) picks it (again at every article up to 64, then whenever the
  // story grew by a sixteenth or the article brings a better kind of title); a merge rebuilds the
  // surviving story's row from its articles. The article's row must be stored. Errors: SQLite
  // errors.
  Status Record(const std::string& article_id, const story::ArticleStoryResult& result);
  // Deferred title choice, for a bulk writer that calls Save before each commit. While on, a
  // story of at most 64 articles (whose title Record would choose again at every article) is
  // only marked, and its title is chosen once: at Save, or before the story's next title
  // decision needs it (then from the articles before the arriving one). The titles stored at
  // each commit are the same as without deferral; in between, summary rows of marked stories
  // hold an older title. Load forgets the marks (after a rollback).
  void SetDeferTitles(bool on) { defer_titles_ = on; }
  // Saves what the pipeline changed (StoryPipeline::TakeChanges: clusterer meta, active stories,
  // document frequencies) and drops the dedup rows older than the oldest live entry. Call
  // before each commit. Also chooses the titles that migration 5 left to choose. Incremental: the
  // database must hold the state the changes start from, and after a failed Save or a rolled-back
  // transaction the pipeline must be rebuilt from Load. Errors: SQLite errors.
  Status Save(const story::PipelineChanges& changes);
  // The story `article_id` belongs to now (merges followed), "" when it has none.
  Result<std::string> StoryOfArticle(const std::string& article_id);
  // The state last saved (empty state for a fresh database). Errors: DataLoss (a malformed
  // blob), SQLite errors.
  Result<SavedStoryState> Load();

  // Stories in the order and window of `query` (see StoryQuery), from the summary rows: the
  // cost grows with the number of stories (and, for the top and growth orders, of the
  // story-source pairs active in the window), not with the number of articles. Fills
  // query.info when set. With `only`, the stories not in it are left out (full ids; the
  // Engine's text filter, StoryQuery::text). Errors: InvalidArgument (limit <= 0, since/until
  // not ISO dates).
  Result<std::vector<StorySummary>> Stories(const StoryQuery& query,
                                            const std::vector<std::string>* only = nullptr);
  // Exact id or unique prefix (>= 6 characters). NotFound; InvalidArgument (ambiguous).
  Result<StoryDetail> GetStory(const std::string& id_or_prefix);
  // The summary row of the story `story_id` (a full id; merges not followed): one indexed row.
  // NotFound when it has no stored article.
  Result<StorySummary> SummaryRow(const std::string& story_id);
  // Recomputes `story_id`'s summary row and its per-source rows from its articles (removes
  // them when it has none). For whoever moves articles between stories. Errors: SQLite errors.
  Status RebuildSummary(const std::string& story_id);

  // Duplicate groups with at least two stored articles, newest group first, at most `limit`.
  // Errors: InvalidArgument (limit <= 0).
  Result<std::vector<DuplicateGroup>> Duplicates(int limit = 50);

 private:
  explicit StoryStore(Database* db) : db_(db) {}
  // `only`: NULL or a JSON array of the story ids to keep.
  Result<std::vector<StorySummary>> Summaries(const std::string& where_id, const StoryQuery& q,
                                              const std::string* only);
  Result<std::vector<StorySummary>> RankedByWindow(const StoryQuery& q, std::optional<int64_t> lo,
                                                   std::optional<int64_t> hi,
                                                   const std::string* only);
  Result<bool> NothingDated();
  // Summary maintenance (story_summary.cc).
  // `opened`: the article opened the story (its row, when absent, is written from the article
  // alone instead of rebuilt).
  Status AddToSummary(const std::string& story_id, const std::string& article_id, int64_t seq,
                      bool opened);
  // Chooses from the story's articles before article_story seq `before_seq` (0: all);
  // `tier`, when given, receives the chosen title's tier.
  Status ChooseTitle(const std::string& story_id, int64_t before_seq = 0, int64_t* tier = nullptr);
  Status RefreshStaleTitles();
  // Chooses the titles deferred (SetDeferTitles).
  Status FlushTitles();
  Result<std::vector<std::string>> KeyWords(const std::string& story_id, int64_t before_seq);
  // A statement prepared once per StoryStore (the caller resets it).
  Result<Statement*> Cached(std::string_view sql);
  // The same, with the PostgreSQL twin of an SQLite statement where the dialects differ beyond
  // what pg_dialect rewrites.
  Result<Statement*> Cached(std::string_view sqlite_sql, std::string_view pg_sql);
  Database* db_;
  std::map<std::string, Statement, std::less<>> cache_;
  bool defer_titles_ = false;
  std::set<std::string> titles_pending_;  // sorted: chosen in the same order on every run
};

}  // namespace depeche::store

#endif  // DEPECHE_STORE_STORY_STORE_H_
