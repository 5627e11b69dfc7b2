// Training of the NER model: a structured averaged perceptron (Collins 2002) over BIO labels,
// decoded with the same constrained Viterbi as tagging. Deterministic: the sentence order of
// each epoch comes from a fixed-seed shuffle of our own (splitmix64 + Fisher-Yates, not
// std::shuffle, whose sequence differs between standard libraries), features are numbered in
// first-seen order, and the sums run in that order: same data and options, same model bytes.
#ifndef DEPECHE_EXTRACT_NER_TRAIN_H_
#define DEPECHE_EXTRACT_NER_TRAIN_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "depeche/status.h"
#include "extract/ner_features.h"
#include "extract/ner_labels.h"
#include "extract/ner_model.h"

namespace depeche::extract {

struct NerTrainingSentence {
  std::vector<std::string> words;
  std::vector<NerLabel> labels;  // BIO (IOB2), one per word
};

// Sentences of one document: document features see them together (ner_features.h).
struct NerTrainingDocument {
  std::vector<NerTrainingSentence> sentences;
};

struct NerTrainOptions {
  // Passes over the data. 10: on the CoNLL-2003 en dev split (val.conllu), F1 rises up to
  // about 8-10 epochs and stays flat after (docs/QUALITY.md, "Named entities").
  int epochs = 10;
  uint64_t seed = 1;  // of the per-epoch sentence shuffle
  // Features seen fewer times in the training data are dropped (smaller model, and a feature
  // seen once mostly memorises its sentence).
  int min_feature_count = 1;
  // 2: a second perceptron sees the first one's labels (AddPredictionFeatures), trained on
  // first-stage labels from `folds` jackknife models so that they are as wrong as at tagging
  // time. See docs/QUALITY.md for what it changes on the dev splits.
  int stages = 2;
  int folds = 4;
  const NerGazetteerHook* gazetteer = nullptr;  // optional; its Name() goes in the header
  NerModel::Header header;                      // lang, provenance...: copied into the model
  // Called after each epoch of the last stage with the epoch (1-based) and the training word
  // accuracy of that pass (before averaging). Optional.
  std::function<void(int, double)> progress;
};

// Trains a model on `documents`. InvalidArgument when there is no sentence, a sentence has
// as many labels as words, or a label sequence breaks BIO (I-X after O: convert IOB1 first).
Result<NerModel> TrainNerModel(const std::vector<NerTrainingDocument>& documents,
                               const NerTrainOptions& options);

}  // namespace depeche::extract

#endif  // DEPECHE_EXTRACT_NER_TRAIN_H_
