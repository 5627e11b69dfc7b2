// depeche search QUERY : accent-insensitive, stemmed full-text search.
#include "cli.h"

namespace depeche::cli {

void RegisterSearch(CLI::App& app, Context& ctx) {
  struct Flags {
    std::vector<std::string> words;
    int limit = 10;
    bool json = false;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* cmd =
      app.add_subcommand("search", "Full-text search (accents and word endings ignored)");
  cmd->add_option("query", flags->words, "Words to find (all must match)")->required();
  cmd->add_option("-n,--limit", flags->limit, "How many hits")->check(CLI::Range(1, 1000));
  cmd->add_flag("--json", flags->json, "JSON output");
  cmd->callback([flags, &ctx] {
    std::string query;
    for (const auto& w : flags->words) query += (query.empty() ? "" : " ") + w;
    auto engine = ctx.OpenEngine();
    if (!engine) return;
    auto hits = engine->Search(query, flags->limit);
    if (!hits.ok()) {
      PrintError(hits.status().message());
      ctx.exit_code = ExitCodeFor(hits.status());
      return;
    }
    if (flags->json) {
      nlohmann::json j = nlohmann::json::array();
      for (const auto& h : *hits) {
        nlohmann::json item = ToJson(h.article);
        item["snippet"] = h.snippet;
        item["score"] = h.score;
        j.push_back(item);
      }
      PrintJson({{"query", query}, {"hits", j}});
      return;
    }
    if (hits->empty()) {
      std::printf("no article matches \"%s\"\n", query.c_str());
      return;
    }
    for (const auto& h : *hits) {
      std::printf("%s  %s  [%s] %s\n", h.article.id.c_str(),
                  h.article.published.empty() ? "----------" : h.article.published.c_str(),
                  h.article.lang.c_str(), Ellipsize(h.article.title, 90).c_str());
      std::printf("    %s\n", h.snippet.c_str());
    }
  });
}

}  // namespace depeche::cli
