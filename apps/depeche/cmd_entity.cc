// depeche entity ID : one entity (id, unique id prefix or name) with its aliases, the stories
// and the articles that name it.
#include <cstdio>

#include "cli.h"

namespace depeche::cli {

void RegisterEntity(CLI::App& app, Context& ctx) {
  struct Flags {
    std::string key;
    int limit = 50;
    bool json = false;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* cmd = app.add_subcommand(
      "entity", "Show one entity (id, unique id prefix or name): aliases, stories, articles");
  cmd->add_option("id", flags->key, "Entity id, unique id prefix (>= 6 hex digits) or name")
      ->required();
  cmd->add_option("-n,--limit", flags->limit, "How many articles and stories")
      ->check(CLI::Range(1, 100000));
  cmd->add_flag("--json", flags->json, "JSON output");
  cmd->callback([flags, &ctx] {
    auto engine = ctx.OpenEngine();
    if (!engine) return;
    auto entity = engine->GetEntity(flags->key, flags->limit, flags->limit);
    if (Failed(entity.status(), ctx)) return;
    const EntitySummary& e = entity->summary;
    if (flags->json) {
      PrintJson(api::EntityJson(*entity));
      return;
    }
    std::printf("%s\n\n", e.name.c_str());
    auto field = [](const char* name, const std::string& value) {
      if (!value.empty()) std::printf("  %-10s %s\n", name, value.c_str());
    };
    field("id", e.id);
    field("type", e.type);
    field("articles", std::to_string(e.article_count));
    field("mentions", std::to_string(e.mention_count));
    field("country", e.country_code);
    if (e.latitude && e.longitude) {
      char where[64];
      std::snprintf(where, sizeof where, "%.4f, %.4f", *e.latitude, *e.longitude);
      field("location", where);
    }
    field("gazetteer", e.gazetteer_ref);
    field("aliases", AliasList(e));
    field("merged", JoinComma(entity->merged_from));
    std::printf("\nStories (%zu of %lld, most articles naming it first)\n", entity->stories.size(),
                static_cast<long long>(entity->story_count));
    Table stories({"id", "naming", "articles", "last", "title"});
    for (const EntityStory& s : entity->stories) {
      stories.Add({s.id, std::to_string(s.entity_article_count), std::to_string(s.article_count),
                   s.last_seen, s.title});
    }
    stories.Print(stdout);
    std::printf("\nArticles (%zu of %lld, newest first)\n", entity->articles.size(),
                static_cast<long long>(e.article_count));
    Table articles({"id", "published", "lang", "source", "salience", "mentions", "title"});
    for (const EntityArticle& a : entity->articles) {
      char salience[32];
      std::snprintf(salience, sizeof salience, "%.2f", a.salience);
      articles.Add({a.id, a.published, a.lang, a.source, salience, std::to_string(a.mention_count),
                    a.title});
    }
    articles.Print(stdout);
  });
}

}  // namespace depeche::cli
