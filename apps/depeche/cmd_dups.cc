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
        j.push_back({{"group_id", g.group_id},
                     {"title", OrNull(g.title)},
                     {"published", OrNull(g.published)},
                     {"sources", g.source_count},
                     {"article_count", g.articles.size()},
                     {"articles", JsonArray(g.articles)}});
      }
      PrintJson(j);
      return;
    }
    if (groups->empty()) {
      std::printf("no near-duplicate groups\n");
      return;
    }
    // One block per group: its best title, date and source count, then the original and each
    // copy with the closest earlier article it copies ("exact" for the same text, else the
    // estimated similarity).
    for (const auto& g : *groups) {
      std::printf("%s  %s  (%zu articles, %lld sources)\n",
                  g.published.empty() ? "-" : g.published.c_str(), g.title.c_str(),
                  g.articles.size(), static_cast<long long>(g.source_count));
      Table t({"id", "copy of", "published", "source", "title"});
      for (const auto& a : g.articles) {
        t.Add({a.id, CopyNote(a), a.published, a.source, a.title});
      }
      t.Print(stdout);
      std::printf("\n");
    }
  });
}

}  // namespace depeche::cli
