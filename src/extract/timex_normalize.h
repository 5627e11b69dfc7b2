// Resolving the relative values the timex rules produce against a reference date (the
// article's own day) and the tense of the clause:
//   UNDEF-WEEKDAY-n[<|<<][Tsuffix] the weekday n (1 = Monday) nearest the reference, the
//                              coming one in a future clause, the last one in a past clause;
//                              "<": the last one also when the tense is unknown; "<<": the
//                              last one before the reference whatever the tense ("last Friday");
//   UNDEF-YEAR-MM[-DD[@n]][<][Tsuffix] that month (day) in the year that puts it nearest the
//                              reference, after it in a future clause, before it in a past one;
//                              "@n": the day is a weekday n ("jeudi 17 février"), which picks
//                              the year (within eleven years of the reference); "<": the past
//                              one when the tense is unknown;
//   UNDEF-LAST-MM, UNDEF-NEXT-MM  month MM before (after) the reference's month, the nearest:
//                              "last May" -> UNDEF-LAST-05 -> 2021-05 on 2022-01-18;
//   UNDEF-WEEKEND              the weekend the tense points to, the last one when unknown:
//                              "2022-W02-WE" on Monday 2022-01-17 in a past clause;
//   REF[Tsuffix]               the reference day;
//   REF+nU, REF-nU             n units (D, W, M, Q, Y) from the reference, at that unit's
//                              granularity: REF+1W -> "2022-W08", REF-1Q -> "2021-Q4",
//                              REF-1Y -> "2021"; what follows is kept ("REF+0W-WE");
//   REF+XU, REF-XU             some units after (before) the reference: FUTURE_REF (PAST_REF);
//   PnU with U = H, MIN or S   a duration of hours, minutes, seconds -> PTnH, PTnM, PTnS;
//   PnDE, PnCE                 decades, centuries in years: P2DE -> P20Y, P1CE -> P100Y.
// Anything else is returned as it is. Pure functions, thread-safe.
#ifndef DEPECHE_EXTRACT_TIMEX_NORMALIZE_H_
#define DEPECHE_EXTRACT_TIMEX_NORMALIZE_H_

#include <optional>
#include <string>
#include <string_view>

#include "extract/timex.h"

namespace depeche::extract {

struct ResolvedValue {
  std::string value;
  bool resolved = true;  // false: a relative form kept as it is for want of a reference
};

ResolvedValue ResolveTimexValue(std::string_view value, const std::optional<CivilDay>& reference,
                                Tense tense);

}  // namespace depeche::extract

#endif  // DEPECHE_EXTRACT_TIMEX_NORMALIZE_H_
