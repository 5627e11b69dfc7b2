#include "story/summarizer.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <numeric>
#include <unordered_map>

#include "core/files.h"
#include "story/prose.h"
#include "story/sentence_vectors.h"
#include "text/normalize.h"
#include "text/stopwords.h"
#include "text/tokenize.h"

namespace depeche::story {
namespace {

constexpr int kWalkSteps = 40;

struct Sentence {
  size_t document = 0;
  size_t position = 0;  // index in its document
  Span span;
  size_t words = 0;
  bool candidate = false;
  TermVector terms;  // unit norm
};

// The query's stemmed content words with their counts, as term ids of the sentences read
// before it (below `known_terms`; words no sentence has are left out: they match nothing). Same
// word rules as the sentences.
std::vector<std::pair<uint32_t, double>> QueryTerms(std::string_view query, std::string_view lang,
                                                    SentenceTokenizer& tokenizer,
                                                    size_t known_terms) {
  std::vector<uint32_t> ids;
  for (uint32_t id : tokenizer.Read(query, lang).terms) {
    if (id < known_terms) ids.push_back(id);
  }
  std::vector<std::pair<uint32_t, double>> terms;
  for (size_t k = 0; k < ids.size();) {  // sorted
    size_t e = k;
    while (e < ids.size() && ids[e] == ids[k]) ++e;
    terms.emplace_back(ids[k], static_cast<double>(e - k));
    k = e;
  }
  return terms;
}

// For each candidate, whether a background sentence says the same (cosine >= `redundancy`),
// through the candidates' postings.
std::vector<bool> KnownCandidates(
    const std::vector<SummaryDocument>& documents, const std::vector<Sentence>& sentences,
    const std::vector<size_t>& candidates,
    const std::vector<std::vector<std::pair<uint32_t, double>>>& postings, double redundancy) {
  std::vector<bool> known(candidates.size(), false);
  std::unordered_map<uint32_t, double> dot;
  for (const Sentence& b : sentences) {
    if (!documents[b.document].background) continue;
    dot.clear();
    for (const auto& [term, w] : b.terms) {
      for (const auto& [c, wc] : postings[term]) dot[c] += w * wc;
    }
    for (const auto& [c, cos] : dot) {
      if (cos >= redundancy) known[c] = true;
    }
  }
  return known;
}

bool IsUpperAscii(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLowerAscii(char c) { return c >= 'a' && c <= 'z'; }

// The bytes that open `sentence` without being part of what it says, to leave out of the line
// shown: a wire dateline ("PINE RIDGE, S.D. (AP) -- ", "BEIJING, May 12 (Xinhua) -- ",
// "WASHINGTON _ ", "PARIS, 2 mars (AFP) - ") or a bare paragraph dash ("_ ", "-- "). A dateline
// opens with a word in capitals, is short (at most 8 words, 60 bytes before its dash), and is
// either all capitals or holds a comma or a parenthesis (a plain " - " only after one of
// those). Returns 0 when there is nothing to trim.
size_t LeadToTrim(std::string_view sentence) {
  for (std::string_view mark : {"_ ", "-- ", "\u2014 "}) {
    if (sentence.substr(0, mark.size()) == mark) return mark.size();
  }
  size_t caps = 0;
  while (caps < sentence.size() && IsUpperAscii(sentence[caps])) ++caps;
  if (caps < 2) return 0;
  constexpr size_t kMaxDateline = 60;
  size_t best = std::string_view::npos, end = 0;
  bool plain_dash = false;
  for (std::string_view dash : {" -- ", " _ ", " \u2014 ", " \u2013 ", " - "}) {
    const size_t at = sentence.substr(0, kMaxDateline + dash.size()).find(dash);
    if (at == std::string_view::npos || at >= best) continue;
    best = at;
    end = at + dash.size();
    plain_dash = dash == " - ";
  }
  if (best == std::string_view::npos || end >= sentence.size()) return 0;
  const std::string_view head = sentence.substr(0, best);
  size_t words = 1, lower = 0;
  for (size_t i = 0; i < head.size(); ++i) {
    if (head[i] == ' ') ++words;
    if (IsLowerAscii(head[i])) ++lower;
    if (head[i] == '"' || head[i] == '`' || head[i] == ':' || head[i] == ';') return 0;
  }
  if (words > 8) return 0;
  const bool marked = head.find_first_of(",(") != std::string_view::npos;
  if (plain_dash ? !marked : (!marked && lower > 0)) return 0;
  return end;
}

size_t Count(std::string_view text, std::string_view mark) {
  size_t n = 0;
  for (size_t at = text.find(mark); at != std::string_view::npos; at = text.find(mark, at + 1)) {
    ++n;
  }
  return n;
}

// False when `sentence` opens a quotation it does not close or closes one it did not open: a
// piece of a quotation that runs over several sentences, which says little on its own.
bool QuotesBalanced(std::string_view sentence) {
  if (Count(sentence, "\"") % 2 != 0) return false;
  if (Count(sentence, "``") != Count(sentence, "''")) return false;
  if (Count(sentence, "\u201c") != Count(sentence, "\u201d")) return false;
  return Count(sentence, "\u00ab") == Count(sentence, "\u00bb");
}

}  // namespace

Result<std::unique_ptr<Summarizer>> Summarizer::Create(const std::string& data_dir) {
  std::unique_ptr<Summarizer> s(new Summarizer());
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(data_dir, ec)) {
    const std::string lang = entry.path().filename().string();
    if (std::filesystem::exists(entry.path() / "stopwords.txt")) {
      auto words = text::StopWords::Load(data_dir, lang);
      if (words.ok()) s->stop_words_.emplace(lang, std::move(words).value());
    }
    const std::filesystem::path leaning = entry.path() / "summary.txt";
    if (std::filesystem::exists(leaning)) {
      DEPECHE_ASSIGN_OR_RETURN(std::string content, core::ReadFile(leaning.string()));
      auto& set = s->leaning_[lang];
      for (std::string_view w : text::ParseWordList(content)) set.insert(text::Fold(w));
    }
  }
  return s;
}

std::vector<SummaryLine> Summarizer::Summarize(const std::vector<SummaryDocument>& documents,
                                               const SummaryOptions& options) const {
  // 1. Sentences as stemmed content words.
  std::vector<Sentence> sentences;
  SentenceTokenizer tokenizer(stop_words_);
  std::vector<std::vector<uint32_t>> bags;  // term ids of each sentence, repeated
  for (size_t d = 0; d < documents.size(); ++d) {
    const SummaryDocument& doc = documents[d];
    auto lean_it = leaning_.find(doc.lang.substr(0, 2));
    for (size_t p = 0; p < doc.sentences.size(); ++p) {
      const Span span = doc.sentences[p];
      if (span.end > doc.text.size() || span.begin >= span.end) continue;
      SentenceTokens tokens =
          tokenizer.Read(doc.text.substr(span.begin, span.end - span.begin), doc.lang);
      Sentence s;
      s.document = d;
      s.position = p;
      s.span = span;
      s.words = tokens.words;
      const bool leans = lean_it != leaning_.end() && lean_it->second.count(tokens.first) > 0;
      s.candidate = !doc.background && !leans && s.words >= options.min_sentence_words &&
                    s.words <= options.max_sentence_words && !tokens.terms.empty();
      bags.push_back(std::move(tokens.terms));
      sentences.push_back(std::move(s));
    }
  }
  // 2. TF-IDF vectors of unit length.
  std::vector<TermVector> vectors = TfIdfVectors(bags, tokenizer.term_count());
  for (size_t i = 0; i < sentences.size(); ++i) sentences[i].terms = std::move(vectors[i]);
  const size_t term_count = tokenizer.term_count();
  const double n = static_cast<double>(sentences.size());
  std::vector<double> df(term_count, 0);  // sentences holding each term
  for (const std::vector<uint32_t>& bag : bags) {
    for (size_t i = 0; i < bag.size(); ++i) {
      if (i == 0 || bag[i] != bag[i - 1]) df[bag[i]] += 1;
    }
  }
  // 3. Cosines between candidates through an inverted index.
  std::vector<size_t> candidates;
  for (size_t i = 0; i < sentences.size(); ++i) {
    const Sentence& s = sentences[i];
    if (!s.candidate) continue;
    if (options.max_position > 0 && s.position >= options.max_position) continue;
    const std::string_view text = documents[s.document].text;
    const std::string_view sentence = text.substr(s.span.begin, s.span.end - s.span.begin);
    if (options.whole_quotes && !QuotesBalanced(sentence)) continue;
    if (!IsProseSentence(sentence)) continue;
    candidates.push_back(i);
  }
  const size_t m = candidates.size();
  if (m == 0) return {};
  std::vector<std::vector<std::pair<uint32_t, double>>> postings(term_count);
  for (size_t c = 0; c < m; ++c) {
    for (const auto& [term, w] : sentences[candidates[c]].terms) {
      postings[term].emplace_back(static_cast<uint32_t>(c), w);
    }
  }
  // One row at a time: the products of a sentence's terms with the later sentences' summed in
  // a dense array (a hash map per pair costs ten times more on a 200-article story), each
  // pair's sum taken in the order of the term ids. Only the cosines that can matter are kept
  // (an edge, a redundancy), each row sorted by the other sentence.
  const double keep = std::min(options.edge_threshold, options.redundancy);
  std::vector<std::vector<std::pair<uint32_t, double>>> cosine(m);
  std::vector<double> sum(m, 0);
  std::vector<uint32_t> touched;
  for (size_t c = 0; c < m; ++c) {
    for (const auto& [term, w] : sentences[candidates[c]].terms) {
      const auto& list = postings[term];  // in candidate order
      auto it = std::upper_bound(list.begin(), list.end(), static_cast<uint32_t>(c),
                                 [](uint32_t x, const auto& p) { return x < p.first; });
      for (; it != list.end(); ++it) {
        if (sum[it->first] == 0) touched.push_back(it->first);
        sum[it->first] += w * it->second;
      }
    }
    for (uint32_t o : touched) {
      if (sum[o] >= keep) {
        cosine[c].emplace_back(o, sum[o]);
        cosine[o].emplace_back(static_cast<uint32_t>(c), sum[o]);
      }
      sum[o] = 0;
    }
    touched.clear();
  }
  for (auto& row : cosine) std::sort(row.begin(), row.end());
  // The cosine of candidates x and y, 0 when under `keep`.
  auto cosine_of = [&](size_t x, size_t y) {
    const auto& row = cosine[x];
    auto it = std::lower_bound(row.begin(), row.end(), std::pair<uint32_t, double>(y, -1.0));
    return it != row.end() && it->first == y ? it->second : 0.0;
  };
  // Candidates that say what the background already says.
  const std::vector<bool> known =
      KnownCandidates(documents, sentences, candidates, postings, options.redundancy);
  // 4. LexRank on the thresholded graph (its edges alike, or weighted by their cosines), its
  // restarts biased towards the query's sentences when there is one (empty `restart`: uniform
  // restarts, the generic LexRank).
  std::vector<std::vector<uint32_t>> edges(m);
  // Weighted: each edge with the probability of following it (its share of the cosines of its
  // sentence's edges), as a float beside its end: half the memory the walk reads.
  struct WeightedEdge {
    uint32_t to;
    float p;
  };
  std::vector<std::vector<WeightedEdge>> weighted(options.weighted_edges ? m : 0);
  for (size_t c = 0; c < m; ++c) {
    double total = 0;
    for (const auto& [other, cos] : cosine[c]) {
      if (cos < options.edge_threshold) continue;
      edges[c].push_back(other);
      total += cos;
    }
    if (!options.weighted_edges) continue;
    for (const auto& [other, cos] : cosine[c]) {
      if (cos >= options.edge_threshold) {
        weighted[c].push_back({other, static_cast<float>(cos / total)});
      }
    }
  }
  double walk = options.damping;  // the probability of following an edge
  std::vector<double> restart;
  if (!options.query.empty()) {
    const std::string lang = documents.empty() ? "" : documents[0].lang;
    const auto query_terms = QueryTerms(options.query, lang, tokenizer, term_count);
    std::vector<double> relevance(m, 0);
    double total = 0;
    for (size_t c = 0; c < m; ++c) {
      const std::vector<uint32_t>& bag = bags[candidates[c]];  // sorted
      for (const auto& [term, count] : query_terms) {
        const auto [lo, hi] = std::equal_range(bag.begin(), bag.end(), term);
        if (lo == hi) continue;
        relevance[c] += std::log(1.0 + static_cast<double>(hi - lo)) * std::log(1.0 + count) *
                        std::log(1.0 + n / df[term]);
      }
      total += relevance[c];
    }
    if (total > 0) {
      for (double& r : relevance) r /= total;
      restart = std::move(relevance);
      walk = 1.0 - options.query_bias;
    }
  }
  std::vector<double> rank(m, 1.0 / static_cast<double>(m)), next(m);
  for (int step = 0; step < kWalkSteps; ++step) {
    if (restart.empty()) {
      std::fill(next.begin(), next.end(), (1.0 - options.damping) / static_cast<double>(m));
    } else {
      for (size_t c = 0; c < m; ++c) next[c] = (1.0 - walk) * restart[c];
    }
    double dangling = 0;
    for (size_t c = 0; c < m; ++c) {
      if (edges[c].empty()) {
        dangling += rank[c];
        continue;
      }
      if (options.weighted_edges) {
        const double mass = walk * rank[c];
        for (const WeightedEdge& e : weighted[c]) next[e.to] += mass * e.p;
        continue;
      }
      const double share = walk * rank[c] / static_cast<double>(edges[c].size());
      for (uint32_t o : edges[c]) next[o] += share;
    }
    if (restart.empty()) {
      for (double& r : next) r += walk * dangling / static_cast<double>(m);
    } else {  // a dead end restarts as the walk does
      for (size_t c = 0; c < m; ++c) next[c] += walk * dangling * restart[c];
    }
    rank.swap(next);
  }
  const double top = *std::max_element(rank.begin(), rank.end());
  std::vector<double> score(m);
  for (size_t c = 0; c < m; ++c) {
    const double position =
        1.0 / std::sqrt(1.0 + static_cast<double>(sentences[candidates[c]].position));
    score[c] = (1.0 - options.position_weight) * (top > 0 ? rank[c] / top : 0) +
               options.position_weight * position;
  }
  // 5. Greedy choice, redundant sentences left out and kept as sources.
  std::vector<size_t> order(m);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t x, size_t y) { return score[x] > score[y]; });
  std::vector<size_t> chosen;
  size_t words = 0;
  std::vector<SummaryLine> lines;
  for (size_t c : order) {
    if (words >= options.max_words) break;
    const Sentence& s = sentences[candidates[c]];
    if (known[c]) continue;
    bool redundant = false;
    for (size_t k = 0; k < chosen.size() && !redundant; ++k) {
      redundant = cosine_of(c, chosen[k]) >= options.redundancy;
    }
    if (redundant) continue;
    // The line shown leaves out a leading dateline: a narrower span, fewer words.
    Span shown = s.span;
    size_t shown_words = s.words;
    if (options.trim_leads) {
      const std::string_view text = documents[s.document].text;
      const size_t trim = LeadToTrim(text.substr(s.span.begin, s.span.end - s.span.begin));
      if (trim > 0) {
        const std::string head = text::Fold(text.substr(s.span.begin, trim));
        size_t dropped = 0;
        for (text::WordRun run = text::NextWord(head, 0); run.end != 0;
             run = text::NextWord(head, run.end)) {
          ++dropped;
        }
        shown.begin += static_cast<uint32_t>(trim);
        shown_words -= std::min(dropped, shown_words);
      }
    }
    if (!options.fill && words + shown_words > options.max_words) continue;
    chosen.push_back(c);
    words += shown_words;
    lines.push_back({s.document, shown, shown_words, score[c], {}});
  }
  // The other documents' sentences that say what a line says.
  for (size_t k = 0; k < lines.size(); ++k) {
    std::vector<std::pair<uint32_t, double>> close;
    for (const auto& [other, cos] : cosine[chosen[k]]) {
      if (cos >= std::max(options.same_content, options.redundancy) &&
          sentences[candidates[other]].document != lines[k].document) {
        close.emplace_back(other, cos);
      }
    }
    std::sort(close.begin(), close.end());
    for (const auto& [other, cos] : close) {
      lines[k].also.push_back(
          {sentences[candidates[other]].document, sentences[candidates[other]].span});
    }
  }
  // 6. In the documents' time order, then their order in the document.
  std::stable_sort(lines.begin(), lines.end(), [&](const SummaryLine& x, const SummaryLine& y) {
    const SummaryDocument& dx = documents[x.document];
    const SummaryDocument& dy = documents[y.document];
    if (dx.time != dy.time) return dx.time < dy.time;
    if (x.document != y.document) return x.document < y.document;
    return x.span.begin < y.span.begin;
  });
  return lines;
}

}  // namespace depeche::story
