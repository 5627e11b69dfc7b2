#include "extract/quotes.h"

#include <algorithm>
#include <optional>
#include <unordered_map>

#include "core/strings.h"
#include "extract/quote_analysis.h"
#include "extract/quote_tokens.h"

namespace depeche::extract {

const char* QuoteKindName(QuoteKind kind) {
  return kind == QuoteKind::kDirect ? "direct" : "indirect";
}

const char* SpeakerKindName(SpeakerKind kind) {
  switch (kind) {
    case SpeakerKind::kName:
      return "name";
    case SpeakerKind::kDescription:
      return "description";
    case SpeakerKind::kPronoun:
      return "pronoun";
    case SpeakerKind::kNone:
      break;
  }
  return "none";
}

Result<std::unique_ptr<QuoteExtractor>> QuoteExtractor::Create(const std::string& data_dir,
                                                               const std::string& lang) {
  DEPECHE_ASSIGN_OR_RETURN(QuoteLexicon lex,
                           QuoteLexicon::Load(data_dir + "/" + lang + "/quotes.txt"));
  return std::make_unique<QuoteExtractor>(std::move(lex));
}

namespace quote_internal {

void Analysis::FindRegions() {
  region_of_.assign(toks_.size(), -1);
  struct Open {
    size_t token;
    const std::string* close;
  };
  std::vector<Open> stack;
  auto finish = [&](size_t close_token, bool closed, size_t content_end) {
    Region r;
    r.open = stack.front().token;
    r.close = close_token;
    r.closed = closed;
    r.content_begin = toks_[r.open].end;
    r.content_end = content_end;
    r.paragraph = toks_[r.open].paragraph;
    if (r.content_end > r.content_begin) {
      const int id = static_cast<int>(regions_.size());
      for (size_t k = r.open; k < std::min(close_token + (closed ? 1 : 0), toks_.size()); ++k) {
        region_of_[k] = id;
      }
      regions_.push_back(r);
    }
    stack.clear();
  };
  for (size_t i = 0; i < toks_.size(); ++i) {
    const QuoteToken& t = toks_[i];
    if (!stack.empty() && i > 0 && t.paragraph != toks_[i - 1].paragraph) {
      // A quote going on in the next paragraph reopens it with its opening mark.
      if (t.type == QuoteTokenType::kMark && t.lower == toks_[stack.front().token].lower) {
        stack.resize(1);
        continue;
      }
      finish(i, false, toks_[i - 1].end);
    }
    if (t.type != QuoteTokenType::kMark) continue;
    const bool next_adjacent = i + 1 < toks_.size() && !toks_[i + 1].space_before &&
                               toks_[i + 1].paragraph == t.paragraph &&
                               toks_[i + 1].type == QuoteTokenType::kWord;
    if (!stack.empty() && *stack.back().close == t.lower) {
      const bool symmetric = toks_[stack.back().token].lower == t.lower;
      // A straight quote after a space and before a word opens a nested quote instead.
      if (!symmetric || !t.space_before || !next_adjacent) {
        // "« Me demandez-vous ... ? « Mais il paiera un lourd tribut », a déclaré le
        // président": a quote does not open a second one with its own mark; the reporting
        // clause closes both.
        const bool same_as_outer = stack.size() >= 2 && toks_[stack.back().token].lower ==
                                                            toks_[stack.front().token].lower;
        if (stack.size() == 1 || (same_as_outer && !symmetric && ReportingClauseAfter(i))) {
          finish(i, true, t.begin);
        } else {
          stack.pop_back();
        }
        continue;
      }
    }
    const std::string* close = nullptr;
    for (const QuoteMarkPair& m : lex_.marks) {
      if (m.open == t.lower) {
        close = &m.close;
        break;
      }
    }
    if (close != nullptr) {
      stack.push_back({i, close});
      continue;
    }
    if (stack.empty()) {
      const std::string* closer = CloserOnly(t.lower);
      if (closer != nullptr && t.space_before && next_adjacent && i > 0 &&
          toks_[i - 1].type != QuoteTokenType::kMark && toks_[i - 1].paragraph == t.paragraph) {
        // "qu' »une invasion ... »": a closing mark written where the opening one belongs.
        stack.push_back({i, closer});
        continue;
      }
      if (closer != nullptr && MissingOpening(i)) {
        // "... aujourd'hui », a déclaré Blinken": the paragraph opens a quote whose opening
        // mark was lost (machine translation); the quote runs from the paragraph's start.
        size_t first = i;
        while (first > 0 && toks_[first - 1].paragraph == t.paragraph) --first;
        Region r;
        r.open = first;
        r.close = i;
        r.content_begin = toks_[first].begin;
        r.content_end = t.begin;
        r.paragraph = t.paragraph;
        for (size_t k = first; k <= i; ++k) region_of_[k] = static_cast<int>(regions_.size());
        regions_.push_back(r);
        continue;
      }
    }
    // A closing mark of an outer quote: the inner ones were left open.
    for (size_t d = stack.size(); d-- > 0;) {
      if (*stack[d].close == t.lower) {
        if (d == 0) {
          finish(i, true, t.begin);
        } else {
          stack.resize(d);
        }
        break;
      }
    }
  }
  if (!stack.empty()) finish(toks_.size(), false, toks_.back().end);
}

// The closing mark `mark` when it closes some pair and opens none; else nullptr.
const std::string* Analysis::CloserOnly(const std::string& mark) const {
  const std::string* closer = nullptr;
  for (const QuoteMarkPair& m : lex_.marks) {
    if (m.open == mark) return nullptr;
    if (m.close == mark) closer = &m.close;
  }
  return closer;
}

// Whether a reporting clause follows closing mark `i`: a cue's first word among the next three
// words, after an optional comma (", a déclaré Blinken").
bool Analysis::ReportingClauseAfter(size_t i) const {
  const int paragraph = toks_[i].paragraph;
  size_t k = i + 1;
  if (IsPunct(k, ",")) ++k;
  for (size_t end = std::min(k + 3, toks_.size()); k < end; ++k) {
    if (!IsWord(k) || toks_[k].paragraph != paragraph) return false;
    for (const auto& cue : lex_.cues) {
      if (!cue.empty() && toks_[k].lower == cue[0]) return true;
    }
  }
  return false;
}

// Closing-only mark `i`, with no quote open: its opening mark is missing when it is the
// paragraph's first mark, closes words ("aujourd'hui »", "la paix. »") and a reporting clause
// follows it.
bool Analysis::MissingOpening(size_t i) const {
  const int paragraph = toks_[i].paragraph;
  if (i == 0 || toks_[i - 1].paragraph != paragraph) return false;
  if (!IsWord(i - 1) && !SentenceEnd(i - 1)) return false;
  for (size_t k = i; k-- > 0 && toks_[k].paragraph == paragraph;) {
    if (toks_[k].type == QuoteTokenType::kMark) return false;
  }
  return ReportingClauseAfter(i);
}

void Analysis::FindSentences() {
  sentence_.assign(toks_.size(), 0);
  size_t s = 0;
  sentence_begin_.push_back(0);
  for (size_t i = 0; i < toks_.size(); ++i) {
    bool starts = false;
    if (i > 0) {
      const QuoteToken& t = toks_[i];
      if (t.paragraph != toks_[i - 1].paragraph) {
        starts = true;
      } else if (region_of_[i] < 0 || regions_[region_of_[i]].open == i) {
        // Outside quotes (or at an opening mark): after a sentence end, before a capital or mark.
        size_t p = i - 1;
        const int pr = region_of_[p];
        const bool after_end =
            pr < 0 ? SentenceEnd(p) : (regions_[pr].close == p && p > 0 && SentenceEnd(p - 1));
        if (after_end && (t.capitalized || t.type == QuoteTokenType::kMark)) {
          // "« ... . » Il a ajouté" starts a sentence, "“... .” He said" does not: a cue
          // within three words binds the quote to what follows.
          bool binds = false;
          if (pr >= 0) {
            for (size_t k = i; k < std::min(i + 3, toks_.size()); ++k) {
              for (const auto& cue : lex_.cues) {
                if (!cue.empty() && toks_[k].lower == cue[0]) binds = true;
              }
            }
          }
          starts = !binds;
        }
      }
    }
    if (starts) {
      sentence_end_.push_back(i);
      sentence_begin_.push_back(i);
      ++s;
    }
    sentence_[i] = s;
  }
  sentence_end_.push_back(toks_.size());
}

std::optional<size_t> Analysis::MatchAt(const std::vector<std::vector<std::string>>& list,
                                        size_t i) const {
  size_t best = 0;
  for (const auto& words : list) {
    if (words.empty() || words.size() <= best || i + words.size() > toks_.size()) continue;
    bool ok = true;
    for (size_t k = 0; k < words.size() && ok; ++k) {
      ok = toks_[i + k].type == QuoteTokenType::kWord && toks_[i + k].lower == words[k] &&
           region_of_[i + k] < 0;
    }
    if (ok) best = words.size();
  }
  if (best == 0) return std::nullopt;
  return best;
}

void Analysis::FindCues() {
  cue_at_.assign(toks_.size(), -1);
  unused_cues_.assign(sentence_begin_.size(), 0);
  for (size_t i = 0; i < toks_.size(); ++i) {
    if (!IsWord(i) || !Outside(i)) continue;
    const std::optional<size_t> according = MatchAt(lex_.according, i);
    const std::optional<size_t> cue = according ? according : MatchAt(lex_.cues, i);
    if (!cue) continue;
    // A capitalised cue opening a sentence is only an "according to"; a cue after a
    // determiner is a noun ("the reports", "le juge").
    if (!according && toks_[i].capitalized) continue;
    if (i > 0 && IsWord(i - 1) && lex_.determiners.count(toks_[i - 1].lower)) continue;
    cue_at_[i] = static_cast<int>(cues_.size());
    cues_.push_back({i, i + *cue, according.has_value(), false});
    ++unused_cues_[sentence_[i]];
    i += *cue - 1;
  }
}

void Analysis::Use(Cue& cue) {
  if (cue.used) return;
  cue.used = true;
  // A cue with a complementizer still reports its clause ("« ... », expliquant que ...").
  if (!ReportsClause(cue)) --unused_cues_[sentence_[cue.begin]];
}

bool Analysis::ReportsClause(const Cue& cue) const {
  return IsWord(cue.end) && lex_.complementizers.count(toks_[cue.end].lower) > 0;
}

ByteSpan Analysis::ClauseSpan(size_t first, size_t last) const {
  while (last > first && toks_[last - 1].type == QuoteTokenType::kPunct) --last;
  if (last <= first) return {};
  return Span(first, last);
}

namespace {

void Apply(const Speaker& sp, Quote* q) {
  q->speaker_kind = sp.kind;
  q->speaker = sp.span;
  q->name = sp.name;
}

}  // namespace

// "« ... », a déclaré M. Blinken" / "“...,” Blinken said": a cue within a few words after the
// closing mark. Sets *next_token to the token after the reporting clause.
bool Analysis::DirectAfter(const Region& r, Quote* q, size_t* next_token) {
  if (!r.closed) return false;
  size_t k = r.close + 1;
  const bool dash = IsPunct(k, "—") || IsPunct(k, "–") || IsPunct(k, "―");
  if (IsPunct(k, ",") || dash) ++k;
  for (size_t p = k; p < std::min(k + 7, toks_.size()); ++p) {
    if (!IsWord(p) || !Outside(p) || toks_[p].paragraph != r.paragraph) break;
    if (cue_at_[p] < 0) continue;
    Cue& cue = cues_[cue_at_[p]];
    if (cue.according) break;
    Speaker sp = p > k ? LeftSpeaker(p, k) : Speaker{};
    if (sp.kind != SpeakerKind::kNone && sp.span.begin > toks_[k].begin) {
      // "« ... », tandis que le Kremlin estimait": words before the speaker open another
      // clause, this is no reporting clause of the quote.
      bool only_aux = true;
      for (size_t m = k; m < p && toks_[m].begin < sp.span.begin; ++m) {
        only_aux = only_aux && IsWord(m) && aux_.count(toks_[m].lower) > 0;
      }
      if (!only_aux) break;
    }
    if (sp.kind == SpeakerKind::kNone) {
      sp = RightSpeaker(cue.end, toks_.size());
      // "a-t-il ajouté": the pronoun sits between the auxiliary and the verb.
    }
    if (p > k && sp.kind == SpeakerKind::kNone) {
      // Words before the cue that are no speaker: not a reporting clause.
      bool only_aux = true;
      for (size_t m = k; m < p; ++m) only_aux = only_aux && aux_.count(toks_[m].lower) > 0;
      if (!only_aux) break;
    }
    Use(cue);
    q->cue = Span(cue.begin, cue.end);
    Apply(sp, q);
    *next_token = std::max(cue.end, sp.end_token);
    return true;
  }
  if (dash) {
    // "“...” — Pamela Padilla": a name after a dash signs the quote, with no cue.
    const Speaker sp = RightSpeaker(k, toks_.size());
    if (sp.kind == SpeakerKind::kName &&
        (sp.end_token >= toks_.size() || toks_[sp.end_token].paragraph != r.paragraph ||
         toks_[sp.end_token].type != QuoteTokenType::kWord)) {
      Apply(sp, q);
      *next_token = sp.end_token;
      return true;
    }
  }
  return false;
}

// "Blinken a déclaré : « ... »" / "He said, “...”": a cue shortly before the opening mark, with
// only its speaker, an object ("told reporters") and a colon or comma in between.
bool Analysis::DirectBefore(const Region& r, Quote* q) {
  size_t p = r.open;
  size_t sentence_first = sentence_begin_[sentence_[r.open]];
  if (p == sentence_first && p > 0 && IsPunct(p - 1, ":") && Outside(p - 1)) {
    // "Caddell continued:" closing the paragraph before the quote.
    sentence_first = sentence_begin_[sentence_[p - 1]];
  }
  if (p > sentence_first && (IsPunct(p - 1, ":") || IsPunct(p - 1, ","))) --p;
  for (size_t c = p; c-- > sentence_first && p - c <= 8;) {
    if (!Outside(c) || !IsWord(c)) break;
    if (cue_at_[c] < 0) continue;
    Cue& cue = cues_[cue_at_[c]];
    if (cue.according) return false;
    Speaker sp = LeftSpeaker(c, sentence_first);
    Speaker right = RightSpeaker(cue.end, p);
    if (sp.kind == SpeakerKind::kNone) sp = right;
    // Between the cue and the quote: nothing, or a short object ("told reporters"), ending with
    // a colon, comma or nothing; a longer clause makes the quote a partial one.
    const size_t gap_first = right.kind != SpeakerKind::kNone ? right.end_token : cue.end;
    if (p > gap_first + 3) return false;
    if (p == r.open && p > gap_first) return false;
    Use(cue);
    q->cue = Span(cue.begin, cue.end);
    Apply(sp, q);
    return true;
  }
  return false;
}

// Whether the comma at token `c` opens another speaker's report ("accusé Kiev de ..., tandis que
// le Kremlin estimait que ...": conjunctions of @stop, then the speaker and the cue), which ends
// a reported clause before it.
bool Analysis::OpensReport(size_t c) const {
  if (!IsPunct(c, ",") || !Outside(c)) return false;
  const size_t last = sentence_end_[sentence_[c]];
  size_t k = c + 1;
  while (k < last && IsWord(k) &&
         (lex_.stops.count(toks_[k].lower) || lex_.complementizers.count(toks_[k].lower))) {
    ++k;
  }
  if (k == c + 1) return false;
  for (size_t m = k; m < std::min(k + 8, last); ++m) {
    if (!IsWord(m) || !Outside(m)) break;
    if (cue_at_[m] < 0 || cues_[cue_at_[m]].according) continue;
    return m > k && LeftSpeakerNear(m, k).kind != SpeakerKind::kNone;
  }
  return false;
}

// Per token, the first comma at or after it that opens another report (one pass, so that each
// reported clause finds its end in constant time).
void Analysis::FindClauseBreaks() {
  clause_break_.assign(toks_.size() + 1, toks_.size());
  for (size_t c = toks_.size(); c-- > 0;) {
    clause_break_[c] = OpensReport(c) ? c : clause_break_[c + 1];
  }
}

// Where a reported clause from token `from` ends, before `last` (its sentence's end).
size_t Analysis::ClauseEnd(size_t from, size_t last) const {
  return std::min(clause_break_[from], last);
}

void Analysis::Indirect(Cue& cue, std::vector<Quote>* out) {
  const size_t s = sentence_[cue.begin];
  const size_t first = sentence_begin_[s];
  const size_t last = sentence_end_[s];
  Quote q;
  q.kind = QuoteKind::kIndirect;
  q.cue = Span(cue.begin, cue.end);
  if (cue.according) {
    Speaker sp = RightSpeaker(cue.end, last);
    if (sp.kind == SpeakerKind::kNone) return;
    Apply(sp, &q);
    size_t after = sp.end_token;
    if (IsPunct(after, ",")) ++after;
    ByteSpan content =
        cue.begin - first <= 1 ? ClauseSpan(after, last) : ClauseSpan(first, cue.begin);
    if (content.empty()) return;
    q.content.push_back(content);
    out->push_back(std::move(q));
    return;
  }
  Speaker left = LeftSpeaker(cue.begin, first);
  // "said (in a statement / to reporters) that ...".
  for (size_t k = cue.end; k < std::min(cue.end + 10, last); ++k) {
    if (!IsWord(k) || !Outside(k)) break;
    if (lex_.complementizers.count(toks_[k].lower)) {
      Speaker sp = left.kind != SpeakerKind::kNone ? left : RightSpeaker(cue.end, k);
      const ByteSpan content = ClauseSpan(k, ClauseEnd(k, last));
      if (content.empty()) return;
      Apply(sp, &q);
      q.content.push_back(content);
      out->push_back(std::move(q));
      return;
    }
  }
  // "..., a source said." / "..., said the official.": the cue closes the sentence.
  Speaker right = RightSpeaker(cue.end, last);
  size_t tail = right.kind != SpeakerKind::kNone ? right.end_token : cue.end;
  size_t words_after = 0;
  while (tail < last && IsWord(tail) && words_after < 4) {
    ++tail;
    ++words_after;
  }
  const bool closes = tail >= last || SentenceEnd(tail);
  if (closes) {
    Speaker sp = left.kind != SpeakerKind::kNone ? left : right;
    // The comma before the speaker (or the cue) ends the reported clause.
    size_t k = cue.begin;
    if (left.kind != SpeakerKind::kNone) {
      while (k > first && toks_[k - 1].begin >= left.span.begin) --k;
    }
    while (k > first && IsWord(k - 1) && aux_.count(toks_[k - 1].lower)) --k;
    if (k > first && IsPunct(k - 1, ",") && sp.kind != SpeakerKind::kNone) {
      const ByteSpan content = ClauseSpan(first, k - 1);
      if (content.empty()) return;
      Apply(sp, &q);
      q.content.push_back(content);
      out->push_back(std::move(q));
    }
    return;
  }
  // "Trump said the plan would fail": a clause right after the cue.
  if (left.kind == SpeakerKind::kNone || !IsWord(cue.end) || !Outside(cue.end) ||
      lex_.no_clause.count(toks_[cue.end].lower) || last - cue.end < 3) {
    return;
  }
  if (right.kind != SpeakerKind::kNone &&
      (IsPunct(right.end_token, ",") || SentenceEnd(right.end_token))) {
    return;
  }
  const ByteSpan content = ClauseSpan(cue.end, ClauseEnd(cue.end, last));
  if (content.empty()) return;
  Apply(left, &q);
  q.content.push_back(content);
  out->push_back(std::move(q));
}

std::vector<Quote> Analysis::Run() {
  std::vector<Quote> out;
  std::vector<bool> consumed(regions_.size(), false);
  std::vector<size_t> partial_regions;
  int last_direct = -1;
  std::vector<size_t> loose_regions;  // quoted words with no cue of their own, no continuation
  std::unordered_map<size_t, size_t> closing_quote_of_sentence;  // sentence -> quote
  int last_direct_paragraph = -2;
  for (size_t ri = 0; ri < regions_.size(); ++ri) {
    if (consumed[ri]) continue;
    const Region& r = regions_[ri];
    Quote q;
    q.content.push_back({r.content_begin, r.content_end});
    size_t next = r.close + 1;
    int last_paragraph = toks_[std::min(r.close, toks_.size()) - 1].paragraph;
    bool found = DirectAfter(r, &q, &next);
    if (found && q.speaker_kind == SpeakerKind::kNone) {
      // "Peabody said: “...,” adding that ...": the cue before has the speaker.
      Quote before = q;
      if (DirectBefore(r, &before) && before.speaker_kind != SpeakerKind::kNone) q = before;
    }
    if (found) {
      // « A », a déclaré M. Blinken, « B »: the second part is the same quote.
      if (ri + 1 < regions_.size() && (IsPunct(next, ",") || IsPunct(next, ":")) &&
          regions_[ri + 1].open == next + 1) {
        consumed[ri + 1] = true;
        const Region& r2 = regions_[ri + 1];
        q.content.push_back({r2.content_begin, r2.content_end});
        last_paragraph = toks_[std::min(r2.close, toks_.size()) - 1].paragraph;
      }
    } else {
      found = DirectBefore(r, &q);
    }
    if (!found) {
      const size_t s = sentence_[r.open];
      if (unused_cues_[s] > 0) {
        partial_regions.push_back(ri);
        continue;
      }
      // A paragraph opening with a quote right after a paragraph with a direct quote goes on
      // with that speaker's words.
      const bool opens_sentence = r.open == sentence_begin_[s];
      if (opens_sentence && last_direct >= 0 && last_direct_paragraph + 1 >= r.paragraph) {
        // The same speaker goes on: one quote of several spans, as a reader counts it.
        out[last_direct].content.push_back({r.content_begin, r.content_end});
        last_direct_paragraph = last_paragraph;
      } else if (!IsTitle(r)) {
        loose_regions.push_back(ri);
      }
      continue;
    }
    if (!q.cue.empty() && q.cue.begin >= q.content.back().end) {
      closing_quote_of_sentence.emplace(sentence_[r.open], out.size());
    }
    last_direct = static_cast<int>(out.size());
    last_direct_paragraph = last_paragraph;
    out.push_back(std::move(q));
  }

  // The indirect quotes of each sentence (a reported clause never leaves its cue's sentence).
  std::unordered_map<size_t, std::vector<size_t>> indirect_of_sentence;
  for (Cue& cue : cues_) {
    // "« ... », expliquant que ...": a direct quote's cue may report a clause too.
    if (cue.used && !ReportsClause(cue)) continue;
    const size_t before = out.size();
    Indirect(cue, &out);
    for (size_t qi = before; qi < out.size(); ++qi) {
      indirect_of_sentence[sentence_[cue.begin]].push_back(qi);
    }
  }
  // Quoted words inside a reported clause belong to it (partial quotes); the others are
  // direct quotes of the sentence's cue ("called Trump a “con artist”").
  std::unordered_map<size_t, size_t> partial_quote_of_cue;  // cue token -> quote
  std::unordered_map<size_t, std::optional<std::pair<size_t, Speaker>>> speaker_cue_of_sentence;
  std::vector<int> no_reported;  // SubjectBefore's "reported words" (none known yet)
  for (size_t ri : partial_regions) {
    const Region& r = regions_[ri];
    bool inside = false;
    const auto in_sentence = indirect_of_sentence.find(sentence_[r.open]);
    const size_t candidates =
        in_sentence == indirect_of_sentence.end() ? 0 : in_sentence->second.size();
    for (size_t n = 0; n < candidates && !inside; ++n) {
      Quote& q = out[in_sentence->second[n]];
      const ByteSpan& c = q.content.front();
      if (c.begin <= r.content_begin && r.content_end <= c.end) {
        q.partial.push_back({r.content_begin, r.content_end});
        inside = true;
      }
    }
    if (inside || IsTitle(r)) continue;
    const size_t s = sentence_[r.open];
    // The sentence's first cue with a speaker to its left, looked up once per sentence.
    auto known = speaker_cue_of_sentence.find(s);
    if (known == speaker_cue_of_sentence.end()) {
      std::optional<std::pair<size_t, Speaker>> found;
      for (size_t k = sentence_begin_[s]; k < sentence_end_[s] && !found; ++k) {
        if (cue_at_[k] < 0 || cues_[cue_at_[k]].according) continue;
        const Speaker sp = LeftSpeaker(k, sentence_begin_[s]);
        if (sp.kind != SpeakerKind::kNone) found.emplace(k, sp);
      }
      for (size_t k = sentence_begin_[s]; k < sentence_end_[s] && !found; ++k) {
        // "Elle utilisera un discours ... pour appeler Poutine à « ... »": the cue's clause
        // has no speaker next to it, the sentence's subject (a pronoun or a name) is it.
        if (cue_at_[k] < 0 || cues_[cue_at_[k]].according) continue;
        if (no_reported.empty()) no_reported.assign(toks_.size() + 1, 0);
        Speaker sp = SubjectBefore(k, sentence_begin_[s], no_reported);
        if (sp.kind != SpeakerKind::kName) {
          // A pronoun opening the sentence (a capitalised word there may be no name: "Plus").
          sp = SubjectOf(s, k);
          if (sp.kind != SpeakerKind::kPronoun) sp = {};
        }
        if (sp.kind != SpeakerKind::kNone) found.emplace(k, sp);
        break;
      }
      known = speaker_cue_of_sentence.emplace(s, found).first;
    }
    if (!known->second) {
      loose_regions.push_back(ri);
      continue;
    }
    const size_t k = known->second->first;
    const Speaker& sp = known->second->second;
    // Several quoted phrases of one report ("was “disgusting” and “a con”") are one quote.
    auto same = partial_quote_of_cue.find(k);
    if (same != partial_quote_of_cue.end()) {
      out[same->second].content.push_back({r.content_begin, r.content_end});
      continue;
    }
    partial_quote_of_cue[k] = out.size();
    Quote q;
    q.content.push_back({r.content_begin, r.content_end});
    q.cue = Span(cues_[cue_at_[k]].begin, cues_[cue_at_[k]].end);
    Apply(sp, &q);
    out.push_back(std::move(q));
  }
  // "... l'activation « Forces navales » et faire face aux « menaces » provenant « des mers »,
  // a déclaré le ministère": quoted words before a quote whose reporting clause closes the
  // sentence are that speaker's too (one quote of several spans).
  std::sort(loose_regions.begin(), loose_regions.end());
  for (size_t n = loose_regions.size(); n-- > 0;) {
    const Region& r = regions_[loose_regions[n]];
    const auto closing = closing_quote_of_sentence.find(sentence_[r.open]);
    if (closing == closing_quote_of_sentence.end()) continue;
    std::vector<ByteSpan>& content = out[closing->second].content;
    if (content.front().begin < r.content_end) continue;
    std::vector<ByteSpan> joined{ByteSpan{r.content_begin, r.content_end}};
    joined.insert(joined.end(), content.begin(), content.end());
    content = std::move(joined);
  }
  // Reported words mostly between quotation marks are direct speech ("said it was “a
  // disaster”"): the kind follows what the reader sees.
  for (Quote& q : out) {
    if (q.kind != QuoteKind::kIndirect || q.partial.empty()) continue;
    size_t quoted = 0;
    for (const ByteSpan& p : q.partial) quoted += p.end - p.begin;
    const ByteSpan& c = q.content.front();
    if (2 * quoted >= c.end - c.begin) q.kind = QuoteKind::kDirect;
  }
  std::stable_sort(out.begin(), out.end(), [](const Quote& a, const Quote& b) {
    return a.content.front().begin < b.content.front().begin;
  });
  ResolveAntecedents(&out);
  return out;
}

// A few capitalised words between quotation marks name a work or a programme ("Morning Joe",
// "Face the Nation"), they are no quotation.
bool Analysis::IsTitle(const Region& r) const {
  size_t words = 0;
  for (size_t k = r.open + 1; k < r.close && k < toks_.size(); ++k) {
    if (toks_[k].type != QuoteTokenType::kWord) continue;
    ++words;
    if (!toks_[k].capitalized && !(words > 1 && toks_[k].lower.size() <= 3)) return false;
  }
  return words > 0 && words <= 5;
}

}  // namespace quote_internal

std::vector<Quote> QuoteExtractor::Extract(std::string_view text) const {
  quote_internal::Analysis analysis(text, lex_);
  return analysis.Run();
}

}  // namespace depeche::extract
