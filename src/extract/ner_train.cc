#include "extract/ner_train.h"

#include <string_view>
#include <unordered_map>

namespace depeche::extract {
namespace {

uint64_t SplitMix64(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

void Shuffle(std::vector<uint32_t>& order, uint64_t& state) {
  for (size_t i = order.size(); i > 1; --i) {
    const size_t j = SplitMix64(state) % i;
    std::swap(order[i - 1], order[j]);
  }
}

// A document's words as views, and its features.
struct DocData {
  std::vector<std::vector<std::string_view>> words;
  std::vector<NerSentenceFeatures> features;
};

// A training set as flat arrays: sentence s has words [first[s], first[s + 1]); word t has
// feature rows rows[offsets[t], offsets[t + 1]); keys[row] is the feature hash of a row.
struct Flat {
  std::vector<uint32_t> first = {0};
  std::vector<uint64_t> offsets = {0};
  std::vector<uint32_t> rows;
  std::vector<NerLabel> labels;
  std::vector<uint64_t> keys;
};

// Flattens the documents listed in `docs` (indices into `data`), rows numbered in first-seen
// order, features seen fewer than `min_count` times dropped.
Flat Flatten(const std::vector<DocData>& data, const std::vector<NerTrainingDocument>& gold,
             const std::vector<size_t>& docs, int min_count) {
  std::unordered_map<uint64_t, uint32_t> counts;
  for (size_t d : docs) {
    for (const NerSentenceFeatures& f : data[d].features) {
      for (uint64_t h : f.hashes) ++counts[h];
    }
  }
  Flat flat;
  std::unordered_map<uint64_t, uint32_t> row_of;
  row_of.reserve(counts.size());
  for (size_t d : docs) {
    for (size_t s = 0; s < data[d].features.size(); ++s) {
      const NerSentenceFeatures& f = data[d].features[s];
      if (f.size() == 0) continue;
      for (size_t i = 0; i < f.size(); ++i) {
        for (uint64_t h : f.Word(i)) {
          if (counts[h] < static_cast<uint32_t>(min_count)) continue;
          auto [it, inserted] = row_of.emplace(h, static_cast<uint32_t>(row_of.size()));
          if (inserted) flat.keys.push_back(h);
          flat.rows.push_back(it->second);
        }
        flat.offsets.push_back(flat.rows.size());
      }
      const std::vector<NerLabel>& labels = gold[d].sentences[s].labels;
      flat.labels.insert(flat.labels.end(), labels.begin(), labels.end());
      flat.first.push_back(static_cast<uint32_t>(flat.labels.size()));
    }
  }
  return flat;
}

// The averaged structured perceptron over `flat`. `pass` tells progress which stage runs.
NerStage TrainPerceptron(Flat flat, const NerTrainOptions& options, bool report) {
  const size_t rows = flat.keys.size();
  const size_t sentences = flat.first.size() - 1;
  std::vector<float> weights(rows * kNerLabels, 0.0f);
  std::vector<double> weight_sums(rows * kNerLabels, 0.0);  // sum of c * update
  std::vector<float> transitions(kTransitionRows * kNerLabels, 0.0f);
  std::vector<double> transition_sums(kTransitionRows * kNerLabels, 0.0);
  std::vector<uint32_t> order(sentences);
  for (uint32_t s = 0; s < sentences; ++s) order[s] = s;
  uint64_t rng = options.seed;
  double c = 1.0;  // sentences seen + 1: the averaging clock
  std::vector<float> emissions;
  std::vector<NerLabel> predicted;

  auto update_word = [&](size_t t, NerLabel label, float delta) {
    for (size_t k = flat.offsets[t]; k < flat.offsets[t + 1]; ++k) {
      const size_t at = static_cast<size_t>(flat.rows[k]) * kNerLabels + label;
      weights[at] += delta;
      weight_sums[at] += c * delta;
    }
  };
  auto update_transition = [&](int previous, NerLabel label, float delta) {
    const size_t at =
        static_cast<size_t>(previous < 0 ? kNerLabels : previous) * kNerLabels + label;
    transitions[at] += delta;
    transition_sums[at] += c * delta;
  };

  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    Shuffle(order, rng);
    size_t correct = 0, total = 0;
    for (uint32_t s : order) {
      const size_t begin = flat.first[s], end = flat.first[s + 1], n = end - begin;
      emissions.assign(n * kNerLabels, 0.0f);
      for (size_t i = 0; i < n; ++i) {
        float* e = &emissions[i * kNerLabels];
        for (size_t k = flat.offsets[begin + i]; k < flat.offsets[begin + i + 1]; ++k) {
          const float* w = &weights[static_cast<size_t>(flat.rows[k]) * kNerLabels];
          for (int l = 0; l < kNerLabels; ++l) e[l] += w[l];
        }
      }
      ViterbiDecode(emissions, transitions, predicted);
      const NerLabel* gold = &flat.labels[begin];
      for (size_t i = 0; i < n; ++i) {
        total++;
        if (predicted[i] == gold[i]) {
          correct++;
        } else {
          update_word(begin + i, gold[i], 1.0f);
          update_word(begin + i, predicted[i], -1.0f);
        }
        const int gold_prev = i == 0 ? -1 : gold[i - 1];
        const int pred_prev = i == 0 ? -1 : predicted[i - 1];
        if (gold_prev != pred_prev || gold[i] != predicted[i]) {
          update_transition(gold_prev, gold[i], 1.0f);
          update_transition(pred_prev, predicted[i], -1.0f);
        }
      }
      c += 1.0;
    }
    if (report && options.progress) {
      options.progress(epoch, total == 0 ? 0.0 : static_cast<double>(correct) / total);
    }
  }
  // Averaged weights: w - sum(c * update) / c.
  for (size_t i = 0; i < weights.size(); ++i) {
    weights[i] = static_cast<float>(weights[i] - weight_sums[i] / c);
  }
  for (size_t i = 0; i < transitions.size(); ++i) {
    transitions[i] = static_cast<float>(transitions[i] - transition_sums[i] / c);
  }
  return {std::move(flat.keys), std::move(weights), std::move(transitions)};
}

// First-stage labels of a document's sentences under `model`.
std::vector<std::vector<NerLabel>> DecodeStage(const NerModel& model, size_t stage,
                                               const std::vector<NerSentenceFeatures>& features) {
  std::vector<std::vector<NerLabel>> labels(features.size());
  std::vector<float> emissions;
  for (size_t s = 0; s < features.size(); ++s) {
    const size_t n = features[s].size();
    emissions.assign(n * kNerLabels, 0.0f);
    for (size_t i = 0; i < n; ++i) {
      model.AddScores(stage, features[s].Word(i), &emissions[i * kNerLabels]);
    }
    ViterbiDecode(emissions, model.transitions(stage), labels[s]);
  }
  return labels;
}

Status Validate(const std::vector<NerTrainingDocument>& documents) {
  size_t sentence_index = 0, words = 0;
  for (const NerTrainingDocument& doc : documents) {
    for (const NerTrainingSentence& s : doc.sentences) {
      ++sentence_index;
      words += s.words.size();
      if (s.words.size() != s.labels.size()) {
        return InvalidArgumentError("training sentence " + std::to_string(sentence_index) +
                                    " has " + std::to_string(s.words.size()) + " words and " +
                                    std::to_string(s.labels.size()) + " labels");
      }
      for (size_t i = 0; i < s.labels.size(); ++i) {
        if (s.labels[i] >= kNerLabels ||
            !AllowedTransition(i == 0 ? -1 : s.labels[i - 1], s.labels[i])) {
          return InvalidArgumentError("training sentence " + std::to_string(sentence_index) +
                                      " word " + std::to_string(i + 1) +
                                      ": label breaks BIO (I- without its B-)");
        }
      }
    }
  }
  if (words == 0) return InvalidArgumentError("no training sentence");
  return Status::Ok();
}

}  // namespace

Result<NerModel> TrainNerModel(const std::vector<NerTrainingDocument>& documents,
                               const NerTrainOptions& options) {
  DEPECHE_RETURN_IF_ERROR(Validate(documents));
  if (options.stages < 1 || options.stages > 2 || options.folds < 2) {
    return InvalidArgumentError("NER training takes 1 or 2 stages and at least 2 folds");
  }
  std::vector<DocData> data(documents.size());
  std::vector<size_t> all(documents.size());
  for (size_t d = 0; d < documents.size(); ++d) {
    all[d] = d;
    for (const NerTrainingSentence& s : documents[d].sentences) {
      data[d].words.emplace_back(s.words.begin(), s.words.end());
    }
    data[d].features = ExtractNerFeatures(data[d].words, options.gazetteer);
  }
  std::vector<NerStage> stages;
  stages.push_back(TrainPerceptron(Flatten(data, documents, all, options.min_feature_count),
                                   options, options.stages == 1));
  if (options.stages == 2) {
    // Jackknife: the first-stage labels the second stage learns from come from models that
    // did not see the document (as at tagging time), fold = document index mod folds.
    std::vector<std::vector<std::vector<NerLabel>>> first(documents.size());
    for (int fold = 0; fold < options.folds; ++fold) {
      std::vector<size_t> train, held;
      for (size_t d = 0; d < documents.size(); ++d) {
        (static_cast<int>(d % options.folds) == fold ? held : train).push_back(d);
      }
      if (held.empty()) continue;
      NerModel fold_model({}, {train.empty() ? NerStage{}
                                             : TrainPerceptron(Flatten(data, documents, train,
                                                                       options.min_feature_count),
                                                               options, false)});
      for (size_t d : held) first[d] = DecodeStage(fold_model, 0, data[d].features);
    }
    for (size_t d = 0; d < documents.size(); ++d) {
      AddPredictionFeatures(data[d].words, first[d], data[d].features);
    }
    stages.push_back(
        TrainPerceptron(Flatten(data, documents, all, options.min_feature_count), options, true));
  }
  size_t sentences = 0, words = 0;
  for (const NerTrainingDocument& doc : documents) {
    sentences += doc.sentences.size();
    for (const NerTrainingSentence& s : doc.sentences) words += s.words.size();
  }
  NerModel::Header header = options.header;
  header["epochs"] = std::to_string(options.epochs);
  header["seed"] = std::to_string(options.seed);
  header["stages"] = std::to_string(options.stages);
  if (options.stages == 2) header["folds"] = std::to_string(options.folds);
  header["sentences"] = std::to_string(sentences);
  header["words"] = std::to_string(words);
  header["min_feature_count"] = std::to_string(options.min_feature_count);
  if (options.gazetteer != nullptr) header["gazetteer"] = std::string(options.gazetteer->Name());
  NerModel model(std::move(header), std::move(stages));
  return model;
}

}  // namespace depeche::extract
