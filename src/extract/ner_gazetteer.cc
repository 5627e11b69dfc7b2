#include "extract/ner_gazetteer.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <utility>

#include "core/hash.h"

namespace depeche::extract {
namespace {

// The first character of `word` is an upper-case letter.
bool Capitalised(std::string_view word) {
  if (word.empty()) return false;
  const auto c0 = static_cast<unsigned char>(word[0]);
  if (c0 < 0x80) return c0 >= 'A' && c0 <= 'Z';
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(word.data(), i, static_cast<int32_t>(word.size()), c);
  return c >= 0 && (u_isupper(c) || u_istitle(c));
}

// Words that start no gazetteer phrase: no letter first (punctuation, numbers).
bool CanStartPhrase(std::string_view folded) {
  if (folded.empty()) return false;
  const auto c0 = static_cast<unsigned char>(folded[0]);
  return c0 >= 0x80 || (c0 >= 'a' && c0 <= 'z') || (c0 >= 'A' && c0 <= 'Z');
}

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

// Upper bound of the words a phrase with this key spans: its separators (space, hyphen,
// apostrophe) plus one.
int MaxWords(std::string_view key) {
  int n = 1;
  for (char c : key) n += c == ' ' || c == '-' || c == '\'';
  for (size_t p = key.find("\u2019"); p != std::string_view::npos; p = key.find("\u2019", p + 1))
    ++n;
  return n;
}

// The B bits of a phrase (the I bit of each kind is its B bit + 1).
uint32_t PhraseBits(const Gazetteer& g, std::span<const GazetteerHit> hits) {
  uint32_t b = 0;
  for (const GazetteerHit& hit : hits) {
    const GazetteerEntry& e = g.entry(hit.entry);
    if (hit.demonym) {
      b |= Bit(kGazDemonymB);
      continue;
    }
    switch (e.kind) {
      case GazetteerKind::kCountry:
        b |= Bit(kGazCountryB);
        break;
      case GazetteerKind::kCity:
        b |= Bit(kGazCityB);
        if (e.population >= 1000000) b |= Bit(kGazBigCityB);
        break;
      case GazetteerKind::kRegion:
        b |= Bit(kGazRegionB);
        break;
      case GazetteerKind::kOrganization:
        b |= Bit(kGazOrgB);
        break;
    }
  }
  return b;
}

}  // namespace

void GazetteerNerHook::FlatTable::Build(const std::vector<std::pair<uint64_t, uint32_t>>& items) {
  size_t size = 16;
  while (size < items.size() * 2) size *= 2;
  keys.assign(size, 0);
  values.assign(size, 0);
  mask = size - 1;
  for (auto [key, value] : items) {
    if (key == 0) key = 1;
    size_t slot = key & mask;
    while (keys[slot] != 0 && keys[slot] != key) slot = (slot + 1) & mask;
    keys[slot] = key;
    values[slot] = std::max(values[slot], value);
  }
}

uint32_t GazetteerNerHook::FlatTable::Find(uint64_t key) const {
  if (key == 0) key = 1;
  for (size_t slot = key & mask;; slot = (slot + 1) & mask) {
    if (keys[slot] == key) return values[slot];
    if (keys[slot] == 0) return 0;
  }
}

GazetteerNerHook::GazetteerNerHook(std::shared_ptr<const Gazetteer> gazetteer, std::string lang)
    : gazetteer_(std::move(gazetteer)), lang_(std::move(lang)) {
  // Flat tables of hashes: the gazetteer's own maps cost a string hash and a node walk per
  // probe, and every word of every article probes (docs/PERFORMANCE.md).
  std::vector<std::pair<uint64_t, uint32_t>> phrases, phrase_max, titles, title_max;
  gazetteer_->ForEachKey([&](const std::string& key, std::span<const GazetteerHit> hits) {
    const uint32_t bits = PhraseBits(*gazetteer_, hits);
    if (bits == 0) return;
    phrases.emplace_back(core::Hash64(key), bits);
    phrase_max.emplace_back(core::Hash64(FirstToken(key)), MaxWords(key));
  });
  gazetteer_->ForEachTitle([&](const std::string& key) {
    titles.emplace_back(core::Hash64(key), 1);
    title_max.emplace_back(core::Hash64(FirstToken(key)), MaxWords(key));
  });
  phrases_.Build(phrases);
  phrase_max_words_.Build(phrase_max);
  titles_.Build(titles);
  title_max_words_.Build(title_max);
}

// The phrases of `table` in the sentence: greedy longest match from each word. Calls
// `on_match(first, last, value)` for each phrase found.
template <typename OnMatch>
void GazetteerNerHook::LongestMatches(const std::vector<std::string_view>& folded,
                                      const FlatTable& table, const FlatTable& max_words,
                                      OnMatch on_match) {
  const size_t n = folded.size();
  std::string key;
  for (size_t i = 0; i < n;) {
    const uint32_t max =
        CanStartPhrase(folded[i]) ? max_words.Find(core::Hash64(FirstToken(folded[i]))) : 0;
    size_t best_last = n;
    uint32_t best_value = 0;
    if (max > 0) {
      key.clear();
      uint32_t words = 0;
      bool hyphen = false;
      for (size_t j = i; j < n && words < max; ++j) {
        if (folded[j] == "-" && j > i) {
          hyphen = true;
          continue;
        }
        AppendWord(key, folded[j], hyphen);
        hyphen = false;
        words += 1 + static_cast<uint32_t>(std::count(folded[j].begin(), folded[j].end(), '-'));
        if (const uint32_t value = table.Find(core::Hash64(key)); value != 0) {
          best_last = j;
          best_value = value;
        }
      }
    }
    if (best_last == n) {
      ++i;
      continue;
    }
    on_match(i, best_last, best_value);
    i = best_last + 1;
  }
}

void GazetteerNerHook::Match(const std::vector<std::string_view>& words,
                             const std::vector<std::string_view>& folded,
                             std::vector<uint32_t>& bits) const {
  const Gazetteer& g = *gazetteer_;
  const size_t n = words.size();
  if (n == 0 || folded.size() != n || bits.size() != n) return;

  // Places, organisations, demonyms.
  LongestMatches(folded, phrases_, phrase_max_words_, [&](size_t first, size_t last, uint32_t b) {
    bits[first] |= b;
    for (size_t w = first + 1; w <= last; ++w) bits[w] |= b << 1;
  });

  // Titles ("Prime Minister"), and the word after one.
  LongestMatches(folded, titles_, title_max_words_, [&](size_t first, size_t last, uint32_t) {
    for (size_t w = first; w <= last; ++w) bits[w] |= Bit(kGazTitle);
    if (last + 1 < n) bits[last + 1] |= Bit(kGazAfterTitle);
  });

  // Person cues, on capitalised words only (lower-case "rose" and "mark" are no names, and
  // most words are lower case: the lookups cost tagging time).
  for (size_t w = 0; w < n; ++w) {
    if (folded[w].empty() || !Capitalised(words[w])) continue;
    if (g.IsFirstName(folded[w])) bits[w] |= Bit(kGazFirstName);
    if (g.IsSurname(folded[w])) bits[w] |= Bit(kGazSurname);
    if (w + 1 < n && g.IsHonorific(words[w], lang_)) bits[w + 1] |= Bit(kGazAfterHonorific);
  }
}

}  // namespace depeche::extract
