#include "ingest/html_metadata.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <utility>

#include "core/strings.h"
#include "ingest/html_dates.h"

namespace depeche::ingest {
namespace {

using nlohmann::json;

struct MetaEntry {
  std::string key;  // lower-case property / name / itemprop / http-equiv
  std::string content;
};

// Everything one walk over the tree collects.
struct PageFacts {
  std::vector<MetaEntry> metas;
  std::vector<std::string> json_ld;
  std::string title_tag;
  std::string first_h1;
  std::string html_lang;
  std::string canonical;
  std::string image_src;
  std::string itemprop_published;
  std::string time_datetime;
  std::vector<std::string> itemprop_authors;
  // Short visible texts of elements named like a date or byline ("post-date", "byline").
  std::vector<std::string> named_dates;
};

std::string_view FirstMeta(const PageFacts& f, std::initializer_list<std::string_view> keys) {
  for (std::string_view key : keys) {
    for (const MetaEntry& m : f.metas) {
      if (m.key == key && !core::Trim(m.content).empty()) return core::Trim(m.content);
    }
  }
  return {};
}

PageFacts CollectFacts(const HtmlDocument& doc) {
  PageFacts f;
  f.html_lang = std::string(AttrOf(doc.root(), "lang"));
  std::vector<const GumboNode*> stack{doc.root()};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (!IsElement(n)) continue;
    GumboTag tag = TagOf(n);
    if (tag == GUMBO_TAG_SVG || tag == GUMBO_TAG_MATH) continue;
    std::string_view itemprop = AttrOf(n, "itemprop");
    switch (tag) {
      case GUMBO_TAG_META: {
        std::string_view content = AttrOf(n, "content");
        for (const char* attr : {"property", "name", "itemprop", "http-equiv"}) {
          std::string_view key = AttrOf(n, attr);
          if (!key.empty())
            f.metas.push_back({core::AsciiLower(core::Trim(key)), std::string(content)});
        }
        break;
      }
      case GUMBO_TAG_SCRIPT:
        if (core::AsciiLower(core::Trim(AttrOf(n, "type"))) == "application/ld+json") {
          std::string text;
          const GumboVector& kids = n->v.element.children;
          for (unsigned i = 0; i < kids.length; ++i) {
            const auto* kid = static_cast<const GumboNode*>(kids.data[i]);
            if (kid->type == GUMBO_NODE_TEXT || kid->type == GUMBO_NODE_WHITESPACE ||
                kid->type == GUMBO_NODE_CDATA) {
              text += kid->v.text.text;
            }
          }
          f.json_ld.push_back(std::move(text));
        }
        continue;
      case GUMBO_TAG_STYLE:
      case GUMBO_TAG_NOSCRIPT:
      case GUMBO_TAG_TEMPLATE:
        continue;
      case GUMBO_TAG_TITLE:
        if (f.title_tag.empty()) f.title_tag = TextOf(n);
        continue;
      case GUMBO_TAG_H1:
        if (f.first_h1.empty()) f.first_h1 = TextOf(n);
        break;
      case GUMBO_TAG_LINK: {
        std::string rel = core::AsciiLower(AttrOf(n, "rel"));
        if (rel == "canonical" && f.canonical.empty()) f.canonical = AttrOf(n, "href");
        if (rel == "image_src" && f.image_src.empty()) f.image_src = AttrOf(n, "href");
        break;
      }
      case GUMBO_TAG_TIME:
        if (f.time_datetime.empty()) f.time_datetime = AttrOf(n, "datetime");
        break;
      default:
        break;
    }
    if (f.named_dates.size() < 8 && tag != GUMBO_TAG_HTML && tag != GUMBO_TAG_BODY) {
      std::string names = core::AsciiLower(AttrOf(n, "class"));
      names += ' ';
      names += core::AsciiLower(AttrOf(n, "id"));
      bool dated =
          names.find("date") != std::string::npos || names.find("publish") != std::string::npos ||
          names.find("posted") != std::string::npos ||
          names.find("timestamp") != std::string::npos || names.find("byline") != std::string::npos;
      bool modified =
          names.find("updat") != std::string::npos || names.find("modif") != std::string::npos;
      if (dated && !modified) {
        std::string text = TextOf(n);
        if (!text.empty() && text.size() < 160) f.named_dates.push_back(std::move(text));
      }
    }
    if (!itemprop.empty()) {
      std::string prop = core::AsciiLower(itemprop);
      if (prop == "datepublished" && f.itemprop_published.empty()) {
        std::string_view v = AttrOf(n, "datetime");
        if (v.empty()) v = AttrOf(n, "content");
        f.itemprop_published = v.empty() ? TextOf(n) : std::string(v);
      }
      if (prop == "author" && tag != GUMBO_TAG_META && tag != GUMBO_TAG_LINK) {
        std::string name = TextOf(n);
        if (!name.empty() && name.size() < 80) f.itemprop_authors.push_back(std::move(name));
        continue;
      }
    }
    const GumboVector& children = n->v.element.children;
    for (unsigned i = children.length; i > 0; --i) {
      stack.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
    }
  }
  return f;
}

// Repairs the two JSON-LD bugs sites ship most: raw control characters inside strings and
// trailing commas before '}' or ']'.
std::string RelaxJson(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  bool in_string = false;
  for (size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if (in_string) {
      if (c == '\\' && i + 1 < raw.size()) {
        out.push_back(c);
        out.push_back(raw[++i]);
        continue;
      }
      if (c == '"') in_string = false;
      out.push_back(static_cast<unsigned char>(c) < 0x20 ? ' ' : c);
      continue;
    }
    if (c == '"') in_string = true;
    if (c == ',') {
      size_t next = raw.find_first_not_of(" \t\r\n", i + 1);
      if (next != std::string_view::npos && (raw[next] == '}' || raw[next] == ']')) continue;
    }
    out.push_back(c);
  }
  return out;
}

bool TypeMatches(const json& obj, std::initializer_list<std::string_view> suffixes) {
  auto it = obj.find("@type");
  if (it == obj.end()) return false;
  auto one = [&](const json& t) {
    if (!t.is_string()) return false;
    const std::string& s = t.get_ref<const std::string&>();
    return std::any_of(suffixes.begin(), suffixes.end(),
                       [&](std::string_view suffix) { return core::EndsWith(s, suffix); });
  };
  if (it->is_array()) return std::any_of(it->begin(), it->end(), one);
  return one(*it);
}

std::string StringOf(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_array() && !v.empty()) return StringOf(v.front());
  if (v.is_object()) {
    for (const char* key : {"name", "url", "@id"}) {
      auto it = v.find(key);
      if (it != v.end() && it->is_string()) return it->get<std::string>();
    }
  }
  return "";
}

// The JSON-LD object describing the article: an *Article / *Posting typed node first, else any
// node with a datePublished. Searches @graph and nested arrays without recursion. Sets
// `*typed` when a node is typed as an article, `*listing` when one is typed as a list of them.
json FindArticleObject(const std::vector<std::string>& scripts, bool* typed, bool* listing) {
  json fallback;
  for (const std::string& raw : scripts) {
    json root = json::parse(raw, nullptr, false);
    if (root.is_discarded()) {
      root = json::parse(RelaxJson(raw), nullptr, false);
      if (root.is_discarded()) continue;
    }
    std::vector<const json*> stack{&root};
    size_t visited = 0;
    while (!stack.empty() && ++visited < 10000) {
      const json* v = stack.back();
      stack.pop_back();
      if (v->is_array()) {
        for (auto it = v->rbegin(); it != v->rend(); ++it) stack.push_back(&*it);
        continue;
      }
      if (!v->is_object()) continue;
      bool article = TypeMatches(*v, {"Article", "Posting", "Report"});
      *typed = *typed || article;
      *listing = *listing || TypeMatches(*v, {"CollectionPage", "ItemList", "SearchResultsPage",
                                              "ProfilePage"});
      if (article && v->contains("datePublished")) return *v;
      if (article && fallback.is_null()) fallback = *v;
      if (fallback.is_null() && v->contains("datePublished")) fallback = *v;
      for (const char* key : {"@graph", "mainEntity", "itemListElement"}) {
        auto it = v->find(key);
        if (it != v->end()) stack.push_back(&*it);
      }
    }
  }
  return fallback;
}

void AddAuthor(std::string name, std::vector<std::string>* authors) {
  name = std::string(core::Trim(name));
  if (core::StartsWith(core::AsciiLower(name), "by ")) name = name.substr(3);
  if (name.empty() || name.size() > 100 || name.find("://") != std::string::npos) return;
  if (std::find(authors->begin(), authors->end(), name) == authors->end()) {
    authors->push_back(std::move(name));
  }
}

std::string PrimaryLang(std::string_view tag) {
  std::string lower = core::AsciiLower(core::Trim(tag));
  size_t cut = lower.find_first_of("-_");
  if (cut != std::string::npos) lower.resize(cut);
  return lower.size() >= 2 && lower.size() <= 3 ? lower : "";
}

// Splits "A | B" style titles at the first separator found.
std::vector<std::string> SplitTitle(std::string_view title) {
  static constexpr std::string_view kSeparators[] = {
      " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xB7 ", " \xC2\xBB ", " / "};
  for (std::string_view sep : kSeparators) {
    size_t at = title.rfind(sep);
    if (at != std::string_view::npos) {
      return {std::string(core::Trim(title.substr(0, at))),
              std::string(core::Trim(title.substr(at + sep.size())))};
    }
  }
  return {std::string(title)};
}

std::string Squash(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80)) {
      out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
  }
  return out;
}

}  // namespace

std::string HostOf(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return "";
  std::string_view rest = url.substr(scheme + 3);
  size_t end = rest.find_first_of("/?#:");
  return core::AsciiLower(rest.substr(0, end));
}

std::string CleanTitle(std::string_view title, std::string_view site_name, std::string_view url,
                       std::string_view h1) {
  title = core::Trim(title);
  std::vector<std::string> parts = SplitTitle(title);
  if (parts.size() < 2) return std::string(title);
  std::string site = Squash(site_name);
  std::string host = Squash(HostOf(url));
  auto is_site = [&](const std::string& part) {
    std::string s = Squash(part);
    if (s.empty()) return false;
    if (!site.empty() && (s == site || s.find(site) != std::string::npos)) return true;
    return !host.empty() && host.find(s) != std::string::npos;
  };
  if (is_site(parts[1]) && !parts[0].empty()) return parts[0];
  if (is_site(parts[0]) && !parts[1].empty()) return parts[1];
  std::string h = Squash(h1);
  if (!h.empty()) {
    if (Squash(parts[0]) == h) return parts[0];
    if (Squash(parts[1]) == h) return parts[1];
  }
  return std::string(title);
}

HtmlMetadata ExtractHtmlMetadata(const HtmlDocument& doc, std::string_view page_url) {
  PageFacts f = CollectFacts(doc);
  bool typed_article = false, typed_listing = false;
  json article = FindArticleObject(f.json_ld, &typed_article, &typed_listing);
  auto ld = [&](const char* key) -> std::string {
    if (!article.is_object()) return "";
    auto it = article.find(key);
    return it == article.end() ? "" : StringOf(*it);
  };
  HtmlMetadata m;
  m.lang = PrimaryLang(f.html_lang);
  if (m.lang.empty()) m.lang = PrimaryLang(FirstMeta(f, {"content-language", "og:locale"}));
  std::string lang = m.lang.empty() ? "en" : m.lang;

  m.site_name = FirstMeta(f, {"og:site_name", "application-name"});
  if (m.site_name.empty() && article.is_object() && article.contains("publisher")) {
    m.site_name = StringOf(article["publisher"]);
  }
  m.canonical_url = f.canonical;
  if (m.canonical_url.empty()) m.canonical_url = FirstMeta(f, {"og:url"});
  if (m.canonical_url.empty()) m.canonical_url = page_url;
  std::string url_for_site = page_url.empty() ? m.canonical_url : std::string(page_url);
  if (m.site_name.empty()) {
    m.site_name = HostOf(url_for_site);
    if (core::StartsWith(m.site_name, "www.")) m.site_name = m.site_name.substr(4);
  }

  std::string title(FirstMeta(f, {"og:title", "twitter:title"}));
  if (title.empty()) title = f.first_h1;
  if (title.empty()) title = ld("headline");
  if (title.empty()) title = f.title_tag;
  m.title = CleanTitle(title, m.site_name, url_for_site, f.first_h1);

  m.image_url = FirstMeta(f, {"og:image", "og:image:url", "twitter:image", "twitter:image:src"});
  if (m.image_url.empty()) m.image_url = ld("image");
  if (m.image_url.empty()) m.image_url = f.image_src;
  m.description = FirstMeta(f, {"og:description", "description", "twitter:description"});
  std::string og_type = core::AsciiLower(core::Trim(FirstMeta(f, {"og:type"})));
  if (typed_article || og_type == "article" || !FirstMeta(f, {"article:published_time"}).empty()) {
    m.page_type = "article";
  } else if (typed_listing || og_type == "profile") {
    m.page_type = "listing";
  }
  m.json_ld_body = ld("articleBody");
  if (m.json_ld_body.empty()) m.json_ld_body = ld("text");

  if (article.is_object() && article.contains("author")) {
    const json& a = article["author"];
    if (a.is_array()) {
      for (const json& one : a) AddAuthor(StringOf(one), &m.authors);
    } else {
      AddAuthor(StringOf(a), &m.authors);
    }
  }
  if (m.authors.empty()) {
    for (const MetaEntry& e : f.metas) {
      if (e.key == "author" || e.key == "article:author" || e.key == "parsely-author" ||
          e.key == "sailthru.author" || e.key == "dc.creator") {
        AddAuthor(e.content, &m.authors);
      }
    }
  }
  if (m.authors.empty()) {
    for (const std::string& a : f.itemprop_authors) AddAuthor(a, &m.authors);
  }

  m.json_ld_published = ParseLooseDate(ld("datePublished"), lang);
  struct Source {
    std::string text;
    const char* name;
  };
  const Source sources[] = {
      {ld("datePublished"), "json-ld"},
      {std::string(FirstMeta(
           f, {"article:published_time", "og:published_time", "article.published", "published_time",
               "datepublished", "pubdate", "publishdate", "publish-date", "parsely-pub-date",
               "sailthru.date", "dc.date.issued", "dcterms.created", "dc.date", "date"})),
       "meta"},
      {f.itemprop_published, "meta"},
      {f.time_datetime, "time"},
      {f.named_dates.size() > 0 ? f.named_dates[0] : "", "text"},
      {f.named_dates.size() > 1 ? f.named_dates[1] : "", "text"},
      {f.named_dates.size() > 2 ? f.named_dates[2] : "", "text"},
  };
  // The chain in order of trust; run a second time without JSON-LD so evaluation can check
  // JSON-LD against the rest of the page.
  auto pick = [&](bool with_json_ld, HtmlMetadata* out, PublicationDate* date) {
    for (const Source& s : sources) {
      if (!with_json_ld && std::string_view(s.name) == "json-ld") continue;
      PublicationDate d = ParseLooseDate(s.text, lang);
      if (d.known()) {
        *date = d;
        if (out != nullptr) {
          out->published_source = s.name;
          out->published_text = std::string(core::Trim(s.text));
        }
        return;
      }
    }
    for (std::string_view u : {std::string_view(url_for_site), std::string_view(m.canonical_url)}) {
      PublicationDate d = DateFromUrl(u);
      if (d.known()) {
        *date = d;
        if (out != nullptr) out->published_source = "url";
        return;
      }
    }
  };
  pick(true, &m, &m.published);
  pick(false, nullptr, &m.published_without_json_ld);
  std::string modified = ld("dateModified");
  if (modified.empty()) {
    modified = FirstMeta(f, {"article:modified_time", "og:updated_time", "datemodified",
                             "last-modified", "dcterms.modified"});
  }
  m.modified = ParseLooseDate(modified, lang);
  return m;
}

}  // namespace depeche::ingest
