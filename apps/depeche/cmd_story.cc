// depeche story ID [--since T] : one story with its headlines, summary and timeline (or what is
// new since T), its articles, the days they mention, its most salient entities, its quotations
// by speaker and its figures by what they count.
#include "cli.h"

namespace depeche::cli {
namespace {

// The most salient entities shown (and in --json).
constexpr int kStoryEntities = 20;

}  // namespace

void RegisterStory(CLI::App& app, Context& ctx) {
  struct Flags {
    std::string id;
    std::string since;
    bool json = false;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* cmd = app.add_subcommand("story", "Show one story (id or unique id prefix)");
  cmd->add_option("id", flags->id, "Story id")->required();
  cmd->add_option("--since", flags->since,
                  "What is new since this ISO date or date-time (summary and timeline)");
  cmd->add_flag("--json", flags->json, "JSON output");
  cmd->callback([flags, &ctx] {
    auto engine = ctx.OpenEngine();
    if (!engine) return;
    StoryOptions options;
    options.since = flags->since;
    auto story = engine->GetStory(flags->id, options);
    if (!story.ok()) {
      PrintError(story.status().message());
      ctx.exit_code = ExitCodeFor(story.status());
      return;
    }
    auto entities = engine->EntitiesOfStory(story->summary.id, kStoryEntities);
    if (Failed(entities.status(), ctx)) return;
    if (flags->json) {
      PrintJson(api::StoryJson(*engine, *story, *entities));
      return;
    }
    const StorySummary& s = story->summary;
    std::printf("%s\n\n", s.title.c_str());
    auto field = [](const char* name, const std::string& value) {
      if (!value.empty()) std::printf("  %-10s %s\n", name, value.c_str());
    };
    field("id", s.id);
    field("articles", std::to_string(s.article_count));
    field("sources", std::to_string(s.source_count));
    field("first", s.first_seen);
    field("last", s.last_seen);
    field("languages", JoinComma(s.languages));
    field("linked to", s.linked_story_id);
    field("names", JoinComma(story->top_names));
    std::vector<std::string> named;
    for (const StoryEntity& e : *entities) {
      named.push_back(e.name + " (" + e.type + ", " + std::to_string(e.article_count) + ")");
    }
    field("entities", JoinComma(named));
    field("terms", JoinComma(story->top_terms));
    field("merged", JoinComma(story->merged_from));
    field("split from", story->split_from);
    field("split off", JoinComma(story->split_off));
    PrintHeadlines(story->headlines);
    PrintSummary(story->summary_lines, story->since);
    for (const LanguageSummary& l : story->language_summaries) {
      std::printf("\n  in %s:", l.lang.c_str());
      PrintSummary(l.lines, story->since);
    }
    PrintTimeline(story->timeline, story->since);
    PrintEventDates(story->event_dates);
    PrintStoryQuotes(story->quotes);
    PrintStoryFigures(story->figures);
    std::printf("\n");
    // "date": the best date (stated, or inferred: then marked "~").
    Table t({"id", "date", "published", "lang", "source", "copy of", "title"});
    for (const auto& a : story->articles) {
      t.Add({a.id, a.date_provenance == "inferred" ? "~" + a.date : a.date, a.published, a.lang,
             a.source, CopyNote(a), a.title});
    }
    t.Print(stdout);
  });
}

}  // namespace depeche::cli
