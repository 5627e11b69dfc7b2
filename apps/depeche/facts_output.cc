// The quotations and figures of an article (show) and of a story (story): text and --json, one
// shape for both (docs/json-schema/show.json "quotes" and "figures", story.json "quotes" and
// "figures").
#include <cmath>
#include <map>

#include "cli.h"
#include "engine/story_facts.h"
#include "ingest/input_files.h"

namespace depeche::cli {
namespace {

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

// "Antony Blinken (M. Blinken)", "un haut responsable du département d'État", "il -> Antony
// Blinken", "(no speaker)".
std::string SpeakerText(const Article& a, const Quote& q) {
  const std::string written = SpanText(a.text, q.speaker);
  if (!q.speaker_entity_name.empty()) {
    return written.empty() || written == q.speaker_entity_name
               ? q.speaker_entity_name
               : q.speaker_entity_name + " (" + written + ")";
  }
  if (q.antecedent >= 0 && static_cast<size_t>(q.antecedent) < a.quotes.size()) {
    return written + " -> " + SpanText(a.text, a.quotes[static_cast<size_t>(q.antecedent)].speaker);
  }
  if (q.speaker_kind == "pronoun" && q.speaker_name.begin < q.speaker_name.end) {
    return written + " -> " + SpanText(a.text, q.speaker_name);
  }
  return written.empty() ? "(no speaker)" : written;
}

std::string FormatNumber(double v) {
  char buf[64];
  if (std::fabs(v - std::round(v)) < 1e-9 && std::fabs(v) < 1e15) {
    std::snprintf(buf, sizeof buf, "%.0f", v);
    std::string digits = buf;
    std::string out;
    const size_t sign = digits[0] == '-' ? 1 : 0;
    for (size_t i = 0; i < digits.size(); ++i) {
      if (i > sign && (digits.size() - i) % 3 == 0) out += ' ';
      out += digits[i];
    }
    return out;
  }
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

}  // namespace

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

std::string FactSourceLine(const FactSource& s) {
  std::string out = s.article_id.substr(0, 8);
  if (!s.source.empty()) out += " " + s.source;
  if (!s.date.empty()) out += " " + s.date;
  return out;
}

std::string FigureValueText(double value, const std::optional<double>& high,
                            const std::string& bound) {
  std::string out = bound == "approximate" ? "~"
                    : bound == "lower"     ? ">"
                    : bound == "upper"     ? "<"
                                           : "";
  out += FormatNumber(value);
  if (high) out += "-" + FormatNumber(*high);
  return out;
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

void PrintQuotes(const Article& a) {
  if (a.quotes.empty()) return;
  std::printf("\n  quotes (%zu)\n", a.quotes.size());
  for (const Quote& q : a.quotes) {
    std::string head = "[" + q.kind + "] " + SpeakerText(a, q);
    std::string text =
        q.kind == "direct" ? "« " + engine::QuoteText(a, q) + " »" : engine::QuoteText(a, q);
    std::printf("    %s\n      %s\n", ingest::EscapeForDisplay(head).c_str(),
                ingest::EscapeForDisplay(Ellipsize(text, 110)).c_str());
  }
}

void PrintFigures(const Article& a) {
  if (a.figures.empty()) return;
  std::printf("\n  figures (%zu)\n", a.figures.size());
  for (const Figure& f : a.figures) {
    char line[96];
    std::snprintf(line, sizeof line, "%-14s %-16s",
                  FigureValueText(f.value, f.high, f.bound).c_str(),
                  f.unit.empty() ? "-" : f.unit.c_str());
    std::printf("    %s \"%s\"\n", ingest::EscapeForDisplay(line).c_str(),
                ingest::EscapeForDisplay(SpanText(a.text, f.span)).c_str());
  }
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

void PrintStoryQuotes(const std::vector<SpeakerQuotes>& speakers) {
  if (speakers.empty()) return;
  // The table shows the first speakers and a few quotes of each, direct ones first; --json has
  // them all.
  constexpr size_t kSpeakersShown = 8;
  constexpr size_t kQuotesShown = 3;
  std::printf("\n  quotes by speaker (direct first; --json for all)\n");
  for (size_t i = 0; i < speakers.size() && i < kSpeakersShown; ++i) {
    const SpeakerQuotes& s = speakers[i];
    std::string head = s.speaker_kind == "none" ? "(no speaker found)" : s.speaker;
    if (s.speaker_kind == "description") head += " (unnamed)";
    std::printf("    %s  %lld article%s, %zu quote%s\n", ingest::EscapeForDisplay(head).c_str(),
                static_cast<long long>(s.article_count), s.article_count == 1 ? "" : "s",
                s.quotes.size(), s.quotes.size() == 1 ? "" : "s");
    std::vector<const StoryQuote*> shown;
    for (const std::string kind : {"direct", "indirect"}) {
      for (const StoryQuote& q : s.quotes) {
        if (q.kind == kind && shown.size() < kQuotesShown) shown.push_back(&q);
      }
    }
    for (const StoryQuote* q : shown) {
      std::string from = FactSourceLine(q->sources.front());
      if (q->sources.size() > 1) from += " +" + std::to_string(q->sources.size() - 1);
      std::string text =
          q->kind == "direct" ? "« " + q->text + " »" : "(" + q->kind + ") " + q->text;
      std::printf("      %s\n        %s\n", ingest::EscapeForDisplay(Ellipsize(text, 104)).c_str(),
                  ingest::EscapeForDisplay(from).c_str());
    }
  }
  if (speakers.size() > kSpeakersShown) {
    std::printf("    ... %zu more speakers\n", speakers.size() - kSpeakersShown);
  }
}

void PrintStoryFigures(const std::vector<FigureGroup>& groups) {
  if (groups.empty()) return;
  constexpr size_t kGroupsShown = 6;  // --json has them all
  std::printf("\n  figures by object (earliest first)\n");
  for (size_t i = 0; i < groups.size() && i < kGroupsShown; ++i) {
    const FigureGroup& g = groups[i];
    std::string head = g.object;
    if (!g.entity_name.empty()) head.append(" (").append(g.entity_name).append(")");
    std::printf("    %s  %lld article%s\n", ingest::EscapeForDisplay(head).c_str(),
                static_cast<long long>(g.article_count), g.article_count == 1 ? "" : "s");
    for (const StoryFigure& f : g.figures) {
      char value[64];
      std::snprintf(value, sizeof value, "%-14s",
                    FigureValueText(f.value, f.high, f.bound).c_str());
      std::printf("      %s %-12s %s  \"%s\"\n", value,
                  f.source.date.empty() ? "?" : f.source.date.c_str(),
                  ingest::EscapeForDisplay(FactSourceLine(f.source).substr(0, 8)).c_str(),
                  ingest::EscapeForDisplay(Ellipsize(f.text, 60)).c_str());
    }
  }
  if (groups.size() > kGroupsShown) {
    std::printf("    ... %zu more objects\n", groups.size() - kGroupsShown);
  }
}

}  // namespace depeche::cli
