// Comparing person and organisation names: the transliteration skeleton that makes spelling
// variants meet (Sergei/Sergueï, Zelenskiy/Zelensky/Zelenskyy, Antony/Anthony, Poutine/Putin)
// and a bounded edit distance for typos (Blinkin/Blinken). Pure functions, thread-safe.
#ifndef DEPECHE_EXTRACT_NAME_MATCH_H_
#define DEPECHE_EXTRACT_NAME_MATCH_H_

#include <string>
#include <string_view>
#include <vector>

namespace depeche::extract {

// The words of a folded name, split at spaces, hyphens and apostrophes ("jean-yves le drian"
// -> jean, yves, le, drian). Views into `folded`.
std::vector<std::string_view> NameWords(std::string_view folded);

// The skeleton of one folded word: spelling differences that transliteration from Cyrillic
// (English, French, German conventions) and common Latin variants produce are erased, so that
// "serguei" and "sergei" -> "sergei", "zelenskiy" "zelensky" "zelenskyy" "zelenski" ->
// "zelenski", "anthony" and "antony" -> "antoni", "poutine" and "putin" -> "putin",
// "volodymyr" "wolodymyr" -> "volodimir". Rules, in order: th->t, ph->f, ck->k, kh->h,
// w->v, ou->u, gu before e/i -> g, y->i, doubled letters once, a final silent e dropped
// after a consonant. Bytes that are not ASCII pass through.
std::string WordSkeleton(std::string_view folded_word);

// Skeletons of the words of a folded name joined by single spaces.
std::string NameSkeleton(std::string_view folded);

// Levenshtein distance between byte strings, or `limit + 1` as soon as it exceeds `limit`.
int EditDistance(std::string_view a, std::string_view b, int limit);

// Whether two folded surnames are close enough to be one name misspelt: the same skeleton, or
// an edit distance of 1 for words of 5+ bytes and 2 for 9+ bytes, the first letter equal.
bool CloseSurnames(std::string_view a, std::string_view b);

// Whether two folded first names can name the same person: equal skeletons, one an initial of
// the other ("j" / "joe"), or one a prefix of the other of 4+ letters ("joe" / "joseph" is
// not; "alex" / "alexander" is).
bool CompatibleFirstNames(std::string_view a, std::string_view b);

}  // namespace depeche::extract

#endif  // DEPECHE_EXTRACT_NAME_MATCH_H_
