#include "eval/reuters_reader.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <unistd.h>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "nlohmann/json.hpp"

namespace depeche::eval {
namespace {

namespace fs = std::filesystem;

const char kCorpusDir[] = DEPECHE_SHARED_DIR "/data/reuters21578";

// A tiny strict UTF-8 check (no overlongs, surrogates or code points above U+10FFFF), kept
// local so that this test does not depend on the text module.
bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    auto b = static_cast<unsigned char>(s[i]);
    size_t len = b < 0x80           ? 1
                 : (b >> 5) == 0x6  ? 2
                 : (b >> 4) == 0xE  ? 3
                 : (b >> 3) == 0x1E ? 4
                                    : 0;
    if (len == 0 || i + len > s.size()) return false;
    uint32_t cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
    for (size_t k = 1; k < len; ++k) {
      auto c = static_cast<unsigned char>(s[i + k]);
      if ((c & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (c & 0x3F);
    }
    static constexpr uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += len;
  }
  return true;
}

bool HasControl(std::string_view s) {
  for (char c : s) {
    auto b = static_cast<unsigned char>(c);
    if ((b < 0x20 && c != '\n' && c != '\t') || b == 0x7F) return true;
  }
  return false;
}

// A fresh folder under the test temp dir, removed at the end of the test.
class TempFolder {
 public:
  TempFolder() {
    static std::atomic<int> counter{0};
    path_ = fs::path(testing::TempDir()) /
            ("reuters_test_" + std::to_string(getpid()) + "_" + std::to_string(counter++));
    fs::create_directories(path_);
  }
  ~TempFolder() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string path() const { return path_.string(); }
  std::string WriteGzip(const std::string& name, const std::string& content) const {
    std::string file = (path_ / name).string();
    gzFile gz = gzopen(file.c_str(), "wb");
    EXPECT_NE(gz, nullptr);
    EXPECT_EQ(gzwrite(gz, content.data(), static_cast<unsigned>(content.size())),
              static_cast<int>(content.size()));
    EXPECT_EQ(gzclose(gz), Z_OK);
    return file;
  }
  std::string WritePlain(const std::string& name, const std::string& content) const {
    std::string file = (path_ / name).string();
    std::ofstream(file, std::ios::binary) << content;
    return file;
  }

 private:
  fs::path path_;
};

// Three records in the shapes the corpus uses: a normal story (entities, control
// characters, a Latin-1 byte, a terminal escape), a BRIEF and an UNPROC one.
const std::string kSnippet =
    "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n"
    "<REUTERS TOPICS=\"YES\" LEWISSPLIT=\"TRAIN\" OLDID=\"5544\" NEWID=\"7\">\n"
    "<DATE> 2-MAR-1987 06:41:42.20&#9;&#9;&#9;C T</DATE>\n"
    "<TOPICS><D>cocoa</D><D>grain</D></TOPICS>\n"
    "<PLACES><D>el-salvador</D></PLACES>\n<PEOPLE></PEOPLE>\n"
    "<UNKNOWN> &#5;&#5;&#5;C T</UNKNOWN>\n"
    "<TEXT>&#2;\n<TITLE>COCOA &amp; GRAIN\nREVIEW</TITLE>\n"
    "<AUTHOR>    by A Writer, Reuters</AUTHOR>\n"
    "<DATELINE>    SALVADOR, Feb 26 - </DATELINE><BODY>Prices &lt;rose&gt; in M\xFCnchen.\n"
    "    Semiconducto&#27;[Br Division&#127; said.\n Reuter\n&#3;</BODY></TEXT>\n"
    "</REUTERS>\n"
    "<REUTERS TOPICS=\"NO\" NEWID=\"8\">\n<DATE>31-MAR-1987 605:12:19.12</DATE>\n"
    "<TOPICS></TOPICS>\n<PLACES></PLACES>\n"
    "<TEXT TYPE=\"BRIEF\">&#2;\n******<TITLE>RATES ROSE\n</TITLE>Blah blah blah.\n&#3;\n\n</TEXT>\n"
    "</REUTERS>\n"
    "<REUTERS NEWID=\"9\">\n<DATE>30-FEB-1987 10:00:00.00</DATE>\n"
    "<TEXT TYPE=\"UNPROC\">&#2;\nFEDERAL RESERVE REPORT\n  Net 644 vs 1,337\n&#3;</TEXT>\n"
    "</REUTERS>\n";

TEST(ReutersReaderTest, ParsesSnippetFromGzipFolder) {
  TempFolder folder;
  folder.WriteGzip("reut2-000.sgm.gz", kSnippet);
  folder.WritePlain("README.md", "not a corpus file");
  Result<std::vector<ReutersArticle>> articles = ReadReutersCorpus(folder.path());
  ASSERT_TRUE(articles.ok()) << articles.status().ToString();
  ASSERT_EQ(articles->size(), 3u);

  const ReutersArticle& story = (*articles)[0];
  EXPECT_EQ(story.id, "7");
  EXPECT_EQ(story.title, "COCOA & GRAIN REVIEW");
  EXPECT_EQ(story.dateline, "SALVADOR, Feb 26 -");
  EXPECT_EQ(story.body,
            "Prices <rose> in M\xC3\xBCnchen.\n    Semiconductor Division said.\n Reuter");
  EXPECT_EQ(story.date_iso, "1987-03-02T06:41:42Z");
  EXPECT_EQ(story.topics, (std::vector<std::string>{"cocoa", "grain"}));
  EXPECT_EQ(story.places, (std::vector<std::string>{"el-salvador"}));

  const ReutersArticle& brief = (*articles)[1];
  EXPECT_EQ(brief.id, "8");
  EXPECT_EQ(brief.title, "RATES ROSE");
  EXPECT_EQ(brief.body, "");                // the corpus's placeholder is no text
  EXPECT_EQ(brief.date_iso, "1987-03-31");  // hour "605" is malformed: day only
  EXPECT_TRUE(brief.topics.empty());

  const ReutersArticle& unproc = (*articles)[2];
  EXPECT_EQ(unproc.id, "9");
  EXPECT_EQ(unproc.title, "");
  EXPECT_EQ(unproc.body, "FEDERAL RESERVE REPORT\n  Net 644 vs 1,337");
  EXPECT_EQ(unproc.date_iso, "");  // February 30
}

TEST(ReutersReaderTest, DateConversion) {
  EXPECT_EQ(ReutersDateToIso("26-FEB-1987 15:01:01.79"), "1987-02-26T15:01:01Z");
  EXPECT_EQ(ReutersDateToIso(" 9-APR-1987 00:00:00.00    # date added by S Finch"),
            "1987-04-09T00:00:00Z");
  EXPECT_EQ(ReutersDateToIso("29-feb-1988 01:02:03"), "1988-02-29T01:02:03Z");
  EXPECT_EQ(ReutersDateToIso("29-FEB-1987 01:02:03"), "");
  EXPECT_EQ(ReutersDateToIso("1-XYZ-1987 01:02:03"), "");
  EXPECT_EQ(ReutersDateToIso("1-MAR-1987 24:00:00"), "1987-03-01");
  EXPECT_EQ(ReutersDateToIso(""), "");
}

TEST(ReutersReaderTest, ToJsonlWritesDepecheFields) {
  ReutersArticle article;
  article.id = "42";
  article.title = "T \"quoted\"";
  article.dateline = "LONDON, March 2 -";
  article.body = "Body text.";
  article.date_iso = "1987-03-02T06:41:42Z";
  article.topics = {"gold"};
  std::string line = ToJsonl(article);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  nlohmann::json json = nlohmann::json::parse(line);
  EXPECT_EQ(json["id"], "42");
  EXPECT_EQ(json["url"], "reuters21578://42");
  EXPECT_EQ(json["source"], "Reuters");
  EXPECT_EQ(json["title"], "T \"quoted\"");
  EXPECT_EQ(json["published"], "1987-03-02T06:41:42Z");
  EXPECT_EQ(json["lang"], "en");
  EXPECT_EQ(json["text"], "LONDON, March 2 - Body text.");
  EXPECT_EQ(json["topics"], nlohmann::json::array({"gold"}));

  article.date_iso.clear();
  article.title.clear();
  article.dateline.clear();
  json = nlohmann::json::parse(ToJsonl(article));
  EXPECT_FALSE(json.contains("published"));
  EXPECT_FALSE(json.contains("title"));
  EXPECT_EQ(json["text"], "Body text.");

  article.body.clear();
  article.title = "HEADLINE ONLY";
  EXPECT_EQ(nlohmann::json::parse(ToJsonl(article))["text"], "HEADLINE ONLY");
}

TEST(ReutersReaderTest, ErrorsNameTheProblem) {
  Result<std::vector<ReutersArticle>> missing = ReadReutersCorpus("/nonexistent/reuters");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);

  TempFolder empty;
  EXPECT_EQ(ReadReutersCorpus(empty.path()).status().code(), StatusCode::kNotFound);

  TempFolder truncated;
  std::string good = truncated.WriteGzip("reut2-000.sgm.gz", kSnippet + kSnippet + kSnippet);
  std::string bytes(fs::file_size(good), '\0');
  std::ifstream(good, std::ios::binary)
      .read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  truncated.WritePlain("reut2-000.sgm.gz", bytes.substr(0, bytes.size() / 2));
  Result<std::vector<ReutersArticle>> cut = ReadReutersCorpus(truncated.path());
  ASSERT_FALSE(cut.ok());
  EXPECT_EQ(cut.status().code(), StatusCode::kDataLoss);
  EXPECT_NE(cut.status().message().find("reut2-000.sgm.gz"), std::string::npos)
      << cut.status().message();

  TempFolder corrupt;
  std::string flipped = bytes;
  for (size_t i = 20; i < flipped.size() - 8; i += 7) flipped[i] = static_cast<char>(~flipped[i]);
  corrupt.WritePlain("reut2-001.sgm.gz", flipped);
  Result<std::vector<ReutersArticle>> bad = ReadReutersCorpus(corrupt.path());
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kDataLoss);
  EXPECT_NE(bad.status().message().find("reut2-001.sgm.gz"), std::string::npos);

  TempFolder plain;
  plain.WritePlain("reut2-002.sgm.gz", kSnippet);
  EXPECT_EQ(ReadReutersCorpus(plain.path()).status().code(), StatusCode::kDataLoss);

  EXPECT_EQ(ParseReutersSgml("<REUTERS NEWID=\"1\"><TEXT>x</TEXT>", "x.sgm").status().code(),
            StatusCode::kDataLoss);
  EXPECT_EQ(ParseReutersSgml("<REUTERS OLDID=\"1\"></REUTERS>", "x.sgm").status().code(),
            StatusCode::kDataLoss);
}

TEST(ReutersReaderTest, ReadsTheWholeCorpus) {
  Result<std::vector<ReutersArticle>> articles = ReadReutersCorpus(kCorpusDir);
  ASSERT_TRUE(articles.ok()) << articles.status().ToString();
  ASSERT_EQ(articles->size(), 21578u);

  const ReutersArticle& first = articles->front();
  EXPECT_EQ(first.id, "1");
  EXPECT_EQ(first.title, "BAHIA COCOA REVIEW");
  EXPECT_EQ(first.dateline, "SALVADOR, Feb 26 -");
  EXPECT_EQ(first.date_iso, "1987-02-26T15:01:01Z");
  EXPECT_EQ(first.topics, (std::vector<std::string>{"cocoa"}));
  EXPECT_EQ(first.places, (std::vector<std::string>{"el-salvador", "usa", "uruguay"}));
  EXPECT_EQ(first.body.rfind("Showers continued throughout the week", 0), 0u);
  EXPECT_GT(first.body.size(), 1500u);

  std::set<std::string> ids;
  size_t with_body = 0;
  size_t with_date = 0;
  size_t with_topics = 0;
  size_t non_ascii = 0;
  size_t empty = 0;  // UNPROC records whose TEXT holds only control characters
  for (const ReutersArticle& article : *articles) {
    ids.insert(article.id);
    for (const std::string* field : {&article.title, &article.dateline, &article.body}) {
      ASSERT_TRUE(IsValidUtf8(*field)) << "NEWID " << article.id;
      ASSERT_FALSE(HasControl(*field)) << "NEWID " << article.id;
      for (char c : *field) non_ascii += static_cast<unsigned char>(c) >= 0x80 ? 1 : 0;
    }
    EXPECT_EQ(article.body.find("&lt;"), std::string::npos) << "NEWID " << article.id;
    with_body += article.body.empty() ? 0 : 1;
    bool no_text = nlohmann::json::parse(ToJsonl(article))["text"].get<std::string>().empty();
    EXPECT_EQ(no_text, article.body.empty() && article.title.empty()) << "NEWID " << article.id;
    empty += no_text ? 1 : 0;
    with_date += article.date_iso.empty() ? 0 : 1;
    with_topics += article.topics.empty() ? 0 : 1;
    ASSERT_TRUE(IsValidUtf8(ToJsonl(article)));
  }
  EXPECT_EQ(ids.size(), 21578u);
  EXPECT_TRUE(ids.count("21578"));
  // Only headline-only BRIEF flashes (195 in the corpus, and 1,604 whose text is the placeholder
  // "Blah blah blah.") have no body.
  EXPECT_GT(with_body, 19700u);
  EXPECT_LT(with_body, articles->size());
  EXPECT_EQ(with_date, articles->size());
  EXPECT_LT(empty, 5u);
  EXPECT_GT(with_topics, 10000u);
  EXPECT_GT(non_ascii, 0u);  // the corpus has one Latin-1 byte, now two UTF-8 bytes
}

}  // namespace
}  // namespace depeche::eval
