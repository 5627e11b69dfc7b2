// Stop word lists, read from data/<lang>/stopwords.txt (one folded word per line, '#' comments;
// provenance in data/<lang>/PROVENANCE.md).
#ifndef DEPECHE_TEXT_STOPWORDS_H_
#define DEPECHE_TEXT_STOPWORDS_H_

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "depeche/status.h"

namespace depeche::text {

// Thread-safe for concurrent Contains() once loaded.
class StopWords {
 public:
  StopWords() = default;
  // Reads <data_dir>/<lang>/stopwords.txt. NotFound when the file is missing,
  // InvalidArgument when `lang` is not 2-3 ASCII letters, Unavailable when it cannot be read.
  // The list is stored folded (text::Fold).
  static Result<StopWords> Load(std::string_view data_dir, std::string_view lang);
  // A list from the lines of `content` (same format as the file).
  static StopWords FromText(std::string_view content);
  // `word` in any case/accents.
  bool Contains(std::string_view word) const;
  size_t size() const { return words_.size(); }
  // The folded words (for callers that merge several lists).
  const std::unordered_set<std::string>& words() const { return words_; }

 private:
  std::unordered_set<std::string> words_;
};

// The entries of a word-list file (stopwords.txt, elisions.txt, abbreviations.txt): one per
// line, surrounding whitespace trimmed, empty lines and lines starting with '#' skipped.
// The views point into `content`.
std::vector<std::string_view> ParseWordList(std::string_view content);

}  // namespace depeche::text

#endif  // DEPECHE_TEXT_STOPWORDS_H_
