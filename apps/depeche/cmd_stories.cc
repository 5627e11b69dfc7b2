// depeche stories : list stories, latest activity first.
#include "cli.h"

namespace depeche::cli {

nlohmann::json ToJson(const StorySummary& s) {
  return {{"id", s.id},
          {"title", s.title},
          {"articles", s.article_count},
          {"sources", s.source_count},
          {"first_seen", s.first_seen},
          {"last_seen", s.last_seen},
          {"languages", s.languages},
          {"linked_story", s.linked_story_id}};
}

nlohmann::json ToJson(const StoryArticle& a) {
  return {{"id", a.id},
          {"title", a.title},
          {"source", a.source},
          {"lang", a.lang},
          {"published", a.published},
          {"dup_group", a.dup_group},
          {"original", a.original_id},
          {"copy_similarity", a.copy_similarity},
          {"exact_copy", a.exact_copy},
          {"similarity", a.similarity}};
}

std::string CopyNote(const StoryArticle& a) {
  if (a.original_id.empty()) return "";
  char buf[32];
  if (a.exact_copy) {
    std::snprintf(buf, sizeof buf, "exact");
  } else {
    std::snprintf(buf, sizeof buf, "%.2f", a.copy_similarity);
  }
  return a.original_id + " (" + buf + ")";
}

std::string JoinComma(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& v : values) {
    if (!out.empty()) out += ",";
    out += v;
  }
  return out;
}

void RegisterStories(CLI::App& app, Context& ctx) {
  struct Flags {
    std::string since, lang;
    int limit = 50;
    int min_articles = 1;
    bool json = false;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* cmd = app.add_subcommand("stories", "List stories, latest activity first");
  cmd->add_option("--since", flags->since, "Only stories with an article on or after this date");
  cmd->add_option("--lang", flags->lang, "Only stories with an article in this language");
  cmd->add_option("-n,--limit", flags->limit, "How many")->check(CLI::Range(1, 100000));
  cmd->add_option("--min-articles", flags->min_articles, "Only stories with this many articles")
      ->check(CLI::Range(1, 1000000));
  cmd->add_flag("--json", flags->json, "JSON output");
  cmd->callback([flags, &ctx] {
    auto engine = ctx.OpenEngine();
    if (!engine) return;
    StoryQuery q;
    if (!flags->since.empty()) q.since = flags->since;
    if (!flags->lang.empty()) q.lang = flags->lang;
    q.limit = flags->limit;
    q.min_articles = flags->min_articles;
    auto list = engine->Stories(q);
    if (Failed(list.status(), ctx)) return;
    if (flags->json) {
      PrintJson(JsonArray(*list));
      return;
    }
    Table t({"id", "articles", "sources", "first", "last", "langs", "title"});
    for (const auto& s : *list) {
      t.Add({s.id, std::to_string(s.article_count), std::to_string(s.source_count), s.first_seen,
             s.last_seen, JoinComma(s.languages), s.title});
    }
    t.Print(stdout);
  });
}

}  // namespace depeche::cli
