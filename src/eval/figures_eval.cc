#include "eval/figures_eval.h"

#include <cctype>
#include <cmath>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "core/files.h"

namespace depeche::eval {
namespace {

bool Close(double gold, double predicted) {
  return std::fabs(predicted - gold) <= 1e-8 + 1e-5 * std::fabs(gold);
}

bool ParseNumber(const std::string& s, double& out) {
  char* end = nullptr;
  out = std::strtod(s.c_str(), &end);
  while (end != nullptr && *end == ' ') ++end;
  return !s.empty() && end != nullptr && *end == '\0';
}

std::string Trim(std::string s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
  size_t b = 0;
  while (b < s.size() && s[b] == ' ') ++b;
  return s.substr(b);
}

bool ValueMatch(const NewsQuantQuantity& g, const extract::Figure& f) {
  if (g.high.has_value() != f.high.has_value()) return false;
  if (!Close(g.value, f.value)) return false;
  return !g.high || Close(*g.high, *f.high);
}

FigurePrf Prf(size_t correct, size_t gold, size_t system) {
  FigurePrf p;
  p.precision = system == 0 ? 0 : static_cast<double>(correct) / static_cast<double>(system);
  p.recall = gold == 0 ? 0 : static_cast<double>(correct) / static_cast<double>(gold);
  p.f1 = p.precision + p.recall == 0 ? 0 : 2 * p.precision * p.recall / (p.precision + p.recall);
  return p;
}

}  // namespace

Result<std::vector<NewsQuantSentence>> ReadNewsQuant(const std::string& path) {
  DEPECHE_ASSIGN_OR_RETURN(std::string text, core::ReadFile(path));
  nlohmann::json doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_array()) {
    return InvalidArgumentError(path + ": not a JSON list of sentences");
  }
  std::vector<NewsQuantSentence> out;
  for (size_t i = 0; i < doc.size(); ++i) {
    const nlohmann::json& e = doc[i];
    auto error = [&](const std::string& why) {
      return InvalidArgumentError(path + ": entry " + std::to_string(i) + ": " + why);
    };
    if (!e.is_object() || !e.contains("text") || !e["text"].is_string() ||
        !e.contains("quantities") || !e["quantities"].is_array()) {
      return error("expected {\"text\": string, \"quantities\": list}");
    }
    NewsQuantSentence s;
    s.text = e["text"].get<std::string>();
    for (const nlohmann::json& q : e["quantities"]) {
      if (!q.is_object() || !q.contains("value") || !q["value"].is_string()) {
        return error("a quantity without a string \"value\"");
      }
      NewsQuantQuantity g;
      std::string v = Trim(q["value"].get<std::string>());
      // A range is "LOW-HIGH" (a leading '-' is a sign, as in CQE's decode_dictionary;
      // CQE's own reader would fail on the exponent of "1.99E-29").
      size_t dash = v.find('-', 1);
      while (dash != std::string::npos && (v[dash - 1] == 'e' || v[dash - 1] == 'E')) {
        dash = v.find('-', dash + 1);  // an exponent ("1.99E-29")
      }
      if (dash != std::string::npos) {
        double high = 0;
        if (!ParseNumber(Trim(v.substr(0, dash)), g.value) ||
            !ParseNumber(Trim(v.substr(dash + 1)), high)) {
          return error("bad range value '" + v + "'");
        }
        g.high = high;
      } else if (!ParseNumber(v, g.value)) {
        return error("bad value '" + v + "'");
      }
      if (q.contains("normalized_unit") && q["normalized_unit"].is_string()) {
        g.unit = q["normalized_unit"].get<std::string>();
        for (char& c : g.unit) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      }
      if (q.contains("change") && q["change"].is_string()) g.change = q["change"];
      s.quantities.push_back(std::move(g));
    }
    out.push_back(std::move(s));
  }
  return out;
}

std::string NewsQuantUnit(std::string_view unit) {
  // CQE's unit names for the few where depeche's differ.
  if (unit == "percent") return "percentage";
  if (unit == "gigatonne") return "gigaton";
  if (unit == "") return "-";
  return std::string(unit);
}

FigureCounts ScoreSentence(const std::vector<NewsQuantQuantity>& gold,
                           const std::vector<extract::Figure>& predicted) {
  FigureCounts c;
  c.gold = gold.size();
  c.system = predicted.size();
  std::vector<bool> used(predicted.size(), false);
  // Value-and-unit pairs first, so that a gold quantity takes the prediction with its unit.
  std::vector<bool> done(gold.size(), false);
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t g = 0; g < gold.size(); ++g) {
      if (done[g]) continue;
      for (size_t p = 0; p < predicted.size(); ++p) {
        if (used[p] || !ValueMatch(gold[g], predicted[p])) continue;
        const bool unit = NewsQuantUnit(predicted[p].unit) == gold[g].unit;
        if (pass == 0 && !unit) continue;
        used[p] = true;
        done[g] = true;
        ++c.value;
        if (unit) ++c.value_unit;
        break;
      }
    }
  }
  return c;
}

FigureEvalReport ScoreFigures(const std::vector<NewsQuantSentence>& gold,
                              const extract::FigureExtractor& extractor, std::string_view lang) {
  FigureEvalReport r;
  for (size_t i = 0; i < gold.size(); ++i) {
    FigureSentenceScore s;
    s.index = i;
    s.counts = ScoreSentence(gold[i].quantities, extractor.Extract(gold[i].text, lang));
    r.total.gold += s.counts.gold;
    r.total.system += s.counts.system;
    r.total.value += s.counts.value;
    r.total.value_unit += s.counts.value_unit;
    r.items.push_back(s);
  }
  r.value = Prf(r.total.value, r.total.gold, r.total.system);
  r.value_unit = Prf(r.total.value_unit, r.total.gold, r.total.system);
  return r;
}

}  // namespace depeche::eval
