// Publication dates as web pages write them: machine dates in metadata (ISO 8601, RFC 1123,
// slashed), dates in URLs, and datelines in the article text ("Nov. 19, 2019", "19 novembre
// 2019"). Month names come from ICU's locale data, so any language ICU knows works.
#ifndef DEPECHE_INGEST_HTML_DATES_H_
#define DEPECHE_INGEST_HTML_DATES_H_

#include <string_view>

#include "depeche/article.h"

namespace depeche::ingest {

// Parses a metadata date: ISO 8601 (core::ParseIsoDate), "2019/11/19", "20191119", RFC 1123
// ("Tue, 19 Nov 2019 10:05:30 GMT"), or a textual date in English or `lang`. Years outside
// 1900..2100 are refused. Returns a date with precision kNone when nothing parses.
// Thread-safe.
PublicationDate ParseLooseDate(std::string_view text, std::string_view lang = "en");

// A date in a URL path: /2019/11/19/, /2019-11-19-, /20191119/, or /2019/11/ (month
// precision). kNone when absent. Thread-safe.
PublicationDate DateFromUrl(std::string_view url);

// The first textual date ("November 19, 2019", "19 Nov 2019", "19. November 2019") in the first
// `window` bytes of `text`, with month names in English or `lang`. kNone when absent.
// Thread-safe.
PublicationDate FindDateline(std::string_view text, std::string_view lang, size_t window = 400);

}  // namespace depeche::ingest

#endif  // DEPECHE_INGEST_HTML_DATES_H_
