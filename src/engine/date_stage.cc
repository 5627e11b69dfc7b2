#include "engine/date_stage.h"

#include <set>
#include <utility>

#include "extract/document_dates.h"

namespace depeche::engine {

Result<std::unique_ptr<DateStage>> DateStage::Open(store::Database* db,
                                                   store::StoryStore* stories) {
  DEPECHE_ASSIGN_OR_RETURN(std::unique_ptr<store::DateStore> dates, store::DateStore::Create(db));
  return std::unique_ptr<DateStage>(new DateStage(stories, std::move(dates)));
}

Status DateStage::Update() {
  std::set<std::string> stories;
  for (const std::string& id : added_) {
    DEPECHE_ASSIGN_OR_RETURN(std::string story_id, stories_->StoryOfArticle(id));
    if (!story_id.empty()) stories.insert(std::move(story_id));
  }
  added_.clear();
  for (const std::string& story_id : stories) {
    DEPECHE_ASSIGN_OR_RETURN(bool undated, dates_->HasUndated(story_id));
    if (!undated) continue;
    bool changed = false;
    DEPECHE_RETURN_IF_ERROR(DateStory(story_id, &changed));
    if (changed) DEPECHE_RETURN_IF_ERROR(stories_->RebuildSummary(story_id));
  }
  return Status::Ok();
}

Status DateStage::DateStory(const std::string& story_id, bool* changed) {
  DEPECHE_ASSIGN_OR_RETURN(std::vector<store::DatedMember> members,
                           dates_->Members(story_id, kDatedContext));
  std::vector<extract::DatingInput> inputs;
  inputs.reserve(members.size());
  for (const store::DatedMember& m : members) {
    extract::DatingInput in;
    in.id = m.id;
    in.stated = m.published;
    in.stated_source = m.published_source;
    in.timexes.reserve(m.timexes.size());
    for (const TemporalExpression& t : m.timexes) in.timexes.push_back(extract::FromExpression(t));
    inputs.push_back(std::move(in));
  }
  const std::vector<ArticleDate> dates = extract::DateStoryArticles(inputs);
  for (size_t i = 0; i < members.size(); ++i) {
    // Articles that state their day were resolved against it when they were analysed.
    if (members[i].published.precision >= DatePrecision::kDay) continue;
    std::vector<extract::Timex>& timexes = inputs[i].timexes;
    extract::ResolveTimexes(timexes, extract::DayOfDate(dates[i]));
    bool values_changed = false;
    std::vector<TemporalExpression> resolved;
    resolved.reserve(timexes.size());
    for (size_t k = 0; k < timexes.size(); ++k) {
      resolved.push_back(extract::ToExpression(timexes[k]));
      values_changed |= resolved.back().value != members[i].timexes[k].value ||
                        resolved.back().resolved != members[i].timexes[k].resolved;
    }
    if (!values_changed && dates[i] == members[i].date) continue;
    DEPECHE_RETURN_IF_ERROR(dates_->SetDate(members[i].id, dates[i], resolved));
    *changed = true;
  }
  return Status::Ok();
}

}  // namespace depeche::engine
