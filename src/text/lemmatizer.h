// Dictionary lemmas and morphology from Hunspell (French: hunspell-fr-comprehensive).
#ifndef DEPECHE_TEXT_LEMMATIZER_H_
#define DEPECHE_TEXT_LEMMATIZER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "depeche/status.h"

namespace depeche::text {

struct LemmaInfo {
  std::string lemma;             // "déclarer"
  std::vector<std::string> pos;  // Hunspell po: tags, e.g. {"v1__tnq__a", "ifut", "3sg"}
};

// Not thread-safe (caches results): use one per thread. Loading the French dictionary takes
// a fraction of a second; results are cached per word form.
class Lemmatizer {
 public:
  // Looks for <dict_dir>/<locale>.aff/.dic (fr -> fr_FR, en -> en_US/en_GB, es -> es_ES,
  // de -> de_DE, ...; "fr_CA" is taken as given). NotFound when not installed,
  // InvalidArgument for a malformed code, Internal when Hunspell fails to load the files.
  static Result<std::unique_ptr<Lemmatizer>> Create(
      std::string_view lang, std::string_view dict_dir = "/usr/share/hunspell");
  ~Lemmatizer();

  // Analyses of `word` (any case; ' and ’ both accepted), in Hunspell's order, duplicates
  // removed; empty when unknown to the dictionary. The reference stays valid until the next
  // call (the cache is bounded and may be cleared).
  const std::vector<LemmaInfo>& Analyze(std::string_view word);
  // The first lemma, or `word` itself when unknown.
  std::string Lemma(std::string_view word);
  // True when the dictionary marks `word` as a first name (po:prn).
  bool IsFirstName(std::string_view word);
  // True when the dictionary marks `word` as a surname (po:patr).
  bool IsSurname(std::string_view word);

 private:
  struct Impl;
  explicit Lemmatizer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace depeche::text

#endif  // DEPECHE_TEXT_LEMMATIZER_H_
