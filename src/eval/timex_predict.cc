#include "eval/timex_predict.h"

#include <cstdlib>
#include <optional>
#include <string>

namespace depeche::eval {

std::vector<TimemlDocument> PredictTimeml(const std::vector<TimemlDocument>& gold,
                                          const extract::TimexTagger& tagger,
                                          std::string_view lang) {
  std::vector<TimemlDocument> out;
  out.reserve(gold.size());
  for (const TimemlDocument& g : gold) {
    TimemlDocument p;
    p.id = g.id;
    p.name = g.name;
    p.dct_value = g.dct_value;
    p.dct_tid = g.dct_tid;
    p.text = g.text;
    const std::optional<extract::CivilDay> reference = extract::CivilDayOf(g.dct_value);
    size_t n = 0;
    for (const extract::Timex& t : tagger.Tag(g.text, lang, reference)) {
      Timex x;
      x.tid = std::to_string(++n + 1000);
      x.tid.insert(x.tid.begin(), 't');
      x.type = std::string(extract::TimexTypeName(t.type));
      x.value = t.value;
      x.begin = t.span.begin;
      x.end = t.span.end;
      x.text = g.text.substr(x.begin, x.end - x.begin);
      x.attributes = {{"tid", x.tid}, {"type", x.type}, {"value", x.value}};
      p.timexes.push_back(std::move(x));
    }
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace depeche::eval
