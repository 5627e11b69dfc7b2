// Month and weekday names of a language (text::CalendarNames): words that are capitalised in
// many languages ("March", "Monday", "Montag") without naming anyone or anything. Used to keep
// datelines ("WASHINGTON, March 2 -") from making every article of a month share a "name".
#ifndef DEPECHE_TEXT_CALENDAR_WORDS_H_
#define DEPECHE_TEXT_CALENDAR_WORDS_H_

#include <string>
#include <string_view>
#include <unordered_set>

namespace depeche::text {

// The wide and abbreviated month and weekday names of `lang` (format and stand-alone forms),
// lower-cased, folded (text::Fold) and without a trailing period: for "en" "march", "mar",
// "monday", "mon", "sept"...; for "fr" "mars", "lundi", "janv"... (CalendarNames::For(lang)'s
// folded forms of at least two bytes before folding). Empty for "" and "und". Thread-safe (each
// call builds a new set from the shared, immutable CalendarNames).
std::unordered_set<std::string> CalendarWords(std::string_view lang);

}  // namespace depeche::text

#endif  // DEPECHE_TEXT_CALENDAR_WORDS_H_
