// Page-level metadata of a news article: title, dates, authors, site, canonical URL, language
// and main image, read from JSON-LD, <meta> tags, <time>, <link> and the URL.
#ifndef DEPECHE_INGEST_HTML_METADATA_H_
#define DEPECHE_INGEST_HTML_METADATA_H_

#include <string>
#include <string_view>
#include <vector>

#include "depeche/article.h"
#include "ingest/html_document.h"

namespace depeche::ingest {

struct HtmlMetadata {
  std::string title;  // og:title / JSON-LD headline / h1 / <title>, site-name suffix removed
  std::string site_name;
  std::string canonical_url;  // <link rel=canonical>, og:url, else the page URL given
  std::string lang;           // primary subtag of <html lang> (or content-language), lower-case
  std::string image_url;      // og:image / twitter:image / JSON-LD image
  std::string description;    // og:description / meta description
  // What the page says it is: "article" (og:type article, a JSON-LD *Article, *Posting or
  // *Report node, or an article:published_time meta), "listing" (a JSON-LD CollectionPage,
  // ItemList, SearchResultsPage or ProfilePage, or og:type profile, and nothing saying
  // article), or "" when it says neither.
  std::string page_type;
  // The JSON-LD article node's articleBody (or text), as the page gives it; often the whole
  // article, sometimes a teaser.
  std::string json_ld_body;
  std::vector<std::string> authors;
  PublicationDate published;
  // Where `published` came from: "json-ld", "meta", "time", "text" (an element named like a
  // date or byline), "url", "dateline" or "".
  std::string published_source;
  // The date as the page wrote it ("2019-11-18T16:06:51-05:00"), keeping the local time and
  // offset that `published` (normalised to UTC) folds away; empty for URL dates.
  std::string published_text;
  PublicationDate modified;
  // JSON-LD's own datePublished, and the date the other sources give without it: kept apart
  // for evaluation and auditing.
  PublicationDate json_ld_published;
  PublicationDate published_without_json_ld;
};

// Reads the metadata of `doc`. `page_url` (may be empty) is where the page was fetched from; it
// is used for URL dates, the site name fallback and as canonical URL when the page has none.
// Dates come, in order of trust, from JSON-LD datePublished, <meta> (article:published_time
// and kin), itemprop/<time datetime>, the text of elements named like a date or byline, then
// the URL; the dateline is left to the caller, which
// has the body text. Never fails: missing fields stay empty. Thread-safe.
HtmlMetadata ExtractHtmlMetadata(const HtmlDocument& doc, std::string_view page_url);

// Removes a site-name suffix or prefix ("Title | Site", "Site - Title") when one side matches
// `site_name` or the host of `url`, or when `h1` equals one side. Exposed for tests.
std::string CleanTitle(std::string_view title, std::string_view site_name, std::string_view url,
                       std::string_view h1);

// "www.example.co.uk" from "https://www.example.co.uk/x"; empty when there is no host.
std::string HostOf(std::string_view url);

}  // namespace depeche::ingest

#endif  // DEPECHE_INGEST_HTML_METADATA_H_
