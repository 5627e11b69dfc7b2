#include "eval/timex_scorer.h"

#include <algorithm>
#include <map>
#include <set>
#include <system_error>

namespace depeche::eval {
namespace fs = std::filesystem;

TimexCounts& TimexCounts::operator+=(const TimexCounts& o) {
  gold += o.gold;
  system += o.system;
  strict += o.strict;
  relaxed += o.relaxed;
  type_match += o.type_match;
  value_match += o.value_match;
  return *this;
}

namespace {

double F1(double p, double r) { return p + r == 0 ? 0.0 : 2.0 * p * r / (p + r); }

bool IsWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

bool IsSpaceByte(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Per-token label of one annotation: 0 = outside, else 1 + index of the TIMEX3, with
// `begins` true on the TIMEX3's first token.
struct Labels {
  std::vector<size_t> timex;
  std::vector<bool> begins;
};

Labels Label(const std::vector<std::pair<size_t, size_t>>& tokens,
             const std::vector<Timex>& timexes) {
  Labels l{std::vector<size_t>(tokens.size(), 0), std::vector<bool>(tokens.size(), false)};
  for (size_t k = 0; k < timexes.size(); ++k) {
    const Timex& t = timexes[k];
    if (t.end <= t.begin) continue;
    // The normaliser reads the tags while it walks the tokens: the start tag labels the token
    // it is read with (the first token ending after it), the end tag ends the TIMEX3 before
    // the token it is read with (the first token ending after it), unless that is the first
    // token itself. So: the first token ending after `begin` (if it starts before `end`), then
    // each following token that ends at or before `end`. A token cut by `end` is left out.
    auto first = std::upper_bound(
        tokens.begin(), tokens.end(), t.begin,
        [](size_t pos, const std::pair<size_t, size_t>& tok) { return pos < tok.second; });
    if (first == tokens.end() || first->first >= t.end) continue;
    size_t i = static_cast<size_t>(first - tokens.begin());
    l.timex[i] = k + 1;
    l.begins[i] = true;
    for (++i; i < tokens.size() && tokens[i].second <= t.end; ++i) {
      if (l.timex[i] == 0) l.timex[i] = k + 1;
    }
  }
  return l;
}

std::string_view SpanText(std::string_view text, const Timex& t) {
  if (t.begin >= text.size() || t.end <= t.begin) return {};
  return text.substr(t.begin, std::min(t.end, text.size()) - t.begin);
}

}  // namespace

std::vector<std::pair<size_t, size_t>> TimexTokens(std::string_view text) {
  std::vector<std::pair<size_t, size_t>> tokens;
  size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (IsSpaceByte(c)) {
      ++i;
    } else if (IsWordByte(c)) {
      const size_t b = i;
      while (i < text.size() && IsWordByte(static_cast<unsigned char>(text[i]))) ++i;
      tokens.emplace_back(b, i);
    } else {
      tokens.emplace_back(i, i + 1);
      ++i;
    }
  }
  return tokens;
}

TimexScores ComputeTimexScores(const TimexCounts& c) {
  TimexScores s;
  if (c.gold == 0 && c.system == 0) {
    s.strict = s.relaxed = s.type = s.value = PrfScore{1.0, 1.0, 1.0};
    s.type_accuracy = s.value_accuracy = 1.0;
    return s;
  }
  auto prf = [&](size_t matches) {
    PrfScore p;
    p.precision = c.system == 0 ? 0.0 : static_cast<double>(matches) / c.system;
    p.recall = c.gold == 0 ? 0.0 : static_cast<double>(matches) / c.gold;
    p.f1 = F1(p.precision, p.recall);
    return p;
  };
  s.strict = prf(c.strict);
  s.relaxed = prf(c.relaxed);
  if (c.relaxed > 0) {
    s.type_accuracy = static_cast<double>(c.type_match) / c.relaxed;
    s.value_accuracy = static_cast<double>(c.value_match) / c.relaxed;
  }
  auto scaled = [&](double accuracy) {
    return PrfScore{accuracy * s.relaxed.precision, accuracy * s.relaxed.recall,
                    accuracy * s.relaxed.f1};
  };
  s.type = scaled(s.type_accuracy);
  s.value = scaled(s.value_accuracy);
  return s;
}

TimexCounts ScoreTimexDocument(std::string_view text, const std::vector<Timex>& gold,
                               const std::vector<Timex>& system) {
  const auto tokens = TimexTokens(text);
  const Labels labels[2] = {Label(tokens, gold), Label(tokens, system)};
  // The normaliser's walk (see the header): ids[a][k] is the id given to TIMEX3 k of
  // annotation a (0: never started, i.e. covers no token).
  std::vector<size_t> ids[2] = {std::vector<size_t>(gold.size(), 0),
                                std::vector<size_t>(system.size(), 0)};
  std::set<size_t> used[2] = {{0}, {0}};
  size_t open[2] = {0, 0};
  size_t last_id = 1;
  for (size_t i = 0; i < tokens.size(); ++i) {
    for (int a = 0; a < 2; ++a) {
      if (labels[a].timex[i] == 0 || labels[a].begins[i]) open[a] = 0;
    }
    for (int a = 0; a < 2; ++a) {
      if (!labels[a].begins[i]) continue;
      const int other = 1 - a;
      open[a] = last_id;
      if (open[other] != 0 && used[a].count(open[other]) == 0) open[a] = open[other];
      used[a].insert(open[a]);
      if (open[a] == last_id) ++last_id;
      ids[a][labels[a].timex[i] - 1] = open[a];
    }
  }
  TimexCounts c;
  std::map<size_t, size_t> system_by_id;
  for (size_t k = 0; k < system.size(); ++k) {
    if (ids[1][k] != 0) {
      ++c.system;
      system_by_id[ids[1][k]] = k;
    }
  }
  for (size_t k = 0; k < gold.size(); ++k) {
    if (ids[0][k] == 0) continue;
    ++c.gold;
    auto it = system_by_id.find(ids[0][k]);
    if (it == system_by_id.end()) continue;
    const Timex& g = gold[k];
    const Timex& s = system[it->second];
    ++c.relaxed;
    if (SpanText(text, g) == SpanText(text, s)) ++c.strict;
    if (g.type == s.type) ++c.type_match;
    if (g.value == s.value) ++c.value_match;
  }
  return c;
}

Result<TimexEvalReport> ScoreTimexCorpus(const std::vector<TimemlDocument>& gold,
                                         const std::vector<TimemlDocument>& predicted) {
  std::map<std::string, const TimemlDocument*> by_name;
  for (const TimemlDocument& p : predicted) by_name[p.name] = &p;
  TimexEvalReport report;
  static const std::vector<Timex> kNone;
  for (const TimemlDocument& g : gold) {
    TimexDocumentScore d;
    d.name = g.name;
    auto it = by_name.find(g.name);
    if (it == by_name.end()) {
      d.missing_prediction = true;
      d.counts = ScoreTimexDocument(g.text, g.timexes, kNone);
    } else {
      if (it->second->text != g.text) {
        return FailedPreconditionError(g.name +
                                       ": the predicted text (markup removed) is not the gold "
                                       "text; a prediction may only add TIMEX3 tags");
      }
      d.counts = ScoreTimexDocument(g.text, g.timexes, it->second->timexes);
    }
    report.total += d.counts;
    report.documents.push_back(std::move(d));
  }
  report.scores = ComputeTimexScores(report.total);
  return report;
}

Result<TimexEvalReport> ScoreTimemlPredictions(const fs::path& gold_path,
                                               const fs::path& predictions_path) {
  DEPECHE_ASSIGN_OR_RETURN(std::vector<TimemlDocument> gold, ReadTimeml(gold_path));
  std::error_code ec;
  if (!fs::exists(predictions_path, ec)) {
    return NotFoundError(predictions_path.string() + ": no such file or folder");
  }
  std::vector<TimemlDocument> predicted;
  if (!fs::is_directory(predictions_path, ec)) {
    DEPECHE_ASSIGN_OR_RETURN(TimemlDocument p, ReadTimemlFile(predictions_path));
    if (gold.size() == 1) p.name = gold[0].name;
    predicted.push_back(std::move(p));
  } else {
    for (const TimemlDocument& g : gold) {
      const fs::path p = predictions_path / g.name;
      if (!fs::exists(p, ec)) continue;
      DEPECHE_ASSIGN_OR_RETURN(TimemlDocument doc, ReadTimemlFile(p));
      doc.name = g.name;
      predicted.push_back(std::move(doc));
    }
  }
  return ScoreTimexCorpus(gold, predicted);
}

}  // namespace depeche::eval
