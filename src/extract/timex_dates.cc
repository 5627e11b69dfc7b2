#include "extract/timex_dates.h"

#include <algorithm>
#include <cmath>
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

// Whether an expression names a day relative to the publication day ("hier", "REF+2D",
// "REFT11:00"): said nothing about which day it is alone, but can meet a day the story cites.
bool RelativeDay(const Timex& t) {
  if (t.type != TimexType::kDate && t.type != TimexType::kTime) return false;
  if (t.form.rfind("REF", 0) != 0) return false;
  return t.form == "REF" || t.form.rfind("REFT", 0) == 0 ||
         (t.form.size() > 4 && t.form.back() == 'D' && (t.form[3] == '+' || t.form[3] == '-'));
}

// A week's distance: what meeting a story day is worth against the article's own evidence.
constexpr double kStoryDayMatch = 1.0;

}  // namespace

std::optional<InferredDay> InferPublicationDay(const std::vector<Timex>& timexes, int64_t first_day,
                                               int64_t last_day, int64_t max_window_days,
                                               const std::map<int64_t, int>* story_days) {
  if (last_day < first_day || last_day - first_day + 1 > max_window_days) return std::nullopt;
  if (story_days != nullptr && story_days->empty()) story_days = nullptr;
  std::vector<size_t> bearing;
  std::vector<size_t> relative;  // only with story days
  for (size_t i = 0; i < timexes.size(); ++i) {
    // Relative to the day itself ("hier", "REF-1D") says nothing about which day it is, unless
    // it meets a day the story cites.
    if (BearsOnTheDay(timexes[i])) {
      bearing.push_back(i);
    } else if (story_days != nullptr && RelativeDay(timexes[i])) {
      relative.push_back(i);
    }
  }
  if (bearing.empty() && relative.empty()) return std::nullopt;
  std::vector<double> costs;
  costs.reserve(static_cast<size_t>(last_day - first_day + 1));
  std::vector<char> met(timexes.size(), 0);  // met a story day at the best day so far
  std::vector<char> met_here(timexes.size(), 0);
  std::optional<int64_t> best;
  double best_cost = 0.0;
  for (int64_t d = first_day; d <= last_day; ++d) {
    const CivilDay day = DayFromNumber(d);
    double cost = 0.0;
    std::fill(met_here.begin(), met_here.end(), 0);
    auto meets_story = [&](size_t i, const std::optional<int64_t>& r) {
      if (story_days == nullptr || !r) return;
      const auto it = story_days->find(*r);
      if (it == story_days->end()) return;
      cost -= kStoryDayMatch * (1.0 + std::log2(static_cast<double>(std::max(it->second, 1))));
      met_here[i] = 1;
    };
    for (size_t i : relative) {
      const Timex& t = timexes[i];
      meets_story(i, DayOf(ResolveTimexValue(t.form, day, t.tense).value));
    }
    for (size_t i : bearing) {
      const Timex& t = timexes[i];
      const std::optional<int64_t> r = DayOf(ResolveTimexValue(t.form, day, t.tense).value);
      if (!r) continue;
      meets_story(i, r);
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
    costs.push_back(cost);
    if (!best || cost < best_cost - 1e-9) {
      best = d;
      best_cost = cost;
      met = met_here;
    }
  }
  InferredDay out;
  out.day = DayFromNumber(*best);
  for (size_t i = 0; i < timexes.size(); ++i) {
    if (met[i] || std::find(bearing.begin(), bearing.end(), i) != bearing.end()) {
      out.evidence.push_back(i);
    }
  }
  std::optional<double> second;
  for (int64_t d = first_day; d <= last_day; ++d) {
    if (std::llabs(d - *best) < 2) continue;
    const double c = costs[static_cast<size_t>(d - first_day)];
    if (!second || c < *second) second = c;
  }
  out.margin = second ? *second - best_cost : 1e9;
  out.ambiguous = out.margin <= 1e-9;
  if (out.ambiguous) out.margin = 0.0;
  return out;
}

}  // namespace depeche::extract
