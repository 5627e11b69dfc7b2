// Named entities as the engine returns them (see Engine::Entities, GetEntity,
// EntitiesOfArticle, EntitiesOfStory): canonical entities resolved across articles, with their
// aliases, the articles and stories that name them. Shared by the store and the facade, like
// query.h. Ids are 16 lowercase hex digits, like article and story ids.
#ifndef DEPECHE_ENTITY_H_
#define DEPECHE_ENTITY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace depeche {

// One name under which an entity was written, and in how many articles.
struct EntityAlias {
  std::string name;
  int64_t article_count = 0;
};

struct EntitySummary {
  std::string id;             // 16 hex digits, fixed when the entity was created
  std::string type;           // "person", "org", "place" or "misc"
  std::string name;           // canonical display name
  std::string gazetteer_ref;  // "iso3166:UA", "geonames:2660646", "" when none
  std::string country_code;   // ISO 3166-1 alpha-2 of a place, "" when none
  std::optional<double> latitude, longitude;
  // Articles naming it and mentions in them: over every stored article in Engine::GetEntity and
  // an unfiltered Engine::Entities; over the articles the filters keep otherwise.
  int64_t article_count = 0;
  int64_t mention_count = 0;
  // Its names, most articles first (then by name); counts are over every stored article.
  std::vector<EntityAlias> aliases;
};

// What Engine::Entities returns besides the entities: filled when EntityQuery::info is set.
struct EntityListInfo {
  int64_t total = 0;  // entities that matched before `limit` cut the list
};

// Most articles first, then by name. Filters all hold; with `story` or `since`, the counts are
// over the articles they keep.
struct EntityQuery {
  std::optional<std::string> story;  // story id or unique prefix (a merged id: its survivor)
  std::optional<std::string> type;   // "person", "org", "place" or "misc"
  std::optional<std::string> since;  // ISO date: articles published on or after it
  // Entities whose canonical name or one of whose aliases matches: every word of `name` starts
  // a word of it, accents and case ignored ("bli" and "Antony bli" match "Antony Blinken").
  std::optional<std::string> name;
  int limit = 50;
  int max_aliases = 10;            // aliases listed per entity
  EntityListInfo* info = nullptr;  // not owned; receives the total when set
};

// One mention: UTF-8 byte offsets [begin, end) into Article::text, or Article::title when
// `in_title` (the JSON output converts them to characters).
struct EntityMention {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool in_title = false;
  std::string surface;  // as written
};

// One entity of one article (Engine::EntitiesOfArticle), most salient first.
struct ArticleEntityRef {
  std::string id;
  std::string type;
  std::string name;                     // the canonical name
  double salience = 0.0;                // in [0, 1]: headline and lead mentions weigh most
  std::vector<EntityMention> mentions;  // in text order, title mentions first
};

// One entity of a story (Engine::EntitiesOfStory): its articles in the story aggregated.
struct StoryEntity {
  std::string id;
  std::string type;
  std::string name;
  double salience = 0.0;      // the sum of its salience over the story's articles
  int64_t article_count = 0;  // articles of the story naming it
  int64_t mention_count = 0;  // mentions in them
};

// An article naming an entity (EntityDetail::articles).
struct EntityArticle {
  std::string id;
  std::string title;
  std::string source;
  std::string lang;
  std::string published;  // ISO at its precision, "" when unknown
  std::string story_id;   // its story (the survivor of merges), "" when none
  double salience = 0.0;
  int64_t mention_count = 0;
};

// A story whose articles name an entity (EntityDetail::stories).
struct EntityStory {
  std::string id;
  std::string title;
  int64_t article_count = 0;         // the story's articles
  int64_t entity_article_count = 0;  // of them, those naming the entity
  std::string last_seen;             // ISO date of its latest dated article, "" when none
};

struct EntityDetail {
  EntitySummary summary;                 // every alias, counts over every stored article
  std::vector<EntityArticle> articles;   // newest first (undated last), at most the limit asked
  std::vector<EntityStory> stories;      // most of the entity's articles first, at most the limit
  int64_t story_count = 0;               // stories naming it, before the limit
  std::vector<std::string> merged_from;  // entity ids folded into this one, oldest merge first
};

}  // namespace depeche

#endif  // DEPECHE_ENTITY_H_
