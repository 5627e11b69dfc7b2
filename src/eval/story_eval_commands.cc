#include "eval/story_eval_commands.h"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/time.h"
#include "eval/dup_generator.h"
#include "eval/reuters_reader.h"
#include "story/story_input.h"

namespace depeche::eval {

namespace {

double PeakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

std::vector<DupSource> ReutersSources(const std::vector<ReutersArticle>& corpus) {
  std::vector<DupSource> out;
  out.reserve(corpus.size());
  for (const ReutersArticle& a : corpus) {
    std::string text = a.dateline.empty() ? a.body : a.dateline + " " + a.body;
    out.push_back({a.id, a.title, std::move(text)});
  }
  return out;
}

void PrintDedup(const char* label, const DedupScores& s, bool json, bool last) {
  if (json) {
    std::printf(
        "\"%s\":{\"precision\":%.4f,\"recall\":%.4f,\"f1\":%.4f,\"predicted\":%zu,\"gold\":%zu,"
        "\"true_positives\":%zu}%s",
        label, s.precision, s.recall, s.f1, s.predicted, s.gold, s.true_positives, last ? "" : ",");
  } else {
    std::printf("%-28s P=%.4f R=%.4f F1=%.4f  predicted=%zu gold=%zu tp=%zu\n", label, s.precision,
                s.recall, s.f1, s.predicted, s.gold, s.true_positives);
  }
}

}  // namespace

int RunDedupCommand(const std::string& reuters_dir, size_t sources, size_t copies, uint64_t seed,
                    const story::DedupOptions& options, bool json) {
  auto corpus = ReadReutersCorpus(reuters_dir);
  if (!corpus.ok()) {
    std::fprintf(stderr, "%s\n", corpus.status().ToString().c_str());
    return 1;
  }
  const std::vector<DupSource> all = ReutersSources(*corpus);
  std::vector<DupSource> distinct = FilterDistinctSources(all, 60);
  if (distinct.size() > sources) distinct.resize(sources);
  DupGeneratorOptions generator;
  generator.copies = copies;
  generator.seed = seed;
  const std::vector<DupDocument> docs = GenerateNearDuplicates(distinct, generator);
  auto generated = EvaluateGeneratedDuplicates(docs, options);
  auto pairs = EvaluateGeneratedPairs(docs, options, 0.5);
  // Heavier rewording (about 15% of the words), the far end of what wire copies see.
  DupGeneratorOptions heavy = generator;
  heavy.reword_rate = 0.15;
  auto heavy_pairs = EvaluateGeneratedPairs(GenerateNearDuplicates(distinct, heavy), options, 0.5);
  auto real80 = EvaluateRealDuplicates(all, options, 0.8);
  auto real50 = EvaluateRealDuplicates(all, options, 0.5);
  if (!generated.ok() || !pairs.ok() || !heavy_pairs.ok() || !real80.ok() || !real50.ok()) {
    std::fprintf(stderr, "dedup evaluation failed\n");
    return 1;
  }
  if (json) std::printf("{\"sources\":%zu,\"copies\":%zu,", distinct.size(), copies);
  if (!json)
    std::printf("sources=%zu copies=%zu reuters=%zu\n", distinct.size(), copies, all.size());
  PrintDedup("generated", *generated, json, false);
  PrintDedup("generated_pairs_jaccard_0.5", *pairs, json, false);
  PrintDedup("generated_pairs_reworded_15", *heavy_pairs, json, false);
  PrintDedup("reuters_real_jaccard_0.8", *real80, json, false);
  PrintDedup("reuters_real_jaccard_0.5", *real50, json, true);
  if (json) std::printf("}\n");
  return 0;
}

int RunBenchCommand(const std::string& reuters_dir, size_t total,
                    const story::StoryPipelineOptions& options, const engine::Analyzer& analyzer,
                    bool json) {
  auto corpus = ReadReutersCorpus(reuters_dir);
  if (!corpus.ok()) {
    std::fprintf(stderr, "%s\n", corpus.status().ToString().c_str());
    return 1;
  }
  struct Item {
    int64_t time;
    Article article;
  };
  std::vector<Item> items;
  int64_t last_known = 0;
  for (const ReutersArticle& a : *corpus) {
    auto date = core::ParseIsoDate(a.date_iso);
    const int64_t t = date.ok() ? date->utc_seconds : last_known;
    last_known = t;
    ingest::RawArticle raw;
    raw.title = a.title;
    raw.text = a.dateline.empty() ? a.body : a.dateline + " " + a.body;
    raw.origin.path = "reuters:" + a.id;
    Result<Article> article = analyzer.Analyze(std::move(raw));
    if (!article.ok()) continue;  // refused by the product too (no text left)
    article->id = a.id;
    items.push_back({t, std::move(article).value()});
  }
  std::stable_sort(items.begin(), items.end(),
                   [](const Item& x, const Item& y) { return x.time < y.time; });
  const int64_t span = items.back().time - items.front().time + 86400;
  if (total == 0) total = items.size();
  story::StoryPipelineOptions bench_options = options;
  bench_options.cluster.track_changes = false;  // nothing is saved (the store's cost is not here)
  auto pipeline = story::StoryPipeline::Create(bench_options);
  if (!pipeline.ok()) {
    std::fprintf(stderr, "%s\n", pipeline.status().ToString().c_str());
    return 1;
  }
  const auto start = std::chrono::steady_clock::now();
  const std::clock_t cpu_start = std::clock();  // CPU time: the machine may be shared
  size_t done = 0, duplicates = 0, new_stories = 0;
  std::unordered_map<std::string, size_t> sizes;  // articles per story, first pass
  size_t checkpoint = std::max<size_t>(items.size(), total / 10);
  if (!json)
    std::printf("%10s %10s %12s %12s %10s\n", "articles", "art/s", "rss_peak_MB", "pipeline_MB",
                "active");
  for (size_t pass = 0; done < total; ++pass) {
    std::string suffix;  // replayed copies get new ids
    if (pass > 0) suffix.append("#").append(std::to_string(pass));
    for (Item& item : items) {
      if (done >= total) break;
      Article& article = item.article;
      const std::string id = article.id;
      article.id += suffix;
      article.published.precision = DatePrecision::kSecond;
      article.published.utc_seconds = item.time + static_cast<int64_t>(pass) * span;
      const story::ArticleStoryResult r = story::ProcessArticle(*pipeline, article);
      article.id = id;
      duplicates += r.dedup.duplicate ? 1 : 0;
      new_stories += r.assignment.new_story ? 1 : 0;
      if (done < items.size()) {  // story sizes over the first pass (the corpus itself)
        for (const story::StoryMove& m : r.assignment.moves) {
          if (auto it = sizes.find(m.from_id); it != sizes.end() && it->second > 0) --it->second;
          ++sizes[m.to_id];
        }
        for (const story::StoryMerge& m : r.assignment.merges) {
          sizes[m.into_id] += sizes[m.from_id];
          sizes.erase(m.from_id);
        }
        ++sizes[r.assignment.story_id];
      }
      ++done;
      if (done % checkpoint == 0 || done == total) {
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (!json) {
          std::printf("%10zu %10.0f %12.1f %12.1f %10zu\n", done,
                      static_cast<double>(done) / seconds, PeakRssMb(),
                      static_cast<double>(pipeline->MemoryBytes()) / 1048576.0,
                      pipeline->clusterer().active_stories());
          std::fflush(stdout);
        }
      }
    }
  }
  size_t largest = 0, in_large = 0;  // the biggest story; articles in stories of 50 or more
  for (const auto& [id, n] : sizes) {
    largest = std::max(largest, n);
    if (n >= 50) in_large += n;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double cpu_seconds =
      static_cast<double>(std::clock() - cpu_start) / static_cast<double>(CLOCKS_PER_SEC);
  if (json) {
    std::printf(
        "{\"articles\":%zu,\"seconds\":%.3f,\"cpu_seconds\":%.3f,\"articles_per_second\":%.1f,"
        "\"articles_per_cpu_second\":%.1f,\"peak_rss_mb\":%.1f,\"pipeline_mb\":%.1f,"
        "\"duplicates\":%zu,\"stories_opened\":%zu,\"active_stories\":%zu,"
        "\"largest_story\":%zu,\"articles_in_stories_of_50_plus\":%zu}\n",
        done, seconds, cpu_seconds, static_cast<double>(done) / seconds,
        static_cast<double>(done) / cpu_seconds, PeakRssMb(),
        static_cast<double>(pipeline->MemoryBytes()) / 1048576.0, duplicates, new_stories,
        pipeline->clusterer().active_stories(), largest, in_large);
  } else {
    std::printf(
        "total %zu articles in %.2f s (%.2f s CPU): %.0f articles/s wall, %.0f per CPU second, "
        "duplicates %zu, stories opened %zu; first pass: largest story %zu articles, %zu "
        "articles in stories of 50+\n",
        done, seconds, cpu_seconds, static_cast<double>(done) / seconds,
        static_cast<double>(done) / cpu_seconds, duplicates, new_stories, largest, in_large);
  }
  return 0;
}

}  // namespace depeche::eval
