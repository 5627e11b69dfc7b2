#include "extract/timex_anchors.h"

#include <unicode/unistr.h>

#include <cctype>
#include <limits>
#include <map>
#include <set>

namespace depeche::extract {
namespace {

constexpr int kUnbounded = std::numeric_limits<int>::max();
// Beyond this many literals an alternation is not worth indexing (none in the rules is near).
constexpr size_t kMaxLiterals = 512;

// White space, ASCII digits, '-' and every non-ASCII unit: what "\s", "\d" and "[\s-]" can
// consume (ICU's \s and \d also take non-ASCII characters) and the window does not count.
bool Free(char16_t c) {
  return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '0' && c <= '9') || c == '-' || c >= 0x80;
}

int AddCost(int a, int b) { return a == kUnbounded || b == kUnbounded ? kUnbounded : a + b; }

// One element of a sequence: its most non-free characters consumed, and the strings it
// matches when it is a literal (a character, or a group whose every branch is one).
struct Item {
  int cost = 0;
  bool literal = false;
  std::vector<std::u16string> strings;
  bool word_boundary = false;  // \b
  bool zero_width = false;     // \b, \B, ^, $, a look-around
};

// A recursive-descent reader of the ICU syntax the rules use. Anything else fails the
// analysis (ok_ = false): the rule then keeps a plain find().
class PatternReader {
 public:
  explicit PatternReader(const std::u16string& p) : p_(p) {}

  // The top-level sequence, single-branch groups opened in place (a capture group's literal is
  // the text's as much as a bare one), or empty on failure or top-level alternatives.
  std::vector<Item> TopLevel() {
    std::vector<std::vector<Item>> branches = Alternatives(/*flatten=*/true);
    if (!ok_ || i_ != p_.size() || branches.size() != 1) return {};
    return std::move(branches[0]);
  }

 private:
  std::vector<std::vector<Item>> Alternatives(bool flatten) {
    std::vector<std::vector<Item>> branches(1);
    while (ok_ && i_ < p_.size() && p_[i_] != ')') {
      if (p_[i_] == '|') {
        ++i_;
        branches.emplace_back();
        continue;
      }
      Atom(flatten, &branches.back());
    }
    return branches;
  }

  // Reads one atom and its quantifier, appending it (or, for a flattened group, its items).
  void Atom(bool flatten, std::vector<Item>* seq) {
    const char16_t c = p_[i_];
    Item item;
    std::vector<Item> inner;  // a single-branch group's items, for flattening
    bool group = false;
    if (c == '(') {
      ++i_;
      bool look = false;
      if (i_ < p_.size() && p_[i_] == '?') {
        const std::u16string_view rest = std::u16string_view(p_).substr(i_);
        if (rest.substr(0, 2) == u"?:") {
          i_ += 2;
        } else if (rest.substr(0, 3) == u"?<=" || rest.substr(0, 3) == u"?<!") {
          i_ += 3;
          look = true;
        } else if (rest.substr(0, 2) == u"?=" || rest.substr(0, 2) == u"?!") {
          i_ += 2;
          look = true;
        } else {
          ok_ = false;  // named groups, flags, atomic groups, comments
          return;
        }
      }
      std::vector<std::vector<Item>> branches = Alternatives(false);
      if (!ok_ || i_ >= p_.size() || p_[i_] != ')') {
        ok_ = false;
        return;
      }
      ++i_;
      item.zero_width = look;
      if (!look) {
        item = Combine(branches);
        group = branches.size() == 1;
        if (group) inner = std::move(branches[0]);
      }
      // A look-around consumes nothing: cost 0, no literal.
    } else if (c == '[') {
      item.cost = Class();
    } else if (c == '\\') {
      if (i_ + 1 >= p_.size()) {
        ok_ = false;
        return;
      }
      const char16_t e = p_[i_ + 1];
      i_ += 2;
      if (e == 'b' || e == 'B') {
        item.word_boundary = e == 'b';
        item.zero_width = true;
      } else if (e == 's' || e == 'd') {
        item.cost = 0;
      } else if (e == 'S' || e == 'D' || e == 'w' || e == 'W') {
        item.cost = 1;
      } else if (e < 0x80 && !std::isalnum(static_cast<int>(e))) {
        item = Literal(e);
      } else {
        ok_ = false;
        return;
      }
    } else if (c == '^' || c == '$') {
      ++i_;
      item.zero_width = true;
    } else if (c == '.') {
      ++i_;
      item.cost = 1;
    } else if (c == '*' || c == '+' || c == '?' || c == '{' || c == ')') {
      ok_ = false;
      return;
    } else if (U16_IS_SURROGATE(c)) {
      ok_ = false;  // a quantifier would take the whole code point, not its last unit
      return;
    } else {
      ++i_;
      item = Literal(c);
    }
    int min = 1, max = 1;
    if (!Quantifier(&min, &max)) return;
    if (min == 1 && max == 1) {
      if (flatten && group) {
        for (Item& it : inner) seq->push_back(std::move(it));
      } else {
        seq->push_back(std::move(item));
      }
      return;
    }
    Item q;
    if (item.cost == 0) {
      q.cost = 0;
    } else if (item.cost == kUnbounded || max == kUnbounded) {
      q.cost = kUnbounded;
    } else {
      q.cost = static_cast<int>(std::min<int64_t>(int64_t{item.cost} * max, kUnbounded - 1));
    }
    seq->push_back(std::move(q));
  }

  static Item Literal(char16_t c) {
    Item item;
    item.cost = Free(c) ? 0 : 1;
    item.literal = true;
    item.strings = {std::u16string(1, c)};
    return item;
  }

  // A group of alternatives: its cost the largest branch's; a literal when every branch is a
  // sequence of literals.
  static Item Combine(const std::vector<std::vector<Item>>& branches) {
    Item out;
    out.literal = true;
    for (const auto& branch : branches) {
      int cost = 0;
      std::vector<std::u16string> strings = {u""};
      for (const Item& it : branch) {
        cost = AddCost(cost, it.cost);
        if (!it.literal) {
          out.literal = false;
          continue;
        }
        if (!out.literal) continue;
        std::vector<std::u16string> next;
        for (const auto& a : strings) {
          for (const auto& b : it.strings) next.push_back(a + b);
        }
        strings = std::move(next);
        if (strings.size() > kMaxLiterals) out.literal = false;
      }
      out.cost = std::max(out.cost, cost);
      if (out.literal) out.strings.insert(out.strings.end(), strings.begin(), strings.end());
    }
    if (!out.literal) out.strings.clear();
    return out;
  }

  // A character class: cost 0 when it can only take free characters.
  int Class() {
    ++i_;  // '['
    bool negated = false;
    if (i_ < p_.size() && p_[i_] == '^') {
      negated = true;
      ++i_;
    }
    bool all_free = true;
    if (i_ < p_.size() && p_[i_] == ']') {
      ok_ = false;  // a leading ']': read differently by different engines
      return 1;
    }
    while (i_ < p_.size() && p_[i_] != ']') {
      const char16_t c = p_[i_];
      if (c == '[' || (c == '&' && i_ + 1 < p_.size() && p_[i_ + 1] == '&')) {
        ok_ = false;  // nested sets, intersections
        return 1;
      }
      if (c == '\\') {
        if (i_ + 1 >= p_.size()) break;
        const char16_t e = p_[i_ + 1];
        i_ += 2;
        if (e == 's' || e == 'd') continue;
        if (e < 0x80 && !std::isalnum(static_cast<int>(e))) {
          all_free = all_free && Free(e);
          continue;
        }
        if (e == 'S' || e == 'D' || e == 'w' || e == 'W') {
          all_free = false;
          continue;
        }
        ok_ = false;
        return 1;
      }
      ++i_;
      if (i_ + 1 < p_.size() && p_[i_] == '-' && p_[i_ + 1] != ']') {  // a range
        const char16_t hi = p_[i_ + 1];
        if (hi == '\\' || hi == '[') {
          ok_ = false;
          return 1;
        }
        i_ += 2;
        all_free = all_free && ((c >= '0' && hi <= '9') || c >= 0x80);
        continue;
      }
      all_free = all_free && Free(c);
    }
    if (i_ >= p_.size()) {
      ok_ = false;
      return 1;
    }
    ++i_;  // ']'
    return all_free && !negated ? 0 : 1;
  }

  // Reads a quantifier after an atom: ? * + {n} {n,} {n,m}, then an optional lazy '?' or
  // possessive '+'. False on a malformed one.
  bool Quantifier(int* min, int* max) {
    if (i_ >= p_.size()) return true;
    const char16_t c = p_[i_];
    if (c == '?') {
      *min = 0;
    } else if (c == '*') {
      *min = 0;
      *max = kUnbounded;
    } else if (c == '+') {
      *max = kUnbounded;
    } else if (c == '{') {
      const size_t close = p_.find(u'}', i_);
      if (close == std::u16string::npos) {
        ok_ = false;
        return false;
      }
      std::string inside;
      for (size_t k = i_ + 1; k < close; ++k) {
        if (p_[k] >= 0x80) {
          ok_ = false;
          return false;
        }
        inside += static_cast<char>(p_[k]);
      }
      const size_t comma = inside.find(',');
      const std::string lo = inside.substr(0, comma);
      const std::string hi = comma == std::string::npos ? lo : inside.substr(comma + 1);
      auto digits = [](const std::string& s) {
        return !s.empty() && s.size() < 6 &&
               std::all_of(s.begin(), s.end(), [](char d) { return d >= '0' && d <= '9'; });
      };
      if (!digits(lo) || (!hi.empty() && !digits(hi))) {
        ok_ = false;
        return false;
      }
      *min = std::stoi(lo);
      *max = hi.empty() ? kUnbounded : std::stoi(hi);
      i_ = close;
    } else {
      return true;
    }
    ++i_;
    if (i_ < p_.size() && (p_[i_] == '?' || p_[i_] == '+')) ++i_;
    return true;
  }

  const std::u16string& p_;
  size_t i_ = 0;
  bool ok_ = true;
};

uint32_t PrefixKey(char16_t a, char16_t b) { return (static_cast<uint32_t>(a) << 16) | b; }

}  // namespace

std::optional<TimexAnchor> AnalyzeTimexPattern(const std::u16string& pattern) {
  PatternReader reader(pattern);
  std::vector<Item> items = reader.TopLevel();
  if (items.empty()) return std::nullopt;
  // Runs of single characters are one literal ("this").
  std::vector<Item> merged;
  for (Item& it : items) {
    if (it.literal && it.strings.size() == 1 && !merged.empty() && merged.back().literal &&
        merged.back().strings.size() == 1) {
      merged.back().strings[0] += it.strings[0];
      merged.back().cost = AddCost(merged.back().cost, it.cost);
      continue;
    }
    merged.push_back(std::move(it));
  }
  std::optional<TimexAnchor> best;
  int before = 0;
  for (const Item& it : merged) {
    if (before == kUnbounded) break;
    const bool usable = it.literal && !it.strings.empty() &&
                        std::all_of(it.strings.begin(), it.strings.end(),
                                    [](const std::u16string& s) { return s.size() >= 2; });
    if (usable && (!best || before < best->before)) {
      best = TimexAnchor{};
      std::set<std::u16string> unique(it.strings.begin(), it.strings.end());
      best->literals.assign(unique.begin(), unique.end());
      best->before = before;
    }
    before = AddCost(before, it.cost);
  }
  if (best) {
    best->word = merged.front().word_boundary;
    // A match opens with what the first item that consumes takes: when that is a literal,
    // one of its strings' first units.
    auto first =
        std::find_if(merged.begin(), merged.end(), [](const Item& it) { return !it.zero_width; });
    if (first != merged.end() && first->literal &&
        std::none_of(first->strings.begin(), first->strings.end(),
                     [](const std::u16string& s) { return s.empty(); })) {
      std::set<char16_t> units;
      for (const std::u16string& s : first->strings) units.insert(s[0]);
      best->starts.assign(units.begin(), units.end());
    }
  }
  return best;
}

TimexAnchorIndex::TimexAnchorIndex(const std::vector<const icu::RegexPattern*>& patterns) {
  std::map<std::vector<std::u16string>, int> ids;  // identical literal sets share their scan
  for (const icu::RegexPattern* pattern : patterns) {
    Plan plan;
    const icu::UnicodeString source = pattern->pattern();
    const std::u16string text(source.getBuffer(), static_cast<size_t>(source.length()));
    // Flags would change what a literal matches: such a pattern keeps find().
    if (pattern->flags() == 0) {
      if (std::optional<TimexAnchor> anchor = AnalyzeTimexPattern(text)) {
        auto [it, added] = ids.emplace(anchor->literals, anchors_);
        if (added) {
          for (const std::u16string& literal : anchor->literals) {
            by_prefix_[PrefixKey(literal[0], literal[1])].emplace_back(literal, anchors_);
            first_unit_[literal[0]] = true;
          }
          ++anchors_;
        }
        plan.anchor = it->second;
        plan.before = anchor->before;
        plan.word = anchor->word;
        plan.starts = anchor->starts;
      }
    }
    plans_.push_back(plan);
  }
}

void TimexAnchorIndex::Scan(const char16_t* text, int32_t length,
                            std::vector<std::vector<int32_t>>* out) const {
  out->resize(static_cast<size_t>(anchors_));
  for (auto& hits : *out) hits.clear();
  for (int32_t i = 0; i + 1 < length; ++i) {
    if (!first_unit_[text[i]]) continue;
    auto it = by_prefix_.find(PrefixKey(text[i], text[i + 1]));
    if (it == by_prefix_.end()) continue;
    const std::u16string_view rest(text + i, static_cast<size_t>(length - i));
    for (const auto& [literal, anchor] : it->second) {
      if (rest.substr(0, literal.size()) != literal) continue;
      auto& hits = (*out)[static_cast<size_t>(anchor)];
      if (hits.empty() || hits.back() != i) hits.push_back(i);
    }
  }
}

int32_t TimexAnchorIndex::WindowStart(const char16_t* text, int32_t at, int before, int32_t tried) {
  int32_t p = at;
  while (p > tried) {
    if (!Free(text[p - 1])) {
      if (before == 0) break;
      --before;
    }
    --p;
  }
  return p;
}

bool TimexAnchorIndex::MaybeWordBoundary(const char16_t* text, int32_t length, int32_t at) {
  // Exact for two ASCII characters (ICU's word characters there: letters, digits, '_');
  // anything else might be one.
  if (at <= 0 || at >= length) return true;
  const char16_t a = text[at - 1], b = text[at];
  if (a >= 0x80 || b >= 0x80) return true;
  auto word = [](char16_t c) { return std::isalnum(static_cast<int>(c)) || c == '_'; };
  return word(a) != word(b);
}

}  // namespace depeche::extract
