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
