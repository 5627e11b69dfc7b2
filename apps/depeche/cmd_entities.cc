// depeche entities : list canonical entities (people, organisations, places) with their
// article and mention counts and aliases, most articles first.
#include <cstdio>

#include "cli.h"

namespace depeche::cli {

std::string AliasList(const EntitySummary& e) {
  std::string out;
  for (const EntityAlias& a : e.aliases) {
    if (a.name == e.name) continue;
    if (!out.empty()) out += ", ";
    out += a.name + " (" + std::to_string(a.article_count) + ")";
  }
  return out;
}

void RegisterEntities(CLI::App& app, Context& ctx) {
  struct Flags {
    std::string story, type, since, name;
    int limit = 50;
    bool json = false;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* cmd = app.add_subcommand(
      "entities",
      "List named entities (people, organisations, places), most articles first, with aliases");
  cmd->add_option("--story", flags->story,
                  "Only entities of this story (id or unique prefix); counts within it");
  cmd->add_option("--type", flags->type, "Only this type: person, org, place or misc")
      ->check(CLI::IsMember({"person", "org", "place", "misc"}));
  cmd->add_option("--since", flags->since,
                  "Count only articles published on or after this ISO date (2022-01-21)");
  cmd->add_option("--name", flags->name,
                  "Only entities whose name or an alias has words starting with these (accents "
                  "and case ignored: \"bli\", \"antony bli\")");
  cmd->add_option("-n,--limit", flags->limit, "How many")->check(CLI::Range(1, 100000));
  cmd->add_flag("--json", flags->json, "JSON output");
  cmd->callback([flags, &ctx] {
    auto engine = ctx.OpenEngine();
    if (!engine) return;
    EntityQuery q;
    if (!flags->name.empty()) q.name = flags->name;
    if (!flags->story.empty()) q.story = flags->story;
    if (!flags->type.empty()) q.type = flags->type;
    if (!flags->since.empty()) q.since = flags->since;
    q.limit = flags->limit;
    EntityListInfo info;
    q.info = &info;
    auto list = engine->Entities(q);
    if (Failed(list.status(), ctx)) return;
    if (flags->json) {
      // An array, as stories --json; the total is in the table's footer only.
      PrintJson(api::EntitiesJson(*list));
      return;
    }
    Table t({"id", "type", "articles", "mentions", "name", "aliases"});
    for (const EntitySummary& e : *list) {
      t.Add({e.id, e.type, std::to_string(e.article_count), std::to_string(e.mention_count), e.name,
             AliasList(e)});
    }
    t.Print(stdout);
    const auto shown = static_cast<long long>(list->size());
    const auto total = static_cast<long long>(info.total);
    const char* noun = info.total == 1 ? "entity" : "entities";
    if (shown < total) {
      std::printf("%lld of %lld %s shown (sorted by articles); -n N shows more\n", shown, total,
                  noun);
    } else {
      std::printf("%lld %s (sorted by articles)\n", total, noun);
    }
  });
}

}  // namespace depeche::cli
