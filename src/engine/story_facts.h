// What a story's articles say and count, gathered across sources: the speakers of quotations
// linked to canonical entities, quotations grouped by speaker, and figures grouped by what
// they count (issue 12). Pure functions over articles read from the store, used by
// Engine::GetArticle and Engine::GetStory.
#ifndef DEPECHE_ENGINE_STORY_FACTS_H_
#define DEPECHE_ENGINE_STORY_FACTS_H_

#include <map>
#include <string>
#include <vector>

#include "depeche/article.h"
#include "depeche/entity.h"
#include "depeche/status.h"
#include "depeche/story.h"

namespace depeche::engine {

// The quoted or reported words of `quote` as one line: its content spans trimmed, joined with
// " … ", runs of spaces and line breaks as one space.
std::string QuoteText(const Article& article, const Quote& quote);

// Sets Quote::speaker_entity_id/name of `article`'s quotes from its resolved entities
// (Engine::EntitiesOfArticle): the entity with a text mention overlapping the speaker's name
// (the speaker itself for a name, Quote::speaker_name for a description), persons first, then
// the longest overlap; failing a mention, a person of the article whose name ends with the
// speaker's last word ("M. Lavrov" -> "Sergueï Lavrov"). A description with no name is linked
// only when one entity's mention makes up two thirds of it ("le ministère russe de la
// Défense"), never to where an unnamed person works ("un haut responsable du département
// d'État"). A pronoun, or a definite description taking up an earlier speaker ("le
// fonctionnaire"), takes its antecedent's entity; a pronoun without one is linked through the
// clause subject the extractor named for it (Quote::speaker_name).
void LinkSpeakers(Article& article, const std::vector<ArticleEntityRef>& entities);

// Counted objects that name the same thing: normalised unit -> the group's name
// (data/<lang>/figure_objects.txt). Units not listed are their own group.
class FigureObjects {
 public:
  // Reads every data/<lang>/figure_objects.txt of `data_dir` (none is no error). Errors: a
  // word listed under two names (file and line named), an unreadable file.
  static Result<FigureObjects> Load(const std::string& data_dir);
  void Add(const std::string& word, const std::string& group) { group_[word] = group; }
  // The group of `unit`: its line's first word, or `unit` itself.
  const std::string& GroupOf(const std::string& unit) const;

 private:
  std::map<std::string, std::string, std::less<>> group_;
};

// One article of a story with its facts (speakers linked) and its best date.
struct FactArticle {
  const Article* article = nullptr;  // not owned
  std::string date;                  // its best date (StoryArticle::date)
  int64_t arrival = 0;               // its position in the story, for ties
  // Its resolved entities (Engine::EntitiesOfArticle), for whose figures they are; null: none.
  const std::vector<ArticleEntityRef>* entities = nullptr;
};

// The quotations of `articles` grouped by speaker (see StoryDetail::quotes); quotes with the
// same words (folded) under the same speaker are one StoryQuote with several sources.
std::vector<SpeakerQuotes> GroupQuotes(const std::vector<FactArticle>& articles);

// The figures of `articles` that count or measure something, grouped by FigureObjects group
// (see StoryDetail::figures), at most `max_groups`: the groups read in most articles first, then
// with most figures; a group of one article is kept only while there are fewer than
// `max_groups` of several. A figure whose counted noun is followed by a place or organisation
// ("soldats russes", "troupes ukrainiennes") is that entity's: the figures of one object with
// different such entities are kept apart, and a figure that names none joins its object's group
// with the most figures.
std::vector<FigureGroup> GroupFigures(const std::vector<FactArticle>& articles,
                                      const FigureObjects& objects, size_t max_groups);

}  // namespace depeche::engine

#endif  // DEPECHE_ENGINE_STORY_FACTS_H_
