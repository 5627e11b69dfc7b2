// `depeche eval aliases`: entity resolution (in-article then cross-document, the product's
// extract::ResolveArticle + extract::EntityResolver) scored as clustering.
//  - hipe: the gold mentions of a HIPE-2022 TSV file (or every .tsv of a folder), in file order,
//    each document its own article and story; gold clusters are the NEL-LIT Wikidata QIDs.
//    NIL mentions (no QID) are left out by default (NilPolicy::kExclude), or each is its own
//    gold cluster (kSingleton). Scores: MUC, B3, CEAF-e, CoNLL F1 (coref_metrics.h).
//  - seeds: a hand-checked gold TSV (file, surface form, gold entity) over the seed texts in a
//    folder: detection (the gazetteer matcher, extract::MatchGazetteer) scored on distinct
//    surface forms per file, and grouping on the detected gold forms: B3, CoNLL F1, alias
//    groups fully merged and wrong merges (pairs of gold entities sharing a predicted entity).
#ifndef DEPECHE_EVAL_ALIAS_EVAL_H_
#define DEPECHE_EVAL_ALIAS_EVAL_H_

#include <string>
#include <vector>

#include "depeche/article.h"
#include "depeche/status.h"
#include "engine/analyzer.h"
#include "eval/coref_metrics.h"
#include "extract/entity.h"
#include "extract/entity_extractor.h"
#include "extract/gazetteer.h"

namespace depeche::eval {

struct HipeDocument {
  std::string id;
  Article article;                         // text rebuilt from the tokens (NoSpaceAfter kept)
  std::vector<extract::Mention> mentions;  // gold NE-COARSE-LIT spans, in order
  std::vector<std::string> qids;           // NEL-LIT of each mention ("NIL" when none)
};

// Reads one HIPE-2022 TSV file. DataLoss naming file and line for a malformed row.
Result<std::vector<HipeDocument>> ReadHipeFile(const std::string& path);

enum class NilPolicy { kExclude, kSingleton };

struct AliasGroupResult {
  std::string entity;                 // gold entity
  std::vector<std::string> surfaces;  // detected gold forms ("file|surface")
  size_t predicted_entities = 0;      // distinct predicted ids over them
  bool merged = false;                // all in one predicted entity
  size_t missed = 0;                  // gold forms not detected
};

struct AliasEvalReport {
  std::string format;  // "hipe" or "seeds"
  CorefScores scores;
  // seeds only
  PrfTriple detection;
  size_t gold_forms = 0, predicted_forms = 0, matched_forms = 0;
  size_t groups = 0, groups_detected = 0, groups_merged = 0, wrong_merges = 0;
  // groups_detected: gold entities with at least one form detected; groups_merged: of those,
  // the ones whose detected forms all share one predicted entity.
  std::vector<AliasGroupResult> items;
  std::vector<std::string> wrong_merge_pairs;  // "entity A | entity B"
  std::vector<std::string> false_positives;    // "file|surface" detected, not in the gold
  // hipe only
  size_t documents = 0, nil_mentions = 0;
};

Result<AliasEvalReport> EvaluateHipeAliases(const extract::Gazetteer& gazetteer,
                                            const std::string& path, NilPolicy nil);

// The seeds go through the product's path: Analyzer::Analyze, EntityExtractor::Extract (the
// NER tagger where a model is loaded, the gazetteers) and the cross-document resolver.
Result<AliasEvalReport> EvaluateSeedAliases(const extract::EntityExtractor& extractor,
                                            const engine::Analyzer& analyzer,
                                            const std::string& gold_tsv,
                                            const std::string& seeds_dir);

}  // namespace depeche::eval

#endif  // DEPECHE_EVAL_ALIAS_EVAL_H_
