// A trained NER model: one or two stages, each a perceptron with one weight row (kNerLabels
// weights) per feature hash plus the label transition weights; and the metadata that says
// where it came from. The second stage, when present, sees the first stage's labels as
// features (ner_features.h, AddPredictionFeatures).
//
// File format (version 2, little-endian, written by Save, read by Load):
//   "DEPECHE-NER 2\n", then header lines "key: value\n" (lang, provenance, gazetteer, ...;
//   values hold no newline), then an empty line; then u32 labels (= kNerLabels), u32 stages;
//   then per stage: u32 rows, f32 scale, kTransitionRows * kNerLabels f32 transitions, then
//   per row (sorted by key): u64 feature hash and kNerLabels i16 weights (= i16 * scale).
// Weights are quantised to 16 bits (the largest |w| maps to 32767): a tenth of a percent of
// the largest weight, far below what changes a decision (docs/QUALITY.md compares the scores
// of a model before and after a save/load round trip).
#ifndef DEPECHE_EXTRACT_NER_MODEL_H_
#define DEPECHE_EXTRACT_NER_MODEL_H_

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "depeche/status.h"
#include "extract/ner_decode.h"
#include "extract/ner_labels.h"

namespace depeche::extract {

// One perceptron: `keys` are distinct feature hashes; `weights` has keys.size() * kNerLabels
// values (row i for keys[i]); `transitions` has kTransitionRows * kNerLabels values.
struct NerStage {
  std::vector<uint64_t> keys;
  std::vector<float> weights;
  std::vector<float> transitions;
};

class NerModel {
 public:
  // Free-form metadata kept in the header: "lang" (ISO 639-1), "provenance" (training data,
  // licence), "gazetteer" (NerGazetteerHook::Name of the training hook, or absent), and what
  // the trainer adds (epochs, seed, sentences).
  using Header = std::map<std::string, std::string>;

  NerModel() = default;
  // One stage or two (more are refused by Save).
  NerModel(Header header, std::vector<NerStage> stages);
  // A one-stage model.
  NerModel(Header header, std::vector<uint64_t> keys, std::vector<float> weights,
           std::vector<float> transitions);

  // Reads a model file. NotFound when `path` does not exist (the engine then runs without a
  // tagger and says so); DataLoss naming the path when it is not a valid model file.
  static Result<NerModel> Load(const std::string& path);
  // Writes the model (quantised, see above) to `path`, replacing it. Rows whose weights all
  // quantise to zero are left out. Deterministic: same model, same bytes.
  Status Save(const std::string& path) const;

  const Header& header() const { return header_; }
  // The header value for `key`, or "".
  std::string Get(const std::string& key) const;
  std::string_view lang() const;
  size_t stages() const { return stages_.size(); }
  // Feature rows over all stages.
  size_t rows() const;
  std::span<const float> transitions(size_t stage) const { return stages_[stage].transitions; }

  // Adds the weights in stage `stage` of each known feature of `features` to `scores`
  // (kNerLabels values); unknown features add nothing. Thread-safe (const).
  void AddScores(size_t stage, std::span<const uint64_t> features, float* scores) const;

 private:
  struct Table {
    std::vector<uint64_t> keys;
    std::vector<float> weights;
    std::vector<float> transitions;
    // Open addressing (linear probing) from feature hash to row; slot_keys 0 = empty (a hash
    // of 0 is stored as 1: one feature in 2^64 shares a row).
    std::vector<uint64_t> slot_keys;
    std::vector<uint32_t> slot_rows;
    uint64_t mask = 0;
  };
  static Table BuildTable(NerStage stage);

  Header header_;
  std::vector<Table> stages_;
};

}  // namespace depeche::extract

#endif  // DEPECHE_EXTRACT_NER_MODEL_H_
