// depeche show ID : one article with its metadata, its dates, its entities, its quotations and
// figures, and its text.
#include <algorithm>

#include "cli.h"
#include "ingest/input_files.h"

namespace depeche::cli {
namespace {

// The article's entities, most salient first, each mention's offsets in characters of the text
// (or of the title, for a mention in the title), as the other offsets of show --json.
nlohmann::json EntitiesJson(const Article& a, const std::vector<ArticleEntityRef>& entities) {
  const std::vector<uint32_t> text_chars = CharOffsets(a.text);
  const std::vector<uint32_t> title_chars = CharOffsets(a.title);
  nlohmann::json out = nlohmann::json::array();
  for (const ArticleEntityRef& e : entities) {
    nlohmann::json mentions = nlohmann::json::array();
    for (const EntityMention& m : e.mentions) {
      const std::vector<uint32_t>& chars = m.in_title ? title_chars : text_chars;
      auto at = [&](uint32_t byte) { return chars[std::min<size_t>(byte, chars.size() - 1)]; };
      mentions.push_back({{"begin", at(m.begin)},
                          {"end", at(m.end)},
                          {"in_title", m.in_title},
                          {"text", m.surface}});
    }
    out.push_back({{"id", e.id},
                   {"type", e.type},
                   {"name", e.name},
                   {"salience", e.salience},
                   {"mentions", mentions}});
  }
  return out;
}

}  // namespace

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
      nlohmann::json j = ToJson(*a);
      j["entities"] = EntitiesJson(*a, *entities);
      PrintJson(j);
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
