// An HTML page parsed into a gumbo tree: bytes in any declared or detected charset are decoded
// to UTF-8 first (gumbo only reads UTF-8), and pathological nesting is flattened so parsing stays
// fast and bounded.
#ifndef DEPECHE_INGEST_HTML_DOCUMENT_H_
#define DEPECHE_INGEST_HTML_DOCUMENT_H_

#include <gumbo.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "depeche/status.h"
#include "ingest/html_charset.h"

namespace depeche::ingest {

struct HtmlParseOptions {
  // Charset from an HTTP Content-Type header ("text/html; charset=iso-8859-1" or just the
  // name); empty when unknown. Trusted after a byte-order mark and before <meta charset>.
  std::string declared_charset;
  // Larger inputs are refused (ResourceExhausted).
  size_t max_bytes = 64u << 20;
  // Start tags nested deeper than this (counted lexically, before parsing) are dropped, because
  // gumbo's tree builder is quadratic in the depth of open elements.
  int max_nesting = 400;
};

// The lexical pre-pass run before gumbo. It removes comments, <svg> elements and the contents
// of <script> (JSON-LD kept), <style> and <noscript>: text no extractor reads, about half the
// bytes of a news page and as much of gumbo's time. It also drops start and end tags nested
// deeper than `max_nesting` (void elements and elements with optional end tags do not count),
// since gumbo's tree builder is quadratic in the depth of open elements.
struct PreparedHtml {
  std::string html;
  bool flattened = false;     // some tags were dropped for depth
  size_t stripped_bytes = 0;  // bytes removed in all
};
PreparedHtml PrepareHtml(std::string_view html, int max_nesting);

// A parsed page. Move-only; owns the UTF-8 text and the gumbo tree. Immutable after Parse, so
// concurrent reads are safe.
class HtmlDocument {
 public:
  // Errors: ResourceExhausted when larger than options.max_bytes; Internal when gumbo fails.
  static Result<HtmlDocument> Parse(std::string_view bytes, const HtmlParseOptions& options = {});

  HtmlDocument(HtmlDocument&&) noexcept;
  HtmlDocument& operator=(HtmlDocument&&) noexcept;
  ~HtmlDocument();

  const GumboNode* root() const { return root_; }
  // <html>, <head> and <body> (gumbo always creates them).
  const GumboNode* head() const { return head_; }
  const GumboNode* body() const { return body_; }
  const std::string& charset() const { return charset_; }
  const std::vector<std::string>& warnings() const { return warnings_; }

 private:
  struct State;  // the UTF-8 text, the arena and gumbo's output, which points into both
  HtmlDocument() = default;

  std::unique_ptr<State> state_;
  const GumboNode* root_ = nullptr;
  const GumboNode* head_ = nullptr;
  const GumboNode* body_ = nullptr;
  std::string charset_;
  std::vector<std::string> warnings_;
};

// Small read-only helpers over gumbo nodes (null-safe).
bool IsElement(const GumboNode* node);
GumboTag TagOf(const GumboNode* node);  // GUMBO_TAG_UNKNOWN for non-elements
// Value of attribute `name` (lower-case), empty when absent.
std::string_view AttrOf(const GumboNode* node, const char* name);
// Block-level elements: their boundaries separate words and paragraphs.
bool IsBlockLevel(GumboTag tag);
// Text content with whitespace runs collapsed to one space and trimmed; <script>, <style>,
// <noscript> and <template> are skipped. Iterative: safe on any depth.
std::string TextOf(const GumboNode* node);

}  // namespace depeche::ingest

#endif  // DEPECHE_INGEST_HTML_DOCUMENT_H_
