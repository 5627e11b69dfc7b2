// The extract stage's entry point for entities: one article in, its mentions grouped into
// ArticleEntities out. Mentions come from the statistical NER tagger of the article's language
// when a model for it was found, combined with the gazetteer matcher's (places with their
// gazetteer identity, demonyms, honorific + name); languages without a model use the
// gazetteers alone. Ingest (the analysis workers), evaluation and benchmarks call Extract.
#ifndef DEPECHE_EXTRACT_ENTITY_EXTRACTOR_H_
#define DEPECHE_EXTRACT_ENTITY_EXTRACTOR_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "depeche/article.h"
#include "depeche/status.h"
#include "extract/entity.h"
#include "extract/gazetteer.h"
#include "extract/ner_tagger.h"

namespace depeche::extract {

struct EntityExtractorOptions {
  std::string data_dir;   // the repository's data/ (gazetteer/, <lang>/titles.txt, ...)
  std::string model_dir;  // holds ner-<lang>.model files; empty or missing: gazetteers alone
};

// Immutable after Create; Extract is thread-safe (the analysis workers share one extractor).
class EntityExtractor {
 public:
  // Loads the gazetteers (about a second) and every ner-<lang>.model of `model_dir`; a model
  // trained with the gazetteer features (GazetteerNerHook, ner_gazetteer.h) tags with them.
  // Errors: from Gazetteer::Load (NotFound naming a missing gazetteer file, DataLoss for a
  // malformed row); DataLoss for a corrupt model file; FailedPrecondition naming the file for a
  // model trained with another gazetteer hook (stale: retrain it). A missing model is not an
  // error (see languages).
  static Result<std::unique_ptr<EntityExtractor>> Create(const EntityExtractorOptions& options);

  // The entities of `article` (its title and text; lang picks the tagger). Pure.
  ArticleEntities Extract(const Article& article) const;

  // Languages with a statistical tagger ("en", "fr", ...), sorted; the others use the
  // gazetteers alone.
  std::vector<std::string> tagger_languages() const;
  const std::shared_ptr<const Gazetteer>& gazetteer() const { return gazetteer_; }

 private:
  EntityExtractor() = default;

  std::shared_ptr<const Gazetteer> gazetteer_;
  // The taggers' gazetteer hooks (by language; only for models trained with one). Declared
  // before the taggers, which borrow them.
  std::map<std::string, std::unique_ptr<NerGazetteerHook>, std::less<>> hooks_;
  std::map<std::string, NerTagger, std::less<>> taggers_;  // by language
};

}  // namespace depeche::extract

#endif  // DEPECHE_EXTRACT_ENTITY_EXTRACTOR_H_
