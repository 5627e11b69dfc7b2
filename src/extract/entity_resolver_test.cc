#include "extract/entity_resolver.h"

#include <gtest/gtest.h>

#include <set>

#include "extract/article_resolver.h"
#include "extract/gazetteer_matcher.h"
#include "extract/test_gazetteer.h"

namespace depeche::extract {
namespace {

using testing::DataGazetteer;

std::shared_ptr<const Gazetteer> Shared() {
  return std::shared_ptr<const Gazetteer>(&DataGazetteer(), [](const Gazetteer*) {});
}

ArticleEntities Extract(std::string text, std::string lang = "fr") {
  Article a;
  a.lang = std::move(lang);
  a.text = std::move(text);
  return ResolveArticle(DataGazetteer(), a, MatchGazetteer(DataGazetteer(), a));
}

uint64_t Link(const ArticleEntities& r, const EntityChanges& c, std::string_view name) {
  for (size_t i = 0; i < r.entities.size(); ++i) {
    if (r.entities[i].name == name) return c.links[i];
  }
  return 0;
}

TEST(EntityResolverTest, VariantsAcrossArticlesAndLanguagesJoinOneEntity) {
  EntityResolver resolver(Shared());
  ArticleEntities a1 = Extract("Antony Blinken rencontre Sergueï Lavrov à Genève. La Russie...");
  EntityChanges c1 = resolver.Resolve(a1, "s1");
  ArticleEntities a2 = Extract("Anthony Blinken met Sergei Lavrov in Geneva. Russia...", "en");
  EntityChanges c2 = resolver.Resolve(a2, "s2");
  ArticleEntities a3 = Extract("Le président Volodymyr Zelenskiy et la Russie.");
  EntityChanges c3 = resolver.Resolve(a3, "s3");
  ArticleEntities a4 = Extract("Le président Volodymyr Zelensky a parlé.");
  EntityChanges c4 = resolver.Resolve(a4, "s4");
  EXPECT_EQ(Link(a1, c1, "Antony Blinken"), Link(a2, c2, "Anthony Blinken"));
  EXPECT_EQ(Link(a1, c1, "Sergueï Lavrov"), Link(a2, c2, "Sergei Lavrov"));
  EXPECT_EQ(Link(a1, c1, "Genève"), Link(a2, c2, "Geneva"));
  EXPECT_EQ(Link(a1, c1, "Russie"), Link(a2, c2, "Russia"));
  EXPECT_EQ(Link(a3, c3, "Volodymyr Zelenskiy"), Link(a4, c4, "Volodymyr Zelensky"));
  EXPECT_NE(Link(a1, c1, "Antony Blinken"), Link(a1, c1, "Sergueï Lavrov"));
  EXPECT_NE(Link(a1, c1, "Antony Blinken"), 0u);
  // Created entities are upserted once, with a name.
  EXPECT_EQ(c1.upserts.size(), a1.entities.size());
  EXPECT_TRUE(c2.upserts.empty() || c2.upserts.size() < a2.entities.size());
  const CanonicalEntity* russia = resolver.Find(Link(a1, c1, "Russie"));
  ASSERT_NE(russia, nullptr);
  EXPECT_EQ(russia->gazetteer_ref, "iso3166:RU");
  EXPECT_EQ(russia->type, EntityType::kPlace);
}

TEST(EntityResolverTest, TyposNeedAgreeingContext) {
  EntityResolver resolver(Shared());
  ArticleEntities a1 =
      Extract("Antony Blinken a vu Sergueï Lavrov à Genève au sujet de l'Ukraine.");
  EntityChanges c1 = resolver.Resolve(a1, "s1");
  uint64_t blinken = Link(a1, c1, "Antony Blinken");
  // Same story: the typo joins.
  ArticleEntities a2 = Extract("Antony Blinkin a parlé.");
  EntityChanges c2 = resolver.Resolve(a2, "s1");
  EXPECT_EQ(Link(a2, c2, "Antony Blinkin"), blinken);
  // Another story with nothing shared: a new person.
  EntityResolver fresh(Shared());
  fresh.Resolve(a1, "s1");
  EntityChanges c3 = fresh.Resolve(a2, "other");
  EXPECT_NE(Link(a2, c3, "Antony Blinkin"), blinken);
  // Another story sharing two entities (Lavrov, Ukraine): joins.
  EntityResolver third(Shared());
  third.Resolve(a1, "s1");
  ArticleEntities a4 = Extract("Antony Blinkin a revu Sergueï Lavrov pour l'Ukraine.");
  EntityChanges c4 = third.Resolve(a4, "s9");
  EXPECT_EQ(Link(a4, c4, "Antony Blinkin"), blinken);
}

TEST(EntityResolverTest, SurnameFirstThenFullNameMergesIntoTheOlderId) {
  EntityResolver resolver(Shared());
  ArticleEntities a1 = Extract("Le président Poutine a parlé.");
  EntityChanges c1 = resolver.Resolve(a1, "s1");
  uint64_t surname_id = Link(a1, c1, "Poutine");
  ASSERT_NE(surname_id, 0u);
  ArticleEntities a2 = Extract("Vladimir Poutine et Joe Biden.");
  EntityChanges c2 = resolver.Resolve(a2, "s2");
  EXPECT_EQ(Link(a2, c2, "Vladimir Poutine"), surname_id);  // the older id survives
  const CanonicalEntity* putin = resolver.Find(surname_id);
  ASSERT_NE(putin, nullptr);
  EXPECT_EQ(putin->name, "Vladimir Poutine");  // renamed: upserted
  bool upserted = false;
  for (const CanonicalEntity& e : c2.upserts) upserted |= e.id == surname_id;
  EXPECT_TRUE(upserted);
}

// A tagger's type error ("Biden" a place) is repaired when the story later names the person in
// full; in another story the place stays what it was.
TEST(EntityResolverTest, ASurnameTypedAsAPlaceJoinsThePersonOfItsStory) {
  auto mistyped = [] {
    ArticleEntities r;
    Mention m;
    m.span = {0, 5};
    m.type = EntityType::kPlace;
    m.surface = "Biden";
    r.mentions.push_back(m);
    ArticleEntity e;
    e.type = EntityType::kPlace;
    e.name = "Biden";
    e.aliases = {"Biden"};
    e.mentions = {0};
    r.entities.push_back(e);
    return r;
  };
  EntityResolver resolver(Shared());
  const ArticleEntities first = mistyped();
  const uint64_t place = resolver.Resolve(first, "s1").links.at(0);
  ASSERT_NE(place, 0u);
  const ArticleEntities elsewhere = mistyped();
  const uint64_t other_story = resolver.Resolve(elsewhere, "s3").links.at(0);
  EXPECT_EQ(other_story, place);  // the same alias, as before
  ArticleEntities full = Extract("Joe Biden a parlé avec Vladimir Poutine.");
  EntityChanges c = resolver.Resolve(full, "s1");
  const uint64_t biden = Link(full, c, "Joe Biden");
  EXPECT_EQ(biden, place);  // the older id survives
  // The person was created by this call, so the store only sees the place retyped and renamed.
  EXPECT_TRUE(c.merges.empty());
  bool upserted = false;
  for (const CanonicalEntity& u : c.upserts) {
    upserted |= u.id == place && u.type == EntityType::kPerson && u.name == "Joe Biden";
  }
  EXPECT_TRUE(upserted);
  const CanonicalEntity* e = resolver.Find(biden);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->type, EntityType::kPerson);
  EXPECT_EQ(e->name, "Joe Biden");
  // Two people of that surname in the story: nothing is absorbed.
  EntityResolver two(Shared());
  const ArticleEntities again = mistyped();
  const uint64_t place2 = two.Resolve(again, "s").links.at(0);
  ArticleEntities both = Extract("Joe Biden et Jill Biden ont voté.");
  EntityChanges c2 = two.Resolve(both, "s");
  EXPECT_TRUE(c2.merges.empty());
  ASSERT_NE(two.Find(place2), nullptr);
  EXPECT_EQ(two.Find(place2)->type, EntityType::kPlace);
}

TEST(EntityResolverTest, DeterministicAndRestorable) {
  std::vector<ArticleEntities> articles = {
      Extract("Antony Blinken et Sergueï Lavrov à Genève. La Russie et l'Ukraine."),
      Extract("M. Blinken et M. Lavrov. Les Russes."),
      Extract("Joe Biden et Vladimir Poutine à Washington."),
  };
  EntityResolver a(Shared()), b(Shared());
  std::vector<CanonicalEntity> entities;
  for (const ArticleEntities& art : articles) {
    EntityChanges ca = a.Resolve(art, "s");
    EntityChanges cb = b.Resolve(art, "s");
    EXPECT_EQ(ca.links, cb.links);
    EXPECT_EQ(ca.merges, cb.merges);
  }
  // Rebuild from what a store keeps, then resolve a new article the same way.
  std::vector<AliasCount> aliases;
  std::set<uint64_t> ids;
  EntityResolver probe(Shared());
  for (const ArticleEntities& art : articles) {
    for (uint64_t id : probe.Resolve(art, "s").links) ids.insert(probe.Current(id));
  }
  for (uint64_t id : ids) {
    if (const CanonicalEntity* e = probe.Find(id)) entities.push_back(*e);
    for (const AliasCount& al : probe.Aliases(id)) aliases.push_back(al);
  }
  EntityResolver restored(Shared());
  ASSERT_TRUE(restored.Restore(entities, aliases, {{"s", *ids.begin()}}).ok());
  ArticleEntities next = Extract("Sergei Lavrov et Anthony Blinken. La Russie.");
  EntityChanges c1 = restored.Resolve(next, "t");
  EntityChanges c2 = probe.Resolve(next, "t");
  EXPECT_EQ(c1.links, c2.links);
  ASSERT_EQ(c1.upserts.size(), c2.upserts.size());
  for (size_t i = 0; i < c1.upserts.size(); ++i) EXPECT_EQ(c1.upserts[i].name, c2.upserts[i].name);
  EXPECT_EQ(restored.Restore(entities, aliases).code(), StatusCode::kFailedPrecondition);
  EntityResolver bad(Shared());
  EXPECT_EQ(bad.Restore({}, {{42, "x", 1}}).code(), StatusCode::kInvalidArgument);
}

// A restored resolver knows the ids merged away before (the store keeps them merged): it follows
// them, and never creates an entity under one of them again.
TEST(EntityResolverTest, RestoredMergesAreFollowedAndNeverRecreated) {
  const ArticleEntities article = Extract("Joe Biden à Washington.");
  EntityResolver first(Shared());
  const EntityChanges made = first.Resolve(article, "s");
  ASSERT_FALSE(made.links.empty());
  const uint64_t old_id = made.links[0];
  ASSERT_NE(old_id, 0u);
  CanonicalEntity survivor;
  survivor.id = old_id ^ 0x5a5a5a5a5a5a5a5aULL;
  survivor.type = EntityType::kPerson;
  survivor.name = "Someone Else";
  EntityResolver restored(Shared());
  ASSERT_TRUE(restored.Restore({survivor}, {}, {}, {{old_id, survivor.id}}).ok());
  EXPECT_EQ(restored.Current(old_id), survivor.id);
  const EntityChanges again = restored.Resolve(article, "s");
  ASSERT_EQ(again.links.size(), made.links.size());
  EXPECT_NE(again.links[0], old_id);
  for (const CanonicalEntity& e : again.upserts) EXPECT_NE(e.id, old_id);
  EntityResolver both(Shared());
  EXPECT_EQ(both.Restore({survivor}, {}, {}, {{survivor.id, old_id}}).code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace depeche::extract

namespace depeche::extract {
namespace {

TEST(EntityResolverTest, RoleDescriptionsResolveThroughTheStoryOnly) {
  EntityResolver resolver(Shared());
  ArticleEntities a1 = Extract("Le chef de la diplomatie américaine Antony Blinken est à Genève.");
  EntityChanges c1 = resolver.Resolve(a1, "geneva");
  uint64_t blinken = Link(a1, c1, "Antony Blinken");
  ASSERT_NE(blinken, 0u);
  // The role is an alias of the person, never his name.
  EXPECT_EQ(resolver.Find(blinken)->name, "Antony Blinken");
  ArticleEntities a2 = Extract("Le secrétaire d'État américain se rendra ensuite à Berlin.");
  ASSERT_FALSE(a2.entities.empty());
  EntityChanges same_story = resolver.Resolve(a2, "geneva");
  EXPECT_EQ(Link(a2, same_story, "secrétaire d'État américain"), blinken);
  EntityChanges other_story = resolver.Resolve(a2, "elsewhere");
  EXPECT_EQ(Link(a2, other_story, "secrétaire d'État américain"), 0u);
  EXPECT_TRUE(other_story.upserts.empty());
  // Another country's minister is another role.
  ArticleEntities a3 = Extract("Le chef de la diplomatie russe a répondu.");
  EntityChanges c3 = resolver.Resolve(a3, "geneva");
  EXPECT_EQ(Link(a3, c3, "chef de la diplomatie russe"), 0u);
}

}  // namespace
}  // namespace depeche::extract
