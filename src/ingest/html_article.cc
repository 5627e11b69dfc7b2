#include "ingest/html_article.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "ingest/html_dates.h"

namespace depeche::ingest {
namespace {

// A body shorter than this (in code points) may have lost its text to the boilerplate
// filters: the page's own copy of the article (JSON-LD articleBody) is then preferred when it
// is longer.
constexpr size_t kShortBody = 500;
// A description shorter than this is a tagline, not a text that can stand for the article.
constexpr size_t kMinDescription = 80;
// Index pages: at least this many linked headlines and no run of text this long. A brief of
// 400 characters is one run; a tag page's teasers are runs of one or two sentences.
constexpr int kIndexTeasers = 5;
constexpr size_t kIndexProse = 300;
// Pages declared as lists of articles (JSON-LD CollectionPage, ItemList...) need a longer run.
constexpr size_t kListingProse = 600;
// Galleries: this many images in the content, and captions-only text.
constexpr int kGalleryImages = 5;
constexpr size_t kGalleryProse = 200;

constexpr char kNoText[] = "the page holds no article text";

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Plain text as paragraphs: lines with their white space collapsed, blank lines dropped.
std::vector<std::string> Paragraphs(std::string_view text) {
  std::vector<std::string> out;
  std::string line;
  bool space = false;
  auto flush = [&] {
    if (!line.empty()) out.push_back(std::move(line));
    line.clear();
    space = false;
  };
  for (char c : text) {
    if (c == '\n' || c == '\r') {
      flush();
    } else if (c == ' ' || c == '\t' || c == '\f') {
      space = !line.empty();
    } else {
      if (space) line.push_back(' ');
      space = false;
      line.push_back(c);
    }
  }
  flush();
  return out;
}

// Replaces the body with `text` (plain text, one paragraph a line).
void UseText(std::string_view text, HtmlArticle& article) {
  article.text.clear();
  article.blocks.clear();
  for (std::string& p : Paragraphs(text)) {
    if (!article.text.empty()) article.text += "\n\n";
    article.text += p;
    HtmlBlock block;
    block.text = std::move(p);
    article.blocks.push_back(std::move(block));
  }
}

// Why the page is not an article, or "" when it is one.
std::string NoArticleReason(const HtmlBody& body, const HtmlMetadata& m, size_t chars) {
  std::string prose = std::to_string(body.longest_prose);
  if (m.page_type == "listing" && body.longest_prose < kListingProse) {
    return "a listing page (declared a collection of items; its longest run of text is " + prose +
           " characters)";
  }
  if (m.page_type != "article" && body.teaser_links >= kIndexTeasers &&
      body.longest_prose < kIndexProse) {
    return "an index page (" + std::to_string(body.teaser_links) +
           " linked headlines; its longest run of text is " + prose + " characters)";
  }
  if (body.images >= kGalleryImages && body.longest_prose < kGalleryProse) {
    return "a gallery page (" + std::to_string(body.images) +
           " images; its longest run of text is " + prose + " characters)";
  }
  if (chars == 0) return kNoText;
  return "";
}

}  // namespace

Result<HtmlArticle> ExtractHtmlArticle(std::string_view bytes, const HtmlExtractOptions& options) {
  DEPECHE_ASSIGN_OR_RETURN(HtmlDocument doc, HtmlDocument::Parse(bytes, options.parse));
  HtmlArticle article;
  article.metadata = ExtractHtmlMetadata(doc, options.url);
  HtmlBody body = ExtractHtmlBody(doc, options.body);
  article.text = std::move(body.text);
  article.blocks = std::move(body.blocks);
  size_t chars = CodePoints(article.text);
  const HtmlMetadata& m = article.metadata;
  article.no_article = NoArticleReason(body, m, chars);
  // The page's own copies of the text below stand in for a lost body, never for a list.
  bool may_fall_back =
      m.page_type != "listing" && (article.no_article.empty() || article.no_article == kNoText);
  // A short or empty body next to a longer copy of the article in the page's own data: the
  // filters took the text for boilerplate, the page says otherwise. HTML inside the JSON-LD
  // (some sites put markup there) is not used.
  if (may_fall_back && chars < kShortBody &&
      CodePoints(m.json_ld_body) > std::max<size_t>(chars + chars / 2, kMinDescription) &&
      m.json_ld_body.find("</") == std::string::npos) {
    article.warnings.push_back("the body held " + std::to_string(chars) +
                               " characters; the page's JSON-LD articleBody is used instead");
    UseText(m.json_ld_body, article);
    article.no_article.clear();
  } else if (may_fall_back && CodePoints(m.description) >= kMinDescription &&
             CodePoints(m.description) > chars + chars / 2) {
    // A video or audio page, or one whose text sits in a player caption: the description says
    // more than the body, and is the article a reader gets. What the body holds beyond it is
    // kept after it.
    article.warnings.push_back("the body held " + std::to_string(chars) +
                               " characters; the page's description leads the text");
    std::string text = m.description;
    if (!article.text.empty() && m.description.find(article.text) == std::string::npos) {
      text += "\n" + article.text;
    }
    UseText(text, article);
    article.no_article.clear();
  }
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
  article.charset = doc.charset();
  article.warnings.insert(article.warnings.begin(), doc.warnings().begin(), doc.warnings().end());
  return article;
}

}  // namespace depeche::ingest
