// What an element's class, id and role say about it: boilerplate (menus, share bars, comments,
// ads...) or content (article, story, body...). Used by the body extractor.
#ifndef DEPECHE_INGEST_HTML_HINTS_H_
#define DEPECHE_INGEST_HTML_HINTS_H_

#include <string_view>

#include "ingest/html_document.h"

namespace depeche::ingest {

struct ElementHints {
  // Readability's class weight: +25 for content-like names, -25 for boilerplate-like ones.
  int weight = 0;
  // Names like menu, sidebar, footer, header, pagination, unless also content-like names.
  bool unlikely = false;
  // Names that are boilerplate whatever else the element says: share, social, comment, related,
  // newsletter, cookie, promo, sponsor, ad slots, author bios, breadcrumbs, popups.
  bool junk = false;
  // hidden attribute or an inline display:none / visibility:hidden style.
  bool hidden = false;
};

// Classifies one element by its class, id, role and style attributes. Thread-safe.
ElementHints HintsOf(const GumboNode* node);

// The same on a plain lower-case "class id" string, for tests.
ElementHints HintsOfNames(std::string_view names);

}  // namespace depeche::ingest

#endif  // DEPECHE_INGEST_HTML_HINTS_H_
