#include "ingest/html_reader.h"

#include <nlohmann/json.hpp>

#include "ingest/html_article.h"

namespace depeche::ingest {

Status ReadHtmlInto(RawArticle& raw) {
  HtmlExtractOptions options;
  options.url = raw.url;
  auto page = ExtractHtmlArticle(raw.html, options);
  raw.html.clear();
  raw.html.shrink_to_fit();
  if (!page.ok()) return page.status();
  if (!page->no_article.empty()) return InvalidArgumentError(page->no_article);
  const HtmlMetadata& m = page->metadata;
  raw.text = std::move(page->text);
  if (raw.title.empty() && !m.title.empty()) {
    raw.title = m.title;
    raw.title_origin = "html";
  }
  if (raw.published.empty() && m.published.known()) {
    raw.published = m.published.iso;
    // A page's own metadata (JSON-LD, meta, time elements) is "metadata"; a date read from its
    // URL or its first lines says so.
    raw.published_source = m.published_source == "url" || m.published_source == "dateline"
                               ? m.published_source
                               : "metadata";
  }
  if (raw.lang.empty()) raw.lang = m.lang;
  if (raw.url.empty()) raw.url = m.canonical_url;
  if (raw.source.empty()) raw.source = m.site_name;
  for (std::string& w : page->warnings) raw.warnings.push_back(std::move(w));

  nlohmann::json meta = nlohmann::json::parse(raw.metadata_json, nullptr, false);
  if (!meta.is_object()) meta = nlohmann::json::object();
  auto put = [&meta](const char* key, const std::string& value) {
    if (!value.empty() && !meta.contains(key)) meta[key] = value;
  };
  if (!m.authors.empty() && !meta.contains("authors")) meta["authors"] = m.authors;
  put("site_name", m.site_name);
  put("canonical_url", m.canonical_url);
  put("image", m.image_url);
  put("description", m.description);
  put("published_source", m.published_source);
  put("published_text", m.published_text);
  if (m.modified.known()) put("modified", m.modified.iso);
  put("html_lang", m.lang);
  put("charset", page->charset);
  raw.metadata_json = meta.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return Status::Ok();
}

}  // namespace depeche::ingest
