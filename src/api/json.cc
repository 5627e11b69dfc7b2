// The JSON shapes of articles, stories, entities and their parts: one code path for the CLI's
// --json and the HTTP API (docs/CLI.md, "JSON output"; docs/json-schema/).
#include "api/json.h"

#include <algorithm>

#include "engine/story_facts.h"

namespace depeche::api {
namespace {

const char* PrecisionName(DatePrecision p) {
  switch (p) {
    case DatePrecision::kYear:
      return "year";
    case DatePrecision::kMonth:
      return "month";
    case DatePrecision::kDay:
      return "day";
    case DatePrecision::kMinute:
      return "minute";
    case DatePrecision::kSecond:
      return "second";
    case DatePrecision::kNone:
      break;
  }
  return nullptr;
}

class CharMap {
 public:
  explicit CharMap(const std::vector<uint32_t>& chars) : chars_(chars) {}
  uint32_t operator()(uint32_t byte) const {
    return chars_[std::min<size_t>(byte, chars_.size() - 1)];
  }

 private:
  const std::vector<uint32_t>& chars_;
};

// {begin, end, text} of a span, or null when it is empty.
nlohmann::json SpanJson(const Article& a, const CharMap& at, const Span& s) {
  if (s.begin >= s.end) return nullptr;
  return {{"begin", at(s.begin)}, {"end", at(s.end)}, {"text", SpanText(a.text, s)}};
}

nlohmann::json SpansJson(const Article& a, const CharMap& at, const std::vector<Span>& spans) {
  nlohmann::json out = nlohmann::json::array();
  for (const Span& s : spans) out.push_back(SpanJson(a, at, s));
  return out;
}

nlohmann::json LineJson(ArticleCharOffsets& chars, const StoryLine& line) {
  nlohmann::json also = nlohmann::json::array();
  for (const FactSource& s : line.also) also.push_back(FactSourceJson(chars, s));
  return {{"text", line.text}, {"source", FactSourceJson(chars, line.source)}, {"also", also}};
}

}  // namespace

nlohmann::json OrNull(const std::string& value) {
  return value.empty() ? nlohmann::json(nullptr) : nlohmann::json(value);
}

nlohmann::json ToJson(const ArticleSummary& a) {
  return {{"id", a.id},
          {"title", OrNull(a.title)},
          {"source", OrNull(a.source)},
          {"lang", OrNull(a.lang)},
          {"published", OrNull(a.published)},
          {"path", OrNull(a.path)},
          {"chars", a.chars},
          {"story_id", OrNull(a.story_id)},
          {"group_id", OrNull(a.group_id)}};
}

std::vector<uint32_t> CharOffsets(const std::string& text) {
  std::vector<uint32_t> out(text.size() + 1, 0);
  uint32_t chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    out[i] = chars;
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++chars;
  }
  out[text.size()] = chars;
  // A byte offset inside a character (spans never end there; defensive) counts that character.
  for (size_t i = text.size(); i-- > 0;) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) out[i] = out[i + 1];
  }
  return out;
}

uint32_t ArticleCharOffsets::At(const std::string& id, uint32_t byte) {
  auto it = chars_.find(id);
  if (it == chars_.end()) {
    Result<Article> a = engine_.GetArticle(id);
    it = chars_.emplace(id, a.ok() ? CharOffsets(a->text) : std::vector<uint32_t>{0}).first;
  }
  return it->second[std::min<size_t>(byte, it->second.size() - 1)];
}

std::string SpanText(const std::string& text, const Span& span) {
  if (span.end > text.size() || span.begin >= span.end) return "";
  return text.substr(span.begin, span.end - span.begin);
}

nlohmann::json ToJson(const Article& a) {
  // Offsets in the JSON are characters (Unicode code points) of `text`, as Python's str indexes
  // them; the store keeps UTF-8 byte offsets (docs/CLI.md, "JSON output").
  const std::vector<uint32_t> chars = CharOffsets(a.text);
  auto at = [&](uint32_t byte) { return chars[std::min<size_t>(byte, a.text.size())]; };
  nlohmann::json sentences = nlohmann::json::array();
  for (const Span& s : a.sentences) {
    sentences.push_back({{"begin", at(s.begin)}, {"end", at(s.end)}});
  }
  nlohmann::json boilerplate = nlohmann::json::array();
  for (const BoilerplateSpan& b : a.boilerplate) {
    boilerplate.push_back({{"begin", at(b.span.begin)},
                           {"end", at(b.span.end)},
                           {"reason", b.reason},
                           {"text", a.text.substr(b.span.begin, b.span.end - b.span.begin)}});
  }
  nlohmann::json metadata = nlohmann::json::parse(a.metadata_json, nullptr, false);
  if (metadata.is_discarded() || !metadata.is_object()) metadata = nlohmann::json::object();
  return {{"id", a.id},
          {"url", OrNull(a.url)},
          {"source", OrNull(a.source)},
          {"title", OrNull(a.title)},
          {"lang", OrNull(a.lang)},
          {"lang_declared", OrNull(a.lang_declared)},
          {"lang_confidence", a.lang_confidence},
          {"published", OrNull(a.published.iso)},
          {"published_source",
           a.published.known() ? OrNull(a.published_source) : nlohmann::json(nullptr)},
          {"date", ArticleDateJson(a, chars)},
          {"path", OrNull(a.origin.path)},
          {"line", a.origin.line > 0 ? nlohmann::json(a.origin.line) : nlohmann::json(nullptr)},
          {"format", OrNull(a.origin.format)},
          {"content_hash", OrNull(a.content_hash)},
          {"metadata", metadata},
          {"warnings", a.warnings},
          {"sentences", sentences},
          {"boilerplate", boilerplate},
          {"timexes", TimexesJson(a, chars)},
          {"quotes", QuotesJson(a, chars)},
          {"figures", FiguresJson(a, chars)},
          {"text", a.text}};
}

nlohmann::json ArticleDateJson(const Article& a, const std::vector<uint32_t>& chars) {
  auto at = [&](uint32_t byte) { return chars[std::min<size_t>(byte, chars.size() - 1)]; };
  nlohmann::json evidence = nlohmann::json::array();
  for (const Span& s : a.date.evidence) {
    evidence.push_back({{"begin", at(s.begin)}, {"end", at(s.end)}, {"text", SpanText(a.text, s)}});
  }
  const char* precision = PrecisionName(a.date.date.precision);
  return {{"iso", OrNull(a.date.date.iso)},
          {"precision", precision != nullptr ? nlohmann::json(precision) : nlohmann::json(nullptr)},
          {"provenance", OrNull(a.date.provenance)},
          {"basis", OrNull(a.date.basis)},
          {"evidence", evidence}};
}

nlohmann::json TimexesJson(const Article& a, const std::vector<uint32_t>& chars) {
  auto at = [&](uint32_t byte) { return chars[std::min<size_t>(byte, chars.size() - 1)]; };
  nlohmann::json out = nlohmann::json::array();
  for (const TemporalExpression& t : a.timexes) {
    out.push_back({{"begin", at(t.span.begin)},
                   {"end", at(t.span.end)},
                   {"text", SpanText(a.text, t.span)},
                   {"type", t.type},
                   {"value", t.value},
                   {"resolved", t.resolved},
                   {"tense", OrNull(t.tense)},
                   {"rule", t.rule}});
  }
  return out;
}
nlohmann::json EventDatesJson(ArticleCharOffsets& chars, const std::vector<StoryEventDate>& days) {
  // Offsets in characters of each article's text, as everywhere in --json.
  nlohmann::json out = nlohmann::json::array();
  for (const StoryEventDate& d : days) {
    nlohmann::json mentions = nlohmann::json::array();
    for (const EventDateMention& m : d.mentions) {
      auto at = [&](uint32_t byte) { return chars.At(m.article_id, byte); };
      mentions.push_back({{"article_id", m.article_id},
                          {"begin", at(m.begin)},
                          {"end", at(m.end)},
                          {"text", m.text}});
    }
    out.push_back({{"day", d.day},
                   {"article_count", d.article_count},
                   {"mention_count", d.mention_count},
                   {"mentions", mentions}});
  }
  return out;
}

nlohmann::json FactSourceJson(ArticleCharOffsets& chars, const FactSource& s) {
  auto at = [&](uint32_t byte) { return chars.At(s.article_id, byte); };
  nlohmann::json spans = nlohmann::json::array();
  for (const Span& span : s.spans)
    spans.push_back({{"begin", at(span.begin)}, {"end", at(span.end)}});
  return {{"article_id", s.article_id},
          {"source", OrNull(s.source)},
          {"date", OrNull(s.date)},
          {"spans", spans}};
}

nlohmann::json QuotesJson(const Article& a, const std::vector<uint32_t>& chars) {
  CharMap at(chars);
  nlohmann::json out = nlohmann::json::array();
  for (const Quote& q : a.quotes) {
    nlohmann::json speaker = {
        {"kind", q.speaker_kind},
        {"text", q.speaker.begin < q.speaker.end ? nlohmann::json(SpanText(a.text, q.speaker))
                                                 : nlohmann::json(nullptr)},
        {"begin", q.speaker.begin < q.speaker.end ? nlohmann::json(at(q.speaker.begin))
                                                  : nlohmann::json(nullptr)},
        {"end", q.speaker.begin < q.speaker.end ? nlohmann::json(at(q.speaker.end))
                                                : nlohmann::json(nullptr)},
        {"name", SpanJson(a, at, q.speaker_name)},
        {"antecedent", q.antecedent >= 0 ? nlohmann::json(q.antecedent) : nlohmann::json(nullptr)},
        {"entity_id", OrNull(q.speaker_entity_id)},
        {"entity_name", OrNull(q.speaker_entity_name)}};
    out.push_back({{"kind", q.kind},
                   {"text", engine::QuoteText(a, q)},
                   {"content", SpansJson(a, at, q.content)},
                   {"cue", SpanJson(a, at, q.cue)},
                   {"speaker", speaker},
                   {"partial", SpansJson(a, at, q.partial)}});
  }
  return out;
}

nlohmann::json FiguresJson(const Article& a, const std::vector<uint32_t>& chars) {
  CharMap at(chars);
  nlohmann::json out = nlohmann::json::array();
  for (const Figure& f : a.figures) {
    out.push_back({{"begin", at(f.span.begin)},
                   {"end", at(f.span.end)},
                   {"text", SpanText(a.text, f.span)},
                   {"value", f.value},
                   {"high", f.high ? nlohmann::json(*f.high) : nlohmann::json(nullptr)},
                   {"bound", f.bound},
                   {"unit", OrNull(f.unit)},
                   {"counted", f.counted},
                   {"number", SpanJson(a, at, f.number)},
                   {"unit_span", SpanJson(a, at, f.unit_span)},
                   {"sentence", {{"begin", at(f.sentence.begin)}, {"end", at(f.sentence.end)}}}});
  }
  return out;
}

nlohmann::json StoryQuotesJson(ArticleCharOffsets& chars,
                               const std::vector<SpeakerQuotes>& speakers) {
  nlohmann::json out = nlohmann::json::array();
  for (const SpeakerQuotes& s : speakers) {
    nlohmann::json quotes = nlohmann::json::array();
    for (const StoryQuote& q : s.quotes) {
      nlohmann::json sources = nlohmann::json::array();
      for (const FactSource& src : q.sources) sources.push_back(FactSourceJson(chars, src));
      quotes.push_back({{"kind", q.kind}, {"text", q.text}, {"sources", sources}});
    }
    out.push_back({{"speaker", OrNull(s.speaker)},
                   {"entity_id", OrNull(s.entity_id)},
                   {"speaker_kind", s.speaker_kind},
                   {"article_count", s.article_count},
                   {"quotes", quotes}});
  }
  return out;
}

nlohmann::json StoryFiguresJson(ArticleCharOffsets& chars, const std::vector<FigureGroup>& groups) {
  nlohmann::json out = nlohmann::json::array();
  for (const FigureGroup& g : groups) {
    nlohmann::json figures = nlohmann::json::array();
    for (const StoryFigure& f : g.figures) {
      figures.push_back({{"value", f.value},
                         {"high", f.high ? nlohmann::json(*f.high) : nlohmann::json(nullptr)},
                         {"bound", f.bound},
                         {"unit", OrNull(f.unit)},
                         {"text", f.text},
                         {"sentence", f.sentence},
                         {"source", FactSourceJson(chars, f.source)}});
    }
    out.push_back({{"object", g.object},
                   {"entity_id", OrNull(g.entity_id)},
                   {"entity_name", OrNull(g.entity_name)},
                   {"article_count", g.article_count},
                   {"figures", figures}});
  }
  return out;
}

nlohmann::json HeadlinesJson(const std::vector<StoryHeadline>& headlines) {
  nlohmann::json out = nlohmann::json::array();
  for (const StoryHeadline& h : headlines) {
    out.push_back({{"lang", h.lang}, {"title", h.title}, {"article_id", h.article_id}});
  }
  return out;
}

nlohmann::json StoryLinesJson(ArticleCharOffsets& chars, const std::vector<StoryLine>& lines) {
  nlohmann::json out = nlohmann::json::array();
  for (const StoryLine& l : lines) out.push_back(LineJson(chars, l));
  return out;
}

nlohmann::json TimelineJson(ArticleCharOffsets& chars,
                            const std::vector<StoryTimelineEntry>& timeline) {
  nlohmann::json out = nlohmann::json::array();
  for (const StoryTimelineEntry& e : timeline) {
    nlohmann::json entry = LineJson(chars, e.line);
    out.push_back({{"date", e.date},
                   {"precision", e.precision},
                   {"basis", e.basis},
                   {"inferred", e.inferred},
                   {"expression", OrNull(e.expression)},
                   {"article_count", e.article_count},
                   {"text", entry["text"]},
                   {"source", entry["source"]},
                   {"also", entry["also"]}});
  }
  return out;
}

nlohmann::json ToJson(const StorySummary& s) {
  return {{"id", s.id},
          {"title", OrNull(s.title)},
          {"article_count", s.article_count},
          {"sources", s.source_count},
          {"first_published", OrNull(s.first_seen)},
          {"last_published", OrNull(s.last_seen)},
          {"languages", s.languages},
          {"linked_story_id", OrNull(s.linked_story_id)},
          {"score", s.score},
          {"new_sources", s.new_sources}};
}

nlohmann::json ToJson(const StoryArticle& a) {
  return {{"id", a.id},
          {"title", OrNull(a.title)},
          {"source", OrNull(a.source)},
          {"lang", OrNull(a.lang)},
          {"published", OrNull(a.published)},
          {"date", OrNull(a.date)},
          {"date_provenance", OrNull(a.date_provenance)},
          {"group_id", OrNull(a.dup_group)},
          {"original_id", OrNull(a.original_id)},
          {"copy_similarity",
           a.original_id.empty() ? nlohmann::json(nullptr) : nlohmann::json(a.copy_similarity)},
          {"exact_copy", a.exact_copy},
          {"similarity", a.similarity}};
}

nlohmann::json ToJson(const EntitySummary& e) {
  nlohmann::json aliases = nlohmann::json::array();
  for (const EntityAlias& a : e.aliases) {
    aliases.push_back({{"name", a.name}, {"article_count", a.article_count}});
  }
  auto number = [](const std::optional<double>& v) {
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
  };
  return {{"id", e.id},
          {"type", e.type},
          {"name", e.name},
          {"article_count", e.article_count},
          {"mention_count", e.mention_count},
          {"aliases", aliases},
          {"gazetteer_ref", OrNull(e.gazetteer_ref)},
          {"country_code", OrNull(e.country_code)},
          {"latitude", number(e.latitude)},
          {"longitude", number(e.longitude)}};
}

}  // namespace depeche::api
