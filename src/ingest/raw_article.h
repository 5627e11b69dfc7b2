// RawArticle: what a reader found in one input record, before analysis (no language, no
// sentences yet). Text may still hold invalid UTF-8; the engine's analyzer repairs it.
#ifndef DEPECHE_INGEST_RAW_ARTICLE_H_
#define DEPECHE_INGEST_RAW_ARTICLE_H_

#include <string>
#include <vector>

#include "depeche/article.h"

namespace depeche::ingest {

struct RawArticle {
  std::string external_id;  // an id the input gave ("id" in JSONL); kept as metadata
  std::string url;
  std::string source;
  std::string title;
  std::string title_origin;  // "given", "headline" (first line), "" (to be derived)
  std::string published;     // as found: ISO 8601 text or a "date YYYY-MM" hint's value
  // Where `published` came from: "metadata" (a feed field, a page's metadata, a text file's
  // date line), "url" or "dateline"; "" is read as "metadata".
  std::string published_source;
  std::string lang;  // declared language, if any
  std::string text;
  std::string html;  // a page still to extract (HTML files, JSONL "html"), see html_reader.h
  std::string metadata_json = "{}";  // unknown fields, a JSON object
  Origin origin;
  std::vector<std::string> warnings;
};

}  // namespace depeche::ingest

#endif  // DEPECHE_INGEST_RAW_ARTICLE_H_
