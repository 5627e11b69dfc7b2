#include "extract/timex.h"

#include "core/time.h"

namespace depeche::extract {

std::string_view TimexTypeName(TimexType type) {
  switch (type) {
    case TimexType::kDate:
      return "DATE";
    case TimexType::kTime:
      return "TIME";
    case TimexType::kDuration:
      return "DURATION";
    case TimexType::kSet:
      return "SET";
  }
  return "DATE";
}

std::optional<TimexType> ParseTimexType(std::string_view name) {
  for (TimexType t : {TimexType::kDate, TimexType::kTime, TimexType::kDuration, TimexType::kSet}) {
    if (TimexTypeName(t) == name) return t;
  }
  return std::nullopt;
}

int64_t DayNumber(const CivilDay& day) { return core::DaysFromCivil(day.year, day.month, day.day); }

CivilDay DayFromNumber(int64_t days) {
  // Howard Hinnant's civil_from_days.
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t doe = days - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return {static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)};
}

std::optional<CivilDay> CivilDayOf(std::string_view value) {
  if (value.size() < 10 || value[4] != '-' || value[7] != '-') return std::nullopt;
  int parts[3] = {0, 0, 0};
  const size_t starts[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
  for (int k = 0; k < 3; ++k) {
    for (size_t i = starts[k]; i < starts[k] + lengths[k]; ++i) {
      if (value[i] < '0' || value[i] > '9') return std::nullopt;
      parts[k] = parts[k] * 10 + (value[i] - '0');
    }
  }
  return CivilDay{parts[0], parts[1], parts[2]};
}

int IsoWeekday(const CivilDay& day) {
  // 1970-01-01 was a Thursday (4).
  const int64_t n = DayNumber(day);
  const int64_t w = ((n % 7) + 7 + 3) % 7;  // 0 = Monday
  return static_cast<int>(w) + 1;
}

std::pair<int, int> IsoWeek(const CivilDay& day) {
  // The week belongs to the year of its Thursday.
  const int64_t n = DayNumber(day);
  const int64_t thursday = n - (IsoWeekday(day) - 1) + 3;
  const CivilDay t = DayFromNumber(thursday);
  const int64_t first = DayNumber({t.year, 1, 1});
  return {t.year, static_cast<int>((thursday - first) / 7 + 1)};
}

}  // namespace depeche::extract
