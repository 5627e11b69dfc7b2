// The month and weekday names of a language: the one source the rest of depeche reads them from
// (text::CalendarWords, the HTML date reader, the temporal-expression tagger's @month and
// @weekday resources). They come from ICU's locale data (DateFormatSymbols: wide and
// abbreviated, format and stand-alone forms), plus the few abbreviations that are common in
// news and absent from ICU (English "sept", "tues", "thur", "thurs").
#ifndef DEPECHE_TEXT_CALENDAR_NAMES_H_
#define DEPECHE_TEXT_CALENDAR_NAMES_H_

#include <string>
#include <string_view>
#include <vector>

namespace depeche::text {

struct CalendarName {
  // Lower case (ICU's locale-aware mapping), as the locale writes it: "janvier", "janv.",
  // "mär", "sept".
  std::string name;
  // text::Fold of `name` without its trailing periods: "janvier", "janv", "mar", "sept".
  std::string folded;
  int number = 0;            // a month 1-12, or an ISO weekday 1-7 (1 = Monday, 7 = Sunday)
  bool abbreviated = false;  // ICU's abbreviated width (or one of the extras)
};

// Immutable once built; shared by every caller of For.
class CalendarNames {
 public:
  // The names of `lang` (a language code: "en", "fr", "de"...), built on first use and cached
  // for the life of the process (the reference stays valid). Empty for "" and "und"; a code ICU
  // does not know gets the names of ICU's fallback locale (as ICU's own formatters do).
  // Thread-safe.
  static const CalendarNames& For(std::string_view lang);

  // Every name of each month and weekday, in ICU's order (format wide, format abbreviated,
  // stand-alone wide, stand-alone abbreviated; months in calendar order, weekdays Monday first
  // within each), then the extras. The same spelling appears once per form that has it
  // ("mars" is both wide and abbreviated in French).
  const std::vector<CalendarName>& months() const { return months_; }
  const std::vector<CalendarName>& weekdays() const { return weekdays_; }
  bool empty() const { return months_.empty() && weekdays_.empty(); }

 private:
  CalendarNames() = default;
  static CalendarNames Build(std::string_view lang);
  std::vector<CalendarName> months_;
  std::vector<CalendarName> weekdays_;
};

}  // namespace depeche::text

#endif  // DEPECHE_TEXT_CALENDAR_NAMES_H_
