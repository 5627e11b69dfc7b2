// depeche dups : near-duplicate groups.
#include "cli.h"

namespace depeche::cli {

void RegisterDups(CLI::App& app, Context& ctx) {
  struct Flags {
    bool json = false;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* cmd = app.add_subcommand("dups", "List near-duplicate groups, latest first");
  cmd->add_flag("--json", flags->json, "JSON output");
  cmd->callback([flags, &ctx] {
    auto engine = ctx.OpenEngine();
    if (!engine) return;
    auto groups = engine->Duplicates();
    if (!groups.ok()) {
      PrintError(groups.status().ToString());
      ctx.exit_code = ExitCodeFor(groups.status());
      return;
    }
    if (flags->json) {
      nlohmann::json j = nlohmann::json::array();
      for (const auto& g : *groups) {
        nlohmann::json articles = nlohmann::json::array();
        for (const auto& a : g.articles) articles.push_back(ToJson(a));
        j.push_back({{"group", g.group_id}, {"articles", articles}});
      }
      PrintJson(j);
      return;
    }
    Table t({"group", "id", "published", "source", "title"});
    for (const auto& g : *groups) {
      for (const auto& a : g.articles) {
        t.Add({a.id == g.group_id ? g.group_id : "", a.id, a.published, a.source, a.title});
      }
    }
    t.Print(stdout);
  });
}

}  // namespace depeche::cli
