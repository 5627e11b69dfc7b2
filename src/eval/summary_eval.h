// depeche's summaries of DUC topics: each document read as ingest reads an article
// (engine::Analyzer: cleaning, language, sentences, boilerplate), then story::Summarizer over
// the topic's documents focused on the topic's statement, the lines as the summary (issue 13). For
// eval::ScoreDucSystem.
#ifndef DEPECHE_EVAL_SUMMARY_EVAL_H_
#define DEPECHE_EVAL_SUMMARY_EVAL_H_

#include <memory>
#include <string>
#include <vector>

#include "depeche/status.h"
#include "engine/analyzer.h"
#include "eval/duc_reader.h"
#include "story/summarizer.h"

namespace depeche::eval {

class DucSummarizer {
 public:
  // Errors: Analyzer::Create's and Summarizer::Create's.
  // `use_query`: the topic's statement (title and narrative, when read) is the summaries'
  // query (SummaryOptions::query); false: generic summaries.
  static Result<std::unique_ptr<DucSummarizer>> Create(const std::string& data_dir,
                                                       story::SummaryOptions options,
                                                       bool use_query = true);
  // The summary of `topic`: its documents (English, headline as title, paragraphs as text,
  // in the order of their DATE_TIME) summarized, focused on the topic's statement; one line
  // per chosen sentence, spaces collapsed. Documents the analyzer refuses (no text) are left
  // out.
  Result<std::vector<std::string>> Summarize(const DucTopic& topic) const;

 private:
  DucSummarizer() = default;
  std::unique_ptr<engine::Analyzer> analyzer_;
  std::unique_ptr<story::Summarizer> summarizer_;
  story::SummaryOptions options_;
  bool use_query_ = true;
};

}  // namespace depeche::eval

#endif  // DEPECHE_EVAL_SUMMARY_EVAL_H_
