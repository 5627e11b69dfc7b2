// ArticleStore: the articles table, its FTS5 index and the queries over them.
#ifndef DEPECHE_STORE_ARTICLE_STORE_H_
#define DEPECHE_STORE_ARTICLE_STORE_H_

#include <memory>
#include <string>
#include <vector>

#include "depeche/article.h"
#include "depeche/engine.h"
#include "depeche/status.h"
#include "store/database.h"

namespace depeche::store {

enum class InsertOutcome { kInserted, kDuplicateUrl, kDuplicateContent };

struct InsertResult {
  InsertOutcome outcome = InsertOutcome::kInserted;
  std::string existing_id;  // the stored article this one duplicates
};

// Not thread-safe; borrows the Database (which must outlive it).
class ArticleStore {
 public:
  static Result<std::unique_ptr<ArticleStore>> Create(Database* db);
  ~ArticleStore();

  // Inserts `article` (id, content_hash, lang and sentences filled in) and indexes it for
  // search. An article whose URL (non-empty) or content_hash is already stored is not
  // inserted: the outcome says which. Call inside Database::Begin/Commit for speed.
  Result<InsertResult> Insert(const Article& article);

  Result<std::vector<ArticleSummary>> List(const ArticleQuery& query);
  // Exact id or a unique prefix (>= 6 chars). NotFound / InvalidArgument (ambiguous prefix).
  Result<Article> Get(const std::string& id_or_prefix);
  // `query`: free text; each word matches accent- and case-insensitively through its stem in
  // any indexed language; all words must match (AND). Best (bm25) first.
  Result<std::vector<SearchHit>> Search(const std::string& query, int limit);
  Result<Stats> GetStats();

 private:
  struct Impl;
  explicit ArticleStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace depeche::store

#endif  // DEPECHE_STORE_ARTICLE_STORE_H_
