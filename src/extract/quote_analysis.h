// The quotation extractor's analysis of one text (extract/quotes.h): tokens, top-level quoted
// regions, sentences and reporting cues, then quotations with their speakers. Internal to the
// extractor: quotes.cc finds regions, sentences, cues and quotations; quote_speakers.cc finds
// the speaker of a cue (to its left, to its right, a sentence's subject) and its kind.
#ifndef DEPECHE_EXTRACT_QUOTE_ANALYSIS_H_
#define DEPECHE_EXTRACT_QUOTE_ANALYSIS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "extract/quote_lexicon.h"
#include "extract/quote_tokens.h"
#include "extract/quotes.h"

namespace depeche::extract::quote_internal {

using Tokens = std::vector<QuoteToken>;

// How far back (in tokens) a pronoun's or a cue's antecedent is looked for, and a definite
// description's ("le fonctionnaire") earlier mention.
inline constexpr size_t kAntecedentWindow = 400;
inline constexpr size_t kRoleWindow = 3000;
// And among how many earlier quotes at most (bounds the work on a text of many quotes whose
// reported clauses overlap).
inline constexpr size_t kAntecedentQuotes = 64;
inline constexpr size_t kRoleQuotes = 256;

// A top-level quoted region: tokens (open, close) are its marks; close is the index of the
// paragraph's last token + 1 when the quote is left open there.
struct Region {
  size_t open = 0;
  size_t close = 0;
  bool closed = true;
  size_t content_begin = 0;  // bytes
  size_t content_end = 0;
  int paragraph = 0;
};

struct Speaker {
  SpeakerKind kind = SpeakerKind::kNone;
  ByteSpan span;
  ByteSpan name;
  size_t end_token = 0;  // the token after the speaker
};

struct Cue {
  size_t begin = 0;  // tokens [begin, end)
  size_t end = 0;
  bool according = false;
  bool used = false;
};

class Analysis {
 public:
  Analysis(std::string_view text, const QuoteLexicon& lex)
      : text_(text), lex_(lex), toks_(TokenizeForQuotes(text, lex)) {
    // One-word auxiliaries: a word of "pour sa part" alone ("pour") is none.
    for (const auto& a : lex_.auxiliaries) {
      if (a.size() == 1) aux_.insert(a.front());
    }
    FindRegions();
    FindSentences();
    FindCues();
    FindClauseBreaks();
  }

  std::vector<Quote> Run();

 private:
  bool IsWord(size_t i) const { return i < toks_.size() && toks_[i].type == QuoteTokenType::kWord; }
  bool IsPunct(size_t i, std::string_view p) const {
    return i < toks_.size() && toks_[i].type == QuoteTokenType::kPunct && toks_[i].lower == p;
  }
  bool IsMark(size_t i) const { return i < toks_.size() && toks_[i].type == QuoteTokenType::kMark; }
  bool Outside(size_t i) const { return region_of_[i] < 0; }
  bool SentenceEnd(size_t i) const {
    return i < toks_.size() && toks_[i].type == QuoteTokenType::kPunct &&
           (toks_[i].lower == "." || toks_[i].lower == "!" || toks_[i].lower == "?" ||
            toks_[i].lower == "…" || toks_[i].lower == ";");
  }
  ByteSpan Span(size_t first, size_t last_exclusive) const {
    return {toks_[first].begin, toks_[last_exclusive - 1].end};
  }

  void FindRegions();
  const std::string* CloserOnly(const std::string& mark) const;
  bool MissingOpening(size_t i) const;
  bool ReportingClauseAfter(size_t i) const;
  void FindSentences();
  void FindCues();
  void Use(Cue& cue);                        // marks `cue` used by a direct quote
  bool ReportsClause(const Cue& cue) const;  // a complementizer right after it
  std::optional<size_t> MatchAt(const std::vector<std::vector<std::string>>& list, size_t i) const;
  Speaker LeftSpeaker(size_t cue, size_t limit) const;
  Speaker LeftSpeakerNear(size_t cue, size_t limit) const;
  Speaker SubjectOf(size_t sentence, size_t limit) const;
  bool FollowsSubject(size_t b) const;
  // `speakers`, when given: the last words of the names that speak in the text; a name then
  // must be one of them or a full name inside its sentence.
  Speaker SubjectBefore(size_t token, size_t from, const std::vector<int>& reported,
                        const std::unordered_set<std::string>* speakers = nullptr) const;
  size_t TokenAt(size_t byte) const;
  bool OpensSentence(size_t i) const;
  // Whether `word` (lower-cased) is written with a capital somewhere other than at a sentence's
  // start: evidence that it is a name.
  bool CapitalizedInside(const std::string& word) const;
  int RoleIn(size_t a, size_t b) const;
  int DefiniteRole(ByteSpan span) const;
  int RoleAntecedent(const std::vector<Quote>& quotes, size_t i, size_t before, int role) const;
  void NameAtEnd(size_t first, size_t last, Speaker* sp) const;
  Speaker RightSpeaker(size_t from, size_t limit) const;
  SpeakerKind KindOf(size_t first, size_t last_exclusive) const;
  ByteSpan ClauseSpan(size_t first, size_t last_exclusive) const;
  size_t ClauseEnd(size_t from, size_t last) const;
  bool OpensReport(size_t c) const;
  void FindClauseBreaks();
  bool DirectAfter(const Region& r, Quote* q, size_t* next_token);
  bool DirectBefore(const Region& r, Quote* q);
  void Indirect(Cue& cue, std::vector<Quote>* out);
  int ParagraphAt(size_t byte) const;
  bool IsTitle(const Region& r) const;
  void ResolveAntecedents(std::vector<Quote>* quotes) const;

  std::string_view text_;
  const QuoteLexicon& lex_;
  Tokens toks_;
  std::unordered_set<std::string> aux_;
  std::vector<Region> regions_;
  std::vector<int> region_of_;    // per token: the top-level region it is inside or a mark of
  std::vector<size_t> sentence_;  // per token
  std::vector<size_t> sentence_begin_;
  std::vector<size_t> sentence_end_;  // exclusive
  std::vector<Cue> cues_;
  std::vector<int> cue_at_;           // per token: the cue starting there, -1
  std::vector<size_t> clause_break_;  // per token: the next comma opening a report
  // Words written with a capital inside a sentence (lower-cased), found on first use.
  mutable std::optional<std::unordered_set<std::string>> capitalized_inside_;
  // Per sentence: how many of its cues may report a clause (no direct quote used them, or a
  // complementizer follows them).
  std::vector<int> unused_cues_;
};

}  // namespace depeche::extract::quote_internal

#endif  // DEPECHE_EXTRACT_QUOTE_ANALYSIS_H_
