#include "story/summarizer.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <numeric>
#include <unordered_map>

#include "core/files.h"
#include "story/sentence_vectors.h"
#include "text/normalize.h"
#include "text/stopwords.h"

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
  // 3. Cosines between candidates through an inverted index.
  std::vector<size_t> candidates;
  for (size_t i = 0; i < sentences.size(); ++i) {
    if (sentences[i].candidate) candidates.push_back(i);
  }
  const size_t m = candidates.size();
  if (m == 0) return {};
  std::vector<std::vector<std::pair<uint32_t, double>>> postings(tokenizer.term_count());
  for (size_t c = 0; c < m; ++c) {
    for (const auto& [term, w] : sentences[candidates[c]].terms) {
      postings[term].emplace_back(static_cast<uint32_t>(c), w);
    }
  }
  std::vector<std::unordered_map<uint32_t, double>> cosine(m);
  for (const auto& list : postings) {
    for (size_t a = 0; a < list.size(); ++a) {
      for (size_t b = a + 1; b < list.size(); ++b) {
        const double w = list[a].second * list[b].second;
        cosine[list[a].first][list[b].first] += w;
        cosine[list[b].first][list[a].first] += w;
      }
    }
  }
  // Candidates that say what the background already says.
  const std::vector<bool> known =
      KnownCandidates(documents, sentences, candidates, postings, options.redundancy);
  // 4. LexRank on the thresholded graph.
  std::vector<std::vector<uint32_t>> edges(m);
  for (size_t c = 0; c < m; ++c) {
    for (const auto& [other, cos] : cosine[c]) {
      if (cos >= options.edge_threshold) edges[c].push_back(other);
    }
  }
  std::vector<double> rank(m, 1.0 / static_cast<double>(m)), next(m);
  for (int step = 0; step < kWalkSteps; ++step) {
    std::fill(next.begin(), next.end(), (1.0 - options.damping) / static_cast<double>(m));
    double dangling = 0;
    for (size_t c = 0; c < m; ++c) {
      if (edges[c].empty()) {
        dangling += rank[c];
        continue;
      }
      const double share = options.damping * rank[c] / static_cast<double>(edges[c].size());
      for (uint32_t o : edges[c]) next[o] += share;
    }
    for (double& r : next) r += options.damping * dangling / static_cast<double>(m);
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
    if (!options.fill && words + s.words > options.max_words) continue;
    bool redundant = false;
    for (size_t k = 0; k < chosen.size() && !redundant; ++k) {
      auto it = cosine[c].find(static_cast<uint32_t>(chosen[k]));
      redundant = it != cosine[c].end() && it->second >= options.redundancy;
    }
    if (redundant) continue;
    chosen.push_back(c);
    words += s.words;
    lines.push_back({s.document, s.span, s.words, score[c], {}});
  }
  // The other documents' sentences that say what a line says.
  for (size_t k = 0; k < lines.size(); ++k) {
    std::vector<std::pair<uint32_t, double>> close;
    for (const auto& [other, cos] : cosine[chosen[k]]) {
      if (cos >= options.redundancy && sentences[candidates[other]].document != lines[k].document) {
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
