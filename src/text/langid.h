// Language identification: CLD2 for documents, fastText lid.176 for short texts, combined.
#ifndef DEPECHE_TEXT_LANGID_H_
#define DEPECHE_TEXT_LANGID_H_

#include <memory>
#include <string>
#include <string_view>

#include "depeche/status.h"

namespace depeche::text {

struct LangGuess {
  std::string code = "und";  // ISO 639-1 ("fr"), or ISO 639-3 where no 639-1 exists; "und"
  float confidence = 0.0f;   // 0..1
  bool reliable = false;
};

struct LangIdOptions {
  // Path to lid.176.ftz; empty or missing file -> CLD2 only (Create still succeeds and
  // has_fasttext() is false).
  std::string fasttext_model;
};

// Thread-safe after construction.
class LanguageIdentifier {
 public:
  static Result<std::unique_ptr<LanguageIdentifier>> Create(const LangIdOptions& options);
  virtual ~LanguageIdentifier() = default;
  // `hint`: a declared language (ISO 639-1) used as a prior for short or ambiguous text.
  virtual LangGuess Identify(std::string_view text, std::string_view hint = {}) const = 0;
  virtual bool has_fasttext() const = 0;
};

}  // namespace depeche::text

#endif  // DEPECHE_TEXT_LANGID_H_
