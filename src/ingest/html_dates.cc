#include "ingest/html_dates.h"

#include <cctype>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "core/strings.h"
#include "core/time.h"
#include "text/calendar_names.h"

namespace depeche::ingest {
namespace {

// The month `word` names in `lang` (or, failing that, in English), 1-12, or 0: compared in
// lower case (ASCII letters only: "FÉVRIER" stays unmatched) without trailing periods, against
// text::CalendarNames' month names of three bytes or more.
int MonthOf(std::string_view word, std::string_view lang) {
  std::string lower = core::AsciiLower(word);
  while (!lower.empty() && lower.back() == '.') lower.pop_back();
  if (lower.size() < 3) return 0;
  for (std::string_view l : {lang, std::string_view("en")}) {
    for (const text::CalendarName& m : text::CalendarNames::For(l).months()) {
      std::string_view name = m.name;
      while (!name.empty() && name.back() == '.') name.remove_suffix(1);
      if (name == lower) return m.number;
    }
    if (l == "en") break;
  }
  return 0;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

PublicationDate MakeDay(int year, int month, int day) {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return {};
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", year, month, day);
  Result<PublicationDate> parsed = core::ParseIsoDate(buf);
  return parsed.ok() ? *parsed : PublicationDate{};
}

PublicationDate ParseIso(std::string_view text) {
  Result<PublicationDate> parsed = core::ParseIsoDate(text);
  if (!parsed.ok()) return {};
  int year = std::atoi(parsed->iso.substr(0, 4).c_str());
  return year >= 1900 && year <= 2100 ? *parsed : PublicationDate{};
}

// Splits into words of letters/digits (UTF-8 bytes >= 0x80 count as letters).
std::vector<std::string_view> Words(std::string_view text) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < text.size()) {
    auto is_word = [&](size_t k) {
      unsigned char c = static_cast<unsigned char>(text[k]);
      return std::isalnum(c) || c >= 0x80;
    };
    while (i < text.size() && !is_word(i)) ++i;
    size_t begin = i;
    while (i < text.size() && is_word(i)) ++i;
    if (i > begin) words.push_back(text.substr(begin, i - begin));
  }
  return words;
}

// "Month D YYYY", "D Month YYYY", "Month YYYY" is not enough (no day).
PublicationDate TextualDate(std::string_view text, std::string_view lang) {
  std::vector<std::string_view> w = Words(text);
  for (size_t i = 0; i < w.size(); ++i) {
    int month = AllDigits(w[i]) ? 0 : MonthOf(w[i], lang);
    if (month == 0) continue;
    auto is_day = [](std::string_view s) {
      // "19th", "1st"
      size_t digits = 0;
      while (digits < s.size() && std::isdigit(static_cast<unsigned char>(s[digits]))) ++digits;
      if (digits == 0 || digits > 2) return 0;
      std::string_view suffix = s.substr(digits);
      if (!suffix.empty() && suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th" &&
          suffix != "er") {
        return 0;
      }
      int d = ToInt(s.substr(0, digits));
      return d >= 1 && d <= 31 ? d : 0;
    };
    auto is_year = [](std::string_view s) { return s.size() == 4 && AllDigits(s) ? ToInt(s) : 0; };
    if (i + 2 < w.size() && is_day(w[i + 1]) && is_year(w[i + 2])) {
      return MakeDay(is_year(w[i + 2]), month, is_day(w[i + 1]));
    }
    if (i >= 1 && i + 1 < w.size() && is_day(w[i - 1]) && is_year(w[i + 1])) {
      return MakeDay(is_year(w[i + 1]), month, is_day(w[i - 1]));
    }
  }
  return {};
}

}  // namespace

PublicationDate ParseLooseDate(std::string_view text, std::string_view lang) {
  text = core::Trim(text);
  if (text.empty()) return {};
  if (PublicationDate d = ParseIso(text); d.known()) return d;
  // "2019-11-19 10:05:30 +0000" style variants and trailing junk after a valid date.
  if (text.size() >= 10) {
    std::string head(text.substr(0, 10));
    if (head[4] == '/' && head[7] == '/') {
      head[4] = '-';
      head[7] = '-';
    }
    if (PublicationDate d = ParseIso(head); d.known()) {
      // Keep time and zone when the rest parses as such.
      std::string full = head + std::string(text.substr(10));
      if (PublicationDate t = ParseIso(full); t.known()) return t;
      return d;
    }
  }
  if (text.size() == 8 && AllDigits(text)) {
    return MakeDay(ToInt(text.substr(0, 4)), ToInt(text.substr(4, 2)), ToInt(text.substr(6, 2)));
  }
  return TextualDate(text, lang);
}

PublicationDate DateFromUrl(std::string_view url) {
  size_t scheme = url.find("://");
  size_t path = url.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
  if (path == std::string_view::npos) return {};
  std::string_view p = url.substr(path);
  size_t query = p.find_first_of("?#");
  if (query != std::string_view::npos) p = p.substr(0, query);
  auto digits_at = [&](size_t at, size_t n) {
    return at + n <= p.size() && AllDigits(p.substr(at, n));
  };
  for (size_t i = 0; i + 5 <= p.size(); ++i) {
    if (p[i] != '/' && p[i] != '-' && p[i] != '_') continue;
    size_t y = i + 1;
    if (!digits_at(y, 4)) continue;
    if (y + 4 < p.size() && std::isdigit(static_cast<unsigned char>(p[y + 4]))) {
      if (digits_at(y, 8) &&
          (y + 8 == p.size() || !std::isdigit(static_cast<unsigned char>(p[y + 8])))) {
        PublicationDate d =
            MakeDay(ToInt(p.substr(y, 4)), ToInt(p.substr(y + 4, 2)), ToInt(p.substr(y + 6, 2)));
        if (d.known()) return d;
      }
      continue;
    }
    int year = ToInt(p.substr(y, 4));
    if (year < 1990 || year > 2100 || y + 4 >= p.size()) continue;
    char sep = p[y + 4];
    if (sep != '/' && sep != '-' && sep != '_') continue;
    size_t m = y + 5;
    size_t m_len = digits_at(m, 2) ? 2 : digits_at(m, 1) ? 1 : 0;
    if (m_len == 0) continue;
    int month = ToInt(p.substr(m, m_len));
    size_t after_m = m + m_len;
    if (after_m < p.size() && std::isdigit(static_cast<unsigned char>(p[after_m]))) continue;
    if (after_m < p.size() && p[after_m] == sep) {
      size_t d = after_m + 1;
      size_t d_len = digits_at(d, 2) ? 2 : digits_at(d, 1) ? 1 : 0;
      if (d_len > 0 &&
          (d + d_len == p.size() || !std::isdigit(static_cast<unsigned char>(p[d + d_len])))) {
        PublicationDate day = MakeDay(year, month, ToInt(p.substr(d, d_len)));
        if (day.known()) return day;
      }
    }
    if (sep == '/' && month >= 1 && month <= 12) {
      char buf[16];
      std::snprintf(buf, sizeof(buf), "%04d-%02d", year, month);
      return ParseIso(buf);
    }
  }
  return {};
}

PublicationDate FindDateline(std::string_view text, std::string_view lang, size_t window) {
  if (text.size() > window) {
    size_t cut = window;
    while (cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) ++cut;
    text = text.substr(0, cut);
  }
  return TextualDate(text, lang);
}

}  // namespace depeche::ingest
