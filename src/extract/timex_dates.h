// Dating an article that does not say when it was written (issue 11, document dates): the day
// that makes its own temporal expressions most consistent. A "jeudi 17 février" fixes a year;
// "a déclaré mardi" wants a Tuesday shortly before; "se rencontreront vendredi" a Friday shortly
// after; an explicit past date ("20 janvier 2022") comes before the article. The day is only
// inferred within a window the caller knows (the article's own month, its story's days), and
// never replaces a stated date: the caller marks the result as inferred, with its evidence.
#ifndef DEPECHE_EXTRACT_TIMEX_DATES_H_
#define DEPECHE_EXTRACT_TIMEX_DATES_H_

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

#include "extract/timex.h"

namespace depeche::extract {

struct InferredDay {
  CivilDay day;
  // Indices into the timexes given of the expressions that placed it (explicit dates,
  // weekdays, and those that met a story day), in text order.
  std::vector<size_t> evidence;
  // Another day two or more days away fits as well (a text that names only weekdays fits every
  // week of its window alike): the day is then a guess, and callers leave the article undated.
  bool ambiguous = false;
  // How much worse the best day two or more days away fits (0 when ambiguous): how sure.
  double margin = 0.0;
};

// The most consistent day in [first_day, last_day] (day numbers, DayNumber) for `timexes`
// (TimexTagger::Tag of the article's text without a reference date): each dated or
// weekday-bound expression costs the distance from the day to what it resolves to then (in
// weeks, twice for a clause in the past, half for one in the future: news report what was said
// that day or the day before and announce plans days ahead); a past clause resolving after the
// day, or a future one before it, costs a contradiction. Ties go to the earliest day. nullopt when
// nothing in the text bears on the day, or the window is empty or longer than `max_window_days` (a
// day among years of candidates would be a guess).
// `story_days` (day number -> how many of the story's dated articles cite it; may be null). Each
// expression that would resolve, at a candidate day, to one of them ("vendredi" read as the
// Friday the others name, "hier" as the day before one they name) lowers that day's cost by a
// week's worth, more for a day several articles cite (1 + log2 of their number): articles of
// one story tell of the same days, and the days most of them tell of are the story's. Pure.
std::optional<InferredDay> InferPublicationDay(const std::vector<Timex>& timexes, int64_t first_day,
                                               int64_t last_day, int64_t max_window_days = 400,
                                               const std::map<int64_t, int>* story_days = nullptr);

}  // namespace depeche::extract

#endif  // DEPECHE_EXTRACT_TIMEX_DATES_H_
