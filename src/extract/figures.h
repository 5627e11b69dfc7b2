// Figures: numbers in digits and in words with what they count ("environ 100 000 soldats",
// "plus de 150 000 soldats", "200 millions de dollars", "$1.5 billion", "3.2%", "deux heures").
//
//   auto extractor = FigureExtractor::Create(data_dir);   // once: every data/<lang>/figures.txt
//   std::vector<Figure> figures = extractor->Extract(text, "fr");
//
// Each figure has its byte span, its value (and high end for a range: "1 to 1.5 degrees",
// "between $62 and $68"), its normalised unit or counted object ("dollar", "percent",
// "soldat"), its bound from the modifier before it (environ/about -> approximate, plus de/more
// than -> lower, moins de/up to -> upper) and its sentence. Numbers that are not figures are
// skipped: years alone, day numbers next to a month, clock times, ordinals, phone-like and
// code-like strings ("A320", "COVID-19"). The language knowledge is in the data files (format at
// the top of data/en/figures.txt).
//
// Thread safety: Extract is const and may be called from several threads at once.
#ifndef DEPECHE_EXTRACT_FIGURES_H_
#define DEPECHE_EXTRACT_FIGURES_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "depeche/article.h"
#include "depeche/status.h"
#include "extract/figures_lexicon.h"

namespace depeche::extract {

enum class FigureBound { kExact, kApproximate, kLower, kUpper };

// "exact", "approximate", "lower", "upper".
std::string_view FigureBoundName(FigureBound bound);

struct Figure {
  Span span;    // bytes of the whole figure: modifier, currency, number, scale, unit
  Span number;  // bytes of the number itself (with its scale word)
  double value = 0;
  std::optional<double> high;  // the high end of a range ("1 to 1.5", "thousands of": 1000..10000)
  std::string unit;            // normalised ("dollar", "percent", "soldat"); empty when none
  Span unit_span;              // bytes of the unit or counted noun; {0,0} when none
  bool counted = false;        // `unit` is the noun after the number, not a known unit
  FigureBound bound = FigureBound::kExact;
  Span sentence;  // bytes of the sentence that holds it
};

class FigureExtractor {
 public:
  // Loads data/<lang>/figures.txt for every language folder of `data_dir` that has one.
  // Errors: a malformed file (file and line named); no language at all.
  static Result<std::unique_ptr<FigureExtractor>> Create(const std::string& data_dir);
  // From lexicons already built (tests).
  explicit FigureExtractor(std::vector<FigureLexicon> lexicons);

  bool Supports(std::string_view lang) const;
  // The figures of valid UTF-8 `text` in `lang` (ISO 639-1), in text order. A language without
  // a figures file gets the English lexicon's figures (digits and symbols read the same way).
  std::vector<Figure> Extract(std::string_view text, std::string_view lang) const;

 private:
  std::map<std::string, FigureLexicon, std::less<>> lexicons_;
};

}  // namespace depeche::extract

#endif  // DEPECHE_EXTRACT_FIGURES_H_
