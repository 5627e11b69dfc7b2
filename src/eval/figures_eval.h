// Figures scored against NewsQuant (the CQE paper's gold: ../shared/data/newsquant-cqe): each
// gold sentence goes through FigureExtractor and its figures are paired one to one with the
// gold quantities of the sentence.
//
// Matching mirrors CQE's evaluation/evaluate_models.py: values match when numpy.isclose would
// say so (|a - b| <= 1e-8 + 1e-5 |b|); a gold range ("252.0-287.0") matches only a predicted
// range with both ends close, a single value only a single value; value+unit also needs the
// normalised unit equal to the gold "normalized_unit" (lower-cased), after mapping depeche's
// unit names to CQE's (NewsQuantUnit). Unlike CQE's script, the pairing is one to one (a
// prediction pairs with one gold quantity at most and a value+unit match needs the pair that
// was counted for the value), so no count can exceed the gold or the predictions; a gold
// quantity prefers a prediction that also has its unit.
#ifndef DEPECHE_EVAL_FIGURES_EVAL_H_
#define DEPECHE_EVAL_FIGURES_EVAL_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "depeche/status.h"
#include "extract/figures.h"

namespace depeche::eval {

struct NewsQuantQuantity {
  double value = 0;
  std::optional<double> high;  // a range "LOW-HIGH"
  std::string unit;            // normalized_unit, lower-cased ("-" for none)
  std::string change;          // "=", "~", "up", "down", ">", "<"
};

struct NewsQuantSentence {
  std::string text;
  std::vector<NewsQuantQuantity> quantities;
};

// Reads a NewsQuant-format JSON file (a list of {"text", "quantities": [{"value", "unit",
// "normalized_unit", "change", "referred_concepts"}]}). Errors name the file and the entry.
Result<std::vector<NewsQuantSentence>> ReadNewsQuant(const std::string& path);

// depeche's normalised unit in CQE's vocabulary ("percent" -> "percentage"); others unchanged.
std::string NewsQuantUnit(std::string_view unit);

struct FigureCounts {
  size_t gold = 0;
  size_t system = 0;
  size_t value = 0;       // pairs with the same value
  size_t value_unit = 0;  // ... and the same normalised unit
};

struct FigurePrf {
  double precision = 0, recall = 0, f1 = 0;
};

struct FigureSentenceScore {
  size_t index = 0;  // in the gold file
  FigureCounts counts;
};

struct FigureEvalReport {
  FigureCounts total;
  FigurePrf value;
  FigurePrf value_unit;
  std::vector<FigureSentenceScore> items;
};

// Pairs one sentence's predictions with its gold quantities (see the header comment).
FigureCounts ScoreSentence(const std::vector<NewsQuantQuantity>& gold,
                           const std::vector<extract::Figure>& predicted);

// Extracts the figures of every sentence in `lang` and scores them.
FigureEvalReport ScoreFigures(const std::vector<NewsQuantSentence>& gold,
                              const extract::FigureExtractor& extractor, std::string_view lang);

}  // namespace depeche::eval

#endif  // DEPECHE_EVAL_FIGURES_EVAL_H_
