#include "ingest/boilerplate_lines.h"

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <utility>

#include "ingest/boilerplate_rules.h"
#include "text/normalize.h"

namespace depeche::ingest {
namespace {

using internal::BoilerplateRule;
using internal::BoilerplateRuleSet;
using internal::RuleKind;
using internal::TrimSpaces;

constexpr std::size_t kTrailingLines = 6;  // non-empty lines that count as "the end"

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    std::size_t start = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
    if (i > start) words.push_back(s.substr(start, i - start));
  }
  return words;
}

std::size_t CountWords(std::string_view s) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = c == ' ' || c == '\t';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// A line as seen by the rules.
struct Line {
  std::size_t begin = 0;  // byte offset of the line
  std::size_t end = 0;    // byte offset past its newline (or end of text)
  std::string_view trimmed;
  std::size_t trimmed_begin = 0;
  std::string folded;
  icu::UnicodeString folded16;   // for regex rules, converted once per line
  icu::UnicodeString trimmed16;  // for tail rules, converted on first use
  bool has_trimmed16 = false;
  std::size_t words = 0;
  bool trailing = false;
  std::string reason;          // non-empty: whole line removed
  std::size_t tail_begin = 0;  // non-zero: bytes [tail_begin, content end) removed
  std::string tail_reason;
};

// Tail credits sit at the very end of a line; searching only its last code units keeps long
// paragraphs cheap.
constexpr int32_t kTailWindow = 240;

// One RegexMatcher per regex rule for the duration of one call: creating a matcher per line
// costs more than matching.
class Matchers {
 public:
  explicit Matchers(const BoilerplateRuleSet& set) : set_(set), matchers_(set.rules.size()) {}

  const BoilerplateRuleSet& set() const { return set_; }

  icu::RegexMatcher* Get(std::size_t i, const icu::UnicodeString& input) {
    UErrorCode status = U_ZERO_ERROR;
    if (matchers_[i] == nullptr) {
      matchers_[i].reset(set_.rules[i].regex->matcher(input, status));
      if (U_FAILURE(status)) {
        matchers_[i].reset();
        return nullptr;
      }
    } else {
      matchers_[i]->reset(input);
    }
    return matchers_[i].get();
  }

 private:
  const BoilerplateRuleSet& set_;
  std::vector<std::unique_ptr<icu::RegexMatcher>> matchers_;
};

bool Applies(const BoilerplateRule& rule, icu::RegexMatcher* matcher, const Line& line) {
  std::string_view folded = line.folded;
  switch (rule.kind) {
    case RuleKind::kEquals: {
      std::size_t e = folded.find_last_not_of(" .!:;");
      return e != std::string_view::npos && folded.substr(0, e + 1) == rule.literal;
    }
    case RuleKind::kPrefix:
      return folded.starts_with(rule.literal);
    case RuleKind::kContains:
      return folded.find(rule.literal) != std::string_view::npos;
    case RuleKind::kRegex: {
      UErrorCode status = U_ZERO_ERROR;
      return matcher != nullptr && matcher->find(status) && U_SUCCESS(status);
    }
    case RuleKind::kTail:
      return false;  // handled by TailStart
  }
  return false;
}

// Byte offset within line.trimmed where a tail rule's match starts (the match must reach the
// end of the line), or npos.
std::size_t TailStart(icu::RegexMatcher* m, const Line& line) {
  if (m == nullptr) return std::string_view::npos;
  const icu::UnicodeString& u = line.trimmed16;
  UErrorCode status = U_ZERO_ERROR;
  m->useAnchoringBounds(false).useTransparentBounds(true);
  m->region(std::max<int32_t>(0, u.length() - kTailWindow), u.length(), status);
  if (U_FAILURE(status) || !m->find(status) || U_FAILURE(status)) return std::string_view::npos;
  int32_t start = m->start(status);
  if (U_FAILURE(status) || m->end(status) != u.length()) return std::string_view::npos;
  std::string prefix;
  u.tempSubString(0, start).toUTF8String(prefix);
  return prefix.size();
}

void ApplyRules(Matchers& matchers, Line& line) {
  const std::vector<BoilerplateRule>& rules = matchers.set().rules;
  for (std::size_t i = 0; i < rules.size() && line.reason.empty(); ++i) {
    const BoilerplateRule& rule = rules[i];
    if (rule.trailing && !line.trailing) continue;
    if (!rule.needle.empty() && line.folded.find(rule.needle) == std::string::npos) continue;
    if (rule.kind == RuleKind::kTail) {
      if (line.tail_begin != 0) continue;
      if (!line.has_trimmed16) {
        line.trimmed16 = icu::UnicodeString::fromUTF8(
            icu::StringPiece(line.trimmed.data(), static_cast<int32_t>(line.trimmed.size())));
        line.has_trimmed16 = true;
      }
      std::size_t start = TailStart(matchers.Get(i, line.trimmed16), line);
      if (start == std::string_view::npos) continue;
      if (TrimSpaces(line.trimmed.substr(0, start)).empty()) {
        line.reason = rule.reason;
      } else {
        line.tail_begin = line.trimmed_begin + start;
        line.tail_reason = rule.reason;
        while (line.tail_begin > line.trimmed_begin &&
               (line.trimmed[line.tail_begin - line.trimmed_begin - 1] == ' ')) {
          --line.tail_begin;
        }
      }
      continue;
    }
    if (rule.max_words > 0 && line.words > static_cast<std::size_t>(rule.max_words)) continue;
    icu::RegexMatcher* matcher =
        rule.kind == RuleKind::kRegex ? matchers.Get(i, line.folded16) : nullptr;
    if (Applies(rule, matcher, line)) line.reason = rule.reason;
  }
}

bool IsLinkToken(std::string_view w) {
  return w.starts_with("http://") || w.starts_with("https://") || w.starts_with("www.") ||
         (w.size() > 1 && (w[0] == '@' || w[0] == '#'));
}

bool IsUpperAscii(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLowerAscii(char c) { return c >= 'a' && c <= 'z'; }

// Structural signals that need no per-language data.
void ApplyStructural(Line& line) {
  if (!line.reason.empty()) return;
  std::string_view t = line.trimmed;
  bool maybe_links = t.find_first_of("@#") != std::string_view::npos ||
                     t.find("http") != std::string_view::npos ||
                     t.find("www.") != std::string_view::npos;
  if (!maybe_links && !line.trailing) return;
  std::vector<std::string_view> words = Words(t);
  std::size_t links = 0;
  for (std::string_view w : words) links += IsLinkToken(w) ? 1 : 0;
  if (links > 0 && links * 10 >= words.size() * 6) {
    line.reason = "links";
    return;
  }
  if (!line.trailing) return;
  // Agency signature at the end: "AFP", "(AFPE)", "AP/Reuters" (1-3 all-capital tokens).
  if (words.size() <= 3) {
    bool all_caps = true;
    for (std::string_view w : words) {
      std::size_t letters = 0;
      for (char c : w) {
        if (IsLowerAscii(c) || static_cast<unsigned char>(c) >= 0x80) all_caps = false;
        letters += IsUpperAscii(c) ? 1 : 0;
      }
      if (letters < 2) all_caps = false;
    }
    if (all_caps) {
      line.reason = "signature";
      return;
    }
  }
  // Author-box tagline: four or more one-to-three-word Title-Case fragments ending in '.'
  // ("Coffee lover. Writer. Web geek.").
  std::size_t fragments = 0;
  bool tagline = true;
  std::string_view original = line.trimmed;
  std::size_t start = 0;
  while (tagline && start < original.size()) {
    std::size_t dot = original.find('.', start);
    if (dot == std::string_view::npos) dot = original.size();
    std::string_view fragment = TrimSpaces(original.substr(start, dot - start));
    start = dot + 1;
    std::vector<std::string_view> fw;
    for (std::string_view w : Words(fragment)) {
      // Quote marks and dashes standing alone are not words.
      if (std::any_of(w.begin(), w.end(), [](char c) {
            return IsUpperAscii(c) || IsLowerAscii(c) ||
                   (static_cast<unsigned char>(c) >= 0xC3 && static_cast<unsigned char>(c) <= 0xDF);
          })) {
        fw.push_back(w);
      }
    }
    if (fw.empty()) continue;
    if (fw.size() > 3) tagline = false;
    for (std::string_view w : fw) {
      std::size_t i = (w.starts_with("\u00ab") ? 2 : 0);
      if (i < w.size() && w[i] == '"') ++i;
      if (i >= w.size() || !IsUpperAscii(w[i])) tagline = false;
    }
    ++fragments;
  }
  if (tagline && fragments >= 4) line.reason = "bio";
}

bool IsBlockReason(std::string_view reason) {
  return reason == "cta" || reason == "newsletter" || reason == "share";
}

// A short fragment without sentence-final punctuation: the shape of the scraps a donation or
// newsletter box leaves in the text.
bool IsFragment(const Line& line) {
  if (line.trimmed.empty() || line.words > 8 || !line.reason.empty()) return false;
  char last = line.trimmed.back();
  return std::string_view(".!?:;\"')").find(last) == std::string_view::npos &&
         !line.trimmed.ends_with("\u00bb") && !line.trimmed.ends_with("\u201d");
}

void ExpandBlocks(std::vector<Line>& lines) {
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!IsBlockReason(lines[i].reason)) continue;
    std::size_t j = i;
    while (j + 1 < lines.size() && IsBlockReason(lines[j + 1].reason)) ++j;
    // Downwards: lower-case fragments continue the box.
    std::size_t k = j;
    while (k + 1 < lines.size() && k < j + 3 && IsFragment(lines[k + 1]) &&
           !IsUpperAscii(lines[k + 1].trimmed[0]) &&
           static_cast<unsigned char>(lines[k + 1].trimmed[0]) < 0x80) {
      lines[++k].reason = lines[j].reason;
    }
    // Upwards only for boxes of two or more lines: a lone call to action may sit right under a
    // real section heading.
    if (k > i) {
      std::size_t u = i;
      while (u > 0 && u + 3 > i && IsFragment(lines[u - 1])) lines[--u].reason = lines[i].reason;
    }
    i = k;
  }
}

}  // namespace

CleanedText RemoveBoilerplateLines(std::string_view text, const BoilerplateRules& rules) {
  std::vector<Line> lines;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t nl = text.find('\n', pos);
    std::size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
    Line line;
    line.begin = pos;
    line.end = end;
    std::string_view content = text.substr(pos, (nl == std::string_view::npos ? end : nl) - pos);
    line.trimmed = TrimSpaces(content);
    line.trimmed_begin = line.trimmed.empty() ? pos : pos + (line.trimmed.data() - content.data());
    lines.push_back(std::move(line));
    pos = end;
  }
  std::size_t non_empty = 0;
  for (auto it = lines.rbegin(); it != lines.rend(); ++it) {
    if (it->trimmed.empty()) continue;
    if (non_empty++ < kTrailingLines) it->trailing = true;
  }
  std::optional<Matchers> language;
  if (rules.rules) language.emplace(*rules.rules);
  Matchers builtin(internal::BuiltinBoilerplateRules());
  for (Line& line : lines) {
    if (line.trimmed.empty()) continue;
    line.folded = text::Fold(line.trimmed);
    line.words = CountWords(line.trimmed);
    line.folded16 = icu::UnicodeString::fromUTF8(
        icu::StringPiece(line.folded.data(), static_cast<int32_t>(line.folded.size())));
    if (language) ApplyRules(*language, line);
    ApplyRules(builtin, line);
    ApplyStructural(line);
  }
  ExpandBlocks(lines);

  CleanedText out;
  out.text.reserve(text.size());
  for (const Line& line : lines) {
    if (!line.reason.empty()) {
      out.removed.push_back({line.begin, line.end, line.reason});
      continue;
    }
    if (line.tail_begin != 0) {
      std::size_t tail_end = line.trimmed_begin + line.trimmed.size();
      out.removed.push_back({line.tail_begin, tail_end, line.tail_reason});
      out.text.append(text.substr(line.begin, line.tail_begin - line.begin));
      out.text.append(text.substr(tail_end, line.end - tail_end));
      continue;
    }
    out.text.append(text.substr(line.begin, line.end - line.begin));
  }
  // Collapse the blank-line runs that removals leave; keep the text's own single blank lines.
  std::string collapsed;
  collapsed.reserve(out.text.size());
  std::size_t newlines = 0;
  for (char c : out.text) {
    if (c == '\n') {
      if (++newlines > 2) continue;
    } else if (c != '\r' && c != ' ' && c != '\t') {
      newlines = 0;
    }
    collapsed.push_back(c);
  }
  while (!collapsed.empty() && (collapsed.back() == '\n' || collapsed.back() == ' ' ||
                                collapsed.back() == '\r' || collapsed.back() == '\t')) {
    collapsed.pop_back();
  }
  if (!text.empty() && text.back() == '\n' && !collapsed.empty()) collapsed.push_back('\n');
  out.text = std::move(collapsed);
  return out;
}

}  // namespace depeche::ingest
