#include "store/fts_tokenizer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>
#include <vector>

namespace depeche::store {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::Not;

struct Tok {
  std::string term;
  bool colocated;
  std::string surface;  // text[begin, end)
};

struct Collector {
  std::string_view text;
  std::vector<Tok> tokens;
  int stop_after = -1;
};

int Collect(void* ctx, int tflags, const char* token, int size, int begin, int end) {
  auto* c = static_cast<Collector*>(ctx);
  EXPECT_LE(0, begin);
  EXPECT_LE(begin, end);
  EXPECT_LE(static_cast<size_t>(end), c->text.size());
  c->tokens.push_back(
      {std::string(token, static_cast<size_t>(size)), (tflags & FTS5_TOKEN_COLOCATED) != 0,
       std::string(c->text.substr(static_cast<size_t>(begin), static_cast<size_t>(end - begin)))});
  if (c->stop_after >= 0 && static_cast<int>(c->tokens.size()) >= c->stop_after) {
    return SQLITE_ABORT;
  }
  return SQLITE_OK;
}

std::vector<Tok> Tokens(FtsTokenizer& tokenizer, int flags, std::string_view text) {
  Collector c{text, {}};
  EXPECT_EQ(tokenizer.Tokenize(flags, text, &c, Collect), SQLITE_OK);
  return c.tokens;
}

std::vector<std::string> Terms(const std::vector<Tok>& tokens, bool with_colocated = false) {
  std::vector<std::string> out;
  for (const Tok& t : tokens) {
    if (!t.colocated || with_colocated) out.push_back(t.term);
  }
  return out;
}

std::vector<std::string> Surfaces(const std::vector<Tok>& tokens) {
  std::vector<std::string> out;
  for (const Tok& t : tokens) {
    if (!t.colocated) out.push_back(t.surface);
  }
  return out;
}

// The alternatives a query emits for its only word.
std::vector<std::string> QueryAlternatives(FtsTokenizer& tokenizer, std::string_view word) {
  std::vector<Tok> tokens = Tokens(tokenizer, FTS5_TOKENIZE_QUERY, word);
  EXPECT_FALSE(tokens.empty());
  if (!tokens.empty()) {
    EXPECT_FALSE(tokens[0].colocated);
  }
  for (size_t i = 1; i < tokens.size(); ++i) EXPECT_TRUE(tokens[i].colocated);
  return Terms(tokens, true);
}

TEST(FtsTokenizerTest, SplitLangPrefix) {
  std::string_view lang, rest;
  SplitLangPrefix("fr\x01Les", &lang, &rest);
  EXPECT_EQ(lang, "fr");
  EXPECT_EQ(rest, "Les");
  SplitLangPrefix("Les", &lang, &rest);
  EXPECT_EQ(lang, "");
  EXPECT_EQ(rest, "Les");
  SplitLangPrefix("a long title that is not a prefix\x01", &lang, &rest);
  EXPECT_EQ(lang, "");
  SplitLangPrefix("\x01x", &lang, &rest);
  EXPECT_EQ(lang, "");
  EXPECT_EQ(rest, "x");
}

TEST(FtsTokenizerTest, StemmerLanguage) {
  EXPECT_EQ(StemmerLanguage("fr"), "fr");
  EXPECT_EQ(StemmerLanguage("pt-BR"), "pt");
  EXPECT_EQ(StemmerLanguage("EN_us"), "en");
  EXPECT_EQ(StemmerLanguage(""), "");
}

TEST(FtsTokenizerTest, RegionalAndUppercaseCodesUseTheLanguageStemmer) {
  FtsTokenizer tokenizer(nullptr);
  EXPECT_THAT(Terms(Tokens(tokenizer, FTS5_TOKENIZE_DOCUMENT, "FR-ca\x01négociations")),
              ElementsAre("negoci"));
}

TEST(FtsTokenizerTest, FrenchDocumentIsStemmedAndFolded) {
  FtsTokenizer tokenizer(nullptr);
  std::string text = "fr\x01Les négociations à Genève";
  std::vector<Tok> tokens = Tokens(tokenizer, FTS5_TOKENIZE_DOCUMENT, text);
  EXPECT_THAT(Terms(tokens), ElementsAre("le", "negoci", "a", "genev"));
  // Offsets index the text as given, prefix included, so highlight() marks the right bytes.
  EXPECT_THAT(Surfaces(tokens), ElementsAre("Les", "négociations", "à", "Genève"));
}

TEST(FtsTokenizerTest, AccentedWordAlsoIndexesItsAccentlessStem) {
  FtsTokenizer tokenizer(nullptr);
  // Snowball: négocié -> négoci, but negocie -> negoc.
  std::vector<Tok> tokens = Tokens(tokenizer, FTS5_TOKENIZE_DOCUMENT, "fr\x01négocié");
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0].term, "negoci");
  EXPECT_FALSE(tokens[0].colocated);
  EXPECT_EQ(tokens[1].term, "negoc");
  EXPECT_TRUE(tokens[1].colocated);
  EXPECT_EQ(tokens[1].surface, "négocié");
  // And the accent-less query spelling reaches it.
  EXPECT_THAT(QueryAlternatives(tokenizer, "negocie"), Contains("negoc"));
}

TEST(FtsTokenizerTest, NoPrefixOrUnknownLanguageFoldsWithoutStemming) {
  FtsTokenizer tokenizer(nullptr);
  EXPECT_THAT(Terms(Tokens(tokenizer, FTS5_TOKENIZE_DOCUMENT, "Négociations ÉTATS")),
              ElementsAre("negociations", "etats"));
  EXPECT_THAT(Terms(Tokens(tokenizer, FTS5_TOKENIZE_DOCUMENT, "und\x01Négociations")),
              ElementsAre("negociations"));
}

TEST(FtsTokenizerTest, HyphensAndApostrophesSplitWords) {
  FtsTokenizer tokenizer(nullptr);
  std::vector<Tok> tokens =
      Tokens(tokenizer, FTS5_TOKENIZE_DOCUMENT, "fr\x01l’Ukraine, les États-Unis (aujourd'hui)");
  EXPECT_THAT(Surfaces(tokens),
              ElementsAre("l", "Ukraine", "les", "États", "Unis", "aujourd", "hui"));
  EXPECT_THAT(Terms(tokens), ElementsAre("l", "ukrain", "le", "etat", "unis", "aujourd", "hui"));
}

TEST(FtsTokenizerTest, NumbersNonLatinAndSoftHyphen) {
  FtsTokenizer tokenizer(nullptr);
  EXPECT_THAT(Terms(Tokens(tokenizer, FTS5_TOKENIZE_DOCUMENT, "en\x01In 2022, 1.5%")),
              ElementsAre("in", "2022", "1", "5"));
  // Cyrillic keeps its letters (й is not folded to и) and is stemmed in Russian.
  EXPECT_THAT(Terms(Tokens(tokenizer, FTS5_TOKENIZE_DOCUMENT, "ru\x01Зеленский Зеленского")),
              ElementsAre("зеленск", "зеленск"));
  // A soft hyphen (U+00AD) does not break a word, and folding drops it.
  EXPECT_THAT(Surfaces(Tokens(tokenizer, FTS5_TOKENIZE_DOCUMENT, "négo\u00ADciation")),
              ElementsAre("négo\u00ADciation"));
  EXPECT_THAT(Terms(Tokens(tokenizer, FTS5_TOKENIZE_DOCUMENT, "négo\u00ADciation")),
              ElementsAre("negociation"));
  // A zero-width space separates.
  EXPECT_THAT(Surfaces(Tokens(tokenizer, FTS5_TOKENIZE_DOCUMENT, "one\u200Btwo")),
              ElementsAre("one", "two"));
}

TEST(FtsTokenizerTest, InvalidUtf8IsASeparator) {
  FtsTokenizer tokenizer(nullptr);
  EXPECT_THAT(Terms(Tokens(tokenizer, FTS5_TOKENIZE_DOCUMENT,
                           "abc\xff\xfe"
                           "def")),
              ElementsAre("abc", "def"));
}

TEST(FtsTokenizerTest, QueryExpandsToEveryLanguagesStem) {
  FtsTokenizerOptions options;
  options.query_langs = {"fr", "en"};
  FtsTokenizer tokenizer(&options);
  std::vector<std::string> alternatives = QueryAlternatives(tokenizer, "negociations");
  EXPECT_THAT(alternatives, Contains("negociations"));  // unstemmed, for und articles
  EXPECT_THAT(alternatives, Contains("negoci"));        // French stem
  // Accented and accent-less query words meet the French document term.
  EXPECT_THAT(QueryAlternatives(tokenizer, "Négociation"), Contains("negoci"));
  EXPECT_THAT(QueryAlternatives(tokenizer, "negotiating"), Contains("negoti"));
  // Only the configured languages: "vendredi" is vendred in French, itself in English.
  EXPECT_THAT(QueryAlternatives(tokenizer, "vendredi"), Contains("vendred"));
  options.query_langs = {"en"};
  EXPECT_THAT(QueryAlternatives(tokenizer, "vendredi"), ElementsAre("vendredi"));
  // A language prefix restricts the query to that language.
  EXPECT_THAT(QueryAlternatives(tokenizer, "fr\x01vendredi"), ElementsAre("vendredi", "vendred"));
}

TEST(FtsTokenizerTest, QueryAndDocumentTermsMeetForSeveralForms) {
  FtsTokenizer tokenizer(nullptr);  // default query languages
  struct Case {
    const char* document;
    const char* query;
  };
  for (const Case& c :
       {Case{"fr\x01négociations", "negociation"}, Case{"fr\x01négocier", "négociation"},
        Case{"fr\x01Genève", "geneve"}, Case{"fr\x01élections", "Election"},
        Case{"fr\x01négocié", "negocie"}, Case{"en\x01negotiations", "negotiating"},
        Case{"de\x01"
             "Außenminister",
             "aussenminister"}}) {
    std::vector<std::string> doc =
        Terms(Tokens(tokenizer, FTS5_TOKENIZE_DOCUMENT, c.document), true);
    std::vector<std::string> query = QueryAlternatives(tokenizer, c.query);
    bool meet = false;
    for (const std::string& d : doc) {
      for (const std::string& q : query) meet = meet || d == q;
    }
    EXPECT_TRUE(meet) << c.document << " vs " << c.query;
  }
}

TEST(FtsTokenizerTest, CachedResultsAreStable) {
  FtsTokenizer tokenizer(nullptr);
  std::string text = "fr\x01La Russie et l'Ukraine : la Russie négocie, l'Ukraine négocie.";
  std::vector<std::string> first = Terms(Tokens(tokenizer, FTS5_TOKENIZE_DOCUMENT, text), true);
  std::vector<std::string> second = Terms(Tokens(tokenizer, FTS5_TOKENIZE_AUX, text), true);
  EXPECT_EQ(first, second);
  EXPECT_FALSE(first.empty());
}

TEST(FtsTokenizerTest, LongWordsAreNotCachedButStillIndexed) {
  FtsTokenizer tokenizer(nullptr);
  std::string word(200, 'x');
  EXPECT_THAT(Terms(Tokens(tokenizer, FTS5_TOKENIZE_DOCUMENT, "en\x01" + word + " y")),
              ElementsAre(word, "y"));
}

TEST(FtsTokenizerTest, SinkCanStopTokenizing) {
  FtsTokenizer tokenizer(nullptr);
  std::string text = "one two three four";
  Collector c{text, {}, 2};
  EXPECT_EQ(tokenizer.Tokenize(FTS5_TOKENIZE_DOCUMENT, text, &c, Collect), SQLITE_ABORT);
  EXPECT_EQ(c.tokens.size(), 2u);
}

TEST(FtsTokenizerTest, EmptyAndPunctuationOnlyTextGiveNoTokens) {
  FtsTokenizer tokenizer(nullptr);
  EXPECT_TRUE(Tokens(tokenizer, FTS5_TOKENIZE_DOCUMENT, "").empty());
  EXPECT_TRUE(Tokens(tokenizer, FTS5_TOKENIZE_DOCUMENT, "fr\x01").empty());
  EXPECT_TRUE(Tokens(tokenizer, FTS5_TOKENIZE_DOCUMENT, " -- « » … ").empty());
}

}  // namespace
}  // namespace depeche::store
