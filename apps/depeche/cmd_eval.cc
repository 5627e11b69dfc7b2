// depeche eval TASK --data PATH [--json] : score a stage against gold data.
// Every task prints the shape DESIGN.md fixes: {"task","data","overall":{...},"items":[...]}
// with --json, a readable report otherwise.
#include <cmath>
#include <cstdio>
#include <memory>

#include "cli.h"
#include "engine/analyzer.h"
#include "eval/cluster_eval.h"
#include "eval/extract_eval.h"
#include "eval/langid_eval.h"
#include "extract/entity_extractor.h"
#include "text/langid.h"

namespace depeche::cli {
namespace {

struct EvalFlags {
  std::string data;
  std::string format;
  std::string split = "all";
  int shuffles = 5;
  std::string background;    // cluster: Reuters-21578 folder warming the term statistics
  bool no_entities = false;  // cluster: capitalised words as names (ingest --no-entities)
  std::string hint;
  std::string method = "combined";
  bool json = false;
};

void RunLangEval(const EvalFlags& flags, Context& ctx) {
  text::LangIdOptions options;
  options.fasttext_model = DefaultLidModel();
  if (flags.method == "cld2") {
    options.method = text::LangIdMethod::kCld2;
  } else if (flags.method == "fasttext") {
    options.method = text::LangIdMethod::kFastText;
  } else if (flags.method != "combined") {
    PrintError("--method must be combined, cld2 or fasttext");
    ctx.exit_code = kExitUsage;
    return;
  }
  auto lid = text::LanguageIdentifier::Create(options);
  if (!lid.ok()) {
    PrintError(UserMessage(lid.status()));
    ctx.exit_code = kExitFailure;
    return;
  }
  auto examples = eval::ReadLangIdTsv(flags.data);
  if (!examples.ok()) {
    PrintError(flags.data + ": " + examples.status().message());
    ctx.exit_code = ExitCodeFor(examples.status());
    return;
  }
  eval::LangIdScore score = eval::ScoreLangId(**lid, *examples, flags.hint);
  std::string out =
      flags.json ? eval::LangIdScoreToJson(score, flags.data) : eval::FormatLangIdReport(score);
  std::fputs(out.c_str(), stdout);
  if (!out.empty() && out.back() != '\n') std::fputc('\n', stdout);
}

void RunExtractEval(const EvalFlags& flags, Context& ctx) {
  eval::ExtractEvalOptions options;
  auto format = eval::ParseExtractFormat(flags.format);
  if (!format.ok() || !eval::IsExtractSplit(flags.split)) {
    PrintError(format.ok() ? "--split must be all, dev or test" : format.status().message());
    ctx.exit_code = kExitUsage;
    return;
  }
  options.format = *format;
  options.split = flags.split;
  auto report = eval::EvaluateExtraction(flags.data, options);
  if (!report.ok()) {
    PrintError(flags.data + ": " + report.status().message());
    ctx.exit_code = ExitCodeFor(report.status());
    return;
  }
  const eval::ExtractEvalReport& r = *report;
  if (flags.json) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& i : r.items) {
      nlohmann::json item = {{"id", i.id},
                             {"url", OrNull(i.url)},
                             {"precision", i.scores.precision},
                             {"recall", i.scores.recall},
                             {"f1", i.scores.f1},
                             {"rejected", i.rejected},
                             {"article", i.article},
                             {"error", OrNull(i.error)},
                             {"text_chars", i.text_chars},
                             {"gold_date", OrNull(i.gold_date)},
                             {"predicted_date", OrNull(i.predicted_date)},
                             {"date_source", OrNull(i.date_source)}};
      if (r.metric == "shingles") item["exact"] = i.exact;
      items.push_back(std::move(item));
    }
    PrintJson(
        {{"task", "extract"},
         {"data", flags.data},
         {"format", r.format},
         {"split", r.split},
         {"metric", r.metric},
         {"overall",
          {{"precision", r.overall.precision},
           {"recall", r.overall.recall},
           {"f1", r.overall.f1},
           {"accuracy", r.accuracy},
           // null when the gold data gives no dates: nothing was scored
           {"date_accuracy", r.date_pages > 0 ? nlohmann::json(r.date_accuracy) : nullptr},
           {"date_accuracy_without_json_ld",
            r.date_pages > 0 ? nlohmann::json(r.date_accuracy_without_json_ld) : nullptr}}},
         {"pages", r.pages},
         {"rejected", r.rejected},
         {"articles", r.articles},
         {"rejected_articles", r.rejected_articles},
         {"date_pages", r.date_pages},
         {"missing_html", r.missing_html},
         {"speed", {{"pages_per_second", r.pages_per_second}, {"mb_per_second", r.mb_per_second}}},
         {"items", items}});
    return;
  }
  Table pages({"page", "precision", "recall", "f1", "date", "gold date", "source"});
  char p[16], rc[16], f[16];
  for (const auto& i : r.items) {
    std::snprintf(p, sizeof p, "%.3f", i.scores.precision);
    std::snprintf(rc, sizeof rc, "%.3f", i.scores.recall);
    std::snprintf(f, sizeof f, "%.3f", i.scores.f1);
    pages.Add(
        {i.id, p, rc, f, i.predicted_date, i.gold_date, i.error.empty() ? i.date_source : i.error});
  }
  pages.Print(stdout, 40);
  std::printf("\n%s (%s, %s): %zu pages, %zu rejected (%zu of the %zu held for articles)\n",
              r.format.c_str(), r.split.c_str(), r.metric.c_str(), r.pages, r.rejected,
              r.rejected_articles, r.articles);
  std::printf("precision %.4f  recall %.4f  F1 %.4f", r.overall.precision, r.overall.recall,
              r.overall.f1);
  if (r.metric == "shingles") std::printf("  exact %.3f", r.accuracy);
  std::printf("\n");
  if (r.date_pages > 0) {
    std::printf(
        "publication day right on %.3f of %zu pages with a gold date (%.3f without JSON-LD)\n",
        r.date_accuracy, r.date_pages, r.date_accuracy_without_json_ld);
  } else {
    std::printf("publication day not scored: the gold data gives no dates\n");
  }
  std::printf("%.0f pages/s, %.1f MB/s (extraction only, one thread)\n", r.pages_per_second,
              r.mb_per_second);
}

void RunClusterEval(const EvalFlags& flags, Context& ctx) {
  eval::ClusterEvalOptions options;
  options.pipeline.features.data_dir = DefaultDataDir();
  options.split = flags.split;
  options.shuffles = flags.shuffles;
  // Gold documents take the product's path: the engine's analyzer, then the story stage.
  EngineConfig config;
  config.data_dir = options.pipeline.features.data_dir;
  auto analyzer = engine::Analyzer::Create(config);
  if (!analyzer.ok()) {
    PrintError(analyzer.status().ToString());
    ctx.exit_code = ExitCodeFor(analyzer.status());
    return;
  }
  options.analyzer = analyzer->get();
  // ... and the engine's entity extractor: entities are the name features, as at ingest.
  std::unique_ptr<extract::EntityExtractor> entities;
  if (!flags.no_entities) {
    extract::EntityExtractorOptions entity_options;
    entity_options.data_dir = config.data_dir;
    entity_options.model_dir = DefaultNerModelDir();
    auto made = extract::EntityExtractor::Create(entity_options);
    if (!made.ok()) {
      PrintError(made.status().ToString());
      ctx.exit_code = ExitCodeFor(made.status());
      return;
    }
    entities = std::move(made).value();
    options.entities = entities.get();
  }
  if (!flags.background.empty()) {
    auto background = eval::ReadBackgroundCorpus(flags.background, **analyzer);
    if (!background.ok()) {
      PrintError(flags.background + ": " + background.status().message());
      ctx.exit_code = ExitCodeFor(background.status());
      return;
    }
    options.background = std::move(background).value();
  }
  auto report = eval::EvaluateClustering(flags.format, flags.data, options);
  if (!report.ok()) {
    PrintError(flags.data + ": " + report.status().message());
    ctx.exit_code = ExitCodeFor(report.status());
    return;
  }
  const eval::ClusterEvalReport& r = *report;
  if (flags.json) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& run : r.runs) {
      nlohmann::json item = eval::ClusterScoresJson(run.scores);
      // One run's cluster counts are counts: integers (87, not 87.0). The mean and stdev over
      // runs stay numbers.
      item["clusters_pred"] = std::llround(run.scores.clusters_pred);
      item["clusters_gold"] = std::llround(run.scores.clusters_gold);
      item["seed"] = run.seed;
      item["merges"] = run.merges;
      item["duplicates"] = run.duplicates;
      items.push_back(item);
    }
    PrintJson({{"task", "cluster"},
               {"data", flags.data},
               {"format", r.format},
               {"split", r.split},
               {"background", flags.background},
               {"documents", r.documents},
               {"refused", r.refused},
               {"overall", eval::ClusterScoresJson(r.mean)},
               {"stdev", eval::ClusterScoresJson(r.stdev)},
               {"items", items}});
    return;
  }
  std::printf(
      "%s (%s split): %zu documents (%zu refused by the analyzer), %zu run(s) in stream "
      "order\n",
      r.format.c_str(), r.split.c_str(), r.documents, r.refused, r.runs.size());
  Table t({"run", "B3 P", "B3 R", "B3 F1", "pairwise F1", "stories", "gold"});
  auto row = [&t](const std::string& name, const eval::ClusterScores& s) {
    char b[6][32];
    std::snprintf(b[0], 32, "%.3f", s.b3_precision);
    std::snprintf(b[1], 32, "%.3f", s.b3_recall);
    std::snprintf(b[2], 32, "%.3f", s.b3_f1);
    std::snprintf(b[3], 32, "%.3f", s.pairwise_f1);
    std::snprintf(b[4], 32, "%.1f", s.clusters_pred);
    std::snprintf(b[5], 32, "%.0f", s.clusters_gold);
    t.Add({name, b[0], b[1], b[2], b[3], b[4], b[5]});
  };
  for (const auto& run : r.runs)
    row(run.seed ? "seed " + std::to_string(run.seed) : "stream", run.scores);
  if (r.runs.size() > 1) {
    row("mean", r.mean);
    row("stdev", r.stdev);
  }
  t.Print(stdout);
}

}  // namespace

void RegisterEvalAliases(CLI::App& eval, Context& ctx);  // cmd_eval_aliases.cc

void RegisterEval(CLI::App& app, Context& ctx) {
  CLI::App* eval = app.add_subcommand("eval", "Score a stage against gold data");
  eval->require_subcommand(1);

  auto lang = std::make_shared<EvalFlags>();
  CLI::App* cmd = eval->add_subcommand(
      "lang", "Language identification accuracy on a lang<TAB>text file (one example per line)");
  cmd->add_option("--data", lang->data, "Labelled file")->required()->check(CLI::ExistingFile);
  cmd->add_option("--hint", lang->hint, "Language hint given with every text");
  cmd->add_option("--method", lang->method, "combined (default), cld2 or fasttext");
  cmd->add_flag("--json", lang->json, "JSON output");
  cmd->callback([lang, &ctx] { RunLangEval(*lang, ctx); });

  auto extract = std::make_shared<EvalFlags>();
  CLI::App* ex = eval->add_subcommand(
      "extract",
      "HTML body extraction: precision/recall/F1, pages refused and publication-day accuracy "
      "on a page set with gold text or phrases");
  ex->add_option("--data", extract->data, "Page set folder")
      ->required()
      ->check(CLI::ExistingDirectory);
  ex->add_option(
      "--format", extract->format,
      "zyte (default: html/ and ground-truth.json), readability (page folders with "
      "source.html and expected.html) or trafilatura (evaldata.json with eval/, cache/)");
  ex->add_option("--split", extract->split, "all (default) | dev | test (halves by id hash)");
  ex->add_flag("--json", extract->json, "JSON output");
  ex->callback([extract, &ctx] { RunExtractEval(*extract, ctx); });

  auto cluster = std::make_shared<EvalFlags>();
  CLI::App* cl = eval->add_subcommand(
      "cluster", "Online story clustering in stream order: B3 and pairwise scores");
  cl->add_option("--format", cluster->format, "ecbplus | uci | newswcl50")->required();
  cl->add_option("--data", cluster->data, "Corpus folder")->required()->check(CLI::ExistingPath);
  cl->add_option("--split", cluster->split, "all | train | dev | test | train+dev");
  cl->add_option("--shuffles", cluster->shuffles, "Seeded orders for corpora without dates")
      ->check(CLI::Range(1, 100));
  cl->add_option("--background", cluster->background,
                 "Reuters-21578 folder whose term statistics warm the clusterer up first")
      ->check(CLI::ExistingDirectory);
  cl->add_flag("--no-entities", cluster->no_entities,
               "Capitalised words as names instead of the extracted entities (as ingest "
               "--no-entities)");
  cl->add_flag("--json", cluster->json, "JSON output");
  cl->callback([cluster, &ctx] { RunClusterEval(*cluster, ctx); });

  RegisterEvalAliases(*eval, ctx);
  RegisterEvalNer(*eval, ctx);
  RegisterEvalTimex(*eval, ctx);
  RegisterEvalFigures(*eval, ctx);
  RegisterEvalQuotes(*eval, ctx);
  RegisterEvalSummary(*eval, ctx);
  RegisterEvalTimeline(*eval, ctx);
}

}  // namespace depeche::cli
