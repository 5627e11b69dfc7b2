#include "story/prose.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <string>

namespace depeche::story {
namespace {

// Closing marks that may follow the final punctuation: quotes (ASCII and typographic),
// guillemets, brackets.
bool IsClosing(UChar32 c) {
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x00BB || c == 0x201D ||
         c == 0x2019 || c == 0x203A;
}

bool IsFinal(UChar32 c) { return c == '.' || c == '!' || c == '?' || c == 0x2026; }

}  // namespace

bool IsProseSentence(std::string_view s) {
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\n' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  if (s.empty()) return false;
  // Code and markup: characters prose does not use, or a comment opening the line.
  if (s.find_first_of("{}<>=|\\") != std::string_view::npos) return false;
  if (s.starts_with("//") || s.starts_with("* ") || s.starts_with("/*")) return false;
  // A string of hashtags or handles.
  size_t tags = 0;
  for (char c : s) tags += c == '#' || c == '@';
  if (tags >= 3) return false;
  // The last characters: closing marks, then the final punctuation.
  std::u32string cps;
  size_t letters = 0, others = 0;
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, n, c);
    if (c < 0) c = 0xFFFD;
    cps.push_back(static_cast<char32_t>(c));
    if (u_isUWhiteSpace(c)) continue;
    if (u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0) {
      ++letters;
    } else {
      ++others;
    }
  }
  size_t end = cps.size();
  while (end > 0 && (IsClosing(static_cast<UChar32>(cps[end - 1])) ||
                     u_isUWhiteSpace(static_cast<UChar32>(cps[end - 1])))) {
    --end;
  }
  if (end == 0 || !IsFinal(static_cast<UChar32>(cps[end - 1]))) return false;
  // Mostly words: at most one symbol or punctuation mark for four letters or digits.
  return others * 4 <= letters;
}

}  // namespace depeche::story
