#include "ingest/html_article.h"

#include <utility>

#include "ingest/html_dates.h"

namespace depeche::ingest {

Result<HtmlArticle> ExtractHtmlArticle(std::string_view bytes, const HtmlExtractOptions& options) {
  DEPECHE_ASSIGN_OR_RETURN(HtmlDocument doc, HtmlDocument::Parse(bytes, options.parse));
  HtmlArticle article;
  article.metadata = ExtractHtmlMetadata(doc, options.url);
  HtmlBody body = ExtractHtmlBody(doc, options.body);
  article.text = std::move(body.text);
  article.blocks = std::move(body.blocks);
  if (!article.metadata.published.known()) {
    // The dateline sits at the top of the body: look only there so a date quoted in the
    // story is not taken for the publication date.
    PublicationDate d =
        FindDateline(article.text, article.metadata.lang.empty() ? "en" : article.metadata.lang);
    if (d.known()) {
      article.metadata.published = d;
      article.metadata.published_source = "dateline";
      article.metadata.published_text = d.iso;
    }
  }
  if (!article.metadata.published_without_json_ld.known()) {
    article.metadata.published_without_json_ld =
        FindDateline(article.text, article.metadata.lang.empty() ? "en" : article.metadata.lang);
  }
  if (article.text.empty()) article.no_article = "the page holds no article text";
  article.charset = doc.charset();
  article.warnings = doc.warnings();
  return article;
}

}  // namespace depeche::ingest
