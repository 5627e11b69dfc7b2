#include "ingest/html_document.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "ingest/html_article.h"

namespace depeche::ingest {
namespace {

std::string BodyText(std::string_view html, const HtmlParseOptions& options = {}) {
  Result<HtmlDocument> doc = HtmlDocument::Parse(html, options);
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  return doc.ok() ? TextOf(doc->body()) : "";
}

TEST(DecodeHtmlBytesTest, MetaCharsetWindows1252) {
  std::string page =
      "<html><head><meta charset=\"windows-1252\"></head><body><p>Caf\xE9 \x93quoted\x94 "
      "\x80 5</p></body></html>";
  std::string charset;
  std::string decoded = DecodeHtmlBytes(page, "", &charset, nullptr);
  EXPECT_EQ(charset, "windows-1252");
  EXPECT_NE(decoded.find("Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x82\xAC 5"),
            std::string::npos);
  EXPECT_EQ(BodyText(page), "Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x82\xAC 5");
}

TEST(DecodeHtmlBytesTest, HttpEquivIso88591) {
  std::string page =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"
      "</head><body><p>No\xEBl \xE0 Gen\xE8ve</p></body></html>";
  std::string charset;
  DecodeHtmlBytes(page, "", &charset, nullptr);
  EXPECT_EQ(charset, "windows-1252");  // the WHATWG label mapping
  EXPECT_EQ(BodyText(page), "No\xC3\xABl \xC3\xA0 Gen\xC3\xA8ve");
}

TEST(DecodeHtmlBytesTest, HttpHeaderBeatsMetaAndBomBeatsBoth) {
  std::string page = "<meta charset=utf-8><p>\xE9t\xE9</p>";
  HtmlParseOptions options;
  options.declared_charset = "text/html; charset=iso-8859-15";
  EXPECT_EQ(BodyText(page, options), "\xC3\xA9t\xC3\xA9");
  std::string bom = "\xEF\xBB\xBF<meta charset=windows-1251><p>\xC3\xA9t\xC3\xA9</p>";
  EXPECT_EQ(BodyText(bom), "\xC3\xA9t\xC3\xA9");
  std::string utf16 = std::string("\xFF\xFE<\0p\0>\0h\0\xE9\0", 12);
  EXPECT_EQ(BodyText(utf16), "h\xC3\xA9");
}

TEST(DecodeHtmlBytesTest, StaleLabelOnUtf8AndUndeclaredLatin1) {
  std::string warning;
  std::string charset;
  std::string stale = "<meta charset=iso-8859-1><p>Z\xC3\xBCrich</p>";
  DecodeHtmlBytes(stale, "", &charset, &warning);
  EXPECT_EQ(charset, "utf-8");
  EXPECT_FALSE(warning.empty());
  EXPECT_EQ(BodyText(stale), "Z\xC3\xBCrich");
  std::string latin1 =
      "<p>Le pr\xE9sident a d\xE9"
      "clar\xE9 que la r\xE9"
      "forme \xE9tait n\xE9"
      "cessaire et "
      "urgente pour l'\xE9"
      "conomie fran\xE7"
      "aise.</p>";
  std::string text = BodyText(latin1);
  EXPECT_NE(text.find("pr\xC3\xA9sident"), std::string::npos) << text;
  EXPECT_NE(text.find("fran\xC3\xA7"
                      "aise"),
            std::string::npos)
      << text;
}

TEST(PrepareHtmlTest, StripsScriptStyleCommentsButKeepsJsonLd) {
  PreparedHtml p = PrepareHtml(
      "<p>a</p><script>var s = \"</p><p>fake\";</script><style>p{}</style><!-- c --><svg><g>"
      "<text>svg</text></g></svg><script type=\"application/ld+json\">{\"x\":1}</script>",
      400);
  EXPECT_EQ(p.html,
            "<p>a</p><script></script><style></style><script "
            "type=\"application/ld+json\">{\"x\":1}</script>");
  EXPECT_FALSE(p.flattened);
  EXPECT_GT(p.stripped_bytes, 0u);
}

TEST(HostileHtmlTest, HundredThousandNestedElements) {
  std::string page;
  for (int i = 0; i < 100000; ++i) page += (i % 2 == 0) ? "<div>" : "<span>";
  page += "deep text";
  Result<HtmlArticle> article = ExtractHtmlArticle(page, {});
  ASSERT_TRUE(article.ok()) << article.status().ToString();
  EXPECT_FALSE(article->warnings.empty());
  Result<HtmlDocument> doc = HtmlDocument::Parse(page);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(TextOf(doc->body()), "deep text");
}

TEST(HostileHtmlTest, DeepTreeWithoutFlatteningIsWalkedIteratively) {
  // 10k levels reach gumbo unflattened: every walk in the extractor must survive this depth.
  std::string page;
  for (int i = 0; i < 10000; ++i) page += "<div>";
  page += "<p>A sentence at the bottom of a very deep tree, with commas, and enough text.</p>";
  HtmlExtractOptions options;
  options.parse.max_nesting = 1000000;
  Result<HtmlArticle> article = ExtractHtmlArticle(page, options);
  ASSERT_TRUE(article.ok()) << article.status().ToString();
  EXPECT_TRUE(article->warnings.empty());
  EXPECT_NE(article->text.find("bottom of a very deep tree"), std::string::npos);
}

TEST(HostileHtmlTest, TwentyMegabytesInOneTextNode) {
  std::string page = "<html><body><article><p>";
  const std::string word = "lorem, ipsum ";
  page.reserve(21u << 20);
  while (page.size() < (20u << 20)) page += word;
  page += "</p></article></body></html>";
  Result<HtmlArticle> article = ExtractHtmlArticle(page, {});
  ASSERT_TRUE(article.ok()) << article.status().ToString();
  EXPECT_GT(article->text.size(), 19u << 20);
}

TEST(HostileHtmlTest, BrokenTagsAndScriptsWithClosingTags) {
  std::string page =
      "<html><body><div <p class=x>opened badly</i></p></span><p>First real paragraph of the "
      "story, with "
      "enough words to count as text.<b>bold<i>both</b>italic</i></p><script>document.write("
      "'</p><p>fake paragraph from script</p>');</script><p>Second real paragraph, also long "
      "enough to be kept by the extractor.</p><table><tr><td>cell<td>cell2</table><a "
      "href=\"unterminated <!-- open";
  Result<HtmlArticle> article = ExtractHtmlArticle(page, {});
  ASSERT_TRUE(article.ok());
  EXPECT_EQ(article->text.find("fake paragraph"), std::string::npos);
  EXPECT_NE(article->text.find("First real paragraph"), std::string::npos) << article->text;
  EXPECT_NE(article->text.find("Second real paragraph"), std::string::npos) << article->text;
}

TEST(HostileHtmlTest, EmptyAndOversizedInput) {
  Result<HtmlArticle> empty = ExtractHtmlArticle("", {});
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->text.empty());
  HtmlExtractOptions options;
  options.parse.max_bytes = 10;
  Result<HtmlArticle> big = ExtractHtmlArticle("<p>more than ten bytes</p>", options);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.status().code(), StatusCode::kResourceExhausted);
}

TEST(HostileHtmlTest, MutatedPagesNeverCrash) {
  // A deterministic stand-in for the fuzzer: truncations, byte flips and spliced markup.
  const std::string seed =
      "<!doctype html><html lang=en><head><meta charset=utf-8><title>T | S</title><script "
      "type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":"
      "\"2020-01-02\"}</script></head><body><nav><a href=/>x</a></nav><article><h1>T</h1><p>One "
      "sentence, with a comma.</p><ul><li>item</li></ul><blockquote>q</blockquote><table><tr><td>"
      "c</td></tr></table><svg><title>s</title></svg><!-- c --><time datetime=2020-01-02>d</time>"
      "</article><footer>f</footer></body></html>";
  const std::string pieces[] = {"<",    ">",     "</",    "<!--",     "-->", "<script>",
                                "</p>", "<div>", "\"",    "'",        "&",   "&#x",
                                "\xC3", "\xFF",  "<svg>", "</script", "=",   "\0"};
  std::mt19937 rng(12345);
  for (int round = 0; round < 400; ++round) {
    std::string page = seed;
    int edits = 1 + static_cast<int>(rng() % 8);
    for (int e = 0; e < edits && !page.empty(); ++e) {
      size_t at = rng() % page.size();
      switch (rng() % 4) {
        case 0:
          page.resize(at);
          break;
        case 1:
          page[at] = static_cast<char>(rng() % 256);
          break;
        case 2:
          page.insert(at, pieces[rng() % std::size(pieces)]);
          break;
        default:
          page.erase(at, rng() % 16);
          break;
      }
    }
    Result<HtmlArticle> article = ExtractHtmlArticle(page, {});
    ASSERT_TRUE(article.ok()) << article.status().ToString();
    EXPECT_EQ(article->text.find('\0'), std::string::npos);
  }
}

}  // namespace
}  // namespace depeche::ingest
