// The stemmer of ROUGE-1.5.5 (`-m`), so that our ROUGE scores match the official ones.
//
// ROUGE-1.5.5 does not use the Porter algorithm exactly as published (Porter 1980), nor the
// Snowball "porter" of libstemmer: it embeds Martin Porter's own reference version, which
// departs from the paper in step 2 (-bli -> -ble instead of -abli -> -able, and -logi -> -log),
// and C.-Y. Lin changed its step 4 (2004-02-14): the suffixes of step 4 except -ment and -ent are
// tried first (with -ement among them), then -ment and then -ent (or -sion/-tion) are each tried
// on what is left, so that "agreement" loses -ent after keeping -ement. ROUGE stems only tokens
// longer than 3 characters, and looks a token up first in WordNet's exception lists (an
// irregular form gives its base form: "children" -> "child"); the exception map is optional
// here (empty: no lookup). Snowball's porter differs on such words (see rouge_stemmer_test.cc).
//
// Not thread-safe (it caches stems): use one per thread.
#ifndef DEPECHE_EVAL_ROUGE_STEMMER_H_
#define DEPECHE_EVAL_ROUGE_STEMMER_H_

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "depeche/status.h"

namespace depeche::eval {

// The Porter stem of a lower-case ASCII word, as ROUGE-1.5.5's `stem` computes it (no length
// threshold, no exception lookup). Pure, thread-safe.
std::string RougePorterStem(std::string_view word);

// Reads WordNet exception lists (adj.exc, adv.exc, noun.exc, verb.exc under `dir`: lines
// "inflected base [base...]"), in that order, each line mapping the inflected form to its first
// base; a later line overrides an earlier one, as in the database ROUGE-1.5.5 builds from them.
// Errors: NotFound when none of the four files is in `dir`.
Result<std::unordered_map<std::string, std::string>> ReadWordNetExceptions(
    const std::filesystem::path& dir);

class RougeStemmer {
 public:
  explicit RougeStemmer(std::unordered_map<std::string, std::string> exceptions = {})
      : exceptions_(std::move(exceptions)) {}

  // What ROUGE-1.5.5 puts in place of `token` (lower-case [a-z0-9]+) when stemming: the token
  // itself when it has 3 characters or fewer, else its exception base form if any, else its
  // Porter stem. The reference stays valid while this stemmer lives.
  const std::string& Stem(const std::string& token);

 private:
  std::unordered_map<std::string, std::string> exceptions_;
  std::unordered_map<std::string, std::string> cache_;
};

}  // namespace depeche::eval

#endif  // DEPECHE_EVAL_ROUGE_STEMMER_H_
