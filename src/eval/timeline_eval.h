// depeche's timelines of ML-Crisis topics scored as timeline summarisation (TLS) is scored
// (issue 13): each document read as ingest reads an article (engine::Analyzer: cleaning,
// language, sentences, boilerplate, temporal expressions resolved against the folder's day),
// then story::TimelineBuilder over the topic's documents with as many dates as the reference
// timeline has and its mean number of sentences per date (rounded, at least 1), the standard
// TLS setting (Martschat & Markert 2018; Ghalandari & Ifrim 2020).
//
// Measures per topic, then their mean over the topics:
//  - date precision, recall and F1: the timeline's dates against the reference's, at day
//    granularity. The builder is asked for days only (its week, month and year weights set to
//    0): a week or a month cannot be one reference day, so such an entry, if any, would count
//    as a date that matches none;
//  - concatenated ROUGE-1 and ROUGE-2 F (alignment-free, as tilse's "concat"): every line of
//    the timeline against every sentence of the reference, one summary each. Both sides are
//    folded first (text::Fold: lower case, Latin accents stripped) because ROUGE-1.5.5's
//    tokenizer (eval/rouge.h) splits words at every non-ASCII byte; no stemming (ROUGE's
//    stemmer is English), no stop words, no length limit.
// Thread-compatible: one evaluation at a time per MlCrisisTimelines.
#ifndef DEPECHE_EVAL_TIMELINE_EVAL_H_
#define DEPECHE_EVAL_TIMELINE_EVAL_H_

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "depeche/status.h"
#include "engine/analyzer.h"
#include "eval/mlcrisis_reader.h"
#include "eval/rouge.h"
#include "story/timeline.h"

namespace depeche::eval {

struct TimelineTopicScores {
  std::string topic;
  size_t documents = 0;        // read (the analyzer refuses empty ones)
  size_t reference_dates = 0;  // distinct days
  size_t reference_sentences = 0;
  size_t sentences_per_date = 0;  // asked of the builder
  size_t dates = 0;               // distinct days of the timeline
  size_t lines = 0;               // its entries
  size_t matched_dates = 0;       // its days that are reference days
  double date_precision = 0;
  double date_recall = 0;
  double date_f1 = 0;
  RougePrf rouge1;  // concatenated, against the whole reference
  RougePrf rouge2;
  double build_ms = 0;  // TimelineBuilder::Build alone (wall clock)
};

struct TimelineEvalResult {
  std::string lang;  // the language folder's name
  std::vector<TimelineTopicScores> topics;
  // Means over the topics.
  double date_precision = 0;
  double date_recall = 0;
  double date_f1 = 0;
  double rouge1_f = 0;
  double rouge2_f = 0;
};

struct TimelineEvalOptions {
  story::TimelineOptions timeline;  // dates and sentences_per_date are set per topic
  // Only dates within the reference timeline's first and last days (as TLS evaluations
  // restrict the input to the reference's span).
  bool reference_span = true;
  size_t max_topics = 0;  // 0: all
};

class MlCrisisTimelines {
 public:
  // Errors: Analyzer::Create's and TimelineBuilder::Create's.
  static Result<std::unique_ptr<MlCrisisTimelines>> Create(const std::string& data_dir);

  // The topic's documents as the analyzer reads them (`lang`: the declared language), in the
  // topic's order; documents it refuses are left out.
  std::vector<Article> Analyze(const MlCrisisTopic& topic, const std::string& lang) const;

  // The scores of one topic's timeline built from `articles` (Analyze's).
  TimelineTopicScores Score(const MlCrisisTopic& topic, const std::vector<Article>& articles,
                            const TimelineEvalOptions& options) const;

  // Every topic of `lang_dir` (ml-crisis-timelines/<lang>), the language its folder name.
  // `progress` (may be empty) hears each topic's name before it is read. Errors: ReadMlCrisis's;
  // NotFound when the folder has no topic.
  Result<TimelineEvalResult> Evaluate(
      const std::filesystem::path& lang_dir, const TimelineEvalOptions& options,
      const std::function<void(const std::string&)>& progress = {}) const;

 private:
  MlCrisisTimelines() = default;
  std::unique_ptr<engine::Analyzer> analyzer_;
  std::unique_ptr<story::TimelineBuilder> builder_;
};

// Date P/R/F1 of `system` days against `reference` days (each list's distinct values).
void ScoreDates(const std::vector<std::string>& system, const std::vector<std::string>& reference,
                TimelineTopicScores& scores);

// Concatenated ROUGE-1 and ROUGE-2 of `system` lines against `reference` sentences, folded,
// unstemmed, without a length limit (see above).
std::pair<RougePrf, RougePrf> ConcatRouge(const std::vector<std::string>& system,
                                          const std::vector<std::string>& reference);

}  // namespace depeche::eval

#endif  // DEPECHE_EVAL_TIMELINE_EVAL_H_
