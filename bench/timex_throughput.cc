// depeche_bench_timex: temporal-expression tagging throughput on Reuters-21578 (issue 11's
// speed target: dates for all articles at 3,000 articles per CPU second). Reads the corpus with
// eval::ReadReutersCorpus, then times extract::TimexTagger::Tag on each article's title and
// body against the article's own day, on one thread. CPU time is the process's user + system
// time; the fastest of --repeat passes is reported.
//
//   depeche_bench_timex [--data DIR] [--limit N] [--repeat N]

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"
#include "eval/reuters_reader.h"
#include "extract/timex_tagger.h"
#include "reuters_bench_args.h"

int main(int argc, char** argv) {
  depeche::bench::ReutersBenchArgs args;
  if (!depeche::bench::ParseReutersBenchArgs(argc, argv, args)) return 2;
  const std::string& data = args.data;
  const long limit = args.limit;
  const int repeat = args.repeat;
  auto tagger = depeche::extract::TimexTagger::Create(DEPECHE_SOURCE_DIR "/data");
  if (!tagger.ok()) {
    std::fprintf(stderr, "depeche_bench_timex: %s\n", tagger.status().ToString().c_str());
    return 1;
  }
  auto articles = depeche::eval::ReadReutersCorpus(data);
  if (!articles.ok()) {
    std::fprintf(stderr, "depeche_bench_timex: %s\n", articles.status().ToString().c_str());
    return 1;
  }
  if (limit > 0 && static_cast<size_t>(limit) < articles->size()) articles->resize(limit);
  std::vector<std::optional<depeche::extract::CivilDay>> days;
  size_t bytes = 0;
  for (const auto& a : *articles) {
    bytes += a.title.size() + a.body.size();
    days.push_back(depeche::extract::CivilDayOf(a.date_iso));
  }
  double best = 0;
  size_t timexes = 0;
  for (int r = 0; r < repeat; ++r) {
    timexes = 0;
    const double start = depeche::core::ProcessCpuSeconds();
    for (size_t i = 0; i < articles->size(); ++i) {
      const auto& a = (*articles)[i];
      timexes += (*tagger)->Tag(a.title, "en", days[i]).size();
      timexes += (*tagger)->Tag(a.body, "en", days[i]).size();
    }
    const double seconds = depeche::core::ProcessCpuSeconds() - start;
    if (r == 0 || seconds < best) best = seconds;
  }
  std::printf(
      "{\"articles\": %zu, \"bytes\": %zu, \"timexes\": %zu, \"cpu_seconds\": %.3f, "
      "\"articles_per_cpu_second\": %.0f, \"mb_per_cpu_second\": %.2f}\n",
      articles->size(), bytes, timexes, best, best > 0 ? articles->size() / best : 0.0,
      best > 0 ? bytes / best / 1e6 : 0.0);
  return 0;
}
