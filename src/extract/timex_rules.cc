#include "extract/timex_rules.h"

#include <algorithm>
#include <set>
#include <utility>

#include "core/files.h"
#include "text/calendar_names.h"
#include "text/normalize.h"

namespace depeche::extract {
namespace {

std::vector<std::string_view> Lines(std::string_view content) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (pos <= content.size()) {
    size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    std::string_view line = content.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    out.push_back(line);
    pos = end + 1;
  }
  return out;
}

std::string EscapeRegex(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::string_view("\\^$.|?*+()[]{}").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

Result<std::unique_ptr<icu::RegexPattern>> Compile(const std::string& pattern,
                                                   const std::string& where, uint32_t flags) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError parse;
  std::unique_ptr<icu::RegexPattern> compiled(
      icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(icu::StringPiece(
                                     pattern.data(), static_cast<int32_t>(pattern.size()))),
                                 flags, parse, status));
  if (U_FAILURE(status) || compiled == nullptr) {
    return InvalidArgumentError(where + ": bad pattern (" + u_errorName(status) + " at offset " +
                                std::to_string(parse.offset) + ")");
  }
  return compiled;
}

}  // namespace

std::vector<std::string> TimexWords(std::string_view text) {
  const std::string folded = text::Fold(text);
  std::vector<std::string> out;
  std::string word;
  for (char ch : folded) {
    const auto c = static_cast<unsigned char>(ch);
    // Bytes of multi-byte characters count as letters (folding leaves few: ß, œ, ...).
    if ((c >= 'a' && c <= 'z') || c >= 0x80) {
      word += ch;
    } else if (!word.empty()) {
      out.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string TimexRules::Lookup(std::string_view name, std::string_view surface) const {
  auto it = resources_.find(name);
  if (it == resources_.end()) return {};
  auto value = it->second.find(text::Fold(surface));
  return value == it->second.end() ? std::string() : value->second;
}

Result<std::shared_ptr<const TimexRules>> TimexRules::Load(const std::string& dir,
                                                           std::string_view lang) {
  std::shared_ptr<TimexRules> rules(new TimexRules());
  rules->lang_ = std::string(lang);
  // Resources: the folded look-up tables and, per name, the surfaces for the alternations.
  const std::string resources_path = dir + "/resources.txt";
  DEPECHE_ASSIGN_OR_RETURN(std::string resources, core::ReadFile(resources_path));
  std::map<std::string, std::set<std::string>> surfaces;
  // @month and @weekday start with the language's names from text::CalendarNames (the source
  // text::CalendarWords and the HTML date reader share): the wide names, and the abbreviated
  // month names that end with a period ("févr.", "Okt."). Abbreviations without a period and
  // weekday abbreviations are common words ("mar", "sun", "jeu.", "Sam."): a file adds those
  // it wants.
  const text::CalendarNames& calendar = text::CalendarNames::For(lang);
  for (const auto& [name, list] :
       {std::pair{"month", &calendar.months()}, std::pair{"weekday", &calendar.weekdays()}}) {
    const bool month = std::string_view(name) == "month";
    for (const text::CalendarName& n : *list) {
      if (n.abbreviated && (!month || n.name.back() != '.')) continue;
      std::string value = month && n.number < 10 ? "0" : "";
      value += std::to_string(n.number);
      rules->resources_[name].emplace(text::Fold(n.name), value);
      surfaces[name].insert(n.name);
      surfaces[name].insert(text::Fold(n.name));
    }
  }
  std::string section;
  int line_no = 0;
  for (std::string_view line : Lines(resources)) {
    ++line_no;
    const std::string where = resources_path + ":" + std::to_string(line_no);
    if (line.empty() || line[0] == '#') continue;
    if (line[0] == '@') {
      section = std::string(line.substr(1));
      continue;
    }
    if (section.empty()) return InvalidArgumentError(where + ": entry before any @section");
    if (section == "future" || section == "past" || section == "report") {
      DEPECHE_ASSIGN_OR_RETURN(auto cue,
                               Compile(std::string(line), where, UREGEX_CASE_INSENSITIVE));
      (section == "future" ? rules->future_
       : section == "past" ? rules->past_
                           : rules->report_)
          .push_back(std::move(cue));
      continue;
    }
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos || tab == 0 || tab + 1 >= line.size()) {
      return InvalidArgumentError(where + ": expected surface<TAB>value");
    }
    const std::string surface(line.substr(0, tab));
    rules->resources_[section].emplace(text::Fold(surface), std::string(line.substr(tab + 1)));
    surfaces[section].insert(text::Lower(surface));
    surfaces[section].insert(text::Fold(surface));
  }
  // Alternations, longest first so that "févr." is not cut at "févr".
  std::map<std::string, std::string, std::less<>> alternation;
  for (const auto& [name, forms] : surfaces) {
    std::vector<std::string> sorted(forms.begin(), forms.end());
    std::stable_sort(sorted.begin(), sorted.end(), [](const std::string& a, const std::string& b) {
      return a.size() > b.size();
    });
    std::string alt = "(?:";
    for (size_t i = 0; i < sorted.size(); ++i) {
      if (i > 0) alt += '|';
      alt += EscapeRegex(sorted[i]);
    }
    alternation[name] = alt + ")";
  }
  const std::string rules_path = dir + "/rules.txt";
  DEPECHE_ASSIGN_OR_RETURN(std::string content, core::ReadFile(rules_path));
  line_no = 0;
  for (std::string_view line : Lines(content)) {
    ++line_no;
    const std::string where = rules_path + ":" + std::to_string(line_no);
    if (line.empty() || line[0] == '#') continue;
    const size_t t1 = line.find('\t');
    const size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
    if (t2 == std::string_view::npos)
      return InvalidArgumentError(where + ": expected TYPE<TAB>pattern<TAB>value");
    TimexRule rule;
    auto type = ParseTimexType(line.substr(0, t1));
    if (!type)
      return InvalidArgumentError(where + ": unknown type " + std::string(line.substr(0, t1)));
    rule.type = *type;
    rule.value = std::string(line.substr(t2 + 1));
    rule.id = std::string(lang) + "/rules.txt:" + std::to_string(line_no);
    // %name -> the resource's alternation.
    const std::string_view raw = line.substr(t1 + 1, t2 - t1 - 1);
    std::string pattern;
    // The words the rule cannot match without (its trigger test): its literal words and its
    // resources', those inside an optional group, an alternation or a negative look-around
    // left out (a match need not hold them).
    struct Unit {
      std::vector<std::string> words;  // any one of them
      bool mandatory = true;
    };
    struct Group {
      size_t first = 0;  // first unit inside
      bool bar = false;  // holds alternatives
      bool negative = false;
    };
    std::vector<Unit> units;
    std::vector<Group> groups;
    bool top_bar = false;
    bool uses_digits = false;
    std::string word;
    auto flush = [&] {
      for (std::string& w : TimexWords(word)) {
        // Words of one or two letters ("h", "er", "of") are no evidence of a date.
        if (w.size() >= 3) units.push_back({{std::move(w)}, true});
      }
      word.clear();
    };
    for (size_t i = 0; i < raw.size(); ++i) {
      const char c = raw[i];
      if (c == '\\' && i + 1 < raw.size()) {
        if (raw[i + 1] == 'd') uses_digits = true;
        flush();
        pattern += raw.substr(i, 2);
        ++i;
        continue;
      }
      if (c == '[') {  // a character class: no literal word runs through it
        flush();
        const size_t close = raw.find(']', i + 1);
        const size_t end = close == std::string_view::npos ? raw.size() : close + 1;
        pattern += raw.substr(i, end - i);
        i = end - 1;
        continue;
      }
      if (c == '(') {
        flush();
        Group g;
        g.first = units.size();
        g.negative = raw.substr(i, 4) == "(?<!" || raw.substr(i, 3) == "(?!";
        groups.push_back(g);
        pattern += c;
        continue;
      }
      if (c == ')') {
        flush();
        pattern += c;
        if (groups.empty()) continue;
        const Group g = groups.back();
        groups.pop_back();
        const bool quantified = i + 1 < raw.size() && (raw[i + 1] == '?' || raw[i + 1] == '*' ||
                                                       raw.substr(i + 1, 2) == "{0");
        if (g.bar || g.negative || quantified) {
          for (size_t u = g.first; u < units.size(); ++u) units[u].mandatory = false;
        }
        continue;
      }
      if (c == '|') {
        flush();
        (groups.empty() ? top_bar : groups.back().bar) = true;
        pattern += c;
        continue;
      }
      if (c == '\'') {  // either apostrophe: news write "aujourd'hui" and "aujourd’hui"
        flush();
        pattern += "['\u2019]";
        continue;
      }
      if (c != '%') {
        pattern += c;
        const auto uc = static_cast<unsigned char>(c);
        if (std::isalpha(uc) || uc >= 0x80 || c == '\'' || c == '-') {
          // An optional letter ("jours?") is not part of the word the text must hold.
          const bool optional = i + 1 < raw.size() &&
                                std::string_view("?*{").find(raw[i + 1]) != std::string_view::npos;
          if (optional) {
            flush();
          } else {
            word += c;
          }
        } else {
          flush();
        }
        continue;
      }
      flush();
      size_t j = i + 1;
      while (j < raw.size() && (std::isalnum(static_cast<unsigned char>(raw[j])) || raw[j] == '_'))
        ++j;
      const std::string_view name = raw.substr(i + 1, j - i - 1);
      if (name.empty()) {  // a literal '%' ("15 %")
        pattern += '%';
        continue;
      }
      auto alt = alternation.find(name);
      if (alt == alternation.end()) {
        return InvalidArgumentError(where + ": unknown resource %" + std::string(name));
      }
      pattern += alt->second;
      Unit unit;
      for (const std::string& surface : surfaces[std::string(name)]) {
        for (std::string& w : TimexWords(surface)) unit.words.push_back(std::move(w));
      }
      units.push_back(std::move(unit));
      i = j - 1;
    }
    flush();
    std::set<std::string> triggers;
    if (!top_bar) {
      for (const Unit& u : units) {
        if (u.mandatory) triggers.insert(u.words.begin(), u.words.end());
      }
    }
    rule.triggers.assign(triggers.begin(), triggers.end());
    // Without a word it cannot match without, a rule with no word at all ("\d+/\d+/\d{4}")
    // needs a digit; one with optional words or alternatives ("(\d+|%number) ans") always runs.
    rule.digits = rule.triggers.empty() && uses_digits && units.empty();
    DEPECHE_ASSIGN_OR_RETURN(rule.pattern, Compile(pattern, where, 0));
    rules->rules_.push_back(std::move(rule));
  }
  return std::shared_ptr<const TimexRules>(std::move(rules));
}

}  // namespace depeche::extract
