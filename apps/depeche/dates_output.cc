// The dates of an article (show) and of a story (story): text and --json, one shape for both
// (docs/json-schema/show.json "date" and "timexes", story.json "event_dates").
#include <algorithm>
#include <map>

#include "cli.h"
#include "ingest/input_files.h"

namespace depeche::cli {
namespace {

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
