// HTML page -> article: the one call ingest makes for an .html file or a JSONL "html" field.
#ifndef DEPECHE_INGEST_HTML_ARTICLE_H_
#define DEPECHE_INGEST_HTML_ARTICLE_H_

#include <string>
#include <string_view>
#include <vector>

#include "depeche/status.h"
#include "ingest/html_body.h"
#include "ingest/html_document.h"
#include "ingest/html_metadata.h"

namespace depeche::ingest {

struct HtmlExtractOptions {
  std::string url;         // where the page came from, if known (dates in URLs, site name)
  HtmlParseOptions parse;  // charset from HTTP, size and nesting limits
  HtmlBodyOptions body;
};

struct HtmlArticle {
  std::string text;               // clean body: paragraphs separated by blank lines
  std::vector<HtmlBlock> blocks;  // the same with structure (headings, list items, quotes)
  // Title, dates (published.known() is false when none was found), authors, site name,
  // canonical URL, declared language, image. A dateline found in the body fills `published`
  // (published_source "dateline") when the page has no machine-readable date.
  HtmlMetadata metadata;
  // Why the page is not an article (no text, or an index, tag or gallery page); empty when it
  // holds one. Ingest refuses the page with this reason.
  std::string no_article;
  std::string charset;                // the charset the bytes were decoded from
  std::vector<std::string> warnings;  // charset guesses, repairs, flattened nesting
};

// Parses `bytes` (any charset) and extracts body and metadata. A body under 500 characters
// gives way to the page's JSON-LD articleBody when that is longer, and one shorter than the
// page's description is led by it (each with a warning). The page is judged no article
// (`no_article`) when it declares itself a collection without a 600-character run of text;
// when it is not declared an article and shows 5+ linked headlines and no 300-character run
// (index and tag pages); when it shows 5+ images and no 200-character run (galleries); or when
// it holds no text. A page without an article is not an error. Errors: ResourceExhausted for
// pages over options.parse.max_bytes, Internal if the parser fails. Thread-safe; no shared
// state.
Result<HtmlArticle> ExtractHtmlArticle(std::string_view bytes, const HtmlExtractOptions& options);

}  // namespace depeche::ingest

#endif  // DEPECHE_INGEST_HTML_ARTICLE_H_
