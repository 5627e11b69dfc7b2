// depeche eval timex --format timeml --data GOLD [--data GOLD2] [--lang LANG | --predictions DIR]
// [--json]: temporal expressions scored against gold TimeML with the TempEval-3 entity measures
// (eval/timex_scorer.h): depeche's own tagger's (each document against its creation time, in
// --lang), or predicted TimeML files, e.g. another system's output (HeidelTime, ...).
#include <cstdio>

#include "cli.h"
#include "depeche/config.h"
#include "eval/timex_predict.h"
#include "eval/timex_scorer.h"
#include "extract/timex_tagger.h"

namespace depeche::cli {
namespace {

struct TimexEvalFlags {
  std::vector<std::string> data;
  std::string predictions;
  std::string lang;
  std::string format = "timeml";
  bool json = false;
};

nlohmann::json PrfJson(const eval::PrfScore& s) {
  return {{"precision", s.precision}, {"recall", s.recall}, {"f1", s.f1}};
}

nlohmann::json CountsJson(const eval::TimexCounts& c) {
  return {{"gold", c.gold},       {"system", c.system},         {"strict", c.strict},
          {"relaxed", c.relaxed}, {"type_match", c.type_match}, {"value_match", c.value_match}};
}

void RunTimexEval(const TimexEvalFlags& flags, Context& ctx) {
  if (flags.format != "timeml") {
    PrintError("unknown timex data format '" + flags.format + "' (timeml)");
    ctx.exit_code = kExitUsage;
    return;
  }
  Result<eval::TimexEvalReport> report = InternalError("no report");
  std::string data;
  for (const std::string& d : flags.data) {
    if (!data.empty()) data += ", ";
    data += d;
  }
  if (!flags.predictions.empty()) {
    if (flags.data.size() != 1 || !flags.lang.empty()) {
      PrintError("--predictions scores one --data against its files; --lang is for depeche's own");
      ctx.exit_code = kExitUsage;
      return;
    }
    report = eval::ScoreTimemlPredictions(flags.data[0], flags.predictions);
  } else {
    if (flags.lang.empty()) {
      PrintError(
          "give --lang (the documents' language, for depeche's own tagger) or --predictions DIR");
      ctx.exit_code = kExitUsage;
      return;
    }
    std::vector<eval::TimemlDocument> gold;
    for (const std::string& d : flags.data) {
      auto read = eval::ReadTimeml(d);
      if (Failed(read.status(), ctx)) return;
      for (eval::TimemlDocument& doc : *read) gold.push_back(std::move(doc));
    }
    auto tagger = extract::TimexTagger::Create(DefaultDataDir());
    if (Failed(tagger.status(), ctx)) return;
    report = eval::ScoreTimexCorpus(gold, eval::PredictTimeml(gold, **tagger, flags.lang));
  }
  const eval::TimexEvalReport& r = *report;
  const eval::TimexScores& s = r.scores;
  size_t missing = 0;
  for (const auto& d : r.documents) missing += d.missing_prediction ? 1 : 0;
  if (flags.json) {
    nlohmann::json type = PrfJson(s.type);
    type["accuracy"] = s.type_accuracy;
    nlohmann::json value = PrfJson(s.value);
    value["accuracy"] = s.value_accuracy;
    nlohmann::json items = nlohmann::json::array();
    for (const eval::TimexDocumentScore& d : r.documents) {
      nlohmann::json j = CountsJson(d.counts);
      j["id"] = d.name;
      j["missing_prediction"] = d.missing_prediction;
      items.push_back(std::move(j));
    }
    PrintJson({{"task", "timex"},
               {"data", data},
               {"predictions", flags.predictions.empty() ? nlohmann::json(nullptr)
                                                         : nlohmann::json(flags.predictions)},
               {"lang", flags.lang.empty() ? nlohmann::json(nullptr) : nlohmann::json(flags.lang)},
               {"format", flags.format},
               {"documents", r.documents.size()},
               {"missing_predictions", missing},
               {"overall",
                {{"counts", CountsJson(r.total)},
                 {"strict", PrfJson(s.strict)},
                 {"relaxed", PrfJson(s.relaxed)},
                 {"type", type},
                 {"value", value}}},
               {"items", items}});
    return;
  }
  std::printf(
      "%s against %s: %zu documents (%zu without a prediction), %zu gold and %zu "
      "predicted TIMEX3\n",
      flags.predictions.empty() ? ("depeche's tagger (" + flags.lang + ")").c_str()
                                : flags.predictions.c_str(),
      data.c_str(), r.documents.size(), missing, r.total.gold, r.total.system);
  Table t({"measure", "precision", "recall", "F1", "accuracy"});
  auto row = [&t](const std::string& name, const eval::PrfScore& p, const std::string& acc) {
    char b[3][16];
    std::snprintf(b[0], 16, "%.4f", p.precision);
    std::snprintf(b[1], 16, "%.4f", p.recall);
    std::snprintf(b[2], 16, "%.4f", p.f1);
    t.Add({name, b[0], b[1], b[2], acc});
  };
  auto fmt = [](double v) {
    char b[16];
    std::snprintf(b, 16, "%.4f", v);
    return std::string(b);
  };
  row("strict span", s.strict, "");
  row("relaxed span", s.relaxed, "");
  row("type", s.type, fmt(s.type_accuracy));
  row("value", s.value, fmt(s.value_accuracy));
  t.Print(stdout);
}

}  // namespace

void RegisterEvalTimex(CLI::App& eval, Context& ctx) {
  auto flags = std::make_shared<TimexEvalFlags>();
  CLI::App* cmd = eval.add_subcommand(
      "timex",
      "Temporal expressions (TIMEX3): TempEval-3 strict and relaxed span P/R/F1, type and value "
      "accuracy and F1 of depeche's tagger (--lang) or of predicted TimeML files");
  cmd->add_option("--data", flags->data,
                  "Gold TimeML file or folder (*.tml, recursively); repeat to score several")
      ->required()
      ->check(CLI::ExistingPath);
  cmd->add_option("--lang", flags->lang,
                  "The documents' language: depeche's own tagger (data/LANG/timex) predicts");
  cmd->add_option("--format", flags->format, "timeml (the only format)");
  cmd->add_option("--predictions", flags->predictions,
                  "Folder of predicted TimeML files with the gold files' names (or one file)")
      ->check(CLI::ExistingPath);
  cmd->add_flag("--json", flags->json, "JSON output");
  cmd->callback([flags, &ctx] { RunTimexEval(*flags, ctx); });
}

}  // namespace depeche::cli
