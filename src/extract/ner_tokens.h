// Words for the NER tagger, with byte offsets: the sentences of text::SplitSentences, each cut
// into text::Tokenize words, with two changes that make them look like the CoNLL-style
// tokens the models are trained on: hyphen-joined parts are one word ("États-Unis",
// "Jean-Yves"), and punctuation between words is kept, one word per character ("(", ",",
// "«"), since the tagger's context features use it.
#ifndef DEPECHE_EXTRACT_NER_TOKENS_H_
#define DEPECHE_EXTRACT_NER_TOKENS_H_

#include <string_view>
#include <vector>

#include "depeche/article.h"

namespace depeche::extract {

// Sentences of word spans (bytes into `text`, valid UTF-8) for language `lang` (ISO 639-1).
// Sentences without a word are left out. Pure; thread-safe.
std::vector<std::vector<Span>> NerTokenize(std::string_view text, std::string_view lang);

}  // namespace depeche::extract

#endif  // DEPECHE_EXTRACT_NER_TOKENS_H_
