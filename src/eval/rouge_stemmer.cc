#include "eval/rouge_stemmer.h"

#include <array>
#include <regex>
#include <utility>

#include "core/files.h"

namespace depeche::eval {
namespace {

// Porter's measure conditions written the way ROUGE's stemmer tests them (regular expressions
// over the word), so that edge cases agree: a consonant is any character but a e i o u (y
// included: a leading y was made 'Y'), a vowel is one of a e i o u y, a consonant run is a
// consonant followed by characters that are neither vowels nor y, a vowel run a vowel followed by
// a e i o u.
struct Conditions {
  Conditions() {
    const std::string c = "[^aeiou][^aeiouy]*";
    const std::string v = "[aeiouy][aeiou]*";
    m_above_0 = std::regex("^(" + c + ")?" + v + c);
    m_is_1 = std::regex("^(" + c + ")?" + v + c + "(" + v + ")?$");
    m_above_1 = std::regex("^(" + c + ")?" + v + c + v + c);
    has_vowel = std::regex("^(" + c + ")?[aeiouy]");
    short_cvc = std::regex("^" + c + "[aeiouy][^aeiouwxy]$");
  }
  std::regex m_above_0;
  std::regex m_is_1;
  std::regex m_above_1;
  std::regex has_vowel;
  std::regex short_cvc;  // consonant run, vowel, consonant other than w x y: the whole word
};

const Conditions& Cond() {
  static const Conditions* conditions = new Conditions();
  return *conditions;
}

bool Match(const std::regex& re, const std::string& s) { return std::regex_search(s, re); }

bool EndsWith(const std::string& w, std::string_view suffix) {
  return w.size() >= suffix.size() &&
         w.compare(w.size() - suffix.size(), suffix.size(), suffix.data(), suffix.size()) == 0;
}

using Rule = std::pair<std::string_view, std::string_view>;  // suffix, replacement

// The longest suffix of `w` among `rules` (what a regular expression alternation anchored at the
// end finds first: the match that starts leftmost), or nullptr.
template <size_t N>
const Rule* LongestSuffix(const std::string& w, const std::array<Rule, N>& rules) {
  const Rule* best = nullptr;
  for (const Rule& rule : rules) {
    if (EndsWith(w, rule.first) && (best == nullptr || rule.first.size() > best->first.size())) {
      best = &rule;
    }
  }
  return best;
}

constexpr std::array<Rule, 21> kStep2 = {
    {{"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"}, {"anci", "ance"}, {"izer", "ize"},
     {"bli", "ble"},     {"alli", "al"},     {"entli", "ent"}, {"eli", "e"},     {"ousli", "ous"},
     {"ization", "ize"}, {"ation", "ate"},   {"ator", "ate"},  {"alism", "al"},  {"iveness", "ive"},
     {"fulness", "ful"}, {"ousness", "ous"}, {"aliti", "al"},  {"iviti", "ive"}, {"biliti", "ble"},
     {"logi", "log"}}};
constexpr std::array<Rule, 7> kStep3 = {{{"icate", "ic"},
                                         {"ative", ""},
                                         {"alize", "al"},
                                         {"iciti", "ic"},
                                         {"ical", "ic"},
                                         {"ful", ""},
                                         {"ness", ""}}};
// Lin's step 4: -ement is here, -ment and -ent are tried afterwards.
constexpr std::array<Rule, 16> kStep4 = {{{"al", ""},
                                          {"ance", ""},
                                          {"ence", ""},
                                          {"er", ""},
                                          {"ic", ""},
                                          {"able", ""},
                                          {"ible", ""},
                                          {"ant", ""},
                                          {"ement", ""},
                                          {"ou", ""},
                                          {"ism", ""},
                                          {"ate", ""},
                                          {"iti", ""},
                                          {"ous", ""},
                                          {"ive", ""},
                                          {"ize", ""}}};

std::string Without(const std::string& w, size_t suffix_size) {
  return w.substr(0, w.size() - suffix_size);
}

void Step1(std::string& w, const Conditions& k) {
  // 1a: plurals.
  if (EndsWith(w, "sses") || EndsWith(w, "ies")) {
    w.resize(w.size() - 2);
  } else if (w.size() >= 2 && w.back() == 's' && w[w.size() - 2] != 's') {
    w.pop_back();
  }
  // 1b: -eed, -ed, -ing.
  if (EndsWith(w, "eed")) {
    if (Match(k.m_above_0, Without(w, 3))) w.pop_back();
  } else if (EndsWith(w, "ed") || EndsWith(w, "ing")) {
    std::string stem = Without(w, EndsWith(w, "ed") ? 2 : 3);
    if (Match(k.has_vowel, stem)) {
      w = std::move(stem);
      const size_t n = w.size();
      if (EndsWith(w, "at") || EndsWith(w, "bl") || EndsWith(w, "iz")) {
        w += 'e';
      } else if (n >= 2 && w[n - 1] == w[n - 2] &&
                 std::string_view("aeiouylsz").find(w[n - 1]) == std::string_view::npos) {
        w.pop_back();
      } else if (Match(k.short_cvc, w)) {
        w += 'e';
      }
    }
  }
  // 1c: y -> i after a vowel somewhere in the stem.
  if (EndsWith(w, "y")) {
    std::string stem = Without(w, 1);
    if (Match(k.has_vowel, stem)) w = stem + "i";
  }
}

void Step2To4(std::string& w, const Conditions& k) {
  if (const Rule* r = LongestSuffix(w, kStep2)) {
    std::string stem = Without(w, r->first.size());
    if (Match(k.m_above_0, stem)) w = stem + std::string(r->second);
  }
  if (const Rule* r = LongestSuffix(w, kStep3)) {
    std::string stem = Without(w, r->first.size());
    if (Match(k.m_above_0, stem)) w = stem + std::string(r->second);
  }
  if (const Rule* r = LongestSuffix(w, kStep4)) {
    std::string stem = Without(w, r->first.size());
    if (Match(k.m_above_1, stem)) w = std::move(stem);
  }
  if (EndsWith(w, "ment")) {
    std::string stem = Without(w, 4);
    if (Match(k.m_above_1, stem)) w = std::move(stem);
  }
  if (EndsWith(w, "ent")) {
    std::string stem = Without(w, 3);
    if (Match(k.m_above_1, stem)) w = std::move(stem);
  } else if (EndsWith(w, "sion") || EndsWith(w, "tion")) {
    std::string stem = Without(w, 3);  // keeps the s or t
    if (Match(k.m_above_1, stem)) w = std::move(stem);
  }
}

void Step5(std::string& w, const Conditions& k) {
  if (EndsWith(w, "e")) {
    std::string stem = Without(w, 1);
    if (Match(k.m_above_1, stem) || (Match(k.m_is_1, stem) && !Match(k.short_cvc, stem))) {
      w = std::move(stem);
    }
  }
  if (EndsWith(w, "ll") && Match(k.m_above_1, w)) w.pop_back();
}

}  // namespace

std::string RougePorterStem(std::string_view word) {
  std::string w(word);
  if (w.size() < 3) return w;
  const Conditions& k = Cond();
  // A leading y is a consonant whatever follows: mark it so that no condition takes it for a
  // vowel, and restore it at the end.
  const bool leading_y = w[0] == 'y';
  if (leading_y) w[0] = 'Y';
  Step1(w, k);
  Step2To4(w, k);
  Step5(w, k);
  if (leading_y && !w.empty() && w[0] == 'Y') w[0] = 'y';
  return w;
}

Result<std::unordered_map<std::string, std::string>> ReadWordNetExceptions(
    const std::filesystem::path& dir) {
  std::unordered_map<std::string, std::string> exceptions;
  int files = 0;
  for (const char* name : {"adj.exc", "adv.exc", "noun.exc", "verb.exc"}) {
    const std::filesystem::path path = dir / name;
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) continue;
    DEPECHE_ASSIGN_OR_RETURN(std::string text, core::ReadFile(path.string()));
    ++files;
    size_t pos = 0;
    while (pos < text.size()) {
      size_t end = text.find('\n', pos);
      if (end == std::string::npos) end = text.size();
      const std::string_view line(text.data() + pos, end - pos);
      pos = end + 1;
      const size_t space = line.find(' ');
      if (space == std::string_view::npos || space == 0) continue;
      size_t base_end = line.find(' ', space + 1);
      if (base_end == std::string_view::npos) base_end = line.size();
      if (base_end <= space + 1) continue;
      exceptions.insert_or_assign(std::string(line.substr(0, space)),
                                  std::string(line.substr(space + 1, base_end - space - 1)));
    }
  }
  if (files == 0) return NotFoundError("no WordNet exception list (*.exc) in " + dir.string());
  return exceptions;
}

const std::string& RougeStemmer::Stem(const std::string& token) {
  auto cached = cache_.find(token);
  if (cached != cache_.end()) return cached->second;
  std::string stem;
  if (token.size() <= 3) {
    stem = token;
  } else if (auto exception = exceptions_.find(token); exception != exceptions_.end()) {
    stem = exception->second;
  } else {
    stem = RougePorterStem(token);
  }
  return cache_.emplace(token, std::move(stem)).first->second;
}

}  // namespace depeche::eval
