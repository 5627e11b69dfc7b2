// The NER models the build trains (DEPECHE_TRAIN_MODELS, cmake/NerModels.cmake) score above
// a floor on data they were not trained on. Skipped when a model or its data is absent (the
// asan build trains none). The floors sit a few points under the figures of docs/QUALITY.md,
// so the test fails on a real regression, not on noise.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "eval/ner_datasets.h"
#include "eval/ner_eval.h"
#include "extract/ner_gazetteer.h"
#include "extract/ner_tagger.h"

namespace depeche::eval {
namespace {

void ExpectFloor(const std::string& model, const std::string& data, double from, double to,
                 double floor) {
  if (!std::filesystem::exists(model)) GTEST_SKIP() << model << " not built";
  if (!std::filesystem::exists(data)) GTEST_SKIP() << data << " absent";
  // The build's models learn the gazetteer features; they are scored with them.
  static const auto gazetteer = extract::Gazetteer::Load(DEPECHE_SOURCE_DIR "/data");
  ASSERT_TRUE(gazetteer.ok()) << gazetteer.status().ToString();
  auto loaded = extract::NerModel::Load(model);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  extract::GazetteerNerHook hook(*gazetteer, loaded->Get("lang"));
  EXPECT_EQ(loaded->Get("gazetteer"), extract::GazetteerNerHook::kName);
  auto tagger = extract::NerTagger::Load(model, {.gazetteer = &hook});
  ASSERT_TRUE(tagger.ok()) << tagger.status().ToString();
  auto docs = ReadNerData(data, NerFormat::kConll);
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  NerEvalReport report = EvaluateNer(*tagger, SliceSentences(std::move(docs).value(), from, to));
  EXPECT_GT(report.overall.gold, 1000u);
  EXPECT_GE(report.overall.F1(), floor) << data;
}

const std::string kModels = DEPECHE_NER_MODEL_DIR;
const std::string kData = DEPECHE_SHARED_DIR "/data/wikineural/data";

// Trained on CoNLL-2003 en train; scored on the dev split (val.conllu).
TEST(NerModelIntegrationTest, EnglishOnConllDev) {
  ExpectFloor(kModels + "/ner-en.model", kData + "/conll/en/val.conllu", 0, 1, 0.88);
}

// Trained on the first 80% of WikiNEuRal fr val.conllu; scored on the rest.
TEST(NerModelIntegrationTest, FrenchOnWikiNeuralHeldOutPart) {
  ExpectFloor(kModels + "/ner-fr.model", kData + "/wikineural/fr/val.conllu", 0.8, 1, 0.82);
}

}  // namespace
}  // namespace depeche::eval
