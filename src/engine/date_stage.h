// DateStage: the articles' best dates as their stories see them (issue 11, document dates).
// An article that states its day keeps it; the undated ones of a story (no date, or only a
// month or a year) are dated by extract::DateStoryArticles from their own expressions and the
// days the story's other articles cite. Each time a story gains an article, its undated
// articles are dated again (an article that arrives later can date one that came before), so
// the dates depend on the story's members, not on their order. Their expressions are then
// resolved again against the new day, and the story's first and last dates follow.
#ifndef DEPECHE_ENGINE_DATE_STAGE_H_
#define DEPECHE_ENGINE_DATE_STAGE_H_

#include <memory>
#include <string>
#include <vector>

#include "depeche/status.h"
#include "store/database.h"
#include "store/date_store.h"
#include "store/story_store.h"

namespace depeche::engine {

// Not thread-safe (one writer); borrows the Database and the StoryStore.
class DateStage {
 public:
  // Errors: from DateStore::Create.
  static Result<std::unique_ptr<DateStage>> Open(store::Database* db, store::StoryStore* stories);

  // Notes that `article_id` was stored and placed in a story (in the open transaction).
  void Added(const std::string& article_id) { added_.push_back(article_id); }
  // Dates again the undated articles of the stories the noted articles are in now (merges
  // followed), writes the dates and values that changed and rebuilds those stories' summary
  // rows; forgets the notes. Call inside the transaction, before the story state is saved.
  // Errors: SQLite errors (the caller rolls back).
  Status Update();
  // Forgets the notes (after a rollback).
  void Forget() { added_.clear(); }

  // At most this many dated articles of a story are read to date its undated ones (the
  // latest): enough days to place an article, a bounded cost in a story of thousands.
  static constexpr size_t kDatedContext = 200;

 private:
  DateStage(store::StoryStore* stories, std::unique_ptr<store::DateStore> dates)
      : stories_(stories), dates_(std::move(dates)) {}
  // Dates the undated articles of `story_id`; `changed` tells whether a date changed.
  Status DateStory(const std::string& story_id, bool* changed);

  store::StoryStore* stories_;
  std::unique_ptr<store::DateStore> dates_;
  std::vector<std::string> added_;
};

}  // namespace depeche::engine

#endif  // DEPECHE_ENGINE_DATE_STAGE_H_
