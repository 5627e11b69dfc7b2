// Temporal expressions (TIMEX3): what the date tagger finds in a text and the normalised value
// it gives each, against a reference date (the article's own date). The rules that find and
// normalise them are data, one folder per language (data/<lang>/timex/, see timex_rules.h).
#ifndef DEPECHE_EXTRACT_TIMEX_H_
#define DEPECHE_EXTRACT_TIMEX_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "depeche/article.h"

namespace depeche::extract {

// The TIMEX3 types.
enum class TimexType : uint8_t { kDate = 0, kTime = 1, kDuration = 2, kSet = 3 };

// "DATE", "TIME", "DURATION", "SET": the TimeML names, used in --json and the store.
std::string_view TimexTypeName(TimexType type);
std::optional<TimexType> ParseTimexType(std::string_view name);

// A calendar day (proleptic Gregorian).
struct CivilDay {
  int year = 0;
  int month = 0;  // 1-12
  int day = 0;    // 1-31
  friend bool operator==(const CivilDay&, const CivilDay&) = default;
};

// Days since 1970-01-01 and back.
int64_t DayNumber(const CivilDay& day);
CivilDay DayFromNumber(int64_t days);
// The day an ISO 8601 value opens with ("2022-01-21", "2022-01-21TEV",
// "1987-02-26T15:20:27Z"), or nullopt ("2022-W08", "PRESENT_REF", ""). The date is not checked
// against the calendar.
std::optional<CivilDay> CivilDayOf(std::string_view value);
// ISO weekday: 1 = Monday ... 7 = Sunday.
int IsoWeekday(const CivilDay& day);
// ISO 8601 week: {week-based year, week 1-53}.
std::pair<int, int> IsoWeek(const CivilDay& day);

// The direction a clause points to, from its tense and cue words: a bare "vendredi" is the
// coming Friday in a clause about the future, the last one in a clause about the past.
enum class Tense : uint8_t { kUnknown = 0, kPast = 1, kFuture = 2 };

struct Timex {
  Span span;  // bytes [begin, end) of the text tagged
  TimexType type = TimexType::kDate;
  // The TIMEX3 value: "2022-01-21", "2022-W08", "2022-02-17TEV", "2022-01-21T11:00", "P8Y",
  // "FUTURE_REF", ... Without a reference date a relative expression keeps an unresolved
  // form ("UNDEF-WEEKDAY-5", "UNDEF-YEAR-02-17", "REF+1W").
  std::string value;
  bool resolved = true;  // false while the value needs a reference date it did not have
  // The value before resolution ("UNDEF-WEEKDAY-5", or the value itself when it needs no
  // reference) and the tense of its clause: what resolving it again against another day (an
  // inferred publication day) takes.
  std::string form;
  Tense tense = Tense::kUnknown;
  std::string rule;  // the rule that matched (its file and line), for provenance
  friend bool operator==(const Timex&, const Timex&) = default;
};

}  // namespace depeche::extract

#endif  // DEPECHE_EXTRACT_TIMEX_H_
