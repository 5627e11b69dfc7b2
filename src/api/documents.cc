// The whole documents of show, story, stories, search, entities, entity and watch, assembled from
// the parts in json.cc.
#include <algorithm>

#include "api/json.h"
#include "core/time.h"

namespace depeche::api {
namespace {

// The article's entities, most salient first, each mention's offsets in characters of the text
// (or of the title, for a mention in the title), as the other offsets of show.
nlohmann::json ArticleEntitiesJson(const Article& a,
                                   const std::vector<ArticleEntityRef>& entities) {
  const std::vector<uint32_t> text_chars = CharOffsets(a.text);
  const std::vector<uint32_t> title_chars = CharOffsets(a.title);
  nlohmann::json out = nlohmann::json::array();
  for (const ArticleEntityRef& e : entities) {
    nlohmann::json mentions = nlohmann::json::array();
    for (const EntityMention& m : e.mentions) {
      const std::vector<uint32_t>& chars = m.in_title ? title_chars : text_chars;
      auto at = [&](uint32_t byte) { return chars[std::min<size_t>(byte, chars.size() - 1)]; };
      mentions.push_back({{"begin", at(m.begin)},
                          {"end", at(m.end)},
                          {"in_title", m.in_title},
                          {"text", m.surface}});
    }
    out.push_back({{"id", e.id},
                   {"type", e.type},
                   {"name", e.name},
                   {"salience", e.salience},
                   {"mentions", mentions}});
  }
  return out;
}

}  // namespace

std::string Dump(const nlohmann::json& j) {
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

nlohmann::json ShowJson(const Article& a, const std::vector<ArticleEntityRef>& entities) {
  nlohmann::json j = ToJson(a);
  j["entities"] = ArticleEntitiesJson(a, entities);
  return j;
}

nlohmann::json StoryJson(Engine& engine, const StoryDetail& story,
                         const std::vector<StoryEntity>& entities) {
  nlohmann::json j = ToJson(story.summary);
  j["articles"] = JsonArray(story.articles);
  j["top_names"] = story.top_names;
  j["top_terms"] = story.top_terms;
  j["merged_from"] = story.merged_from;
  j["split_from"] = OrNull(story.split_from);
  j["split_off"] = story.split_off;
  nlohmann::json named = nlohmann::json::array();
  for (const StoryEntity& e : entities) {
    named.push_back({{"id", e.id},
                     {"type", e.type},
                     {"name", e.name},
                     {"salience", e.salience},
                     {"article_count", e.article_count},
                     {"mention_count", e.mention_count}});
  }
  j["entities"] = named;
  ArticleCharOffsets chars(engine);
  j["event_dates"] = EventDatesJson(chars, story.event_dates);
  j["quotes"] = StoryQuotesJson(chars, story.quotes);
  j["figures"] = StoryFiguresJson(chars, story.figures);
  j["headlines"] = HeadlinesJson(story.headlines);
  j["since"] = OrNull(story.since);
  j["summary"] = StoryLinesJson(chars, story.summary_lines);
  nlohmann::json languages = nlohmann::json::array();
  for (const LanguageSummary& l : story.language_summaries) {
    languages.push_back({{"lang", l.lang}, {"summary", StoryLinesJson(chars, l.lines)}});
  }
  j["language_summaries"] = languages;
  j["timeline"] = TimelineJson(chars, story.timeline);
  return j;
}

nlohmann::json StoriesJson(const std::vector<StorySummary>& stories) { return JsonArray(stories); }

nlohmann::json EntitiesJson(const std::vector<EntitySummary>& entities) {
  return JsonArray(entities);
}

nlohmann::json SearchJson(const std::vector<SearchHit>& hits) {
  nlohmann::json j = nlohmann::json::array();
  for (const SearchHit& h : hits) {
    nlohmann::json item = ToJson(h.article);
    item["snippet"] = h.snippet;
    item["score"] = h.score;
    item["copies"] = h.copies;
    j.push_back(std::move(item));
  }
  return j;
}

nlohmann::json ToJson(const Watch& w) {
  return {{"id", w.id},
          {"name", OrNull(w.name)},
          {"query", w.query},
          {"entity", OrNull(w.entity)},
          {"lang", OrNull(w.lang)},
          {"created_at", core::FormatUtc(w.created_at)}};
}

nlohmann::json WatchMatchesJson(const WatchMatchSet& matches) {
  nlohmann::json articles = SearchJson(matches.articles);
  for (size_t i = 0; i < articles.size(); ++i) {
    articles[i]["ingested_at"] = core::FormatUtc(matches.articles[i].article.ingested_at);
  }
  nlohmann::json stories = nlohmann::json::array();
  for (const WatchStory& s : matches.stories) {
    nlohmann::json item = ToJson(s.story);
    item["matching_articles"] = s.matching_articles;
    stories.push_back(std::move(item));
  }
  return {{"watch", ToJson(matches.watch)},
          {"since", core::FormatUtc(matches.since)},
          {"articles", std::move(articles)},
          {"stories", std::move(stories)}};
}

nlohmann::json EntityJson(const EntityDetail& entity) {
  nlohmann::json j = ToJson(entity.summary);
  nlohmann::json stories = nlohmann::json::array();
  for (const EntityStory& s : entity.stories) {
    stories.push_back({{"id", s.id},
                       {"title", OrNull(s.title)},
                       {"article_count", s.article_count},
                       {"entity_article_count", s.entity_article_count},
                       {"last_published", OrNull(s.last_seen)}});
  }
  nlohmann::json articles = nlohmann::json::array();
  for (const EntityArticle& a : entity.articles) {
    articles.push_back({{"id", a.id},
                        {"title", OrNull(a.title)},
                        {"source", OrNull(a.source)},
                        {"lang", OrNull(a.lang)},
                        {"published", OrNull(a.published)},
                        {"story_id", OrNull(a.story_id)},
                        {"salience", a.salience},
                        {"mention_count", a.mention_count}});
  }
  j["story_count"] = entity.story_count;
  j["stories"] = stories;
  j["articles"] = articles;
  j["merged_from"] = entity.merged_from;
  return j;
}

}  // namespace depeche::api
