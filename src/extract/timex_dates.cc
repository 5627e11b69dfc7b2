#include "extract/timex_dates.h"

#include <cstdlib>
#include <string>

#include "extract/timex_normalize.h"

namespace depeche::extract {
namespace {

// The day a resolved value names ("2022-01-21", "2022-01-21TEV"), or nullopt.
std::optional<int64_t> DayOf(const std::string& value) {
  const std::optional<CivilDay> day = CivilDayOf(value);
  if (!day) return std::nullopt;
  return DayNumber(*day);
}

// Whether an expression bears on the publication day: a day-precision date, relative or
// explicit (a weekday, a day and month, "hier"), not a duration, week or month.
bool BearsOnTheDay(const Timex& t) {
  if (t.type != TimexType::kDate && t.type != TimexType::kTime) return false;
  return t.form.rfind("UNDEF-WEEKDAY-", 0) == 0 || t.form.rfind("UNDEF-YEAR-", 0) == 0 ||
         DayOf(t.form).has_value();
}

}  // namespace

std::optional<InferredDay> InferPublicationDay(const std::vector<Timex>& timexes, int64_t first_day,
                                               int64_t last_day, int64_t max_window_days) {
  if (last_day < first_day || last_day - first_day + 1 > max_window_days) return std::nullopt;
  std::vector<size_t> bearing;
  for (size_t i = 0; i < timexes.size(); ++i) {
    // Relative to the day itself ("hier", "REF-1D") says nothing about which day it is.
    if (BearsOnTheDay(timexes[i])) bearing.push_back(i);
  }
  if (bearing.empty()) return std::nullopt;
  std::optional<int64_t> best;
  double best_cost = 0.0;
  for (int64_t d = first_day; d <= last_day; ++d) {
    const CivilDay day = DayFromNumber(d);
    double cost = 0.0;
    for (size_t i : bearing) {
      const Timex& t = timexes[i];
      const std::optional<int64_t> r = DayOf(ResolveTimexValue(t.form, day, t.tense).value);
      if (!r) continue;
      const int64_t diff = *r - d;
      // News report what was said today or yesterday ("a déclaré mardi") and announce what is
      // planned days ahead ("se rencontreront vendredi"): a past mention far from the day
      // costs more than a future one.
      const double weight = t.tense == Tense::kPast ? 2.0 : t.tense == Tense::kFuture ? 0.5 : 1.0;
      double c = weight * static_cast<double>(std::llabs(diff)) / 7.0;
      // The text reports it as past (or gives it explicitly without a future verb), yet it
      // would come after the article: a contradiction.
      if (diff > 0 && t.tense == Tense::kPast) c += 10.0;
      if (diff < 0 && t.tense == Tense::kFuture) c += 10.0;
      cost += c;
    }
    if (!best || cost < best_cost - 1e-9) {
      best = d;
      best_cost = cost;
    }
  }
  InferredDay out;
  out.day = DayFromNumber(*best);
  out.evidence = bearing;
  return out;
}

}  // namespace depeche::extract
