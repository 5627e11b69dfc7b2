// The JSON documents depeche gives out: the CLI's --json and the HTTP API build them here, so
// both print the same bytes for the same store (docs/CLI.md, "JSON output"; schemas in
// docs/json-schema/; docs/HTTP_API.md).
//
// Conventions: one name and type per thing everywhere, null (never "") for a missing value,
// integers for counts, dates as stored (PublicationDate::iso), offsets in characters (code
// points) of the article's `text`, as Python's str indexes them.
//
// Thread safety: the functions are pure, except those taking an Engine or an
// ArticleCharOffsets, which read through that engine (one thread at a time per engine).
#ifndef DEPECHE_API_JSON_H_
#define DEPECHE_API_JSON_H_

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "depeche/engine.h"

namespace depeche::api {

// The text of a document as the CLI prints it (2-space indent, invalid UTF-8 replaced), without
// the final newline.
std::string Dump(const nlohmann::json& j);

// `value`, or null when it is empty.
nlohmann::json OrNull(const std::string& value);
// For each byte offset into the UTF-8 `text` (0..size), the number of characters (code points)
// before it; an offset inside a character counts that character as before it ends.
std::vector<uint32_t> CharOffsets(const std::string& text);
// CharOffsets of each article's text, each article read once (the story's parts share one).
// Borrows `engine`, which must outlive it.
class ArticleCharOffsets {
 public:
  explicit ArticleCharOffsets(Engine& engine) : engine_(engine) {}
  // The character offset of byte `byte` of article `id`'s text (0 when it cannot be read).
  uint32_t At(const std::string& id, uint32_t byte);

 private:
  Engine& engine_;
  std::map<std::string, std::vector<uint32_t>> chars_;
};
// The bytes `span` of `text`, "" when it is empty or outside.
std::string SpanText(const std::string& text, const Span& span);

// The parts.
nlohmann::json ToJson(const ArticleSummary& a);
nlohmann::json ToJson(const Article& a);
nlohmann::json ToJson(const StorySummary& s);
nlohmann::json ToJson(const StoryArticle& a);
nlohmann::json ToJson(const EntitySummary& e);
// `depeche watch add --json` and one item of `depeche watch list --json` (watch.json); the
// list is JsonArray of them.
nlohmann::json ToJson(const Watch& w);
// A JSON array of ToJson(item) for each of `items`.
template <typename T>
nlohmann::json JsonArray(const std::vector<T>& items) {
  nlohmann::json out = nlohmann::json::array();
  for (const T& item : items) out.push_back(ToJson(item));
  return out;
}
// An article's best date and its temporal expressions (`chars` is CharOffsets(a.text)); a
// story's event dates.
nlohmann::json ArticleDateJson(const Article& a, const std::vector<uint32_t>& chars);
nlohmann::json TimexesJson(const Article& a, const std::vector<uint32_t>& chars);
nlohmann::json EventDatesJson(ArticleCharOffsets& chars, const std::vector<StoryEventDate>& days);
// An article's quotations and figures; a story's quotes by speaker and figures by object.
nlohmann::json QuotesJson(const Article& a, const std::vector<uint32_t>& chars);
nlohmann::json FiguresJson(const Article& a, const std::vector<uint32_t>& chars);
nlohmann::json StoryQuotesJson(ArticleCharOffsets& chars,
                               const std::vector<SpeakerQuotes>& speakers);
nlohmann::json StoryFiguresJson(ArticleCharOffsets& chars, const std::vector<FigureGroup>& groups);
// Where a fact was read: {article_id, source, date, spans}.
nlohmann::json FactSourceJson(ArticleCharOffsets& chars, const FactSource& s);
// A story's digest: headlines per language, summary lines and timeline.
nlohmann::json HeadlinesJson(const std::vector<StoryHeadline>& headlines);
nlohmann::json StoryLinesJson(ArticleCharOffsets& chars, const std::vector<StoryLine>& lines);
nlohmann::json TimelineJson(ArticleCharOffsets& chars,
                            const std::vector<StoryTimelineEntry>& timeline);

// The documents (docs/json-schema/<command>.json).
// `depeche show --json`: the article with its entities (Engine::EntitiesOfArticle).
nlohmann::json ShowJson(const Article& a, const std::vector<ArticleEntityRef>& entities);
// `depeche story --json`: the story with its most salient `entities` (Engine::EntitiesOfStory);
// reads the articles' texts through `engine` for the character offsets.
nlohmann::json StoryJson(Engine& engine, const StoryDetail& story,
                         const std::vector<StoryEntity>& entities);
// `depeche stories --json`, `depeche entities --json`, `depeche articles --json`: arrays.
nlohmann::json StoriesJson(const std::vector<StorySummary>& stories);
nlohmann::json EntitiesJson(const std::vector<EntitySummary>& entities);
// `depeche search --json`: the fields of an article summary with snippet, score and copies.
nlohmann::json SearchJson(const std::vector<SearchHit>& hits);
// `depeche entity --json`.
nlohmann::json EntityJson(const EntityDetail& entity);
// `depeche watch matches --json` (watch-matches.json): the watch, the since time, the hits as
// SearchJson's items with their "ingested_at", the stories as StoriesJson's items with their
// "matching_articles".
nlohmann::json WatchMatchesJson(const WatchMatchSet& matches);

}  // namespace depeche::api

#endif  // DEPECHE_API_JSON_H_
