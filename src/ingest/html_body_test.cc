#include "ingest/html_body.h"

#include <gtest/gtest.h>

#include <string>

namespace depeche::ingest {
namespace {

std::string Paragraph(int i) {
  return "<p>Paragraph " + std::to_string(i) +
         " of the story tells, in some detail and with several clauses, what the council "
         "decided about the harbour and why the fishermen objected.</p>";
}

HtmlBody BodyOf(const std::string& html) {
  Result<HtmlDocument> doc = HtmlDocument::Parse(html);
  EXPECT_TRUE(doc.ok());
  return ExtractHtmlBody(*doc);
}

TEST(HtmlBodyTest, KeepsTheArticleAndDropsBoilerplate) {
  std::string page =
      "<html><body><header><nav><ul><li><a href=/>Home</a></li><li><a href=/w>World</a></li>"
      "</ul></nav></header>"
      "<div class=\"cookie-banner\"><p>We use cookies to improve your experience on our site, "
      "please accept them all.</p></div>"
      "<main><article><h1>Harbour vote</h1><div class=\"share-bar\"><a href=#>Share on "
      "Facebook</a> <a href=#>Tweet</a></div>" +
      Paragraph(1) + Paragraph(2) + "<h2>What comes next</h2>" + Paragraph(3) +
      "<ul><li>First point of the plan, with its own explanation.</li><li>Second point of the "
      "plan, equally explained.</li></ul><blockquote><p>We will not give up the harbour, said "
      "the mayor, not now and not ever.</p></blockquote>" +
      Paragraph(4) +
      "<div class=\"newsletter-signup\"><p>Sign up for our daily newsletter and get the news "
      "first, every morning.</p><form><input type=email></form></div>"
      "<div class=\"author-bio\"><p>Ana Lima covers the coast for the paper since 2010, and "
      "lives by the sea.</p></div></article>"
      "<section class=\"related-articles\"><h3>Related</h3><ul><li><a href=/a>Another story "
      "about the harbour and its long history</a></li><li><a href=/b>Yet another story about "
      "the fishermen of the coast</a></li></ul></section>"
      "<div id=\"comments\"><p>Great article, thanks, I agree with everything said here about "
      "the harbour.</p></div></main>"
      "<footer><p>Copyright 2021 The Coast Courier. All rights reserved, reproduction "
      "forbidden.</p></footer></body></html>";
  HtmlBody body = BodyOf(page);
  for (int i = 1; i <= 4; ++i) {
    EXPECT_NE(body.text.find("Paragraph " + std::to_string(i)), std::string::npos) << body.text;
  }
  EXPECT_NE(body.text.find("What comes next"), std::string::npos);
  EXPECT_NE(body.text.find("Second point of the plan"), std::string::npos);
  EXPECT_NE(body.text.find("said the mayor"), std::string::npos);
  for (const char* junk : {"Home", "cookies", "Harbour vote", "Share on", "newsletter",
                           "covers the coast", "Another story", "Great article", "Copyright"}) {
    EXPECT_EQ(body.text.find(junk), std::string::npos) << junk << " in:\n" << body.text;
  }
  // Structure is kept.
  bool heading = false, item = false, quote = false;
  for (const HtmlBlock& b : body.blocks) {
    heading |= b.kind == HtmlBlockKind::kHeading && b.heading_level == 2;
    item |= b.kind == HtmlBlockKind::kListItem;
    quote |= b.kind == HtmlBlockKind::kQuote;
  }
  EXPECT_TRUE(heading && item && quote);
  // Paragraphs are separated by blank lines.
  EXPECT_NE(body.text.find("objected.\n\nParagraph 2"), std::string::npos) << body.text;
}

TEST(HtmlBodyTest, ArticleSplitAcrossSectionsIsKeptWhole) {
  std::string page = "<body><div class=\"post\"><section class=\"part\">";
  for (int i = 1; i <= 4; ++i) page += Paragraph(i);
  page +=
      "</section><figure><img src=a.jpg><figcaption>A caption that is not body text, "
      "photographed by someone.</figcaption></figure><section class=\"part2\">";
  for (int i = 5; i <= 8; ++i) page += Paragraph(i);
  page +=
      "</section></div><aside><p>Sidebar text that is long enough to look like a "
      "paragraph of prose.</p></aside></body>";
  HtmlBody body = BodyOf(page);
  EXPECT_NE(body.text.find("Paragraph 1 "), std::string::npos) << body.text;
  EXPECT_NE(body.text.find("Paragraph 8 "), std::string::npos) << body.text;
  EXPECT_EQ(body.text.find("caption"), std::string::npos);
  EXPECT_EQ(body.text.find("Sidebar"), std::string::npos);
}

TEST(HtmlBodyTest, HiddenElementsAndLineBreaks) {
  std::string page =
      "<body><div class=\"story-body\"><p style=\"display: none\">Hidden teaser text that must "
      "not show up anywhere in the body.</p><p>Line one of a poem that is long enough,<br>line "
      "two of the same poem, with a comma.</p>" +
      Paragraph(1) + "</div></body>";
  HtmlBody body = BodyOf(page);
  EXPECT_EQ(body.text.find("Hidden"), std::string::npos);
  EXPECT_NE(body.text.find("long enough,\nline two"), std::string::npos) << body.text;
}

TEST(HtmlBodyTest, PageWithoutTextGivesEmptyBody) {
  EXPECT_TRUE(BodyOf("<html><body><img src=x.png></body></html>").text.empty());
  EXPECT_TRUE(BodyOf("").blocks.empty());
}

}  // namespace
}  // namespace depeche::ingest
