// depeche story ID : one story with its articles.
#include "cli.h"

namespace depeche::cli {

void RegisterStory(CLI::App& app, Context& ctx) {
  struct Flags {
    std::string id;
    bool json = false;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* cmd = app.add_subcommand("story", "Show one story (id or unique id prefix)");
  cmd->add_option("id", flags->id, "Story id")->required();
  cmd->add_flag("--json", flags->json, "JSON output");
  cmd->callback([flags, &ctx] {
    auto engine = ctx.OpenEngine();
    if (!engine) return;
    auto story = engine->GetStory(flags->id);
    if (!story.ok()) {
      PrintError(story.status().message());
      ctx.exit_code = ExitCodeFor(story.status());
      return;
    }
    if (flags->json) {
      nlohmann::json j = ToJson(story->summary);
      j["articles"] = JsonArray(story->articles);
      j["top_names"] = story->top_names;
      j["top_terms"] = story->top_terms;
      j["merged_from"] = story->merged_from;
      PrintJson(j);
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
    field("terms", JoinComma(story->top_terms));
    field("merged", JoinComma(story->merged_from));
    std::printf("\n");
    Table t({"id", "published", "lang", "source", "copy of", "title"});
    for (const auto& a : story->articles) {
      t.Add({a.id, a.published, a.lang, a.source, CopyNote(a), a.title});
    }
    t.Print(stdout);
  });
}

}  // namespace depeche::cli
