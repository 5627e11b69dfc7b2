#include "store/fts_tokenizer.h"

#include <sqlite3.h>

#include <cstdint>
#include <new>
#include <string>
#include <utility>

#include "core/strings.h"
#include "store/term_cache.h"
#include "text/normalize.h"
#include "text/stemmer.h"
#include "text/tokenize.h"

namespace depeche::store {
namespace {

// Per language; news vocabulary is Zipfian, so a full cache is simply dropped and refilled.
constexpr size_t kMaxCacheEntries = size_t{1} << 17;
// Language states per tokenizer; more distinct languages than this only means restarting.
constexpr size_t kMaxLanguages = 64;

void AddDistinct(std::string term, std::vector<std::string>& out) {
  if (term.empty()) return;
  for (const std::string& t : out) {
    if (t == term) return;
  }
  out.push_back(std::move(term));
}

}  // namespace

struct FtsTokenizer::Terms {
  std::string primary;  // empty only when the word folds to nothing
  std::string variant;  // the colocated accent-less stem, when it differs
};

struct FtsTokenizer::LangState {
  std::string lang;
  std::unique_ptr<text::Stemmer> stemmer;  // null: fold only
  TermCache cache{kMaxCacheEntries};
  Terms scratch;  // the last computed (uncached) terms
};

const std::vector<std::string>& DefaultQueryLanguages() {
  static const std::vector<std::string>* const kLangs =
      new std::vector<std::string>{"fr", "en", "es", "de", "it", "pt", "nl"};
  return *kLangs;
}

std::string StemmerLanguage(std::string_view lang) {
  size_t end = lang.find_first_of("-_");
  return core::AsciiLower(lang.substr(0, end));
}

void SplitLangPrefix(std::string_view value, std::string_view* lang, std::string_view* rest) {
  size_t limit = value.size() < kMaxLangPrefix + 1 ? value.size() : kMaxLangPrefix + 1;
  for (size_t i = 0; i < limit; ++i) {
    char c = value[i];
    if (c == kLangSeparator) {
      *lang = value.substr(0, i);
      *rest = value.substr(i + 1);
      return;
    }
    if (c <= ' ' || static_cast<unsigned char>(c) >= 0x80) break;
  }
  *lang = {};
  *rest = value;
}

FtsTokenizer::FtsTokenizer(const FtsTokenizerOptions* options) : options_(options) {}

FtsTokenizer::~FtsTokenizer() = default;

FtsTokenizer::LangState* FtsTokenizer::StateFor(std::string_view lang) {
  if (last_ != nullptr && last_->lang == lang) return last_;
  for (const auto& state : langs_) {
    if (state->lang == lang) return last_ = state.get();
  }
  if (langs_.size() >= kMaxLanguages) {
    langs_.clear();
    last_ = nullptr;
  }
  auto state = std::make_unique<LangState>();
  state->lang = std::string(lang);
  const std::string stemmer_lang = StemmerLanguage(lang);
  if (!stemmer_lang.empty() && text::Stemmer::Supports(stemmer_lang)) {
    Result<std::unique_ptr<text::Stemmer>> stemmer = text::Stemmer::Create(stemmer_lang);
    if (stemmer.ok()) state->stemmer = std::move(stemmer).value();
  }
  langs_.push_back(std::move(state));
  return last_ = langs_.back().get();
}

void FtsTokenizer::ComputeDocumentTerms(LangState& state, std::string_view word, bool ascii,
                                        Terms& out) {
  std::string lower = ascii ? core::AsciiLower(word) : text::Lower(word);
  std::string primary;
  std::string variant;
  if (state.stemmer == nullptr) {
    primary = ascii ? std::move(lower) : text::Fold(lower);
  } else {
    primary = text::Fold(state.stemmer->Stem(lower));
    if (!ascii) {
      // Stem the accent-less spelling too: that is what an accent-less query word stems to.
      std::string folded = text::Fold(lower);
      variant = text::Fold(state.stemmer->Stem(folded));
      if (variant == primary) variant.clear();
    }
  }
  if (primary.empty()) primary.swap(variant);
  out.primary = std::move(primary);
  out.variant = std::move(variant);
}

void FtsTokenizer::ComputeQueryTerms(std::string_view lang_prefix, std::string_view word,
                                     std::vector<std::string>& out) {
  out.clear();
  std::string lower = text::Lower(word);
  std::string folded = text::Fold(lower);
  AddDistinct(folded, out);
  auto add_stems = [&](std::string_view lang) {
    LangState* state = StateFor(lang);
    if (state->stemmer == nullptr) return;
    AddDistinct(text::Fold(state->stemmer->Stem(lower)), out);
    AddDistinct(text::Fold(state->stemmer->Stem(folded)), out);
  };
  if (!lang_prefix.empty()) {
    add_stems(lang_prefix);
    return;
  }
  const std::vector<std::string>& langs = options_ != nullptr && !options_->query_langs.empty()
                                              ? options_->query_langs
                                              : DefaultQueryLanguages();
  for (const std::string& lang : langs) add_stems(lang);
}

int FtsTokenizer::Tokenize(int flags, std::string_view text, void* sink_ctx, FtsTokenSink sink) {
  // The text functions and the caches may throw; nothing may unwind into SQLite's C frames.
  try {
    return TokenizeImpl(flags, text, sink_ctx, sink);
  } catch (const std::bad_alloc&) {
    return SQLITE_NOMEM;
  } catch (...) {
    return SQLITE_ERROR;
  }
}

int FtsTokenizer::TokenizeImpl(int flags, std::string_view text, void* sink_ctx,
                               FtsTokenSink sink) {
  std::string_view lang;
  std::string_view rest;
  SplitLangPrefix(text, &lang, &rest);
  const bool query = (flags & FTS5_TOKENIZE_QUERY) != 0;
  LangState* state = query ? nullptr : StateFor(lang);
  std::vector<std::string> alternatives;

  // The word is text::NextWord's, as for the content hash.
  for (text::WordRun run = text::NextWord(text, rest.data() - text.data()); run.end != 0;
       run = text::NextWord(text, run.end)) {
    const bool ascii = run.ascii;
    const int begin = static_cast<int>(run.begin);
    const int i = static_cast<int>(run.end);
    const std::string_view word = text.substr(run.begin, run.end - run.begin);

    if (query) {
      ComputeQueryTerms(lang, word, alternatives);
      for (size_t k = 0; k < alternatives.size(); ++k) {
        const std::string& term = alternatives[k];
        int rc = sink(sink_ctx, k == 0 ? 0 : FTS5_TOKEN_COLOCATED, term.data(),
                      static_cast<int>(term.size()), begin, i);
        if (rc != SQLITE_OK) return rc;
      }
      continue;
    }

    TermCache::Terms terms;
    const uint64_t hash = TermCache::Hash(word);
    if (!state->cache.Find(word, hash, &terms)) {
      ComputeDocumentTerms(*state, word, ascii, state->scratch);
      terms = state->cache.Insert(word, hash, state->scratch.primary, state->scratch.variant);
    }
    if (terms.primary.empty()) continue;  // nothing left after folding
    int rc =
        sink(sink_ctx, 0, terms.primary.data(), static_cast<int>(terms.primary.size()), begin, i);
    if (rc != SQLITE_OK) return rc;
    if (!terms.variant.empty()) {
      rc = sink(sink_ctx, FTS5_TOKEN_COLOCATED, terms.variant.data(),
                static_cast<int>(terms.variant.size()), begin, i);
      if (rc != SQLITE_OK) return rc;
    }
  }
  return SQLITE_OK;
}

namespace {

int CreateTokenizer(void* user_data, const char** /*argv*/, int argc, Fts5Tokenizer** out) {
  *out = nullptr;
  if (argc != 0) return SQLITE_ERROR;  // the tokenizer takes no options
  auto* tokenizer =
      new (std::nothrow) FtsTokenizer(static_cast<const FtsTokenizerOptions*>(user_data));
  if (tokenizer == nullptr) return SQLITE_NOMEM;
  *out = reinterpret_cast<Fts5Tokenizer*>(tokenizer);
  return SQLITE_OK;
}

void DeleteTokenizer(Fts5Tokenizer* tokenizer) {
  delete reinterpret_cast<FtsTokenizer*>(tokenizer);
}

int RunTokenizer(Fts5Tokenizer* tokenizer, void* ctx, int flags, const char* text, int size,
                 int (*token)(void*, int, const char*, int, int, int)) {
  std::string_view value = text == nullptr || size <= 0
                               ? std::string_view()
                               : std::string_view(text, static_cast<size_t>(size));
  return reinterpret_cast<FtsTokenizer*>(tokenizer)->Tokenize(flags, value, ctx, token);
}

void DestroyOptions(void* options) { delete static_cast<FtsTokenizerOptions*>(options); }

}  // namespace

Result<FtsTokenizerOptions*> RegisterFtsTokenizer(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr);
  if (rc == SQLITE_OK) {
    sqlite3_bind_pointer(stmt, 1, &api, "fts5_api_ptr", nullptr);
    rc = sqlite3_step(stmt);
  }
  sqlite3_finalize(stmt);
  if (api == nullptr || (rc != SQLITE_ROW && rc != SQLITE_DONE)) {
    return InternalError("this SQLite has no FTS5 (fts5_api unavailable)");
  }
  auto* options = new (std::nothrow) FtsTokenizerOptions();
  if (options == nullptr) return ResourceExhaustedError("out of memory");
  fts5_tokenizer methods{CreateTokenizer, DeleteTokenizer, RunTokenizer};
  rc = api->xCreateTokenizer(api, kFtsTokenizerName, options, &methods, DestroyOptions);
  if (rc != SQLITE_OK) {
    delete options;  // FTS5 only takes ownership (calls DestroyOptions) on success
    return InternalError(std::string("registering the FTS5 tokenizer: ") + sqlite3_errstr(rc));
  }
  return options;
}

}  // namespace depeche::store
