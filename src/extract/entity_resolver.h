// Cross-document entity resolution: links each ArticleEntity of an article to a
// CanonicalEntity and says what changed, as plain EntityChanges for the store.
//
// An article entity joins an existing entity, in this order:
//  1. the same gazetteer identity (places across languages: "Russie", "Russia", "Rusia", "russe"
//     are iso3166:RU);
//  2. an alias already seen, same type (folded: "Sergueï Lavrov" == "Serguei Lavrov");
//  3. people: the same transliteration skeleton of the full name (Sergei/Sergueï,
//     Zelenskiy/Zelensky/Zelenskyy, Antony/Anthony; see name_match.h);
//  4. people: the same surname skeleton with compatible first names, when one person only
//     qualifies (ties go to the one in the same story);
//  5. people: a surname within CloseSurnames of a known one ("Blinkin") only when the context
//     agrees: the candidate is in the same story or shares 2+ entities with this article;
//  6. people named by surname only ("Blinken"): the person of that surname in the same story,
//     else the only person of that surname, else the one sharing most entities with the article.
//  7. a role description alone ("le secrétaire d'État américain", an article entity whose
//     aliases are all Gazetteer::RoleOf phrases): the person an earlier article of the same
//     story named with that role before the name; with no such person, it is not linked
//     (EntityChanges::links holds 0) and nothing is created. Role descriptions are never
//     identities across stories and never display names.
// Otherwise a new entity is created; its id is Hash64 of its first key ("person:antony
// blinken", "place:iso3166:UA") and never changes. When a full name arrives for which a
// surname-only entity exists (and no other full name holds that surname), the two merge, and so
// does a one-word place or organisation of the same story that is its surname (the tagger typed
// "Biden" as a place before any article named Joe Biden); a merge
// keeps the older id and is listed in EntityChanges::merges. Display names follow the most
// frequent full alias (demonyms never). Deterministic: same articles in the same order, same ids
// and changes.
//
// Thread safety: one writer. Not safe for concurrent use; the engine calls Resolve from the
// thread that runs the story stage, in input order.
#ifndef DEPECHE_EXTRACT_ENTITY_RESOLVER_H_
#define DEPECHE_EXTRACT_ENTITY_RESOLVER_H_

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "depeche/status.h"
#include "extract/entity.h"
#include "extract/gazetteer.h"

namespace depeche::extract {

// One alias of a canonical entity and how many articles used it: what the store keeps.
struct AliasCount {
  uint64_t entity_id = 0;
  std::string alias;
  uint32_t count = 0;
};

class EntityResolver {
 public:
  // `gazetteer` may be null (no demonym test for display names). Shared, read-only.
  explicit EntityResolver(std::shared_ptr<const Gazetteer> gazetteer);

  // Rebuilds the state from what the store keeps: canonical entities (oldest first: merges
  // keep the older), their aliases with counts and, optionally, (story id, entity id)
  // memberships. Call on an empty resolver.
  // FailedPrecondition when it is not empty; InvalidArgument for an alias of an unknown entity
  // or a duplicate entity id. The co-occurrence evidence of rule 5 starts again empty.
  // `merged`: (merged-away id, the entity it now is), as the store keeps them: Current()
  // follows them, and a new entity never takes one of those ids again (the store would still
  // hold it as merged: a process that restored its state, after a restart or another
  // worker's batch, must resolve as the process that did the merges).
  Status Restore(const std::vector<CanonicalEntity>& entities,
                 const std::vector<AliasCount>& aliases,
                 const std::vector<std::pair<std::string, uint64_t>>& story_members = {},
                 const std::vector<std::pair<uint64_t, uint64_t>>& merged = {});

  // Links the entities of one article (`story_id` may be empty when the story is unknown).
  // Returns one link per entity, in order (0 for a role description the story does not
  // resolve, rule 7), plus the entities created or renamed and the merges.
  EntityChanges Resolve(const ArticleEntities& article, std::string_view story_id);

  // The current entity (nullptr when unknown or merged away), and its aliases sorted by count.
  const CanonicalEntity* Find(uint64_t id) const;
  std::vector<AliasCount> Aliases(uint64_t id) const;
  // Where a merged-away id now lives (the id itself when live or unknown).
  uint64_t Current(uint64_t id) const;
  size_t size() const { return nodes_.size(); }

 private:
  struct Node {
    CanonicalEntity entity;
    uint64_t created = 0;  // creation order: merges keep the older
    std::map<std::string, uint32_t> aliases;
    std::set<std::string> stories;
    std::unordered_map<uint64_t, uint32_t> cooc;
  };

  uint64_t Create(EntityType type, const std::string& key, const ArticleEntity& source);
  void Index(uint64_t id, const std::string& alias);
  void AddAlias(uint64_t id, const std::string& alias, uint32_t count);
  uint64_t Merge(uint64_t a, uint64_t b, EntityChanges& changes);
  // Gives entity `id` another type, its aliases indexed under it.
  void Retype(uint64_t id, EntityType type);
  // A full-name person `id` linked in `story`: one-word places and organisations of the story
  // that are its surname (a tagger's type error in an earlier article, "Biden" a place) merge
  // into it when it is the story's only person of that surname (`namesakes`: full-name people
  // of the article being resolved with that surname, itself included). Returns the survivor.
  uint64_t AbsorbMistypedSurnames(uint64_t id, const std::string& story, int namesakes,
                                  EntityChanges& changes, std::set<uint64_t>& touched);
  bool Rename(Node& node);
  bool IsDemonym(const Node& node, const std::string& alias) const;
  std::string RoleOf(const std::string& alias) const;
  uint64_t FindPerson(const ArticleEntity& e, std::string_view story,
                      const std::set<uint64_t>& context) const;
  size_t Shared(const Node& node, const std::set<uint64_t>& context) const;
  // Surname skeletons other than `surname` within CloseSurnames of it.
  std::vector<std::string> CloseKeys(const std::string& surname) const;

  std::shared_ptr<const Gazetteer> gazetteer_;
  std::map<uint64_t, Node> nodes_;
  std::unordered_map<uint64_t, uint64_t> merged_;  // from -> into
  uint64_t next_created_ = 0;
  std::unordered_map<std::string, uint64_t> by_ref_;
  std::unordered_map<std::string, uint64_t> by_alias_;              // "type|folded alias"
  std::unordered_map<std::string, uint64_t> by_skeleton_;           // person full-name skeleton
  std::unordered_map<std::string, std::set<uint64_t>> by_surname_;  // person surname skeleton
  // first letter -> surname skeletons, for the typo search (CloseSurnames needs that letter)
  // Surname skeletons by first byte and length (ShapeKey): typo candidates are within two
  // bytes of length of each other (CloseSurnames allows at most two edits).
  std::unordered_map<uint32_t, std::set<std::string>> surnames_by_shape_;
  std::unordered_map<std::string, std::set<uint64_t>> story_members_;
  // story -> role key ("foreign_minister:US") -> person
  std::unordered_map<std::string, std::unordered_map<std::string, uint64_t>> story_roles_;
  // entity -> the stories where it holds a role in story_roles_ (what a merge rewrites)
  std::unordered_map<uint64_t, std::set<std::string>> role_stories_;
};

}  // namespace depeche::extract

#endif  // DEPECHE_EXTRACT_ENTITY_RESOLVER_H_
