// A story's digest (story): its headlines per language, summary and timeline, as text and as
// --json (docs/json-schema/story.json "headlines", "summary", "timeline").
#include "cli.h"
#include "ingest/input_files.h"

namespace depeche::cli {
namespace {

// "1a2b3c4d Le Monde 2022-01-18, +3: 5e6f7a8b Reuters, 9c0d1e2f AFP, ..." (the first few).
std::string SourcesText(const StoryLine& line) {
  constexpr size_t kShown = 3;
  std::string out = FactSourceLine(line.source);
  if (line.also.empty()) return out;
  out += "  +" + std::to_string(line.also.size()) + ":";
  for (size_t i = 0; i < line.also.size() && i < kShown; ++i) {
    out += (i == 0 ? " " : ", ") + line.also[i].article_id.substr(0, 8);
    if (!line.also[i].source.empty()) out += " " + line.also[i].source;
  }
  if (line.also.size() > kShown) out += ", ...";
  return out;
}

}  // namespace

void PrintHeadlines(const std::vector<StoryHeadline>& headlines) {
  // One language: its headline is the story's title, printed above.
  if (headlines.size() < 2) return;
  std::printf("\n  headlines\n");
  for (const StoryHeadline& h : headlines) {
    std::printf("    %-3s %s\n", h.lang.c_str(), ingest::EscapeForDisplay(h.title).c_str());
  }
}

void PrintSummary(const std::vector<StoryLine>& lines, const std::string& since) {
  if (lines.empty()) {
    if (!since.empty()) std::printf("\n  summary since %s: nothing new\n", since.c_str());
    return;
  }
  if (since.empty()) {
    std::printf("\n  summary (each line with its sources)\n");
  } else {
    std::printf("\n  new since %s (each line with its sources)\n", since.c_str());
  }
  for (size_t i = 0; i < lines.size(); ++i) {
    std::printf("    %2zu. %s\n        %s\n", i + 1,
                ingest::EscapeForDisplay(Ellipsize(lines[i].text, 320)).c_str(),
                ingest::EscapeForDisplay(SourcesText(lines[i])).c_str());
  }
}

void PrintTimeline(const std::vector<StoryTimelineEntry>& timeline, const std::string& since) {
  if (timeline.empty()) return;
  std::printf("\n  timeline%s (~ uncertain date; \"as written\"; articles that refer to it)\n",
              since.empty() ? "" : (" of what was reported since " + since).c_str());
  for (const StoryTimelineEntry& e : timeline) {
    std::string when = (e.inferred ? "~" : "") + e.date;
    if (e.precision != "day") when += " (" + e.precision + ")";
    std::string how = e.basis == "published" ? "(reported)" : "\"" + e.expression + "\"";
    std::printf("    %-20s %-28s %lld article%s\n", when.c_str(),
                ingest::EscapeForDisplay(Ellipsize(how, 28)).c_str(),
                static_cast<long long>(e.article_count), e.article_count == 1 ? "" : "s");
    std::printf("        %s\n          %s\n",
                ingest::EscapeForDisplay(Ellipsize(e.line.text, 240)).c_str(),
                ingest::EscapeForDisplay(SourcesText(e.line)).c_str());
  }
}

}  // namespace depeche::cli
