// The element table and text blocks the body extractor works on (internal to ingest).
#ifndef DEPECHE_INGEST_HTML_BODY_TREE_H_
#define DEPECHE_INGEST_HTML_BODY_TREE_H_

#include <string>
#include <vector>

#include "ingest/html_body.h"
#include "ingest/html_document.h"
#include "ingest/html_hints.h"

namespace depeche::ingest::internal {

// Per-element facts, indexed in document (pre-)order so a parent always precedes its children.
struct BodyNode {
  const GumboNode* node = nullptr;
  int parent = -1;
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  ElementHints hints;
  // Subtree totals (own blocks plus descendants).
  double chars = 0, link_chars = 0, good_chars = 0, commas = 0;
  int paragraphs = 0, images = 0, list_items = 0, inputs = 0, embeds = 0, scripts = 0;
  double clean_good_chars = 0;  // good_chars outside junk subtrees (set by the extractor)
  double score = 0;
  bool scored = false, junk = false, selected = false, in_selection = false, removed = false;
};

struct BodyBlock {
  int owner = -1;
  HtmlBlockKind kind = HtmlBlockKind::kParagraph;
  int level = 0;
  std::string text;
  double chars = 0, link_chars = 0, commas = 0;
};

// Walks `body` once (iteratively) and fills `nodes` (every visible element in pre-order, with
// subtree totals summed up) and `blocks` (runs of inline text, each owned by its innermost
// block-level element). Script, style, forms controls, figure captions and hidden elements are
// left out.
void BuildBodyTree(const GumboNode* body, std::vector<BodyNode>* nodes,
                   std::vector<BodyBlock>* blocks);

}  // namespace depeche::ingest::internal

#endif  // DEPECHE_INGEST_HTML_BODY_TREE_H_
