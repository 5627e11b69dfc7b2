#include "eval/timeline_eval.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <set>

#include "core/strings.h"
#include "depeche/config.h"
#include "text/normalize.h"

namespace depeche::eval {

Result<std::unique_ptr<MlCrisisTimelines>> MlCrisisTimelines::Create(const std::string& data_dir) {
  std::unique_ptr<MlCrisisTimelines> t(new MlCrisisTimelines());
  EngineConfig config;
  config.data_dir = data_dir;
  DEPECHE_ASSIGN_OR_RETURN(t->analyzer_, engine::Analyzer::Create(config));
  DEPECHE_ASSIGN_OR_RETURN(t->builder_, story::TimelineBuilder::Create(data_dir));
  return t;
}

std::vector<Article> MlCrisisTimelines::Analyze(const MlCrisisTopic& topic,
                                                const std::string& lang) const {
  std::vector<Article> articles;
  for (const MlCrisisDocument& d : topic.documents) {
    ingest::RawArticle raw;
    raw.title = d.title;
    raw.title_origin = "headline";
    raw.text = d.text;
    raw.lang = lang;
    raw.published = d.date;
    raw.published_source = "metadata";
    raw.origin.path = topic.name + "/" + d.path;
    raw.origin.format = "txt";
    Result<Article> a = analyzer_->Analyze(std::move(raw));
    if (a.ok()) articles.push_back(std::move(a).value());
  }
  return articles;
}

void ScoreDates(const std::vector<std::string>& system, const std::vector<std::string>& reference,
                TimelineTopicScores& scores) {
  const std::set<std::string> ours(system.begin(), system.end());
  const std::set<std::string> theirs(reference.begin(), reference.end());
  scores.dates = ours.size();
  scores.matched_dates = 0;
  for (const std::string& d : ours) scores.matched_dates += theirs.count(d);
  const double hits = static_cast<double>(scores.matched_dates);
  scores.date_precision = ours.empty() ? 0 : hits / static_cast<double>(ours.size());
  scores.date_recall = theirs.empty() ? 0 : hits / static_cast<double>(theirs.size());
  const double sum = scores.date_precision + scores.date_recall;
  scores.date_f1 = sum > 0 ? 2 * scores.date_precision * scores.date_recall / sum : 0;
}

std::pair<RougePrf, RougePrf> ConcatRouge(const std::vector<std::string>& system,
                                          const std::vector<std::string>& reference) {
  RougeOptions options;
  options.word_limit = 0;
  options.stem = false;
  options.round_scores = false;
  RougeStemmer stemmer;  // unused without stemming
  auto folded = [](const std::vector<std::string>& lines) {
    std::vector<std::string> out;
    out.reserve(lines.size());
    for (const std::string& l : lines) out.push_back(text::Fold(l));
    return out;
  };
  const RougeSummary peer = AnalyzeRougeSummary(folded(system), options, stemmer);
  const RougeSummary model = AnalyzeRougeSummary(folded(reference), options, stemmer);
  const RougeScores s = ScoreRouge(peer, {&model}, options);
  return {s.rouge1, s.rouge2};
}

TimelineTopicScores MlCrisisTimelines::Score(const MlCrisisTopic& topic,
                                             const std::vector<Article>& articles,
                                             const TimelineEvalOptions& options) const {
  TimelineTopicScores scores;
  scores.topic = topic.name;
  scores.documents = articles.size();
  std::vector<std::string> reference_days, reference_lines;
  for (const ReferenceDate& r : topic.reference) {
    reference_days.push_back(r.date);
    scores.reference_sentences += r.sentences.size();
    reference_lines.insert(reference_lines.end(), r.sentences.begin(), r.sentences.end());
  }
  // A day may have several blocks: the dates asked for are the distinct days.
  scores.reference_dates =
      std::set<std::string>(reference_days.begin(), reference_days.end()).size();
  std::vector<story::TimelineDocument> input;
  for (const Article& a : articles) {
    story::TimelineDocument d;
    d.text = a.text;
    d.sentences = a.sentences;
    d.timexes = a.timexes;
    d.lang = a.lang;
    d.date = a.date.date.precision >= DatePrecision::kDay ? a.date.date.iso.substr(0, 10) : "";
    d.date_inferred = a.date.provenance == "inferred";
    input.push_back(std::move(d));
  }
  story::TimelineOptions timeline = options.timeline;
  timeline.dates = std::max<size_t>(1, scores.reference_dates);
  const double per_date = scores.reference_dates == 0
                              ? 1.0
                              : static_cast<double>(scores.reference_sentences) /
                                    static_cast<double>(scores.reference_dates);
  scores.sentences_per_date = std::max<size_t>(1, static_cast<size_t>(std::lround(per_date)));
  timeline.sentences_per_date = scores.sentences_per_date;
  timeline.week_weight = timeline.month_weight = timeline.year_weight = 0;  // days only
  if (options.reference_span && !reference_days.empty()) {
    timeline.first_date = *std::min_element(reference_days.begin(), reference_days.end());
    timeline.last_date = *std::max_element(reference_days.begin(), reference_days.end());
  }
  const auto start = std::chrono::steady_clock::now();
  const std::vector<story::TimelineEntry> entries = builder_->Build(input, timeline);
  scores.build_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  std::vector<std::string> days, lines;
  for (const story::TimelineEntry& e : entries) {
    // A coarser entry stays a date of the timeline but can match no reference day.
    days.push_back(e.precision == "day" ? e.date : e.precision + ":" + e.date);
    lines.push_back(core::CollapseSpaces(
        input[e.document].text.substr(e.span.begin, e.span.end - e.span.begin)));
  }
  scores.lines = entries.size();
  ScoreDates(days, reference_days, scores);
  std::tie(scores.rouge1, scores.rouge2) = ConcatRouge(lines, reference_lines);
  return scores;
}

Result<TimelineEvalResult> MlCrisisTimelines::Evaluate(
    const std::filesystem::path& lang_dir, const TimelineEvalOptions& options,
    const std::function<void(const std::string&)>& progress) const {
  DEPECHE_ASSIGN_OR_RETURN(std::vector<MlCrisisTopic> topics,
                           ReadMlCrisis(lang_dir, options.max_topics));
  if (topics.empty())
    return NotFoundError(lang_dir.string() + ": no topic with a reference timeline");
  TimelineEvalResult result;
  std::filesystem::path dir = lang_dir;
  if (dir.filename().empty()) dir = dir.parent_path();  // "fr/" names its language too
  result.lang = dir.filename().string();
  for (const MlCrisisTopic& topic : topics) {
    if (progress) progress(topic.name);
    result.topics.push_back(Score(topic, Analyze(topic, result.lang), options));
  }
  const double n = static_cast<double>(result.topics.size());
  for (const TimelineTopicScores& t : result.topics) {
    result.date_precision += t.date_precision / n;
    result.date_recall += t.date_recall / n;
    result.date_f1 += t.date_f1 / n;
    result.rouge1_f += t.rouge1.f / n;
    result.rouge2_f += t.rouge2.f / n;
  }
  return result;
}

}  // namespace depeche::eval
