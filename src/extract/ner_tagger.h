// The NER tagger: a trained NerModel (ner_model.h) applied to an article's title and text,
// giving Mentions with byte spans. Words come from NerTokenize; features from
// ExtractNerFeatures over the whole article (title first), so document evidence counts;
// labels from the constrained Viterbi decoder.
//
// Post-filter: a one-word name that is a month or weekday name of the model's language
// (text::CalendarWords: "August", "Tuesday", "Mars") is never a name on its own; it is dropped
// (names that contain one, "Tuesday Weld", stay).
//
// Mention::score is 1: the perceptron gives no calibrated confidence.
//
// Thread safety: every const method may run concurrently (the analysis worker pool shares one
// tagger per language). The tagger owns its model; a gazetteer hook is borrowed.
#ifndef DEPECHE_EXTRACT_NER_TAGGER_H_
#define DEPECHE_EXTRACT_NER_TAGGER_H_

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "depeche/article.h"
#include "depeche/status.h"
#include "extract/entity.h"
#include "extract/ner_features.h"
#include "extract/ner_labels.h"
#include "extract/ner_model.h"

namespace depeche::extract {

struct NerTaggerOptions {
  // Gazetteer evidence: the hook the model was trained with (the model's "gazetteer" header
  // names it; see CheckGazetteer). Ignored for a model trained without one. Not owned; must
  // outlive the tagger. May be null.
  const NerGazetteerHook* gazetteer = nullptr;
  // Drop one-word names that are calendar words (see above).
  bool drop_calendar_words = true;
};

class NerTagger {
 public:
  // The caller checks the hook first (CheckGazetteer); a hook the model was not trained with
  // is not used.
  explicit NerTagger(NerModel model, NerTaggerOptions options = {});

  // Loads the model at `path`. NotFound when there is no such file: callers run without a
  // statistical tagger then (gazetteers alone) and say so; DataLoss when the file is corrupt;
  // FailedPrecondition from CheckGazetteer.
  static Result<NerTagger> Load(const std::string& path, NerTaggerOptions options = {});

  // Ok when `hook` is the one `model` was trained with (same Name), or when the model was
  // trained without one (a given hook is then ignored). FailedPrecondition naming both
  // otherwise: a model trained with a gazetteer hook and tagging without it (or with another
  // one) would lose or misread that evidence silently.
  static Status CheckGazetteer(const NerModel& model, const NerGazetteerHook* hook);

  const NerModel& model() const { return model_; }

  // Labels for a document given as sentences of words (gold tokenisation, for evaluation and
  // for callers with their own tokens): one label per word, a valid BIO sequence per sentence.
  std::vector<std::vector<NerLabel>> TagWords(
      const std::vector<std::vector<std::string_view>>& sentences) const;

  // Mentions in `title` (in_title) then `text`, in text order; spans are bytes into each.
  // `lang` picks the tokenizer rules (the model's language when empty or "und").
  std::vector<Mention> Tag(std::string_view title, std::string_view text,
                           std::string_view lang) const;
  std::vector<Mention> Tag(const Article& article) const {
    return Tag(article.title, article.text, article.lang);
  }

 private:
  void FilterCalendarWords(const std::vector<std::string_view>& words,
                           std::vector<NerLabel>& labels) const;

  NerModel model_;
  NerTaggerOptions options_;
  std::unordered_set<std::string> calendar_words_;
};

// Labels -> (first word, last word + 1, type) for each B-X I-X* chunk of a valid BIO sequence.
struct NerChunk {
  size_t begin = 0;
  size_t end = 0;
  EntityType type = EntityType::kMisc;
  friend bool operator==(const NerChunk&, const NerChunk&) = default;
};
std::vector<NerChunk> NerChunks(const std::vector<NerLabel>& labels);

}  // namespace depeche::extract

#endif  // DEPECHE_EXTRACT_NER_TAGGER_H_
