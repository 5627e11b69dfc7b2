#include "extract/article_facts.h"

#include <algorithm>

#include "core/strings.h"

namespace depeche::extract {
namespace {

Span ToSpan(ByteSpan s) { return {static_cast<uint32_t>(s.begin), static_cast<uint32_t>(s.end)}; }

// `spans` trimmed of spaces at both ends (core::Trim: no-break ones too), the empty ones dropped.
std::vector<Span> Trimmed(std::string_view text, const std::vector<ByteSpan>& spans) {
  std::vector<Span> out;
  for (ByteSpan s : spans) {
    if (s.end > text.size() || s.begin >= s.end) continue;
    const std::string_view kept = core::Trim(text.substr(s.begin, s.end - s.begin));
    if (kept.empty()) continue;
    const auto begin = static_cast<uint32_t>(kept.data() - text.data());
    out.push_back({begin, begin + static_cast<uint32_t>(kept.size())});
  }
  return out;
}

// Whether byte `at` lies in a boilerplate span other than an embedded post.
bool InJunk(size_t at, const std::vector<BoilerplateSpan>& boilerplate) {
  auto it = std::upper_bound(
      boilerplate.begin(), boilerplate.end(), at,
      [](size_t pos, const BoilerplateSpan& b) { return pos < static_cast<size_t>(b.span.end); });
  return it != boilerplate.end() && it->span.begin <= at && it->reason != "tweet";
}

}  // namespace

std::vector<depeche::Quote> ArticleQuotes(std::string_view text,
                                          const std::vector<extract::Quote>& quotes,
                                          const std::vector<BoilerplateSpan>& boilerplate) {
  std::vector<int32_t> index(quotes.size(), -1);  // extractor's index -> kept index
  std::vector<depeche::Quote> out;
  out.reserve(quotes.size());
  for (size_t i = 0; i < quotes.size(); ++i) {
    const extract::Quote& q = quotes[i];
    std::vector<Span> content = Trimmed(text, q.content);
    if (content.empty() || InJunk(content.front().begin, boilerplate)) continue;
    index[i] = static_cast<int32_t>(out.size());
    depeche::Quote& a = out.emplace_back();
    a.kind = QuoteKindName(q.kind);
    a.content = std::move(content);
    a.cue = ToSpan(q.cue);
    a.speaker_kind = SpeakerKindName(q.speaker_kind);
    a.speaker = ToSpan(q.speaker);
    a.speaker_name = ToSpan(q.name);
    // An antecedent is an earlier quote: already renumbered.
    if (q.antecedent >= 0 && static_cast<size_t>(q.antecedent) < i) {
      a.antecedent = index[static_cast<size_t>(q.antecedent)];
    }
    a.partial = Trimmed(text, q.partial);
  }
  return out;
}

std::string SoftWrapsAsSpaces(std::string_view text) {
  auto indented = [&](size_t i) {  // the line after the break at `i` starts indented
    return i + 1 < text.size() && (text[i + 1] == ' ' || text[i + 1] == '\t');
  };
  int indents = 0;
  for (size_t i = text.find('\n'); i != std::string_view::npos && indents < 2;
       i = text.find('\n', i + 1)) {
    if (indented(i)) ++indents;
  }
  std::string out(text);
  if (indents < 2) return out;
  for (size_t i = out.find('\n'); i != std::string::npos; i = out.find('\n', i + 1)) {
    if (i + 1 < out.size() && !indented(i) && out[i + 1] != '\n' && out[i + 1] != '\r' &&
        (i == 0 || out[i - 1] != '\n')) {
      out[i] = ' ';
    }
  }
  return out;
}

std::vector<depeche::Figure> ArticleFigures(const std::vector<extract::Figure>& figures,
                                            const std::vector<BoilerplateSpan>& boilerplate) {
  std::vector<depeche::Figure> out;
  out.reserve(figures.size());
  for (const extract::Figure& f : figures) {
    if (InJunk(f.span.begin, boilerplate)) continue;
    depeche::Figure& a = out.emplace_back();
    a.span = f.span;
    a.number = f.number;
    a.value = f.value;
    a.high = f.high;
    a.unit = f.unit;
    a.unit_span = f.unit_span;
    a.counted = f.counted;
    a.bound = std::string(FigureBoundName(f.bound));
    a.sentence = f.sentence;
  }
  return out;
}

}  // namespace depeche::extract
