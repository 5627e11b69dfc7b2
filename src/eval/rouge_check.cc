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

Result<RougeOfficialCheck> CheckRougeAgainstOfficial(const fs::path& duc2006_dir,
                                                     const RougeOptions& options,
                                                     const fs::path& wordnet_dir) {
  const fs::path rouge_dir = duc2006_dir / "NISTeval" / "ROUGE";
  std::unordered_map<std::string, std::string> exceptions;
  if (!wordnet_dir.empty()) {
    DEPECHE_ASSIGN_OR_RETURN(exceptions, ReadWordNetExceptions(wordnet_dir));
  }
  RougeStemmer stemmer(std::move(exceptions));
  DEPECHE_ASSIGN_OR_RETURN(auto models, AnalyzeModels(duc2006_dir, options, stemmer));
  DEPECHE_ASSIGN_OR_RETURN(std::vector<DucSummary> peers, ReadDucSummaries(rouge_dir / "peers"));

  struct Sum {
    int evaluations = 0;
    double r1 = 0, r2 = 0, su4 = 0;
  };
  std::map<std::string, Sum> sums;
  for (const DucSummary& peer : peers) {
    auto topic = models.find(peer.topic);
    if (topic == models.end()) continue;  // no model: ROUGE has nothing to score against
    const RougeSummary analyzed = AnalyzeRougeSummary(peer.lines, options, stemmer);
    const std::vector<const RougeSummary*> against = ModelsBut(topic->second, peer.author);
    if (against.empty()) continue;
    // A human who wrote one of the models is scored once against the others; a system is
    // jackknifed over the models (as many evaluations as models).
    const bool is_model = against.size() < topic->second.size();
    const RougeScores s = is_model ? ScoreRouge(analyzed, against, options)
                                   : JackknifeRouge(analyzed, against, options);
    const int evaluations = is_model || against.size() < 2 ? 1 : static_cast<int>(against.size());
    Sum& sum = sums[peer.author];
    sum.evaluations += evaluations;
    sum.r1 += s.rouge1.recall * evaluations;
    sum.r2 += s.rouge2.recall * evaluations;
    sum.su4 += s.su4.recall * evaluations;
  }

  DEPECHE_ASSIGN_OR_RETURN(std::string avg2,
                           core::ReadFile((rouge_dir / "rouge2.jk.m.avg").string()));
  DEPECHE_ASSIGN_OR_RETURN(std::string avg_su4,
                           core::ReadFile((rouge_dir / "rougeSU4.jk.m.avg").string()));
  DEPECHE_ASSIGN_OR_RETURN(auto official2, ParseRougeAvg(avg2, "rouge2.jk.m.avg"));
  DEPECHE_ASSIGN_OR_RETURN(auto official_su4, ParseRougeAvg(avg_su4, "rougeSU4.jk.m.avg"));
  std::vector<std::pair<std::string, double>> official1;
  if (auto out = core::ReadFile((rouge_dir / "rougejk.m.out").string()); out.ok()) {
    official1 = ParseRougeOutAverages(out.value(), "ROUGE-1");
  }
  auto lookup = [](const std::vector<std::pair<std::string, double>>& list, const std::string& id) {
    for (const auto& [system, score] : list) {
      if (system == id) return score;
    }
    return -1.0;
  };

  RougeOfficialCheck check;
  for (const auto& [system, sum] : sums) {
    RougeSystemCheck row;
    row.system = system;
    row.evaluations = sum.evaluations;
    row.ours_rouge1 = sum.r1 / sum.evaluations;
    row.ours_rouge2 = sum.r2 / sum.evaluations;
    row.ours_su4 = sum.su4 / sum.evaluations;
    row.official_rouge1 = lookup(official1, system);
    row.official_rouge2 = lookup(official2, system);
    row.official_su4 = lookup(official_su4, system);
    if (row.official_rouge1 >= 0) {
      check.max_diff_rouge1 =
          std::max(check.max_diff_rouge1, std::fabs(row.ours_rouge1 - row.official_rouge1));
    }
    if (row.official_rouge2 >= 0) {
      const double d = std::fabs(row.ours_rouge2 - row.official_rouge2);
      if (d >= check.max_diff_rouge2) {
        check.max_diff_rouge2 = d;
        check.max_diff_rouge2_system = system;
      }
    }
    if (row.official_su4 >= 0) {
      const double d = std::fabs(row.ours_su4 - row.official_su4);
      if (d >= check.max_diff_su4) {
        check.max_diff_su4 = d;
        check.max_diff_su4_system = system;
      }
    }
    check.systems.push_back(std::move(row));
  }
  std::stable_sort(check.systems.begin(), check.systems.end(),
                   [](const RougeSystemCheck& a, const RougeSystemCheck& b) {
                     return a.official_rouge2 > b.official_rouge2;
                   });
  return check;
}

Result<RougeScores> ScoreDucLeadBaseline(const fs::path& duc2006_dir, const RougeOptions& options) {
  RougeStemmer stemmer;
  DEPECHE_ASSIGN_OR_RETURN(auto models, AnalyzeModels(duc2006_dir, options, stemmer));
  DEPECHE_ASSIGN_OR_RETURN(std::vector<DucTopic> topics,
                           ReadDucTopics(duc2006_dir / "duc2006_docs"));
  RougeScores mean;
  int scored = 0;
  for (const DucTopic& topic : topics) {
    auto m = models.find(topic.id.substr(0, 5));  // "D0601A" -> "D0601"
    if (m == models.end()) continue;
    const RougeSummary lead = AnalyzeRougeSummary(
        DucLeadSummary(topic, options.word_limit > 0 ? options.word_limit : 250), options, stemmer);
    const RougeScores s = JackknifeRouge(lead, ModelsBut(m->second, ""), options);
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

}  // namespace depeche::eval
