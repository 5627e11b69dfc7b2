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

// The surface text of tokens [first, last] with their joining hyphens: for "États-Unis".
// Tokens not joined are separated by one space (none after an elision); empty when the range
// is invalid.
std::string JoinedText(std::string_view text, const std::vector<Token>& tokens, size_t first,
                       size_t last);

}  // namespace depeche::text

#endif  // DEPECHE_TEXT_TOKENIZE_H_
