// Mention detection from the gazetteers and a few cues, without a statistical model: what the
// engine runs when the NER model is absent, and what it adds to the tagger's mentions (places
// with gazetteer identity, demonyms).
//
// Over the tokens of text::Tokenize, left to right, first rule that applies:
//  0. a role description not followed by a name ("le secrétaire d'État américain se rendra"):
//     a person mention whose surface is the role (Gazetteer::RoleOf);
//  1. honorific + capitalised words ("M. Blinken", "Mme Baerbock"): a person, honorific left out;
//  2. known first name + capitalised words ("Antony Blinken", "Vladimir Poutine"): a person
//     (this is what keeps the first names "Antony" and "Vladimir" from being the cities);
//  3. title [+ demonym] + capitalised words ("le président ukrainien Volodymyr Zelenskiy"): a
//     person, title left out;
//  4. the longest gazetteer form (countries, organisations, cities, demonyms): a place (or an
//     organisation); names must be capitalised, demonyms may not ("troupes russes"); a
//     one-word city of under 100,000 people is not taken at the start of a sentence;
//  5. a known surname, capitalised, not at the start of a sentence ("Poutine"): a person.
// Then a second pass takes, anywhere in the article, the capitalised words equal to the last
// word of a person found (or within CloseSurnames of it, 5+ letters: "Blinkin" after
// "Blinken"). Stop words, month and weekday names, honorifics and titles are never names on
// their own; "capitalised words" are runs of up to 4 such words separated by one space or a
// hyphen.
#ifndef DEPECHE_EXTRACT_GAZETTEER_MATCHER_H_
#define DEPECHE_EXTRACT_GAZETTEER_MATCHER_H_

#include <string_view>
#include <vector>

#include "depeche/article.h"
#include "extract/entity.h"
#include "extract/gazetteer.h"

namespace depeche::extract {

// The mentions of an article's title then text (each in text order), spans into
// Article::title (in_title) or Article::text. `article.lang` picks the tokenizer's language
// and the honorifics. Pure; thread-safe (the gazetteer is read-only).
std::vector<Mention> MatchGazetteer(const Gazetteer& gazetteer, const Article& article);

// Mentions of both lists, in text order (title first), where overlapping mentions keep the
// longer span and, for equal spans, the one from `preferred` (the NER tagger's, say). Mentions
// of `other` that overlap none of `preferred` are added. Pure.
std::vector<Mention> CombineMentions(std::vector<Mention> preferred, std::vector<Mention> other);

}  // namespace depeche::extract

#endif  // DEPECHE_EXTRACT_GAZETTEER_MATCHER_H_
