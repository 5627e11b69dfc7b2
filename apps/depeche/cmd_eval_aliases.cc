// depeche eval aliases --format hipe|seeds --data PATH [--gold TSV] [--nil exclude|singleton]
// [--json]: entity resolution scored as clustering (eval/alias_eval.h).
#include <cstdio>

#include "cli.h"
#include "engine/analyzer.h"
#include "eval/alias_eval.h"
#include "extract/entity_extractor.h"
#include "extract/gazetteer.h"

namespace depeche::cli {
namespace {

struct AliasFlags {
  std::string format;
  std::string data;
  std::string gold;
  std::string nil = "exclude";
  bool json = false;
  bool no_ner = false;
};

nlohmann::json Prf(const eval::PrfTriple& t) {
  return {{"precision", t.precision}, {"recall", t.recall}, {"f1", t.f1}};
}

void RunAliasEval(const AliasFlags& flags, Context& ctx) {
  auto gazetteer = extract::Gazetteer::Load(DefaultDataDir());
  if (!gazetteer.ok()) {
    PrintError(gazetteer.status().ToString());
    ctx.exit_code = ExitCodeFor(gazetteer.status());
    return;
  }
  Result<eval::AliasEvalReport> report = InvalidArgumentError("--format must be hipe or seeds");
  if (flags.format == "hipe") {
    if (flags.nil != "exclude" && flags.nil != "singleton") {
      PrintError("--nil must be exclude or singleton");
      ctx.exit_code = kExitUsage;
      return;
    }
    report = eval::EvaluateHipeAliases(
        **gazetteer, flags.data,
        flags.nil == "exclude" ? eval::NilPolicy::kExclude : eval::NilPolicy::kSingleton);
  } else if (flags.format == "seeds") {
    if (flags.gold.empty()) {
      PrintError("--format seeds needs --gold (e.g. tests/fixtures/seeds_entities.tsv)");
      ctx.exit_code = kExitUsage;
      return;
    }
    EngineConfig config;
    config.data_dir = DefaultDataDir();
    config.lid_model = DefaultLidModel();
    auto analyzer = engine::Analyzer::Create(config);
    if (!analyzer.ok()) {
      PrintError(analyzer.status().ToString());
      ctx.exit_code = ExitCodeFor(analyzer.status());
      return;
    }
    extract::EntityExtractorOptions options;
    options.data_dir = DefaultDataDir();
    options.model_dir = flags.no_ner ? "" : DefaultNerModelDir();
    auto extractor = extract::EntityExtractor::Create(options);
    if (!extractor.ok()) {
      PrintError(extractor.status().ToString());
      ctx.exit_code = ExitCodeFor(extractor.status());
      return;
    }
    report = eval::EvaluateSeedAliases(**extractor, **analyzer, flags.gold, flags.data);
  } else {
    PrintError("--format must be hipe or seeds");
    ctx.exit_code = kExitUsage;
    return;
  }
  if (!report.ok()) {
    PrintError(report.status().ToString());
    ctx.exit_code = ExitCodeFor(report.status());
    return;
  }
  const eval::AliasEvalReport& r = *report;
  const eval::CorefScores& s = r.scores;
  if (flags.json) {
    nlohmann::json overall = {{"b3_f1", s.b3.f1},
                              {"conll_f1", s.conll_f1},
                              {"b3_precision", s.b3.precision},
                              {"b3_recall", s.b3.recall},
                              {"muc", Prf(s.muc)},
                              {"ceafe", Prf(s.ceafe)},
                              {"mentions", s.mentions},
                              {"clusters_gold", s.gold_clusters},
                              {"clusters_pred", s.predicted_clusters}};
    nlohmann::json items = nlohmann::json::array();
    if (r.format == "seeds") {
      overall["detection"] = Prf(r.detection);
      overall["groups"] = r.groups;
      overall["groups_detected"] = r.groups_detected;
      overall["groups_merged"] = r.groups_merged;
      overall["wrong_merges"] = r.wrong_merges;
      for (const auto& g : r.items) {
        items.push_back({{"entity", g.entity},
                         {"forms", g.surfaces},
                         {"predicted_entities", g.predicted_entities},
                         {"merged", g.merged},
                         {"missed", g.missed}});
      }
      overall["wrong_merge_pairs"] = r.wrong_merge_pairs;
      overall["false_positives"] = r.false_positives;
    } else {
      for (const auto& g : r.items) {
        items.push_back({{"entity", g.entity},
                         {"forms", g.surfaces},
                         {"predicted_entities", g.predicted_entities}});
      }
      overall["documents"] = r.documents;
      overall["nil_mentions"] = r.nil_mentions;
      overall["nil"] = flags.nil;
    }
    nlohmann::json out = {{"task", "aliases"},
                          {"format", r.format},
                          {"data", flags.data},
                          {"overall", overall},
                          {"items", items}};
    std::puts(out.dump(2).c_str());
    return;
  }
  std::printf("aliases (%s) %s\n", r.format.c_str(), flags.data.c_str());
  if (r.format == "hipe") {
    std::printf("documents %zu, mentions scored %zu (NIL %zu, %s)\n", r.documents, s.mentions,
                r.nil_mentions, flags.nil.c_str());
  } else {
    std::printf("detection: gold forms %zu, predicted %zu, matched %zu: P %.3f R %.3f F1 %.3f\n",
                r.gold_forms, r.predicted_forms, r.matched_forms, r.detection.precision,
                r.detection.recall, r.detection.f1);
    std::printf("alias groups: %zu gold, %zu detected, %zu of those merged; wrong merges %zu\n",
                r.groups, r.groups_detected, r.groups_merged, r.wrong_merges);
    for (const auto& g : r.items) {
      if (g.predicted_entities > 1 || g.missed) {
        std::printf("  %-28s predicted entities %zu, missed forms %zu\n", g.entity.c_str(),
                    g.predicted_entities, g.missed);
      }
    }
    for (const auto& w : r.wrong_merge_pairs) std::printf("  wrong merge: %s\n", w.c_str());
  }
  std::printf("clusters gold %zu, predicted %zu\n", s.gold_clusters, s.predicted_clusters);
  std::printf("MUC    P %.3f R %.3f F1 %.3f\n", s.muc.precision, s.muc.recall, s.muc.f1);
  std::printf("B3     P %.3f R %.3f F1 %.3f\n", s.b3.precision, s.b3.recall, s.b3.f1);
  std::printf("CEAF-e P %.3f R %.3f F1 %.3f\n", s.ceafe.precision, s.ceafe.recall, s.ceafe.f1);
  std::printf("CoNLL F1 %.3f\n", s.conll_f1);
}

}  // namespace

void RegisterEvalAliases(CLI::App& eval, Context& ctx) {
  auto flags = std::make_shared<AliasFlags>();
  CLI::App* cmd = eval.add_subcommand(
      "aliases", "Entity resolution as clustering: MUC, B3, CEAF-e and CoNLL F1 against gold");
  cmd->add_option("--format", flags->format, "hipe (TSV with NEL-LIT QIDs) | seeds")->required();
  cmd->add_option("--data", flags->data, "HIPE file or folder; seeds: folder of seed texts")
      ->required()
      ->check(CLI::ExistingPath);
  cmd->add_option("--gold", flags->gold, "seeds: gold TSV (file, surface, entity)")
      ->check(CLI::ExistingFile);
  cmd->add_option("--nil", flags->nil, "hipe: NIL mentions exclude (default) | singleton");
  cmd->add_flag("--no-ner", flags->no_ner,
                "seeds: gazetteers alone, without the statistical NER models");
  cmd->add_flag("--json", flags->json, "JSON output");
  cmd->callback([flags, &ctx] { RunAliasEval(*flags, ctx); });
}

}  // namespace depeche::cli
