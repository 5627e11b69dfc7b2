#include "ingest/html_document.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <utility>

#include "core/strings.h"
#include "ingest/html_arena.h"

namespace depeche::ingest {
namespace {

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == ':' || c == '.';
}

bool IsRawTextElement(std::string_view name) {
  return name == "script" || name == "style" || name == "textarea" || name == "title" ||
         name == "xmp" || name == "iframe" || name == "noembed" || name == "noframes" ||
         name == "noscript";
}

// Finds the "</name" that closes a raw-text element opened before `from` (case-insensitive).
size_t FindClose(std::string_view html, size_t from, std::string_view name) {
  size_t k = from;
  while (true) {
    size_t lt = html.find("</", k);
    if (lt == std::string_view::npos) return html.size();
    std::string_view candidate = html.substr(lt + 2, name.size());
    if (candidate.size() == name.size() && core::AsciiLower(candidate) == name) return lt;
    k = lt + 2;
  }
}

// Void elements and elements whose end tag may be omitted never add lasting depth.
bool CountsForNesting(std::string_view name) {
  static constexpr std::string_view kExempt[] = {
      "area",     "base",    "br",       "col",   "embed", "hr",     "img",   "input", "link",
      "meta",     "param",   "source",   "track", "wbr",   "keygen", "p",     "li",    "dt",
      "dd",       "option",  "optgroup", "tr",    "td",    "th",     "thead", "tbody", "tfoot",
      "colgroup", "caption", "rb",       "rt",    "rtc",   "rp",     "html",  "head",  "body"};
  return std::find(std::begin(kExempt), std::end(kExempt), name) == std::end(kExempt);
}

}  // namespace

PreparedHtml PrepareHtml(std::string_view html, int max_nesting) {
  PreparedHtml result;
  std::string& out = result.html;
  out.reserve(html.size() / 2);
  int depth = 0;
  size_t copied = 0;  // html[copied, i) is still to be copied
  auto skip = [&](size_t begin, size_t end) {
    out.append(html.substr(copied, begin - copied));
    result.stripped_bytes += end - begin;
    copied = end;
  };
  size_t i = 0;
  while (i < html.size()) {
    const void* hit = std::memchr(html.data() + i, '<', html.size() - i);
    if (hit == nullptr) break;
    i = static_cast<size_t>(static_cast<const char*>(hit) - html.data());
    if (html.compare(i, 4, "<!--") == 0) {
      size_t end = html.find("-->", i + 4);
      end = end == std::string_view::npos ? html.size() : end + 3;
      skip(i, end);
      i = end;
      continue;
    }
    bool closing = i + 1 < html.size() && html[i + 1] == '/';
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
    bool self_closing = j < html.size() && html[j - 1] == '/';
    if (!closing && IsRawTextElement(name)) {
      size_t close = FindClose(html, tag_end, name);
      bool keep = name != "script" && name != "style" && name != "noscript";
      if (name == "script") {
        keep = core::AsciiLower(html.substr(name_end, tag_end - name_end)).find("ld+json") !=
               std::string::npos;
      }
      if (!keep) skip(tag_end, close);
      i = close;
      continue;
    }
    if (!closing && name == "svg" && !self_closing) {
      size_t close = FindClose(html, tag_end, name);
      size_t end = html.find('>', close);
      end = end == std::string_view::npos ? html.size() : end + 1;
      skip(i, end);
      i = end;
      continue;
    }
    if (CountsForNesting(name) && !self_closing) {
      if (closing) {
        if (depth > max_nesting) skip(i, tag_end);
        if (depth > 0) --depth;
      } else if (++depth > max_nesting) {
        result.flattened = true;
        skip(i, tag_end);
      }
    }
    i = tag_end;
  }
  out.append(html.substr(copied));
  return result;
}

struct HtmlDocument::State {
  std::string utf8;
  GumboArena arena;
  GumboOutput* output = nullptr;  // lives in `arena`: no gumbo_destroy_output needed
};

HtmlDocument::HtmlDocument(HtmlDocument&&) noexcept = default;
HtmlDocument& HtmlDocument::operator=(HtmlDocument&&) noexcept = default;
HtmlDocument::~HtmlDocument() = default;

Result<HtmlDocument> HtmlDocument::Parse(std::string_view bytes, const HtmlParseOptions& options) {
  if (bytes.size() > options.max_bytes) {
    return ResourceExhaustedError("HTML page of " + std::to_string(bytes.size()) +
                                  " bytes exceeds the limit of " +
                                  std::to_string(options.max_bytes));
  }
  HtmlDocument doc;
  std::string warning;
  doc.state_ = std::make_unique<State>();
  State& state = *doc.state_;
  state.utf8 = DecodeHtmlBytes(bytes, options.declared_charset, &doc.charset_, &warning);
  if (!warning.empty()) doc.warnings_.push_back(std::move(warning));
  PreparedHtml prepared = PrepareHtml(state.utf8, options.max_nesting);
  state.utf8 = std::move(prepared.html);
  if (prepared.flattened) {
    doc.warnings_.push_back("elements nested deeper than " + std::to_string(options.max_nesting) +
                            " were flattened");
  }
  GumboOptions gumbo_options = kGumboDefaultOptions;
  gumbo_options.max_errors = 0;  // error records copy the open-element stack: quadratic
  gumbo_options.allocator = &GumboArena::Allocate;
  gumbo_options.deallocator = &GumboArena::Deallocate;
  gumbo_options.userdata = &state.arena;
  state.output = gumbo_parse_with_options(&gumbo_options, state.utf8.data(), state.utf8.size());
  if (state.output == nullptr || state.output->root == nullptr) {
    return InternalError("gumbo failed to parse the page");
  }
  doc.root_ = state.output->root;
  const GumboVector& children = state.output->root->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (TagOf(child) == GUMBO_TAG_HEAD) doc.head_ = child;
    if (TagOf(child) == GUMBO_TAG_BODY) doc.body_ = child;
  }
  if (doc.body_ == nullptr) doc.body_ = doc.root_;
  if (doc.head_ == nullptr) doc.head_ = doc.root_;
  return doc;
}

bool IsElement(const GumboNode* node) {
  return node != nullptr && (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE);
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
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_LEGEND:
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
