#include "extract/timex_normalize.h"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace depeche::extract {
namespace {

std::string Day(const CivilDay& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// Parses a non-negative integer at the start of `s`, advancing it; nullopt when none.
std::optional<int> TakeInt(std::string_view& s) {
  int value = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || ptr == s.data()) return std::nullopt;
  s.remove_prefix(static_cast<size_t>(ptr - s.data()));
  return value;
}

int DaysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0)) return 29;
  return kDays[(month - 1) % 12];
}

CivilDay AddMonths(const CivilDay& d, int months) {
  int total = d.year * 12 + (d.month - 1) + months;
  CivilDay out{total / 12, total % 12 + 1, d.day};
  out.day = std::min(out.day, DaysInMonth(out.year, out.month));
  return out;
}

// The candidate nearest `reference` in the direction the tense gives (a clause about the
// future looks forward, one about the past back; an unknown tense takes the nearest): one
// against the tense costs `against_tense` days more.
// A weekday against the tense is farther than any in its direction; a month against it must
// be four months nearer than the one in its direction (the tense cues are words near it, not
// a parse: a wrong cue must not throw a month a year away).
constexpr int64_t kWeekdayAgainstTense = 60;
constexpr int64_t kMonthAgainstTense = 120;

int64_t Pick(const std::vector<int64_t>& candidates, int64_t reference, Tense tense,
             int64_t against_tense) {
  int64_t best = candidates.front();
  int64_t best_cost = -1;
  for (int64_t c : candidates) {
    const int64_t diff = c - reference;
    int64_t cost = std::llabs(diff);
    if (tense == Tense::kFuture && diff < 0) cost += against_tense;
    if (tense == Tense::kPast && diff > 0) cost += against_tense;
    if (best_cost < 0 || cost < best_cost) {
      best = c;
      best_cost = cost;
    }
  }
  return best;
}

}  // namespace

ResolvedValue ResolveTimexValue(std::string_view value, const std::optional<CivilDay>& reference,
                                Tense tense) {
  ResolvedValue out{std::string(value), true};
  // Durations of hours, minutes and seconds are written PT.
  if (value.size() > 1 && value[0] == 'P' && value[1] != 'T') {
    // Decades and centuries counted in years, as TimeML values write them ("two decades":
    // P20Y); an unknown number of them stays as it is.
    for (auto [unit, years] : {std::pair{"DE", 10}, std::pair{"CE", 100}}) {
      std::string_view n = value.substr(1);
      const std::optional<int> count = TakeInt(n);
      if (count && n == unit) {
        out.value = "P" + std::to_string(*count * years) + "Y";
        return out;
      }
    }
    for (auto [unit, letter] : {std::pair{"MIN", "M"}, std::pair{"H", "H"}, std::pair{"S", "S"}}) {
      const std::string_view u(unit);
      if (value.size() > u.size() + 1 && value.substr(value.size() - u.size()) == u) {
        out.value = "PT" + std::string(value.substr(1, value.size() - 1 - u.size())) + letter;
        return out;
      }
    }
    return out;
  }
  const bool relative = StartsWith(value, "UNDEF-") || StartsWith(value, "REF");
  if (!relative) return out;
  if (!reference) {
    out.resolved = false;
    return out;
  }
  const int64_t ref = DayNumber(*reference);
  std::string_view rest = value;
  if (StartsWith(rest, "UNDEF-WEEKDAY-")) {
    rest.remove_prefix(14);
    const std::optional<int> weekday = TakeInt(rest);
    if (!weekday || *weekday < 1 || *weekday > 7) return out;
    // "<<": before the reference ("last Friday"); "<": with no tense, the last one (news
    // report what happened).
    const bool before = StartsWith(rest, "<<");
    if (before) tense = Tense::kPast;
    if (tense == Tense::kUnknown && StartsWith(rest, "<")) tense = Tense::kPast;
    while (StartsWith(rest, "<")) rest.remove_prefix(1);
    const int delta = *weekday - IsoWeekday(*reference);
    std::vector<int64_t> candidates;
    // The reference day itself is a candidate: news name the day of their own date by its
    // weekday ("Friday" in Friday's paper).
    for (int week : {-1, 0, 1}) {
      if (before && delta + 7 * week >= 0) continue;
      candidates.push_back(ref + delta + 7 * week);
    }
    out.value =
        Day(DayFromNumber(Pick(candidates, ref, tense, kWeekdayAgainstTense))) + std::string(rest);
    return out;
  }
  if (StartsWith(rest, "UNDEF-WEEKEND")) {
    // The weekend the tense points to, the last one when it is unknown (news tell what
    // happened "over the weekend"): that of the nearest Saturday in that direction.
    rest.remove_prefix(13);
    const int delta = 6 - IsoWeekday(*reference);
    std::vector<int64_t> candidates;
    for (int week : {-1, 0, 1}) candidates.push_back(ref + delta + 7 * week);
    const Tense direction = tense == Tense::kFuture ? Tense::kFuture : Tense::kPast;
    // Sunday belongs to the weekend that began the day before.
    const int64_t saturday = IsoWeekday(*reference) == 7 && direction == Tense::kPast
                                 ? ref - 1
                                 : Pick(candidates, ref, direction, kWeekdayAgainstTense);
    const auto [year, week] = IsoWeek(DayFromNumber(saturday));
    char buf[24];
    std::snprintf(buf, sizeof buf, "%04d-W%02d-WE", year, week);
    out.value = buf + std::string(rest);
    return out;
  }
  if (StartsWith(rest, "UNDEF-LAST-") || StartsWith(rest, "UNDEF-NEXT-")) {
    // "last May", "next May": the nearest such month before (after) the reference's month.
    const bool last = rest[6] == 'L';
    rest.remove_prefix(11);
    const std::optional<int> month = TakeInt(rest);
    if (!month || *month < 1 || *month > 12) return out;
    int year = reference->year;
    if (last && *month >= reference->month) --year;
    if (!last && *month <= reference->month) ++year;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, *month);
    out.value = buf + std::string(rest);
    return out;
  }
  if (StartsWith(rest, "UNDEF-YEAR-")) {
    rest.remove_prefix(11);
    const std::optional<int> month = TakeInt(rest);
    if (!month || *month < 1 || *month > 12) return out;
    std::optional<int> day;
    if (StartsWith(rest, "-")) {
      rest.remove_prefix(1);
      day = TakeInt(rest);
      if (!day || *day < 1 || *day > 31) return out;
    }
    // "@n": the weekday the text gave with the day ("jeudi 17 février"), which fixes the year.
    std::optional<int> weekday;
    if (day && rest.size() >= 2 && rest[0] == '@') {
      rest.remove_prefix(1);
      weekday = TakeInt(rest);
    }
    // "<": with no tense, the past one.
    if (StartsWith(rest, "<")) {
      if (tense == Tense::kUnknown) tense = Tense::kPast;
      rest.remove_prefix(1);
    }
    std::vector<int64_t> candidates;
    for (int dy = weekday ? -11 : -1; dy <= (weekday ? 11 : 1); ++dy) {
      const int year = reference->year + dy;
      const int d = day ? std::min(*day, DaysInMonth(year, *month)) : 15;
      const CivilDay c{year, *month, d};
      if (weekday && IsoWeekday(c) != *weekday) continue;
      candidates.push_back(DayNumber(c));
    }
    if (candidates.empty()) return out;
    const CivilDay chosen = DayFromNumber(Pick(candidates, ref, tense, kMonthAgainstTense));
    char buf[16];
    if (day) {
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", chosen.year, *month, *day);
    } else {
      std::snprintf(buf, sizeof buf, "%04d-%02d", chosen.year, *month);
    }
    out.value = buf + std::string(rest);
    return out;
  }
  if (StartsWith(rest, "REF")) {
    rest.remove_prefix(3);
    if (rest.empty() || rest[0] == 'T') {
      out.value = Day(*reference) + std::string(rest);
      return out;
    }
    const int sign = rest[0] == '-' ? -1 : 1;
    if (rest[0] != '+' && rest[0] != '-') return out;
    rest.remove_prefix(1);
    // "several years ago", "a few days later": some time before or after.
    if (StartsWith(rest, "X")) {
      out.value = sign < 0 ? "PAST_REF" : "FUTURE_REF";
      return out;
    }
    const std::optional<int> n = TakeInt(rest);
    if (!n || rest.empty()) return out;
    // Decades and centuries back or ahead name a year ("a decade ago": 2012).
    int years = 0;
    if (rest.substr(0, 2) == "DE") years = 10;
    if (rest.substr(0, 2) == "CE") years = 100;
    if (years > 0) {
      rest.remove_prefix(2);
      char year[16];
      std::snprintf(year, sizeof year, "%04d", reference->year + sign * *n * years);
      out.value = year + std::string(rest);
      return out;
    }
    const char unit = rest[0];
    rest.remove_prefix(1);
    char buf[24];
    switch (unit) {
      case 'D':
        out.value = Day(DayFromNumber(ref + sign * *n)) + std::string(rest);
        return out;
      case 'W': {
        const auto [year, week] = IsoWeek(DayFromNumber(ref + 7 * sign * *n));
        std::snprintf(buf, sizeof buf, "%04d-W%02d", year, week);
        break;
      }
      case 'M': {
        const CivilDay m = AddMonths(*reference, sign * *n);
        std::snprintf(buf, sizeof buf, "%04d-%02d", m.year, m.month);
        break;
      }
      case 'Q': {
        const int q = (reference->year * 4 + (reference->month - 1) / 3) + sign * *n;
        std::snprintf(buf, sizeof buf, "%04d-Q%d", q / 4, q % 4 + 1);
        break;
      }
      case 'Y':
        std::snprintf(buf, sizeof buf, "%04d", reference->year + sign * *n);
        break;
      default:
        return out;
    }
    out.value = buf + std::string(rest);
    return out;
  }
  return out;
}

}  // namespace depeche::extract
