// depeche stories : list stories (top of the last days by default; docs/CLI.md).
#include <map>

#include "cli.h"

namespace depeche::cli {

std::string CopyNote(const StoryArticle& a) {
  if (a.original_id.empty()) return "";
  char buf[32];
  if (a.exact_copy) {
    std::snprintf(buf, sizeof buf, "exact");
  } else {
    std::snprintf(buf, sizeof buf, "%.2f", a.copy_similarity);
  }
  return a.original_id + " (" + buf + ")";
}

std::string JoinComma(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& v : values) {
    if (!out.empty()) out += ",";
    out += v;
  }
  return out;
}

void RegisterStories(CLI::App& app, Context& ctx) {
  struct Flags {
    std::string since, until, lang, query, sort = "top";
    int limit = 50;
    int min_articles = 1;
    bool json = false;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* cmd = app.add_subcommand(
      "stories", "List stories: by default the top stories of the last 7 days of the stream");
  cmd->add_option("--sort", flags->sort,
                  "top (sources weighted by recency, default), activity, size, sources, growth")
      ->check(CLI::IsMember({"top", "activity", "size", "sources", "growth"}));
  cmd->add_option("--since", flags->since, "Only stories with an article on or after this date");
  cmd->add_option("--until", flags->until,
                  "Only stories with an article on or before this date (the whole day)");
  cmd->add_option("--lang", flags->lang, "Only stories with an article in this language");
  cmd->add_option("--query", flags->query,
                  "Only stories with an article matching this search (the syntax of search)");
  cmd->add_option("-n,--limit", flags->limit, "How many")->check(CLI::Range(1, 100000));
  cmd->add_option("--min-articles", flags->min_articles, "Only stories with this many articles")
      ->check(CLI::Range(1, 1000000));
  cmd->add_flag("--json", flags->json, "JSON output");
  cmd->callback([flags, &ctx] {
    auto engine = ctx.OpenEngine();
    if (!engine) return;
    StoryQuery q;
    const std::map<std::string, StorySort> sorts = {{"top", StorySort::kTop},
                                                    {"activity", StorySort::kActivity},
                                                    {"size", StorySort::kSize},
                                                    {"sources", StorySort::kSources},
                                                    {"growth", StorySort::kGrowth}};
    q.sort = sorts.at(flags->sort);
    if (!flags->since.empty()) q.since = flags->since;
    if (!flags->until.empty()) q.until = flags->until;
    if (!flags->lang.empty()) q.lang = flags->lang;
    if (!flags->query.empty()) q.text = flags->query;
    q.limit = flags->limit;
    q.min_articles = flags->min_articles;
    StoryListInfo info;
    q.info = &info;
    auto list = engine->Stories(q);
    if (Failed(list.status(), ctx)) return;
    if (flags->json) {
      // The array shape stays; the total and window are in the table's footer only.
      PrintJson(api::StoriesJson(*list));
      return;
    }
    const bool ranked = q.sort == StorySort::kTop || q.sort == StorySort::kGrowth;
    std::vector<std::string> header = {"id", "articles", "sources"};
    if (ranked) header.push_back(q.sort == StorySort::kTop ? "score" : "new src");
    for (const char* h : {"first", "last", "langs", "title"}) header.push_back(h);
    Table t(header);
    for (const auto& s : *list) {
      std::vector<std::string> row = {s.id, std::to_string(s.article_count),
                                      std::to_string(s.source_count)};
      if (q.sort == StorySort::kTop) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.2f", s.score);
        row.push_back(buf);
      } else if (ranked) {
        row.push_back(std::to_string(s.new_sources));
      }
      for (const std::string* v : {&s.first_seen, &s.last_seen}) row.push_back(*v);
      row.push_back(JoinComma(s.languages));
      row.push_back(s.title);
      t.Add(std::move(row));
    }
    t.Print(stdout);
    std::string window;
    if (!info.since.empty() || !info.until.empty()) {
      window = ", active " + (info.since.empty() ? std::string("…") : info.since.substr(0, 10)) +
               " to " + (info.until.empty() ? std::string("…") : info.until.substr(0, 10));
    }
    const auto shown = static_cast<int64_t>(list->size());
    const char* noun = info.total == 1 ? "story" : "stories";
    if (shown < info.total) {
      std::printf("%lld of %lld %s shown (sorted by %s%s); -n N shows more\n",
                  static_cast<long long>(shown), static_cast<long long>(info.total), noun,
                  flags->sort.c_str(), window.c_str());
    } else {
      // The default window may hold little in a sparse archive: say how to see further back.
      const bool default_window = ranked && q.since == std::nullopt && q.until == std::nullopt;
      std::printf("%lld %s (sorted by %s%s)%s\n", static_cast<long long>(info.total), noun,
                  flags->sort.c_str(), window.c_str(),
                  default_window ? "; --since DATE or --sort activity for older ones" : "");
    }
  });
}

}  // namespace depeche::cli
