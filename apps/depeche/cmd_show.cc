// depeche show ID : one article with its metadata, its dates, its entities, its quotations and
// figures, and its text.
#include "cli.h"
#include "ingest/input_files.h"

namespace depeche::cli {
void RegisterShow(CLI::App& app, Context& ctx) {
  struct Flags {
    std::string id;
    bool json = false;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* cmd =
      app.add_subcommand("show", "Show one article (id, unique id prefix, URL or JSONL feed id)");
  cmd->add_option("id", flags->id, "Article id, unique id prefix, URL or feed id")->required();
  cmd->add_flag("--json", flags->json, "JSON output");
  cmd->callback([flags, &ctx] {
    auto engine = ctx.OpenEngine();
    if (!engine) return;
    auto a = engine->GetArticle(flags->id);
    if (Failed(a.status(), ctx)) return;
    auto entities = engine->EntitiesOfArticle(a->id);
    if (Failed(entities.status(), ctx)) return;
    if (flags->json) {
      PrintJson(api::ShowJson(*a, *entities));
      return;
    }
    std::printf("%s\n\n", a->title.c_str());
    auto field = [](const char* name, const std::string& value) {
      // Values come from the input (file names, URLs): escaped, one line each, no terminal codes.
      if (!value.empty()) {
        std::printf("  %-10s %s\n", name, ingest::EscapeForDisplay(value).c_str());
      }
    };
    field("id", a->id);
    field("source", a->source);
    field("url", a->url);
    PrintArticleDates(*a);
    char conf[32];
    std::snprintf(conf, sizeof conf, " (%.2f)", static_cast<double>(a->lang_confidence));
    field("language", a->lang + conf);
    std::string origin = a->origin.path;
    if (a->origin.line > 0) origin += ":" + std::to_string(a->origin.line);
    field("path", origin);
    field("sentences", std::to_string(a->sentences.size()));
    if (a->metadata_json != "{}") field("metadata", a->metadata_json);
    for (const auto& w : a->warnings) field("warning", w);
    for (const ArticleEntityRef& e : *entities) {
      char detail[64];
      std::snprintf(detail, sizeof detail, " [%s, %.2f, %zu mention%s] ", e.type.c_str(),
                    e.salience, e.mentions.size(), e.mentions.size() == 1 ? "" : "s");
      field("entity", e.name + detail + e.id);
    }
    for (const auto& b : a->boilerplate) {
      std::string line = a->text.substr(b.span.begin, b.span.end - b.span.begin);
      while (!line.empty() && (line.back() == '\n' || line.back() == ' ')) line.pop_back();
      field("set aside", "[" + b.reason + "] " + Ellipsize(line, 80));
    }
    PrintTimexes(*a);
    PrintQuotes(*a);
    PrintFigures(*a);
    std::printf("\n%s\n", a->text.c_str());
  });
}

}  // namespace depeche::cli
