// Query and result types of the article store, shared by the store and the Engine facade
// (depeche/engine.h) so that the store needs nothing of the engine.
#ifndef DEPECHE_QUERY_H_
#define DEPECHE_QUERY_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace depeche {

struct ArticleQuery {
  std::optional<std::string> lang;
  std::optional<std::string> source;
  int limit = 50;
  int offset = 0;
};

struct ArticleSummary {
  std::string id;
  std::string title;
  std::string source;
  std::string lang;
  std::string published;  // ISO at its precision, "" when unknown
  std::string path;       // origin path (files) or ""
  int64_t chars = 0;
};

struct SearchHit {
  ArticleSummary article;
  std::string snippet;  // matched terms wrapped in [ ]
  double score = 0.0;   // higher is better
};

struct Stats {
  int64_t articles = 0;
  int64_t sources = 0;
  int64_t bytes = 0;
  int schema_version = 0;
  std::string db_path;
  std::map<std::string, int64_t> by_lang;
  std::map<std::string, int64_t> by_source;
  std::string first_published;
  std::string last_published;
};

}  // namespace depeche

#endif  // DEPECHE_QUERY_H_
