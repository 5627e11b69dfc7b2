// The speakers of reporting cues (quote_analysis.h): to the left of a cue ("Blinken a
// déclaré"), to its right ("a déclaré M. Blinken", "said Ned Price, the spokesman"), the subject
// of a sentence, the name at the end of an apposition, and what kind of mention each is.
#include <algorithm>
#include <optional>

#include "core/strings.h"
#include "extract/quote_analysis.h"

namespace depeche::extract::quote_internal {

SpeakerKind Analysis::KindOf(size_t first, size_t last) const {
  if (last - first == 1 && lex_.pronouns.count(toks_[first].lower)) return SpeakerKind::kPronoun;
  for (size_t k = first; k < last; ++k) {
    if (toks_[k].capitalized && !(k == first && lex_.determiners.count(toks_[k].lower))) {
      // A capital after a determiner is an organisation in a description ("a State Department
      // official"): a name only when the phrase does not open with a determiner.
      return lex_.determiners.count(toks_[first].lower) ? SpeakerKind::kDescription
                                                        : SpeakerKind::kName;
    }
  }
  return SpeakerKind::kDescription;
}

// The speaker read leftwards from the cue at token `cue`, not before token `limit`.
Speaker Analysis::LeftSpeaker(size_t cue, size_t limit) const {
  Speaker sp = LeftSpeakerNear(cue, limit);
  if (sp.kind != SpeakerKind::kNone || cue == 0) return sp;
  // The comma before the cue and its auxiliaries (", Alexandre Fomine, a signifié").
  size_t at = cue;
  while (at > limit + 1 && IsWord(at - 1) && aux_.count(toks_[at - 1].lower) &&
         !toks_[at - 1].inverted) {
    --at;
  }
  if (at > limit + 1 && IsPunct(at - 1, ",")) {
    // "Hillary Clinton, at a later press gaggle, said": the speaker before an inserted phrase.
    for (size_t k = at - 1; k-- > limit && at - k < 10 && sentence_[k] == sentence_[cue];) {
      if (IsPunct(k, ",")) {
        sp = LeftSpeakerNear(k, limit);
        if (sp.kind == SpeakerKind::kNone) break;
        if (sp.kind == SpeakerKind::kDescription && sp.name.empty() && sp.end_token == k) {
          // "La ministre britannique des Affaires étrangères, Liz Truss, dira": the
          // inserted phrase is the description's name.
          bool name = at - 1 > k + 1;
          for (size_t m = k + 1; m < at - 1 && name; ++m) {
            name = IsWord(m) && (toks_[m].capitalized || lex_.titles.count(toks_[m].lower));
          }
          if (name) {
            sp.kind = SpeakerKind::kName;
            sp.name = Span(k + 1, at - 1);
            sp.span = {sp.span.begin, sp.name.end};
            sp.end_token = at - 1;
            return sp;
          }
        }
        size_t first = k;
        while (first > limit && toks_[first].begin > sp.span.begin) --first;
        // Not an opening phrase ("During a speech, Trump attacked ..., saying").
        if (!lex_.no_clause.count(toks_[first].lower)) return sp;
        break;
      }
      if (!IsWord(k)) break;
    }
    // "Trump attacked Clinton ..., saying, “...”": the subject of the sentence.
    sp = SubjectOf(sentence_[cue], cue);
    if (sp.kind != SpeakerKind::kNone) return sp;
  }
  // "Trump said, adding later, “...”": a second cue of the sentence has the first one's
  // speaker.
  for (size_t k = cue; k-- > limit && sentence_[k] == sentence_[cue];) {
    if (!Outside(k)) break;
    if (cue_at_[k] >= 0 && !cues_[cue_at_[k]].according) {
      // "..., avait dit auparavant le président Joe Biden, jugeant ...": or after that cue.
      sp = LeftSpeakerNear(k, limit);
      if (sp.kind == SpeakerKind::kNone) sp = RightSpeaker(cues_[cue_at_[k]].end, cue);
      return sp;
    }
  }
  return sp;
}

// The names (or pronoun) opening sentence `s` before token `limit`, after an opening phrase
// ("During a speech earlier in the day, Trump ...").
Speaker Analysis::SubjectOf(size_t s, size_t limit) const {
  Speaker sp;
  size_t i = sentence_begin_[s];
  if (IsWord(i) && (lex_.no_clause.count(toks_[i].lower) || lex_.stops.count(toks_[i].lower))) {
    while (i < limit && !IsPunct(i, ",")) ++i;
    ++i;
  }
  if (i >= limit || !IsWord(i) || !Outside(i)) return sp;
  if (lex_.pronouns.count(toks_[i].lower)) {
    sp.kind = SpeakerKind::kPronoun;
    sp.span = Span(i, i + 1);
    sp.end_token = i + 1;
    return sp;
  }
  size_t j = i;
  while (j < limit && IsWord(j) && Outside(j) &&
         (toks_[j].capitalized || lex_.titles.count(toks_[j].lower))) {
    ++j;
  }
  if (j == i || lex_.determiners.count(toks_[i].lower)) return sp;
  sp.kind = SpeakerKind::kName;
  sp.span = Span(i, j);
  sp.end_token = j;
  return sp;
}

Speaker Analysis::LeftSpeakerNear(size_t cue, size_t limit) const {
  Speaker sp;
  size_t i = cue;
  while (i > limit && IsWord(i - 1) && sentence_[i - 1] == sentence_[cue] &&
         (aux_.count(toks_[i - 1].lower) > 0) && !toks_[i - 1].inverted) {
    --i;
  }
  if (i > limit && IsWord(i - 1) && toks_[i - 1].inverted) {
    sp.kind = SpeakerKind::kPronoun;
    sp.span = Span(i - 1, i);
    sp.end_token = cue;
    return sp;
  }
  // "Rep. Gwen Moore (D-Wis.) said": the parenthesis belongs to the name.
  size_t last = i;
  if (i > limit && IsPunct(i - 1, ")")) {
    size_t k = i - 1;
    while (k > limit && !IsPunct(k, "(") && i - k < 8) --k;
    if (IsPunct(k, "(")) i = k;
  }
  size_t j = i;
  if (i == last) last = i;
  while (j > limit && IsWord(j - 1) && Outside(j - 1) && sentence_[j - 1] == sentence_[cue] &&
         cue_at_[j - 1] < 0 && !lex_.stops.count(toks_[j - 1].lower) &&
         !lex_.complementizers.count(toks_[j - 1].lower) && last - j < 12) {
    --j;
  }
  if (j == i) return sp;
  if (i != last && j + 1 == i && !toks_[j].capitalized) return sp;
  // A noun phrase opens with a capital, a determiner, a title or a pronoun: words before that
  // ("though she", "going on to") are not the speaker's.
  while (j < i && !toks_[j].capitalized && !lex_.determiners.count(toks_[j].lower) &&
         !lex_.titles.count(toks_[j].lower) && !lex_.pronouns.count(toks_[j].lower)) {
    ++j;
  }
  if (j == i) return sp;
  if (toks_[j].capitalized && !lex_.determiners.count(toks_[j].lower)) {
    // A name then lower-case words ("Lavrov a séparément déclaré"): the name.
    size_t k = j;
    while (k < i && (toks_[k].capitalized || lex_.titles.count(toks_[k].lower))) ++k;
    bool rest_lower = true;
    for (size_t m = k; m < i; ++m) rest_lower = rest_lower && !toks_[m].capitalized;
    if (rest_lower && k < i && i - k <= 2) i = last = k;
  }
  size_t first = j;
  if (i - first > 6) {
    // A long run is a clause more than a noun phrase: keep its final capitalised words.
    size_t k = i;
    while (k > first && (toks_[k - 1].capitalized || lex_.titles.count(toks_[k - 1].lower))) --k;
    if (k == i) return sp;
    first = k;
  }
  // "Ned Price, the spokesman, said": the name before the apposition.
  if (lex_.determiners.count(toks_[first].lower) && first >= limit + 2 && IsPunct(first - 1, ",") &&
      IsWord(first - 2) && toks_[first - 2].capitalized && sentence_[first - 2] == sentence_[cue]) {
    size_t k = first - 1;
    bool day = false;
    while (k > limit && IsWord(k - 1) && toks_[k - 1].capitalized) {
      --k;
      day = day || lex_.no_clause.count(toks_[k].lower) > 0;
    }
    // "... à la Géorgie, la Russie exhorte": a name after a preposition or a determiner ends
    // an opening phrase, it is no apposition.
    day =
        day ||
        (k > limit && IsWord(k - 1) &&
         (lex_.determiners.count(toks_[k - 1].lower) || lex_.no_clause.count(toks_[k - 1].lower)));
    if (day) {
      sp.kind = KindOf(first, i);
      sp.span = Span(first, i);
      sp.end_token = last;
      return sp;
    }
    sp.name = Span(k, first - 1);
    sp.span = Span(k, last);
    sp.kind = SpeakerKind::kName;
    sp.end_token = last;
    return sp;
  }
  sp.kind = KindOf(first, last);
  sp.span = Span(first, last);
  sp.end_token = last;
  NameAtEnd(first, i, &sp);
  return sp;
}

// "le président américain Joe Biden", "The New York Post": a description ending with capitalised
// words names its speaker.
void Analysis::NameAtEnd(size_t first, size_t last, Speaker* sp) const {
  if (sp->kind != SpeakerKind::kDescription || last <= first + 1) return;
  size_t k = last;
  while (k > first + 1 && IsWord(k - 1) && toks_[k - 1].capitalized) --k;
  if (k == last) return;
  // "le ministère de la Défense": capitals after a determiner or particle inside the phrase
  // name a thing of the description, not the speaker.
  if (k > first + 1 &&
      (lex_.determiners.count(toks_[k - 1].lower) || toks_[k - 1].lower.size() <= 3)) {
    return;
  }
  sp->kind = SpeakerKind::kName;
  sp->name = Span(k, last);
}

// The speaker after a cue ("a déclaré M. Blinken", "said Ned Price, the spokesman"), from token
// `from`, before token `limit`.
Speaker Analysis::RightSpeaker(size_t from, size_t limit) const {
  Speaker sp;
  size_t i = from;
  // "a déclaré mardi un haut responsable": a day or an adverb before the speaker.
  for (size_t n = 0; n < 2 && i + 1 < limit && IsWord(i) && lex_.adverbs.count(toks_[i].lower);
       ++n) {
    ++i;
  }
  if (i >= limit || !IsWord(i) || !Outside(i)) return sp;
  if (toks_[i].inverted || lex_.pronouns.count(toks_[i].lower)) {
    if (!toks_[i].inverted && (i + 1 < limit && IsWord(i + 1))) return sp;  // "said he would"
    sp.kind = SpeakerKind::kPronoun;
    sp.span = Span(i, i + 1);
    sp.end_token = i + 1;
    return sp;
  }
  if (lex_.no_clause.count(toks_[i].lower)) return sp;  // "said Friday"
  const bool description = lex_.determiners.count(toks_[i].lower) > 0;
  if (!description && !toks_[i].capitalized && !lex_.titles.count(toks_[i].lower)) return sp;
  size_t j = i;
  if (description) {
    while (j < limit && IsWord(j) && Outside(j) && sentence_[j] == sentence_[from] &&
           !lex_.stops.count(toks_[j].lower) && !lex_.complementizers.count(toks_[j].lower) &&
           !(j > i && lex_.no_clause.count(toks_[j].lower)) && cue_at_[j] < 0 && j - i < 10) {
      ++j;
    }
  } else {
    while (j < limit && IsWord(j) && Outside(j) && sentence_[j] == sentence_[from] &&
           (toks_[j].capitalized || lex_.titles.count(toks_[j].lower) ||
            (j > i && toks_[j].lower.size() <= 3 && j + 1 < limit && IsWord(j + 1) &&
             toks_[j + 1].capitalized))) {
      ++j;
    }
  }
  if (j == i) return sp;
  sp.kind = KindOf(i, j);
  sp.span = Span(i, j);
  sp.end_token = j;
  NameAtEnd(i, j, &sp);
  // "le porte-parole du département d'Etat, Ned Price": the name of the description.
  if (description && IsPunct(j, ",") && IsWord(j + 1) && toks_[j + 1].capitalized &&
      !lex_.determiners.count(toks_[j + 1].lower) && !lex_.pronouns.count(toks_[j + 1].lower)) {
    size_t k = j + 1;
    while (k < limit && IsWord(k) && Outside(k) &&
           (toks_[k].capitalized || lex_.titles.count(toks_[k].lower))) {
      ++k;
    }
    if (k > j + 1 && (k >= toks_.size() || !IsWord(k) || toks_[k].capitalized)) {
      sp.name = Span(j + 1, k);
      sp.span = Span(i, k);
      sp.kind = SpeakerKind::kName;
      sp.end_token = k;
    }
  }
  return sp;
}

// Bytes of tokens [first, last) without a final sentence punctuation or comma.
}  // namespace depeche::extract::quote_internal
