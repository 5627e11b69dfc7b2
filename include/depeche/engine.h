// Engine: the facade the CLI, the server and the tests call. Wires ingest -> text -> store.
#ifndef DEPECHE_ENGINE_H_
#define DEPECHE_ENGINE_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "depeche/article.h"
#include "depeche/changes.h"
#include "depeche/config.h"
#include "depeche/entity.h"
#include "depeche/query.h"
#include "depeche/status.h"
#include "depeche/story.h"
#include "depeche/watch.h"

namespace depeche {

// One problem met during ingest, naming where (file and, for JSONL, line).
struct IngestIssue {
  std::string path;
  int64_t line = 0;  // 0 when not line-based
  // "error" (input not stored), "warning" (stored, repaired) or "skipped" (a file in a folder
  // that is not of a type ingest reads; not an error)
  std::string severity;
  std::string message;
};

struct IngestReport {
  int64_t files = 0;
  int64_t records = 0;   // articles read
  int64_t inserted = 0;  // new articles stored, copies included
  // Of `inserted`, those whose text was already stored under another record (another source,
  // URL or file): stored as their own articles and linked to the original.
  int64_t copies = 0;
  // Records already stored (the same URL, the same feed id from the same source, or the same
  // file and content): not stored again.
  int64_t already_stored = 0;
  int64_t failed = 0;      // records or files rejected
  int64_t skipped = 0;     // files in folders not of a type ingest reads (named in issues)
  bool cancelled = false;  // the progress callback asked to stop; what was read is stored
  int64_t bytes = 0;
  double seconds = 0.0;
  std::vector<std::string> inserted_ids;
  std::vector<IngestIssue> issues;
  // Entities: whether they were extracted at all (false when the gazetteers could not be
  // loaded: `entities_note` says why), and the languages with a statistical NER model (the
  // others use the gazetteers alone).
  bool entities = false;
  std::vector<std::string> ner_languages;
  std::string entities_note;
  bool ok() const { return failed == 0; }
};

struct IngestProgress {
  int64_t records = 0;
  int64_t bytes_done = 0;
  int64_t bytes_total = 0;  // 0 when unknown (stdin)
  std::string current;      // file being read
};

struct IngestOptions {
  // Called from the ingesting thread every few hundred records; return false to cancel.
  std::function<bool(const IngestProgress&)> progress;
  // Extract and resolve entities (people, organisations, places). Off: faster, and the
  // articles stored by this call have no entities.
  bool entities = true;
  // Analysis threads for this call: 0 takes EngineConfig::ingest_threads; 1 analyses on the
  // calling thread; N > 1 runs N analysis workers beside the one writer. The articles and
  // stories stored are the same whatever the number.
  int threads = 0;
  // Compute again, before returning, the cached digests (summary, timeline) of the stories of
  // two or more articles this call changed, so that reads find them current. Off: the caller
  // refreshes them later with Engine::RefreshDigests (the HTTP server does, once per burst of
  // ingests), or reads compute them when asked.
  bool refresh_digests = true;
};

class Engine {
 public:
  // Opens (creating and migrating when needed) the store at config.db_path and loads the
  // language resources. Errors: Unavailable (cannot open), DataLoss (corrupt database),
  // FailedPrecondition (schema newer than this build). With config.read_only: NotFound when
  // the file does not exist (nothing is created), FailedPrecondition when it is not a depeche
  // database at this build's schema; Ingest* then fail with FailedPrecondition.
  static Result<std::unique_ptr<Engine>> Open(const EngineConfig& config);
  virtual ~Engine() = default;

  // Ingests files, directories (recursive) and "-" (JSONL on stdin). Per-input failures are
  // reported in IngestReport::issues and the batch goes on; a Status error means the store
  // itself failed (what was committed before stays).
  virtual Result<IngestReport> Ingest(const std::vector<std::string>& paths,
                                      const IngestOptions& options) = 0;
  // Ingests JSONL text already in memory (`name` is used in messages).
  virtual Result<IngestReport> IngestJsonl(std::string_view name, std::string_view jsonl,
                                           const IngestOptions& options) = 0;

  virtual Result<std::vector<ArticleSummary>> Articles(const ArticleQuery& query) = 0;
  // The article `key` names: its id, a unique id prefix of >= 6 hex digits, its URL or the id
  // of its JSONL feed record (store::ArticleStore::Get). NotFound; InvalidArgument (ambiguous).
  virtual Result<Article> GetArticle(const std::string& key) = 0;
  // Accent-insensitive, stemmed full-text search, best first, one hit per group of exact
  // copies (see SearchQuery and store::ArticleStore::Search). Errors: InvalidArgument (nothing
  // to find, too many words, limit <= 0, a bad date), NotFound (no such story).
  virtual Result<std::vector<SearchHit>> Search(const SearchQuery& query) = 0;
  Result<std::vector<SearchHit>> Search(const std::string& text, int limit) {
    SearchQuery query;
    query.text = text;
    query.limit = limit;
    return Search(query);
  }
  virtual Result<Stats> GetStats() = 0;

  // Stories (see depeche/story.h): every stored article is assigned to one as it is ingested.
  // Latest activity first (latest dated article; undated stories last, newest arrival first).
  // With query.text, only the stories holding an article that matches it (Search's language).
  // Errors: InvalidArgument (limit <= 0, `since` not an ISO date, a text Search refuses).
  virtual Result<std::vector<StorySummary>> Stories(const StoryQuery& query) = 0;
  // One story with its articles in arrival order; a unique id prefix of >= 6 characters works,
  // and a merged story's id answers with the story it was merged into. A key that names no
  // story but an article (GetArticle: id, prefix, URL, feed id) answers with that article's
  // story. NotFound; InvalidArgument (ambiguous prefix).
  // With `options.since`, the summary and timeline say what is new since then. The digest
  // (headlines, summary, timeline) is cached in the store and computed again when the story
  // changed since; a read-only engine computes a stale one without storing it. Errors also:
  // InvalidArgument (since not an ISO date).
  virtual Result<StoryDetail> GetStory(const std::string& key, const StoryOptions& options) = 0;
  Result<StoryDetail> GetStory(const std::string& key) { return GetStory(key, StoryOptions{}); }
  // Near-duplicate groups with two or more stored articles, latest group first, at most
  // `limit` groups. Errors: InvalidArgument (limit <= 0).
  virtual Result<std::vector<DuplicateGroup>> Duplicates(int limit) = 0;

  // Named entities (see depeche/entity.h), resolved across articles as they are ingested.
  // Canonical entities, most articles first, then by name, filtered by query.story (id or
  // unique prefix, merges followed), type, since and name; the total before the limit goes to
  // query.info. Errors: InvalidArgument (limit <= 0, an unknown type, since not an ISO date, an
  // ambiguous story prefix), NotFound (no such story).
  virtual Result<std::vector<EntitySummary>> Entities(const EntityQuery& query) = 0;
  // One entity with every alias, its newest `article_limit` articles and the `story_limit`
  // stories with most of them. `key`: its id, a unique id prefix of >= 6 hex digits, or a name
  // (canonical name, else an alias; ASCII case ignored); a merged entity's id answers with its
  // survivor. NotFound; InvalidArgument (ambiguous prefix or name: the message lists the
  // candidates).
  // Errors also: InvalidArgument (a limit <= 0).
  virtual Result<EntityDetail> GetEntity(const std::string& key, int article_limit,
                                         int story_limit) = 0;
  Result<EntityDetail> GetEntity(const std::string& key) { return GetEntity(key, 50, 50); }
  // The entities of one stored article (a full id, as Article::id), most salient first, with
  // their mentions; empty when none were recorded.
  virtual Result<std::vector<ArticleEntityRef>> EntitiesOfArticle(
      const std::string& article_id) = 0;
  // The entities of one story (a full id, as StorySummary::id), by salience summed over its
  // articles, at most `limit`. Errors: InvalidArgument (limit <= 0).
  virtual Result<std::vector<StoryEntity>> EntitiesOfStory(const std::string& story_id,
                                                           int limit) = 0;

  // Computes again and stores the digests of these stories (ids; merged or single-article ones
  // are skipped), as an ingest with IngestOptions::refresh_digests does. Errors:
  // FailedPrecondition (a read-only engine), the database's.
  virtual Status RefreshDigests(const std::vector<std::string>& story_ids) = 0;

  // Watch queries (depeche/watch.h). AddWatch checks spec.query with the search-query parser
  // (as Search does) and stores the watch, created now; the entity and language are kept as
  // written. Errors: InvalidArgument (a query Search would refuse), FailedPrecondition (a
  // read-only engine), SQLite errors.
  virtual Result<Watch> AddWatch(const WatchSpec& spec) = 0;
  // Every watch, newest first.
  virtual Result<std::vector<Watch>> ListWatches() = 0;
  // The watch `key` names: its id or a unique id prefix of >= 4 hex digits. NotFound;
  // InvalidArgument (ambiguous or too short a prefix).
  virtual Result<Watch> GetWatch(const std::string& key) = 0;
  // Removes the watch `key` names (GetWatch's rules) and returns it. Errors: GetWatch's,
  // FailedPrecondition (a read-only engine).
  virtual Result<Watch> RemoveWatch(const std::string& key) = 0;
  // The watch's search (its query, entity and language; Search's ranking and groups of copies)
  // over the articles ingested at or after `since` (ISO 8601; "" for the watch's creation
  // time), at most `limit` hits, and the stories of all those articles. An entity that names
  // nothing stored yet matches nothing. Errors: GetWatch's, InvalidArgument (since not an ISO
  // date, limit <= 0, an ambiguous entity name).
  virtual Result<WatchMatchSet> WatchMatches(const std::string& key, const std::string& since,
                                             int limit) = 0;

  // What other connections (another engine, another process) committed since `mark`, which
  // moves to now; for caches of answers (the HTTP server's). Cheap when nothing changed (one
  // PRAGMA data_version). What this engine wrote itself is not seen: call it on an engine
  // that does not write. Errors: the database's.
  virtual Result<StoreChanges> ChangesSince(StoreMark& mark) = 0;
  // The story (merges followed) and duplicate group of a stored article (a full id, as
  // IngestReport::inserted_ids), without reading the story: two empty strings when the story
  // stage has not placed it. Errors: the database's.
  virtual Result<std::pair<std::string, std::string>> PlacementOf(
      const std::string& article_id) = 0;
};

}  // namespace depeche

#endif  // DEPECHE_ENGINE_H_
