// DateStore: the articles' dates as their stories read them (migration 8): the members of a
// story with what dating them takes, the update of an article's best date with its expressions
// resolved again, and the days a story's articles mention. The store never dates anything
// itself: extract/document_dates.h does, engine::DateStage writes what it decides.
#ifndef DEPECHE_STORE_DATE_STORE_H_
#define DEPECHE_STORE_DATE_STORE_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "depeche/article.h"
#include "depeche/status.h"
#include "depeche/story.h"
#include "store/database.h"
#include "store/statement.h"

namespace depeche::store {

// One article of a story, with its dates and expressions.
struct DatedMember {
  std::string id;
  PublicationDate published;
  std::string published_source;
  ArticleDate date;  // as stored now
  std::vector<TemporalExpression> timexes;
};

// Not thread-safe; borrows the Database (which must outlive it). Statements are prepared on
// first use.
class DateStore {
 public:
  // Errors: InvalidArgument (null db).
  static Result<std::unique_ptr<DateStore>> Create(Database* db);

  // The story `story_id` now holds (a merged story's id holds nothing).
  Result<std::string> StoryOfArticle(const std::string& article_id);
  // Whether one of the story's articles states no day (no date, or only a month or a year).
  Result<bool> HasUndated(const std::string& story_id);
  // The story's articles in arrival order: all the undated ones, and of the others the latest
  // `dated_limit` (what dating the undated ones reads).
  Result<std::vector<DatedMember>> Members(const std::string& story_id, size_t dated_limit);
  // Writes `article_id`'s best date and its expressions' values (same expressions, same order
  // as stored; only value and resolved change). Call inside the caller's transaction.
  Status SetDate(const std::string& article_id, const ArticleDate& date,
                 const std::vector<TemporalExpression>& timexes);
  // The days the story's articles mention (DATE and TIME values of day precision or finer),
  // most articles first, then most mentions, then earliest day; at most `limit` days with at
  // most `mentions_per_day` mentions each. Errors: InvalidArgument (limit <= 0).
  Result<std::vector<StoryEventDate>> EventDates(const std::string& story_id, int limit,
                                                 int mentions_per_day = 5);

 private:
  explicit DateStore(Database* db) : db_(db) {}
  Result<Statement*> Cached(std::string_view sql);

  Database* db_;
  std::map<std::string, Statement, std::less<>> cache_;
};

}  // namespace depeche::store

#endif  // DEPECHE_STORE_DATE_STORE_H_
