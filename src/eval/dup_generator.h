// Near-duplicate test pairs made from real articles by realistic edits, and the evaluation of
// the story module's DedupIndex on them and on a corpus's real duplicates.
//
// Generator (GenerateNearDuplicates): sources are split into paragraphs (blank lines, else
// line breaks, else sentences ". "). Each copy applies, chosen at random with the seeded RNG:
//   - new headline (always: the copy's title is a rewritten first sentence);
//   - remove paragraphs: drop one paragraph (when there are >= 3), or truncate: keep the first
//     60-90% of the paragraphs (wire copies cut for space);
//   - add a paragraph taken from another source article (editor's context paragraph);
//   - append boilerplate (subscription / copyright / "Reporting by" lines, see .cc);
//   - light rewording: about `reword_rate` of the words are deleted, duplicated, or swapped
//     with their neighbour.
// At least two edits besides the headline are applied to each copy. Negative pairs are all
// other pairs; the sources are filtered so that no two of them share 30% of their shingles
// (FilterDistinctSources), so every source pair is a true negative.
#ifndef DEPECHE_EVAL_DUP_GENERATOR_H_
#define DEPECHE_EVAL_DUP_GENERATOR_H_

#include <cstdint>
#include <string>
#include <vector>

#include "depeche/status.h"
#include "story/dedup_index.h"

namespace depeche::eval {

struct DupSource {
  std::string id;
  std::string title;
  std::string text;
};

struct DupDocument {
  std::string id;
  std::string title;
  std::string text;
  std::string source_id;           // the source it was made from (itself for a source)
  std::vector<std::string> edits;  // names of the edits applied (empty for a source)
};

struct DupGeneratorOptions {
  uint64_t seed = 7;
  size_t copies = 1000;  // copies to make (sources chosen at random, with replacement)
  double reword_rate = 0.03;
};

// The sources followed by the copies, shuffled so that each copy comes after its source
// (stream order for the index). Deterministic for a seed. Empty when `sources` has < 2 items.
std::vector<DupDocument> GenerateNearDuplicates(const std::vector<DupSource>& sources,
                                                const DupGeneratorOptions& options);

// Keeps sources with at least `min_words` words whose shingle sets share under 30% (of the
// smaller set) with every earlier kept source (exact check over an inverted index).
std::vector<DupSource> FilterDistinctSources(const std::vector<DupSource>& sources,
                                             size_t min_words);

struct DedupScores {
  double precision = 0.0;  // predicted duplicate pairs (article, original) that are gold
  double recall = 0.0;     // gold duplicates (copies / real duplicates) found
  double f1 = 0.0;
  size_t predicted = 0;
  size_t gold = 0;
  size_t true_positives = 0;
};

// Streams `docs` through a DedupIndex (text only, undated) and scores the (article, original)
// pairs against the generated gold: a pair is correct when both come from the same source.
// Errors: InvalidArgument from DedupIndex::Create.
Result<DedupScores> EvaluateGeneratedDuplicates(const std::vector<DupDocument>& docs,
                                                const story::DedupOptions& options);

// Near copies judged pairwise: streams `docs` through a DedupIndex and takes every pair the
// index judges a near copy on its own (DedupMatch::pairs: estimated Jaccard >= min_jaccard);
// the gold pairs are all pairs whose exact shingle Jaccard reaches `gold_jaccard` (computed
// over an inverted index of the shingle sets, texts under `options.min_shingles` left out).
// Precision and recall are over pairs, so a chain of copies of copies scores only the pairs
// that are near copies themselves. Errors: InvalidArgument from DedupIndex::Create.
Result<DedupScores> EvaluateGeneratedPairs(const std::vector<DupDocument>& docs,
                                           const story::DedupOptions& options,
                                           double gold_jaccard);

// Real duplicates: exact shingle sets are compared for every pair sharing a shingle; gold
// pairs are those with exact Jaccard >= `gold_jaccard` (re-sent or corrected wire stories)
// between texts of at least `options.min_shingles` shingles (shorter ones cannot be told apart).
// The index's answers (each article to its closest earlier original, same group) are scored
// against them: a predicted pair is correct when the two are gold duplicates or in one gold
// duplicate group; a gold article (one with an earlier gold duplicate) is found when the index
// marks it as a duplicate of a member of its gold group.
Result<DedupScores> EvaluateRealDuplicates(const std::vector<DupSource>& docs,
                                           const story::DedupOptions& options, double gold_jaccard);

}  // namespace depeche::eval

#endif  // DEPECHE_EVAL_DUP_GENERATOR_H_
