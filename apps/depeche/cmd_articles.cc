// depeche articles : list stored articles, newest first.
#include "cli.h"
#include "ingest/input_files.h"

namespace depeche::cli {

void RegisterArticles(CLI::App& app, Context& ctx) {
  struct Flags {
    std::string lang, source;
    int limit = 50, offset = 0;
    bool json = false;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* cmd = app.add_subcommand("articles", "List stored articles, newest first");
  cmd->add_option("--lang", flags->lang, "Only this language (ISO 639-1)");
  cmd->add_option("--source", flags->source, "Only this source");
  cmd->add_option("-n,--limit", flags->limit, "How many")->check(CLI::Range(1, 100000));
  cmd->add_option("--offset", flags->offset, "Skip this many")->check(CLI::NonNegativeNumber);
  cmd->add_flag("--json", flags->json, "JSON output");
  cmd->callback([flags, &ctx] {
    auto engine = ctx.OpenEngine();
    if (!engine) return;
    ArticleQuery q;
    if (!flags->lang.empty()) q.lang = flags->lang;
    if (!flags->source.empty()) q.source = flags->source;
    q.limit = flags->limit;
    q.offset = flags->offset;
    auto list = engine->Articles(q);
    if (Failed(list.status(), ctx)) return;
    if (flags->json) {
      PrintJson(JsonArray(*list));
      return;
    }
    Table t({"id", "published", "lang", "source", "title", "path"});
    for (const auto& a : *list) {
      t.Add({a.id, a.published, a.lang, ingest::EscapeForDisplay(a.source),
             ingest::EscapeForDisplay(a.title), ingest::EscapeForDisplay(a.path)});
    }
    t.Print(stdout);
  });
}

}  // namespace depeche::cli
