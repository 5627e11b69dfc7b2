#include "extract/gazetteer_matcher.h"

#include <algorithm>
#include <string>
#include <unordered_set>

#include "extract/name_match.h"
#include "text/normalize.h"
#include "text/tokenize.h"

namespace depeche::extract {
namespace {

constexpr int kMaxNameWords = 4;
// Cities smaller than this are not taken as a one-word name at the start of a sentence (where
// every word is capitalised): many small towns are also common words or first names.
constexpr uint32_t kSentenceInitialCityPopulation = 100000;

struct Tok {
  text::Token token;
  std::string_view surface;
  std::string folded;
  bool sentence_start = false;
};

class TextMatcher {
 public:
  TextMatcher(const Gazetteer& g, std::string_view text, std::string_view lang, bool in_title)
      : g_(g), text_(text), lang_(lang), in_title_(in_title) {
    std::vector<text::Token> tokens = text::Tokenize(text, lang);
    toks_.reserve(tokens.size());
    for (size_t i = 0; i < tokens.size(); ++i) {
      Tok t;
      t.token = tokens[i];
      t.surface = text.substr(tokens[i].span.begin, tokens[i].span.end - tokens[i].span.begin);
      t.folded = text::Fold(t.surface);
      if (i == 0) {
        t.sentence_start = true;
      } else {
        std::string_view gap = Gap(i - 1, i, tokens);
        t.sentence_start = gap.find_first_of(".!?\n:\"«“") != std::string_view::npos;
      }
      toks_.push_back(std::move(t));
    }
    for (const Tok& t : toks_) {
      folded_.push_back(t.folded);
      surfaces_.push_back(t.surface);
    }
  }

  // First pass: rules 1-5 of the header. Appends to `out`, records person surnames.
  void FirstPass(std::vector<Mention>& out, std::unordered_set<std::string>& surnames) {
    size_t i = 0;
    while (i < toks_.size()) {
      size_t next = Role(i, out);
      if (next == i) next = Person(i, out, surnames);
      if (next == i) next = Place(i, out);
      if (next == i) next = Surname(i, out, surnames);
      if (next == i) next = i + 1;
      i = next;
    }
  }

  // Second pass: capitalised words naming a person already found.
  void SecondPass(std::vector<Mention>& out, const std::unordered_set<std::string>& surnames,
                  const std::vector<Mention>& taken) {
    for (size_t i = 0; i < toks_.size(); ++i) {
      const Tok& t = toks_[i];
      if (!NameWord(i) || Covered(t.token.span, taken)) continue;
      if (i > 0 && toks_[i - 1].token.joined_next) continue;
      if (t.token.joined_next) continue;
      bool exact = surnames.count(t.folded) > 0;
      bool close = false;
      if (!exact && t.folded.size() >= 5 && g_.Lookup(t.folded).empty()) {
        for (const std::string& s : surnames) {
          if (s.size() >= 5 && CloseSurnames(s, t.folded)) {
            close = true;
            break;
          }
        }
      }
      if (exact || close)
        Emit(ExtendLeft(i, taken), i, EntityType::kPerson, exact ? 0.9f : 0.6f, out);
    }
  }

 private:
  std::string_view Gap(size_t a, size_t b, const std::vector<text::Token>& tokens) const {
    return text_.substr(tokens[a].span.end, tokens[b].span.begin - tokens[a].span.end);
  }
  std::string_view Gap(size_t a, size_t b) const {
    return text_.substr(toks_[a].token.span.end,
                        toks_[b].token.span.begin - toks_[a].token.span.end);
  }
  // Words of one name are separated by one space (or a no-break space) or joined by a hyphen.
  bool Tight(size_t a, size_t b) const {
    if (toks_[a].token.joined_next) return true;
    std::string_view gap = Gap(a, b);
    return gap == " " || gap == "\xC2\xA0";
  }

  bool IsTitleStart(size_t i, size_t* end) const {
    int max = g_.MaxTitleTokensFrom(toks_[i].folded);
    for (int len = std::min<int>(max, static_cast<int>(toks_.size() - i)); len >= 1; --len) {
      size_t last = i + len - 1;
      std::string key = text::Fold(text::JoinedText(text_, Tokens(), i, last));
      if (g_.IsTitle(key)) {
        *end = last + 1;
        return true;
      }
    }
    return false;
  }

  // A capitalised word that may be part of a name.
  bool NameWord(size_t i) const {
    const Tok& t = toks_[i];
    if (t.token.kind != text::TokenKind::kWord || !t.token.capitalized) return false;
    if (t.surface.size() < 2) return false;
    if (g_.IsCommonWord(t.folded) || g_.IsHonorific(t.surface, lang_)) return false;
    size_t end = 0;
    if (IsTitleStart(i, &end)) return false;
    return true;
  }

  // The run of name words from `i` (at most kMaxNameWords, tight). Returns one past its end.
  size_t NameRun(size_t i, int max_words = kMaxNameWords) const {
    size_t j = i;
    while (j < toks_.size() && static_cast<int>(j - i) < max_words && NameWord(j)) {
      if (j > i && !Tight(j - 1, j)) break;
      // A country or city name after a person's name starts a new name ("Joe Biden Washington"
      // does not happen; "Vladimir Poutine" does).
      if (j > i + 1 && !g_.Lookup(toks_[j].folded).empty() && !toks_[j - 1].token.joined_next)
        break;
      ++j;
    }
    return j;
  }

  // A role description ("le secrétaire d'État américain") not followed by a name is a mention
  // of the person holding the role; followed by one ("... américain Anthony Blinken",
  // "..., Sergueï Lavrov,"), the name is the mention and ResolveArticle attaches the role.
  size_t Role(size_t i, std::vector<Mention>& out) {
    Gazetteer::RoleMatch m = g_.MatchRole(folded_, surfaces_, i);
    if (m.tokens == 0) return i;
    size_t j = i + m.tokens;
    for (size_t k = i; k + 1 < j; ++k) {
      std::string_view gap = Gap(k, k + 1);
      bool tight = gap.empty() || gap == " " || gap == "\xC2\xA0" || toks_[k].token.joined_next;
      if (!tight) return i;  // "le président (russe)" is no role phrase
    }
    if (j < toks_.size()) {
      std::string_view gap = Gap(j - 1, j);
      if ((gap == " " || gap == ", " || gap == "\xC2\xA0") && NameWord(j)) return i;
    }
    Emit(i, j - 1, EntityType::kPerson, 0.5f, out);
    return j;
  }

  size_t Person(size_t i, std::vector<Mention>& out, std::unordered_set<std::string>& surnames) {
    const Tok& t = toks_[i];
    // 1. Honorific.
    if (g_.IsHonorific(t.surface, lang_) && i + 1 < toks_.size()) {
      size_t end = NameRun(i + 1);
      if (end > i + 1) return EmitPerson(i + 1, end, 0.9f, out, surnames);
      return i;
    }
    // 2. First name + capitalised words.
    if (t.token.capitalized && g_.IsFirstName(t.folded) && i + 1 < toks_.size()) {
      size_t end = NameRun(i);
      if (end >= i + 2) return EmitPerson(i, end, 0.8f, out, surnames);
    }
    // 3. Title [+ demonym] + name.
    size_t title_end = 0;
    if (IsTitleStart(i, &title_end)) {
      size_t k = title_end;
      while (k < toks_.size() && k < title_end + 2) {
        auto hits = g_.Lookup(toks_[k].folded);
        bool demonym = !hits.empty() && hits[0].demonym && !toks_[k].token.capitalized;
        if (!demonym) break;
        ++k;
      }
      if (k < toks_.size() && NameWord(k)) {
        size_t end = NameRun(k);
        // One capitalised word after a title is a name when it is no place ("le président
        // Poutine", not "le président Russie").
        if (end > k + 1 || g_.Lookup(toks_[k].folded).empty()) {
          for (size_t d = title_end; d < k; ++d) Emit(d, d, EntityType::kPlace, 1.0f, out);
          return EmitPerson(k, end, 0.8f, out, surnames);
        }
      }
    }
    return i;
  }

  size_t EmitPerson(size_t first, size_t end, float score, std::vector<Mention>& out,
                    std::unordered_set<std::string>& surnames) {
    Emit(first, end - 1, EntityType::kPerson, score, out);
    surnames.insert(toks_[end - 1].folded);
    return end;
  }

  size_t Place(size_t i, std::vector<Mention>& out) {
    int max = g_.MaxTokensFrom(toks_[i].folded);
    if (max == 0) return i;
    for (int len = std::min<int>(max, static_cast<int>(toks_.size() - i)); len >= 1; --len) {
      size_t last = i + len - 1;
      bool tight = true;
      for (size_t k = i; k < last && tight; ++k) {
        std::string_view gap = Gap(k, k + 1);
        tight = toks_[k].token.joined_next || gap.empty() || gap == " " ||
                toks_[k].token.kind == text::TokenKind::kElision;
      }
      if (!tight) continue;
      std::string key =
          len == 1 ? toks_[i].folded : text::Fold(text::JoinedText(text_, Tokens(), i, last));
      auto hits = g_.Lookup(key);
      if (hits.empty()) continue;
      bool any_name = false, any_demonym = false;
      for (const GazetteerHit& h : hits) {
        (h.demonym ? any_demonym : any_name) = true;
      }
      bool capitalized = toks_[i].token.capitalized;
      if (!capitalized && !any_demonym) continue;
      if (!capitalized && any_name && !any_demonym) continue;
      const GazetteerEntry& best = g_.entry(hits[0].entry);
      if (len == 1 && best.kind == GazetteerKind::kCity) {
        if (toks_[i].sentence_start && best.population < kSentenceInitialCityPopulation) continue;
        // A first name before a capitalised word is a person's, not a city ("Antony Blinken",
        // "(Vladimir) Poutine").
        if (g_.IsFirstName(toks_[i].folded) && i + 1 < toks_.size() && NameWord(i + 1) &&
            Gap(i, i + 1).size() <= 3 &&
            Gap(i, i + 1).find_first_of(".!?,;:") == std::string_view::npos) {
          continue;
        }
        // Cities take no article: "l'Alliance" is no town.
        if (i > 0 && toks_[i - 1].token.kind == text::TokenKind::kElision &&
            (toks_[i - 1].folded == "l'" || toks_[i - 1].folded == "l’")) {
          continue;
        }
      }
      if (i > 0 && toks_[i - 1].token.joined_next) continue;  // inside a compound
      if (toks_[last].token.joined_next) continue;
      EntityType type = best.kind == GazetteerKind::kOrganization ? EntityType::kOrganization
                                                                  : EntityType::kPlace;
      Emit(i, last, type, 1.0f, out);
      return last + 1;
    }
    return i;
  }

  size_t Surname(size_t i, std::vector<Mention>& out, std::unordered_set<std::string>& surnames) {
    // Not at the start of a sentence, where every word is capitalised ("Mises à jour").
    if (toks_[i].sentence_start || !NameWord(i) || !g_.IsSurname(toks_[i].folded)) return i;
    if (toks_[i].token.joined_next || (i > 0 && toks_[i - 1].token.joined_next)) return i;
    Emit(ExtendLeft(i, out), i, EntityType::kPerson, 0.7f, out);
    surnames.insert(toks_[i].folded);
    return i + 1;
  }

  // A surname found on its own takes in the capitalised word right before it that the
  // gazetteers do not know (a first name missing from the lists: "Ben Wallace", "Annalena
  // Baerbock"), unless that word starts a sentence or is already part of a mention.
  size_t ExtendLeft(size_t i, const std::vector<Mention>& taken) const {
    if (i == 0) return i;
    size_t j = i - 1;
    if (toks_[j].sentence_start || !NameWord(j) || !Tight(j, i) || toks_[j].token.joined_next ||
        !g_.Lookup(toks_[j].folded).empty() || Covered(toks_[j].token.span, taken)) {
      return i;
    }
    return j;
  }

  void Emit(size_t first, size_t last, EntityType type, float score, std::vector<Mention>& out) {
    Mention m;
    m.span = {toks_[first].token.span.begin, toks_[last].token.span.end};
    m.in_title = in_title_;
    m.type = type;
    m.surface = std::string(text_.substr(m.span.begin, m.span.end - m.span.begin));
    m.score = score;
    out.push_back(std::move(m));
  }

  static bool Covered(const Span& s, const std::vector<Mention>& taken) {
    for (const Mention& m : taken) {
      if (s.begin < m.span.end && m.span.begin < s.end) return true;
    }
    return false;
  }

  const std::vector<text::Token>& Tokens() const {
    if (tokens_cache_.empty() && !toks_.empty()) {
      tokens_cache_.reserve(toks_.size());
      for (const Tok& t : toks_) tokens_cache_.push_back(t.token);
    }
    return tokens_cache_;
  }

  const Gazetteer& g_;
  std::string_view text_;
  std::string_view lang_;
  bool in_title_;
  std::vector<Tok> toks_;
  std::vector<std::string> folded_;
  std::vector<std::string_view> surfaces_;
  mutable std::vector<text::Token> tokens_cache_;
};

bool MentionLess(const Mention& a, const Mention& b) {
  if (a.in_title != b.in_title) return a.in_title;
  if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
  return a.span.end > b.span.end;
}

}  // namespace

std::vector<Mention> MatchGazetteer(const Gazetteer& gazetteer, const Article& article) {
  std::vector<Mention> title_mentions, text_mentions;
  std::unordered_set<std::string> surnames;
  TextMatcher title(gazetteer, article.title, article.lang, true);
  TextMatcher body(gazetteer, article.text, article.lang, false);
  title.FirstPass(title_mentions, surnames);
  body.FirstPass(text_mentions, surnames);
  std::vector<Mention> extra;
  title.SecondPass(extra, surnames, title_mentions);
  std::vector<Mention> extra_body;
  body.SecondPass(extra_body, surnames, text_mentions);
  std::vector<Mention> out;
  out.reserve(title_mentions.size() + text_mentions.size() + extra.size() + extra_body.size());
  for (auto* list : {&title_mentions, &extra, &text_mentions, &extra_body}) {
    for (Mention& m : *list) out.push_back(std::move(m));
  }
  std::sort(out.begin(), out.end(), MentionLess);
  return out;
}

std::vector<Mention> CombineMentions(std::vector<Mention> preferred, std::vector<Mention> other) {
  std::vector<Mention> out;
  out.reserve(preferred.size() + other.size());
  auto overlaps = [](const Mention& a, const Mention& b) {
    return a.in_title == b.in_title && a.span.begin < b.span.end && b.span.begin < a.span.end;
  };
  auto length = [](const Mention& m) { return m.span.end - m.span.begin; };
  std::vector<bool> drop_preferred(preferred.size(), false);
  for (Mention& o : other) {
    bool keep = true;
    for (size_t i = 0; i < preferred.size(); ++i) {
      if (!overlaps(o, preferred[i])) continue;
      if (length(o) > length(preferred[i])) {
        drop_preferred[i] = true;
      } else {
        keep = false;
      }
    }
    if (keep) out.push_back(std::move(o));
  }
  for (size_t i = 0; i < preferred.size(); ++i) {
    if (!drop_preferred[i]) out.push_back(std::move(preferred[i]));
  }
  std::sort(out.begin(), out.end(), MentionLess);
  // A longer `other` mention may have displaced several preferred ones but still overlap a
  // kept one: drop later overlaps so the result has no overlapping spans.
  std::vector<Mention> clean;
  for (Mention& m : out) {
    if (!clean.empty() && overlaps(clean.back(), m)) continue;
    clean.push_back(std::move(m));
  }
  return clean;
}

}  // namespace depeche::extract
