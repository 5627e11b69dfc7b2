#include "ingest/html_body.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "ingest/html_body_tree.h"

namespace depeche::ingest {
namespace {

using internal::BodyBlock;
using internal::BodyNode;

constexpr double kWidenRatio = 0.6;
// A container inside the content holding at least this share of its paragraph text is kept
// whatever the conditional clean says.
constexpr double kKeepShare = 0.5;
// An <article> element holding at least this share of the page's paragraph text is not
// boilerplate by its class names.
constexpr double kArticleShare = 0.25;
// Blocks mostly made of link text (menus, teaser lists) are dropped; a list item with a linked
// headline and a one-line summary stays below this.
constexpr double kMaxBlockLinkDensity = 0.75;

double LinkDensity(const BodyNode& n) { return n.chars > 0 ? n.link_chars / n.chars : 0; }

double TagScore(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_DIV:
      return 5;
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_BLOCKQUOTE:
      return 3;
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_FORM:
      return -3;
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_TH:
      return -5;
    default:
      return 0;
  }
}

double InitialScore(const BodyNode& n) {
  // A content-like class name on a container with little text (a title box, a teaser) must
  // not outweigh the paragraphs elsewhere, so positive weights grow with the text held.
  double weight =
      n.hints.weight > 0 ? n.hints.weight * std::min(1.0, n.good_chars / 500) : n.hints.weight;
  return TagScore(n.tag) + weight;
}

// Boilerplate by element or name: kept only when it holds most of the page's paragraph text
// (some sites put the whole article inside a <header> or a "post-with-comments" wrapper).
void MarkJunk(std::vector<BodyNode>& nodes) {
  double total = std::max(1.0, nodes[0].good_chars);
  // An <article> holding a good part of the page is the article, whatever flags its class
  // carries ("enable-pin-share"; teasers and comments marked up as <article> hold little), and
  // so is a wrapper inside it that holds most of its text ("elementor-widget-container").
  std::vector<char> article(nodes.size(), 0);
  for (size_t i = 0; i < nodes.size(); ++i) {
    BodyNode& n = nodes[i];
    if (n.parent >= 0 && nodes[static_cast<size_t>(n.parent)].junk) {
      n.junk = true;
      continue;
    }
    double share = n.good_chars / total;
    const BodyNode* p = n.parent >= 0 ? &nodes[static_cast<size_t>(n.parent)] : nullptr;
    article[i] = (n.tag == GUMBO_TAG_ARTICLE && share >= kArticleShare) ||
                 (p != nullptr && article[static_cast<size_t>(n.parent)] && n.good_chars > 0 &&
                  n.good_chars >= kKeepShare * p->good_chars);
    bool tag_junk = n.tag == GUMBO_TAG_NAV || n.tag == GUMBO_TAG_ASIDE ||
                    n.tag == GUMBO_TAG_FOOTER || n.tag == GUMBO_TAG_HEADER ||
                    (n.tag == GUMBO_TAG_FORM && n.inputs > 0);
    bool protected_tag = n.tag == GUMBO_TAG_BODY || n.tag == GUMBO_TAG_MAIN;
    // A script or iframe with next to no text around it is an ad or widget slot ("Advert").
    bool widget = (n.scripts > 0 || n.embeds > 0) && n.chars < 30;
    n.junk =
        !protected_tag && (((n.hints.junk || n.hints.unlikely) && share < 0.6 && !article[i]) ||
                           (tag_junk && share < 0.5) || widget);
  }
}

// Paragraph text outside boilerplate, per subtree.
void SumCleanText(std::vector<BodyNode>& nodes, const std::vector<BodyBlock>& blocks) {
  for (const BodyBlock& b : blocks) {
    BodyNode& owner = nodes[static_cast<size_t>(b.owner)];
    if (!owner.junk && b.chars >= 25 && b.link_chars < 0.5 * b.chars) {
      owner.clean_good_chars += b.chars;
    }
  }
  for (size_t i = nodes.size(); i > 1; --i) {
    const BodyNode& n = nodes[i - 1];
    if (n.parent >= 0) nodes[static_cast<size_t>(n.parent)].clean_good_chars += n.clean_good_chars;
  }
}

// An article split into sections (figures, pull quotes or ads between them) leaves the best
// scored container holding only part of it: climb to an ancestor that holds much more
// paragraph text, as long as that text is not mostly links.
int WidenToSplitArticle(const std::vector<BodyNode>& nodes, int top) {
  int best = top;
  for (int a = nodes[static_cast<size_t>(top)].parent; a > 0;
       a = nodes[static_cast<size_t>(a)].parent) {
    const BodyNode& n = nodes[static_cast<size_t>(a)];
    if (nodes[static_cast<size_t>(best)].clean_good_chars < kWidenRatio * n.clean_good_chars &&
        LinkDensity(n) < 0.35) {
      best = a;
    }
  }
  return best;
}

bool ScoresText(GumboTag owner) {
  return owner != GUMBO_TAG_LI && owner != GUMBO_TAG_DD && owner != GUMBO_TAG_DT &&
         !(owner >= GUMBO_TAG_H1 && owner <= GUMBO_TAG_H6) && owner != GUMBO_TAG_TH;
}

// Readability's propagation: a paragraph's score goes to its parent in full, its grandparent
// halved and further ancestors divided by three times their level.
void ScoreBlocks(std::vector<BodyNode>& nodes, const std::vector<BodyBlock>& blocks,
                 const HtmlBodyOptions& options) {
  for (const BodyBlock& b : blocks) {
    const BodyNode& owner = nodes[static_cast<size_t>(b.owner)];
    if (owner.junk || b.chars < options.min_scored_chars || !ScoresText(owner.tag)) continue;
    double content = 1 + b.commas + std::min(std::floor(b.chars / 100), 3.0);
    int a = owner.tag == GUMBO_TAG_P ? owner.parent : b.owner;
    for (int level = 0; a >= 0 && level < 5; ++level, a = nodes[static_cast<size_t>(a)].parent) {
      BodyNode& n = nodes[static_cast<size_t>(a)];
      if (!n.scored) {
        n.score = InitialScore(n);
        n.scored = true;
      }
      n.score += content / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
    }
  }
  for (BodyNode& n : nodes) {
    if (n.scored) n.score *= 1 - LinkDensity(n);
  }
}

bool IsDescendant(const std::vector<BodyNode>& nodes, int node, int ancestor) {
  for (int a = node; a >= 0; a = nodes[static_cast<size_t>(a)].parent) {
    if (a == ancestor) return true;
  }
  return false;
}

int PickTop(const std::vector<BodyNode>& nodes) {
  std::vector<int> ranked;
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].scored && !nodes[i].junk) ranked.push_back(static_cast<int>(i));
  }
  if (ranked.empty()) return 0;
  std::stable_sort(ranked.begin(), ranked.end(),
                   [&](int a, int b) { return nodes[a].score > nodes[b].score; });
  int top = ranked[0];
  double top_score = nodes[top].score;
  // Several near-equal candidates under one ancestor: the article is split, take the ancestor.
  std::vector<int> close;
  for (size_t i = 1; i < ranked.size() && i < 5; ++i) {
    if (nodes[ranked[i]].score >= 0.75 * top_score) close.push_back(ranked[i]);
  }
  if (close.size() >= 3) {
    for (int a = nodes[top].parent; a > 0; a = nodes[a].parent) {
      int within = 0;
      for (int c : close) within += IsDescendant(nodes, c, a);
      if (within >= 3) {
        top = a;
        break;
      }
    }
  }
  // Climb while the parent scores higher (the text is spread over the parent's children).
  double last = nodes[top].score;
  for (int p = nodes[top].parent; p > 0; p = nodes[p].parent) {
    if (!nodes[p].scored) continue;
    if (nodes[p].score < last / 3) break;
    if (nodes[p].score > last) {
      top = p;
      break;
    }
    last = nodes[p].score;
  }
  return top;
}

// Readability's conditional clean, for containers inside the chosen content.
bool LooksLikeBoilerplate(const BodyNode& n) {
  switch (n.tag) {
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_ASIDE:
      break;
    default:
      return false;
  }
  double weight = n.hints.weight;
  if (weight + (n.scored ? n.score : 0) < 0) return true;
  if (n.commas >= 10) return false;
  bool is_list = n.tag == GUMBO_TAG_UL || n.tag == GUMBO_TAG_OL || n.tag == GUMBO_TAG_DL;
  double ld = LinkDensity(n);
  double p = n.paragraphs;
  double li = n.list_items - 100;
  if (n.images > 1 && p / n.images < 0.5) return true;
  if (!is_list && li > p) return true;
  if (n.inputs > std::floor(p / 3)) return true;
  if (!is_list && n.chars < 25 && (n.images == 0 || n.images > 2) && ld > 0) return true;
  if (!is_list && weight < 25 && ld > 0.2) return true;
  if (weight >= 25 && ld > 0.5) return true;
  if ((n.embeds == 1 && n.chars < 75) || n.embeds > 1) return true;
  return false;
}

void Select(std::vector<BodyNode>& nodes, int top) {
  nodes[static_cast<size_t>(top)].selected = true;
  int parent = nodes[static_cast<size_t>(top)].parent;
  if (parent < 0) return;
  double top_score = nodes[static_cast<size_t>(top)].score;
  double threshold = std::max(10.0, top_score * 0.2);
  std::string_view top_class = AttrOf(nodes[static_cast<size_t>(top)].node, "class");
  for (size_t i = static_cast<size_t>(parent) + 1; i < nodes.size(); ++i) {
    BodyNode& s = nodes[i];
    if (s.parent != parent || s.junk || static_cast<int>(i) == top) continue;
    double bonus = !top_class.empty() && AttrOf(s.node, "class") == top_class ? top_score * 0.2 : 0;
    if (s.scored && s.score + bonus >= threshold) {
      s.selected = true;
    } else if (s.tag == GUMBO_TAG_P) {
      double ld = LinkDensity(s);
      if (s.chars > 80 && ld < 0.25) {
        s.selected = true;
      } else if (s.chars > 0 && ld == 0) {
        std::string text = TextOf(s.node);
        s.selected = text.find(". ") != std::string::npos || (!text.empty() && text.back() == '.');
      }
    }
  }
}

// A heading or a short line without sentence punctuation.
bool IsLabel(const BodyBlock& b) {
  if (b.kind == HtmlBlockKind::kHeading) return true;
  if (b.chars > 40 || b.text.empty()) return false;
  char last = b.text.back();
  return last != '.' && last != '!' && last != '?' && last != '"';
}

}  // namespace

HtmlBody ExtractHtmlBody(const HtmlDocument& doc, const HtmlBodyOptions& options) {
  HtmlBody body;
  std::vector<BodyNode> nodes;
  std::vector<BodyBlock> blocks;
  internal::BuildBodyTree(doc.body(), &nodes, &blocks);
  if (nodes.empty()) return body;
  MarkJunk(nodes);
  SumCleanText(nodes, blocks);
  ScoreBlocks(nodes, blocks, options);
  int top = WidenToSplitArticle(nodes, PickTop(nodes));
  Select(nodes, top);
  // The conditional clean judges a container by its class name, images, embeds and links; one
  // that holds most of the chosen content's paragraph text is the article's own wrapper (an
  // "elementor-widget", a "scrolling-tracker", a body with five embedded videos), and removing
  // it empties the page.
  double protect_chars = kKeepShare * nodes[static_cast<size_t>(top)].clean_good_chars;
  for (size_t i = 0; i < nodes.size(); ++i) {
    BodyNode& n = nodes[i];
    const BodyNode* p = n.parent >= 0 ? &nodes[static_cast<size_t>(n.parent)] : nullptr;
    n.in_selection = n.selected || (p != nullptr && p->in_selection);
    n.removed =
        n.junk || (p != nullptr && p->removed) ||
        (n.in_selection && !n.selected &&
         !(protect_chars > 0 && n.clean_good_chars >= protect_chars) && LooksLikeBoilerplate(n));
  }
  // Decide block by block, then drop the short label that introduces a dropped link list
  // ("Related", "DON'T MISS", "Read more:").
  enum class Fate { kOutside, kKept, kLinks };
  std::vector<Fate> fate(blocks.size(), Fate::kOutside);
  for (size_t i = 0; i < blocks.size(); ++i) {
    const BodyBlock& b = blocks[i];
    const BodyNode& owner = nodes[static_cast<size_t>(b.owner)];
    // Headlines count whether the conditional clean dropped their teaser box or not.
    if (owner.in_selection && !owner.junk && b.chars >= 20 &&
        b.link_chars > kMaxBlockLinkDensity * b.chars) {
      ++body.teaser_links;
    }
    if (!owner.in_selection || owner.removed) continue;
    if (options.drop_h1 && b.kind == HtmlBlockKind::kHeading && b.level == 1) continue;
    fate[i] = b.link_chars > kMaxBlockLinkDensity * b.chars ? Fate::kLinks : Fate::kKept;
  }
  for (const BodyNode& n : nodes)
    body.images += n.tag == GUMBO_TAG_IMG && n.in_selection && !n.removed;
  double prose = 0;
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (fate[i] == Fate::kLinks ||
        (fate[i] == Fate::kKept && blocks[i].kind == HtmlBlockKind::kHeading)) {
      prose = 0;
    } else if (fate[i] == Fate::kKept) {
      prose += blocks[i].chars;
      body.longest_prose = std::max(body.longest_prose, static_cast<size_t>(prose));
    }
  }
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (fate[i] != Fate::kKept) continue;
    size_t next = i + 1;
    while (next < blocks.size() && fate[next] == Fate::kOutside) ++next;
    if (next < blocks.size() && fate[next] == Fate::kLinks && IsLabel(blocks[i])) continue;
    HtmlBlock out;
    out.kind = blocks[i].kind;
    out.heading_level = blocks[i].level;
    out.text = std::move(blocks[i].text);
    if (!body.text.empty()) body.text += "\n\n";
    body.text += out.text;
    body.blocks.push_back(std::move(out));
  }
  return body;
}

}  // namespace depeche::ingest
