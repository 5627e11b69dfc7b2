#include "store/digest_store.h"

#include <nlohmann/json.hpp>

namespace depeche::store {
namespace {

using nlohmann::json;

constexpr std::string_view kGetSql = "SELECT key, digest FROM story_digests WHERE story_id = ?1";
constexpr std::string_view kPutSql =
    "INSERT INTO story_digests(story_id, key, digest) VALUES (?1, ?2, ?3) "
    "ON CONFLICT(story_id) DO UPDATE SET key = excluded.key, digest = excluded.digest";

json SourceJson(const FactSource& s) {
  json spans = json::array();
  for (const Span& span : s.spans) spans.push_back({span.begin, span.end});
  return {{"a", s.article_id}, {"s", s.source}, {"d", s.date}, {"p", spans}};
}

FactSource SourceFrom(const json& j) {
  FactSource s;
  s.article_id = j.at("a").get<std::string>();
  s.source = j.at("s").get<std::string>();
  s.date = j.at("d").get<std::string>();
  for (const json& p : j.at("p"))
    s.spans.push_back({p.at(0).get<uint32_t>(), p.at(1).get<uint32_t>()});
  return s;
}

json LineJson(const StoryLine& l) {
  json also = json::array();
  for (const FactSource& s : l.also) also.push_back(SourceJson(s));
  return {{"t", l.text}, {"src", SourceJson(l.source)}, {"also", also}};
}

StoryLine LineFrom(const json& j) {
  StoryLine l;
  l.text = j.at("t").get<std::string>();
  l.source = SourceFrom(j.at("src"));
  for (const json& s : j.at("also")) l.also.push_back(SourceFrom(s));
  return l;
}

}  // namespace

std::string EncodeDigest(const StoryDigest& digest) {
  json headlines = json::array();
  for (const StoryHeadline& h : digest.headlines) {
    headlines.push_back({{"lang", h.lang}, {"title", h.title}, {"a", h.article_id}});
  }
  json summary = json::array();
  for (const StoryLine& l : digest.summary_lines) summary.push_back(LineJson(l));
  json languages = json::array();
  for (const LanguageSummary& l : digest.language_summaries) {
    json lines = json::array();
    for (const StoryLine& line : l.lines) lines.push_back(LineJson(line));
    languages.push_back({{"lang", l.lang}, {"summary", lines}});
  }
  json timeline = json::array();
  for (const StoryTimelineEntry& e : digest.timeline) {
    timeline.push_back({{"date", e.date},
                        {"precision", e.precision},
                        {"basis", e.basis},
                        {"inferred", e.inferred},
                        {"expression", e.expression},
                        {"articles", e.article_count},
                        {"line", LineJson(e.line)}});
  }
  return json{{"headlines", headlines},
              {"summary", summary},
              {"languages", languages},
              {"timeline", timeline}}
      .dump();
}

Result<StoryDigest> DecodeDigest(std::string_view text) {
  try {
    const json j = json::parse(text);
    StoryDigest d;
    for (const json& h : j.at("headlines")) {
      d.headlines.push_back({h.at("lang").get<std::string>(), h.at("title").get<std::string>(),
                             h.at("a").get<std::string>()});
    }
    for (const json& l : j.at("summary")) d.summary_lines.push_back(LineFrom(l));
    for (const json& l : j.at("languages")) {
      LanguageSummary summary;
      summary.lang = l.at("lang").get<std::string>();
      for (const json& line : l.at("summary")) summary.lines.push_back(LineFrom(line));
      d.language_summaries.push_back(std::move(summary));
    }
    for (const json& e : j.at("timeline")) {
      StoryTimelineEntry entry;
      entry.date = e.at("date").get<std::string>();
      entry.precision = e.at("precision").get<std::string>();
      entry.basis = e.at("basis").get<std::string>();
      entry.inferred = e.at("inferred").get<bool>();
      entry.expression = e.at("expression").get<std::string>();
      entry.article_count = e.at("articles").get<int64_t>();
      entry.line = LineFrom(e.at("line"));
      d.timeline.push_back(std::move(entry));
    }
    return d;
  } catch (const json::exception& e) {
    return DataLossError(std::string("malformed story digest: ") + e.what());
  }
}

Result<std::unique_ptr<DigestStore>> DigestStore::Create(Database* db) {
  if (db == nullptr) return InvalidArgumentError("DigestStore needs a database");
  return std::unique_ptr<DigestStore>(new DigestStore(db));
}

Result<Statement*> DigestStore::Cached(std::string_view sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    DEPECHE_ASSIGN_OR_RETURN(Statement st, Statement::Prepare(db_, sql));
    it = cache_.emplace(std::string(sql), std::move(st)).first;
  }
  return &it->second;
}

Result<std::optional<StoryDigest>> DigestStore::Get(const std::string& story_id,
                                                    const std::string& key) {
  DEPECHE_ASSIGN_OR_RETURN(Statement * st, Cached(kGetSql));
  ResetOnExit reset(*st);
  st->BindText(1, story_id);
  DEPECHE_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row || st->ColumnText(0) != key) return std::optional<StoryDigest>();
  DEPECHE_ASSIGN_OR_RETURN(StoryDigest digest, DecodeDigest(st->ColumnText(1)));
  return std::optional<StoryDigest>(std::move(digest));
}

Status DigestStore::Put(const std::string& story_id, const std::string& key,
                        const StoryDigest& digest) {
  DEPECHE_ASSIGN_OR_RETURN(Statement * st, Cached(kPutSql));
  ResetOnExit reset(*st);
  const std::string text = EncodeDigest(digest);
  st->BindText(1, story_id);
  st->BindText(2, key);
  st->BindText(3, text);
  return st->Run();
}

}  // namespace depeche::store
