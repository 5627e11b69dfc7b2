// QuoteExtractor: direct and indirect quotations of a news text with their cue (reporting verb)
// and speaker, as byte spans into the text.
//
// Direct quotes are the words between quotation marks (data/LANG/quotes.txt @marks): nested
// marks stay inside the outer quote; a quote interrupted by its reporting clause
// (« A », a déclaré M. Blinken, « B ») is one quote of two content spans; a quote whose
// paragraph ends unclosed and whose next paragraph reopens with the same mark goes on there. A
// quoted span is kept as a direct quote when a cue stands next to it (before it, "X said:",
// or after it, "..., a déclaré M. Blinken"), or signed after a dash ("” — Pamela Padilla");
// a quoted span opening a sentence with no cue, right after a direct quote of the same or the
// previous paragraph, continues that quote (one more content span). Quoted words inside a
// reported clause ("said the plan was “a disaster”") are partial quotes of that indirect quote,
// which counts as direct when they make up at least half of its bytes; quoted phrases of a
// sentence with a cue but no reported clause are one direct quote of that cue ("called the
// deal “a disaster” and “a con”"); a few capitalised words between marks (a title, "Morning
// Joe") and quoted words with no cue in their sentence (scare quotes) are not quotations.
//
// Indirect speech: a cue followed by a complementizer ("said that", "a indiqué que"), by a
// clause ("said the talks failed"), ending its sentence after a comma ("..., a source said"),
// or an "according to" cue ("selon X, ...", "..., according to X").
//
// Speakers: the words next to the cue: a name ("Blinken said", "a déclaré M. Blinken"), an
// apposition ("le porte-parole du département d'Etat, Ned Price": the name is kept apart), a
// description ("un haut responsable du département d'État", recorded as such) or a pronoun
// ("he said", "a-t-il ajouté"), whose antecedent is, in the same or the previous paragraph (never
// further), the closest of: an earlier quote's speaker (a name or description, or the same
// pronoun, whose antecedent it takes), or a name that is a clause's subject ("Mais Lavrov a
// refusé ...", "Lavrov les a démenties"; not inside reported words; a name that speaks in the
// text or a full name inside its sentence), kept in `name`, or a
// definite description of a role as subject ("La responsable a alerté"), whose earlier mention
// it takes. A definite description of a role ("le fonctionnaire", data/LANG/quotes.txt @role)
// takes up the closest earlier speaker of the same role ("un haut responsable"): `antecedent`.
// A description ending with capitalised words ("le président américain Joe Biden") is a name,
// kept in `name`. A cue after a comma with no speaker of its own (", saying, “...”", ", adding
// that") takes the speaker before an inserted phrase (a name inserted after a description names
// it: "La ministre ..., Liz Truss, dira"), the sentence's other cue's, or the sentence's
// subject; failing those, the closest earlier speaker or subject as a pronoun would. Speakers
// are spans, not entities: resolving them is the entity resolver's job.
//
// Immutable after Create; Extract is thread-safe.
#ifndef DEPECHE_EXTRACT_QUOTES_H_
#define DEPECHE_EXTRACT_QUOTES_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "depeche/status.h"
#include "extract/quote_lexicon.h"

namespace depeche::extract {

struct ByteSpan {
  size_t begin = 0;
  size_t end = 0;  // exclusive; begin == end: none
  bool empty() const { return begin == end; }
};

enum class QuoteKind { kDirect, kIndirect };
enum class SpeakerKind { kNone, kName, kDescription, kPronoun };

const char* QuoteKindName(QuoteKind kind);      // "direct", "indirect"
const char* SpeakerKindName(SpeakerKind kind);  // "none", "name", "description", "pronoun"

struct Quote {
  QuoteKind kind = QuoteKind::kDirect;
  // The quoted (direct: without the marks) or reported (indirect) words, in text order; several
  // spans when a reporting clause interrupts the quote, when the quote goes on in the next
  // sentences or paragraphs with no cue of their own, or for several quoted phrases of one
  // report.
  std::vector<ByteSpan> content;
  ByteSpan cue;  // the reporting verb or "according to" phrase; empty when signed after a dash
  SpeakerKind speaker_kind = SpeakerKind::kNone;
  ByteSpan speaker;  // the speaker mention
  // The name inside the speaker ("..., Ned Price", "... Joe Biden"); for a pronoun whose
  // antecedent is a clause's subject rather than a quote's speaker, that subject's name
  // (elsewhere in the text; `antecedent` is then -1); or empty.
  ByteSpan name;
  // For a pronoun speaker, or a definite description taking up an earlier one ("le
  // fonctionnaire"): index (into Extract's result) of the quote whose named or described speaker
  // it refers to (the first mention); -1 when the text gives none.
  int antecedent = -1;
  std::vector<ByteSpan> partial;  // quoted words inside an indirect quote's content
};

class QuoteExtractor {
 public:
  explicit QuoteExtractor(QuoteLexicon lexicon) : lex_(std::move(lexicon)) {}

  // Loads `data_dir`/`lang`/quotes.txt. Errors: those of QuoteLexicon::Load.
  static Result<std::unique_ptr<QuoteExtractor>> Create(const std::string& data_dir,
                                                        const std::string& lang);

  // The quotations of `text` (UTF-8; invalid bytes are read as letters), ordered by their first
  // content byte. Paragraphs are separated by line breaks.
  std::vector<Quote> Extract(std::string_view text) const;

  const QuoteLexicon& lexicon() const { return lex_; }

 private:
  QuoteLexicon lex_;
};

}  // namespace depeche::extract

#endif  // DEPECHE_EXTRACT_QUOTES_H_
