// depeche dups : near-duplicate groups.
#include "cli.h"

namespace depeche::cli {

void RegisterDups(CLI::App& app, Context& ctx) {
  struct Flags {
    bool json = false;
    int limit = 50;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* cmd = app.add_subcommand("dups", "List near-duplicate groups, latest first");
  cmd->add_option("-n,--limit", flags->limit, "How many groups")->check(CLI::Range(1, 100000));
  cmd->add_flag("--json", flags->json, "JSON output");
  cmd->callback([flags, &ctx] {
    auto engine = ctx.OpenEngine();
    if (!engine) return;
    auto groups = engine->Duplicates(flags->limit);
    if (Failed(groups.status(), ctx)) return;
    if (flags->json) {
      nlohmann::json j = nlohmann::json::array();
      for (const auto& g : *groups) {
        j.push_back({{"group", g.group_id}, {"articles", JsonArray(g.articles)}});
      }
      PrintJson(j);
      return;
    }
    if (groups->empty()) {
      std::printf("no near-duplicate groups\n");
      return;
    }
    // One block per group: the original first, then each copy with the closest earlier article
    // it was found to duplicate.
    Table t({"group", "id", "copy of", "published", "source", "title"});
    for (const auto& g : *groups) {
      for (const auto& a : g.articles) {
        t.Add({a.id == g.group_id ? g.group_id : "", a.id, a.original_id, a.published, a.source,
               a.title});
      }
    }
    t.Print(stdout);
  });
}

}  // namespace depeche::cli
