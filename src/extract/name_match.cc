#include "extract/name_match.h"

#include <algorithm>

namespace depeche::extract {
namespace {

bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

bool IsAsciiLetter(char c) { return c >= 'a' && c <= 'z'; }

}  // namespace

std::vector<std::string_view> NameWords(std::string_view folded) {
  std::vector<std::string_view> words;
  size_t start = 0;
  for (size_t i = 0; i <= folded.size(); ++i) {
    bool sep = i == folded.size() || folded[i] == ' ' || folded[i] == '-' || folded[i] == '\'' ||
               folded[i] == '.';
    if (!sep) continue;
    if (i > start) words.push_back(folded.substr(start, i - start));
    start = i + 1;
  }
  return words;
}

std::string WordSkeleton(std::string_view w) {
  std::string s;
  s.reserve(w.size());
  for (size_t i = 0; i < w.size(); ++i) {
    char c = w[i];
    char next = i + 1 < w.size() ? w[i + 1] : '\0';
    char after = i + 2 < w.size() ? w[i + 2] : '\0';
    if (c == 't' && next == 'h') {
      s += 't';
      ++i;
    } else if (c == 'p' && next == 'h') {
      s += 'f';
      ++i;
    } else if (c == 'c' && next == 'k') {
      s += 'k';
      ++i;
    } else if (c == 'k' && next == 'h') {
      s += 'h';
      ++i;
    } else if (c == 'o' && next == 'u') {
      s += 'u';
      ++i;
    } else if (c == 'g' && next == 'u' && (after == 'e' || after == 'i')) {
      s += 'g';
      ++i;
    } else if (c == 'w') {
      s += 'v';
    } else if (c == 'y') {
      s += 'i';
    } else {
      s += c;
    }
  }
  // Doubled letters once ("zelenskii" -> "zelenski", "anna" -> "ana").
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (!out.empty() && out.back() == c && IsAsciiLetter(c)) continue;
    out += c;
  }
  // A final silent e after a consonant (French spellings: "poutine" / "putin").
  if (out.size() > 3 && out.back() == 'e' && IsAsciiLetter(out[out.size() - 2]) &&
      !IsVowel(out[out.size() - 2])) {
    out.pop_back();
  }
  return out;
}

std::string NameSkeleton(std::string_view folded) {
  std::string out;
  for (std::string_view w : NameWords(folded)) {
    if (!out.empty()) out += ' ';
    out += WordSkeleton(w);
  }
  return out;
}

int EditDistance(std::string_view a, std::string_view b, int limit) {
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  if (std::abs(n - m) > limit) return limit + 1;
  std::vector<int> prev(m + 1), cur(m + 1);
  for (int j = 0; j <= m; ++j) prev[j] = j;
  for (int i = 1; i <= n; ++i) {
    cur[0] = i;
    int row_min = cur[0];
    for (int j = 1; j <= m; ++j) {
      int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > limit) return limit + 1;
    std::swap(prev, cur);
  }
  return std::min(prev[m], limit + 1);
}

bool CloseSurnames(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return false;
  if (WordSkeleton(a) == WordSkeleton(b)) return true;
  if (a[0] != b[0]) return false;
  size_t shorter = std::min(a.size(), b.size());
  int limit = shorter >= 9 ? 2 : shorter >= 5 ? 1 : 0;
  if (limit == 0) return false;
  return EditDistance(a, b, limit) <= limit;
}

bool CompatibleFirstNames(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return false;
  if (a.size() == 1 || b.size() == 1) return a[0] == b[0];
  std::string sa = WordSkeleton(a), sb = WordSkeleton(b);
  if (sa == sb) return true;
  std::string_view shorter = sa.size() < sb.size() ? sa : sb;
  std::string_view longer = sa.size() < sb.size() ? sb : sa;
  return shorter.size() >= 4 && longer.substr(0, shorter.size()) == shorter;
}

}  // namespace depeche::extract
