// Unicode normalisation and folding for matching.
// All functions are thread-safe (ICU normalizer singletons and the fold tables are immutable).
// Input should be valid UTF-8; ill-formed bytes never crash and come out as U+FFFD in Fold.
#ifndef DEPECHE_TEXT_NORMALIZE_H_
#define DEPECHE_TEXT_NORMALIZE_H_

#include <string>
#include <string_view>

namespace depeche::text {

// NFC form of valid UTF-8 `s` (input that is already NFC is returned unchanged, fast path:
// ASCII check, then ICU's isNormalizedUTF8; no UTF-16 round trip).
std::string Nfc(std::string_view s);

// Folding for matching and indexing: NFKC_Casefold, then Latin diacritics stripped by table
// (é->e, ï->i, ç->c), œ->oe, æ->ae, ß->ss, typographic apostrophes and quotes -> ASCII.
// Non-Latin letters keep their marks (Cyrillic й stays й: the trap in DEPENDENCIES.md).
// "Sergueï" -> "serguei", "ÉTATS-UNIS" -> "etats-unis", "Зеленский" -> "зеленский",
// "« l’Ukraine »" -> "\" l'ukraine \"", "États‑Unis" (U+2011) -> "etats-unis".
// The result does not depend on the input's normal form (NFC or NFD give the same fold).
// Speed: ASCII and every character below U+0800 or in U+1E00..U+20FF come from precomputed
// tables (no ICU call; ~20 ns per French word); other scripts and combining sequences go
// through ICU a run at a time.
std::string Fold(std::string_view s);

// Appends Fold(s) to `out` (no allocation when `out` has capacity).
void FoldAppend(std::string_view s, std::string& out);

// Lowercase only (full Unicode case mapping, root locale, accents kept): for stemmers, which
// need lowercase input with accents ("États" -> "états"). ASCII fast path.
std::string Lower(std::string_view s);

}  // namespace depeche::text

#endif  // DEPECHE_TEXT_NORMALIZE_H_
