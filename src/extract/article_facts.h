// Between the quote and figure extractors' results and the article's stored facts
// (Article::quotes, Article::figures): spans to depeche::Span, kinds and bounds to their names,
// and the facts that lie in the article's boilerplate left out.
#ifndef DEPECHE_EXTRACT_ARTICLE_FACTS_H_
#define DEPECHE_EXTRACT_ARTICLE_FACTS_H_

#include <string>
#include <string_view>
#include <vector>

#include "depeche/article.h"
#include "extract/figures.h"
#include "extract/quotes.h"

namespace depeche::extract {

// `quotes` (QuoteExtractor::Extract's, in its order) as Article::quotes, without those whose
// first content span starts in a boilerplate span of `boilerplate` (sorted, as
// Article::boilerplate) other than an embedded post ("tweet": its words are its author's).
// Antecedent indexes are renumbered; one pointing at a quote left out becomes -1. Content and
// partial spans are trimmed of the spaces (no-break ones too) inside the marks ("« Nous ...
// »"); a span left empty is dropped. `text` is the text the quotes were found in.
std::vector<depeche::Quote> ArticleQuotes(std::string_view text,
                                          const std::vector<extract::Quote>& quotes,
                                          const std::vector<BoilerplateSpan>& boilerplate);

// `text` with the line breaks that only wrap a paragraph's lines turned into spaces (same
// length, so offsets hold), for the quote extractor, which reads a line break as a paragraph's
// end. A text is hard-wrapped when it marks its paragraphs by indenting their first line (at
// least two lines start with a space or a tab, as wire copy does): there, a line break followed
// by a non-blank character wraps. Other texts are returned as they are.
std::string SoftWrapsAsSpaces(std::string_view text);

// `figures` as Article::figures, without those that start in boilerplate (as above).
std::vector<depeche::Figure> ArticleFigures(const std::vector<extract::Figure>& figures,
                                            const std::vector<BoilerplateSpan>& boilerplate);

}  // namespace depeche::extract

#endif  // DEPECHE_EXTRACT_ARTICLE_FACTS_H_
