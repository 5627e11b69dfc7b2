// depeche watch add|list|matches|remove : watch queries, stored searches whose new matches
// (articles ingested since a time, and their stories) can be asked for at any time.
#include "cli.h"
#include "core/time.h"

namespace depeche::cli {
namespace {

std::string Or(const std::string& value, const char* fallback) {
  return value.empty() ? fallback : value;
}

void PrintWatches(const std::vector<Watch>& watches) {
  Table t({"id", "created", "name", "query", "entity", "lang"});
  for (const Watch& w : watches) {
    t.Add({w.id, core::FormatUtc(w.created_at), Or(w.name, "-"), w.query, Or(w.entity, "-"),
           Or(w.lang, "-")});
  }
  t.Print(stdout);
}

void PrintMatches(const WatchMatchSet& m) {
  std::printf("watch %s: %s (since %s)\n", m.watch.id.c_str(), m.watch.query.c_str(),
              core::FormatUtc(m.since).c_str());
  if (m.articles.empty()) {
    std::printf("no new article matches\n");
    return;
  }
  std::printf("\n%zu %s\n", m.articles.size(), m.articles.size() == 1 ? "article" : "articles");
  for (const SearchHit& h : m.articles) {
    std::string copies;
    if (h.copies > 0) {
      copies = "  (+" + std::to_string(h.copies) + (h.copies == 1 ? " copy)" : " copies)");
    }
    std::printf("%s  %s  [%s] %s%s\n", h.article.id.c_str(),
                core::FormatUtc(h.article.ingested_at).c_str(), h.article.lang.c_str(),
                Ellipsize(h.article.title, 80).c_str(), copies.c_str());
    std::printf("    %s\n", h.snippet.c_str());
  }
  std::printf("\n%zu %s\n", m.stories.size(), m.stories.size() == 1 ? "story" : "stories");
  Table t({"id", "matching", "articles", "sources", "last", "title"});
  for (const WatchStory& s : m.stories) {
    t.Add({s.story.id, std::to_string(s.matching_articles), std::to_string(s.story.article_count),
           std::to_string(s.story.source_count), s.story.last_seen, s.story.title});
  }
  t.Print(stdout);
}

}  // namespace

void RegisterWatch(CLI::App& app, Context& ctx) {
  CLI::App* watch = app.add_subcommand(
      "watch", "Watch queries: stored searches and their new matches (add, list, matches, remove)");
  watch->require_subcommand(1);

  struct AddFlags {
    std::vector<std::string> words;
    std::string entity, lang, name;
    bool json = false;
  };
  auto add = std::make_shared<AddFlags>();
  CLI::App* add_cmd =
      watch->add_subcommand("add", "Store a watch: a search query (the syntax of search)");
  add_cmd->add_option("query", add->words, "What to watch for (see docs/CLI.md, Search)")
      ->required();
  add_cmd->add_option("--entity", add->entity,
                      "Only articles naming this entity (id, unique id prefix or name)");
  add_cmd->add_option("--lang", add->lang, "Only this language (ISO 639-1)");
  add_cmd->add_option("--name", add->name, "A name for the watch");
  add_cmd->add_flag("--json", add->json, "JSON output: the watch");
  add_cmd->preparse_callback([&ctx](size_t) { ctx.writes = true; });
  add_cmd->callback([add, &ctx] {
    WatchSpec spec;
    spec.query = SearchText(add->words);
    if (!add->entity.empty()) spec.entity = add->entity;
    if (!add->lang.empty()) spec.lang = add->lang;
    if (!add->name.empty()) spec.name = add->name;
    auto engine = ctx.OpenEngine();
    if (!engine) return;
    auto w = engine->AddWatch(spec);
    if (Failed(w.status(), ctx)) return;
    if (add->json) {
      PrintJson(ToJson(*w));
      return;
    }
    std::printf("watch %s added: %s\n", w->id.c_str(), w->query.c_str());
  });

  auto list_json = std::make_shared<bool>(false);
  CLI::App* list_cmd = watch->add_subcommand("list", "The watches, newest first");
  list_cmd->add_flag("--json", *list_json, "JSON output: an array of watches");
  list_cmd->callback([list_json, &ctx] {
    auto engine = ctx.OpenEngine();
    if (!engine) return;
    auto watches = engine->ListWatches();
    if (Failed(watches.status(), ctx)) return;
    if (*list_json) {
      PrintJson(JsonArray(*watches));
      return;
    }
    if (watches->empty()) {
      std::printf("no watch (depeche watch add QUERY adds one)\n");
      return;
    }
    PrintWatches(*watches);
  });

  struct MatchFlags {
    std::string id, since;
    int limit = 50;
    bool json = false;
  };
  auto match = std::make_shared<MatchFlags>();
  CLI::App* match_cmd = watch->add_subcommand(
      "matches", "The articles ingested since a time that match a watch, and their stories");
  match_cmd->add_option("id", match->id, "The watch (id or unique prefix of 4+ digits)")
      ->required();
  match_cmd->add_option("--since", match->since,
                        "Ingested at or after this ISO date or time (default: the watch's "
                        "creation)");
  match_cmd->add_option("-n,--limit", match->limit, "How many articles (and stories)")
      ->check(CLI::Range(1, 1000));
  match_cmd->add_flag("--json", match->json, "JSON output: watch, since, articles, stories");
  match_cmd->callback([match, &ctx] {
    auto engine = ctx.OpenEngine();
    if (!engine) return;
    auto m = engine->WatchMatches(match->id, match->since, match->limit);
    if (Failed(m.status(), ctx)) return;
    if (match->json) {
      PrintJson(api::WatchMatchesJson(*m));
      return;
    }
    PrintMatches(*m);
  });

  auto remove_id = std::make_shared<std::string>();
  CLI::App* remove_cmd = watch->add_subcommand("remove", "Remove a watch");
  remove_cmd->add_option("id", *remove_id, "The watch (id or unique prefix of 4+ digits)")
      ->required();
  remove_cmd->preparse_callback([&ctx](size_t) { ctx.writes = true; });
  remove_cmd->callback([remove_id, &ctx] {
    auto engine = ctx.OpenEngine();
    if (!engine) return;
    auto w = engine->RemoveWatch(*remove_id);
    if (Failed(w.status(), ctx)) return;
    std::printf("watch %s removed: %s\n", w->id.c_str(), w->query.c_str());
  });
}

}  // namespace depeche::cli
