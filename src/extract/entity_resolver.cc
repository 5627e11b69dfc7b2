#include "extract/entity_resolver.h"

#include <algorithm>

#include "core/hash.h"
#include "extract/name_match.h"
#include "text/normalize.h"

namespace depeche::extract {
namespace {

uint32_t ShapeKey(char first, size_t length) {
  return (static_cast<uint32_t>(static_cast<unsigned char>(first)) << 24) |
         static_cast<uint32_t>(std::min<size_t>(length, 0xFFFFFF));
}

std::string AliasKey(EntityType type, std::string_view alias) {
  return std::string(EntityTypeName(type)) + "|" + text::Fold(alias);
}

// Folded words of a name.
std::vector<std::string> Words(std::string_view name) {
  std::string folded = text::Fold(name);
  std::vector<std::string> out;
  for (std::string_view w : NameWords(folded)) out.emplace_back(w);
  return out;
}

}  // namespace

EntityResolver::EntityResolver(std::shared_ptr<const Gazetteer> gazetteer)
    : gazetteer_(std::move(gazetteer)) {}

const CanonicalEntity* EntityResolver::Find(uint64_t id) const {
  auto it = nodes_.find(id);
  return it == nodes_.end() ? nullptr : &it->second.entity;
}

uint64_t EntityResolver::Current(uint64_t id) const {
  for (int hops = 0; hops < 64; ++hops) {
    auto it = merged_.find(id);
    if (it == merged_.end()) return id;
    id = it->second;
  }
  return id;
}

std::vector<AliasCount> EntityResolver::Aliases(uint64_t id) const {
  std::vector<AliasCount> out;
  auto it = nodes_.find(id);
  if (it == nodes_.end()) return out;
  for (const auto& [alias, count] : it->second.aliases) out.push_back({id, alias, count});
  std::stable_sort(out.begin(), out.end(),
                   [](const AliasCount& a, const AliasCount& b) { return a.count > b.count; });
  return out;
}

std::string EntityResolver::RoleOf(const std::string& alias) const {
  return gazetteer_ ? gazetteer_->RoleOf(alias) : std::string();
}

void EntityResolver::Index(uint64_t id, const std::string& alias) {
  Node& node = nodes_.at(id);
  // Role descriptions name whoever holds the role: never an identity across stories.
  if (node.entity.type == EntityType::kPerson && !RoleOf(alias).empty()) return;
  EntityType type = node.entity.type;
  by_alias_.try_emplace(AliasKey(type, alias), id);
  if (type != EntityType::kPerson) return;
  std::vector<std::string> words = Words(alias);
  if (words.empty()) return;
  if (words.size() >= 2) {
    std::string skeleton;
    for (const std::string& w : words) {
      if (!skeleton.empty()) skeleton += ' ';
      skeleton += WordSkeleton(w);
    }
    by_skeleton_.try_emplace(skeleton, id);
  }
  std::string surname = WordSkeleton(words.back());
  if (!surname.empty()) surnames_by_shape_[ShapeKey(surname[0], surname.size())].insert(surname);
  by_surname_[surname].insert(id);
}

std::vector<std::string> EntityResolver::CloseKeys(const std::string& surname) const {
  std::vector<std::string> out;
  if (surname.empty()) return out;
  // Only surnames within two bytes of length can be within two edits.
  const size_t low = surname.size() > 2 ? surname.size() - 2 : 1;
  for (size_t length = low; length <= surname.size() + 2; ++length) {
    auto it = surnames_by_shape_.find(ShapeKey(surname[0], length));
    if (it == surnames_by_shape_.end()) continue;
    for (const std::string& key : it->second) {
      if (key != surname && CloseSurnames(key, surname)) out.push_back(key);
    }
  }
  std::sort(out.begin(), out.end());  // the order of one sorted set, as before
  return out;
}

void EntityResolver::AddAlias(uint64_t id, const std::string& alias, uint32_t count) {
  Node& node = nodes_.at(id);
  auto [it, inserted] = node.aliases.try_emplace(alias, 0);
  it->second += count;
  if (inserted) Index(id, alias);
}

bool EntityResolver::IsDemonym(const Node& node, const std::string& alias) const {
  if (!gazetteer_ || node.entity.gazetteer_ref.empty()) return false;
  for (const GazetteerHit& h : gazetteer_->Lookup(Gazetteer::Key(alias))) {
    if (h.demonym && gazetteer_->entry(h.entry).ref == node.entity.gazetteer_ref) return true;
  }
  return false;
}

bool EntityResolver::Rename(Node& node) {
  const std::string* best = nullptr;
  size_t best_words = 0;
  uint32_t best_count = 0;
  bool person = node.entity.type == EntityType::kPerson;
  // The current name first, so that a tie keeps it (names do not flap).
  if (auto it = node.aliases.find(node.entity.name); it != node.aliases.end()) {
    best = &it->first;
    best_words = person ? Words(it->first).size() : 0;
    best_count = it->second;
  }
  for (const auto& [alias, count] : node.aliases) {  // sorted: ties go to the smaller alias
    if (IsDemonym(node, alias) || (person && !RoleOf(alias).empty())) continue;
    size_t n = person ? Words(alias).size() : 0;
    bool better = best == nullptr || (person && n > best_words) ||
                  ((!person || n == best_words) && count > best_count);
    if (better) {
      best = &alias;
      best_words = n;
      best_count = count;
    }
  }
  if (best == nullptr || *best == node.entity.name) return false;
  node.entity.name = *best;
  return true;
}

uint64_t EntityResolver::Create(EntityType type, const std::string& key,
                                const ArticleEntity& source) {
  uint64_t id = core::Hash64(key);
  for (uint64_t seed = 1; id == 0 || nodes_.count(id) || merged_.count(id); ++seed) {
    id = core::Hash64(key, seed);
  }
  Node node;
  node.entity.id = id;
  node.entity.type = type;
  node.entity.name = source.name;
  node.entity.gazetteer_ref = source.gazetteer_ref;
  node.entity.country_code = source.country_code;
  node.entity.latitude = source.latitude;
  node.entity.longitude = source.longitude;
  node.created = next_created_++;
  nodes_.emplace(id, std::move(node));
  if (!source.gazetteer_ref.empty()) by_ref_.try_emplace(source.gazetteer_ref, id);
  return id;
}

size_t EntityResolver::Shared(const Node& node, const std::set<uint64_t>& context) const {
  size_t shared = 0;
  for (uint64_t c : context) {
    if (c != node.entity.id && node.cooc.count(c)) ++shared;
  }
  return shared;
}

uint64_t EntityResolver::FindPerson(const ArticleEntity& e, std::string_view story,
                                    const std::set<uint64_t>& context) const {
  std::vector<std::string> words = Words(e.name);
  if (words.empty()) return 0;
  const std::string surname = WordSkeleton(words.back());
  const std::string story_id(story);
  auto in_story = [&](uint64_t id) {
    return !story_id.empty() && nodes_.at(id).stories.count(story_id) > 0;
  };
  auto first_name = [&](uint64_t id) -> std::string {
    std::vector<std::string> w = Words(nodes_.at(id).entity.name);
    return w.size() >= 2 ? w.front() : std::string();
  };
  if (words.size() >= 2) {
    std::string skeleton;
    for (const std::string& w : words) {
      if (!skeleton.empty()) skeleton += ' ';
      skeleton += WordSkeleton(w);
    }
    if (auto it = by_skeleton_.find(skeleton); it != by_skeleton_.end()) return it->second;
    // Same surname, compatible first names (or a surname-only entity).
    std::vector<uint64_t> candidates;
    if (auto it = by_surname_.find(surname); it != by_surname_.end()) {
      for (uint64_t id : it->second) {
        std::string f = first_name(id);
        if (f.empty() || CompatibleFirstNames(f, words.front())) candidates.push_back(id);
      }
    }
    std::vector<uint64_t> full;
    for (uint64_t id : candidates) {
      if (!first_name(id).empty()) full.push_back(id);
    }
    if (full.size() == 1) return full[0];
    if (full.size() > 1) {
      std::vector<uint64_t> story_full;
      for (uint64_t id : full) {
        if (in_story(id)) story_full.push_back(id);
      }
      if (story_full.size() == 1) return story_full[0];
      return 0;
    }
    // Typos of the surname, where the context agrees.
    uint64_t best = 0;
    size_t best_shared = 0;
    for (const std::string& key : CloseKeys(surname)) {
      for (uint64_t id : by_surname_.at(key)) {
        std::string f = first_name(id);
        if (f.empty() || !CompatibleFirstNames(f, words.front())) continue;
        size_t shared = Shared(nodes_.at(id), context);
        if (!in_story(id) && shared < 2) continue;
        if (best == 0 || shared > best_shared || (shared == best_shared && id < best)) {
          best = id;
          best_shared = shared;
        }
      }
    }
    return best;
  }
  // A surname alone.
  auto pick = [&](const std::set<uint64_t>& ids, bool need_context) -> uint64_t {
    std::vector<uint64_t> story_ids, full;
    for (uint64_t id : ids) {
      if (in_story(id)) story_ids.push_back(id);
      if (!first_name(id).empty()) full.push_back(id);
    }
    if (story_ids.size() == 1) return story_ids[0];
    const std::vector<uint64_t> pool =
        story_ids.size() > 1 ? story_ids : std::vector<uint64_t>(ids.begin(), ids.end());
    if (!need_context && pool.size() == 1) return pool[0];
    if (!need_context && story_ids.empty() && full.size() == 1) return full[0];
    uint64_t best = 0;
    size_t best_shared = 0;
    for (uint64_t id : pool) {
      size_t shared = Shared(nodes_.at(id), context);
      if (shared > best_shared || (shared == best_shared && best != 0 && id < best && shared > 0)) {
        best = id;
        best_shared = shared;
      }
    }
    if (need_context && best_shared < 2 && story_ids.empty()) return 0;
    return best;
  };
  if (auto it = by_surname_.find(surname); it != by_surname_.end()) {
    uint64_t id = pick(it->second, false);
    if (id) return id;
  }
  if (surname.size() >= 5) {
    std::set<uint64_t> close;
    for (const std::string& key : CloseKeys(surname)) {
      const std::set<uint64_t>& ids = by_surname_.at(key);
      close.insert(ids.begin(), ids.end());
    }
    if (!close.empty()) return pick(close, true);
  }
  return 0;
}

void EntityResolver::Retype(uint64_t id, EntityType type) {
  Node& node = nodes_.at(id);
  if (node.entity.type == type) return;
  for (const auto& [alias, count] : node.aliases) {
    (void)count;
    auto it = by_alias_.find(AliasKey(node.entity.type, alias));
    if (it != by_alias_.end() && it->second == id) by_alias_.erase(it);
  }
  node.entity.type = type;
  for (const auto& [alias, count] : node.aliases) {
    (void)count;
    Index(id, alias);
  }
}

uint64_t EntityResolver::AbsorbMistypedSurnames(uint64_t id, const std::string& story,
                                                int namesakes, EntityChanges& changes,
                                                std::set<uint64_t>& touched) {
  const std::vector<std::string> words = Words(nodes_.at(id).entity.name);
  auto members = story_members_.find(story);
  if (words.size() < 2 || namesakes > 1 || members == story_members_.end()) return id;
  const std::string surname = WordSkeleton(words.back());
  std::vector<uint64_t> mistyped;
  for (uint64_t other : members->second) {
    if (other == id) continue;
    const Node& node = nodes_.at(other);
    const std::vector<std::string> other_words = Words(node.entity.name);
    if (node.entity.type == EntityType::kPerson) {
      // Another full-name person of that surname in the story: the surname is ambiguous.
      if (other_words.size() >= 2 && WordSkeleton(other_words.back()) == surname) return id;
      continue;
    }
    if (node.entity.type == EntityType::kMisc || !node.entity.gazetteer_ref.empty()) continue;
    if (other_words.size() == 1 && WordSkeleton(other_words[0]) == surname) {
      mistyped.push_back(other);
    }
  }
  for (uint64_t other : mistyped) {
    Retype(other, EntityType::kPerson);
    const uint64_t into = Merge(id, other, changes);
    touched.erase(id == into ? other : id);
    touched.insert(into);
    id = into;
  }
  return id;
}

uint64_t EntityResolver::Merge(uint64_t a, uint64_t b, EntityChanges& changes) {
  if (a == b) return a;
  Node& na = nodes_.at(a);
  Node& nb = nodes_.at(b);
  uint64_t into = na.created <= nb.created ? a : b;
  uint64_t from = into == a ? b : a;
  Node moved = std::move(nodes_.at(from));
  nodes_.erase(from);
  merged_[from] = into;
  // Only the keys `from` can be under are visited (its aliases, reference, stories and
  // co-occurring entities): a merge costs what the merged entity holds, not what the resolver
  // knows (rewriting every index map made ingest slow down along the stream).
  auto replace_at = [&](auto& map, const auto& key) {
    auto it = map.find(key);
    if (it != map.end() && it->second == from) it->second = into;
  };
  auto move_in_set = [&](auto& map, const std::string& key) {
    auto it = map.find(key);
    if (it != map.end() && it->second.erase(from)) it->second.insert(into);
  };
  for (const auto& [alias, count] : moved.aliases) {
    (void)count;
    replace_at(by_alias_, AliasKey(moved.entity.type, alias));
    std::vector<std::string> words = Words(alias);
    if (words.empty()) continue;
    if (words.size() >= 2) {
      std::string skeleton;
      for (const std::string& w : words) {
        if (!skeleton.empty()) skeleton += ' ';
        skeleton += WordSkeleton(w);
      }
      replace_at(by_skeleton_, skeleton);
    }
    move_in_set(by_surname_, WordSkeleton(words.back()));
  }
  if (!moved.entity.gazetteer_ref.empty()) replace_at(by_ref_, moved.entity.gazetteer_ref);
  for (const std::string& story : moved.stories) move_in_set(story_members_, story);
  if (auto held = role_stories_.find(from); held != role_stories_.end()) {
    for (const std::string& story : held->second) {
      auto roles = story_roles_.find(story);
      if (roles == story_roles_.end()) continue;
      for (auto& [role, v] : roles->second) {
        if (v == from) v = into;
      }
      role_stories_[into].insert(story);
    }
    role_stories_.erase(from);
  }
  // Co-occurrence counts are symmetric: the entities `from` co-occurred with hold it.
  for (const auto& [id, n] : moved.cooc) {
    auto node = nodes_.find(id);
    if (node == nodes_.end()) continue;
    node->second.cooc.erase(from);
    if (id != into) node->second.cooc[into] += n;
  }
  Node& target = nodes_.at(into);
  for (const auto& [alias, count] : moved.aliases) AddAlias(into, alias, count);
  target.stories.insert(moved.stories.begin(), moved.stories.end());
  for (const auto& [id, n] : moved.cooc) {
    if (id != into) target.cooc[id] += n;
  }
  if (target.entity.gazetteer_ref.empty()) {
    target.entity.gazetteer_ref = moved.entity.gazetteer_ref;
    target.entity.country_code = moved.entity.country_code;
    target.entity.latitude = moved.entity.latitude;
    target.entity.longitude = moved.entity.longitude;
  }
  Rename(target);
  changes.merges.emplace_back(from, into);
  return into;
}

EntityChanges EntityResolver::Resolve(const ArticleEntities& article, std::string_view story_id) {
  EntityChanges changes;
  const size_t n = article.entities.size();
  changes.links.assign(n, 0);
  std::set<uint64_t> touched;  // created or renamed: upserted at the end
  std::set<uint64_t> created;  // created by this call: unknown to the store so far
  std::set<uint64_t> context;  // entities of this article linked so far
  // Gazetteer entities first (the surest), then full person names, then the rest, then
  // surnames alone (which lean on the context the others give).
  // Role descriptions of each entity, and whether it has nothing else (a role alone).
  std::vector<std::vector<std::string>> roles(n);
  std::vector<bool> role_only(n, false);
  for (size_t i = 0; i < n; ++i) {
    const ArticleEntity& e = article.entities[i];
    if (e.type != EntityType::kPerson) continue;
    size_t others = 0;
    for (const std::string& alias : e.aliases) {
      std::string role = RoleOf(alias);
      if (role.empty()) {
        ++others;
      } else {
        roles[i].push_back(role);
      }
    }
    role_only[i] = others == 0 && !roles[i].empty();
  }
  auto rank = [&](const ArticleEntity& e) {
    if (&e >= &article.entities[0] && role_only[&e - &article.entities[0]]) return 4;
    if (!e.gazetteer_ref.empty()) return 0;
    if (e.type == EntityType::kPerson) return Words(e.name).size() >= 2 ? 1 : 3;
    return 2;
  };
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return rank(article.entities[a]) < rank(article.entities[b]);
  });
  // The context typos and bare surnames lean on: the entities of this article that an exact
  // identity (gazetteer, alias, name skeleton) already links, whatever their order.
  for (const ArticleEntity& e : article.entities) {
    if (!e.gazetteer_ref.empty()) {
      if (auto it = by_ref_.find(e.gazetteer_ref); it != by_ref_.end()) context.insert(it->second);
      continue;
    }
    for (const std::string& alias : e.aliases) {
      if (auto it = by_alias_.find(AliasKey(e.type, alias));
          it != by_alias_.end() && (e.type != EntityType::kPerson || Words(alias).size() >= 2)) {
        context.insert(it->second);
        break;
      }
    }
  }
  const std::string story(story_id);
  // Full-name people of this article by surname skeleton ("Joe Biden et Jill Biden": two).
  std::map<std::string, int> full_names_by_surname;
  for (size_t i = 0; i < n; ++i) {
    const ArticleEntity& e = article.entities[i];
    if (e.type != EntityType::kPerson || role_only[i]) continue;
    const std::vector<std::string> words = Words(e.name);
    if (words.size() >= 2) ++full_names_by_surname[WordSkeleton(words.back())];
  }
  for (size_t i : order) {
    const ArticleEntity& e = article.entities[i];
    uint64_t id = 0;
    std::string key;
    if (role_only[i]) {
      // A role alone names the person the story bound it to; nobody else (link 0).
      auto st = story_roles_.find(story);
      if (!story.empty() && st != story_roles_.end()) {
        for (const std::string& role : roles[i]) {
          auto it = st->second.find(role);
          if (it != st->second.end()) {
            id = Current(it->second);
            break;
          }
        }
      }
      if (id != 0 && nodes_.count(id)) {
        for (const std::string& alias : e.aliases) AddAlias(id, alias, 1);
        context.insert(id);
      } else {
        id = 0;
      }
      changes.links[i] = id;
      continue;
    }
    if (!e.gazetteer_ref.empty()) {
      if (auto it = by_ref_.find(e.gazetteer_ref); it != by_ref_.end()) id = it->second;
      key = std::string(EntityTypeName(e.type)) + ":" + e.gazetteer_ref;
    } else {
      for (const std::string& alias : e.aliases) {
        if (e.type == EntityType::kPerson && Words(alias).size() < 2) continue;
        if (auto it = by_alias_.find(AliasKey(e.type, alias)); it != by_alias_.end()) {
          id = it->second;
          break;
        }
      }
      if (id == 0 && e.type == EntityType::kPerson) id = FindPerson(e, story_id, context);
      // A statistical tagger confuses organisations and places ("Otan" a place, "OTAN" an
      // organisation): the same name of the other type, when known, is the same thing.
      if (id == 0 && (e.type == EntityType::kOrganization || e.type == EntityType::kPlace)) {
        const EntityType other =
            e.type == EntityType::kPlace ? EntityType::kOrganization : EntityType::kPlace;
        for (const std::string& alias : e.aliases) {
          if (auto it = by_alias_.find(AliasKey(other, alias)); it != by_alias_.end()) {
            id = it->second;
            break;
          }
        }
      }
      // ... and types a surname alone as a place: one word that is the surname of the one
      // person of that surname in the same story is that person ("Biden").
      if (id == 0 && e.type != EntityType::kPerson && !story.empty()) {
        std::vector<std::string> words = Words(e.name);
        auto it = words.size() == 1 ? by_surname_.find(WordSkeleton(words[0])) : by_surname_.end();
        if (it != by_surname_.end()) {
          uint64_t only = 0;
          int count = 0;
          for (uint64_t candidate : it->second) {
            if (nodes_.at(candidate).stories.count(story) == 0) continue;
            only = candidate;
            ++count;
          }
          if (count == 1) id = only;
        }
      }
      key = std::string(EntityTypeName(e.type)) + ":" + text::Fold(e.name);
    }
    if (id == 0) {
      id = Create(e.type, key, e);
      touched.insert(id);
      created.insert(id);
    }
    // The aliases the article used.
    std::map<std::string, uint32_t> counts;
    for (uint32_t m : e.mentions) {
      if (m < article.mentions.size()) ++counts[article.mentions[m].surface];
    }
    for (const std::string& alias : e.aliases) counts.try_emplace(alias, 0);
    // Counted once per article, as the store keeps them (entity_aliases.articles), so that a
    // resolver restored from the store weighs aliases as the live one did.
    for (const auto& [alias, count] : counts) AddAlias(id, alias, 1);
    // A full name makes a surname-only entity of the same surname redundant when it is the
    // only full name holding that surname.
    if (e.type == EntityType::kPerson) {
      std::vector<std::string> words = Words(nodes_.at(id).entity.name);
      if (words.empty()) words = Words(e.name);
      auto it = by_surname_.find(WordSkeleton(words.back()));
      if (words.size() >= 2 && it != by_surname_.end()) {
        std::vector<uint64_t> surname_only, full;
        for (uint64_t other : it->second) {
          (Words(nodes_.at(other).entity.name).size() >= 2 ? full : surname_only).push_back(other);
        }
        if (full.size() == 1) {
          for (uint64_t other : surname_only) {
            uint64_t into = Merge(id, other, changes);
            touched.erase(id == into ? other : id);
            id = into;
          }
        }
      }
    }
    if (e.type == EntityType::kPerson && !story.empty()) {
      const std::vector<std::string> words = Words(e.name);
      const int namesakes =
          words.size() >= 2 ? full_names_by_surname[WordSkeleton(words.back())] : 0;
      id = AbsorbMistypedSurnames(id, story, namesakes, changes, touched);
    }
    if (!story.empty()) {
      for (const std::string& role : roles[i]) {
        story_roles_[story][role] = id;
        role_stories_[id].insert(story);
      }
    }
    if (Rename(nodes_.at(id))) touched.insert(id);
    changes.links[i] = id;
    context.insert(id);
  }
  for (uint64_t& link : changes.links) link = link == 0 ? 0 : Current(link);
  std::set<uint64_t> linked(changes.links.begin(), changes.links.end());
  linked.erase(0);
  for (uint64_t id : linked) {
    Node& node = nodes_.at(id);
    if (!story.empty()) {
      node.stories.insert(story);
      story_members_[story].insert(id);
    }
    for (uint64_t other : linked) {
      if (other != id) ++node.cooc[other];
    }
  }
  for (uint64_t id : touched) {
    id = Current(id);
    auto it = nodes_.find(id);
    if (it == nodes_.end()) continue;
    bool seen = std::any_of(changes.upserts.begin(), changes.upserts.end(),
                            [&](const CanonicalEntity& c) { return c.id == id; });
    if (!seen) changes.upserts.push_back(it->second.entity);
  }
  // Merged survivors are renamed in Merge: list them too.
  for (const auto& [from, into] : changes.merges) {
    (void)from;
    uint64_t id = Current(into);
    auto it = nodes_.find(id);
    if (it == nodes_.end()) continue;
    bool seen = std::any_of(changes.upserts.begin(), changes.upserts.end(),
                            [&](const CanonicalEntity& c) { return c.id == id; });
    if (!seen) changes.upserts.push_back(it->second.entity);
  }
  // An entity created and merged away within this article never reached the store: its
  // merge is nothing to replay there (its links already follow it to the survivor).
  std::erase_if(changes.merges, [&](const std::pair<uint64_t, uint64_t>& merge) {
    return created.count(merge.first) > 0;
  });
  return changes;
}

Status EntityResolver::Restore(const std::vector<CanonicalEntity>& entities,
                               const std::vector<AliasCount>& aliases,
                               const std::vector<std::pair<std::string, uint64_t>>& story_members,
                               const std::vector<std::pair<uint64_t, uint64_t>>& merged) {
  if (!nodes_.empty())
    return FailedPreconditionError("entity resolver: restore into a used resolver");
  for (const CanonicalEntity& e : entities) {
    if (nodes_.count(e.id)) {
      return InvalidArgumentError("entity resolver: duplicate entity id " + std::to_string(e.id));
    }
    Node node;
    node.entity = e;
    node.created = next_created_++;
    nodes_.emplace(e.id, std::move(node));
    if (!e.gazetteer_ref.empty()) by_ref_.try_emplace(e.gazetteer_ref, e.id);
  }
  for (const auto& [from, into] : merged) {
    if (nodes_.count(from)) {
      return InvalidArgumentError("entity resolver: entity " + std::to_string(from) +
                                  " is both live and merged");
    }
    merged_[from] = into;
  }
  for (const AliasCount& a : aliases) {
    if (!nodes_.count(a.entity_id)) {
      return InvalidArgumentError("entity resolver: alias '" + a.alias + "' of unknown entity " +
                                  std::to_string(a.entity_id));
    }
    AddAlias(a.entity_id, a.alias, a.count);
  }
  for (const auto& [story, id] : story_members) {
    auto it = nodes_.find(id);
    if (it == nodes_.end()) continue;
    it->second.stories.insert(story);
    story_members_[story].insert(id);
    // The roles a story bound: the role descriptions among the aliases of its people.
    if (it->second.entity.type != EntityType::kPerson) continue;
    for (const auto& [alias, count] : it->second.aliases) {
      std::string role = RoleOf(alias);
      if (!role.empty() && story_roles_[story].try_emplace(role, id).second) {
        role_stories_[id].insert(story);
      }
    }
  }
  return Status::Ok();
}

}  // namespace depeche::extract
