#include "engine/story_facts.h"

#include <gtest/gtest.h>

namespace depeche::engine {
namespace {

Span Find(const std::string& text, const std::string& what) {
  size_t at = text.find(what);
  EXPECT_NE(at, std::string::npos) << what;
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + what.size())};
}

ArticleEntityRef Entity(const std::string& id, const std::string& type, const std::string& name,
                        const std::vector<Span>& mentions, const std::string& text) {
  ArticleEntityRef e{id, type, name, 1.0, {}};
  for (Span m : mentions) {
    e.mentions.push_back({m.begin, m.end, false, text.substr(m.begin, m.end - m.begin)});
  }
  return e;
}

TEST(LinkSpeakersTest, NamesMentionsFallbacksAndPronouns) {
  Article a;
  a.text =
      "« Nous verrons », a déclaré M. Blinken. « Rien », a-t-il ajouté. Le porte-parole, Ned "
      "Price, a dit « non ». « Oui », a dit M. Lavrov.";
  a.quotes.resize(4);
  a.quotes[0].speaker_kind = "name";
  a.quotes[0].speaker = Find(a.text, "M. Blinken");
  a.quotes[1].speaker_kind = "pronoun";
  a.quotes[1].antecedent = 0;
  a.quotes[2].speaker_kind = "description";
  a.quotes[2].speaker = Find(a.text, "Le porte-parole, Ned Price");
  a.quotes[2].speaker_name = Find(a.text, "Ned Price");
  a.quotes[3].speaker_kind = "name";
  a.quotes[3].speaker = Find(a.text, "M. Lavrov");
  // The department's mention overlaps nothing; Lavrov has no mention here, only his name.
  std::vector<ArticleEntityRef> entities = {
      Entity("b", "person", "Antony Blinken", {Find(a.text, "Blinken")}, a.text),
      Entity("p", "person", "Ned Price", {Find(a.text, "Ned Price")}, a.text),
      Entity("l", "person", "Sergueï Lavrov", {}, a.text),
  };
  LinkSpeakers(a, entities);
  EXPECT_EQ(a.quotes[0].speaker_entity_id, "b");
  EXPECT_EQ(a.quotes[0].speaker_entity_name, "Antony Blinken");
  EXPECT_EQ(a.quotes[1].speaker_entity_id, "b");
  EXPECT_EQ(a.quotes[2].speaker_entity_id, "p");
  EXPECT_EQ(a.quotes[3].speaker_entity_id, "l");

  // A description is an organisation's when its mention is most of it, not where a person works.
  Article d;
  d.text =
      "Le ministère russe de la Défense a dit que oui. Un haut responsable du Pentagone a dit non.";
  d.quotes.resize(2);
  d.quotes[0].speaker_kind = "description";
  d.quotes[0].speaker = Find(d.text, "Le ministère russe de la Défense");
  d.quotes[1].speaker_kind = "description";
  d.quotes[1].speaker = Find(d.text, "Un haut responsable du Pentagone");
  LinkSpeakers(d, {Entity("m", "org", "ministère russe de la Défense",
                          {Find(d.text, "ministère russe de la Défense")}, d.text),
                   Entity("p", "org", "Pentagone", {Find(d.text, "Pentagone")}, d.text)});
  EXPECT_EQ(d.quotes[0].speaker_entity_id, "m");
  EXPECT_EQ(d.quotes[1].speaker_entity_id, "");

  // Two persons end with the same word: no guess.
  entities.push_back(Entity("l2", "person", "Anna Lavrov", {}, a.text));
  LinkSpeakers(a, entities);
  EXPECT_EQ(a.quotes[3].speaker_entity_id, "");
  EXPECT_EQ(a.quotes[0].speaker_entity_id, "b");
}

TEST(GroupQuotesTest, BySpeakerWithCopiesAsSources) {
  Article a, b;
  a.id = "a";
  a.source = "AFP";
  a.text = "« Rien », a dit Blinken. « Tout », a dit un haut responsable.";
  b.id = "b";
  b.source = "Le Monde";
  b.text = "« rien » , a dit Blinken.";
  for (Article* x : {&a, &b}) {
    Quote q;
    q.speaker_kind = "name";
    q.kind = "direct";
    q.content = {Find(x->text, x == &a ? "Rien" : "rien")};
    q.speaker = Find(x->text, "Blinken");
    q.speaker_entity_id = "e1";
    q.speaker_entity_name = "Antony Blinken";
    x->quotes.push_back(q);
  }
  Quote unnamed;
  unnamed.kind = "direct";
  unnamed.speaker_kind = "description";
  unnamed.content = {Find(a.text, "Tout")};
  unnamed.speaker = Find(a.text, "un haut responsable");
  a.quotes.push_back(unnamed);
  Quote nobody;
  nobody.kind = "direct";
  nobody.content = {Find(a.text, "a dit")};
  a.quotes.push_back(nobody);

  // b is dated earlier: its quote comes first among the sources.
  std::vector<SpeakerQuotes> groups = GroupQuotes({{&a, "2022-01-21", 0}, {&b, "2022-01-20", 1}});
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_EQ(groups[0].speaker, "Antony Blinken");
  EXPECT_EQ(groups[0].speaker_kind, "entity");
  EXPECT_EQ(groups[0].article_count, 2);
  ASSERT_EQ(groups[0].quotes.size(), 1u);
  ASSERT_EQ(groups[0].quotes[0].sources.size(), 2u);
  EXPECT_EQ(groups[0].quotes[0].sources[0].article_id, "b");
  EXPECT_EQ(groups[0].quotes[0].sources[1].source, "AFP");
  EXPECT_EQ(groups[1].speaker, "un haut responsable");
  EXPECT_EQ(groups[1].speaker_kind, "description");
  EXPECT_EQ(groups[2].speaker_kind, "none");  // unattributed last
}

TEST(GroupFiguresTest, SameObjectAcrossSourcesInDateOrder) {
  Article a, b, c;
  a.id = "a";
  a.text = "Avec environ 100 000 soldats russes massés.";
  b.id = "b";
  b.text = "La Russie a déployé plus de 150 000 soldats. Et 200 millions de dollars.";
  c.id = "c";
  c.text = "Des dizaines de milliers de troupes russes.";
  auto add = [](Article& x, const std::string& what, double value, const std::string& unit,
                const std::string& bound) {
    Figure f;
    f.span = Find(x.text, what);
    f.value = value;
    f.unit = unit;
    f.counted = true;
    f.bound = bound;
    f.sentence = {0, static_cast<uint32_t>(x.text.size())};
    x.figures.push_back(f);
  };
  add(a, "environ 100 000 soldats", 100000, "soldat", "approximate");
  add(b, "plus de 150 000 soldats", 150000, "soldat", "lower");
  add(b, "200 millions de dollars", 2e8, "dollar", "exact");
  add(c, "dizaines de milliers de troupes", 20000, "troupe", "lower");
  FigureObjects objects;
  objects.Add("troupe", "soldat");
  objects.Add("soldat", "soldat");
  std::vector<FigureGroup> groups = GroupFigures(
      {{&b, "2022-02-17", 0}, {&a, "2022-01-21", 1}, {&c, "2022-01-18", 2}}, objects, 5);
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0].object, "soldat");
  EXPECT_EQ(groups[0].article_count, 3);
  ASSERT_EQ(groups[0].figures.size(), 3u);
  EXPECT_EQ(groups[0].figures[0].value, 20000);
  EXPECT_EQ(groups[0].figures[1].text, "environ 100 000 soldats");
  EXPECT_EQ(groups[0].figures[1].source.date, "2022-01-21");
  EXPECT_EQ(groups[0].figures[2].bound, "lower");
  EXPECT_EQ(groups[0].figures[2].source.article_id, "b");
  EXPECT_EQ(groups[1].object, "dollar");
  EXPECT_EQ(GroupFigures({{&b, "", 0}}, objects, 1).size(), 1u);
}

TEST(GroupFiguresTest, TheEntityAfterTheCountedNounKeepsFiguresApart) {
  Article a, b, c;
  a.id = "a";
  a.text = "Avec 100 000 soldats russes massés.";
  b.id = "b";
  b.text = "Face à eux, 200 000 soldats ukrainiens.";
  c.id = "c";
  c.text = "La Russie a déployé plus de 150 000 soldats.";
  auto add = [](Article& x, const std::string& what, double value) {
    Figure f;
    f.span = Find(x.text, what);
    f.value = value;
    f.unit = "soldat";
    f.counted = true;
    f.unit_span = Find(x.text, "soldats");
    x.figures.push_back(f);
  };
  add(a, "100 000 soldats", 100000);
  add(b, "200 000 soldats", 200000);
  add(c, "plus de 150 000 soldats", 150000);
  const std::vector<ArticleEntityRef> named_a = {
      Entity("ru", "place", "Russie", {Find(a.text, "russes")}, a.text)};
  const std::vector<ArticleEntityRef> named_b = {
      Entity("ua", "place", "Ukraine", {Find(b.text, "ukrainiens")}, b.text)};
  const std::vector<ArticleEntityRef> named_c = {
      Entity("ru", "place", "Russie", {Find(c.text, "Russie")}, c.text)};
  FigureObjects objects;
  std::vector<FigureGroup> groups = GroupFigures({{&a, "2022-01-21", 0, &named_a},
                                                  {&b, "2022-01-22", 1, &named_b},
                                                  {&c, "2022-02-17", 2, &named_c}},
                                                 objects, 5);
  ASSERT_EQ(groups.size(), 2u);
  // c names no entity after "soldats": it joins the object's group with the most figures
  // (a tie: the first made).
  EXPECT_EQ(groups[0].entity_name, "Russie");
  ASSERT_EQ(groups[0].figures.size(), 2u);
  EXPECT_EQ(groups[0].figures[1].value, 150000);
  EXPECT_EQ(groups[1].entity_id, "ua");
  EXPECT_EQ(groups[1].figures.size(), 1u);
}

}  // namespace
}  // namespace depeche::engine
