// depeche eval timeline --format mlcrisis --data ml-crisis-timelines/fr [--topics N]
// [--whole-span] [--json]: one timeline per ML-Crisis topic from its articles, scored by date
// F1 against the reference timeline and by concatenated ROUGE-1/2 F (eval/timeline_eval.h).
// The language is the data folder's.
#include <cstdio>
#include <filesystem>

#include "cli.h"
#include "eval/timeline_eval.h"

namespace depeche::cli {
namespace {

struct TimelineEvalFlags {
  std::string data;
  std::string format = "mlcrisis";
  size_t topics = 0;
  bool whole_span = false;
  bool json = false;
};

std::string Three(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.3f", v);
  return b;
}

nlohmann::json PrfJson(const eval::RougePrf& p) {
  return {{"recall", p.recall}, {"precision", p.precision}, {"f", p.f}};
}

void RunTimelineEval(const TimelineEvalFlags& flags, Context& ctx) {
  if (flags.format != "mlcrisis") {
    PrintError("unknown timeline data format '" + flags.format + "' (mlcrisis)");
    ctx.exit_code = kExitUsage;
    return;
  }
  auto timelines = eval::MlCrisisTimelines::Create(DefaultDataDir());
  if (Failed(timelines.status(), ctx)) return;
  eval::TimelineEvalOptions options;
  options.reference_span = !flags.whole_span;
  options.max_topics = flags.topics;
  auto result = (*timelines)->Evaluate(flags.data, options, [](const std::string& topic) {
    std::fprintf(stderr, "timeline of %s...\n", topic.c_str());
  });
  if (Failed(result.status(), ctx)) return;
  if (flags.json) {
    nlohmann::json items = nlohmann::json::array();
    for (const eval::TimelineTopicScores& t : result->topics) {
      items.push_back({{"id", t.topic},
                       {"documents", t.documents},
                       {"reference_dates", t.reference_dates},
                       {"reference_sentences", t.reference_sentences},
                       {"sentences_per_date", t.sentences_per_date},
                       {"dates", t.dates},
                       {"lines", t.lines},
                       {"matched_dates", t.matched_dates},
                       {"date_precision", t.date_precision},
                       {"date_recall", t.date_recall},
                       {"date_f1", t.date_f1},
                       {"rouge1", PrfJson(t.rouge1)},
                       {"rouge2", PrfJson(t.rouge2)},
                       {"build_ms", t.build_ms}});
    }
    PrintJson({{"task", "timeline"},
               {"data", flags.data},
               {"format", flags.format},
               {"lang", result->lang},
               {"reference_span", options.reference_span},
               {"overall",
                {{"date_precision", result->date_precision},
                 {"date_recall", result->date_recall},
                 {"date_f1", result->date_f1},
                 {"rouge1_f", result->rouge1_f},
                 {"rouge2_f", result->rouge2_f}}},
               {"items", items}});
    return;
  }
  std::printf(
      "Timelines of %s (%s), as many dates as the reference%s; date P/R/F1 at day granularity, "
      "concatenated ROUGE F\n",
      flags.data.c_str(), result->lang.c_str(), options.reference_span ? ", within its span" : "");
  Table t({"topic", "docs", "ref dates", "lines/date", "matched", "date P", "date R", "date F1",
           "R-1 F", "R-2 F", "build ms"});
  for (const eval::TimelineTopicScores& s : result->topics) {
    t.Add({s.topic, std::to_string(s.documents), std::to_string(s.reference_dates),
           std::to_string(s.sentences_per_date), std::to_string(s.matched_dates),
           Three(s.date_precision), Three(s.date_recall), Three(s.date_f1), Three(s.rouge1.f),
           Three(s.rouge2.f), Three(s.build_ms)});
  }
  t.Add({"mean", "", "", "", "", Three(result->date_precision), Three(result->date_recall),
         Three(result->date_f1), Three(result->rouge1_f), Three(result->rouge2_f), ""});
  t.Print(stdout);
}

}  // namespace

void RegisterEvalTimeline(CLI::App& eval, Context& ctx) {
  auto flags = std::make_shared<TimelineEvalFlags>();
  CLI::App* cmd = eval.add_subcommand(
      "timeline",
      "Timelines of the ML-Crisis topics (one language folder): date P/R/F1 against the "
      "reference timelines and concatenated ROUGE-1/2 F");
  cmd->add_option("--data", flags->data,
                  "A language folder of ml-crisis-timelines (fr, es, it): its name is the language")
      ->required()
      ->check(CLI::ExistingDirectory);
  cmd->add_option("--format", flags->format, "mlcrisis (the only format)");
  cmd->add_option("--topics", flags->topics, "Only the first N topics (0: all)");
  cmd->add_flag("--whole-span", flags->whole_span,
                "Dates from the whole collection, not only within the reference's first and "
                "last days");
  cmd->add_flag("--json", flags->json, "JSON output");
  cmd->callback([flags, &ctx] { RunTimelineEval(*flags, ctx); });
}

}  // namespace depeche::cli
