#include "eval/rouge_check.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <unordered_map>
#include <utility>

#include "core/files.h"
#include "eval/duc_reader.h"

namespace depeche::eval {
namespace fs = std::filesystem;
namespace {

struct Analyzed {
  std::string author;
  RougeSummary summary;
};

// Models per topic ("D0601"), analyzed once.
Result<std::map<std::string, std::vector<Analyzed>>> AnalyzeModels(const fs::path& duc2006_dir,
                                                                   const RougeOptions& options,
                                                                   RougeStemmer& stemmer) {
  DEPECHE_ASSIGN_OR_RETURN(std::vector<DucSummary> models,
                           ReadDucSummaries(duc2006_dir / "NISTeval" / "ROUGE" / "models"));
  std::map<std::string, std::vector<Analyzed>> by_topic;
  for (const DucSummary& m : models) {
    by_topic[m.topic].push_back({m.author, AnalyzeRougeSummary(m.lines, options, stemmer)});
  }
  return by_topic;
}

std::vector<const RougeSummary*> ModelsBut(const std::vector<Analyzed>& models,
                                           const std::string& author) {
  std::vector<const RougeSummary*> out;
  for (const Analyzed& m : models) {
    if (m.author != author) out.push_back(&m.summary);
  }
  return out;
}

Result<RougeStemmer> MakeStemmer(const fs::path& wordnet_dir) {
  if (wordnet_dir.empty()) return RougeStemmer();
  DEPECHE_ASSIGN_OR_RETURN(auto exceptions, ReadWordNetExceptions(wordnet_dir));
  return RougeStemmer(std::move(exceptions));
}

std::string_view NextLine(const std::string& text, size_t* pos) {
  size_t end = text.find('\n', *pos);
  if (end == std::string::npos) end = text.size();
  std::string_view line(text.data() + *pos, end - *pos);
  *pos = end + 1;
  return line;
}

std::vector<std::string_view> Fields(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
    const size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') ++i;
    if (i > start) fields.push_back(line.substr(start, i - start));
  }
  return fields;
}

bool ParseDouble(std::string_view s, double* out) {
  const std::string copy(s);
  char* end = nullptr;
  *out = std::strtod(copy.c_str(), &end);
  return !copy.empty() && end == copy.c_str() + copy.size();
}

}  // namespace

Result<std::vector<std::pair<std::string, double>>> ParseRougeAvg(const std::string& text,
                                                                  const std::string& name) {
  std::vector<std::pair<std::string, double>> scores;
  size_t pos = 0;
  int line_number = 0;
  while (pos < text.size()) {
    const std::string_view line = NextLine(text, &pos);
    ++line_number;
    const std::vector<std::string_view> fields = Fields(line);
    if (fields.empty()) continue;
    double score = 0;
    if (fields.size() < 2 || !ParseDouble(fields[1], &score)) {
      return InvalidArgumentError(name + ":" + std::to_string(line_number) +
                                  ": expected \"ID SCORE ...\"");
    }
    scores.emplace_back(std::string(fields[0]), score);
  }
  return scores;
}

std::vector<std::pair<std::string, double>> ParseRougeOutAverages(const std::string& text,
                                                                  const std::string& measure) {
  std::vector<std::pair<std::string, double>> scores;
  size_t pos = 0;
  while (pos < text.size()) {
    const std::vector<std::string_view> f = Fields(NextLine(text, &pos));
    double score = 0;
    if (f.size() >= 4 && f[1] == measure && f[2] == "Average_R:" && ParseDouble(f[3], &score)) {
      scores.emplace_back(std::string(f[0]), score);
    }
  }
  return scores;
}

std::vector<std::pair<std::string, double>> ParseRougeOutEvaluations(const std::string& text,
                                                                     const std::string& measure) {
  std::vector<std::pair<std::string, double>> scores;
  size_t pos = 0;
  while (pos < text.size()) {
    const std::vector<std::string_view> f = Fields(NextLine(text, &pos));
    double score = 0;
    if (f.size() >= 5 && f[1] == measure && f[2] == "Eval" && f[4].substr(0, 2) == "R:" &&
        ParseDouble(f[4].substr(2), &score)) {
      scores.emplace_back(std::string(f[3]), score);
    }
  }
  return scores;
}

RougeOptions Duc2006OfficialOptions() {
  RougeOptions options;
  options.word_limit = 0;
  return options;
}

const char* const kRougeMeasureNames[kRougeMeasures] = {"ROUGE-1", "ROUGE-2", "ROUGE-SU4"};

Result<RougeOfficialCheck> CheckRougeAgainstOfficial(const fs::path& duc2006_dir,
                                                     const RougeOptions& options,
                                                     const fs::path& wordnet_dir) {
  const fs::path rouge_dir = duc2006_dir / "NISTeval" / "ROUGE";
  DEPECHE_ASSIGN_OR_RETURN(RougeStemmer stemmer, MakeStemmer(wordnet_dir));
  DEPECHE_ASSIGN_OR_RETURN(auto models, AnalyzeModels(duc2006_dir, options, stemmer));
  DEPECHE_ASSIGN_OR_RETURN(std::vector<DucSummary> peers, ReadDucSummaries(rouge_dir / "peers"));

  // Official scores: averages per peer, recall per evaluation.
  std::vector<std::pair<std::string, double>> averages[kRougeMeasures];
  std::unordered_map<std::string, double> per_evaluation[kRougeMeasures];
  DEPECHE_ASSIGN_OR_RETURN(std::string avg2,
                           core::ReadFile((rouge_dir / "rouge2.jk.m.avg").string()));
  DEPECHE_ASSIGN_OR_RETURN(std::string avg_su4,
                           core::ReadFile((rouge_dir / "rougeSU4.jk.m.avg").string()));
  DEPECHE_ASSIGN_OR_RETURN(averages[1], ParseRougeAvg(avg2, "rouge2.jk.m.avg"));
  DEPECHE_ASSIGN_OR_RETURN(averages[2], ParseRougeAvg(avg_su4, "rougeSU4.jk.m.avg"));
  if (auto out = core::ReadFile((rouge_dir / "rougejk.m.out").string()); out.ok()) {
    averages[0] = ParseRougeOutAverages(out.value(), kRougeMeasureNames[0]);
    for (int k = 0; k < kRougeMeasures; ++k) {
      for (auto& [id, score] : ParseRougeOutEvaluations(out.value(), kRougeMeasureNames[k])) {
        per_evaluation[k].emplace(std::move(id), score);
      }
    }
  }

  struct Sum {
    int evaluations = 0;
    double ours[kRougeMeasures] = {0, 0, 0};
    double official[kRougeMeasures] = {0, 0, 0};
    int official_count[kRougeMeasures] = {0, 0, 0};
  };
  std::map<std::string, Sum> sums;
  RougeOfficialCheck check;
  for (const DucSummary& peer : peers) {
    auto topic = models.find(peer.topic);
    if (topic == models.end()) continue;  // no model: ROUGE has nothing to score against
    const std::vector<Analyzed>& topic_models = topic->second;
    const RougeSummary analyzed = AnalyzeRougeSummary(peer.lines, options, stemmer);
    const bool is_model = std::any_of(topic_models.begin(), topic_models.end(),
                                      [&](const Analyzed& m) { return m.author == peer.author; });
    // "D0601.M.250.A.24" -> evaluation "D0601.M.250.A-<left out model>.24".
    const std::string prefix = peer.file.substr(0, peer.file.size() - peer.author.size() - 1);
    Sum& sum = sums[peer.author];
    for (const Analyzed& left_out : topic_models) {
      // A human who wrote one of the models is scored once, against the others.
      if (is_model && left_out.author != peer.author) continue;
      const std::vector<const RougeSummary*> against = ModelsBut(topic_models, left_out.author);
      if (against.empty()) continue;
      const RougeScores s = ScoreRouge(analyzed, against, options);
      const double recall[kRougeMeasures] = {s.rouge1.recall, s.rouge2.recall, s.su4.recall};
      const std::string evaluation = prefix + "-" + left_out.author + "." + peer.author;
      ++sum.evaluations;
      for (int k = 0; k < kRougeMeasures; ++k) {
        sum.ours[k] += recall[k];
        auto official = per_evaluation[k].find(evaluation);
        if (official == per_evaluation[k].end()) continue;
        const double diff = std::fabs(recall[k] - official->second);
        ++check.evaluations_compared[k];
        if (diff < 5e-7) ++check.evaluations_identical[k];
        check.max_evaluation_diff[k] = std::max(check.max_evaluation_diff[k], diff);
        sum.official[k] += official->second;
        ++sum.official_count[k];
      }
    }
  }

  auto lookup = [](const std::vector<std::pair<std::string, double>>& list, const std::string& id) {
    for (const auto& [system, score] : list) {
      if (system == id) return score;
    }
    return -1.0;
  };
  for (const auto& [system, sum] : sums) {
    if (sum.evaluations == 0) continue;
    RougeSystemCheck row;
    row.system = system;
    row.evaluations = sum.evaluations;
    for (int k = 0; k < kRougeMeasures; ++k) {
      row.ours[k] = sum.ours[k] / sum.evaluations;
      row.official[k] = lookup(averages[k], system);
      if (sum.official_count[k] > 0) {
        row.official_mean[k] = sum.official[k] / sum.official_count[k];
        check.max_diff_mean[k] =
            std::max(check.max_diff_mean[k], std::fabs(row.ours[k] - row.official_mean[k]));
      }
      if (row.official[k] >= 0) {
        const double diff = std::fabs(row.ours[k] - row.official[k]);
        if (diff >= check.max_diff[k]) {
          check.max_diff[k] = diff;
          check.max_diff_system[k] = system;
        }
      }
    }
    check.systems.push_back(std::move(row));
  }
  std::stable_sort(check.systems.begin(), check.systems.end(),
                   [](const RougeSystemCheck& a, const RougeSystemCheck& b) {
                     return a.official[1] > b.official[1];
                   });
  return check;
}

Result<RougeScores> ScoreDucSystem(const fs::path& duc2006_dir, const DucSystem& system,
                                   const RougeOptions& options, const fs::path& wordnet_dir,
                                   std::vector<DucTopicScores>* per_topic) {
  DEPECHE_ASSIGN_OR_RETURN(RougeStemmer stemmer, MakeStemmer(wordnet_dir));
  DEPECHE_ASSIGN_OR_RETURN(auto models, AnalyzeModels(duc2006_dir, options, stemmer));
  DEPECHE_ASSIGN_OR_RETURN(std::vector<DucTopic> topics,
                           ReadDucTopics(duc2006_dir / "duc2006_docs"));
  const fs::path statements = duc2006_dir / "duc2006_topics.sgml";
  std::error_code ec;
  if (fs::exists(statements, ec)) {
    DEPECHE_ASSIGN_OR_RETURN(std::vector<DucQuery> queries, ReadDucQueries(statements));
    AttachDucQueries(queries, &topics);
  }
  if (per_topic != nullptr) per_topic->clear();
  RougeScores mean;
  int scored = 0;
  for (const DucTopic& topic : topics) {
    auto m = models.find(topic.id.substr(0, 5));  // "D0601A" -> "D0601"
    if (m == models.end()) continue;
    DEPECHE_ASSIGN_OR_RETURN(std::vector<std::string> lines, system(topic));
    const RougeSummary peer = AnalyzeRougeSummary(lines, options, stemmer);
    const RougeScores s = JackknifeRouge(peer, ModelsBut(m->second, ""), options);
    if (per_topic != nullptr) per_topic->push_back({m->first, s});
    for (auto [sum, value] : {std::pair{&mean.rouge1, s.rouge1}, std::pair{&mean.rouge2, s.rouge2},
                              std::pair{&mean.su4, s.su4}}) {
      sum->recall += value.recall;
      sum->precision += value.precision;
      sum->f += value.f;
    }
    ++scored;
  }
  if (scored == 0) return NotFoundError("no DUC topic with models under " + duc2006_dir.string());
  for (RougePrf* p : {&mean.rouge1, &mean.rouge2, &mean.su4}) {
    p->recall /= scored;
    p->precision /= scored;
    p->f /= scored;
  }
  return mean;
}

Result<RougeScores> ScoreDucLeadBaseline(const fs::path& duc2006_dir, const RougeOptions& options,
                                         const fs::path& wordnet_dir,
                                         std::vector<DucTopicScores>* per_topic) {
  const int words = options.word_limit > 0 ? options.word_limit : 250;
  return ScoreDucSystem(
      duc2006_dir,
      [words](const DucTopic& topic) -> Result<std::vector<std::string>> {
        return DucLeadSummary(topic, words);
      },
      options, wordnet_dir, per_topic);
}

}  // namespace depeche::eval
