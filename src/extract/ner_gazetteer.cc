#include "extract/ner_gazetteer.h"

#include <algorithm>
#include <utility>

namespace depeche::extract {
namespace {

constexpr uint32_t Bit(NerGazetteerBit b) { return uint32_t{1} << b; }

// Appends folded word `w` to the phrase key `key` the way Gazetteer::Key joins tokens: one
// space between words, a hyphen for a lone "-" word (the caller skips that word itself).
// No space after an elision ("d'" + "ivoire" -> "d'ivoire", as JoinedText writes it).
void AppendWord(std::string& key, std::string_view w, bool hyphen) {
  const bool elision = key.ends_with('\'') || key.ends_with("\u2019");
  if (!key.empty() && !elision) key += hyphen ? '-' : ' ';
  key += w;
}

// The first token of a folded word as Gazetteer::MaxTokensFrom indexes it ("etats-unis" ->
// "etats").
std::string_view FirstToken(std::string_view folded) {
  return folded.substr(0, folded.find_first_of(" -"));
}

// The gazetteer phrases of the sentence: greedy longest match from each word. Calls
// `on_match(first, last, key)` for each phrase found; `max_tokens(first_token)` bounds the
// phrase length, `known(key)` says whether a key is a phrase.
template <typename MaxTokens, typename Known, typename OnMatch>
void LongestMatches(const std::vector<std::string_view>& folded, MaxTokens max_tokens, Known known,
                    OnMatch on_match) {
  const size_t n = folded.size();
  std::string key, best_key;
  for (size_t i = 0; i < n;) {
    const int max = folded[i].empty() ? 0 : max_tokens(FirstToken(folded[i]));
    size_t best_last = n;
    if (max > 0) {
      key.clear();
      int tokens = 0;
      bool hyphen = false;
      for (size_t j = i; j < n && tokens < max; ++j) {
        if (folded[j] == "-" && j > i) {
          hyphen = true;
          continue;
        }
        AppendWord(key, folded[j], hyphen);
        hyphen = false;
        // A word may hold several tokens ("etats-unis"); count the hyphenated parts.
        tokens += 1 + static_cast<int>(std::count(folded[j].begin(), folded[j].end(), '-'));
        if (known(key)) {
          best_last = j;
          best_key = key;
        }
      }
    }
    if (best_last == n) {
      ++i;
      continue;
    }
    on_match(i, best_last, best_key);
    i = best_last + 1;
  }
}

}  // namespace

GazetteerNerHook::GazetteerNerHook(std::shared_ptr<const Gazetteer> gazetteer, std::string lang)
    : gazetteer_(std::move(gazetteer)), lang_(std::move(lang)) {}

void GazetteerNerHook::Match(const std::vector<std::string_view>& words,
                             const std::vector<std::string_view>& folded,
                             std::vector<uint32_t>& bits) const {
  const Gazetteer& g = *gazetteer_;
  const size_t n = words.size();
  if (n == 0 || folded.size() != n || bits.size() != n) return;

  // Places, organisations, demonyms.
  LongestMatches(
      folded, [&](std::string_view first) { return g.MaxTokensFrom(first); },
      [&](const std::string& key) { return !g.Lookup(key).empty(); },
      [&](size_t first, size_t last, const std::string& key) {
        uint32_t b = 0, i = 0;
        for (const GazetteerHit& hit : g.Lookup(key)) {
          const GazetteerEntry& e = g.entry(hit.entry);
          if (hit.demonym) {
            b |= Bit(kGazDemonymB);
            i |= Bit(kGazDemonymI);
            continue;
          }
          switch (e.kind) {
            case GazetteerKind::kCountry:
              b |= Bit(kGazCountryB);
              i |= Bit(kGazCountryI);
              break;
            case GazetteerKind::kCity:
              b |= Bit(kGazCityB);
              i |= Bit(kGazCityI);
              if (e.population >= 1000000) {
                b |= Bit(kGazBigCityB);
                i |= Bit(kGazBigCityI);
              }
              break;
            case GazetteerKind::kRegion:
              b |= Bit(kGazRegionB);
              i |= Bit(kGazRegionI);
              break;
            case GazetteerKind::kOrganization:
              b |= Bit(kGazOrgB);
              i |= Bit(kGazOrgI);
              break;
          }
        }
        bits[first] |= b;
        for (size_t w = first + 1; w <= last; ++w) bits[w] |= i;
      });

  // Titles ("Prime Minister"), and the word after one.
  LongestMatches(
      folded, [&](std::string_view first) { return g.MaxTitleTokensFrom(first); },
      [&](const std::string& key) { return g.IsTitle(key); },
      [&](size_t first, size_t last, const std::string&) {
        for (size_t w = first; w <= last; ++w) bits[w] |= Bit(kGazTitle);
        if (last + 1 < n) bits[last + 1] |= Bit(kGazAfterTitle);
      });

  // Person cues.
  for (size_t w = 0; w < n; ++w) {
    if (folded[w].empty()) continue;
    if (g.IsFirstName(folded[w])) bits[w] |= Bit(kGazFirstName);
    if (g.IsSurname(folded[w])) bits[w] |= Bit(kGazSurname);
    if (w + 1 < n && g.IsHonorific(words[w], lang_)) bits[w + 1] |= Bit(kGazAfterHonorific);
  }
}

}  // namespace depeche::extract
