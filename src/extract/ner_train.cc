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

// The training set as flat arrays: sentence s has words [first[s], first[s + 1]); word t has
// feature rows rows[offsets[t], offsets[t + 1]).
struct Flat {
  std::vector<uint32_t> first = {0};
  std::vector<uint64_t> offsets = {0};
  std::vector<uint32_t> rows;
  std::vector<NerLabel> labels;
  std::vector<uint64_t> keys;  // feature hash of each row
};

Result<Flat> Flatten(const std::vector<NerTrainingDocument>& documents,
                     const NerTrainOptions& options) {
  // Pass 1: features of every word (hashes), and their counts.
  std::vector<uint64_t> hashes;
  std::vector<uint64_t> offsets = {0};
  std::unordered_map<uint64_t, uint32_t> counts;
  Flat flat;
  size_t sentence_index = 0;
  for (const NerTrainingDocument& doc : documents) {
    std::vector<std::vector<std::string_view>> words;
    words.reserve(doc.sentences.size());
    for (const NerTrainingSentence& s : doc.sentences) {
      ++sentence_index;
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
      words.emplace_back(s.words.begin(), s.words.end());
    }
    std::vector<NerSentenceFeatures> features = ExtractNerFeatures(words, options.gazetteer);
    for (size_t s = 0; s < features.size(); ++s) {
      if (features[s].size() == 0) continue;
      for (size_t i = 0; i < features[s].size(); ++i) {
        for (uint64_t h : features[s].Word(i)) {
          hashes.push_back(h);
          ++counts[h];
        }
        offsets.push_back(hashes.size());
      }
      flat.labels.insert(flat.labels.end(), doc.sentences[s].labels.begin(),
                         doc.sentences[s].labels.end());
      flat.first.push_back(static_cast<uint32_t>(flat.labels.size()));
    }
  }
  if (flat.first.size() < 2) return InvalidArgumentError("no training sentence");
  // Pass 2: rows numbered in first-seen order, rare features dropped.
  std::unordered_map<uint64_t, uint32_t> row_of;
  row_of.reserve(counts.size());
  flat.rows.reserve(hashes.size());
  for (size_t t = 0; t + 1 < offsets.size(); ++t) {
    for (size_t k = offsets[t]; k < offsets[t + 1]; ++k) {
      const uint64_t h = hashes[k];
      if (counts[h] < static_cast<uint32_t>(options.min_feature_count)) continue;
      auto [it, inserted] = row_of.emplace(h, static_cast<uint32_t>(row_of.size()));
      flat.rows.push_back(it->second);
    }
    flat.offsets.push_back(flat.rows.size());
  }
  flat.keys.resize(row_of.size());
  for (const auto& [h, row] : row_of) flat.keys[row] = h;
  return flat;
}

}  // namespace

Result<NerModel> TrainNerModel(const std::vector<NerTrainingDocument>& documents,
                               const NerTrainOptions& options) {
  DEPECHE_ASSIGN_OR_RETURN(Flat flat, Flatten(documents, options));
  const size_t rows = flat.keys.size();
  const size_t sentences = flat.first.size() - 1;
  std::vector<float> weights(rows * kNerLabels, 0.0f);
  std::vector<double> weight_sums(rows * kNerLabels, 0.0);  // sum of c * update
  std::vector<float> transitions(kTransitionRows * kNerLabels, 0.0f);
  std::vector<double> transition_sums(kTransitionRows * kNerLabels, 0.0);
  std::vector<uint32_t> order(sentences);
  for (uint32_t s = 0; s < sentences; ++s) order[s] = s;
  uint64_t rng = options.seed;
  double c = 1.0;  // updates so far + 1: the averaging clock
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
    if (options.progress) {
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
  NerModel::Header header = options.header;
  header["epochs"] = std::to_string(options.epochs);
  header["seed"] = std::to_string(options.seed);
  header["sentences"] = std::to_string(sentences);
  header["words"] = std::to_string(flat.labels.size());
  header["features"] = std::to_string(rows);
  header["min_feature_count"] = std::to_string(options.min_feature_count);
  if (options.gazetteer != nullptr) header["gazetteer"] = std::string(options.gazetteer->Name());
  return NerModel(std::move(header), std::move(flat.keys), std::move(weights),
                  std::move(transitions));
}

}  // namespace depeche::extract
