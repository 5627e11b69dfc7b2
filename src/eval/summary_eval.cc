#include "eval/summary_eval.h"

#include <algorithm>

#include "core/strings.h"
#include "depeche/config.h"

namespace depeche::eval {

Result<std::unique_ptr<DucSummarizer>> DucSummarizer::Create(const std::string& data_dir,
                                                             story::SummaryOptions options,
                                                             bool use_query) {
  std::unique_ptr<DucSummarizer> s(new DucSummarizer());
  EngineConfig config;
  config.data_dir = data_dir;
  DEPECHE_ASSIGN_OR_RETURN(s->analyzer_, engine::Analyzer::Create(config));
  DEPECHE_ASSIGN_OR_RETURN(s->summarizer_, story::Summarizer::Create(data_dir));
  s->options_ = options;
  s->use_query_ = use_query;
  return s;
}

Result<std::vector<std::string>> DucSummarizer::Summarize(const DucTopic& topic) const {
  std::vector<const DucDocument*> docs;
  for (const DucDocument& d : topic.documents) docs.push_back(&d);
  std::stable_sort(docs.begin(), docs.end(), [](const DucDocument* a, const DucDocument* b) {
    return a->date_time < b->date_time;
  });
  std::vector<Article> articles;
  for (const DucDocument* d : docs) {
    ingest::RawArticle raw;
    raw.title = d->headline;
    raw.lang = "en";
    for (const std::string& p : d->paragraphs) {
      if (!raw.text.empty()) raw.text += "\n\n";
      raw.text += p;
    }
    Result<Article> a = analyzer_->Analyze(std::move(raw));
    if (a.ok()) articles.push_back(std::move(a).value());
  }
  std::vector<story::SummaryDocument> input;
  for (size_t i = 0; i < articles.size(); ++i) {
    input.push_back(
        {articles[i].text, articles[i].sentences, articles[i].lang, static_cast<int64_t>(i)});
  }
  // The topic's statement as the query: title, then narrative.
  std::string query = topic.title;
  if (!query.empty() && !topic.narrative.empty()) query += "\n";
  query += topic.narrative;
  story::SummaryOptions options = options_;
  if (use_query_) options.query = query;
  std::vector<std::string> lines;
  for (const story::SummaryLine& l : summarizer_->Summarize(input, options)) {
    const std::string_view s =
        input[l.document].text.substr(l.span.begin, l.span.end - l.span.begin);
    std::string line = core::CollapseSpaces(s);
    lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace depeche::eval
