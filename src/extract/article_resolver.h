// In-article entity resolution: the mentions of one article (from the NER tagger, the
// gazetteer matcher or both, see CombineMentions) grouped into ArticleEntities.
//  - honorifics and titles at the start of a mention are stripped ("M. Blinken" -> "Blinken",
//    "le président Poutine" -> "Poutine"), its span shrunk to match;
//  - places, demonyms and organisations the gazetteer knows are grouped by gazetteer identity
//    ("Ukraine", "ukrainien", "Ukrainiens" -> iso3166:UA) and carry its country code and
//    coordinates; a demonym-only country is named in the article's language ("russes" ->
//    "Russie");
//  - people: full names with the same surname and compatible first names are one person
//    ("Antony Blinken" / "Anthony Blinken"); a one-word mention goes to the person whose
//    surname it is, or nearly is ("Blinken", "Blinkin"), the nearest one before it first;
//  - role descriptions (data/<lang>/roles.txt): one written right before a name ("le chef de
//    la diplomatie américaine Antony Blinken") becomes an alias of that person (an alias with no
//    mention), and mentions of the role alone ("le secrétaire d'État américain se rendra") join
//    the person it was bound to in the article; unbound, they form a person entity whose
//    aliases are all role descriptions, for EntityResolver to resolve through the story;
//  - other names group by folded form.
// Salience: each mention weighs 3 in the title, 2 in the lead (the first two sentences, or
// the first 400 bytes when sentences are unknown), 1 elsewhere; an entity's salience is its sum
// over the largest sum in the article, entities sorted by it (ties: first mention first).
#ifndef DEPECHE_EXTRACT_ARTICLE_RESOLVER_H_
#define DEPECHE_EXTRACT_ARTICLE_RESOLVER_H_

#include <vector>

#include "depeche/article.h"
#include "extract/entity.h"
#include "extract/gazetteer.h"

namespace depeche::extract {

// Groups `mentions` (spans into `article`, any order, no two overlapping) into entities.
// Mentions that are nothing but an honorific, a title or a stop word are dropped. The result's
// mentions are in text order, title first, and each belongs to exactly one entity. Pure;
// thread-safe (runs on the analysis workers).
ArticleEntities ResolveArticle(const Gazetteer& gazetteer, const Article& article,
                               std::vector<Mention> mentions);

}  // namespace depeche::extract

#endif  // DEPECHE_EXTRACT_ARTICLE_RESOLVER_H_
