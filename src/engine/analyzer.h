// Analyzer: turns a RawArticle into an Article ready to store: valid NFC UTF-8, language,
// sentences, display title, parsed date (stated, with its source), temporal expressions,
// quotations and figures, content hash and stable id.
#ifndef DEPECHE_ENGINE_ANALYZER_H_
#define DEPECHE_ENGINE_ANALYZER_H_

#include <map>
#include <memory>
#include <string>
#include <unordered_set>

#include "depeche/article.h"
#include "depeche/config.h"
#include "depeche/status.h"
#include "extract/figures.h"
#include "extract/quotes.h"
#include "extract/timex_tagger.h"
#include "ingest/boilerplate_lines.h"
#include "ingest/raw_article.h"
#include "text/langid.h"

namespace depeche::engine {

class Analyzer {
 public:
  // Loads the language identifier, the function-word lists, the date rules and the quotation
  // and figure lexicons (errors: a malformed rule or lexicon file, naming its line). A missing
  // fastText model is not an error (CLD2 only); missing stop word files are skipped.
  static Result<std::unique_ptr<Analyzer>> Create(const EngineConfig& config);

  // Boilerplate lines (credits, calls to action, embedded tweets, ...) stay in Article::text
  // but are listed in Article::boilerplate and left out of the sentences and the content hash.
  // InvalidArgument when no text is left after repair and trimming. Repairs (invalid UTF-8,
  // an unparseable date) are recorded in Article::warnings. Thread-safe.
  Result<Article> Analyze(ingest::RawArticle raw) const;

  // Folded function words of every supported language, for headline detection.
  const std::unordered_set<std::string>& sentence_starters() const { return starters_; }
  const text::LanguageIdentifier& langid() const { return *langid_; }

 private:
  Analyzer() = default;
  const ingest::BoilerplateRules& RulesFor(const std::string& lang) const;
  // The temporal expressions of `a`'s text outside its boilerplate (embedded posts kept), resolved
  // against its stated day (unresolved relative values when it states none).
  std::vector<TemporalExpression> TemporalExpressions(const Article& a) const;

  std::unique_ptr<text::LanguageIdentifier> langid_;
  std::unordered_set<std::string> starters_;
  // Boilerplate line rules per language (data/<lang>/boilerplate.txt), read once at Create;
  // `default_rules_` (the language-independent signals) serves every other language.
  std::map<std::string, ingest::BoilerplateRules> boilerplate_;
  ingest::BoilerplateRules default_rules_;
  // The temporal-expression rules of every language with a data/<lang>/timex/ folder.
  std::unique_ptr<extract::TimexTagger> timex_;
  // The quotation extractor of every language with a data/<lang>/quotes.txt; an article in
  // another language gets no quotations (its marks and verbs are unknown).
  std::map<std::string, std::unique_ptr<extract::QuoteExtractor>, std::less<>> quotes_;
  // Figures of every language with a data/<lang>/figures.txt (English rules for the others).
  std::unique_ptr<extract::FigureExtractor> figures_;
};

// What identifies the record an article came from, and so its id (a hash of it): its URL when
// it has one; else its feed id with its source; else its origin path with its content hash.
// The same key is the same record (ingesting it again stores nothing); the same text under
// another key is another article, an exact copy (see store::ArticleStore::Insert). Needs
// content_hash set.
std::string RecordKey(const Article& article);

// The display title derived from the first sentence: the sentence itself when short,
// otherwise cut at a word boundary near `max_chars` with "…".
std::string DeriveTitle(std::string_view first_sentence, size_t max_chars = 110);

}  // namespace depeche::engine

#endif  // DEPECHE_ENGINE_ANALYZER_H_
