#include "text/calendar_words.h"

#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include "text/normalize.h"

namespace depeche::text {
namespace {

void AddNames(const icu::UnicodeString* names, int32_t count, const icu::Locale& locale,
              std::unordered_set<std::string>& out) {
  if (names == nullptr) return;
  for (int32_t i = 0; i < count; ++i) {
    icu::UnicodeString lower = names[i];
    lower.toLower(locale);
    std::string utf8;
    lower.toUTF8String(utf8);
    while (!utf8.empty() && utf8.back() == '.') utf8.pop_back();
    if (utf8.size() >= 2) out.insert(Fold(utf8));
  }
}

}  // namespace

std::unordered_set<std::string> CalendarWords(std::string_view lang) {
  std::unordered_set<std::string> out;
  if (lang.empty() || lang == "und") return out;
  const icu::Locale locale(std::string(lang).c_str());
  UErrorCode status = U_ZERO_ERROR;
  const icu::DateFormatSymbols symbols(locale, status);
  if (U_FAILURE(status)) return out;
  for (auto context : {icu::DateFormatSymbols::FORMAT, icu::DateFormatSymbols::STANDALONE}) {
    for (auto width : {icu::DateFormatSymbols::WIDE, icu::DateFormatSymbols::ABBREVIATED}) {
      // The getters set `count`: call them before reading it.
      int32_t months = 0, weekdays = 0;
      const icu::UnicodeString* month_names = symbols.getMonths(months, context, width);
      AddNames(month_names, months, locale, out);
      const icu::UnicodeString* weekday_names = symbols.getWeekdays(weekdays, context, width);
      AddNames(weekday_names, weekdays, locale, out);
    }
  }
  // Common in English news, absent from ICU's abbreviations.
  if (lang == "en") {
    for (const char* word : {"sept", "tues", "thur", "thurs"}) out.insert(word);
  }
  return out;
}

}  // namespace depeche::text
