// depeche serve : the HTTP JSON API (docs/HTTP_API.md) over the database.
#include <cstdlib>

#include "cli.h"
#include "server/http_server.h"
#include "server/web_files.h"
#include "store/database.h"

namespace depeche::cli {

void RegisterServe(CLI::App& app, Context& ctx) {
  struct Flags {
    server::ServerOptions options;
    std::string web_dir;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* cmd =
      app.add_subcommand("serve", "Serve the HTTP JSON API and the dashboard (docs/HTTP_API.md)");
  cmd->add_option("--host", flags->options.host,
                  "Address to listen on (default 127.0.0.1; any other needs a token)");
  cmd->add_option("--port", flags->options.port, "Port (default 8080; 0: any free port)")
      ->check(CLI::Range(0, 65535));
  cmd->add_option("--token", flags->options.token,
                  "Bearer token POST requests must carry (default: $DEPECHE_TOKEN)");
  cmd->add_option("--threads", flags->options.threads,
                  "Worker threads (each keep-alive connection holds one)")
      ->check(CLI::Range(1, 1024));
  cmd->add_option("--read-db", flags->options.read_db,
                  "Answer reads from this PostgreSQL read replica of --db (default: "
                  "$DEPECHE_READ_DB; none: the database itself)");
  cmd->add_option("--web", flags->web_dir,
                  "Serve the dashboard from this folder (development) instead of the built-in copy")
      ->check(CLI::ExistingDirectory);
  cmd->callback([flags, &ctx] {
    server::ServerOptions options = flags->options;
    if (options.token.empty()) {
      if (const char* env = std::getenv("DEPECHE_TOKEN")) options.token = env;
    }
    if (options.read_db.empty()) {
      if (const char* env = std::getenv("DEPECHE_READ_DB")) options.read_db = env;
    }
    std::string error;
    EngineConfig config = ctx.ResolveConfig(error);
    if (!error.empty()) {
      PrintError(error);
      ctx.exit_code = kExitUsage;
      return;
    }
    server::SetWebDirectory(flags->web_dir);
    auto server = server::HttpServer::Create(config, options, server::Limits{});
    if (Failed(server.status(), ctx)) return;
    auto port = (*server)->Bind();
    if (Failed(port.status(), ctx)) return;
    std::fprintf(stderr, "depeche: serving %s on http://%s:%d/ (Ctrl-C stops)\n",
                 store::DisplayLocation(config.db_path).c_str(), options.host.c_str(), *port);
    if (Failed((*server)->Serve(), ctx)) return;
  });
}

}  // namespace depeche::cli
