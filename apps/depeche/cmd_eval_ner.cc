// depeche eval ner --format conll|europeana|hipe --data PATH [--model M | --lang L]:
// strict span + type micro P/R/F1 of the NER tagger, overall and per type (eval/ner_eval.h).
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>

#include "cli.h"
#include "eval/ner_eval.h"
#include "extract/ner_gazetteer.h"
#include "extract/ner_tagger.h"

#ifndef DEPECHE_DEFAULT_NER_MODEL_DIR
#define DEPECHE_DEFAULT_NER_MODEL_DIR ""
#endif

namespace depeche::cli {
namespace {

struct NerEvalFlags {
  std::string data;
  std::string format = "conll";
  std::string model;
  std::string lang;
  std::string slice = "0:1";
  std::string types;  // default: all, PER,ORG,LOC for hipe
  bool json = false;
};

nlohmann::json CountsJson(const eval::NerCounts& c) {
  return {{"precision", c.Precision()}, {"recall", c.Recall()}, {"f1", c.F1()}, {"gold", c.gold},
          {"guessed", c.guessed},       {"correct", c.correct}};
}

const char* kTypeTags[] = {"PER", "ORG", "LOC", "MISC"};

void RunNerEval(const NerEvalFlags& flags, Context& ctx) {
  auto format = eval::ParseNerFormat(flags.format);
  auto slice = eval::ParseNerSlice(flags.slice);
  const std::string types_text =
      !flags.types.empty()
          ? flags.types
          : (format.ok() && *format == eval::NerFormat::kHipe ? "PER,ORG,LOC" : "PER,ORG,LOC,MISC");
  auto types = eval::ParseNerTypes(types_text);
  if (!format.ok() || !slice.ok() || !types.ok()) {
    PrintError(!format.ok()  ? format.status().message()
               : !slice.ok() ? slice.status().message()
                             : types.status().message());
    ctx.exit_code = kExitUsage;
    return;
  }
  if (flags.model.empty() && flags.lang.empty()) {
    PrintError("give --model FILE or --lang L (the model the build trained for L)");
    ctx.exit_code = kExitUsage;
    return;
  }
  const std::string model_path = flags.model.empty() ? DefaultNerModel(flags.lang) : flags.model;
  auto model = extract::NerModel::Load(model_path);
  if (!model.ok()) {
    if (model.status().code() == StatusCode::kNotFound) {
      PrintError(model_path +
                 ": no NER model (configure with -DDEPECHE_TRAIN_MODELS=ON and build, or train "
                 "one with `depeche train ner`)");
      ctx.exit_code = kExitFailure;
      return;
    }
    Failed(model.status(), ctx);
    return;
  }
  // A model trained with the gazetteer features is scored with them (the data/ gazetteers).
  std::unique_ptr<extract::GazetteerNerHook> hook;
  if (model->Get("gazetteer") == extract::GazetteerNerHook::kName) {
    auto gazetteer = extract::Gazetteer::Load(DefaultDataDir());
    if (Failed(gazetteer.status(), ctx)) return;
    hook = std::make_unique<extract::GazetteerNerHook>(*gazetteer, model->Get("lang"));
  }
  if (Status s = extract::NerTagger::CheckGazetteer(*model, hook.get()); !s.ok()) {
    PrintError(model_path + ": " + std::string(s.message()));
    ctx.exit_code = ExitCodeFor(s);
    return;
  }
  std::optional<extract::NerTagger> tagger;
  tagger.emplace(std::move(model).value(), extract::NerTaggerOptions{.gazetteer = hook.get()});
  auto docs = eval::ReadNerData(flags.data, *format);
  if (Failed(docs.status(), ctx)) return;
  const std::vector<eval::NerGoldDocument> scored =
      eval::SliceSentences(std::move(docs).value(), slice->first, slice->second);
  const eval::NerEvalReport r = eval::EvaluateNer(*tagger, scored, *types);
  const double words_per_second = r.tag_seconds > 0 ? r.words / r.tag_seconds : 0.0;
  if (flags.json) {
    nlohmann::json overall = CountsJson(r.overall);
    nlohmann::json per_type = nlohmann::json::object();
    for (int t = 0; t < extract::kEntityTypes; ++t) {
      if ((*types >> t) & 1) per_type[kTypeTags[t]] = CountsJson(r.per_type[t]);
    }
    overall["per_type"] = per_type;
    overall["token_accuracy"] =
        r.words == 0 ? 0.0 : static_cast<double>(r.correct_labels) / r.words;
    nlohmann::json items = nlohmann::json::array();
    for (const eval::NerFileScore& item : r.items) {
      nlohmann::json j = CountsJson(item.counts);
      j["id"] = item.id;
      j["sentences"] = item.sentences;
      j["words"] = item.words;
      items.push_back(std::move(j));
    }
    PrintJson({{"task", "ner"},
               {"data", flags.data},
               {"format", flags.format},
               {"slice", flags.slice},
               {"model", model_path},
               {"model_lang", tagger->model().Get("lang")},
               {"documents", r.documents},
               {"sentences", r.sentences},
               {"words", r.words},
               {"tag_cpu_seconds", r.tag_seconds},
               {"words_per_cpu_second", words_per_second},
               {"overall", overall},
               {"items", items}});
    return;
  }
  std::printf("%s (%s, slice %s): %zu documents, %zu sentences, %zu words; model %s\n",
              flags.data.c_str(), flags.format.c_str(), flags.slice.c_str(), r.documents,
              r.sentences, r.words, model_path.c_str());
  Table t({"type", "precision", "recall", "F1", "gold", "found", "correct"});
  auto row = [&t](const std::string& name, const eval::NerCounts& c) {
    char b[3][16];
    std::snprintf(b[0], 16, "%.4f", c.Precision());
    std::snprintf(b[1], 16, "%.4f", c.Recall());
    std::snprintf(b[2], 16, "%.4f", c.F1());
    t.Add({name, b[0], b[1], b[2], std::to_string(c.gold), std::to_string(c.guessed),
           std::to_string(c.correct)});
  };
  for (int type = 0; type < extract::kEntityTypes; ++type) {
    if ((*types >> type) & 1) row(kTypeTags[type], r.per_type[type]);
  }
  row("overall", r.overall);
  t.Print(stdout);
  std::printf("tagging: %.2f CPU seconds, %.0f words per CPU second\n", r.tag_seconds,
              words_per_second);
}

}  // namespace

std::string DefaultNerModel(const std::string& lang) {
  std::string dir = DEPECHE_DEFAULT_NER_MODEL_DIR;
  if (const char* env = std::getenv("DEPECHE_NER_MODEL_DIR"); env != nullptr && *env != '\0') {
    dir = env;
  }
  return (dir.empty() ? std::string(".") : dir) + "/ner-" + lang + ".model";
}

void RegisterEvalNer(CLI::App& eval, Context& ctx) {
  auto flags = std::make_shared<NerEvalFlags>();
  CLI::App* cmd = eval.add_subcommand(
      "ner", "Named entities: strict span+type micro precision/recall/F1, per type (conlleval)");
  cmd->add_option("--data", flags->data, "Gold file or folder")
      ->required()
      ->check(CLI::ExistingPath);
  cmd->add_option("--format", flags->format, "conll | europeana | hipe");
  cmd->add_option("--model", flags->model, "Model file (default: the build's model for --lang)");
  cmd->add_option("--lang", flags->lang, "Language of the default model");
  cmd->add_option("--slice", flags->slice, "A:B: score that fraction of the sentences");
  cmd->add_option("--types", flags->types,
                  "Types scored (default PER,ORG,LOC,MISC; PER,ORG,LOC for hipe)");
  cmd->add_flag("--json", flags->json, "JSON output");
  cmd->callback([flags, &ctx] { RunNerEval(*flags, ctx); });
}

}  // namespace depeche::cli
