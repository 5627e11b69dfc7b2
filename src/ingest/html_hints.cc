#include "ingest/html_hints.h"

#include <string>

#include "core/strings.h"

namespace depeche::ingest {
namespace {

bool ContainsAny(std::string_view s, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (s.find(w) != std::string_view::npos) return true;
  }
  return false;
}

// Ad slots are named "ad", "ads", "ad-slot", "dfp-ad", "advert"...; a plain substring test
// would hit "header", "load", "shadow", so words are split on non-letters first.
bool HasAdToken(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && !(s[i] >= 'a' && s[i] <= 'z')) ++i;
    size_t begin = i;
    while (i < s.size() && s[i] >= 'a' && s[i] <= 'z') ++i;
    std::string_view word = s.substr(begin, i - begin);
    if (word == "ad" || word == "ads" || word == "advert" || word == "advertisement" ||
        word == "adslot" || word == "adsense" || word == "dfp" || word == "gpt" ||
        word == "adunit" || word == "advertising" || word == "adwrap" || word == "adcontainer") {
      return true;
    }
  }
  return false;
}

// Names that hold a boilerplate word by accident are blanked out before matching: Drupal marks
// an article shown on the front page "node-promoted" (not a promo), and "pager" inside a word
// ("APageRoot") is no pagination.
std::string WithoutFalseFriends(std::string_view names) {
  std::string out(names);
  for (size_t at = out.find("promoted"); at != std::string::npos; at = out.find("promoted", at)) {
    out.replace(at, 8, 8, '_');
  }
  for (size_t at = out.find("pager"); at != std::string::npos; at = out.find("pager", at + 1)) {
    if (at > 0 && out[at - 1] >= 'a' && out[at - 1] <= 'z') out[at] = '_';
  }
  return out;
}

}  // namespace

ElementHints HintsOfNames(std::string_view raw_names) {
  ElementHints h;
  if (raw_names.empty()) return h;
  std::string cleaned = WithoutFalseFriends(raw_names);
  std::string_view names = cleaned;
  bool maybe = ContainsAny(names, {"and", "article", "body", "column", "content", "main", "shadow",
                                   "story", "entry", "post"});
  h.unlikely =
      !maybe &&
      ContainsAny(names,
                  {"banner", "breadcrumb", "combx",        "comment",  "community",  "disqus",
                   "extra",  "footer",     "header",       "legends",  "menu",       "related",
                   "remark", "replies",    "rss",          "shoutbox", "sidebar",    "skyscraper",
                   "social", "sponsor",    "supplemental", "agegate",  "pagination", "pager",
                   "popup",  "navbar",     "masthead",     "toolbar"});
  h.junk = HasAdToken(names) ||
           ContainsAny(names,
                       {"share",      "sharing",    "social",       "comment",      "related",
                        "newsletter", "cookie",     "consent",      "gdpr",         "promo",
                        "sponsor",    "outbrain",   "taboola",      "subscribe",    "subscription",
                        "signup",     "sign-up",    "recommend",    "popup",        "modal",
                        "breadcrumb", "author-bio", "authorbio",    "about-author", "author-info",
                        "byline",     "trending",   "most-popular", "mostpopular",  "more-stories",
                        "read-more",  "readmore",   "related",      "tags",         "skip-link",
                        "print-only", "disclaimer", "copyright",    "widget",       "jump-link",
                        "caption",    "credit",     "toolbar",      "tooltip"});
  if (ContainsAny(names, {"article", "body", "content", "entry", "hentry", "h-entry", "main",
                          "page", "post", "text", "blog", "story"})) {
    h.weight += 25;
  }
  if (ContainsAny(names,
                  {"-ad-",    "hidden",   "banner", "combx",    "comment",  "com-",    "contact",
                   "foot",    "footnote", "gdpr",   "masthead", "media",    "meta",    "outbrain",
                   "promo",   "related",  "scroll", "share",    "shoutbox", "sidebar", "skyscraper",
                   "sponsor", "shopping", "tags",   "tool",     "widget"})) {
    h.weight -= 25;
  }
  return h;
}

ElementHints HintsOf(const GumboNode* node) {
  std::string names = core::AsciiLower(AttrOf(node, "class"));
  std::string_view id = AttrOf(node, "id");
  if (!id.empty()) {
    names.push_back(' ');
    names += core::AsciiLower(id);
  }
  ElementHints h = HintsOfNames(names);
  std::string role = core::AsciiLower(AttrOf(node, "role"));
  if (role == "navigation" || role == "complementary" || role == "banner" ||
      role == "contentinfo" || role == "dialog" || role == "alertdialog" || role == "menu" ||
      role == "menubar" || role == "search") {
    h.unlikely = true;
    h.junk = true;
  }
  if (IsElement(node) && gumbo_get_attribute(&node->v.element.attributes, "hidden") != nullptr) {
    h.hidden = true;
  }
  std::string_view style = AttrOf(node, "style");
  if (!style.empty()) {
    std::string s = core::AsciiLower(style);
    std::string compact;
    for (char c : s) {
      if (c != ' ') compact.push_back(c);
    }
    if (ContainsAny(compact, {"display:none", "visibility:hidden"})) h.hidden = true;
  }
  return h;
}

}  // namespace depeche::ingest
