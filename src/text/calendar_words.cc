#include "text/calendar_words.h"

#include "text/calendar_names.h"

namespace depeche::text {

std::unordered_set<std::string> CalendarWords(std::string_view lang) {
  std::unordered_set<std::string> out;
  const CalendarNames& names = CalendarNames::For(lang);
  for (const auto* list : {&names.months(), &names.weekdays()}) {
    for (const CalendarName& n : *list) {
      // A one-byte name is no evidence of a date.
      size_t bare = n.name.size();
      while (bare > 0 && n.name[bare - 1] == '.') --bare;
      if (bare >= 2) out.insert(n.folded);
    }
  }
  return out;
}

}  // namespace depeche::text
