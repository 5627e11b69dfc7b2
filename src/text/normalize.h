// Unicode normalisation and folding for matching.
// Thread-safe (ICU normalizer singletons are immutable).
#ifndef DEPECHE_TEXT_NORMALIZE_H_
#define DEPECHE_TEXT_NORMALIZE_H_

#include <string>
#include <string_view>

namespace depeche::text {

// NFC form of valid UTF-8 `s` (input that is already NFC is returned unchanged, fast path).
std::string Nfc(std::string_view s);

// Folding for matching and indexing: NFKC_Casefold, then Latin diacritics stripped by table
// (é->e, ï->i, ç->c), œ->oe, æ->ae, ß->ss, typographic apostrophes and quotes -> ASCII.
// Non-Latin letters keep their marks (Cyrillic й stays й: the trap in DEPENDENCIES.md).
// "Sergueï" -> "serguei", "ÉTATS-UNIS" -> "etats-unis", "Зеленский" -> "зеленский".
std::string Fold(std::string_view s);

// Appends Fold(s) to `out` (no allocation when `out` has capacity).
void FoldAppend(std::string_view s, std::string& out);

// Lowercase only (full Unicode case mapping, accents kept): for stemmers, which need
// lowercase input with accents ("États" -> "états").
std::string Lower(std::string_view s);

}  // namespace depeche::text

#endif  // DEPECHE_TEXT_NORMALIZE_H_
