// depeche: the command line. One file per subcommand (cmd_*.cc).
#include "cli.h"

int main(int argc, char** argv) {
  using namespace depeche::cli;
  CLI::App app{"depeche: news articles into stories"};
  app.require_subcommand(1);
  app.fallthrough();  // --db and --config also work after the subcommand
  Context ctx;
  app.add_option("--db", ctx.db_flag, "Database file (default depeche.db; env DEPECHE_DB)");
  app.add_option("--config", ctx.config_file, "JSON config file (env DEPECHE_CONFIG)");
  app.set_version_flag("--version", "depeche 0.1.0");
  RegisterIngest(app, ctx);
  RegisterArticles(app, ctx);
  RegisterShow(app, ctx);
  RegisterSearch(app, ctx);
  RegisterStats(app, ctx);
  RegisterLang(app, ctx);
  RegisterEval(app, ctx);
  RegisterStories(app, ctx);
  RegisterStory(app, ctx);
  RegisterDups(app, ctx);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  return ctx.exit_code;
}
