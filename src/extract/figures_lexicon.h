// What the figure extractor knows of a language, read from data/<lang>/figures.txt: number
// words, scale words, units, currencies, modifiers and the words that show that a number is
// not a figure (months, clock words, ordinal suffixes). The format is documented at the top of
// data/en/figures.txt. Also the small tokenizer both the lexicon and the extractor use.
//
// Thread safety: a loaded FigureLexicon is immutable and may be shared by threads.
#ifndef DEPECHE_EXTRACT_FIGURES_LEXICON_H_
#define DEPECHE_EXTRACT_FIGURES_LEXICON_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "depeche/status.h"

namespace depeche::extract {

enum class FigureTokenKind : uint8_t { kWord, kDigits, kSymbol };

// A token of a text: a run of letters (with a trailing apostrophe: "d'"), a run of ASCII
// digits, or one other non-space character. `lower` is the lower-cased text (’ read as ').
struct FigureToken {
  uint32_t begin = 0;
  uint32_t end = 0;
  FigureTokenKind kind = FigureTokenKind::kSymbol;
  bool space_before = false;  // white space (any Unicode space) between it and the previous one
  std::string lower;
};

// Tokens of valid UTF-8 `text` (ill-formed bytes are read as symbols).
std::vector<FigureToken> TokenizeFigureText(std::string_view text);

// A phrase of the lexicon: its lower-cased tokens and what it means.
struct FigurePhrase {
  std::vector<std::string> tokens;
  double value = 0;   // number, multiplier, scale: the value; vague: the low end
  double value2 = 0;  // vague: the high end
  bool flag = false;  // number: only inside a longer number; scale: only after a currency
  std::string text;   // prefix, unit: the normalised unit; modifier: the bound
};

// Phrases looked up by their first (or last) token, longest first.
class FigurePhraseTable {
 public:
  void Add(FigurePhrase phrase);
  // The longest phrase whose tokens are tokens[i...], or nullptr.
  const FigurePhrase* MatchAt(const std::vector<FigureToken>& tokens, size_t i) const;
  // The longest phrase whose tokens end just before tokens[end], or nullptr.
  const FigurePhrase* MatchBefore(const std::vector<FigureToken>& tokens, size_t end) const;
  bool empty() const { return by_first_.empty(); }

 private:
  std::unordered_map<std::string, std::vector<FigurePhrase>> by_first_;
  std::unordered_map<std::string, std::vector<FigurePhrase>> by_last_;
};

struct FigureLexicon {
  std::string lang;
  std::string decimal = ".";        // the decimal separator
  std::vector<std::string> groups;  // thousands separators (",", " ", U+00A0, U+202F ...)
  FigurePhraseTable numbers;        // "deux" 2, "quatre-vingt" 80, "un" 1 (compound only)
  FigurePhraseTable multipliers;    // "hundred" 100, "cent" 100
  FigurePhraseTable scales;         // "million" 1e6, "bn" 1e9, "m" 1e6 (after a currency)
  FigurePhraseTable vague;          // "thousands of" 1000..10000
  FigurePhraseTable prefixes;       // "$" dollar, "US$" dollar
  FigurePhraseTable units;          // "%" percent, "dollars" dollar, "de dollars" dollar
  FigurePhraseTable modifiers;      // "about" approximate, "plus de" lower, "up to" upper
  FigurePhraseTable excludes;       // "no one": a number word that is not a figure
  FigurePhraseTable range_open;     // "between": its number and the next make a range
  std::unordered_set<std::string> range_joins;   // "to", "-", "and" (after range_open only)
  std::unordered_set<std::string> and_joins;     // the joins that need range_open ("and")
  std::unordered_set<std::string> per_words;     // "per", "a", "/": "$5 a share"
  std::unordered_set<std::string> links;         // "of", "de", "d'": scale ... unit
  std::unordered_set<std::string> number_joins;  // "and", "et": inside a number in words
  FigurePhraseTable dates;   // month names ("oct", "février"): the numbers next to them
  FigurePhraseTable clocks;  // "am", "p.m.", "h": a number before one is a clock time
  std::unordered_set<std::string> ordinals;      // "st", "nd", "e", "er": glued ordinals
  std::unordered_set<std::string> negatives;     // "minus": the number after it is negative
  std::unordered_set<std::string> range_blocks;  // "by": "rose by $1bn to $5bn" is no range
  std::unordered_set<std::string> year_cues;     // "in", "since": 1000..1899 after them is a year
  std::unordered_set<std::string> not_counted;   // words after a number that count nothing
  std::unordered_set<std::string> counted;       // counted nouns even if stop words ("personnes")
  std::unordered_set<std::string> invariants;    // counted nouns kept as they are
  std::vector<std::pair<std::string, std::string>> plurals;  // suffix -> replacement

  // Reads `path` (data/<lang>/figures.txt) and, when present, the stop words of
  // data/<lang>/stopwords.txt beside it (words that are never counted objects). Errors name the
  // file and line.
  static Result<FigureLexicon> Load(const std::string& path, std::string lang);
};

}  // namespace depeche::extract

#endif  // DEPECHE_EXTRACT_FIGURES_LEXICON_H_
