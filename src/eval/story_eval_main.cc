// story_eval: a small driver over the story evaluation library (the lead's `depeche eval`
// wires the same functions).
//   story_eval cluster --format F --data PATH [--split S] [--shuffles N] [--seed N] [--json]
//                      [--dump FILE]
//                      [--set name=value ...]
//   story_eval tune    --format F --data PATH --split S [--shuffles N] [--grid name=v1,v2,...]...
//   story_eval dedup   --format reuters --data REUTERS_DIR [--sources N] [--copies N] [--json]
//   story_eval bench   --format reuters --data REUTERS_DIR [--total N] [--set ...] [--json]
// `--set` / `--grid` take the option names of SetClusterOption. `tune` evaluates every grid
// combination on the given split and prints them best first (by mean B3 F1).
#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "depeche/config.h"
#include "engine/analyzer.h"
#include "eval/cluster_eval.h"
#include "eval/story_eval_commands.h"
#include "extract/entity_extractor.h"

namespace {

using depeche::eval::ClusterEvalOptions;
using depeche::eval::ClusterEvalReport;

struct Args {
  std::string command, format, data, split = "all";
  std::string dump;        // cluster: TSV of the first run's assignments
  std::string background;  // cluster/tune: Reuters-21578 folder warming the term statistics
  int shuffles = 5;
  uint64_t seed = 0;  // 0: the default of the command (ECB+ shuffles 1.., generator 7)
  size_t sources = 3000, copies = 1000, total = 0;
  bool json = false;
  bool no_entities = false;  // capitalised words as names (ingest --no-entities)
  std::vector<std::pair<std::string, std::string>> sets;
  std::vector<std::pair<std::string, std::vector<std::string>>> grid;
};

bool Parse(int argc, char** argv, Args& args) {
  if (argc < 2) return false;
  args.command = argv[1];
  for (int i = 2; i < argc; ++i) {
    const std::string flag = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (flag == "--format") {
      args.format = next();
    } else if (flag == "--data") {
      args.data = next();
    } else if (flag == "--split") {
      args.split = next();
    } else if (flag == "--shuffles") {
      args.shuffles = std::stoi(next());
    } else if (flag == "--seed") {
      args.seed = std::stoull(next());
    } else if (flag == "--sources") {
      args.sources = std::stoul(next());
    } else if (flag == "--copies") {
      args.copies = std::stoul(next());
    } else if (flag == "--total") {
      args.total = std::stoul(next());
    } else if (flag == "--background") {
      args.background = next();
    } else if (flag == "--dump") {
      args.dump = next();
    } else if (flag == "--json") {
      args.json = true;
    } else if (flag == "--no-entities") {
      args.no_entities = true;
    } else if (flag == "--set" || flag == "--grid") {
      const std::string kv = next();
      const size_t eq = kv.find('=');
      if (eq == std::string::npos) return false;
      if (flag == "--set") {
        args.sets.emplace_back(kv.substr(0, eq), kv.substr(eq + 1));
      } else {
        std::vector<std::string> values;
        std::string rest = kv.substr(eq + 1);
        size_t start = 0;
        for (size_t k = 0; k <= rest.size(); ++k) {
          if (k == rest.size() || rest[k] == ',') {
            values.push_back(rest.substr(start, k - start));
            start = k + 1;
          }
        }
        args.grid.emplace_back(kv.substr(0, eq), values);
      }
    } else {
      return false;
    }
  }
  return !args.format.empty() && !args.data.empty();
}

void PrintReport(const ClusterEvalReport& r, const std::string& label) {
  std::printf(
      "%s%s/%s docs=%zu runs=%zu  B3 P=%.4f R=%.4f F1=%.4f (sd %.4f)  pairwise F1=%.4f  "
      "clusters pred=%.1f gold=%.0f\n",
      label.c_str(), r.format.c_str(), r.split.c_str(), r.documents, r.runs.size(),
      r.mean.b3_precision, r.mean.b3_recall, r.mean.b3_f1, r.stdev.b3_f1, r.mean.pairwise_f1,
      r.mean.clusters_pred, r.mean.clusters_gold);
}

// One line per document of the first run: id, gold story, predicted story, title.
bool DumpAssignments(const ClusterEvalReport& r, const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "w");
  if (f == nullptr || r.runs.empty()) return false;
  const auto& docs = r.documents_used;
  for (size_t i = 0; i < docs.size() && i < r.runs.front().predicted.size(); ++i) {
    std::fprintf(f, "%s\t%s\t%s\t%s\n", docs[i].id.c_str(), docs[i].gold.c_str(),
                 r.runs.front().predicted[i].c_str(), docs[i].title.c_str());
  }
  return std::fclose(f) == 0;
}

}  // namespace

int main(int argc, char** argv) {
  Args args;
  if (!Parse(argc, argv, args)) {
    std::fprintf(stderr,
                 "usage: story_eval cluster|tune|dedup|bench --format "
                 "ecbplus|uci|newswcl50|reuters --data PATH "
                 "[--split all|train|dev|test|train+dev] [--shuffles N] [--seed N] [--json] "
                 "[--no-entities] [--dump FILE] "
                 "[--set name=value]... [--grid name=v1,v2]...\n");
    return 2;
  }
  ClusterEvalOptions options;
  options.pipeline.features.data_dir = DEPECHE_SOURCE_DIR "/data";
  // The engine's analyzer: gold documents take the product's path (see cluster_eval.h).
  depeche::EngineConfig config;
  config.data_dir = options.pipeline.features.data_dir;
  auto analyzer = depeche::engine::Analyzer::Create(config);
  if (!analyzer.ok()) {
    std::fprintf(stderr, "%s\n", analyzer.status().ToString().c_str());
    return 1;
  }
  options.analyzer = analyzer->get();
  // ... and its entity extractor (the build's NER models): entities are the name features.
  std::unique_ptr<depeche::extract::EntityExtractor> entities;
  if (!args.no_entities) {
    depeche::extract::EntityExtractorOptions entity_options;
    entity_options.data_dir = config.data_dir;
    entity_options.model_dir = depeche::DefaultNerModelDir();
    auto made = depeche::extract::EntityExtractor::Create(entity_options);
    if (!made.ok()) {
      std::fprintf(stderr, "%s\n", made.status().ToString().c_str());
      return 1;
    }
    entities = std::move(made).value();
    options.entities = entities.get();
  }
  options.shuffles = args.shuffles;
  if (args.seed != 0) options.seed = args.seed;
  options.split = args.split;
  for (const auto& [name, value] : args.sets) {
    const depeche::Status s = depeche::eval::SetClusterOption(options.pipeline, name, value);
    if (!s.ok()) {
      std::fprintf(stderr, "%s\n", s.ToString().c_str());
      return 2;
    }
  }
  if (!args.background.empty()) {
    auto background = depeche::eval::ReadBackgroundCorpus(args.background, **analyzer);
    if (!background.ok()) {
      std::fprintf(stderr, "%s\n", background.status().ToString().c_str());
      return 1;
    }
    options.background = std::move(background).value();
  }
  if (args.command == "dedup") {
    return depeche::eval::RunDedupCommand(args.data, args.sources, args.copies,
                                          args.seed != 0 ? args.seed : 7, options.pipeline.dedup,
                                          args.json);
  }
  if (args.command == "bench") {
    return depeche::eval::RunBenchCommand(args.data, args.total, options.pipeline, **analyzer,
                                          args.json);
  }
  if (args.command == "cluster") {
    auto report = depeche::eval::EvaluateClustering(args.format, args.data, options);
    if (!report.ok()) {
      std::fprintf(stderr, "%s\n", report.status().ToString().c_str());
      return 1;
    }
    if (!args.dump.empty() && !DumpAssignments(*report, args.dump)) {
      std::fprintf(stderr, "cannot write %s\n", args.dump.c_str());
      return 1;
    }
    if (args.json) {
      std::printf("%s\n", depeche::eval::ClusterReportToJson(*report).c_str());
    } else {
      PrintReport(*report, "");
    }
    return 0;
  }
  if (args.command == "tune") {
    // Cartesian product of the grid, evaluated one combination at a time; the documents are
    // read and analysed once.
    auto prepared = depeche::eval::ReadPreparedCorpus(args.format, args.data, args.split,
                                                      **analyzer, options.entities);
    if (!prepared.ok()) {
      std::fprintf(stderr, "%s\n", prepared.status().ToString().c_str());
      return 1;
    }
    std::vector<std::pair<double, std::string>> results;
    std::vector<size_t> index(args.grid.size(), 0);
    while (true) {
      ClusterEvalOptions trial = options;
      std::string label;
      for (size_t g = 0; g < args.grid.size(); ++g) {
        const std::string& value = args.grid[g].second[index[g]];
        (void)depeche::eval::SetClusterOption(trial.pipeline, args.grid[g].first, value);
        label += args.grid[g].first + "=" + value + " ";
      }
      auto report = depeche::eval::EvaluatePrepared(args.format, *prepared, trial);
      if (!report.ok()) {
        std::fprintf(stderr, "%s\n", report.status().ToString().c_str());
        return 1;
      }
      PrintReport(*report, label);
      std::fflush(stdout);
      results.emplace_back(report->mean.b3_f1, label);
      size_t g = 0;
      for (; g < args.grid.size(); ++g) {
        if (++index[g] < args.grid[g].second.size()) break;
        index[g] = 0;
      }
      if (g == args.grid.size()) break;
    }
    std::sort(results.rbegin(), results.rend());
    std::printf("best: %s B3 F1 %.4f\n", results.front().second.c_str(), results.front().first);
    return 0;
  }
  std::fprintf(stderr, "unknown command %s\n", args.command.c_str());
  return 2;
}
