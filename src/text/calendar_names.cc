#include "text/calendar_names.h"

#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <map>
#include <memory>
#include <mutex>

#include "text/normalize.h"

namespace depeche::text {
namespace {

CalendarName MakeName(std::string name, int number, bool abbreviated) {
  std::string bare = name;
  while (!bare.empty() && bare.back() == '.') bare.pop_back();
  CalendarName out;
  out.folded = Fold(bare);
  out.name = std::move(name);
  out.number = number;
  out.abbreviated = abbreviated;
  return out;
}

// Appends `name` lower-cased (the locale's case mapping), unless it is empty.
void Add(const icu::UnicodeString& name, const icu::Locale& locale, int number, bool abbreviated,
         std::vector<CalendarName>& out) {
  icu::UnicodeString lower = name;
  lower.toLower(locale);
  std::string utf8;
  lower.toUTF8String(utf8);
  if (!utf8.empty()) out.push_back(MakeName(std::move(utf8), number, abbreviated));
}

}  // namespace

CalendarNames CalendarNames::Build(std::string_view lang) {
  CalendarNames out;
  if (lang.empty() || lang == "und") return out;
  const icu::Locale locale(std::string(lang).c_str());
  UErrorCode status = U_ZERO_ERROR;
  const icu::DateFormatSymbols symbols(locale, status);
  if (U_FAILURE(status)) return out;
  for (auto context : {icu::DateFormatSymbols::FORMAT, icu::DateFormatSymbols::STANDALONE}) {
    for (auto width : {icu::DateFormatSymbols::WIDE, icu::DateFormatSymbols::ABBREVIATED}) {
      const bool abbreviated = width == icu::DateFormatSymbols::ABBREVIATED;
      // The getters set `count`: call them before reading it.
      int32_t count = 0;
      const icu::UnicodeString* months = symbols.getMonths(count, context, width);
      for (int32_t i = 0; months != nullptr && i < count && i < 12; ++i) {
        Add(months[i], locale, i + 1, abbreviated, out.months_);
      }
      // ICU indexes weekdays by UCalendarDaysOfWeek (1 = Sunday ... 7 = Saturday, 0 unused);
      // they are kept in ISO order, Monday first.
      const icu::UnicodeString* weekdays = symbols.getWeekdays(count, context, width);
      for (int iso = 1; weekdays != nullptr && iso <= 7; ++iso) {
        const int32_t index = iso == 7 ? 1 : iso + 1;
        if (index < count) Add(weekdays[index], locale, iso, abbreviated, out.weekdays_);
      }
    }
  }
  // Common in English news, absent from ICU's abbreviations.
  if (lang == "en") {
    out.months_.push_back(MakeName("sept", 9, true));
    out.weekdays_.push_back(MakeName("tues", 2, true));
    out.weekdays_.push_back(MakeName("thur", 4, true));
    out.weekdays_.push_back(MakeName("thurs", 4, true));
  }
  return out;
}

const CalendarNames& CalendarNames::For(std::string_view lang) {
  static std::mutex mu;
  // Entries are never removed: references handed out stay valid.
  static std::map<std::string, std::unique_ptr<const CalendarNames>, std::less<>> cache;
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache.find(lang);
  if (it == cache.end()) {
    it = cache.emplace(std::string(lang), std::make_unique<const CalendarNames>(Build(lang))).first;
  }
  return *it->second;
}

}  // namespace depeche::text
