#include "extract/quote_tokens.h"

#include <algorithm>

#include "core/strings.h"

namespace depeche::extract {
namespace {

// Apostrophes (’ also closes ‘ quotes) between two word characters are read as part of the
// word ("Clinton’s", "aujourd’hui"): IsJoiner.

// Decodes the code point at `i` (invalid bytes read as one code point each, never out of range).
char32_t Decode(std::string_view s, size_t i, size_t* len) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  if (i + n > s.size()) n = 1;
  char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
  for (size_t k = 1; k < n; ++k) {
    const unsigned char d = static_cast<unsigned char>(s[i + k]);
    if ((d >> 6) != 2) {
      n = 1;
      cp = c;
      break;
    }
    cp = (cp << 6) | (d & 0x3F);
  }
  *len = n;
  return cp;
}

bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
         c == 0x202F || c == 0x2009 || c == 0x2007 || c == 0x200B || c == 0x2002 || c == 0x2003 ||
         c == 0xFEFF;
}

bool IsPunct(char32_t c) {
  if (c < 0x80)
    return !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
  return (c >= 0x2010 && c <= 0x2027) || c == 0xAB || c == 0xBB || c == 0xBF || c == 0xA1 ||
         c == 0x2039 || c == 0x203A || c == 0xB7;
}

bool IsUpper(char32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
         (c >= 0x100 && c <= 0x17F && (c % 2) == 0);
}

bool IsJoiner(char32_t c) { return c == '\'' || c == 0x2019 || c == '-' || c == '.' || c == ','; }

}  // namespace

std::vector<QuoteToken> TokenizeForQuotes(std::string_view text, const QuoteLexicon& lex) {
  std::vector<QuoteToken> tokens;
  int paragraph = 0;
  bool newline = false;
  bool space = true;
  size_t i = 0;
  auto mark_at = [&](size_t pos) -> size_t {
    for (const QuoteMarkPair& m : lex.marks) {
      for (const std::string* s : {&m.open, &m.close}) {
        if (text.substr(pos, s->size()) == *s) return s->size();
      }
    }
    return 0;
  };
  auto word_char = [&](size_t pos) {
    if (pos >= text.size()) return false;
    size_t len = 0;
    const char32_t c = Decode(text, pos, &len);
    return !IsSpace(c) && !IsPunct(c) && mark_at(pos) == 0;
  };
  while (i < text.size()) {
    size_t len = 0;
    const char32_t c = Decode(text, i, &len);
    if (IsSpace(c)) {
      if (c == '\n') newline = true;
      space = true;
      i += len;
      continue;
    }
    if (newline && !tokens.empty()) ++paragraph;
    newline = false;
    QuoteToken t;
    t.begin = i;
    t.paragraph = paragraph;
    t.space_before = space;
    space = false;
    t.capitalized = IsUpper(c);
    const size_t mark_len = mark_at(i);
    if (mark_len > 0) {
      t.type = QuoteTokenType::kMark;
      t.end = i + mark_len;
    } else if (IsPunct(c)) {
      t.type = QuoteTokenType::kPunct;
      t.end = i + len;
    } else {
      size_t j = i;
      while (j < text.size()) {
        size_t l = 0;
        const char32_t d = Decode(text, j, &l);
        if (IsSpace(d)) break;
        const bool joiner = IsJoiner(d) && j > i && word_char(j + l);
        if (!joiner && (IsPunct(d) || mark_at(j) > 0)) break;
        j += l;
      }
      t.end = j;
      t.lower = core::AsciiLower(text.substr(i, j - i));
      if (j < text.size() && text[j] == '.') {
        const std::string dotted = t.lower + ".";
        if (lex.titles.count(dotted) || lex.abbreviations.count(dotted) ||
            t.lower.find('.') != std::string::npos || (j - i == 1 && t.capitalized)) {
          t.end = j + 1;
          t.lower = dotted;
        }
      }
    }
    if (t.type != QuoteTokenType::kWord)
      t.lower = std::string(text.substr(t.begin, t.end - t.begin));
    i = t.end;
    bool cut = false;
    if (t.type == QuoteTokenType::kWord) {
      // Cut an inverted subject off its verb: "ajouté-t-il" -> "ajouté" + "il".
      for (const std::string& suffix : lex.inversions) {
        if (t.lower.size() > suffix.size() && core::EndsWith(t.lower, suffix)) {
          const size_t pronoun_len = suffix.size() - suffix.rfind('-') - 1;
          QuoteToken verb = t;
          verb.end = t.end - suffix.size();
          verb.lower = t.lower.substr(0, t.lower.size() - suffix.size());
          QuoteToken pronoun = t;
          pronoun.begin = t.end - pronoun_len;
          pronoun.lower = t.lower.substr(t.lower.size() - pronoun_len);
          pronoun.capitalized = false;
          pronoun.inverted = true;
          pronoun.space_before = false;
          tokens.push_back(std::move(verb));
          tokens.push_back(std::move(pronoun));
          cut = true;
          break;
        }
      }
    }
    if (!cut) tokens.push_back(std::move(t));
  }
  return tokens;
}

}  // namespace depeche::extract
