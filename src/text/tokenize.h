// Word tokens: ICU word boundaries (UAX#29) plus elision splitting for French/Italian
// ("l’Ukraine" -> "l’" + "Ukraine", "jusqu’à" -> "jusqu’" + "à", but "aujourd’hui" stays whole).
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
  Span span;                    // bytes in the tokenized text
  TokenKind kind = TokenKind::kWord;
  bool joined_next = false;     // a hyphen (-, ‐, ‑) links this token to the next one
  bool capitalized = false;     // first letter is uppercase
};

// Tokens of valid UTF-8 `text`. Punctuation and spaces are not tokens. Thread-safe.
std::vector<Token> Tokenize(std::string_view text, std::string_view lang);

// The surface text of tokens [first, last] with their joining hyphens: for "États-Unis".
std::string JoinedText(std::string_view text, const std::vector<Token>& tokens, size_t first,
                       size_t last);

}  // namespace depeche::text

#endif  // DEPECHE_TEXT_TOKENIZE_H_
