#include "extract/figures.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>

#include "text/normalize.h"
#include "text/sentences.h"

namespace depeche::extract {
namespace {

using Tokens = std::vector<FigureToken>;

bool Glued(const Tokens& t, size_t k) { return k < t.size() && k > 0 && !t[k].space_before; }

bool IsSymbol(const Tokens& t, size_t k, std::string_view s) {
  return k < t.size() && t[k].kind == FigureTokenKind::kSymbol && t[k].lower == s;
}

// A number read at a token: its value and the tokens it spans.
struct Core {
  size_t begin = 0;
  size_t end = 0;  // one past its last token
  double value = 0;
  std::optional<double> high;
  bool year_like = false;  // four digits, no separator, 1000..2100
  bool integer = true;
  bool scaled = false;
  double scale = 1;  // the scale word's factor, 1 without one
  bool vague = false;
  const FigurePhrase* glued_unit = nullptr;   // "15kHz", "45g"
  const FigurePhrase* glued_scale = nullptr;  // "$5m", "15bn"
};

// A candidate figure before the skip rules.
struct Candidate {
  Core core;
  size_t begin = 0;  // first token (modifier, prefix or number)
  size_t end = 0;
  const FigurePhrase* prefix = nullptr;
  const FigurePhrase* unit = nullptr;
  size_t unit_begin = 0, unit_end = 0;
  std::string counted;
  FigureBound bound = FigureBound::kExact;
  bool skip = false;
  bool code = false;  // skipped while reading the number: a code, an ordinal, a clock time
  std::string per;    // the denominator: "barrel" in "$58.24 per barrel"
};

class Scanner {
 public:
  Scanner(const FigureLexicon& lex, const Tokens& t, std::string_view text)
      : lex_(lex), t_(t), text_(text) {}

  // Reads the figure whose number starts at token i; nullopt when no number starts there.
  // A candidate with skip = true is a number that is not a figure (its tokens are consumed).
  std::optional<Candidate> ReadAt(size_t i) const {
    std::optional<Core> core = ReadNumber(i);
    if (!core) return std::nullopt;
    Candidate c;
    c.core = *core;
    c.begin = i;
    c.end = core->end;
    if (core->begin != i) {  // a skipped stretch
      c.skip = true;
      c.code = true;
      return c;
    }
    // Currency before the number, then the modifier and a range opener before both.
    if (const FigurePhrase* p = lex_.prefixes.MatchBefore(t_, i)) {
      c.prefix = p;
      c.begin = i - p->tokens.size();
    }
    if (const FigurePhrase* m = lex_.modifiers.MatchBefore(t_, c.begin)) {
      c.bound = m->text == "approximate" ? FigureBound::kApproximate
                : m->text == "lower"     ? FigureBound::kLower
                                         : FigureBound::kUpper;
      c.begin -= m->tokens.size();
    }
    ReadScaleAndUnit(c);
    c.skip = NotAFigure(c);
    return c;
  }

  // Whether `c` was skipped as a code, a phone number, an ordinal or a clock time while reading
  // its number (not by the year and date rules, which a range with a unit overrides).
  static bool IsCode(const Candidate& c) { return c.code; }

  // Whether a range opener ("between") stands just before token i.
  bool OpenerBefore(size_t i) const { return lex_.range_open.MatchBefore(t_, i) != nullptr; }

 private:
  std::optional<Core> ReadNumber(size_t i) const {
    if (t_[i].kind == FigureTokenKind::kDigits) return ReadDigits(i);
    if (t_[i].kind == FigureTokenKind::kWord) return ReadWords(i);
    return std::nullopt;
  }

  // Gap bytes between tokens a and b (a < b).
  std::string_view Gap(size_t a, size_t b) const {
    return text_.substr(t_[a].end, t_[b].begin - t_[a].end);
  }

  bool IsGroup(std::string_view s) const {
    return std::find(lex_.groups.begin(), lex_.groups.end(), s) != lex_.groups.end();
  }

  Core Skipped(size_t i, size_t end) const {
    Core c;
    c.begin = i + 1;  // != i marks the stretch as not a figure
    c.end = std::max(end, i + 1);
    return c;
  }

  std::optional<Core> ReadDigits(size_t i) const {
    // Digits glued to letters before them are a code ("A320", "MP3", "COVID-19", "F-35"), after
    // "+" a phone number, after "#" or "/" a code or a fraction.
    if (Glued(t_, i)) {
      const FigureToken& prev = t_[i - 1];
      // A currency code glued to the digits ("USD10m", "RM23.50", "$US113") is a prefix.
      if (prev.kind == FigureTokenKind::kWord && lex_.prefixes.MatchBefore(t_, i) == nullptr) {
        return Skipped(i, SkipDigitRun(i + 1));
      }
      if (prev.kind == FigureTokenKind::kSymbol &&
          (prev.lower == "#" || prev.lower == "/" || prev.lower == "_")) {
        return Skipped(i, SkipDigitRun(i + 1));
      }
      if (prev.lower == "-" && i >= 2 && Glued(t_, i - 1) &&
          t_[i - 2].kind == FigureTokenKind::kWord) {
        return Skipped(i, SkipDigitRun(i + 1));
      }
    }
    Core c;
    c.begin = i;
    std::string number = t_[i].lower;
    size_t j = i;  // the last token read
    bool grouped = false;
    // Thousands groups: a separator of the language then exactly three digits.
    if (t_[i].lower.size() <= 3) {
      while (true) {
        size_t k = j + 1;
        if (k < t_.size() && t_[k].kind == FigureTokenKind::kDigits && t_[k].space_before &&
            t_[k].lower.size() == 3 && IsGroup(Gap(j, k))) {
          number += t_[k].lower;
          j = k;
          grouped = true;
          continue;
        }
        if (k + 1 < t_.size() && !t_[k].space_before && !t_[k + 1].space_before &&
            t_[k].kind == FigureTokenKind::kSymbol && IsGroup(t_[k].lower) &&
            t_[k + 1].kind == FigureTokenKind::kDigits && t_[k + 1].lower.size() == 3 &&
            !(k + 2 < t_.size() && Glued(t_, k + 2) && t_[k + 2].lower == t_[k].lower &&
              k + 3 < t_.size() && t_[k + 3].kind == FigureTokenKind::kDigits &&
              t_[k + 3].lower.size() != 3)) {
          number += t_[k + 1].lower;
          j = k + 1;
          grouped = true;
          continue;
        }
        break;
      }
    }
    // The decimal part: the language's separator, or the other of "." and "," when fewer or
    // more than three digits follow (so "2.5" reads the same in a French text).
    bool decimal = false;
    if (j + 2 < t_.size() && Glued(t_, j + 1) && Glued(t_, j + 2) &&
        t_[j + 2].kind == FigureTokenKind::kDigits && t_[j + 1].kind == FigureTokenKind::kSymbol) {
      const std::string& sep = t_[j + 1].lower;
      bool is_decimal = sep == lex_.decimal ||
                        ((sep == "." || sep == ",") && t_[j + 2].lower.size() != 3 && !grouped);
      if (is_decimal) {
        number += "." + t_[j + 2].lower;
        j += 2;
        decimal = true;
      }
    }
    c.end = j + 1;
    // Leading zeros make a code ("007", "01 23 45 67 89"), not a count.
    if (!grouped && !decimal && t_[i].lower.size() > 1 && t_[i].lower[0] == '0') {
      size_t k = SkipDigitRun(c.end);
      // and the short digit groups that follow it ("01 23 45 67 89")
      while (k < t_.size() && t_[k].kind == FigureTokenKind::kDigits && t_[k].lower.size() <= 4) {
        k = SkipDigitRun(k + 1);
      }
      return Skipped(i, k);
    }
    // Two more digit groups glued by "-", ".", "/" or ":": a date, phone number or version;
    // one after ":" a clock time ("10:30"); one after "/" a fraction or a date ("9/11").
    if (c.end + 1 < t_.size() && Glued(t_, c.end) && Glued(t_, c.end + 1) &&
        t_[c.end + 1].kind == FigureTokenKind::kDigits) {
      const std::string& sep = t_[c.end].lower;
      if (sep == ":" || sep == "/" || sep == "." || sep == ",")
        return Skipped(i, SkipDigitRun(c.end));
      if (sep == "-" && c.end + 3 < t_.size() && Glued(t_, c.end + 2) &&
          t_[c.end + 2].lower == "-" && t_[c.end + 3].kind == FigureTokenKind::kDigits) {
        return Skipped(i, SkipDigitRun(c.end));
      }
    }
    c.value = std::strtod(number.c_str(), nullptr);
    // A minus sign glued to the digits and not to what precedes it ("-1.3%", "$-50.8bn",
    // "minus-5 yards"), or a minus word ("minus 387"), makes the value negative.
    if (i > 0 && Glued(t_, i) && (t_[i - 1].lower == "-" || t_[i - 1].lower == "\u2212")) {
      const bool sign = i == 1 || t_[i - 1].space_before || lex_.negatives.count(t_[i - 2].lower) ||
                        lex_.prefixes.MatchBefore(t_, i - 1) != nullptr;
      if (sign) {
        c.value = -c.value;
      }
    } else if (i > 0 && lex_.negatives.count(t_[i - 1].lower)) {
      c.value = -c.value;
    }
    c.integer = !decimal;
    // A year: four digits, 1900..2100, or 1000..1899 after a word that introduces years
    // ("in 1865", "since 1991"; "an average of 1500" stays a figure).
    c.year_like = !grouped && !decimal && t_[i].lower.size() == 4 && c.value >= 1000 &&
                  c.value <= 2100 &&
                  (c.value >= 1900 || (i > 0 && lex_.year_cues.count(t_[i - 1].lower) > 0));
    // Letters glued after the digits: an ordinal ("22nd", "3e") or a clock ("5am") is not a
    // figure; a scale ("15bn") or a unit ("15kHz", "45g") is part of it; anything else makes
    // a code ("3D", "1990s").
    if (Glued(t_, c.end) && t_[c.end].kind == FigureTokenKind::kWord) {
      if (lex_.ordinals.count(t_[c.end].lower) || lex_.clocks.MatchAt(t_, c.end)) {
        return Skipped(i, c.end + 1);
      }
      if (const FigurePhrase* s = lex_.scales.MatchAt(t_, c.end)) {
        c.glued_scale = s;
      } else if (const FigurePhrase* u = lex_.units.MatchAt(t_, c.end)) {
        c.glued_unit = u;
      } else {
        return Skipped(i, c.end + 1);
      }
    }
    return c;
  }

  // One past a run of digit groups joined by glued separators, from token k.
  size_t SkipDigitRun(size_t k) const {
    while (k + 1 < t_.size() && Glued(t_, k) && Glued(t_, k + 1) &&
           t_[k].kind == FigureTokenKind::kSymbol && t_[k + 1].kind == FigureTokenKind::kDigits) {
      k += 2;
    }
    return k;
  }

  std::optional<Core> ReadWords(size_t i) const {
    if (const FigurePhrase* e = lex_.excludes.MatchAt(t_, i)) {
      return Skipped(i, i + e->tokens.size());
    }
    if (const FigurePhrase* v = lex_.vague.MatchAt(t_, i)) {
      Core c;
      c.begin = i;
      c.end = i + v->tokens.size();
      c.value = v->value;
      c.high = v->value2;
      c.vague = true;
      return c;
    }
    const FigurePhrase* first = lex_.numbers.MatchAt(t_, i);
    if (first == nullptr) return std::nullopt;
    // Number words add up while each is smaller than the one before ("twenty" "five",
    // "vingt" "et" "un"); a multiplier multiplies the group ("deux" "cent"), a scale closes it
    // ("deux cent mille").
    double total = 0, current = 0, last = INFINITY;
    size_t j = i, elements = 0;
    bool only_compound = true;
    while (j < t_.size()) {
      size_t k = j;
      if (elements > 0) {  // a joining word or hyphen between two number words
        bool joined = (lex_.number_joins.count(t_[k].lower) > 0) ||
                      (IsSymbol(t_, k, "-") && Glued(t_, k) && Glued(t_, k + 1));
        if (joined) ++k;
      }
      if (const FigurePhrase* n = lex_.numbers.MatchAt(t_, k)) {
        if (elements > 0 && n->value >= last) break;
        current += n->value;
        last = n->value;
        only_compound = only_compound && n->flag;
        j = k + n->tokens.size();
        ++elements;
        continue;
      }
      if (k != j) break;  // a join must be followed by a number word
      if (elements > 0) {
        if (const FigurePhrase* m = lex_.multipliers.MatchAt(t_, k)) {
          current = (current == 0 ? 1 : current) * m->value;
          last = m->value;
          j = k + m->tokens.size();
          only_compound = false;
          continue;
        }
        const FigurePhrase* s = lex_.scales.MatchAt(t_, k);
        if (s != nullptr && !s->flag && s->value >= 1000) {
          total += (current == 0 ? 1 : current) * s->value;
          current = 0;
          last = s->value;
          j = k + s->tokens.size();
          only_compound = false;
          continue;
        }
      }
      break;
    }
    if (only_compound) return Skipped(i, j);
    Core c;
    c.begin = i;
    c.end = j;
    c.value = total + current;
    if (current == 0 && total > 0) c.scale = last;  // "five thousand": ends on its scale
    c.scaled = total > 0;                           // "un million de personnes": a link may follow
    c.integer = std::floor(c.value) == c.value;
    return c;
  }

  void ReadScaleAndUnit(Candidate& c) const {
    size_t k = c.core.end;
    const FigurePhrase* scale = c.core.glued_scale;
    if (scale != nullptr) {
      k = c.core.end + scale->tokens.size();
    } else if (!c.core.vague && c.core.glued_unit == nullptr) {
      if (const FigurePhrase* m = lex_.multipliers.MatchAt(t_, k)) {  // "4 hundred million"
        c.core.value *= m->value;
        c.core.scale *= m->value;
        c.core.scaled = true;
        k += m->tokens.size();
        c.core.end = k;
      }
      scale = lex_.scales.MatchAt(t_, k);
      if (scale != nullptr) k += scale->tokens.size();
    }
    if (scale != nullptr && scale->flag && c.prefix == nullptr) {
      // "5m" without a currency: metres, not millions.
      scale = nullptr;
      k = c.core.end;
    }
    if (scale != nullptr) {
      c.core.value *= scale->value;
      if (c.core.high) *c.core.high *= scale->value;
      c.core.scaled = true;
      c.core.scale *= scale->value;
      c.core.end = k;
    }
    c.end = c.core.end;
    if (c.core.glued_unit != nullptr) {
      c.unit = c.core.glued_unit;
      c.unit_begin = c.core.end;
      c.unit_end = c.core.end + c.unit->tokens.size();
      c.end = c.unit_end;
      ReadPer(c);
      return;
    }
    k = c.core.end;
    // "millions de dollars", "thousands of people": a link after a scale.
    if ((c.core.scaled || c.core.vague) && k < t_.size() && lex_.links.count(t_[k].lower) &&
        !c.core.vague) {
      if (lex_.units.MatchAt(t_, k + 1) || CountedAt(k + 1)) ++k;
    }
    // "21-year-old": a unit after a hyphen.
    size_t u = k;
    if (IsSymbol(t_, u, "-") && Glued(t_, u) && Glued(t_, u + 1)) ++u;
    if (const FigurePhrase* unit = lex_.units.MatchAt(t_, u)) {
      c.unit = unit;
      c.unit_begin = u;
      c.unit_end = u + unit->tokens.size();
      c.end = c.unit_end;
      ReadPer(c);
      return;
    }
    if (c.prefix != nullptr) {
      ReadPer(c);
      return;
    }
    if (u == k && CountedAt(k)) {
      // "517 rushing yards", "400 charging stations": a modifier then the unit or the plural
      // noun that is counted.
      if (Singular(t_[k].lower) == t_[k].lower && c.core.value != 1) {
        if (const FigurePhrase* unit = lex_.units.MatchAt(t_, k + 1)) {
          c.unit = unit;
          c.unit_begin = k + 1;
          c.unit_end = k + 1 + unit->tokens.size();
          c.end = c.unit_end;
          return;
        }
        if (CountedAt(k + 1) && Singular(t_[k + 1].lower) != t_[k + 1].lower) ++k;
      }
      c.counted = Singular(t_[k].lower);
      c.unit_begin = k;
      c.unit_end = k + 1;
      c.end = k + 1;
    }
  }

  // "$58.24 per barrel", "$3,500 a month", "60 km/h" is a unit already: the denominator of
  // a currency or a unit, a unit of the list or a counted noun.
  void ReadPer(Candidate& c) const {
    if (c.unit != nullptr && c.unit->text.find(" per ") != std::string::npos) return;
    const size_t k = c.end;
    if (k + 1 >= t_.size() || !lex_.per_words.count(t_[k].lower)) return;
    if (const FigurePhrase* unit = lex_.units.MatchAt(t_, k + 1)) {
      c.per = unit->text;
      c.end = k + 1 + unit->tokens.size();
    } else if (CountedAt(k + 1)) {
      c.per = Singular(t_[k + 1].lower);
      c.end = k + 2;
    } else {
      return;
    }
    if (c.unit_end > c.unit_begin) c.unit_end = c.end;
  }

  // Whether `word` (lower case) is listed as counting nothing. The stop words are folded
  // ("etaient"), the lexicon's own words are not: an accented word is looked up both ways.
  bool NotCounted(const std::string& word) const {
    if (lex_.not_counted.count(word)) return true;
    const bool ascii = std::all_of(word.begin(), word.end(),
                                   [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    return !ascii && lex_.not_counted.count(text::Fold(word)) > 0;
  }

  // A word after a number that names what it counts: a lower-case word, not a stop word, a
  // month, a clock word or a number word.
  bool CountedAt(size_t k) const {
    if (k >= t_.size() || t_[k].kind != FigureTokenKind::kWord || t_[k].lower.size() < 2) {
      return false;
    }
    const unsigned char first = static_cast<unsigned char>(text_[t_[k].begin]);
    if (first >= 'A' && first <= 'Z') return false;
    if (t_[k].lower.back() == '\'') return false;
    if (NotCounted(t_[k].lower) && !lex_.counted.count(t_[k].lower)) return false;
    if (lex_.dates.MatchAt(t_, k) || lex_.clocks.MatchAt(t_, k)) return false;
    if (lex_.numbers.MatchAt(t_, k) || lex_.scales.MatchAt(t_, k)) return false;
    return true;
  }

  std::string Singular(const std::string& word) const {
    if (lex_.invariants.count(word)) return word;
    for (const auto& [suffix, replacement] : lex_.plurals) {
      if (word.size() > suffix.size() + 2 &&
          word.compare(word.size() - suffix.size(), suffix.size(), suffix) == 0) {
        return word.substr(0, word.size() - suffix.size()) + replacement;
      }
    }
    return word;
  }

  bool LabelBefore(size_t i) const {
    const FigureToken& w = t_[i - 1];
    if (w.kind == FigureTokenKind::kSymbol && w.lower == "&") return true;
    if (w.kind != FigureTokenKind::kWord) return false;
    bool capital = false;
    for (uint32_t b = w.begin; b < w.end; ++b) {
      const unsigned char ch = static_cast<unsigned char>(text_[b]);
      if (ch >= 'A' && ch <= 'Z') capital = true;
    }
    if (!capital) return false;
    if (i < 2) return false;  // the first word of the text
    const FigureToken& before = t_[i - 2];
    // After sentence-ending punctuation the capital is the sentence's, not a name's.
    return !(before.kind == FigureTokenKind::kSymbol &&
             (before.lower == "." || before.lower == "!" || before.lower == "?" ||
              before.lower == ":" || before.lower == "\"" || before.lower == "«"));
  }

  // Day numbers next to a month, clock times, years alone.
  bool NotAFigure(const Candidate& c) const {
    const Core& n = c.core;
    if (n.vague) return false;
    size_t before = n.begin;
    if (before > 0 && IsSymbol(t_, before - 1, ".")) --before;  // "Oct. 31"
    bool month_before = c.prefix == nullptr && lex_.dates.MatchBefore(t_, before) != nullptr;
    bool month_after = c.unit == nullptr && lex_.dates.MatchAt(t_, n.end) != nullptr;
    if ((month_before || month_after) && n.integer && !n.scaled &&
        ((n.value >= 1 && n.value <= 31) || n.year_like)) {
      return true;
    }
    if (c.unit == nullptr && c.prefix == nullptr && lex_.clocks.MatchAt(t_, n.end)) return true;
    if (n.year_like && c.prefix == nullptr && c.unit == nullptr && !n.scaled) return true;
    // "(4)": a bare number alone in brackets is a reference or a jersey number.
    if (c.unit == nullptr && c.prefix == nullptr && c.counted.empty() && n.begin > 0 &&
        IsSymbol(t_, n.begin - 1, "(") && IsSymbol(t_, n.end, ")")) {
      return true;
    }
    // "Section 427", "Game 2", "iPhone 14", "S&P 500": a number right after a capitalised word
    // that does not open the sentence names a thing; it counts nothing.
    if (c.begin == n.begin && c.unit == nullptr && !n.scaled && n.begin > 0 &&
        LabelBefore(n.begin)) {
      return true;
    }
    return false;
  }

  const FigureLexicon& lex_;
  const Tokens& t_;
  std::string_view text_;
};

// The unit without its denominator.
std::string BaseUnitOf(const Candidate& c) {
  return c.prefix ? c.prefix->text : c.unit ? c.unit->text : c.counted;
}

std::string UnitOf(const Candidate& c) {
  std::string unit = BaseUnitOf(c);
  if (!c.per.empty()) unit += " per " + c.per;
  return unit;
}

Figure ToFigure(const Candidate& c, const Tokens& t) {
  Figure f;
  f.span = {t[c.begin].begin, t[c.end - 1].end};
  f.number = {t[c.core.begin].begin, t[c.core.end - 1].end};
  f.value = c.core.value;
  f.high = c.core.high;
  f.bound = c.bound;
  f.unit = UnitOf(c);
  f.counted = c.prefix == nullptr && c.unit == nullptr && !c.counted.empty();
  if (c.unit_end > c.unit_begin) {
    f.unit_span = {t[c.unit_begin].begin, t[c.unit_end - 1].end};
  }
  return f;
}

// Whether `a` JOIN `b` reads as one range: the unit on the second end or on both ("1 to 1.5
// degrees", "5% to 10%"), the same on both; not after a blocking word when both ends have a
// unit ("rose by $43.6 billion to $419.2 billion" is two figures), unless an opener says so.
bool RangeUnits(const Candidate& a, const Candidate& b, bool opened, bool blocked) {
  const std::string ua = BaseUnitOf(a), ub = BaseUnitOf(b);
  if (ua.empty()) return true;
  if (ub.empty() || ua != ub) return false;
  return opened || !blocked;
}

}  // namespace

std::string_view FigureBoundName(FigureBound bound) {
  switch (bound) {
    case FigureBound::kExact:
      return "exact";
    case FigureBound::kApproximate:
      return "approximate";
    case FigureBound::kLower:
      return "lower";
    case FigureBound::kUpper:
      return "upper";
  }
  return "exact";
}

FigureExtractor::FigureExtractor(std::vector<FigureLexicon> lexicons) {
  for (FigureLexicon& l : lexicons) {
    std::string lang = l.lang;
    lexicons_.emplace(std::move(lang), std::move(l));
  }
}

Result<std::unique_ptr<FigureExtractor>> FigureExtractor::Create(const std::string& data_dir) {
  std::vector<FigureLexicon> lexicons;
  std::error_code ec;
  std::vector<std::filesystem::path> dirs;
  for (const auto& entry : std::filesystem::directory_iterator(data_dir, ec)) {
    if (entry.is_directory()) dirs.push_back(entry.path());
  }
  if (ec) return NotFoundError("cannot list " + data_dir + ": " + ec.message());
  std::sort(dirs.begin(), dirs.end());
  for (const auto& dir : dirs) {
    const std::filesystem::path file = dir / "figures.txt";
    if (!std::filesystem::exists(file)) continue;
    DEPECHE_ASSIGN_OR_RETURN(FigureLexicon lex,
                             FigureLexicon::Load(file.string(), dir.filename().string()));
    lexicons.push_back(std::move(lex));
  }
  if (lexicons.empty()) return NotFoundError("no data/<lang>/figures.txt under " + data_dir);
  return std::make_unique<FigureExtractor>(std::move(lexicons));
}

bool FigureExtractor::Supports(std::string_view lang) const {
  return lexicons_.find(lang) != lexicons_.end();
}

std::vector<Figure> FigureExtractor::Extract(std::string_view text, std::string_view lang) const {
  std::vector<Figure> out;
  auto it = lexicons_.find(lang);
  if (it == lexicons_.end()) it = lexicons_.find(std::string_view("en"));
  if (it == lexicons_.end()) return out;
  const FigureLexicon& lex = it->second;
  const Tokens tokens = TokenizeFigureText(text);
  Scanner scanner(lex, tokens, text);
  std::vector<Candidate> figures;
  size_t i = 0;
  while (i < tokens.size()) {
    std::optional<Candidate> c = scanner.ReadAt(i);
    if (!c) {
      ++i;
      continue;
    }
    i = std::max(c->end, i + 1);
    // A number skipped as a code or a phone number is done with; one skipped as a year or a
    // date may still open a range that has a unit ("2000 - 2500 Calories"), and the second
    // end of a skipped range is skipped with it ("1600 and 1900", "Sept. 20-24").
    if (c->skip && scanner.IsCode(*c)) continue;
    const bool opened = scanner.OpenerBefore(c->begin);
    const bool blocked = c->begin > 0 && lex.range_blocks.count(tokens[c->begin - 1].lower) > 0;
    const bool sign_dash = i < tokens.size() && tokens[i].lower == "-" && tokens[i].space_before &&
                           Glued(tokens, i + 1);
    if (i < tokens.size() && lex.range_joins.count(tokens[i].lower) && !sign_dash &&
        (!lex.and_joins.count(tokens[i].lower) || opened)) {
      size_t k = i + 1;
      if (const FigurePhrase* p = lex.prefixes.MatchAt(tokens, k)) k += p->tokens.size();
      std::optional<Candidate> second = k < tokens.size() ? scanner.ReadAt(k) : std::nullopt;
      if (second && second->core.begin == k && !scanner.IsCode(*second) && !c->core.high &&
          !second->core.high && second->begin == (k == i + 1 ? k : i + 1) &&
          RangeUnits(*c, *second, opened, blocked)) {
        // The second end's scale applies to the first when the first, read without it, is
        // below the second ("1 to 1.5 million", "US $89 to $93 billion", "four to five
        // thousand"); "$370,000 to $5.5 million" keeps its own.
        if (!c->core.scaled && second->core.scale != 1 &&
            c->core.value <= second->core.value / second->core.scale) {
          c->core.value *= second->core.scale;
        }
        c->core.high = second->core.value;
        if (UnitOf(*c).empty()) {
          c->unit = second->unit;
          c->prefix = second->prefix;
          c->counted = second->counted;
          c->unit_begin = second->unit_begin;
          c->unit_end = second->unit_end;
        }
        if (c->per.empty()) c->per = second->per;  // "between $48,000 and $90,000 a year"
        c->end = second->end;
        c->core.end = second->core.end;
        i = second->end;
        if (c->skip || second->skip) c->skip = UnitOf(*c).empty();
      } else if (c->skip && second && second->core.begin == k) {
        i = std::max(i, second->end);  // the other end of a skipped range
      }
    }
    if (c->skip) continue;
    // A number too large for a double ("999...9" over 308 digits) is no figure a reader means.
    if (!std::isfinite(c->core.value) || (c->core.high && !std::isfinite(*c->core.high))) continue;
    figures.push_back(std::move(*c));
  }
  if (figures.empty()) return out;
  const std::vector<Span> sentences = text::SplitSentences(text, lex.lang);
  size_t s = 0;
  for (const Candidate& c : figures) {
    Figure f = ToFigure(c, tokens);
    while (s + 1 < sentences.size() && sentences[s].end <= f.span.begin) ++s;
    if (s < sentences.size()) f.sentence = sentences[s];
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace depeche::extract
