// Word tokens: ICU word boundaries (UAX#29) plus elision splitting for French/Italian/Catalan
// ("l’Ukraine" -> "l’" + "Ukraine", "jusqu’à" -> "jusqu’" + "à", but "aujourd’hui" stays whole;
// the elided forms per language are data/<lang>/elisions.txt, compiled in).
// Hyphenated compounds ("États-Unis", "a-t-il") come out as parts with `joined_next` set so
// that names stay matchable as one unit (see JoinedText).
#ifndef DEPECHE_TEXT_TOKENIZE_H_
#define DEPECHE_TEXT_TOKENIZE_H_

#include <string>
#include <string_view>
#include <vector>

#include "depeche/article.h"

namespace depeche::text {

enum class TokenKind : unsigned char { kWord, kNumber, kElision };

struct Token {
  Span span;  // bytes in the tokenized text
  TokenKind kind = TokenKind::kWord;
  bool joined_next = false;  // a hyphen (-, ‐, ‑) links this token to the next one
  bool capitalized = false;  // first letter is uppercase
};

// Tokens of valid UTF-8 `text` in order: ICU words with rule status number, letter, kana or
// ideograph ("2,5" and "12h30" are kNumber); punctuation, spaces and symbols are not tokens.
// An elided form ("l’", "qu'", "dell’") is its own kElision token, apostrophe included.
// `lang` (ISO 639-1, "fr_CA" accepted) picks the ICU locale and the elision list; unknown
// languages get root rules and no elision. Thread-safe (one cached ICU iterator per thread
// and language). Text over 4 GiB is cut (Span offsets are 32-bit).
std::vector<Token> Tokenize(std::string_view text, std::string_view lang);

// The word of the full-text index and of the content hash, found without a break iterator (one
// pass, a table lookup per character): a maximal run of letters, numbers and combining marks
// (Unicode L, N, M), with the invisible joiners soft hyphen, ZWNJ, ZWJ and word joiner inside
// a run (they never start one). Everything else separates, invalid UTF-8 included: "don't" is
// "don" + "t", "2,5" is "2" + "5", "États-Unis" is "États" + "Unis". Tokenize above is the
// language-aware word of text analysis (story features, names, numbers): it keeps elisions,
// decimal numbers and inner apostrophes together; where a run here holds several Tokenize
// tokens, Tokenize splits at those punctuation marks, never inside a run's letters.
struct WordRun {
  size_t begin = 0;
  size_t end = 0;     // 0 when no word is left
  bool ascii = true;  // every byte of the run is ASCII
};

// The first word of `text` at or after byte `from` (end == 0 when none). Pure; thread-safe.
WordRun NextWord(std::string_view text, size_t from);

// The surface text of tokens [first, last] with their joining hyphens: for "États-Unis".
// Tokens not joined are separated by one space (none after an elision); empty when the range
// is invalid.
std::string JoinedText(std::string_view text, const std::vector<Token>& tokens, size_t first,
                       size_t last);

}  // namespace depeche::text

#endif  // DEPECHE_TEXT_TOKENIZE_H_
