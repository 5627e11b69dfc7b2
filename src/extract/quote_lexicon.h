// QuoteLexicon: the language knowledge of the quotation extractor (extract/quotes.h), read from
// data/LANG/quotes.txt so that a language is added by writing data, not code.
//
// File format (UTF-8, one entry a line; blank lines and lines starting with "#" are skipped):
//   @marks          opening<TAB>closing quotation mark ("«\t»", "“\t”", "\"\t\"")
//   @cue            reporting verbs in their inflected forms ("said", "a déclaré" is written
//                   "déclaré": the auxiliary is in @auxiliary); several words allowed
//                   ("told reporters", "according to", "fait savoir")
//   @complementizer words opening reported speech after a cue ("that", "que", "qu'")
//   @according      cues whose speaker follows them ("according to", "selon")
//   @pronoun        personal pronouns that may be speakers ("he", "il")
//   @inversion      suffixes of an inverted verb that carry the subject ("-t-il", "-elle")
//   @auxiliary      words that may stand between a speaker and its cue ("has", "a", "also")
//   @determiner     words opening a description ("a", "the", "un", "le")
//   @title          honorifics ending with a period kept inside names ("mr.", "m.")
//   @abbreviation   words whose final period does not end a sentence ("u.s.")
//   @no_clause      words that, right after a cue, do not open its clause ("on", "lors")
//   @stop           words that end a speaker read leftwards from a cue ("who", "qui")
//   @adverb         words that may stand between a cue and the speaker after it ("a déclaré
//                   mardi un responsable", "avait dit auparavant le président")
//   @clitic         object pronouns between a subject and its verb ("Lavrov les a démenties")
//   @role           role nouns that may name the same person, one group a line ("responsable
//                   fonctionnaire"): "le fonctionnaire" takes up "un haut responsable"
//   @definite       determiners of a description that takes up an earlier one ("le", "the")
// Entries are compared with the text's words lower-cased (ASCII letters only, so accented
// capitals must be listed as written). Errors name the file and line.
//
// Immutable after Load; thread-safe to share.
#ifndef DEPECHE_EXTRACT_QUOTE_LEXICON_H_
#define DEPECHE_EXTRACT_QUOTE_LEXICON_H_

#include <string>
#include <unordered_set>
#include <vector>

#include "depeche/status.h"

namespace depeche::extract {

struct QuoteMarkPair {
  std::string open;
  std::string close;
};

struct QuoteLexicon {
  std::vector<QuoteMarkPair> marks;
  std::vector<std::vector<std::string>> cues;  // each cue as its lower-cased words
  std::vector<std::vector<std::string>> according;
  std::vector<std::vector<std::string>> auxiliaries;
  std::unordered_set<std::string> complementizers;
  std::unordered_set<std::string> pronouns;
  std::vector<std::string> inversions;
  std::unordered_set<std::string> determiners;
  std::unordered_set<std::string> titles;
  std::unordered_set<std::string> abbreviations;
  std::unordered_set<std::string> no_clause;
  std::unordered_set<std::string> stops;
  std::unordered_set<std::string> adverbs;
  std::unordered_set<std::string> clitics;
  std::vector<std::vector<std::string>> roles;  // each group's lower-cased words
  std::unordered_set<std::string> definites;

  // Reads `path` (the format above). Errors: NotFound when the file cannot be read,
  // InvalidArgument naming file:line for an unknown section, an entry before any section or a
  // @marks line without a tab.
  static Result<QuoteLexicon> Load(const std::string& path);
  // Parses the text of such a file; `name` is used in errors.
  static Result<QuoteLexicon> Parse(const std::string& text, const std::string& name);
};

}  // namespace depeche::extract

#endif  // DEPECHE_EXTRACT_QUOTE_LEXICON_H_
