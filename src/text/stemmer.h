// Snowball stemming (libstemmer) for any language it ships: ar ca da de el en es eu fi fr ga hi
// hu hy id it lt nb ne nl nn no pt ro ru sr sv ta tr yi (ISO 639-1 codes).
#ifndef DEPECHE_TEXT_STEMMER_H_
#define DEPECHE_TEXT_STEMMER_H_

#include <memory>
#include <string>
#include <string_view>

#include "depeche/status.h"

namespace depeche::text {

// Not thread-safe: use one per thread. Input must be lowercase (text::Lower); accents are
// kept (stem before folding, see DEPENDENCIES.md).
class Stemmer {
 public:
  // NotFound when Snowball has no algorithm for `lang` (ISO 639-1).
  static Result<std::unique_ptr<Stemmer>> Create(std::string_view lang);
  static bool Supports(std::string_view lang);
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  // The stem of `lower_word`; the view stays valid until the next call.
  std::string_view Stem(std::string_view lower_word);

 private:
  explicit Stemmer(void* impl) : impl_(impl) {}
  void* impl_;  // sb_stemmer*
};

}  // namespace depeche::text

#endif  // DEPECHE_TEXT_STEMMER_H_
