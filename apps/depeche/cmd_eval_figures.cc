// depeche eval figures --format newsquant --data GOLD.json [--lang en] [--errors] [--json]:
// depeche's figure extractor (extract/figures.h) scored against NewsQuant (value and value+unit
// P/R/F1 with CQE's value matching, pairs one to one: eval/figures_eval.h).
#include <cstdio>

#include "cli.h"
#include "depeche/config.h"
#include "eval/figures_eval.h"
#include "extract/figures.h"

namespace depeche::cli {
namespace {

struct FiguresEvalFlags {
  std::string data;
  std::string format = "newsquant";
  std::string lang = "en";
  bool errors = false;
  bool json = false;
};

nlohmann::json PrfJson(const eval::FigurePrf& s) {
  return {{"precision", s.precision}, {"recall", s.recall}, {"f1", s.f1}};
}

nlohmann::json CountsJson(const eval::FigureCounts& c) {
  return {{"gold", c.gold},
          {"system", c.system},
          {"value_match", c.value},
          {"value_unit_match", c.value_unit}};
}

std::string FigureText(const extract::Figure& f) {
  char b[64];
  std::snprintf(b, sizeof b, "%.10g", f.value);
  std::string s = b;
  if (f.high) {
    std::snprintf(b, sizeof b, "%.10g", *f.high);
    s += std::string("-") + b;
  }
  return s + " [" + f.unit + "] " + std::string(extract::FigureBoundName(f.bound));
}

void PrintErrors(const eval::NewsQuantSentence& s, const std::vector<extract::Figure>& figures) {
  std::printf("%s\n  gold:", s.text.c_str());
  for (const auto& q : s.quantities) {
    std::printf(" %.10g", q.value);
    if (q.high) std::printf("-%.10g", *q.high);
    std::printf(" [%s];", q.unit.c_str());
  }
  std::printf("\n  depeche:");
  for (const auto& f : figures) {
    std::printf(" %s \"%s\";", FigureText(f).c_str(),
                s.text.substr(f.span.begin, f.span.end - f.span.begin).c_str());
  }
  std::printf("\n");
}

void RunFiguresEval(const FiguresEvalFlags& flags, Context& ctx) {
  if (flags.format != "newsquant") {
    PrintError("unknown figures data format '" + flags.format + "' (newsquant)");
    ctx.exit_code = kExitUsage;
    return;
  }
  auto gold = eval::ReadNewsQuant(flags.data);
  if (Failed(gold.status(), ctx)) return;
  auto extractor = extract::FigureExtractor::Create(DefaultDataDir());
  if (Failed(extractor.status(), ctx)) return;
  const eval::FigureEvalReport r = eval::ScoreFigures(*gold, **extractor, flags.lang);
  if (flags.json) {
    nlohmann::json items = nlohmann::json::array();
    for (const eval::FigureSentenceScore& s : r.items) {
      nlohmann::json j = CountsJson(s.counts);
      j["id"] = std::to_string(s.index);
      items.push_back(std::move(j));
    }
    PrintJson({{"task", "figures"},
               {"data", flags.data},
               {"format", flags.format},
               {"lang", flags.lang},
               {"sentences", r.items.size()},
               {"overall",
                {{"counts", CountsJson(r.total)},
                 {"value", PrfJson(r.value)},
                 {"value_unit", PrfJson(r.value_unit)}}},
               {"items", items}});
    return;
  }
  if (flags.errors) {
    for (const eval::FigureSentenceScore& s : r.items) {
      const eval::FigureCounts& c = s.counts;
      if (c.value_unit == c.gold && c.value_unit == c.system) continue;
      const eval::NewsQuantSentence& g = (*gold)[s.index];
      PrintErrors(g, (*extractor)->Extract(g.text, flags.lang));
    }
  }
  std::printf("depeche's figures (%s) against %s: %zu sentences, %zu gold and %zu predicted\n",
              flags.lang.c_str(), flags.data.c_str(), r.items.size(), r.total.gold, r.total.system);
  Table t({"measure", "precision", "recall", "F1", "matches"});
  auto row = [&t](const std::string& name, const eval::FigurePrf& p, size_t matches) {
    char b[3][16];
    std::snprintf(b[0], 16, "%.4f", p.precision);
    std::snprintf(b[1], 16, "%.4f", p.recall);
    std::snprintf(b[2], 16, "%.4f", p.f1);
    t.Add({name, b[0], b[1], b[2], std::to_string(matches)});
  };
  row("value", r.value, r.total.value);
  row("value+unit", r.value_unit, r.total.value_unit);
  t.Print(stdout);
}

}  // namespace

void RegisterEvalFigures(CLI::App& eval, Context& ctx) {
  auto flags = std::make_shared<FiguresEvalFlags>();
  CLI::App* cmd = eval.add_subcommand(
      "figures",
      "Figures (numbers with their units): value and value+unit P/R/F1 of depeche's figure "
      "extractor against NewsQuant (CQE's value matching, one-to-one pairs)");
  cmd->add_option("--data", flags->data, "Gold NewsQuant JSON file (a list of sentences)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--format", flags->format, "newsquant (the only format)");
  cmd->add_option("--lang", flags->lang, "The sentences' language (default en)");
  cmd->add_flag("--errors", flags->errors,
                "Print each sentence whose figures differ from the gold (not with --json)");
  cmd->add_flag("--json", flags->json, "JSON output");
  cmd->callback([flags, &ctx] { RunFiguresEval(*flags, ctx); });
}

}  // namespace depeche::cli
