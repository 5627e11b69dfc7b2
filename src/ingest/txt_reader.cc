#include "ingest/txt_reader.h"

#include <vector>

#include "core/strings.h"
#include "text/normalize.h"

namespace depeche::ingest {
namespace {

constexpr size_t kShortHeadline = 80;
constexpr size_t kLongestHeadline = 200;
constexpr size_t kLongestRunInHeadline = 180;
constexpr size_t kShortestRunInBody = 40;

std::string NormalizeNewlines(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      out.push_back('\n');
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Matches "date YYYY-MM" or "date YYYY-MM-DD" at the start of `line`; returns the value and
// the rest of the line.
bool TakeDateMarker(std::string_view line, std::string& value, std::string_view& rest) {
  line = core::Trim(line);
  if (!core::StartsWith(core::AsciiLower(line.substr(0, 5)), "date ")) return false;
  std::string_view v = core::Trim(line.substr(5));
  size_t n = 0;
  while (n < v.size() && (IsDigit(v[n]) || v[n] == '-')) ++n;
  std::string_view candidate = v.substr(0, n);
  bool shape = (candidate.size() == 7 || candidate.size() == 10) && IsDigit(candidate[0]) &&
               candidate[4] == '-';
  if (!shape) return false;
  value = std::string(candidate);
  rest = core::Trim(v.substr(n));
  return true;
}

// Last code point of `s` is sentence-final punctuation (including closing quotes).
bool EndsSentence(std::string_view s) {
  s = core::Trim(s);
  if (s.empty()) return false;
  char c = s.back();
  if (c == '.' || c == '!' || c == '?' || c == '"' || c == ':' || c == ';') return true;
  return core::EndsWith(s, "»") || core::EndsWith(s, "…") || core::EndsWith(s, "”");
}

bool StartsUpper(std::string_view word) {
  if (word.empty()) return false;
  unsigned char c = static_cast<unsigned char>(word[0]);
  if (c >= 'A' && c <= 'Z') return true;
  // Latin-1 supplement / Latin Extended-A capitals: É, À, Ç, Ö ...
  if (c == 0xC3 && word.size() > 1) {
    unsigned char d = static_cast<unsigned char>(word[1]);
    return d >= 0x80 && d <= 0x9E && d != 0x97;
  }
  return false;
}

bool StartsLowerOrDigit(std::string_view word) {
  if (word.empty()) return false;
  unsigned char c = static_cast<unsigned char>(word[0]);
  if ((c >= 'a' && c <= 'z') || IsDigit(static_cast<char>(c))) return true;
  if (c == 0xC3 && word.size() > 1) return static_cast<unsigned char>(word[1]) >= 0x9F;
  return false;
}

// Where a headline without punctuation runs into the first paragraph: the byte offset of the
// paragraph's first word, or npos.
size_t FindRunInBreak(std::string_view line, const std::unordered_set<std::string>& starters) {
  struct Word {
    size_t begin;
    std::string_view text;
  };
  std::vector<Word> words;
  size_t i = 0;
  while (i < line.size() && i <= kLongestRunInHeadline) {
    while (i < line.size() && line[i] == ' ') ++i;
    size_t start = i;
    while (i < line.size() && line[i] != ' ') ++i;
    if (i > start) words.push_back({start, line.substr(start, i - start)});
  }
  for (size_t w = 3; w < words.size(); ++w) {
    const Word& prev = words[w - 1];
    const Word& cur = words[w];
    if (cur.begin > kLongestRunInHeadline) break;
    if (EndsSentence(prev.text) || prev.text.back() == ',') return std::string_view::npos;
    if (!StartsLowerOrDigit(prev.text) || !StartsUpper(cur.text)) continue;
    // Strip an elided article ("L’Ukraine" -> "l’") before the lookup.
    std::string_view head = cur.text;
    for (std::string_view apostrophe : {std::string_view("’"), std::string_view("'")}) {
      size_t a = head.find(apostrophe);
      if (a != std::string_view::npos) head = head.substr(0, a + apostrophe.size());
    }
    if (starters.count(text::Fold(head)) == 0 && starters.count(text::Fold(cur.text)) == 0)
      continue;
    if (line.size() - cur.begin < kShortestRunInBody) return std::string_view::npos;
    return cur.begin;
  }
  return std::string_view::npos;
}

}  // namespace

RawArticle ParseTextArticle(std::string_view content, const TextReaderOptions& options) {
  RawArticle out;
  if (core::StartsWith(content, "\xEF\xBB\xBF")) content.remove_prefix(3);
  std::string text = NormalizeNewlines(content);

  // First non-empty line.
  size_t line_start = 0;
  while (line_start < text.size()) {
    size_t end = text.find('\n', line_start);
    if (end == std::string::npos) end = text.size();
    if (!core::Trim(std::string_view(text).substr(line_start, end - line_start)).empty()) break;
    line_start = end + 1;
  }
  if (line_start >= text.size()) {
    out.text = std::string(core::Trim(text));
    return out;
  }
  size_t line_end = text.find('\n', line_start);
  if (line_end == std::string::npos) line_end = text.size();
  std::string first(std::string_view(text).substr(line_start, line_end - line_start));
  std::string rest = line_end < text.size() ? text.substr(line_end + 1) : std::string();

  std::string date_value;
  std::string_view after_marker;
  if (TakeDateMarker(first, date_value, after_marker)) {
    out.published = date_value;
    first = std::string(after_marker);
    if (core::Trim(first).empty()) {
      // The marker stood on its own line: the headline candidate is the next non-empty line.
      std::string_view r = rest;
      while (!r.empty()) {
        size_t end = r.find('\n');
        std::string_view l = r.substr(0, end);
        r = end == std::string_view::npos ? std::string_view() : r.substr(end + 1);
        if (!core::Trim(l).empty()) {
          first = std::string(l);
          break;
        }
      }
      rest = std::string(r);
    }
  }
  std::string_view line = core::Trim(first);
  bool blank_follows = rest.empty() || core::StartsWith(rest, "\n") ||
                       core::Trim(std::string_view(rest).substr(0, rest.find('\n'))).empty();
  bool has_more = !core::Trim(rest).empty();

  if (has_more && ((line.size() <= kShortHeadline && blank_follows) ||
                   (line.size() <= kLongestHeadline && !EndsSentence(line)))) {
    out.title = std::string(line);
    out.title_origin = "headline";
    out.text = std::string(core::Trim(rest));
    return out;
  }
  if (options.sentence_starters != nullptr) {
    size_t cut = FindRunInBreak(line, *options.sentence_starters);
    if (cut != std::string_view::npos) {
      out.title = std::string(core::Trim(line.substr(0, cut)));
      out.title_origin = "headline";
      out.text = std::string(line.substr(cut));
      if (!rest.empty()) out.text += "\n" + rest;
      out.text = std::string(core::Trim(out.text));
      return out;
    }
  }
  out.text = std::string(line);
  if (!rest.empty()) out.text += "\n" + rest;
  out.text = std::string(core::Trim(out.text));
  return out;
}

}  // namespace depeche::ingest
