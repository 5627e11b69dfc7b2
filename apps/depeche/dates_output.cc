// The dates of an article (show) and of a story (story): text and --json, one shape for both
// (docs/json-schema/show.json "date" and "timexes", story.json "event_dates").
#include <algorithm>
#include <map>

#include "cli.h"
#include "ingest/input_files.h"

namespace depeche::cli {
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

// The sentence of `a` around bytes [begin, end) (the whole text when no sentence holds it).
std::string SentenceAround(const Article& a, uint32_t begin, uint32_t end) {
  for (const Span& s : a.sentences) {
    if (s.begin <= begin && end <= s.end) return a.text.substr(s.begin, s.end - s.begin);
  }
  // Boilerplate (an embedded post) is not in the sentences: its line.
  size_t from = a.text.rfind('\n', begin);
  from = from == std::string::npos ? 0 : from + 1;
  size_t to = a.text.find('\n', end);
  if (to == std::string::npos) to = a.text.size();
  return a.text.substr(from, to - from);
}

}  // namespace

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

void PrintArticleDates(const Article& a) {
  auto line = [](const char* name, const std::string& value) {
    std::printf("  %-10s %s\n", name, ingest::EscapeForDisplay(value).c_str());
  };
  if (a.published.known()) {
    line("published", a.published.iso + " (" +
                          (a.published_source.empty() ? "metadata" : a.published_source) + ")");
  }
  if (a.date.provenance == "inferred") {
    std::string why =
        a.date.basis == "story" ? "inferred from its text and its story" : "inferred from its text";
    std::vector<std::string> words;
    for (const Span& s : a.date.evidence) {
      std::string w = SpanText(a.text, s);
      if (std::find(words.begin(), words.end(), w) == words.end()) words.push_back(w);
    }
    if (!words.empty()) why += ": " + Ellipsize(JoinComma(words), 80);
    line("date", a.date.date.iso + " (" + why + ")");
  } else if (!a.date.date.known()) {
    line("date", "unknown");
  }
}

void PrintTimexes(const Article& a) {
  if (a.timexes.empty()) return;
  std::printf("\n  dates (%zu)\n", a.timexes.size());
  for (const TemporalExpression& t : a.timexes) {
    std::string head = "\"" + SpanText(a.text, t.span) + "\" " + t.type + " " + t.value;
    std::printf(
        "    %s\n      %s\n", ingest::EscapeForDisplay(head).c_str(),
        ingest::EscapeForDisplay(Ellipsize(SentenceAround(a, t.span.begin, t.span.end), 110))
            .c_str());
  }
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

void PrintEventDates(const std::vector<StoryEventDate>& days) {
  if (days.empty()) return;
  std::printf("\n  event dates (most cited first)\n");
  for (const StoryEventDate& d : days) {
    std::vector<std::string> words;
    for (const EventDateMention& m : d.mentions) {
      if (std::find(words.begin(), words.end(), m.text) == words.end()) words.push_back(m.text);
    }
    std::printf("    %s  %lld article%s, %lld mention%s: %s\n", d.day.c_str(),
                static_cast<long long>(d.article_count), d.article_count == 1 ? "" : "s",
                static_cast<long long>(d.mention_count), d.mention_count == 1 ? "" : "s",
                ingest::EscapeForDisplay(Ellipsize(JoinComma(words), 70)).c_str());
  }
}

}  // namespace depeche::cli
