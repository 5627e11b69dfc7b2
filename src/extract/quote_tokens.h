// The tokens the quotation extractor reads (extract/quotes.h): words, punctuation and
// quotation marks with their byte spans, paragraphs and sentences. Internal to extract/quotes.cc,
// in its own file to keep each file to one job and to test it alone.
//
// Words: runs of ASCII letters and digits and non-ASCII characters other than spaces,
// quotation marks and punctuation (dashes, ellipsis); an apostrophe, hyphen, period or comma
// between two word characters stays inside the word ("d'Etat", "a-t-il", "U.S", "3,000"); a
// final period stays when the word is a title or an abbreviation of the lexicon, contains a
// period or is one capital letter (an initial). A word ending with an @inversion suffix
// ("ajouté-t-il") is cut into the verb and the pronoun ("il", flagged `inverted`).
// Paragraphs: a line break starts one. Pure functions, thread-safe.
#ifndef DEPECHE_EXTRACT_QUOTE_TOKENS_H_
#define DEPECHE_EXTRACT_QUOTE_TOKENS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "extract/quote_lexicon.h"

namespace depeche::extract {

enum class QuoteTokenType { kWord, kPunct, kMark };

struct QuoteToken {
  size_t begin = 0;
  size_t end = 0;
  QuoteTokenType type = QuoteTokenType::kWord;
  std::string lower;         // ASCII-lower-cased text
  bool capitalized = false;  // starts with an upper-case letter (ASCII or Latin-1/Latin Extended)
  bool inverted = false;     // the pronoun of an inverted verb ("-t-il")
  bool space_before = true;  // white space (or the text's start) right before it
  int paragraph = 0;
};

std::vector<QuoteToken> TokenizeForQuotes(std::string_view text, const QuoteLexicon& lex);

}  // namespace depeche::extract

#endif  // DEPECHE_EXTRACT_QUOTE_TOKENS_H_
