// Antecedents of the quotation extractor's speakers (quote_analysis.h): a pronoun's (an earlier
// quote's speaker or a clause's subject), a cue's without a speaker, and a definite
// description's that takes up an earlier speaker of the same role ("le fonctionnaire" after "un
// haut responsable du département d'État").
#include <algorithm>
#include <string>
#include <vector>

#include "core/strings.h"
#include "extract/quote_analysis.h"

namespace depeche::extract::quote_internal {

// Whether token `b` can follow a clause's subject: an auxiliary ("Blinken a répété"), a cue
// ("Truss soutiendra"), object pronouns before one ("Lavrov les a démenties", "me l'a répété"),
// or ", il" after a dislocated subject ("Joe Biden, il a averti").
bool Analysis::FollowsSubject(size_t b) const {
  if (!IsWord(b) || !Outside(b)) {
    return IsPunct(b, ",") && IsWord(b + 1) && lex_.pronouns.count(toks_[b + 1].lower) > 0;
  }
  // Whole auxiliaries only: a word of "pour sa part" alone is none.
  if (MatchAt(lex_.auxiliaries, b) || cue_at_[b] >= 0) return true;
  if (!lex_.clitics.count(toks_[b].lower) || !IsWord(b + 1)) return false;
  return MatchAt(lex_.auxiliaries, b + 1) || cue_at_[b + 1] >= 0 ||
         lex_.clitics.count(toks_[b + 1].lower);
}

// The closest name before token `token`, not before token `from` (nor more than
// kAntecedentWindow tokens back), outside quotes and reported words (`reported` > 0), that is a
// clause's subject.
Speaker Analysis::SubjectBefore(size_t token, size_t from, const std::vector<int>& reported,
                                const std::unordered_set<std::string>* speakers) const {
  Speaker sp;
  const size_t stop =
      std::max(from, token > kAntecedentWindow ? token - kAntecedentWindow : size_t{0});
  for (size_t b = token; b-- > stop + 1;) {
    if (!FollowsSubject(b)) continue;
    size_t a = b;
    while (a > stop && IsWord(a - 1) && Outside(a - 1) && reported[a - 1] == 0 &&
           toks_[a - 1].paragraph == toks_[b].paragraph &&
           (toks_[a - 1].capitalized || lex_.titles.count(toks_[a - 1].lower))) {
      --a;
    }
    while (a < b && (lex_.determiners.count(toks_[a].lower) || lex_.stops.count(toks_[a].lower) ||
                     lex_.pronouns.count(toks_[a].lower) || lex_.no_clause.count(toks_[a].lower) ||
                     cue_at_[a] >= 0)) {
      ++a;
    }
    if (a == b || !toks_[a].capitalized) {
      // "La responsable a par ailleurs alerté": a definite description of a role.
      size_t d = b;
      while (d > stop && b - d < 6 && IsWord(d - 1) && Outside(d - 1) && reported[d - 1] == 0 &&
             !lex_.definites.count(toks_[d - 1].lower) && !lex_.stops.count(toks_[d - 1].lower)) {
        --d;
      }
      if (d > stop && IsWord(d - 1) && lex_.definites.count(toks_[d - 1].lower) &&
          RoleIn(d - 1, b) >= 0) {
        sp.kind = SpeakerKind::kDescription;
        sp.span = Span(d - 1, b);
        sp.end_token = b;
        return sp;
      }
      continue;
    }
    // A capital opening a sentence may be no name ("Sales were ..."): it is one when the text
    // writes the word with a capital elsewhere too ("Liz Truss ..." then "Truss a prédit").
    if (OpensSentence(a) && !CapitalizedInside(toks_[b - 1].lower)) continue;
    // For a pronoun, a name that speaks in the text ("Lavrov a qualifié ..."), or a full name
    // inside a sentence ("Mais Anthony Blinken a déclaré"); not any capitalised subject
    // ("Qatar has ...").
    if (speakers != nullptr && !speakers->count(toks_[b - 1].lower) &&
        (b - a < 2 || OpensSentence(a))) {
      continue;
    }
    sp.kind = SpeakerKind::kName;
    sp.span = Span(a, b);
    sp.end_token = b;
    return sp;
  }
  return sp;
}

bool Analysis::OpensSentence(size_t i) const {
  return i == sentence_begin_[sentence_[i]] ||
         (i > 0 && (toks_[i - 1].type == QuoteTokenType::kMark || IsPunct(i - 1, ":")));
}

bool Analysis::CapitalizedInside(const std::string& word) const {
  if (!capitalized_inside_) {
    capitalized_inside_.emplace();
    for (size_t i = 0; i < toks_.size(); ++i) {
      if (IsWord(i) && toks_[i].capitalized && !OpensSentence(i)) {
        capitalized_inside_->insert(toks_[i].lower);
      }
    }
  }
  return capitalized_inside_->count(word) > 0;
}

int Analysis::ParagraphAt(size_t byte) const {
  auto it = std::upper_bound(toks_.begin(), toks_.end(), byte,
                             [](size_t b, const QuoteToken& t) { return b < t.begin; });
  return it == toks_.begin() ? 0 : std::prev(it)->paragraph;
}

size_t Analysis::TokenAt(size_t byte) const {
  auto it = std::upper_bound(toks_.begin(), toks_.end(), byte,
                             [](size_t b, const QuoteToken& t) { return b < t.begin; });
  return it == toks_.begin() ? 0 : static_cast<size_t>(std::prev(it) - toks_.begin());
}

// The @role group of the first role word among tokens [a, b), -1 when none.
int Analysis::RoleIn(size_t a, size_t b) const {
  for (size_t k = a; k < b && k < toks_.size(); ++k) {
    if (!IsWord(k)) continue;
    for (size_t g = 0; g < lex_.roles.size(); ++g) {
      const auto& words = lex_.roles[g];
      if (std::find(words.begin(), words.end(), toks_[k].lower) != words.end()) {
        return static_cast<int>(g);
      }
    }
  }
  return -1;
}

// The role group of a definite description spanning `span` ("le haut fonctionnaire"), -1 when
// it has no definite determiner first or no role word.
int Analysis::DefiniteRole(ByteSpan span) const {
  if (span.empty()) return -1;
  const size_t a = TokenAt(span.begin);
  const size_t b = TokenAt(span.end - 1) + 1;
  if (!IsWord(a) || !lex_.definites.count(toks_[a].lower)) return -1;
  return RoleIn(a, b);
}

// The quote before quotes[i] whose speaker, before byte `before`, names a person of role group
// `role` ("un haut responsable", "la responsable"), the closest first; a definite description
// with an antecedent of its own gives that antecedent (the first mention). -1 when none within
// kRoleWindow tokens.
int Analysis::RoleAntecedent(const std::vector<Quote>& quotes, size_t i, size_t before,
                             int role) const {
  const size_t at = TokenAt(before);
  const size_t window_begin = toks_[at > kRoleWindow ? at - kRoleWindow : 0].begin;
  for (size_t j = i; j-- > 0 && i - j <= kRoleQuotes;) {
    const Quote& p = quotes[j];
    if (p.content.back().end < window_begin) break;
    if (p.speaker.empty() || p.speaker.begin >= before || p.speaker_kind == SpeakerKind::kPronoun) {
      continue;
    }
    if (RoleIn(TokenAt(p.speaker.begin), TokenAt(p.speaker.end - 1) + 1) != role) continue;
    if (p.speaker_kind == SpeakerKind::kDescription && p.antecedent >= 0) return p.antecedent;
    return static_cast<int>(j);
  }
  return -1;
}

// A pronoun refers to the closest earlier speaker of the same or the previous paragraph: a name
// or description, or the same pronoun, whose antecedent it takes; or, when it is closer, to the
// name that is the subject of a clause in between ("Mais Lavrov a refusé de ... « ... »,
// a-t-il déclaré"), kept in the quote's `name`. A quote with a cue and no speaker ("« ... »,
// expliquant que") takes the closer of the two the same way.
void Analysis::ResolveAntecedents(std::vector<Quote>* quotes) const {
  // Tokens inside reported words (an indirect quote's clause): their names are no antecedents.
  std::vector<int> reported(toks_.size() + 1, 0);
  for (const Quote& q : *quotes) {
    if (q.kind != QuoteKind::kIndirect) continue;
    for (const ByteSpan& c : q.content) {
      ++reported[TokenAt(c.begin)];
      --reported[TokenAt(c.end - 1) + 1];
    }
  }
  for (size_t k = 1; k < reported.size(); ++k) reported[k] += reported[k - 1];
  // The last words of the names that speak in the text (lower-cased).
  std::unordered_set<std::string> speakers;
  for (const Quote& q : *quotes) {
    const ByteSpan name = !q.name.empty() ? q.name : q.speaker;
    if (name.empty() || (q.name.empty() && q.speaker_kind != SpeakerKind::kName)) continue;
    speakers.insert(toks_[TokenAt(name.end - 1)].lower);
  }
  for (size_t i = 0; i < quotes->size(); ++i) {
    Quote& q = (*quotes)[i];
    if (q.speaker_kind == SpeakerKind::kDescription && q.name.empty()) {
      // "a déclaré le fonctionnaire" after "un haut responsable du département d'État".
      const int role = DefiniteRole(q.speaker);
      if (role >= 0) q.antecedent = RoleAntecedent(*quotes, i, q.speaker.begin, role);
      continue;
    }
    const bool pronoun_speaker = q.speaker_kind == SpeakerKind::kPronoun;
    const bool no_speaker = q.speaker_kind == SpeakerKind::kNone && !q.cue.empty();
    if (!pronoun_speaker && !no_speaker) continue;
    const size_t at = pronoun_speaker ? q.speaker.begin : q.cue.begin;
    const int paragraph = ParagraphAt(at);
    const std::string pronoun =
        pronoun_speaker
            ? core::AsciiLower(text_.substr(q.speaker.begin, q.speaker.end - q.speaker.begin))
            : std::string();
    int antecedent = -1;
    // Antecedents are looked for within kAntecedentWindow tokens (bounds the work on a long
    // paragraph of quotes without speakers).
    const size_t at_token = TokenAt(at);
    const size_t window_begin =
        toks_[at_token > kAntecedentWindow ? at_token - kAntecedentWindow : 0].begin;
    for (size_t j = i; j-- > 0 && i - j <= kAntecedentQuotes;) {
      const Quote& p = (*quotes)[j];
      if (p.content.back().end < window_begin) break;
      // The paragraph where the earlier quote ends (its last span or its speaker).
      const int p_paragraph = std::max(ParagraphAt(p.content.back().begin),
                                       p.speaker.empty() ? 0 : ParagraphAt(p.speaker.begin));
      if (p_paragraph + 1 < paragraph) break;
      if (p.speaker_kind == SpeakerKind::kNone || p.speaker.begin >= at) continue;
      // "Blinken a déclaré que Lavrov a réitéré ...": a speaker inside reported words is not
      // the one the text goes on with.
      if (reported[TokenAt(p.speaker.begin)] > 0) continue;
      antecedent = static_cast<int>(j);
      break;
    }
    // The closest subject after that speaker (or from the previous paragraph's start).
    size_t from = 0;
    if (antecedent >= 0) {
      from = TokenAt((*quotes)[antecedent].speaker.end - 1) + 1;
    } else {
      from = at_token;
      while (from > 0 && at_token - from < kAntecedentWindow &&
             toks_[from - 1].paragraph + 1 >= paragraph) {
        --from;
      }
    }
    const Speaker subject = SubjectBefore(at_token, from, reported, &speakers);
    if (subject.kind == SpeakerKind::kDescription) {
      // "La responsable a ... alerté ... « ... », a-t-elle détaillé": the description's
      // antecedent.
      const int role = DefiniteRole(subject.span);
      const int first = RoleAntecedent(*quotes, i, subject.span.begin, role);
      if (no_speaker) {
        q.speaker_kind = SpeakerKind::kDescription;
        q.speaker = subject.span;
        q.antecedent = first;
      } else if (first >= 0) {
        q.antecedent = first;
      }
      continue;
    }
    if (subject.kind != SpeakerKind::kNone) {
      if (no_speaker) {
        q.speaker_kind = SpeakerKind::kName;
        q.speaker = subject.span;
      } else {
        q.name = subject.span;
      }
      continue;
    }
    if (antecedent < 0) continue;
    const Quote& p = (*quotes)[antecedent];
    if (no_speaker) {
      q.speaker_kind = p.speaker_kind;
      q.speaker = p.speaker;
      q.name = p.name;
      q.antecedent = p.antecedent;
    } else if (p.speaker_kind == SpeakerKind::kPronoun) {
      // "Il a déclaré ... « ... », a-t-il ajouté": the same pronoun goes on with its antecedent.
      const std::string other =
          core::AsciiLower(text_.substr(p.speaker.begin, p.speaker.end - p.speaker.begin));
      if (other == pronoun) {
        q.antecedent = p.antecedent;
        q.name = p.name;
      }
    } else {
      q.antecedent = antecedent;
    }
  }
}

}  // namespace depeche::extract::quote_internal
