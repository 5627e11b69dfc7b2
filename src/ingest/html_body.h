// Main-content extraction: finds the article body in a parsed page and returns it as clean
// blocks (paragraphs, headings, list items, quotes), dropping navigation, menus, share bars,
// cookie banners, related-article lists, comments, ads, author boxes and newsletter forms.
#ifndef DEPECHE_INGEST_HTML_BODY_H_
#define DEPECHE_INGEST_HTML_BODY_H_

#include <string>
#include <vector>

#include "ingest/html_document.h"

namespace depeche::ingest {

enum class HtmlBlockKind { kParagraph, kHeading, kListItem, kQuote, kPreformatted, kTableCell };

struct HtmlBlock {
  HtmlBlockKind kind = HtmlBlockKind::kParagraph;
  int heading_level = 0;  // 1..6 for kHeading
  std::string text;       // whitespace collapsed; <br> kept as '\n'
};

struct HtmlBody {
  std::vector<HtmlBlock> blocks;  // document order
  std::string text;               // blocks joined by blank lines
  // What the chosen content looks like, for telling an article from a list of them:
  int teaser_links = 0;      // blocks of 20+ characters made mostly of a link (headlines)
  int images = 0;            // images in the chosen content
  size_t longest_prose = 0;  // code points of the longest run of text not broken by a link
                             // block or a heading
};

struct HtmlBodyOptions {
  // Blocks shorter than this (in code points) do not vote for the content container.
  int min_scored_chars = 25;
  // Drop an <h1> (the headline: it belongs in the title, not the body).
  bool drop_h1 = true;
};

// Readability-style extraction. Every element is scored by the paragraphs it holds (length,
// commas), damped by link density and weighted by class/id hints; the best container and its
// qualifying siblings are kept, then link-heavy, form-like or hinted boilerplate inside them is
// cleaned out. All walks are iterative, so any nesting depth is safe. Never fails: a page with
// no text gives an empty body. Thread-safe (reads `doc` only).
HtmlBody ExtractHtmlBody(const HtmlDocument& doc, const HtmlBodyOptions& options = {});

}  // namespace depeche::ingest

#endif  // DEPECHE_INGEST_HTML_BODY_H_
