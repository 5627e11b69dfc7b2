#include "ingest/html_body_tree.h"

#include <algorithm>
#include <cstdint>
#include <utility>

#include "ingest/html_hints.h"

namespace depeche::ingest::internal {
namespace {

bool SkippedTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_LABEL:
      return true;
    default:
      return false;
  }
}

bool IsHeading(GumboTag t) { return t >= GUMBO_TAG_H1 && t <= GUMBO_TAG_H6; }

double CodePoints(std::string_view s) {
  double n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

double Commas(std::string_view s) {
  double n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ',') ++n;
    // U+FF0C fullwidth comma and U+3001 ideographic comma
    if (s.compare(i, 3, "\xEF\xBC\x8C") == 0 || s.compare(i, 3, "\xE3\x80\x81") == 0) ++n;
  }
  return n;
}

// Walks the tree once, building the element table and the text blocks.
class Builder {
 public:
  Builder(std::vector<BodyNode>* nodes, std::vector<BodyBlock>* blocks)
      : nodes_(nodes), blocks_(blocks) {}

  void Run(const GumboNode* body) {
    struct Frame {
      const GumboNode* node;
      int index;  // >= 0 on exit
    };
    std::vector<Frame> stack{{body, -1}};
    while (!stack.empty()) {
      Frame f = stack.back();
      stack.pop_back();
      if (f.index >= 0) {
        Exit(f.index);
        continue;
      }
      const GumboNode* n = f.node;
      if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
          n->type == GUMBO_NODE_CDATA) {
        AppendText(n->v.text.text);
        continue;
      }
      if (!IsElement(n)) continue;
      GumboTag tag = n->v.element.tag;
      if ((tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_IFRAME) && !open_.empty()) {
        BodyNode& holder = (*nodes_)[static_cast<size_t>(open_.back())];
        ++(tag == GUMBO_TAG_SCRIPT ? holder.scripts : holder.embeds);
      }
      if (SkippedTag(tag)) continue;
      if (tag == GUMBO_TAG_BR) {
        pending_space_ = false;
        if (!buf_.empty() && buf_.back() != '\n') buf_.push_back('\n');
        continue;
      }
      BodyNode node;
      node.node = n;
      node.tag = tag;
      node.parent = open_.empty() ? -1 : open_.back();
      node.hints = HintsOf(n);
      // Inline boilerplate (a caption span, a share link group) sits inside a paragraph's
      // block, where block-level pruning cannot reach it.
      if (node.hints.hidden || (node.hints.junk && !IsBlockLevel(tag))) continue;
      if (tag == GUMBO_TAG_IMG) node.images = 1;
      if (tag == GUMBO_TAG_INPUT) node.inputs = 1;
      if (tag == GUMBO_TAG_EMBED) node.embeds = 1;
      if (tag == GUMBO_TAG_LI) node.list_items = 1;
      if (tag == GUMBO_TAG_P) node.paragraphs = 1;
      int index = static_cast<int>(nodes_->size());
      nodes_->push_back(std::move(node));
      if (IsBlockLevel(tag)) {
        Flush();
        blocks_open_.push_back(index);
      }
      if (tag == GUMBO_TAG_A) ++in_link_;
      if (tag == GUMBO_TAG_BLOCKQUOTE) ++in_quote_;
      open_.push_back(index);
      stack.push_back({n, index});
      const GumboVector& children = n->v.element.children;
      for (unsigned i = children.length; i > 0; --i) {
        stack.push_back({static_cast<const GumboNode*>(children.data[i - 1]), -1});
      }
    }
    Flush();
  }

 private:
  void Exit(int index) {
    GumboTag tag = (*nodes_)[index].tag;
    if (IsBlockLevel(tag)) {
      Flush();
      blocks_open_.pop_back();
    }
    if (tag == GUMBO_TAG_A) --in_link_;
    if (tag == GUMBO_TAG_BLOCKQUOTE) --in_quote_;
    open_.pop_back();
  }

  void AppendText(const char* p) {
    size_t before = buf_.size();
    for (; *p != '\0'; ++p) {
      char c = *p;
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        pending_space_ = true;
        continue;
      }
      if (pending_space_ && !buf_.empty() && buf_.back() != '\n') buf_.push_back(' ');
      pending_space_ = false;
      buf_.push_back(c);
    }
    if (in_link_ > 0) link_bytes_ += buf_.size() - before;
  }

  void Flush() {
    pending_space_ = false;
    while (!buf_.empty() && (buf_.back() == '\n' || buf_.back() == ' ')) buf_.pop_back();
    size_t start = 0;
    while (start < buf_.size() && (buf_[start] == '\n' || buf_[start] == ' ')) ++start;
    if (start < buf_.size() && !blocks_open_.empty()) {
      BodyBlock b;
      b.owner = blocks_open_.back();
      b.text = buf_.substr(start);
      b.chars = CodePoints(b.text);
      b.link_chars = std::min(
          b.chars, static_cast<double>(link_bytes_) * b.chars / static_cast<double>(buf_.size()));
      b.commas = Commas(b.text);
      GumboTag tag = (*nodes_)[b.owner].tag;
      if (IsHeading(tag)) {
        b.kind = HtmlBlockKind::kHeading;
        b.level = tag - GUMBO_TAG_H1 + 1;
      } else if (tag == GUMBO_TAG_LI || tag == GUMBO_TAG_DD || tag == GUMBO_TAG_DT) {
        b.kind = HtmlBlockKind::kListItem;
      } else if (tag == GUMBO_TAG_PRE) {
        b.kind = HtmlBlockKind::kPreformatted;
      } else if (in_quote_ > 0) {
        b.kind = HtmlBlockKind::kQuote;
      } else if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) {
        b.kind = HtmlBlockKind::kTableCell;
      }
      blocks_->push_back(std::move(b));
    }
    buf_.clear();
    link_bytes_ = 0;
  }

  std::vector<BodyNode>* nodes_;
  std::vector<BodyBlock>* blocks_;
  std::vector<int> open_;         // indices of open elements
  std::vector<int> blocks_open_;  // indices of open block-level elements
  std::string buf_;
  size_t link_bytes_ = 0;
  int in_link_ = 0, in_quote_ = 0;
  bool pending_space_ = false;
};

}  // namespace

void BuildBodyTree(const GumboNode* body, std::vector<BodyNode>* nodes,
                   std::vector<BodyBlock>* blocks) {
  nodes->clear();
  blocks->clear();
  if (body == nullptr) return;
  Builder(nodes, blocks).Run(body);
  for (const BodyBlock& b : *blocks) {
    BodyNode& owner = (*nodes)[static_cast<size_t>(b.owner)];
    owner.chars += b.chars;
    owner.link_chars += b.link_chars;
    owner.commas += b.commas;
    if (b.chars >= 25 && b.link_chars < 0.5 * b.chars) owner.good_chars += b.chars;
  }
  // Pre-order indices: children come after their parent, so one backward pass sums subtrees.
  for (size_t i = nodes->size(); i > 0; --i) {
    const BodyNode& n = (*nodes)[i - 1];
    if (n.parent < 0) continue;
    BodyNode& p = (*nodes)[static_cast<size_t>(n.parent)];
    p.chars += n.chars;
    p.link_chars += n.link_chars;
    p.good_chars += n.good_chars;
    p.commas += n.commas;
    p.paragraphs += n.paragraphs;
    p.images += n.images;
    p.list_items += n.list_items;
    p.inputs += n.inputs;
    p.embeds += n.embeds;
    p.scripts += n.scripts;
  }
}

}  // namespace depeche::ingest::internal
