#include "store/entity_store.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "core/time.h"
#include "depeche/query.h"
#include "store/store_test_fixture.h"

namespace depeche::store {
namespace {

using extract::ArticleEntities;
using extract::ArticleEntity;
using extract::CanonicalEntity;
using extract::EntityChanges;
using extract::EntityType;
using extract::Mention;

// Ids with distinct first digits, so that prefixes tell them apart (and one with the top bit
// set, stored as a negative rowid).
constexpr uint64_t kBlinken = 0x1a2b3c4d5e6f7081;
constexpr uint64_t kBlinkin = 0xf00dcafe12345678;  // created later, merged into kBlinken
constexpr uint64_t kUkraine = 0x2b3c4d5e6f708192;
constexpr uint64_t kParisCity = 0x3c4d5e6f708192a3;
constexpr uint64_t kParisPerson = 0x3c4d5e6f70aaaaaa;
constexpr uint64_t kLavrov = 0x4d5e6f708192a3b4;

CanonicalEntity Canonical(uint64_t id, EntityType type, const std::string& name) {
  CanonicalEntity e;
  e.id = id;
  e.type = type;
  e.name = name;
  return e;
}

// Builds one article's entities: each Add appends an entity with mentions at the given byte
// offsets of `text` (surface = the text there) and its link.
class ArticleBuilder {
 public:
  explicit ArticleBuilder(std::string text) : text_(std::move(text)) {}
  ArticleBuilder& Add(uint64_t link, EntityType type, const std::string& name,
                      std::vector<std::string> surfaces, float salience,
                      std::vector<std::string> aliases = {}) {
    ArticleEntity e;
    e.type = type;
    e.name = name;
    e.aliases = std::move(aliases);
    e.salience = salience;
    for (const std::string& s : surfaces) {
      size_t at = text_.find(s, used_.count(s) ? used_[s] : 0);
      EXPECT_NE(at, std::string::npos) << s;
      used_[s] = at + s.size();
      Mention m;
      m.span = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + s.size())};
      m.type = type;
      m.surface = s;
      e.mentions.push_back(static_cast<uint32_t>(out_.mentions.size()));
      out_.mentions.push_back(std::move(m));
    }
    out_.entities.push_back(std::move(e));
    changes_.links.push_back(link);
    return *this;
  }
  ArticleBuilder& Upsert(CanonicalEntity e) {
    changes_.upserts.push_back(std::move(e));
    return *this;
  }
  ArticleBuilder& Merge(uint64_t from, uint64_t into) {
    changes_.merges.emplace_back(from, into);
    return *this;
  }
  const ArticleEntities& entities() const { return out_; }
  const EntityChanges& changes() const { return changes_; }
  const std::string& text() const { return text_; }

 private:
  std::string text_;
  std::map<std::string, size_t> used_;
  ArticleEntities out_;
  EntityChanges changes_;
};

class EntityStoreTest : public testing_util::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    OpenEntities();
  }
  void OpenEntities() {
    auto entities = EntityStore::Create(db_.get());
    ASSERT_TRUE(entities.ok());
    entities_ = std::move(entities).value();
  }
  void ReopenAll() {
    entities_.reset();
    Reopen();
    OpenEntities();
  }

  // Stores an article with `b`'s text (published `date`) and records its entities.
  std::string Store(const ArticleBuilder& b, const std::string& date = "") {
    Article a = Make("en", "", b.text());
    if (!date.empty()) {
      Result<PublicationDate> parsed = core::ParseIsoDate(date);
      EXPECT_TRUE(parsed.ok()) << date;
      if (parsed.ok()) a.published = *parsed;
    }
    Add(a);
    Status s = entities_->Record(a.id, b.entities(), b.changes());
    EXPECT_TRUE(s.ok()) << s.ToString();
    return a.id;
  }

  EntitySummary Listed(const std::string& id, const EntityQuery& q = {}) {
    auto list = entities_->List(q);
    EXPECT_TRUE(list.ok()) << list.status().ToString();
    if (list.ok()) {
      for (const EntitySummary& e : *list) {
        if (e.id == id) return e;
      }
    }
    return {};
  }

  std::unique_ptr<EntityStore> entities_;
};

std::string H(uint64_t id) { return EntityIdHex(id); }

TEST(EntityIdTest, HexRoundTrips) {
  for (uint64_t id : {uint64_t{1}, kBlinken, kBlinkin, ~uint64_t{0}}) {
    EXPECT_EQ(ParseEntityId(EntityIdHex(id)), id);
  }
  EXPECT_EQ(EntityIdHex(kBlinken), "1a2b3c4d5e6f7081");
  EXPECT_EQ(ParseEntityId("1A2B3C4D5E6F7081"), kBlinken);
  EXPECT_FALSE(ParseEntityId("1a2b3c4d5e6f708"));
  EXPECT_FALSE(ParseEntityId("1a2b3c4d5e6f708g"));
}

// Two articles about Blinken and Ukraine; "Blinkin" first arrives as an entity of its own.
ArticleBuilder FirstArticle() {
  ArticleBuilder first("Antony Blinken visits Kyiv. M. Blinken met officials in Ukraine.");
  first.Upsert(Canonical(kBlinken, EntityType::kPerson, "Antony Blinken"))
      .Upsert(Canonical(kUkraine, EntityType::kPlace, "Ukraine"))
      .Add(kBlinken, EntityType::kPerson, "Antony Blinken", {"Antony Blinken", "Blinken"}, 0.9f,
           {"Antony Blinken", "M. Blinken"})
      .Add(kUkraine, EntityType::kPlace, "Ukraine", {"Ukraine"}, 0.4f);
  return first;
}

ArticleBuilder SecondArticle() {
  ArticleBuilder second("Blinkin in Kyiv: Ukraine and Ukraine again.");
  second.Upsert(Canonical(kBlinkin, EntityType::kPerson, "Blinkin"))
      .Add(kBlinkin, EntityType::kPerson, "Blinkin", {"Blinkin"}, 0.8f)
      .Add(kUkraine, EntityType::kPlace, "Ukraine", {"Ukraine", "Ukraine"}, 0.7f);
  return second;
}

class TwoArticlesTest : public EntityStoreTest {
 protected:
  void SetUp() override {
    EntityStoreTest::SetUp();
    first_ = Store(FirstArticle(), "2022-01-20");
    second_ = Store(SecondArticle(), "2022-01-22");
  }
  std::string first_, second_;
};

TEST_F(TwoArticlesTest, RecordKeepsCountsAliasesAndMentions) {
  EntitySummary ukraine = Listed(H(kUkraine));
  EXPECT_EQ(ukraine.name, "Ukraine");
  EXPECT_EQ(ukraine.type, "place");
  EXPECT_EQ(ukraine.article_count, 2);
  EXPECT_EQ(ukraine.mention_count, 3);
  ASSERT_EQ(ukraine.aliases.size(), 1u);
  EXPECT_EQ(ukraine.aliases[0].name, "Ukraine");
  EXPECT_EQ(ukraine.aliases[0].article_count, 2);

  EntitySummary blinken = Listed(H(kBlinken));
  EXPECT_EQ(blinken.article_count, 1);
  EXPECT_EQ(blinken.mention_count, 2);
  ASSERT_EQ(blinken.aliases.size(), 2u);  // the name counted once with the aliases
  EXPECT_EQ(blinken.aliases[0].name, "Antony Blinken");
  EXPECT_EQ(blinken.aliases[1].name, "M. Blinken");

  auto refs = entities_->OfArticle(first_);
  ASSERT_TRUE(refs.ok()) << refs.status().ToString();
  ASSERT_EQ(refs->size(), 2u);
  EXPECT_EQ((*refs)[0].name, "Antony Blinken");  // most salient first
  ASSERT_EQ((*refs)[0].mentions.size(), 2u);
  EXPECT_EQ((*refs)[0].mentions[0].begin, 0u);
  EXPECT_EQ((*refs)[0].mentions[0].end, 14u);
  EXPECT_EQ((*refs)[0].mentions[1].surface, "Blinken");
  EXPECT_FLOAT_EQ(static_cast<float>((*refs)[0].salience), 0.9f);

  // Recording the same article twice would count it twice: refused.
  ArticleBuilder again("Antony Blinken visits Kyiv. M. Blinken met officials in Ukraine.");
  again.Add(kUkraine, EntityType::kPlace, "Ukraine", {"Ukraine"}, 0.4f);
  Status twice = entities_->Record(first_, again.entities(), again.changes());
  EXPECT_EQ(twice.code(), StatusCode::kAlreadyExists) << twice.ToString();
  EXPECT_EQ(Listed(H(kUkraine)).article_count, 2);
}

TEST_F(TwoArticlesTest, ListSortsByArticlesThenNameWithTotalAndFilters) {
  EntityListInfo info;
  EntityQuery q;
  q.info = &info;
  auto all = entities_->List(q);
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].name, "Ukraine");
  EXPECT_EQ((*all)[1].name, "Antony Blinken");  // 1 article each: by name
  EXPECT_EQ((*all)[2].name, "Blinkin");
  EXPECT_EQ(info.total, 3);

  q.limit = 1;
  auto one = entities_->List(q);
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one->size(), 1u);
  EXPECT_EQ(info.total, 3);

  EntityQuery people;
  people.type = "person";
  people.info = &info;
  auto persons = entities_->List(people);
  ASSERT_TRUE(persons.ok());
  ASSERT_EQ(persons->size(), 2u);
  EXPECT_EQ(info.total, 2);

  // Since the 21st: only the second article counts.
  EntityQuery since;
  since.since = "2022-01-21";
  since.info = &info;
  auto recent = entities_->List(since);
  ASSERT_TRUE(recent.ok()) << recent.status().ToString();
  ASSERT_EQ(recent->size(), 2u);
  EXPECT_EQ((*recent)[0].name, "Blinkin");
  EXPECT_EQ((*recent)[1].name, "Ukraine");
  EXPECT_EQ((*recent)[1].article_count, 1);
  EXPECT_EQ((*recent)[1].mention_count, 2);
  EXPECT_EQ(info.total, 2);
  since.type = "place";
  auto places = entities_->List(since);
  ASSERT_TRUE(places.ok());
  ASSERT_EQ(places->size(), 1u);
  EXPECT_EQ(info.total, 1);

  EntityQuery bad;
  bad.type = "planet";
  EXPECT_EQ(entities_->List(bad).status().code(), StatusCode::kInvalidArgument);
  bad = {};
  bad.since = "yesterday";
  EXPECT_EQ(entities_->List(bad).status().code(), StatusCode::kInvalidArgument);
  bad = {};
  bad.limit = 0;
  EXPECT_EQ(entities_->List(bad).status().code(), StatusCode::kInvalidArgument);
}

// EntityQuery::name: word prefixes of the name or an alias, accents and case ignored.
TEST_F(TwoArticlesTest, ListFiltersByNameOrAliasWordPrefix) {
  auto names = [&](EntityQuery q) {
    EntityListInfo info;
    q.info = &info;
    std::vector<std::string> out;
    auto list = entities_->List(q);
    EXPECT_TRUE(list.ok()) << list.status().ToString();
    if (list.ok()) {
      for (const EntitySummary& e : *list) out.push_back(e.name);
    }
    EXPECT_EQ(info.total, static_cast<int64_t>(out.size()));
    return out;
  };
  EntityQuery q;
  q.name = "BLIN";
  EXPECT_EQ(names(q), (std::vector<std::string>{"Antony Blinken", "Blinkin"}));
  q.name = "blinke";
  EXPECT_EQ(names(q), (std::vector<std::string>{"Antony Blinken"}));
  q.name = "ant bli";  // every word must start a word
  EXPECT_EQ(names(q), (std::vector<std::string>{"Antony Blinken"}));
  q.name = "inken";  // not a word prefix
  EXPECT_TRUE(names(q).empty());
  q.name = "m. blinken";  // an alias ("M. Blinken")
  EXPECT_EQ(names(q), (std::vector<std::string>{"Antony Blinken"}));
  q.name = "ükrä";  // accents folded on both sides
  EXPECT_EQ(names(q), (std::vector<std::string>{"Ukraine"}));
  q.name = "blin";
  q.type = "place";
  EXPECT_TRUE(names(q).empty());
  // With since: counts over the kept articles, and the name filter still holds.
  q = {};
  q.name = "blin";
  q.since = "2022-01-21";
  EXPECT_EQ(names(q), (std::vector<std::string>{"Blinkin"}));
  q = {};
  q.name = " - ";
  EXPECT_EQ(entities_->List(q).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(TwoArticlesTest, MergeMovesAliasesAndMentionsAndKeepsTheOlderId) {
  ArticleBuilder third("Antony Blinken, also spelt Blinkin, spoke.");
  third.Merge(kBlinkin, kBlinken)
      .Add(kBlinken, EntityType::kPerson, "Antony Blinken", {"Antony Blinken"}, 0.9f)
      // A link to the merged id lands on the survivor, in the same row.
      .Add(kBlinkin, EntityType::kPerson, "Blinkin", {"Blinkin"}, 0.5f);
  const std::string third_id = Store(third, "2022-01-23");

  EntitySummary blinken = Listed(H(kBlinken));
  EXPECT_EQ(blinken.article_count, 3);
  EXPECT_EQ(blinken.mention_count, 5);  // 2 + 1 moved + 2 in the third article
  std::map<std::string, int64_t> aliases;
  for (const EntityAlias& a : blinken.aliases) aliases[a.name] = a.article_count;
  EXPECT_EQ(aliases["Blinkin"], 2);
  EXPECT_EQ(aliases["Antony Blinken"], 2);
  EXPECT_EQ(aliases["M. Blinken"], 1);
  EXPECT_EQ(Listed(H(kBlinkin)).id, "");  // no longer listed

  auto second = entities_->OfArticle(second_);
  ASSERT_TRUE(second.ok());
  ASSERT_EQ(second->size(), 2u);
  EXPECT_EQ((*second)[0].id, H(kBlinken));
  EXPECT_EQ((*second)[0].name, "Antony Blinken");
  ASSERT_EQ((*second)[0].mentions.size(), 1u);
  EXPECT_EQ((*second)[0].mentions[0].surface, "Blinkin");
  auto third_refs = entities_->OfArticle(third_id);
  ASSERT_TRUE(third_refs.ok());
  ASSERT_EQ(third_refs->size(), 1u);
  EXPECT_EQ((*third_refs)[0].mentions.size(), 2u);

  // The merged id still answers, with the survivor, which lists what it absorbed.
  auto detail = entities_->Get(H(kBlinkin));
  ASSERT_TRUE(detail.ok()) << detail.status().ToString();
  EXPECT_EQ(detail->summary.id, H(kBlinken));
  EXPECT_EQ(detail->merged_from, std::vector<std::string>{H(kBlinkin)});
  EXPECT_EQ(detail->articles.size(), 3u);
  EXPECT_EQ(detail->articles[0].id, third_id);  // newest first

  // Merging it again, into itself or into the unknown is refused.
  ArticleBuilder bad("Nothing.");
  bad.Merge(kBlinkin, kUkraine);
  Article a = Make("en", "", "Nothing.");
  Add(a);
  EXPECT_EQ(entities_->Record(a.id, bad.entities(), bad.changes()).code(),
            StatusCode::kInvalidArgument);
  EntityChanges self;
  self.merges.emplace_back(kUkraine, kUkraine);
  EXPECT_EQ(entities_->Record(a.id, {}, self).code(), StatusCode::kInvalidArgument);
  EntityChanges unknown;
  unknown.merges.emplace_back(kUkraine, 42);
  EXPECT_EQ(entities_->Record(a.id, {}, unknown).code(), StatusCode::kInvalidArgument);
}

TEST_F(TwoArticlesTest, LoadRestoresLiveEntitiesAliasesAndMerges) {
  ArticleBuilder third("Blinkin and Blinken.");
  third.Merge(kBlinkin, kBlinken)
      .Upsert([] {
        CanonicalEntity e = Canonical(kUkraine, EntityType::kPlace, "Ukraine");
        e.gazetteer_ref = "iso3166:UA";
        e.country_code = "UA";
        e.latitude = 49.0;
        e.longitude = 32.0;
        return e;
      }())
      .Add(kBlinken, EntityType::kPerson, "Blinken", {"Blinkin", "Blinken"}, 1.0f, {"Blinkin"});
  Store(third);
  ReopenAll();
  auto state = entities_->Load();
  ASSERT_TRUE(state.ok()) << state.status().ToString();
  ASSERT_EQ(state->entities.size(), 2u);
  const SavedEntity& blinken = state->entities[0];  // creation order
  EXPECT_EQ(blinken.entity.id, kBlinken);
  EXPECT_EQ(blinken.entity.type, EntityType::kPerson);
  EXPECT_EQ(blinken.entity.name, "Antony Blinken");
  EXPECT_EQ(blinken.article_count, 3);
  EXPECT_EQ(blinken.mention_count, 5);
  ASSERT_FALSE(blinken.aliases.empty());
  EXPECT_EQ(blinken.aliases[0], (std::pair<std::string, int64_t>("Blinkin", 2)));
  const SavedEntity& ukraine = state->entities[1];
  EXPECT_EQ(ukraine.entity.id, kUkraine);
  EXPECT_EQ(ukraine.entity.gazetteer_ref, "iso3166:UA");
  EXPECT_EQ(ukraine.entity.country_code, "UA");
  EXPECT_EQ(ukraine.entity.latitude, 49.0);
  EXPECT_EQ(ukraine.entity.longitude, 32.0);
  EXPECT_EQ(ukraine.article_count, 2);
  ASSERT_EQ(state->merged.size(), 1u);
  EXPECT_EQ(state->merged[0], (std::pair<uint64_t, uint64_t>(kBlinkin, kBlinken)));

  // What the listing shows survives the reopen too.
  EXPECT_EQ(Listed(H(kUkraine)).country_code, "UA");
  EXPECT_EQ(Listed(H(kUkraine)).latitude, 49.0);
}

// Batch writers sum the counters in memory (SetDeferCounts): once flushed they are what
// per-article writes give, merges included; dropped ones (a rolled-back batch) count nothing.
TEST_F(EntityStoreTest, DeferredCountsAreTheSameOnceFlushed) {
  entities_->SetDeferCounts(true);
  Store(FirstArticle(), "2022-01-20");
  Store(SecondArticle(), "2022-01-22");
  EXPECT_EQ(Listed(H(kUkraine)).id, "");  // nothing counted yet: not listed
  ASSERT_TRUE(entities_->FlushCounts().ok());
  EXPECT_EQ(Listed(H(kUkraine)).article_count, 2);
  EXPECT_EQ(Listed(H(kUkraine)).mention_count, 3);

  // A merge with counters pending: they reach their rows before the merge moves them.
  ArticleBuilder third("Antony Blinken, also spelt Blinkin, spoke.");
  third.Add(kBlinkin, EntityType::kPerson, "Blinkin", {"Blinkin"}, 0.5f);
  Store(third, "2022-01-23");
  ArticleBuilder fourth("Antony Blinken, also spelt Blinkin, spoke again.");
  fourth.Merge(kBlinkin, kBlinken)
      .Add(kBlinken, EntityType::kPerson, "Antony Blinken", {"Antony Blinken"}, 0.9f);
  Store(fourth, "2022-01-24");
  ASSERT_TRUE(entities_->FlushCounts().ok());
  EntitySummary blinken = Listed(H(kBlinken));
  EXPECT_EQ(blinken.article_count, 4);
  EXPECT_EQ(blinken.mention_count, 5);  // 2 + 1 + 1 moved, 1 in the fourth article
  std::map<std::string, int64_t> aliases;
  for (const EntityAlias& a : blinken.aliases) aliases[a.name] = a.article_count;
  EXPECT_EQ(aliases["Blinkin"], 2);
  EXPECT_EQ(aliases["Antony Blinken"], 2);

  ArticleBuilder dropped("Ukraine once more.");
  dropped.Add(kUkraine, EntityType::kPlace, "Ukraine", {"Ukraine"}, 0.4f);
  Store(dropped, "2022-01-25");
  entities_->DropPendingCounts();
  ASSERT_TRUE(entities_->FlushCounts().ok());
  EXPECT_EQ(Listed(H(kUkraine)).article_count, 2);
}

TEST_F(EntityStoreTest, FreshDatabaseLoadsNothing) {
  auto state = entities_->Load();
  ASSERT_TRUE(state.ok());
  EXPECT_TRUE(state->entities.empty());
  EXPECT_TRUE(state->merged.empty());
  EntityListInfo info;
  EntityQuery q;
  q.info = &info;
  auto list = entities_->List(q);
  ASSERT_TRUE(list.ok());
  EXPECT_TRUE(list->empty());
  EXPECT_EQ(info.total, 0);
}

TEST_F(EntityStoreTest, LookupByIdPrefixAndName) {
  ArticleBuilder b("Paris and Paris Hilton and Blinken, again Paris.");
  b.Upsert(Canonical(kParisCity, EntityType::kPlace, "Paris"))
      .Upsert(Canonical(kParisPerson, EntityType::kPerson, "Paris Hilton"))
      .Upsert(Canonical(kBlinken, EntityType::kPerson, "Antony Blinken"))
      .Add(kParisCity, EntityType::kPlace, "Paris", {"Paris"}, 0.5f, {"Paname"})
      .Add(kParisPerson, EntityType::kPerson, "Paris Hilton", {"Paris Hilton"}, 0.5f, {"Paris"})
      .Add(kBlinken, EntityType::kPerson, "Antony Blinken", {"Blinken"}, 0.5f, {"Blinken"});
  Store(b);
  auto resolve = [&](const std::string& key) { return entities_->Resolve(key); };
  EXPECT_EQ(resolve(H(kBlinken)).value(), H(kBlinken));
  EXPECT_EQ(resolve("1A2B3C").value(), H(kBlinken));                   // prefix, any case
  EXPECT_EQ(resolve("1a2b3").status().code(), StatusCode::kNotFound);  // too short: a name
  auto both = resolve("3c4d5e6f70");
  ASSERT_FALSE(both.ok());
  EXPECT_EQ(both.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(both.status().message().find("Paris Hilton"), std::string::npos);
  EXPECT_EQ(resolve("3c4d5e6f7081").value(), H(kParisCity));
  // Names: the canonical name first (ASCII case ignored), then aliases.
  EXPECT_EQ(resolve("paris").value(), H(kParisCity));
  EXPECT_EQ(resolve("Paname").value(), H(kParisCity));
  EXPECT_EQ(resolve("blinken").value(), H(kBlinken));
  EXPECT_EQ(resolve("Nobody").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(resolve("").status().code(), StatusCode::kInvalidArgument);
  // The top bit set: stored as a negative rowid, found by its prefix all the same.
  ArticleBuilder c("Blinkin.");
  c.Upsert(Canonical(kBlinkin, EntityType::kPerson, "Blinkin"))
      .Add(kBlinkin, EntityType::kPerson, "Blinkin", {"Blinkin"}, 1.0f);
  Store(c);
  EXPECT_EQ(resolve("f00dcafe").value(), H(kBlinkin));
  EXPECT_EQ(resolve("F00DCAFE12345678").value(), H(kBlinkin));
}

TEST_F(EntityStoreTest, TwoArticleEntitiesLinkedToOneEntityAreOneRow) {
  ArticleBuilder b("Sergei Lavrov said. Sergueï Lavrov added.");
  b.Upsert(Canonical(kBlinken, EntityType::kPerson, "Sergueï Lavrov"))
      .Add(kBlinken, EntityType::kPerson, "Sergei Lavrov", {"Sergei Lavrov"}, 0.3f)
      .Add(kBlinken, EntityType::kPerson, "Sergueï Lavrov", {"Sergueï Lavrov"}, 0.6f);
  const std::string id = Store(b);
  EntitySummary e = Listed(H(kBlinken));
  EXPECT_EQ(e.article_count, 1);
  EXPECT_EQ(e.mention_count, 2);
  EXPECT_EQ(e.aliases.size(), 2u);
  auto refs = entities_->OfArticle(id);
  ASSERT_TRUE(refs.ok());
  ASSERT_EQ(refs->size(), 1u);
  EXPECT_FLOAT_EQ(static_cast<float>((*refs)[0].salience), 0.6f);
  EXPECT_EQ((*refs)[0].mentions.size(), 2u);
}

TEST_F(EntityStoreTest, BadInputIsRefusedWithNothingCounted) {
  Article a = Make("en", "", "Kyiv.");
  Add(a);
  ArticleBuilder b("Kyiv.");
  b.Add(kUkraine, EntityType::kPlace, "Kyiv", {"Kyiv"}, 1.0f);  // links to nothing stored
  Status unknown = entities_->Record(a.id, b.entities(), b.changes());
  EXPECT_EQ(unknown.code(), StatusCode::kInvalidArgument) << unknown.ToString();

  EntityChanges no_links;
  EXPECT_EQ(entities_->Record(a.id, b.entities(), no_links).code(), StatusCode::kInvalidArgument);
  ArticleEntities out_of_range = b.entities();
  out_of_range.entities[0].mentions.push_back(7);
  EXPECT_EQ(entities_->Record(a.id, out_of_range, b.changes()).code(),
            StatusCode::kInvalidArgument);
  EntityChanges zero;
  zero.upserts.push_back(Canonical(0, EntityType::kPlace, "Zero"));
  EXPECT_EQ(entities_->Record(a.id, {}, zero).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(entities_->Record("0000000000000000", {}, {}).code(), StatusCode::kNotFound);
}

TEST_F(EntityStoreTest, SearchFiltersByEntity) {
  ArticleBuilder one("The harvest in Ukraine was late.");
  one.Upsert(Canonical(kUkraine, EntityType::kPlace, "Ukraine"))
      .Add(kUkraine, EntityType::kPlace, "Ukraine", {"Ukraine"}, 1.0f);
  const std::string with = Store(one);
  ArticleBuilder two("The harvest in France was early.");
  Store(two);
  SearchQuery q;
  q.text = "harvest";
  auto all = store_->Search(q);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 2u);
  q.entity = H(kUkraine);
  auto hits = store_->Search(q);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].article.id, with);
  q.entity = "ukraine";  // the store takes full ids only
  EXPECT_EQ(store_->Search(q).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(EntityStoreTest, MigrationAppliesOnAVersion5Database) {
  DEPECHE_SKIP_ON_POSTGRES("the downgrade drops columns the SQLite way");
  Article a = Make("en", "", "Kyiv is the capital of Ukraine.");
  Add(a);
  entities_.reset();
  // Back to version 5: the article stays, the entity tables (and those of version 7) go.
  std::string back =
      "DROP TABLE entities; DROP TABLE entity_aliases; "
      "DROP TABLE article_entities; DROP TABLE entity_mentions; "
      "DROP TABLE entity_merges; DROP TABLE story_splits; DROP TABLE story_moves; "
      "DROP TABLE article_timexes; ";
  back += testing_util::kDropMigration8Columns;
  back += "DELETE FROM schema_version WHERE version > 5";
  ASSERT_TRUE(db_->Exec(back).ok());
  ReopenAll();
  EXPECT_EQ(db_->schema_version(), kSchemaVersion);
  EXPECT_EQ(Count(), 1);
  ArticleBuilder b("Kyiv is the capital of Ukraine.");
  b.Upsert(Canonical(kUkraine, EntityType::kPlace, "Ukraine"))
      .Add(kUkraine, EntityType::kPlace, "Ukraine", {"Ukraine"}, 1.0f);
  Status s = entities_->Record(a.id, b.entities(), b.changes());
  EXPECT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(Listed(H(kUkraine)).article_count, 1);
}

// An entity named in many articles lists them by walking the articles by date, a rare one by
// sorting its own: both newest first (undated last), both cut at the limit.
TEST_F(EntityStoreTest, ArticlesOfAnEntityNewestFirstWhetherFrequentOrRare) {
  constexpr int kArticles = 2100;  // over the 2,000 from which the walk is used
  ASSERT_TRUE(db_->Begin().ok());
  std::vector<std::string> ids;
  for (int i = 0; i < kArticles; ++i) {
    const std::string text = "Ukraine news number " + std::to_string(i) + ".";
    Article a = Make("en", "", text);
    // Dates out of arrival order: day (i * 7) % kArticles; the last 10 undated.
    if (i < kArticles - 10) {
      Result<PublicationDate> date = core::ParseIsoDate("2022-01-01");
      ASSERT_TRUE(date.ok());
      a.published = *date;
      a.published.utc_seconds += int64_t{86400} * ((i * 7) % kArticles);
    }
    Add(a);
    ArticleBuilder b(text);
    if (i == 0) {
      b.Upsert(Canonical(kUkraine, EntityType::kPlace, "Ukraine"))
          .Upsert(Canonical(kLavrov, EntityType::kPerson, "Lavrov"));
    }
    b.Add(kUkraine, EntityType::kPlace, "Ukraine", {"Ukraine"}, 0.5f);
    if (i % 100 == 0) b.Add(kLavrov, EntityType::kPerson, "Lavrov", {"news"}, 0.1f);
    Status s = entities_->Record(a.id, b.entities(), b.changes());
    ASSERT_TRUE(s.ok()) << s.ToString();
    ids.push_back(a.id);
  }
  ASSERT_TRUE(db_->Commit().ok());
  for (uint64_t entity : {kUkraine, kLavrov}) {
    auto detail = entities_->Get(H(entity), 30, 5);
    ASSERT_TRUE(detail.ok()) << detail.status().ToString();
    const int64_t count = detail->summary.article_count;
    EXPECT_EQ(count, entity == kUkraine ? kArticles : kArticles / 100);
    ASSERT_EQ(detail->articles.size(), std::min<size_t>(30, static_cast<size_t>(count)));
    // Expected: the entity's articles by date descending, undated last, then arrival order.
    std::vector<std::pair<int64_t, int>> order;  // (-day or a large value when undated, i)
    for (int i = 0; i < kArticles; ++i) {
      if (entity == kLavrov && i % 100 != 0) continue;
      order.emplace_back(i < kArticles - 10 ? -((i * 7) % kArticles) : 1, i);
    }
    std::sort(order.begin(), order.end());
    for (size_t k = 0; k < detail->articles.size(); ++k) {
      EXPECT_EQ(detail->articles[k].id, ids[static_cast<size_t>(order[k].second)])
          << H(entity) << " at " << k;
    }
  }
}

}  // namespace
}  // namespace depeche::store
