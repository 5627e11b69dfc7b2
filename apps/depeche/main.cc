// depeche: the command line. One file per subcommand (cmd_*.cc).
#include <string>
#include <vector>

#include "cli.h"

int main(int argc, char** argv) {
  using namespace depeche::cli;
  CLI::App app{"depeche: news articles into stories"};
  app.require_subcommand(1);
  app.fallthrough();  // --db and --config also work after the subcommand
  // Every option bound to a variable shows its default in --help.
  app.option_defaults()->always_capture_default();
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
  RegisterTrain(app, ctx);
  RegisterStories(app, ctx);
  RegisterStory(app, ctx);
  RegisterDups(app, ctx);
  RegisterEntities(app, ctx);
  RegisterEntity(app, ctx);
  RegisterWatch(app, ctx);
  RegisterServe(app, ctx);
  RegisterCompletion(app, ctx);
  // A required argument has no default to show ("paths TEXT=[] ... REQUIRED" is noise).
  std::vector<CLI::App*> pending = {&app};
  while (!pending.empty()) {
    CLI::App* a = pending.back();
    pending.pop_back();
    for (CLI::Option* opt : a->get_options({})) {
      if (opt->get_required()) opt->default_str("");
    }
    for (CLI::App* sub : a->get_subcommands({})) pending.push_back(sub);
  }
  // The commands that write. Every other one opens the database read-only (Context::writes);
  // `watch add` and `watch remove` say so themselves (cmd_watch.cc).
  for (const char* name : {"ingest"}) {
    app.get_subcommand(name)->preparse_callback([&ctx](size_t) { ctx.writes = true; });
  }
  std::vector<std::string> args(argv, argv + argc);
  RewriteSearchExclusions(args);
  std::vector<char*> arg_pointers;
  for (std::string& a : args) arg_pointers.push_back(a.data());
  const int arg_count = static_cast<int>(arg_pointers.size());
  try {
    app.parse(arg_count, arg_pointers.data());
  } catch (const CLI::ParseError& e) {
    return ReportParseError(app, e, arg_count, arg_pointers.data());
  }
  return ctx.exit_code;
}
