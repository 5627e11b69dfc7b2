// The entities of an article as the story clusterer's name features: who and where the
// article is about, keyed by identities that hold across spellings and languages, so that
// stories know their participants (two results notices of different companies differ by
// their companies; "Antony Blinken" and "Anthony Blinken" are one name).
#ifndef DEPECHE_ENGINE_STORY_NAMES_H_
#define DEPECHE_ENGINE_STORY_NAMES_H_

#include <vector>

#include "depeche/article.h"
#include "extract/entity.h"
#include "extract/gazetteer.h"
#include "story/features.h"

namespace depeche::engine {

// One story::NameFeature per person, organisation or place of `entities` (MISC left out).
// Keys: "ref:<gazetteer id>" where the gazetteer knows it (Russie, Russia and russe are
// "ref:iso3166:RU"); "role:<role key>" for a role description no name was given for in the
// article ("le secrétaire d'État américain"); "person:<surname skeleton>" (Antony / Anthony
// Blinken, Blinkin after in-article resolution); "org:" / "place:" + the name's skeleton, with
// its words as part keys. Mentions inside boilerplate spans are left out, and title mentions
// when the title is the text's own opening (the story stage does not count it twice).
// Mention offsets are mapped to the story input (boilerplate spans left out). Pure.
std::vector<story::NameFeature> StoryNamesOf(const extract::Gazetteer& gazetteer,
                                             const Article& article,
                                             const extract::ArticleEntities& entities);

}  // namespace depeche::engine

#endif  // DEPECHE_ENGINE_STORY_NAMES_H_
