// depeche stats : what the store holds.
#include "cli.h"
#include "core/strings.h"
#include "ingest/input_files.h"

namespace depeche::cli {

void RegisterStats(CLI::App& app, Context& ctx) {
  auto json = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand("stats", "Counts by language and source");
  cmd->add_flag("--json", *json, "JSON output");
  cmd->callback([json, &ctx] {
    auto engine = ctx.OpenEngine();
    if (!engine) return;
    auto stats = engine->GetStats();
    if (Failed(stats.status(), ctx)) return;
    const Stats& s = *stats;
    if (*json) {
      PrintJson({{"article_count", s.articles},
                 {"sources", s.sources},
                 {"bytes", s.bytes},
                 {"schema_version", s.schema_version},
                 {"db", s.db_path},
                 {"by_lang", s.by_lang},
                 {"by_source", s.by_source},
                 {"first_published", OrNull(s.first_published)},
                 {"last_published", OrNull(s.last_published)}});
      return;
    }
    std::printf("%s: %lld articles, %lld sources, %s of text (schema v%d)\n",
                ingest::EscapeForDisplay(s.db_path).c_str(), static_cast<long long>(s.articles),
                static_cast<long long>(s.sources),
                core::HumanBytes(static_cast<double>(s.bytes)).c_str(), s.schema_version);
    if (!s.first_published.empty()) {
      std::printf("published from %s to %s\n", s.first_published.c_str(), s.last_published.c_str());
    }
    std::printf("\n");
    Table langs({"language", "articles"});
    for (const auto& [lang, n] : s.by_lang) langs.Add({lang, std::to_string(n)});
    langs.Print(stdout);
    std::printf("\n");
    Table sources({"source", "articles"});
    for (const auto& [source, n] : s.by_source) {
      sources.Add({source.empty() ? "(none)" : source, std::to_string(n)});
    }
    sources.Print(stdout);
  });
}

}  // namespace depeche::cli
