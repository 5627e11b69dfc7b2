// Plain-text articles: an optional leading "date YYYY-MM[-DD]" hint, a headline line, the body.
#ifndef DEPECHE_INGEST_TXT_READER_H_
#define DEPECHE_INGEST_TXT_READER_H_

#include <string>
#include <string_view>
#include <unordered_set>

#include "ingest/raw_article.h"

namespace depeche::ingest {

struct TextReaderOptions {
  // Folded function words of the supported languages ("le", "la", "the", "el", ...). A
  // capitalised one right after a lowercase word marks where a headline that runs into the
  // first paragraph without punctuation ends. Null disables that detection. Not owned.
  const std::unordered_set<std::string>* sentence_starters = nullptr;
};

// Splits `content` (the file's bytes) into title, date hint and body text.
// - A first non-empty line starting with "date YYYY-MM" or "date YYYY-MM-DD" gives
//   RawArticle::published; the marker is removed from the text.
// - The first non-empty line is the headline when it is short (<= 80 chars) and followed by a
//   blank line, or has no sentence-final punctuation and is at most 200 chars; a headline that
//   runs into the first paragraph ("... à Genève vendredi Le chef de ...") is cut where the
//   paragraph starts. The headline is removed from the body.
// - Otherwise the title is left empty for the analyzer to derive from the first sentence.
// Line endings become "\n"; a UTF-8 BOM is dropped. Never fails: empty bodies are reported by
// the caller.
RawArticle ParseTextArticle(std::string_view content, const TextReaderOptions& options);

}  // namespace depeche::ingest

#endif  // DEPECHE_INGEST_TXT_READER_H_
