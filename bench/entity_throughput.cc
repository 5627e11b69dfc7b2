// Entity extraction speed on Reuters-21578: gazetteer matching (extract::MatchGazetteer),
// in-article resolution (extract::ResolveArticle) and cross-document resolution
// (extract::EntityResolver) per article, one thread, after the articles are analysed (the
// analysis itself is not timed). Prints articles per CPU-second for each stage and in total.
//   depeche_bench_entities [reuters-dir] [max-articles]
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

#include "depeche/config.h"
#include "engine/analyzer.h"
#include "eval/reuters_reader.h"
#include "extract/article_resolver.h"
#include "extract/entity_resolver.h"
#include "extract/gazetteer.h"
#include "extract/gazetteer_matcher.h"
#include "ingest/reuters_sgml.h"

namespace {

double CpuSeconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

}  // namespace

int main(int argc, char** argv) {
  using namespace depeche;
  std::string dir = argc > 1 ? argv[1] : DEPECHE_SHARED_DIR "/data/reuters21578";
  size_t limit = argc > 2 ? std::stoul(argv[2]) : 21578;
  EngineConfig config;
  config.data_dir = DEPECHE_SOURCE_DIR "/data";
  auto analyzer = engine::Analyzer::Create(config);
  auto gazetteer = extract::Gazetteer::Load(config.data_dir);
  auto records = eval::ReadReutersCorpus(dir);
  if (!analyzer.ok() || !gazetteer.ok() || !records.ok()) {
    std::fprintf(stderr, "setup failed: %s %s %s\n", analyzer.status().ToString().c_str(),
                 gazetteer.status().ToString().c_str(), records.status().ToString().c_str());
    return 1;
  }
  std::vector<Article> articles;
  for (const auto& record : *records) {
    if (articles.size() >= limit) break;
    auto article = (*analyzer)->Analyze(ingest::ToRawArticle(record));
    if (article.ok()) articles.push_back(std::move(*article));
  }
  const extract::Gazetteer& g = **gazetteer;
  extract::EntityResolver resolver(*gazetteer);
  double match_s = 0, article_s = 0, resolve_s = 0;
  size_t mentions = 0, entities = 0;
  for (const Article& a : articles) {
    double t0 = CpuSeconds();
    std::vector<extract::Mention> ms = extract::MatchGazetteer(g, a);
    double t1 = CpuSeconds();
    extract::ArticleEntities ents = extract::ResolveArticle(g, a, std::move(ms));
    double t2 = CpuSeconds();
    extract::EntityChanges changes = resolver.Resolve(ents, "");
    double t3 = CpuSeconds();
    match_s += t1 - t0;
    article_s += t2 - t1;
    resolve_s += t3 - t2;
    mentions += ents.mentions.size();
    entities += ents.entities.size();
  }
  double n = static_cast<double>(articles.size());
  std::printf("articles %zu, mentions %zu, article entities %zu, canonical entities %zu\n",
              articles.size(), mentions, entities, resolver.size());
  std::printf(
      "match %.0f art/CPU-s, in-article %.0f art/CPU-s, cross-document %.0f art/CPU-s, "
      "total %.0f art/CPU-s\n",
      n / match_s, n / article_s, n / resolve_s, n / (match_s + article_s + resolve_s));
  return 0;
}
