#include "text/sentences_abbreviations.h"

#include <unicode/udata.h>
#include <unicode/unistr.h>
#include <unicode/ures.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "text/stopwords.h"

namespace depeche::text::internal {
// Generated from data/<lang>/*.txt by src/text/CMakeLists.txt.
std::string_view EmbeddedDataFile(std::string_view lang, std::string_view name);

namespace {

constexpr size_t kMaxWords = 3;

struct BundleCloser {
  void operator()(UResourceBundle* bundle) const { ures_close(bundle); }
};
using Bundle = std::unique_ptr<UResourceBundle, BundleCloser>;

// brkitr/<locale>.res -> exceptions -> SentenceBreak: the list behind "@ss=standard".
std::vector<std::string> CldrExceptions(const std::string& locale) {
  std::vector<std::string> out;
  UErrorCode ec = U_ZERO_ERROR;
  Bundle root(
      ures_openDirect(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr", locale.c_str(), &ec));
  if (U_FAILURE(ec)) return out;
  Bundle exceptions(ures_getByKey(root.get(), "exceptions", nullptr, &ec));
  Bundle sentence(ures_getByKey(exceptions.get(), "SentenceBreak", nullptr, &ec));
  if (U_FAILURE(ec)) return out;
  const int32_t n = ures_getSize(sentence.get());
  for (int32_t i = 0; i < n; ++i) {
    UErrorCode item_ec = U_ZERO_ERROR;
    int32_t len = 0;
    const UChar* s = ures_getStringByIndex(sentence.get(), i, &len, &item_ec);
    if (U_FAILURE(item_ec)) continue;
    std::string utf8;
    icu::UnicodeString(s, len).toUTF8String(utf8);
    out.push_back(std::move(utf8));
  }
  return out;
}

// Length of the whitespace (space, tab, U+00A0, U+202F) ending at `end`, or 0.
size_t SpaceBefore(std::string_view s, size_t end) {
  if (end >= 1 && (s[end - 1] == ' ' || s[end - 1] == '\t')) return 1;
  if (end >= 2 && s.substr(end - 2, 2) == "\xC2\xA0") return 2;
  if (end >= 3 && s.substr(end - 3, 3) == "\xE2\x80\xAF") return 3;
  return 0;
}

std::string_view StripOpening(std::string_view word) {
  static constexpr std::string_view kOpeners[] = {
      "(", "[", "\"", "'", "\xC2\xAB", "\xE2\x80\x9C", "\xE2\x80\x98"};
  for (bool stripped = true; stripped && !word.empty();) {
    stripped = false;
    for (std::string_view opener : kOpeners) {
      if (word.substr(0, opener.size()) == opener) {
        word.remove_prefix(opener.size());
        stripped = true;
      }
    }
  }
  return word;
}

bool IsAsciiUpper(char ch) { return ch >= 'A' && ch <= 'Z'; }

// "George W." / "J.-P." / "M. J.": ICU breaks after a single capital initial. Such a break is
// ignored when the initial follows a capitalised word or another initial, which "le plan B."
// does not.
bool EndsWithInitial(std::string_view s) {
  if (s.size() < 3 || s.back() != '.' || !IsAsciiUpper(s[s.size() - 2])) return false;
  const size_t initial = s.size() - 2;
  const char before = s[initial - 1];
  if (before == '-' || before == '.') return true;
  const size_t space = SpaceBefore(s, initial);
  if (space == 0) return false;
  size_t word = initial - space;
  const size_t word_end = word;
  while (word > 0 && SpaceBefore(s, word) == 0 && s[word - 1] != '\n') --word;
  const std::string_view previous = StripOpening(s.substr(word, word_end - word));
  return !previous.empty() && IsAsciiUpper(previous.front());
}

}  // namespace

SentenceAbbreviations SentenceAbbreviations::ForLocale(const std::string& locale_key) {
  SentenceAbbreviations result;
  if (locale_key.empty()) return result;
  const std::string language = locale_key.substr(0, locale_key.find_first_of("_-"));
  std::vector<std::string> entries = CldrExceptions(locale_key);
  if (entries.empty() && language != locale_key) entries = CldrExceptions(language);
  for (std::string_view extra : ParseWordList(EmbeddedDataFile(language, "abbreviations.txt"))) {
    entries.emplace_back(extra);
  }
  for (std::string& entry : entries) {
    if (entry.empty() || entry.back() != '.') continue;  // only "x." can end an ICU sentence
    const size_t words = static_cast<size_t>(std::count(entry.begin(), entry.end(), ' ')) + 1;
    result.max_words_ = std::max(result.max_words_, std::min(words, kMaxWords));
    result.entries_.insert(std::move(entry));
  }
  return result;
}

bool SentenceAbbreviations::EndsWithListed(std::string_view s) const {
  // Candidates are the last 1..max_words_ words, joined by single spaces.
  std::vector<std::string_view> words;
  size_t end = s.size();
  while (words.size() < max_words_ && end > 0) {
    size_t start = end;
    while (start > 0 && SpaceBefore(s, start) == 0 && s[start - 1] != '\n') --start;
    words.push_back(s.substr(start, end - start));
    const size_t space = SpaceBefore(s, start);
    if (space == 0) break;  // start of the sentence
    end = start - space;
    while (end > 0 && SpaceBefore(s, end) > 0) end -= SpaceBefore(s, end);
  }
  std::string candidate;
  for (size_t k = 1; k <= words.size(); ++k) {
    candidate.clear();
    for (size_t i = k; i-- > 0;) {
      candidate.append(i + 1 == k ? StripOpening(words[i]) : words[i]);
      if (i > 0) candidate.push_back(' ');
    }
    if (entries_.count(candidate) > 0) return true;
  }
  return false;
}

bool SentenceAbbreviations::KeepsSentenceOpen(std::string_view sentence) const {
  if (sentence.empty() || sentence.back() != '.') return false;
  return EndsWithInitial(sentence) || (!entries_.empty() && EndsWithListed(sentence));
}

}  // namespace depeche::text::internal
