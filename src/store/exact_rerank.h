// Re-ranking of search candidates: documents that contain the query's words as typed (up to
// case and accents) come before documents that match only through another word form.
#ifndef DEPECHE_STORE_EXACT_RERANK_H_
#define DEPECHE_STORE_EXACT_RERANK_H_

#include <string>
#include <string_view>
#include <vector>

namespace depeche::store {

// The folded words of a free-text query ("Négociations Genève" -> {"negociations", "geneve"}),
// split on anything that is not a letter, digit or apostrophe inside a word.
std::vector<std::string> FoldedQueryWords(std::string_view query);

// Share in [0, 1] of `words` (folded) that occur as whole words in the folded `title` or
// `text`.
double ExactWordShare(const std::vector<std::string>& words, std::string_view title,
                      std::string_view text);

}  // namespace depeche::store

#endif  // DEPECHE_STORE_EXACT_RERANK_H_
