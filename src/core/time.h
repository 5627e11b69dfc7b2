// Publication dates: parsing ISO 8601 (full or partial) and formatting.
#ifndef DEPECHE_CORE_TIME_H_
#define DEPECHE_CORE_TIME_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "depeche/article.h"
#include "depeche/status.h"

namespace depeche::core {

// Parses "2022", "2022-01", "2022-01-21", "2022-01-21T10:05", "2022-01-21T10:05:30Z",
// "2022-01-21 10:05:30+01:00", "2022-01-21T10:05:30.123-05:00" (also "+0100").
// A date-time without an offset is taken as UTC. PublicationDate::iso keeps the time and the
// offset as stated ("2022-01-21T14:30:00+01:00"; "Z" for UTC or no offset); utc_seconds is
// the instant. Errors: InvalidArgument naming the problem
// (bad shape, month 13, February 30, ...).
Result<PublicationDate> ParseIsoDate(std::string_view text);

// Days since 1970-01-01 for a proleptic Gregorian date (valid for any year).
int64_t DaysFromCivil(int year, int month, int day);

// "2022-01-21T10:05:30Z" for UTC seconds.
std::string FormatUtc(int64_t utc_seconds);

// Current UTC seconds.
int64_t NowUtcSeconds();

// CPU seconds the process has used so far (user + system): what benchmarks and evaluations
// report speeds per CPU-second with.
double ProcessCpuSeconds();

}  // namespace depeche::core

#endif  // DEPECHE_CORE_TIME_H_
