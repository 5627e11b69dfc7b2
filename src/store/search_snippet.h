// Search snippets: the highlighted passage a search hit shows, the same shape on both backends.
#ifndef DEPECHE_STORE_SEARCH_SNIPPET_H_
#define DEPECHE_STORE_SEARCH_SNIPPET_H_

#include <string>
#include <string_view>

namespace depeche::store {

// ts_headline's fragment is the text's words with the matches in [ and ], with no mark where
// the text goes on before or after it; FTS5's snippet has "…" there. Adds them, so that both
// backends give the same shape. The fragment is found in `text` with its highlight marks
// removed; a text that holds [ or ] itself is left as it is (rare, and only cosmetic).
std::string MarkPgFragment(std::string_view fragment, std::string_view text);

// The snippet on one line (paragraph breaks would break one-line displays), each run of
// non-space characters cut to 40 code points and the whole to 300 (FTS5 cuts snippets by tokens,
// and one token can be a 5 MB "word"), with "…" where text was cut; a highlighted match cut short
// keeps its closing ']'.
std::string CapSnippet(std::string_view snippet);

}  // namespace depeche::store

#endif  // DEPECHE_STORE_SEARCH_SNIPPET_H_
