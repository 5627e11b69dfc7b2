// Entity extraction speed on Reuters-21578 through the entry points ingest runs: the per-article
// extraction of the analysis workers (extract::EntityExtractor::Extract: the NER tagger where
// the build trained a model, the gazetteer matcher, in-article resolution) and the writer's
// cross-document resolution (extract::EntityResolver::Resolve), one thread, after the articles
// are analysed (the analysis itself is not timed). Prints articles per CPU-second for each
// stage and in total.
//   depeche_bench_entities [reuters-dir] [max-articles]
#include <cstdio>
#include <string>
#include <vector>

#include "core/time.h"
#include "depeche/config.h"
#include "engine/analyzer.h"
#include "eval/reuters_reader.h"
#include "extract/entity_extractor.h"
#include "extract/entity_resolver.h"
#include "ingest/reuters_sgml.h"

int main(int argc, char** argv) {
  using namespace depeche;
  std::string dir = argc > 1 ? argv[1] : DEPECHE_SHARED_DIR "/data/reuters21578";
  size_t limit = argc > 2 ? std::stoul(argv[2]) : 21578;
  EngineConfig config;
  config.data_dir = DEPECHE_SOURCE_DIR "/data";
  auto analyzer = engine::Analyzer::Create(config);
  extract::EntityExtractorOptions options;
  options.data_dir = config.data_dir;
  options.model_dir = DefaultNerModelDir();
  auto extractor = extract::EntityExtractor::Create(options);
  auto records = eval::ReadReutersCorpus(dir);
  if (!analyzer.ok() || !extractor.ok() || !records.ok()) {
    std::fprintf(stderr, "setup failed: %s %s %s\n", analyzer.status().ToString().c_str(),
                 extractor.status().ToString().c_str(), records.status().ToString().c_str());
    return 1;
  }
  std::string models;
  for (const std::string& lang : (*extractor)->tagger_languages()) models += " " + lang;
  std::printf("NER models:%s\n", models.empty() ? " none (gazetteers alone)" : models.c_str());
  std::vector<Article> articles;
  for (const auto& record : *records) {
    if (articles.size() >= limit) break;
    auto article = (*analyzer)->Analyze(ingest::ToRawArticle(record));
    if (article.ok()) articles.push_back(std::move(*article));
  }
  extract::EntityResolver resolver((*extractor)->gazetteer());
  double extract_s = 0, resolve_s = 0;
  size_t mentions = 0, entities = 0;
  for (const Article& a : articles) {
    double t0 = depeche::core::ProcessCpuSeconds();
    extract::ArticleEntities ents = (*extractor)->Extract(a);
    double t1 = depeche::core::ProcessCpuSeconds();
    extract::EntityChanges changes = resolver.Resolve(ents, "");
    double t2 = depeche::core::ProcessCpuSeconds();
    extract_s += t1 - t0;
    resolve_s += t2 - t1;
    mentions += ents.mentions.size();
    entities += ents.entities.size();
  }
  double n = static_cast<double>(articles.size());
  std::printf("articles %zu, mentions %zu, article entities %zu, canonical entities %zu\n",
              articles.size(), mentions, entities, resolver.size());
  std::printf(
      "extraction (workers) %.0f art/CPU-s, cross-document (writer) %.0f art/CPU-s, "
      "total %.0f art/CPU-s\n",
      n / extract_s, n / resolve_s, n / (extract_s + resolve_s));
  return 0;
}
