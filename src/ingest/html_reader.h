// HTML pages as articles: the extracted body, title, dates and page metadata mapped onto a
// RawArticle.
#ifndef DEPECHE_INGEST_HTML_READER_H_
#define DEPECHE_INGEST_HTML_READER_H_

#include <string_view>

#include "depeche/status.h"
#include "ingest/raw_article.h"

namespace depeche::ingest {

// Fills `raw` from the HTML page in `raw.html` (which it clears): text, title (unless given),
// published (unless given), declared language (unless given), URL (the canonical one when
// none was given), source (the site name unless given), and the rest of the page metadata
// (authors, modified date, date source, image, description, charset) as metadata fields.
// Extraction warnings are added to raw.warnings. Errors: those of ExtractHtmlArticle
// (ResourceExhausted for oversized pages), InvalidArgument with HtmlArticle::no_article's
// reason when the page holds no article (no text; an index, listing or gallery page).
Status ReadHtmlInto(RawArticle& raw);

}  // namespace depeche::ingest

#endif  // DEPECHE_INGEST_HTML_READER_H_
