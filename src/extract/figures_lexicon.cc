#include "extract/figures_lexicon.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "core/files.h"
#include "core/strings.h"
#include "text/stopwords.h"

namespace depeche::extract {
namespace {

bool IsSpace(UChar32 c) { return c == '\t' || c == '\n' || c == '\r' || u_isUWhiteSpace(c); }

void AppendLower(UChar32 c, std::string& out) {
  if (c == 0x2019) c = '\'';
  c = u_tolower(c);
  char buf[4];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(buf, n, 4, c, error);
  if (!error) out.append(buf, static_cast<size_t>(n));
}

// "U+00A0" -> its UTF-8 bytes; anything else as written.
std::string DecodeEscape(std::string_view s) {
  if (s.size() > 2 && (s.substr(0, 2) == "U+" || s.substr(0, 2) == "u+")) {
    long c = std::strtol(std::string(s.substr(2)).c_str(), nullptr, 16);
    std::string out;
    char buf[4];
    int32_t n = 0;
    UBool error = false;
    U8_APPEND(buf, n, 4, static_cast<UChar32>(c), error);
    if (!error) out.assign(buf, static_cast<size_t>(n));
    return out;
  }
  return std::string(s);
}

std::vector<std::string> PhraseTokens(std::string_view s) {
  std::vector<std::string> out;
  for (FigureToken& t : TokenizeFigureText(s)) out.push_back(std::move(t.lower));
  return out;
}

bool ParseDouble(std::string_view s, double& out) {
  std::string copy(s);
  char* end = nullptr;
  out = std::strtod(copy.c_str(), &end);
  return !copy.empty() && end == copy.c_str() + copy.size();
}

}  // namespace

std::vector<FigureToken> TokenizeFigureText(std::string_view text) {
  std::vector<FigureToken> out;
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(std::min<size_t>(text.size(), INT32_MAX));
  int32_t i = 0;
  bool space = false;
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c >= 0 && IsSpace(c)) {
      space = true;
      continue;
    }
    FigureToken t;
    t.begin = static_cast<uint32_t>(start);
    t.space_before = space && !out.empty();
    space = false;
    if (c >= '0' && c <= '9') {
      t.kind = FigureTokenKind::kDigits;
      while (i < n && p[i] >= '0' && p[i] <= '9') ++i;
      t.lower.assign(text.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
    } else if (c >= 0 && u_isalpha(c)) {
      t.kind = FigureTokenKind::kWord;
      AppendLower(c, t.lower);
      while (i < n) {
        int32_t next = i;
        UChar32 d;
        U8_NEXT(p, next, n, d);
        if (d >= 0 &&
            (u_isalpha(d) || u_getIntPropertyValue(d, UCHAR_GENERAL_CATEGORY_MASK) & U_GC_M_MASK)) {
          AppendLower(d, t.lower);
          i = next;
        } else if (d == '\'' || d == 0x2019) {
          // An elided article or preposition keeps its apostrophe ("d'", "l'"); a longer word
          // before an apostrophe is an English possessive or a quote: the apostrophe stays out.
          if (t.lower.size() <= 2) {
            t.lower.push_back('\'');
            i = next;
          }
          break;
        } else {
          break;
        }
      }
    } else {
      t.kind = FigureTokenKind::kSymbol;
      if (c < 0) {
        t.lower.assign(text.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
      } else {
        AppendLower(c, t.lower);
      }
    }
    t.end = static_cast<uint32_t>(i);
    out.push_back(std::move(t));
  }
  return out;
}

void FigurePhraseTable::Add(FigurePhrase phrase) {
  if (phrase.tokens.empty()) return;
  auto insert = [](std::vector<FigurePhrase>& v, const FigurePhrase& p) {
    v.push_back(p);
    std::stable_sort(v.begin(), v.end(), [](const FigurePhrase& a, const FigurePhrase& b) {
      return a.tokens.size() > b.tokens.size();
    });
  };
  insert(by_last_[phrase.tokens.back()], phrase);
  insert(by_first_[phrase.tokens.front()], phrase);
}

const FigurePhrase* FigurePhraseTable::MatchAt(const std::vector<FigureToken>& tokens,
                                               size_t i) const {
  if (i >= tokens.size()) return nullptr;
  auto it = by_first_.find(tokens[i].lower);
  if (it == by_first_.end()) return nullptr;
  for (const FigurePhrase& p : it->second) {
    if (i + p.tokens.size() > tokens.size()) continue;
    bool ok = true;
    for (size_t k = 1; k < p.tokens.size() && ok; ++k) ok = tokens[i + k].lower == p.tokens[k];
    if (ok) return &p;
  }
  return nullptr;
}

const FigurePhrase* FigurePhraseTable::MatchBefore(const std::vector<FigureToken>& tokens,
                                                   size_t end) const {
  if (end == 0 || end > tokens.size()) return nullptr;
  auto it = by_last_.find(tokens[end - 1].lower);
  if (it == by_last_.end()) return nullptr;
  for (const FigurePhrase& p : it->second) {
    if (p.tokens.size() > end) continue;
    size_t start = end - p.tokens.size();
    bool ok = true;
    for (size_t k = 0; k + 1 < p.tokens.size() && ok; ++k)
      ok = tokens[start + k].lower == p.tokens[k];
    if (ok) return &p;
  }
  return nullptr;
}

Result<FigureLexicon> FigureLexicon::Load(const std::string& path, std::string lang) {
  DEPECHE_ASSIGN_OR_RETURN(std::string content, core::ReadFile(path));
  FigureLexicon lex;
  lex.lang = std::move(lang);
  std::unordered_set<std::string> opener_joins;
  size_t line_no = 0;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t nl = content.find('\n', pos);
    if (nl == std::string::npos) nl = content.size();
    std::string_view line(content.data() + pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> f = core::Split(line, '\t');
    auto error = [&](const std::string& why) {
      return InvalidArgumentError(path + ":" + std::to_string(line_no) + ": " + why);
    };
    if (f.size() < 2 || f[1].empty()) return error("expected KIND<TAB>SURFACE[<TAB>...]");
    const std::string_view kind = f[0];
    const std::string surface = DecodeEscape(f[1]);
    FigurePhrase phrase;
    phrase.tokens = PhraseTokens(surface);
    auto need = [&](size_t fields) { return f.size() >= fields; };
    auto number = [&](size_t k, double& out) { return need(k + 1) && ParseDouble(f[k], out); };
    const std::string_view flag = f.size() >= 4 ? f[3] : std::string_view();
    if (kind == "decimal") {
      lex.decimal = surface;
    } else if (kind == "group") {
      lex.groups.push_back(surface);
    } else if (kind == "number" || kind == "multiplier" || kind == "scale") {
      if (!number(2, phrase.value)) return error("expected a numeric value in the third field");
      if (kind == "number") {
        if (!flag.empty() && flag != "compound") return error("flag must be 'compound'");
        phrase.flag = flag == "compound";
        lex.numbers.Add(std::move(phrase));
      } else if (kind == "multiplier") {
        lex.multipliers.Add(std::move(phrase));
      } else {
        if (!flag.empty() && flag != "currency") return error("flag must be 'currency'");
        phrase.flag = flag == "currency";
        lex.scales.Add(std::move(phrase));
      }
    } else if (kind == "vague") {
      if (!number(2, phrase.value) || !number(3, phrase.value2)) {
        return error("expected the low and high values in the third and fourth fields");
      }
      lex.vague.Add(std::move(phrase));
    } else if (kind == "prefix" || kind == "unit") {
      if (!need(3) || f[2].empty()) return error("expected the normalised unit");
      phrase.text = std::string(f[2]);
      (kind == "prefix" ? lex.prefixes : lex.units).Add(std::move(phrase));
    } else if (kind == "modifier") {
      if (!need(3) || (f[2] != "approximate" && f[2] != "lower" && f[2] != "upper")) {
        return error("expected approximate, lower or upper");
      }
      phrase.text = std::string(f[2]);
      lex.modifiers.Add(std::move(phrase));
    } else if (kind == "exclude") {
      lex.excludes.Add(std::move(phrase));
    } else if (kind == "range") {
      if (!need(3) || f[2].empty()) return error("expected OPENING (or -) and JOIN");
      std::string join = DecodeEscape(f[2]);
      if (surface == "-" && f[1] == "-") {
        lex.range_joins.insert(join);
      } else {
        lex.range_open.Add(std::move(phrase));
        opener_joins.insert(join);
      }
    } else if (kind == "date") {
      lex.dates.Add(std::move(phrase));
    } else if (kind == "clock") {
      lex.clocks.Add(std::move(phrase));
    } else if (kind == "plural") {
      lex.plurals.emplace_back(surface, need(3) ? std::string(f[2]) : std::string());
    } else {
      std::unordered_set<std::string>* set = nullptr;
      if (kind == "link") set = &lex.links;
      if (kind == "per") set = &lex.per_words;
      if (kind == "join") set = &lex.number_joins;
      if (kind == "ordinal") set = &lex.ordinals;
      if (kind == "notcounted") set = &lex.not_counted;
      if (kind == "yearcue") set = &lex.year_cues;
      if (kind == "negative") set = &lex.negatives;
      if (kind == "rangeblock") set = &lex.range_blocks;
      if (kind == "invariant") set = &lex.invariants;
      if (kind == "counted") set = &lex.counted;
      if (set == nullptr) return error("unknown kind '" + std::string(kind) + "'");
      std::string lower;
      for (const std::string& t : phrase.tokens) lower += t;
      set->insert(lower);
    }
  }
  std::stable_sort(lex.plurals.begin(), lex.plurals.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  // The range joins that need an opening word are those that are not also plain joins.
  for (const std::string& j : opener_joins) {
    if (!lex.range_joins.count(j)) lex.and_joins.insert(j);
  }
  lex.range_joins.insert(opener_joins.begin(), opener_joins.end());
  const std::filesystem::path stop = std::filesystem::path(path).parent_path() / "stopwords.txt";
  if (std::filesystem::exists(stop)) {
    DEPECHE_ASSIGN_OR_RETURN(std::string words, core::ReadFile(stop.string()));
    for (std::string_view w : text::ParseWordList(words)) lex.not_counted.insert(std::string(w));
  }
  return lex;
}

}  // namespace depeche::extract
