// The "depeche" FTS5 tokenizer: accent-insensitive, case-insensitive, stemmed, multilingual.
//
// Document (and snippet/highlight) mode: the value may start with "<lang>\x01" (the
// article_fts_src view adds it); the language picks the Snowball stemmer (none, or an unknown
// language: no stemming). Each word becomes fold(stem(lower(word))), plus, as a colocated token
// when it differs, fold(stem(fold(lower(word)))): Snowball stems some accented and accent-less
// spellings differently ("négocié" -> négoci, "negocie" -> negoc), and the second form is what
// an accent-less query word stems to. Offsets are byte offsets into the value as given.
//
// Query mode: a query has no language, so each word becomes the distinct set of
// fold(lower(word)) and, for every query language L, fold(stem_L(lower(word))) and
// fold(stem_L(fold(lower(word)))), emitted as colocated alternatives (any one matches). A
// query value starting "<lang>\x01" uses only that language.
//
// Words are maximal runs of letters, digits and marks (format characters such as the soft
// hyphen continue a word); hyphens, apostrophes and all other characters separate words.
#ifndef DEPECHE_STORE_FTS_TOKENIZER_H_
#define DEPECHE_STORE_FTS_TOKENIZER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "depeche/status.h"

struct sqlite3;

namespace depeche::store {

inline constexpr char kFtsTokenizerName[] = "depeche";
// Ends the language prefix of an indexed value.
inline constexpr char kLangSeparator = '\x01';
// Longest language prefix recognised (without the separator).
inline constexpr size_t kMaxLangPrefix = 15;

// Settings shared by the tokenizer instances of one connection.
struct FtsTokenizerOptions {
  // Languages a query word is stemmed in. Empty: DefaultQueryLanguages().
  std::vector<std::string> query_langs;
};

// fr, en, es, de, it, pt, nl.
const std::vector<std::string>& DefaultQueryLanguages();

// The Snowball language of a stored language code: its primary subtag, lowercased
// ("pt-BR" -> "pt", "FR" -> "fr").
std::string StemmerLanguage(std::string_view lang);

// Receives tokens; same contract as FTS5's xToken (tflags: FTS5_TOKEN_COLOCATED for a token
// at the same position as the previous one). A non-zero return stops tokenizing.
using FtsTokenSink = int (*)(void* sink_ctx, int tflags, const char* token, int size, int begin,
                             int end);

// The tokenizer proper, usable without SQLite (tests, diagnostics). Caches each word's terms
// per language (bounded), so the ingest hot path is one hash lookup per word.
// Not thread-safe.
class FtsTokenizer {
 public:
  // `options` is borrowed and may be null; it is read at each query-mode call.
  explicit FtsTokenizer(const FtsTokenizerOptions* options);
  ~FtsTokenizer();
  FtsTokenizer(const FtsTokenizer&) = delete;
  FtsTokenizer& operator=(const FtsTokenizer&) = delete;

  // `flags`: FTS5_TOKENIZE_* bits. Returns SQLITE_OK, the sink's non-zero return, or
  // SQLITE_NOMEM / SQLITE_ERROR when an exception escaped the text functions.
  int Tokenize(int flags, std::string_view text, void* sink_ctx, FtsTokenSink sink);

 private:
  struct LangState;
  struct Terms;
  LangState* StateFor(std::string_view lang);
  void ComputeDocumentTerms(LangState& state, std::string_view word, bool ascii, Terms& out);
  void ComputeQueryTerms(std::string_view lang_prefix, std::string_view word,
                         std::vector<std::string>& out);
  int TokenizeImpl(int flags, std::string_view text, void* sink_ctx, FtsTokenSink sink);

  const FtsTokenizerOptions* options_;
  std::vector<std::unique_ptr<LangState>> langs_;
  LangState* last_ = nullptr;
};

// Splits `value` into its language prefix and the rest ("fr\x01abc" -> "fr", "abc"). Without a
// prefix, `lang` is empty and `rest` is the whole value.
void SplitLangPrefix(std::string_view value, std::string_view* lang, std::string_view* rest);

// Registers the "depeche" tokenizer on `db`. The returned options belong to the connection
// (freed when it closes); the caller may edit them between statements.
// Errors: Internal when FTS5 is unavailable or registration fails.
Result<FtsTokenizerOptions*> RegisterFtsTokenizer(sqlite3* db);

}  // namespace depeche::store

#endif  // DEPECHE_STORE_FTS_TOKENIZER_H_
