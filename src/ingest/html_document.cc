#include "ingest/html_document.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <utility>

#include "core/strings.h"
#include "ingest/charset.h"
#include "text/utf8.h"

namespace depeche::ingest {
namespace {

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == ':' || c == '.';
}

// The names a page may declare, mapped the way the WHATWG Encoding standard does for the
// common cases; anything else goes to ICU as is.
std::string CanonicalCharset(std::string_view name) {
  std::string lower = core::AsciiLower(core::Trim(name));
  lower.erase(std::remove(lower.begin(), lower.end(), '"'), lower.end());
  lower.erase(std::remove(lower.begin(), lower.end(), '\''), lower.end());
  if (lower.empty()) return "";
  if (lower == "utf8" || lower == "utf-8" || lower == "unicode-1-1-utf-8") return "utf-8";
  // A <meta> cannot honestly declare UTF-16 (the prescan read it as ASCII).
  if (lower.rfind("utf-16", 0) == 0 || lower == "unicode") return "utf-8";
  if (lower == "iso-8859-1" || lower == "iso8859-1" || lower == "latin1" || lower == "latin-1" ||
      lower == "us-ascii" || lower == "ascii" || lower == "l1" || lower == "cp1252" ||
      lower == "windows-1252" || lower == "x-cp1252" || lower == "iso_8859-1") {
    return "windows-1252";
  }
  if (lower == "iso-8859-9" || lower == "latin5") return "windows-1254";
  if (lower == "gb2312" || lower == "gbk" || lower == "x-gbk") return "gb18030";
  return lower;
}

// Reads the value after "charset" in `s` starting at `pos` (just past the word).
std::string_view CharsetValueAt(std::string_view s, size_t pos) {
  while (pos < s.size() && IsAsciiSpace(s[pos])) ++pos;
  if (pos >= s.size() || s[pos] != '=') return {};
  ++pos;
  while (pos < s.size() && (IsAsciiSpace(s[pos]) || s[pos] == '"' || s[pos] == '\'')) ++pos;
  size_t begin = pos;
  while (pos < s.size() && IsNameChar(s[pos])) ++pos;
  return s.substr(begin, pos - begin);
}

// The WHATWG prescan, simplified: the first <meta> in the first 4 KB whose attributes carry
// "charset=" (either <meta charset> or an http-equiv Content-Type content).
std::string PrescanMetaCharset(std::string_view bytes) {
  std::string head = core::AsciiLower(bytes.substr(0, 4096));
  size_t pos = 0;
  while ((pos = head.find("<meta", pos)) != std::string::npos) {
    size_t end = head.find('>', pos);
    if (end == std::string::npos) end = head.size();
    std::string_view tag = std::string_view(head).substr(pos, end - pos);
    size_t at = tag.find("charset");
    while (at != std::string_view::npos) {
      std::string_view value = CharsetValueAt(tag, at + 7);
      if (!value.empty()) return std::string(value);
      at = tag.find("charset", at + 7);
    }
    pos = end;
  }
  return "";
}

bool ConvertToUtf8(std::string_view bytes, const std::string& charset, std::string* out) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* raw = ucnv_open(charset.c_str(), &status);
  if (U_FAILURE(status) || raw == nullptr) return false;
  std::unique_ptr<UConverter, void (*)(UConverter*)> conv(raw, &ucnv_close);
  std::string result(bytes.size() * 3 + 16, '\0');
  status = U_ZERO_ERROR;
  int32_t n = ucnv_toAlgorithmic(UCNV_UTF8, conv.get(), result.data(),
                                 static_cast<int32_t>(result.size()), bytes.data(),
                                 static_cast<int32_t>(bytes.size()), &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) {
    result.assign(static_cast<size_t>(n) + 16, '\0');
    status = U_ZERO_ERROR;
    ucnv_reset(conv.get());
    n = ucnv_toAlgorithmic(UCNV_UTF8, conv.get(), result.data(),
                           static_cast<int32_t>(result.size()), bytes.data(),
                           static_cast<int32_t>(bytes.size()), &status);
  }
  if (U_FAILURE(status)) return false;
  result.resize(static_cast<size_t>(n));
  *out = text::RepairUtf8(result).text;  // drops NULs; ICU output is otherwise valid
  return true;
}

std::string DetectCharset(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector* raw = ucsdet_open(&status);
  if (U_FAILURE(status) || raw == nullptr) return "";
  std::unique_ptr<UCharsetDetector, void (*)(UCharsetDetector*)> det(raw, &ucsdet_close);
  ucsdet_enableInputFilter(det.get(), true);  // ignore markup when guessing
  std::string_view sample = bytes.substr(0, 1u << 16);
  ucsdet_setText(det.get(), sample.data(), static_cast<int32_t>(sample.size()), &status);
  const UCharsetMatch* match = ucsdet_detect(det.get(), &status);
  if (U_FAILURE(status) || match == nullptr) return "";
  const char* name = ucsdet_getName(match, &status);
  return U_FAILURE(status) || name == nullptr ? "" : CanonicalCharset(name);
}

bool HasNonAscii(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return (c & 0x80) != 0; });
}

bool IsRawTextElement(std::string_view name) {
  return name == "script" || name == "style" || name == "textarea" || name == "title" ||
         name == "xmp" || name == "iframe" || name == "noembed" || name == "noframes";
}

// Void elements and elements whose end tag may be omitted never add lasting depth.
bool CountsForNesting(std::string_view name) {
  static constexpr std::string_view kExempt[] = {
      "area", "base",  "br",    "col",      "embed", "hr",    "img",  "input", "link",
      "meta", "param", "source", "track",   "wbr",   "keygen", "p",   "li",    "dt",
      "dd",   "option", "optgroup", "tr",   "td",    "th",    "thead", "tbody", "tfoot",
      "colgroup", "caption", "rb", "rt",  "rtc",   "rp",    "html", "head",  "body"};
  return std::find(std::begin(kExempt), std::end(kExempt), name) == std::end(kExempt);
}

// One lexical pass; with `out` null it only reports whether the limit is exceeded.
bool NestingPass(std::string_view html, int max_nesting, std::string* out) {
  int depth = 0;
  bool exceeded = false;
  size_t copied = 0;  // html[copied, i) is pending for `out`
  auto drop = [&](size_t begin, size_t end) {
    if (out != nullptr) {
      out->append(html.substr(copied, begin - copied));
      copied = end;
    }
  };
  size_t i = 0;
  while (true) {
    const void* hit = std::memchr(html.data() + i, '<', html.size() - i);
    if (hit == nullptr) break;
    i = static_cast<size_t>(static_cast<const char*>(hit) - html.data());
    std::string_view rest = html.substr(i);
    if (rest.substr(0, 4) == "<!--") {
      size_t end = html.find("-->", i + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    bool closing = rest.size() > 1 && rest[1] == '/';
    size_t name_begin = i + (closing ? 2 : 1);
    if (name_begin >= html.size() || !std::isalpha(static_cast<unsigned char>(html[name_begin]))) {
      ++i;
      continue;
    }
    size_t name_end = name_begin;
    while (name_end < html.size() && IsNameChar(html[name_end])) ++name_end;
    std::string name = core::AsciiLower(html.substr(name_begin, name_end - name_begin));
    size_t j = name_end;
    char quote = 0;
    while (j < html.size() && (quote != 0 || html[j] != '>')) {
      if (quote != 0 && html[j] == quote) {
        quote = 0;
      } else if (quote == 0 && (html[j] == '"' || html[j] == '\'') && html[j - 1] == '=') {
        quote = html[j];
      }
      ++j;
    }
    size_t tag_end = std::min(j + 1, html.size());
    bool self_closing = j > 0 && j < html.size() && html[j - 1] == '/';
    if (!closing && IsRawTextElement(name)) {
      std::string lower_close = "</" + name;
      size_t k = tag_end;
      while (k < html.size()) {
        size_t lt = html.find("</", k);
        if (lt == std::string_view::npos) {
          k = html.size();
          break;
        }
        if (core::AsciiLower(html.substr(lt, lower_close.size())) == lower_close) {
          k = lt;
          break;
        }
        k = lt + 2;
      }
      i = k;
      continue;
    }
    if (CountsForNesting(name) && !self_closing) {
      if (closing) {
        if (depth > max_nesting) drop(i, tag_end);
        if (depth > 0) --depth;
      } else {
        ++depth;
        if (depth > max_nesting) {
          exceeded = true;
          if (out == nullptr) return true;
          drop(i, tag_end);
        }
      }
    }
    i = tag_end;
  }
  if (out != nullptr) out->append(html.substr(copied));
  return exceeded;
}

}  // namespace

std::string DecodeHtmlBytes(std::string_view bytes, std::string_view declared_charset,
                            std::string* charset_used, std::string* warning) {
  std::string charset;
  std::string sink_warning;
  if (warning == nullptr) warning = &sink_warning;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    bytes.remove_prefix(3);
    charset = "utf-8";
  } else if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
    std::string out;
    charset = bytes[0] == '\xFF' ? "utf-16le" : "utf-16be";
    if (ConvertToUtf8(bytes.substr(2), charset, &out)) {
      if (charset_used != nullptr) *charset_used = charset;
      return out;
    }
    charset.clear();
  }
  if (charset.empty()) {
    size_t at = core::AsciiLower(declared_charset).find("charset");
    charset = CanonicalCharset(at == std::string::npos
                                   ? declared_charset
                                   : CharsetValueAt(declared_charset, at + 7));
  }
  if (charset.empty()) charset = CanonicalCharset(PrescanMetaCharset(bytes));
  bool valid_utf8 = text::IsValidUtf8(bytes);
  if (!charset.empty() && charset != "utf-8") {
    if (valid_utf8 && HasNonAscii(bytes)) {
      // Valid multi-byte UTF-8 is almost never a legacy text by accident: the label is stale.
      *warning = "declared " + charset + " but the bytes are valid UTF-8: read as UTF-8";
      charset = "utf-8";
    } else {
      std::string out;
      if (ConvertToUtf8(bytes, charset, &out)) {
        if (charset_used != nullptr) *charset_used = charset;
        return out;
      }
      *warning = "unknown charset '" + charset + "'";
      charset.clear();
    }
  }
  if (valid_utf8) {
    if (charset_used != nullptr) *charset_used = "utf-8";
    return std::string(bytes);
  }
  if (charset.empty()) {
    std::string detected = DetectCharset(bytes);
    std::string out;
    if (!detected.empty() && detected != "utf-8" && ConvertToUtf8(bytes, detected, &out)) {
      *warning += (warning->empty() ? "" : "; ") + std::string("no charset declared: detected ") +
                  detected;
      if (charset_used != nullptr) *charset_used = detected;
      return out;
    }
  }
  DecodedText decoded = DecodeToUtf8(bytes);
  *warning += (warning->empty() ? "" : "; ") + decoded.warning;
  if (charset_used != nullptr) *charset_used = "utf-8";
  return std::move(decoded.text);
}

bool LimitHtmlNesting(std::string_view html, int max_nesting, std::string* out) {
  if (!NestingPass(html, max_nesting, nullptr)) return false;
  out->clear();
  out->reserve(html.size());
  NestingPass(html, max_nesting, out);
  return true;
}

void HtmlDocument::OutputDeleter::operator()(GumboOutput* output) const {
  if (output != nullptr) gumbo_destroy_output(&kGumboDefaultOptions, output);
}

Result<HtmlDocument> HtmlDocument::Parse(std::string_view bytes, const HtmlParseOptions& options) {
  if (bytes.size() > options.max_bytes) {
    return ResourceExhaustedError("HTML page of " + std::to_string(bytes.size()) +
                                  " bytes exceeds the limit of " +
                                  std::to_string(options.max_bytes));
  }
  HtmlDocument doc;
  std::string warning;
  doc.utf8_ = std::make_unique<std::string>(
      DecodeHtmlBytes(bytes, options.declared_charset, &doc.charset_, &warning));
  if (!warning.empty()) doc.warnings_.push_back(std::move(warning));
  std::string flattened;
  if (LimitHtmlNesting(*doc.utf8_, options.max_nesting, &flattened)) {
    *doc.utf8_ = std::move(flattened);
    doc.warnings_.push_back("elements nested deeper than " + std::to_string(options.max_nesting) +
                            " were flattened");
  }
  GumboOptions gumbo_options = kGumboDefaultOptions;
  gumbo_options.max_errors = 0;  // error records copy the open-element stack: quadratic
  doc.output_.reset(
      gumbo_parse_with_options(&gumbo_options, doc.utf8_->data(), doc.utf8_->size()));
  if (doc.output_ == nullptr || doc.output_->root == nullptr) {
    return InternalError("gumbo failed to parse the page");
  }
  const GumboVector& children = doc.output_->root->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (TagOf(child) == GUMBO_TAG_HEAD) doc.head_ = child;
    if (TagOf(child) == GUMBO_TAG_BODY) doc.body_ = child;
  }
  if (doc.body_ == nullptr) doc.body_ = doc.output_->root;
  if (doc.head_ == nullptr) doc.head_ = doc.output_->root;
  return doc;
}

bool IsElement(const GumboNode* node) {
  return node != nullptr &&
         (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE);
}

GumboTag TagOf(const GumboNode* node) {
  return IsElement(node) ? node->v.element.tag : GUMBO_TAG_UNKNOWN;
}

std::string_view AttrOf(const GumboNode* node, const char* name) {
  if (!IsElement(node)) return {};
  const GumboAttribute* attr = gumbo_get_attribute(&node->v.element.attributes, name);
  return attr == nullptr || attr->value == nullptr ? std::string_view() : attr->value;
}

bool IsBlockLevel(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_BODY: case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_CENTER: case GUMBO_TAG_DD: case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM: case GUMBO_TAG_H1:
    case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_HR:
    case GUMBO_TAG_HTML: case GUMBO_TAG_LI: case GUMBO_TAG_MAIN: case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_TD: case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TH: case GUMBO_TAG_THEAD: case GUMBO_TAG_TR: case GUMBO_TAG_UL:
    case GUMBO_TAG_SUMMARY: case GUMBO_TAG_MENU: case GUMBO_TAG_LEGEND:
      return true;
    default:
      return false;
  }
}

std::string TextOf(const GumboNode* node) {
  std::string out;
  if (node == nullptr) return out;
  std::vector<const GumboNode*> stack{node};
  bool pending_space = false;
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n == nullptr) {  // marks the end of a block element
      pending_space = true;
      continue;
    }
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
        n->type == GUMBO_NODE_CDATA) {
      for (const char* p = n->v.text.text; *p != '\0'; ++p) {
        if (IsAsciiSpace(*p)) {
          pending_space = true;
        } else {
          if (pending_space && !out.empty()) out.push_back(' ');
          pending_space = false;
          out.push_back(*p);
        }
      }
      continue;
    }
    if (!IsElement(n)) continue;
    GumboTag tag = n->v.element.tag;
    if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_NOSCRIPT ||
        tag == GUMBO_TAG_TEMPLATE) {
      continue;
    }
    if (tag == GUMBO_TAG_BR) pending_space = true;
    if (IsBlockLevel(tag)) stack.push_back(nullptr);
    const GumboVector& children = n->v.element.children;
    for (unsigned i = children.length; i > 0; --i) {
      stack.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
    }
  }
  return out;
}

}  // namespace depeche::ingest
