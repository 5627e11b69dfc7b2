#include "extract/article_facts.h"

#include <algorithm>

namespace depeche::extract {
namespace {

Span ToSpan(ByteSpan s) { return {static_cast<uint32_t>(s.begin), static_cast<uint32_t>(s.end)}; }

// Whether byte `at` lies in a boilerplate span other than an embedded post.
bool InJunk(size_t at, const std::vector<BoilerplateSpan>& boilerplate) {
  auto it = std::upper_bound(
      boilerplate.begin(), boilerplate.end(), at,
      [](size_t pos, const BoilerplateSpan& b) { return pos < static_cast<size_t>(b.span.end); });
  return it != boilerplate.end() && it->span.begin <= at && it->reason != "tweet";
}

}  // namespace

std::vector<depeche::Quote> ArticleQuotes(const std::vector<extract::Quote>& quotes,
                                          const std::vector<BoilerplateSpan>& boilerplate) {
  std::vector<int32_t> index(quotes.size(), -1);  // extractor's index -> kept index
  std::vector<depeche::Quote> out;
  out.reserve(quotes.size());
  for (size_t i = 0; i < quotes.size(); ++i) {
    const extract::Quote& q = quotes[i];
    if (q.content.empty() || InJunk(q.content.front().begin, boilerplate)) continue;
    index[i] = static_cast<int32_t>(out.size());
    depeche::Quote& a = out.emplace_back();
    a.kind = QuoteKindName(q.kind);
    for (ByteSpan s : q.content) a.content.push_back(ToSpan(s));
    a.cue = ToSpan(q.cue);
    a.speaker_kind = SpeakerKindName(q.speaker_kind);
    a.speaker = ToSpan(q.speaker);
    a.speaker_name = ToSpan(q.name);
    // An antecedent is an earlier quote: already renumbered.
    if (q.antecedent >= 0 && static_cast<size_t>(q.antecedent) < i) {
      a.antecedent = index[static_cast<size_t>(q.antecedent)];
    }
    for (ByteSpan s : q.partial) a.partial.push_back(ToSpan(s));
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
