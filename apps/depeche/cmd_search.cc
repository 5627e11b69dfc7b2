// depeche search QUERY : full-text search (accents and word endings ignored), with phrases,
// OR, exclusions, prefixes and filters; one hit per group of exact copies.
#include "cli.h"

namespace depeche::cli {
std::string SearchText(const std::vector<std::string>& args) {
  std::string text;
  for (const std::string& arg : args) text += (text.empty() ? "" : " ") + arg;
  return text;
}

void RewriteSearchExclusions(std::vector<std::string>& args) {
  size_t i = 1;
  for (; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--db" || a == "--config") {
      ++i;
    } else if (a.empty() || a[0] != '-') {
      break;
    }
  }
  const bool search = i < args.size() && args[i] == "search";
  const bool watch_add = i + 1 < args.size() && args[i] == "watch" && args[i + 1] == "add";
  if (!search && !watch_add) return;
  if (watch_add) ++i;
  for (size_t j = i + 1; j < args.size(); ++j) {
    std::string& a = args[j];
    if (a == "--") break;
    if (a.size() > 2 && a[0] == '-' && a[1] != '-') {
      std::string word = a.substr(1);
      // -"oil prices" reaches us as `-oil prices`: the shell took the quotes.
      if (word.find_first_of(" \t") != std::string::npos && word.find('"') == std::string::npos) {
        word = '"' + word + '"';
      }
      a = "NOT";
      args.insert(args.begin() + static_cast<std::ptrdiff_t>(j) + 1, std::move(word));
      ++j;
    }
  }
}

void RegisterSearch(CLI::App& app, Context& ctx) {
  struct Flags {
    std::vector<std::string> words;
    SearchQuery query;
    std::string since, until, lang, source, story, entity;
    bool json = false;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* cmd = app.add_subcommand(
      "search",
      "Full-text search: words (all must match), \"a phrase\", a OR b, -word or NOT word, "
      "prefix*; accents, case and word endings ignored");
  cmd->add_option("query", flags->words, "What to find (see docs/CLI.md, Search)")->required();
  cmd->add_option("-n,--limit", flags->query.limit, "How many hits")->check(CLI::Range(1, 1000));
  cmd->add_option("--since", flags->since, "Published on or after this ISO date (2022-01-21)");
  cmd->add_option("--until", flags->until, "Published on or before this ISO date (2022-01)");
  cmd->add_option("--lang", flags->lang, "Only this language (ISO 639-1)");
  cmd->add_option("--source", flags->source, "Only this source");
  cmd->add_option("--story", flags->story, "Only this story (id or unique prefix)");
  cmd->add_option("--entity", flags->entity,
                  "Only articles naming this entity (id, unique id prefix or name)");
  cmd->add_flag("--json", flags->json,
                "JSON output: the fields of articles --json, with "
                "snippet, score and copies");
  cmd->callback([flags, &ctx] {
    const std::string text = SearchText(flags->words);
    SearchQuery& q = flags->query;
    q.text = text;
    auto optional = [](const std::string& value) {
      return value.empty() ? std::nullopt : std::optional<std::string>(value);
    };
    q.since = optional(flags->since);
    q.until = optional(flags->until);
    q.lang = optional(flags->lang);
    q.source = optional(flags->source);
    q.story = optional(flags->story);
    q.entity = optional(flags->entity);
    auto engine = ctx.OpenEngine();
    if (!engine) return;
    auto hits = engine->Search(q);
    if (Failed(hits.status(), ctx)) return;
    if (flags->json) {
      PrintJson(api::SearchJson(*hits));
      return;
    }
    if (hits->empty()) {
      std::printf("no article matches %s\n", text.c_str());
      return;
    }
    for (const auto& h : *hits) {
      std::string copies;
      if (h.copies > 0) {
        copies = "  (+" + std::to_string(h.copies) + (h.copies == 1 ? " copy)" : " copies)");
      }
      std::printf("%s  %s  [%s] %s%s\n", h.article.id.c_str(),
                  h.article.published.empty() ? "----------" : h.article.published.c_str(),
                  h.article.lang.c_str(), Ellipsize(h.article.title, 90).c_str(), copies.c_str());
      std::printf("    %s\n", h.snippet.c_str());
    }
  });
}

}  // namespace depeche::cli
