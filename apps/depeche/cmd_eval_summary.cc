// depeche eval summary --format duc --data DUC_data/DUC2006 [--system lead] [--no-query]
// [--check-rouge] [--wordnet DIR] [--json]: summaries of the DUC 2006 document clusters scored with
// ROUGE-1, ROUGE-2 and ROUGE-SU4 recall against the human models (eval/rouge.h: ROUGE-1.5.5 with
// the DUC settings, jackknifed over the 4 models). --check-rouge scores NIST's peer summaries
// instead and sets them beside the official scores (eval/rouge_check.h).
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "cli.h"
#include "depeche/config.h"
#include "eval/rouge_check.h"
#include "eval/summary_eval.h"

namespace depeche::cli {
namespace {

struct SummaryEvalFlags {
  std::string data;
  std::string format = "duc";
  std::string system = "depeche";
  std::string wordnet = eval::kDefaultWordNetDir;
  bool check_rouge = false;
  bool no_query = false;
  bool json = false;
};

std::string Five(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.5f", v);
  return b;
}

void RunRougeCheck(const SummaryEvalFlags& flags, Context& ctx) {
  auto check =
      eval::CheckRougeAgainstOfficial(flags.data, eval::Duc2006OfficialOptions(), flags.wordnet);
  if (Failed(check.status(), ctx)) return;
  if (flags.json) {
    nlohmann::json systems = nlohmann::json::array();
    for (const eval::RougeSystemCheck& s : check->systems) {
      nlohmann::json j = {{"system", s.system}, {"evaluations", s.evaluations}};
      for (int k = 0; k < eval::kRougeMeasures; ++k) {
        j[eval::kRougeMeasureNames[k]] = {{"ours", s.ours[k]},
                                          {"official", s.official[k]},
                                          {"official_mean", s.official_mean[k]}};
      }
      systems.push_back(std::move(j));
    }
    nlohmann::json measures;
    for (int k = 0; k < eval::kRougeMeasures; ++k) {
      measures[eval::kRougeMeasureNames[k]] = {
          {"evaluations_compared", check->evaluations_compared[k]},
          {"evaluations_identical", check->evaluations_identical[k]},
          {"max_evaluation_diff", check->max_evaluation_diff[k]},
          {"max_diff", check->max_diff[k]},
          {"max_diff_system", check->max_diff_system[k]},
          {"max_diff_mean", check->max_diff_mean[k]}};
    }
    PrintJson({{"task", "rouge-check"},
               {"data", flags.data},
               {"format", flags.format},
               {"measures", measures},
               {"systems", systems}});
    return;
  }
  std::printf("ROUGE recall of NIST's DUC 2006 peers, ours / official (bootstrap average)\n");
  Table t({"peer", "evals", "R-1", "official", "R-2", "official", "R-SU4", "official"});
  for (const eval::RougeSystemCheck& s : check->systems) {
    t.Add({s.system, std::to_string(s.evaluations), Five(s.ours[0]), Five(s.official[0]),
           Five(s.ours[1]), Five(s.official[1]), Five(s.ours[2]), Five(s.official[2])});
  }
  t.Print(stdout);
  for (int k = 0; k < eval::kRougeMeasures; ++k) {
    std::printf(
        "%s: %d/%d evaluations identical to 5 decimals (largest difference %s); largest "
        "|ours - official average| %s (peer %s); largest |ours - mean of the official "
        "evaluations| %s\n",
        eval::kRougeMeasureNames[k], check->evaluations_identical[k],
        check->evaluations_compared[k], Five(check->max_evaluation_diff[k]).c_str(),
        Five(check->max_diff[k]).c_str(), check->max_diff_system[k].c_str(),
        Five(check->max_diff_mean[k]).c_str());
  }
}

void RunSummaryEval(const SummaryEvalFlags& flags, Context& ctx) {
  if (flags.format != "duc") {
    PrintError("unknown summary data format '" + flags.format + "' (duc)");
    ctx.exit_code = kExitUsage;
    return;
  }
  if (flags.check_rouge) {
    RunRougeCheck(flags, ctx);
    return;
  }
  if (flags.system != "lead" && flags.system != "depeche") {
    PrintError("unknown summary system '" + flags.system + "' (depeche, lead)");
    ctx.exit_code = kExitUsage;
    return;
  }
  Result<eval::RougeScores> scores = InternalError("no system");
  std::vector<eval::DucTopicScores> topics;
  if (flags.system == "lead") {
    scores = eval::ScoreDucLeadBaseline(flags.data, eval::RougeOptions(), flags.wordnet, &topics);
  } else {
    story::SummaryOptions options;
    options.max_words = static_cast<size_t>(eval::RougeOptions().word_limit);
    // DUC 2006 is query-focused: what matters is what the topic's statement asks, not what
    // the articles' leads say (the lead baseline is far behind), so no position prior.
    // Continuous LexRank (edges weighted by their cosines, Erkan & Radev 2004).
    options.position_weight = flags.no_query ? options.position_weight : 0;
    options.weighted_edges = true;
    auto summarizer = eval::DucSummarizer::Create(DefaultDataDir(), options, !flags.no_query);
    if (Failed(summarizer.status(), ctx)) return;
    scores = eval::ScoreDucSystem(
        flags.data, [&](const eval::DucTopic& topic) { return (*summarizer)->Summarize(topic); },
        eval::RougeOptions(), flags.wordnet, &topics);
  }
  if (Failed(scores.status(), ctx)) return;
  const eval::RougePrf* prf[3] = {&scores->rouge1, &scores->rouge2, &scores->su4};
  if (flags.json) {
    // DESIGN.md's evaluation shape: recall (DUC's measure) under the plain metric names,
    // precision and F beside it; each topic's recalls under "topics".
    constexpr const char* kKeys[] = {"rouge1", "rouge2", "rougesu4"};
    nlohmann::json overall;
    for (int k = 0; k < eval::kRougeMeasures; ++k) {
      overall[kKeys[k]] = prf[k]->recall;
      overall[std::string(kKeys[k]) + "_precision"] = prf[k]->precision;
      overall[std::string(kKeys[k]) + "_f"] = prf[k]->f;
    }
    nlohmann::json per_topic = nlohmann::json::array();
    for (const eval::DucTopicScores& t : topics) {
      per_topic.push_back({{"topic", t.topic},
                           {"rouge1", t.scores.rouge1.recall},
                           {"rouge2", t.scores.rouge2.recall},
                           {"rougesu4", t.scores.su4.recall}});
    }
    PrintJson({{"task", "summary"},
               {"data", flags.data},
               {"format", flags.format},
               {"system", flags.system},
               {"words", eval::RougeOptions().word_limit},
               {"overall", overall},
               {"topics", per_topic}});
    return;
  }
  std::printf("%s summaries of %d words against %s, jackknifed over the models\n",
              flags.system.c_str(), eval::RougeOptions().word_limit, flags.data.c_str());
  Table t({"measure", "recall", "precision", "F"});
  for (int k = 0; k < eval::kRougeMeasures; ++k) {
    t.Add({eval::kRougeMeasureNames[k], Five(prf[k]->recall), Five(prf[k]->precision),
           Five(prf[k]->f)});
  }
  t.Print(stdout);
}

}  // namespace

void RegisterEvalSummary(CLI::App& eval, Context& ctx) {
  auto flags = std::make_shared<SummaryEvalFlags>();
  CLI::App* cmd = eval.add_subcommand(
      "summary",
      "Multi-document summaries of the DUC 2006 clusters: ROUGE-1/2/SU4 recall against the "
      "human models, as ROUGE-1.5.5 with the DUC settings (stemming, -l 250, jackknifing)");
  cmd->add_option("--data", flags->data, "DUC_data/DUC2006 folder")
      ->required()
      ->check(CLI::ExistingDirectory);
  cmd->add_option("--format", flags->format, "duc (the only format)");
  cmd->add_option("--system", flags->system,
                  "depeche: the story summarizer (src/story/summarizer.h) over the documents as "
                  "ingest reads them; lead: the first sentences of the most recent documents");
  cmd->add_flag("--no-query", flags->no_query,
                "Generic summaries: the topics' statements unused and the first-sentences "
                "prior of the story summaries kept (depeche system)");
  cmd->add_flag("--check-rouge", flags->check_rouge,
                "Score NIST's peer summaries and compare with the official ROUGE scores");
  cmd->add_option("--wordnet", flags->wordnet,
                  "Folder of WordNet's exception lists used by the stemmer (Debian wordnet-base)")
      ->check(CLI::ExistingDirectory);
  cmd->add_flag("--json", flags->json, "JSON output");
  cmd->callback([flags, &ctx] { RunSummaryEval(*flags, ctx); });
}

}  // namespace depeche::cli
