#include "eval/quote_scorer.h"

#include <algorithm>
#include <tuple>

namespace depeche::eval {
namespace {

size_t Shared(const Spans& a, const Spans& b) {
  size_t n = 0;
  for (const auto& x : a) {
    for (const auto& y : b) {
      const size_t lo = std::max(x.first, y.first);
      const size_t hi = std::min(x.second, y.second);
      if (hi > lo) n += hi - lo;
    }
  }
  return n;
}

bool IsTrimmed(std::string_view text, size_t i, size_t* len) {
  static const char* kMarks[] = {"\xe2\x80\x9c", "\xe2\x80\x9d", "\xc2\xab",     "\xc2\xbb",
                                 "\xe2\x80\x98", "\xe2\x80\x99", "\xe2\x80\xb9", "\xe2\x80\xba",
                                 "\xe2\x80\x9e", "\xc2\xa0",     "\xe2\x80\xaf"};
  const char c = text[i];
  if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '"' || c == '\'' || c == ',' ||
      c == '.' || c == ';' || c == ':') {
    *len = 1;
    return true;
  }
  for (const char* m : kMarks) {
    const std::string_view mark(m);
    if (text.substr(i, mark.size()) == mark) {
      *len = mark.size();
      return true;
    }
  }
  return false;
}

std::pair<size_t, size_t> Normalized(std::string_view text, const Spans& spans) {
  if (spans.empty()) return {0, 0};
  size_t b = spans.front().first;
  size_t e = spans.front().second;
  for (const auto& s : spans) {
    b = std::min(b, s.first);
    e = std::max(e, s.second);
  }
  bool changed = true;
  while (changed && b < e) {
    changed = false;
    size_t len = 0;
    if (IsTrimmed(text, b, &len) && b + len <= e) {
      b += len;
      changed = true;
    }
    // Trailing: try every mark length ending at e.
    for (size_t l = 1; l <= 3 && l <= e - b; ++l) {
      if (IsTrimmed(text, e - l, &len) && len == l) {
        e -= l;
        changed = true;
        break;
      }
    }
  }
  return {b, e};
}

}  // namespace

QuoteCounts& QuoteCounts::operator+=(const QuoteCounts& o) {
  gold += o.gold;
  system += o.system;
  overlap += o.overlap;
  exact += o.exact;
  speaker_correct += o.speaker_correct;
  return *this;
}

QuoteScores ComputeQuoteScores(const QuoteCounts& c) {
  auto prf = [&c](size_t matched) {
    QuotePrf p;
    p.precision = c.system == 0 ? 0 : static_cast<double>(matched) / static_cast<double>(c.system);
    p.recall = c.gold == 0 ? 0 : static_cast<double>(matched) / static_cast<double>(c.gold);
    p.f1 = p.precision + p.recall == 0 ? 0 : 2 * p.precision * p.recall / (p.precision + p.recall);
    return p;
  };
  QuoteScores s;
  s.counts = c;
  s.overlap = prf(c.overlap);
  s.exact = prf(c.exact);
  s.speaker_accuracy =
      c.overlap == 0 ? 0 : static_cast<double>(c.speaker_correct) / static_cast<double>(c.overlap);
  return s;
}

std::vector<bool> QuotedBytes(std::string_view text) {
  std::vector<bool> quoted(text.size(), false);
  int depth = 0;
  bool straight = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const std::string_view rest = text.substr(i);
    size_t len = 0;
    int delta = 0;
    if (rest.substr(0, 3) == "\xe2\x80\x9c" || rest.substr(0, 2) == "\xc2\xab") {
      len = rest[0] == '\xc2' ? 2 : 3;
      delta = 1;
    } else if (rest.substr(0, 3) == "\xe2\x80\x9d" || rest.substr(0, 2) == "\xc2\xbb") {
      len = rest[0] == '\xc2' ? 2 : 3;
      delta = -1;
    } else if (text[i] == '"') {
      len = 1;
      delta = straight ? -1 : 1;
      straight = !straight;
    } else if (text[i] == '\n') {
      // Quotes do not run on across paragraphs unless reopened; each paragraph starts afresh.
      depth = 0;
      straight = false;
      continue;
    }
    if (delta > 0) ++depth;
    const bool inside = depth > 0;
    for (size_t k = i; k < i + std::max<size_t>(len, 1) && k < text.size(); ++k) quoted[k] = inside;
    if (delta < 0 && depth > 0) --depth;
    if (len > 1) i += len - 1;
  }
  return quoted;
}

std::vector<QuoteItem> GoldQuoteItems(std::string_view text,
                                      const std::vector<PolnearAttribution>& gold) {
  const std::vector<bool> quoted = QuotedBytes(text);
  std::vector<QuoteItem> items;
  for (const PolnearAttribution& a : gold) {
    QuoteItem item;
    size_t total = 0;
    size_t inside = 0;
    for (const auto& [b, e] : a.content) {
      for (size_t k = b; k < e && k < text.size(); ++k) {
        const char c = text[k];
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') continue;
        ++total;
        if (quoted[k]) ++inside;
      }
    }
    item.direct = total > 0 && 2 * inside >= total;
    item.content = a.content;
    item.speaker = a.source;
    items.push_back(std::move(item));
  }
  return items;
}

QuoteCounts ScoreQuoteItems(std::string_view text, const std::vector<QuoteItem>& gold,
                            const std::vector<QuoteItem>& system, std::string_view kind) {
  auto keep = [kind](const QuoteItem& q) {
    return kind == "all" || (kind == "direct") == q.direct;
  };
  std::vector<const QuoteItem*> g;
  std::vector<const QuoteItem*> s;
  for (const QuoteItem& q : gold) {
    if (keep(q)) g.push_back(&q);
  }
  for (const QuoteItem& q : system) {
    if (keep(q)) s.push_back(&q);
  }
  QuoteCounts c;
  c.gold = g.size();
  c.system = s.size();
  std::vector<std::tuple<size_t, size_t, size_t>> pairs;  // shared, gold, system
  for (size_t i = 0; i < g.size(); ++i) {
    for (size_t j = 0; j < s.size(); ++j) {
      const size_t shared = Shared(g[i]->content, s[j]->content);
      if (shared > 0) pairs.emplace_back(shared, i, j);
    }
  }
  std::sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) {
    if (std::get<0>(a) != std::get<0>(b)) return std::get<0>(a) > std::get<0>(b);
    return std::make_pair(std::get<1>(a), std::get<2>(a)) <
           std::make_pair(std::get<1>(b), std::get<2>(b));
  });
  std::vector<bool> g_used(g.size(), false);
  std::vector<bool> s_used(s.size(), false);
  for (const auto& [shared, i, j] : pairs) {
    if (g_used[i] || s_used[j]) continue;
    g_used[i] = s_used[j] = true;
    ++c.overlap;
    const bool both_none = g[i]->speaker.empty() && s[j]->speaker.empty();
    if (both_none || Shared(g[i]->speaker, s[j]->speaker) > 0) ++c.speaker_correct;
  }
  std::vector<bool> s_exact(s.size(), false);
  for (const QuoteItem* gi : g) {
    const auto gn = Normalized(text, gi->content);
    for (size_t j = 0; j < s.size(); ++j) {
      if (!s_exact[j] && Normalized(text, s[j]->content) == gn) {
        s_exact[j] = true;
        ++c.exact;
        break;
      }
    }
  }
  return c;
}

Result<QuoteEvalReport> ScoreQuoteCorpus(const std::vector<PolnearDocument>& documents,
                                         const std::vector<std::vector<QuoteItem>>& system) {
  if (documents.size() != system.size()) {
    return InvalidArgumentError("quote scoring: " + std::to_string(documents.size()) +
                                " documents but " + std::to_string(system.size()) + " predictions");
  }
  QuoteEvalReport report;
  QuoteCounts direct;
  QuoteCounts indirect;
  QuoteCounts all;
  for (size_t i = 0; i < documents.size(); ++i) {
    const PolnearDocument& d = documents[i];
    const std::vector<QuoteItem> gold = GoldQuoteItems(d.text, d.attributions);
    QuoteDocumentScore ds;
    ds.name = d.name;
    ds.direct = ScoreQuoteItems(d.text, gold, system[i], "direct");
    ds.indirect = ScoreQuoteItems(d.text, gold, system[i], "indirect");
    ds.all = ScoreQuoteItems(d.text, gold, system[i], "all");
    direct += ds.direct;
    indirect += ds.indirect;
    all += ds.all;
    report.documents.push_back(std::move(ds));
  }
  report.direct = ComputeQuoteScores(direct);
  report.indirect = ComputeQuoteScores(indirect);
  report.all = ComputeQuoteScores(all);
  return report;
}

}  // namespace depeche::eval
