// depeche eval timex --format timeml --data GOLD --predictions DIR [--json]: temporal
// expressions of predicted TimeML files scored against gold TimeML with the TempEval-3 entity
// measures (eval/timex_scorer.h), e.g. another system's output (HeidelTime, ...).
#include <cstdio>

#include "cli.h"
#include "eval/timex_scorer.h"

namespace depeche::cli {
namespace {

struct TimexEvalFlags {
  std::string data;
  std::string predictions;
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
  if (flags.predictions.empty()) {
    PrintError("give --predictions DIR: predicted TimeML files named as the gold files");
    ctx.exit_code = kExitUsage;
    return;
  }
  auto report = eval::ScoreTimemlPredictions(flags.data, flags.predictions);
  if (Failed(report.status(), ctx)) return;
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
               {"data", flags.data},
               {"predictions", flags.predictions},
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
      flags.predictions.c_str(), flags.data.c_str(), r.documents.size(), missing, r.total.gold,
      r.total.system);
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
      "accuracy and F1 of predicted TimeML files");
  cmd->add_option("--data", flags->data, "Gold TimeML file or folder (*.tml, recursively)")
      ->required()
      ->check(CLI::ExistingPath);
  cmd->add_option("--format", flags->format, "timeml (the only format)");
  cmd->add_option("--predictions", flags->predictions,
                  "Folder of predicted TimeML files with the gold files' names (or one file)")
      ->check(CLI::ExistingPath);
  cmd->add_flag("--json", flags->json, "JSON output");
  cmd->callback([flags, &ctx] { RunTimexEval(*flags, ctx); });
}

}  // namespace depeche::cli
