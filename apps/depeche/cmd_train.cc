// depeche train ner --lang L --format F --data FILE... --out MODEL: trains the NER tagger's
// model (averaged perceptron, src/extract/ner_train.h) on gold data, deterministically, and
// writes MODEL plus MODEL.provenance.txt (what it was trained on, hashes of the data files).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "cli.h"
#include "core/hash.h"
#include "eval/ner_datasets.h"
#include "extract/ner_gazetteer.h"
#include "extract/ner_train.h"

namespace depeche::cli {
namespace {

struct TrainFlags {
  std::string lang;
  std::string format = "conll";
  std::vector<std::string> data;
  std::string out;
  std::string slice = "0:1";
  std::string licence;
  int epochs = 10;
  uint64_t seed = 1;
  int min_count = 1;
  bool no_gazetteer = false;
};

// "name (bytes, xxh3 hex)" for a data file; folders list their size only.
std::string DescribeData(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return fs::path(path).filename().string() + " (folder)";
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  const std::string content = bytes.str();
  return fs::path(path).filename().string() + " (" + std::to_string(content.size()) +
         " bytes, xxh3 " + core::Hex64(core::Hash64(content)) + ")";
}

void RunTrainNer(const TrainFlags& flags, Context& ctx) {
  auto format = eval::ParseNerFormat(flags.format);
  auto slice = eval::ParseNerSlice(flags.slice);
  if (!format.ok() || !slice.ok()) {
    PrintError(!format.ok() ? format.status().message() : slice.status().message());
    ctx.exit_code = kExitUsage;
    return;
  }
  std::vector<extract::NerTrainingDocument> docs;
  std::string sources;
  size_t sentences = 0;
  for (std::string path : flags.data) {
    // "europeana:FILE" reads FILE in that format instead of --format.
    eval::NerFormat file_format = *format;
    if (const size_t colon = path.find(':'); colon != std::string::npos) {
      if (auto f = eval::ParseNerFormat(path.substr(0, colon)); f.ok()) {
        file_format = *f;
        path = path.substr(colon + 1);
      }
    }
    auto read = eval::ReadNerData(path, file_format);
    if (Failed(read.status(), ctx)) return;
    for (eval::NerGoldDocument& d :
         eval::SliceSentences(std::move(read).value(), slice->first, slice->second)) {
      extract::NerTrainingDocument doc;
      for (eval::NerGoldSentence& s : d.sentences) {
        doc.sentences.push_back({std::move(s.words), std::move(s.labels)});
        ++sentences;
      }
      docs.push_back(std::move(doc));
    }
    if (!sources.empty()) sources += "; ";
    sources += DescribeData(path);
  }
  std::fprintf(stderr, "depeche: training on %zu sentences in %zu documents\n", sentences,
               docs.size());
  extract::NerTrainOptions options;
  options.epochs = flags.epochs;
  options.seed = flags.seed;
  options.min_feature_count = flags.min_count;
  options.header["lang"] = flags.lang;
  options.header["format"] = flags.format;
  options.header["data"] = sources;
  options.header["slice"] = flags.slice;
  options.header["licence"] = flags.licence.empty() ? "that of the training data" : flags.licence;
  options.header["provenance"] =
      "depeche train ner (averaged perceptron, src/extract/ner_train.h) on the data above";
  options.progress = [](int epoch, double accuracy) {
    std::fprintf(stderr, "depeche: epoch %d, training word accuracy %.4f\n", epoch, accuracy);
  };
  // Gazetteer features (extract/ner_gazetteer.h) from the data/ gazetteers, unless refused.
  std::unique_ptr<extract::GazetteerNerHook> hook;
  if (!flags.no_gazetteer) {
    auto gazetteer = extract::Gazetteer::Load(DefaultDataDir());
    if (Failed(gazetteer.status(), ctx)) return;
    hook = std::make_unique<extract::GazetteerNerHook>(*gazetteer, flags.lang);
    options.gazetteer = hook.get();
  }
  auto model = extract::TrainNerModel(docs, options);
  if (Failed(model.status(), ctx)) return;
  if (Failed(model->Save(flags.out), ctx)) return;
  std::ofstream prov(flags.out + ".provenance.txt", std::ios::trunc);
  prov << "NER model " << std::filesystem::path(flags.out).filename().string()
       << " (depeche train ner)\n";
  for (const auto& [key, value] : model->header()) prov << key << ": " << value << "\n";
  if (!prov) {
    PrintError(flags.out + ".provenance.txt: write failed");
    ctx.exit_code = kExitFailure;
    return;
  }
  std::fprintf(stderr, "depeche: wrote %s (%zu features)\n", flags.out.c_str(), model->rows());
}

}  // namespace

void RegisterTrain(CLI::App& app, Context& ctx) {
  CLI::App* train = app.add_subcommand("train", "Train a model of the engine on gold data");
  train->require_subcommand(1);
  auto flags = std::make_shared<TrainFlags>();
  CLI::App* ner = train->add_subcommand(
      "ner", "Named-entity tagger (averaged perceptron over BIO labels); deterministic");
  ner->add_option("--lang", flags->lang, "Language of the data (ISO 639-1: fr, en, de, es...)")
      ->required();
  ner->add_option("--format", flags->format, "conll | europeana | hipe");
  ner->add_option("--data", flags->data,
                  "Gold files or folders; FORMAT:PATH reads one in another format than --format")
      ->required();
  ner->add_option("--out", flags->out, "Model file to write")->required();
  ner->add_option("--epochs", flags->epochs, "Passes over the data")->check(CLI::Range(1, 100));
  ner->add_option("--slice", flags->slice,
                  "A:B: train on that fraction of the sentences (0:0.8 keeps 0.8:1 to score on)");
  ner->add_option("--seed", flags->seed, "Seed of the sentence order");
  ner->add_option("--min-count", flags->min_count, "Drop features seen fewer times")
      ->check(CLI::Range(1, 1000));
  ner->add_flag("--no-gazetteer", flags->no_gazetteer,
                "Train without the gazetteer features (the model then tags without them)");
  ner->add_option("--licence", flags->licence, "Licence of the model (that of its data)");
  ner->callback([flags, &ctx] { RunTrainNer(*flags, ctx); });
}

}  // namespace depeche::cli
