// depeche's own temporal-expression tagger over gold TimeML documents: what `depeche eval timex`
// scores when no --predictions are given. Each document's text is tagged in `lang` against its
// creation time (the DCT, the reference day the product takes from an article's date), through
// extract::TimexTagger::Tag, the entry point ingest will call.
#ifndef DEPECHE_EVAL_TIMEX_PREDICT_H_
#define DEPECHE_EVAL_TIMEX_PREDICT_H_

#include <string_view>
#include <vector>

#include "eval/timeml_reader.h"
#include "extract/timex_tagger.h"

namespace depeche::eval {

// One predicted document per gold document (same name and text). A DCT that is not a day
// ("", "1999-05") leaves relative expressions unresolved. Pure given the tagger; thread-safe.
std::vector<TimemlDocument> PredictTimeml(const std::vector<TimemlDocument>& gold,
                                          const extract::TimexTagger& tagger,
                                          std::string_view lang);

}  // namespace depeche::eval

#endif  // DEPECHE_EVAL_TIMEX_PREDICT_H_
