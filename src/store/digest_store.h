// DigestStore: the cached digests of stories (migration 10): each story's headlines per
// language, summary and timeline as last computed, with the key of what they were computed
// from (engine::StoryDigester::Key). A digest whose key no longer matches its story is stale:
// the engine computes it again and, when it may write, stores the new one.
#ifndef DEPECHE_STORE_DIGEST_STORE_H_
#define DEPECHE_STORE_DIGEST_STORE_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "depeche/status.h"
#include "depeche/story.h"
#include "store/database.h"
#include "store/statement.h"

namespace depeche::store {

struct StoryDigest {
  std::vector<StoryHeadline> headlines;
  std::vector<StoryLine> summary_lines;
  std::vector<LanguageSummary> language_summaries;
  std::vector<StoryTimelineEntry> timeline;
  friend bool operator==(const StoryDigest&, const StoryDigest&) = default;
};

// Not thread-safe; borrows the Database (which must outlive it).
class DigestStore {
 public:
  // Errors: InvalidArgument (null db).
  static Result<std::unique_ptr<DigestStore>> Create(Database* db);

  // The digest stored for `story_id` under `key`; nullopt when none is, or one computed from
  // something else (another key). Errors: DataLoss (a malformed row), SQLite errors.
  Result<std::optional<StoryDigest>> Get(const std::string& story_id, const std::string& key);
  // Stores `digest` as `story_id`'s under `key`, replacing any other. Errors: SQLite errors
  // (SQLITE_READONLY on a read-only database).
  Status Put(const std::string& story_id, const std::string& key, const StoryDigest& digest);

 private:
  explicit DigestStore(Database* db) : db_(db) {}
  Result<Statement*> Cached(std::string_view sql);
  Database* db_;
  std::map<std::string, Statement, std::less<>> cache_;
};

// The digest as the JSON text stored, and back (DataLoss when it does not parse). Exposed for
// tests.
std::string EncodeDigest(const StoryDigest& digest);
Result<StoryDigest> DecodeDigest(std::string_view json);

}  // namespace depeche::store

#endif  // DEPECHE_STORE_DIGEST_STORE_H_
