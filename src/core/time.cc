#include "core/time.h"

#include <sys/resource.h>

#include <chrono>
#include <cstdio>

namespace depeche::core {
namespace {

bool ReadDigits(std::string_view s, size_t& pos, size_t count, int& out) {
  if (pos + count > s.size()) return false;
  int v = 0;
  for (size_t i = 0; i < count; ++i) {
    char c = s[pos + i];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  pos += count;
  out = v;
  return true;
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

Status Bad(std::string_view text, std::string_view why) {
  return InvalidArgumentError("bad ISO 8601 date '" + std::string(text.substr(0, 40)) +
                              "': " + std::string(why));
}

}  // namespace

int64_t DaysFromCivil(int year, int month, int day) {
  // Howard Hinnant's days_from_civil.
  int64_t y = static_cast<int64_t>(year) - (month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t mp = (month + 9) % 12;
  const int64_t doy = (153 * mp + 2) / 5 + day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string FormatUtc(int64_t utc_seconds) {
  int64_t days = utc_seconds >= 0 ? utc_seconds / 86400 : (utc_seconds - 86399) / 86400;
  int64_t secs = utc_seconds - days * 86400;
  // civil_from_days
  int64_t z = days + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = yoe + era * 400;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp < 10 ? mp + 3 : mp - 9;
  if (m <= 2) ++y;
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lldZ",
                static_cast<long long>(y), static_cast<long long>(m), static_cast<long long>(d),
                static_cast<long long>(secs / 3600), static_cast<long long>(secs / 60 % 60),
                static_cast<long long>(secs % 60));
  return buf;
}

int64_t NowUtcSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Result<PublicationDate> ParseIsoDate(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
    text.remove_suffix(1);
  PublicationDate out;
  size_t pos = 0;
  int year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0;
  if (!ReadDigits(text, pos, 4, year)) return Bad(text, "expected a 4-digit year");
  out.precision = DatePrecision::kYear;
  char buf[64];
  if (pos < text.size()) {
    if (text[pos] != '-') return Bad(text, "expected '-' after the year");
    ++pos;
    if (!ReadDigits(text, pos, 2, month) || month < 1 || month > 12)
      return Bad(text, "month must be 01-12");
    out.precision = DatePrecision::kMonth;
  }
  if (pos < text.size()) {
    if (text[pos] != '-') return Bad(text, "expected '-' after the month");
    ++pos;
    if (!ReadDigits(text, pos, 2, day) || day < 1 || day > DaysInMonth(year, month))
      return Bad(text, "day out of range for the month");
    out.precision = DatePrecision::kDay;
  }
  int offset_minutes = 0;
  bool stated_offset = false;  // "+01:00" or "-05:00" (not "Z"): kept in the ISO text
  if (pos < text.size()) {
    if (text[pos] != 'T' && text[pos] != 't' && text[pos] != ' ')
      return Bad(text, "expected 'T' before the time");
    ++pos;
    if (!ReadDigits(text, pos, 2, hour) || hour > 23) return Bad(text, "hour must be 00-23");
    if (pos >= text.size() || text[pos] != ':') return Bad(text, "expected ':' in the time");
    ++pos;
    if (!ReadDigits(text, pos, 2, minute) || minute > 59) return Bad(text, "bad minutes");
    out.precision = DatePrecision::kMinute;
    if (pos < text.size() && text[pos] == ':') {
      ++pos;
      if (!ReadDigits(text, pos, 2, second) || second > 60) return Bad(text, "bad seconds");
      if (second == 60) second = 59;  // leap second: keep the minute
      out.precision = DatePrecision::kSecond;
      if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
        ++pos;
        size_t start = pos;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
        if (pos == start) return Bad(text, "empty fraction of a second");
      }
    }
    if (pos < text.size()) {
      char c = text[pos];
      if (c == 'Z' || c == 'z') {
        ++pos;
      } else if (c == '+' || c == '-') {
        ++pos;
        int oh = 0, om = 0;
        if (!ReadDigits(text, pos, 2, oh) || oh > 18) return Bad(text, "bad UTC offset");
        if (pos < text.size() && text[pos] == ':') ++pos;
        if (pos < text.size() && !ReadDigits(text, pos, 2, om)) return Bad(text, "bad UTC offset");
        offset_minutes = (oh * 60 + om) * (c == '-' ? -1 : 1);
        stated_offset = true;
      } else {
        return Bad(text, "unexpected text after the time");
      }
    }
  }
  if (pos != text.size()) return Bad(text, "unexpected trailing text");
  out.utc_seconds = DaysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second -
                    static_cast<int64_t>(offset_minutes) * 60;
  switch (out.precision) {
    case DatePrecision::kYear:
      std::snprintf(buf, sizeof buf, "%04d", year);
      out.iso = buf;
      break;
    case DatePrecision::kMonth:
      std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
      out.iso = buf;
      break;
    case DatePrecision::kDay:
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
      out.iso = buf;
      break;
    default: {
      // The local time as stated, then its offset: a reader sees the hour the source gave,
      // and utc_seconds orders it.
      out.iso = FormatUtc(out.utc_seconds + static_cast<int64_t>(offset_minutes) * 60);
      if (stated_offset) {
        out.iso.pop_back();  // the 'Z'
        int magnitude = offset_minutes < 0 ? -offset_minutes : offset_minutes;
        std::snprintf(buf, sizeof buf, "%c%02d:%02d", offset_minutes < 0 ? '-' : '+',
                      magnitude / 60, magnitude % 60);
        out.iso += buf;
      }
      if (out.precision == DatePrecision::kMinute) out.iso.erase(16, 3);  // drop ":SS"
      break;
    }
  }
  return out;
}

double ProcessCpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
  };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

}  // namespace depeche::core
