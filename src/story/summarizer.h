// Summarizer: an extractive summary of several documents that tell one story, each thing said
// once (issue 13). Sentences are scored by their centrality among all the documents' sentences
// (LexRank: a graph of the sentences whose stemmed TF-IDF cosine passes a threshold, ranked by
// a damped random walk) blended with a prior for a document's first sentences, then chosen
// greedily, best first, leaving out a sentence too close to one already chosen (the same fact
// from another source is recorded with the chosen line instead), until the word budget is
// spent. Only self-contained sentences are candidates: of a sensible length and not opening
// with a word that leans on the sentence before ("He said", "Mais", data/<lang>/summary.txt)
// and not a piece of a quotation; a line leaves out its sentence's wire dateline.
// The lines come out in the documents' time order, then in their order in the document.
// With a query (SummaryOptions::query) the centrality is biased towards the sentences that
// answer it (query-biased LexRank).
//
// Immutable after Create; Summarize is thread-safe.
#ifndef DEPECHE_STORY_SUMMARIZER_H_
#define DEPECHE_STORY_SUMMARIZER_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "depeche/article.h"
#include "depeche/status.h"
#include "text/stopwords.h"

namespace depeche::story {

struct SummaryDocument {
  std::string_view text;        // not owned
  std::vector<Span> sentences;  // bytes of `text`, boilerplate left out
  std::string lang;             // ISO 639-1
  int64_t time = 0;             // for the order of the lines (seconds; documents alike: 0)
  // What the reader already knows (an update summary's older documents): never a line, and a
  // sentence saying what one of its sentences says (cosine >= redundancy) is left out.
  bool background = false;
};

// Another document's sentence saying what a summary line says.
struct SummarySource {
  size_t document = 0;
  Span span;
};

struct SummaryLine {
  size_t document = 0;  // index into Summarize's documents
  Span span;            // the bytes shown: the sentence less a leading dateline (trim_leads)
  size_t words = 0;
  double score = 0;                 // centrality blended with position, in [0, 1]
  std::vector<SummarySource> also;  // the same content elsewhere (cosine >= same_content)
};

struct SummaryOptions {
  size_t max_words = 250;  // the budget: lines are added while fewer words are chosen
  bool fill = true;        // the last line may pass the budget (false: only lines that fit)
  size_t min_sentence_words = 8;
  size_t max_sentence_words = 60;
  // When not 0, only the first max_position sentences of each document are candidates (the
  // others still count in the words' idf): less graph work on long documents.
  size_t max_position = 0;
  double edge_threshold = 0.1;  // LexRank's cosine threshold for an edge
  // The walk follows an edge in proportion to its cosine (Erkan & Radev 2004's continuous
  // LexRank) rather than all of a sentence's edges alike.
  bool weighted_edges = false;
  double damping = 0.85;
  // Share of the score given to the position prior 1 / sqrt(1 + index in its document).
  double position_weight = 0.3;
  double redundancy = 0.5;  // a sentence this close (cosine) to a chosen line is left out
  // A sentence of another document this close (cosine) to a line says the same: one of the
  // line's other sources (SummaryLine::also). At or above `redundancy`.
  double same_content = 0.5;
  // What the reader asked about (DUC's topic title and narrative; for a story, its headline
  // could serve), in the first document's language; not owned, read during Summarize only.
  // Empty: the generic summary, exactly as without the field. Otherwise the walk is biased
  // towards the sentences that share its words (Otterbacher, Erkan & Radev 2005, "Using random
  // walks for question-focused sentence retrieval"): it restarts with probability query_bias
  // at a sentence drawn in proportion to its relevance
  //   rel(s) = sum over query terms w of log(1 + tf(w, s)) * log(1 + tf(w, query)) * idf(w)
  // (stemmed content words, idf over the documents' sentences), and otherwise follows an edge
  // of the graph (a dead end restarts the same way). With no sentence sharing a query word the
  // query is ignored. query_bias 0.15 is the generic walk's restart probability (1 - damping),
  // kept as topic-sensitive PageRank keeps it (Haveliwala 2002); Otterbacher et al. weighted
  // the query more (their d, up to 0.95), which scored lower on DUC 2006 (docs/QUALITY.md).
  std::string_view query;
  double query_bias = 0.15;
  // A line leaves out what opens its sentence without being part of what it says: a wire
  // dateline ("BEIJING, May 12 (Xinhua) -- ", "WASHINGTON _ ") or a bare paragraph dash; its
  // span and words are then those of the rest.
  bool trim_leads = true;
  // Only sentences whose quotation marks pair up are candidates: one that opens a quotation
  // it does not close (or the reverse) is a piece of a longer quotation.
  bool whole_quotes = true;
};

class Summarizer {
 public:
  // Reads the stop words and the leaning words (data/<lang>/summary.txt) of every language
  // folder of `data_dir`. Errors: an unreadable file.
  static Result<std::unique_ptr<Summarizer>> Create(const std::string& data_dir);

  std::vector<SummaryLine> Summarize(const std::vector<SummaryDocument>& documents,
                                     const SummaryOptions& options = {}) const;

 private:
  Summarizer() = default;
  std::map<std::string, text::StopWords, std::less<>> stop_words_;
  std::map<std::string, std::unordered_set<std::string>, std::less<>> leaning_;
};

}  // namespace depeche::story

#endif  // DEPECHE_STORY_SUMMARIZER_H_
