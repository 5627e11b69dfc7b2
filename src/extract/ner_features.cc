#include "extract/ner_features.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <unordered_map>

#include "core/hash.h"
#include "text/normalize.h"

namespace depeche::extract {
namespace {

// Template seeds: part of every hash, so "w=paris" and "w-1=paris" never collide by design.
enum Template : uint64_t {
  kBias = 1,
  kFold,
  kRaw,
  kShape,
  kFlags,
  kFirstShape,
  kPrev1,
  kNext1,
  kPrev2,
  kNext2,
  kPrevShape,
  kNextShape,
  kPrevBigram,
  kNextBigram,
  kShapeTrigram,
  kPrevWordShape,
  kDocFlags,
  kDocFlagsCase,
  kGazetteer,
  kAggregatePrev,
  kAggregateNext,
  kHeadline,
  kPredWord,
  kPredPrev,
  kPredNext,
  kPredShape,
  kPredHistory,
  kPredHistoryOwn,
  // Appended: the hashes of the templates above stay as they were.
  kGazetteerCase,
  kGazetteerPrev,
  kGazetteerNext,
  kPrefix = 100,  // + length
  kSuffix = 200,  // + length
};

enum CaseClass : uint8_t { kNoLetter = 0, kLowerInitial, kCapInitial, kAllCaps };

// Document flags (bits), from occurrences away from a sentence start.
constexpr uint8_t kSeenLower = 1;
constexpr uint8_t kSeenCap = 2;
constexpr uint8_t kSeenAllCaps = 4;

struct WordInfo {
  std::string folded;
  std::string shape;
  CaseClass case_class = kNoLetter;
  bool initial = false;  // no word with a letter before it in the sentence
  uint8_t flags = 0;     // digit 1, hyphen 2, period 4, apostrophe 8, long 16
};

CaseClass ClassifyCase(std::string_view word) {
  int upper = 0, lower = 0;
  bool first_seen = false, first_upper = false;
  for (int32_t i = 0, n = static_cast<int32_t>(word.size()); i < n;) {
    UChar32 c;
    U8_NEXT(word.data(), i, n, c);
    if (c < 0 || !u_isalpha(c)) continue;
    const bool up = u_isupper(c) || u_istitle(c);
    if (!first_seen) {
      first_seen = true;
      first_upper = up;
    }
    (up ? upper : lower)++;
  }
  if (!first_seen) return kNoLetter;
  if (!first_upper) return kLowerInitial;
  return (lower == 0 && upper >= 2) ? kAllCaps : kCapInitial;
}

uint8_t WordFlags(std::string_view word) {
  uint8_t flags = 0;
  for (char c : word) {
    if (c >= '0' && c <= '9') flags |= 1;
    if (c == '-') flags |= 2;
    if (c == '.') flags |= 4;
    if (c == '\'') flags |= 8;
  }
  if (word.size() > 12) flags |= 16;
  return flags;
}

// Byte length of the first `n` characters of UTF-8 `s` (all of it when shorter).
size_t PrefixBytes(std::string_view s, int n) {
  size_t i = 0;
  for (int k = 0; k < n && i < s.size(); ++k) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
  }
  return i;
}

// Byte offset where the last `n` characters of `s` begin (0 when shorter).
size_t SuffixStart(std::string_view s, int n) {
  size_t i = s.size();
  for (int k = 0; k < n && i > 0; ++k) {
    --i;
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  }
  return i;
}

class Emitter {
 public:
  explicit Emitter(std::vector<uint64_t>& out) : out_(out) {}
  void Add(uint64_t tmpl, std::string_view value) { out_.push_back(core::Hash64(value, tmpl)); }
  void Add(uint64_t tmpl, std::string_view a, std::string_view b) {
    buffer_.assign(a);
    buffer_.push_back('\x1f');
    buffer_.append(b);
    Add(tmpl, buffer_);
  }
  void Add(uint64_t tmpl, std::string_view a, std::string_view b, std::string_view c) {
    buffer_.assign(a);
    buffer_.push_back('\x1f');
    buffer_.append(b);
    buffer_.push_back('\x1f');
    buffer_.append(c);
    Add(tmpl, buffer_);
  }

 private:
  std::vector<uint64_t>& out_;
  std::string buffer_;
};

constexpr std::string_view kBoundary = "\x02";  // the word before the first / after the last

// The gazetteer features of word i: each bit of the word, alone and with the word's case
// ("nice" is no city; "russe" is a demonym in lower case), and the bits of its neighbours
// ("in" + city is in the words; city + "-based" is here). Chosen on the dev splits
// (docs/QUALITY.md).
void AddGazetteerFeatures(Emitter& e, const std::vector<uint32_t>& bits, size_t i,
                          CaseClass case_class) {
  auto each_bit = [](uint32_t set, auto&& add) {
    for (int b = 0; set != 0; ++b, set >>= 1) {
      if (set & 1) add(static_cast<char>('0' + b));
    }
  };
  each_bit(bits[i], [&](char bit) {
    const char text[2] = {bit, static_cast<char>('0' + case_class)};
    e.Add(kGazetteer, std::string_view(text, 1));
    e.Add(kGazetteerCase, std::string_view(text, 2));
  });
  if (i > 0)
    each_bit(bits[i - 1], [&](char bit) { e.Add(kGazetteerPrev, std::string_view(&bit, 1)); });
  if (i + 1 < bits.size()) {
    each_bit(bits[i + 1], [&](char bit) { e.Add(kGazetteerNext, std::string_view(&bit, 1)); });
  }
}

}  // namespace

std::string WordShape(std::string_view word) {
  std::string shape;
  char last = 0;
  for (int32_t i = 0, n = static_cast<int32_t>(word.size()); i < n;) {
    UChar32 c;
    U8_NEXT(word.data(), i, n, c);
    char cls;
    if (c < 0) {
      cls = '#';
    } else if (u_isupper(c) || u_istitle(c)) {
      cls = 'X';
    } else if (u_isalpha(c)) {
      cls = 'x';
    } else if (u_isdigit(c)) {
      cls = 'd';
    } else if (c < 0x80 && c > 0x20) {
      cls = static_cast<char>(c);
    } else {
      cls = '#';
    }
    if (cls != last) shape.push_back(cls);
    last = cls;
  }
  return shape;
}

std::vector<NerSentenceFeatures> ExtractNerFeatures(
    const std::vector<std::vector<std::string_view>>& sentences,
    const NerGazetteerHook* gazetteer) {
  std::vector<std::vector<WordInfo>> infos(sentences.size());
  std::unordered_map<std::string_view, uint8_t> doc_flags;
  for (size_t s = 0; s < sentences.size(); ++s) {
    infos[s].resize(sentences[s].size());
    bool letter_seen = false;
    for (size_t i = 0; i < sentences[s].size(); ++i) {
      WordInfo& w = infos[s][i];
      w.folded = text::Fold(sentences[s][i]);
      w.shape = WordShape(sentences[s][i]);
      w.case_class = ClassifyCase(sentences[s][i]);
      w.flags = WordFlags(sentences[s][i]);
      w.initial = !letter_seen;
      if (w.case_class != kNoLetter) letter_seen = true;
    }
  }
  // Second pass: the folded strings no longer move, so the map can key on views of them.
  for (const auto& sentence : infos) {
    for (const WordInfo& w : sentence) {
      if (w.initial || w.case_class == kNoLetter) continue;
      uint8_t bit = w.case_class == kLowerInitial ? kSeenLower
                    : w.case_class == kCapInitial ? kSeenCap
                                                  : kSeenAllCaps;
      doc_flags[w.folded] |= bit;
    }
  }

  // Context aggregation (Ratinov and Roth 2009): a capitalised word also gets the neighbours of
  // its other occurrences in the document, up to kMaxOccurrences of them in text order.
  constexpr size_t kMaxOccurrences = 8;
  std::unordered_map<std::string_view, std::vector<std::pair<uint32_t, uint32_t>>> occurrences;
  std::vector<bool> headline(sentences.size(), false);
  for (size_t s = 0; s < infos.size(); ++s) {
    int caps = 0, other = 0;
    for (size_t i = 0; i < infos[s].size(); ++i) {
      const WordInfo& w = infos[s][i];
      if (w.case_class == kAllCaps) ++caps;
      if (w.case_class == kLowerInitial || (w.case_class == kCapInitial && w.shape != "X")) ++other;
      if (w.case_class != kCapInitial && w.case_class != kAllCaps) continue;
      auto& list = occurrences[w.folded];
      if (list.size() < kMaxOccurrences) {
        list.emplace_back(static_cast<uint32_t>(s), static_cast<uint32_t>(i));
      }
    }
    headline[s] = caps >= 2 && other == 0;
  }

  std::vector<NerSentenceFeatures> out(sentences.size());
  std::vector<uint32_t> gaz_bits;
  std::vector<std::string_view> gaz_folded;
  for (size_t s = 0; s < sentences.size(); ++s) {
    const std::vector<WordInfo>& ws = infos[s];
    const size_t n = ws.size();
    NerSentenceFeatures& f = out[s];
    f.offsets.reserve(n + 1);
    f.hashes.reserve(n * 32);
    if (gazetteer != nullptr) {
      gaz_bits.assign(n, 0);
      gaz_folded.clear();
      for (const WordInfo& w : ws) gaz_folded.emplace_back(w.folded);
      gazetteer->Match(sentences[s], gaz_folded, gaz_bits);
    }
    Emitter e(f.hashes);
    auto fold_at = [&](ptrdiff_t i) -> std::string_view {
      return i < 0 || i >= static_cast<ptrdiff_t>(n) ? kBoundary : ws[i].folded;
    };
    auto shape_at = [&](ptrdiff_t i) -> std::string_view {
      return i < 0 || i >= static_cast<ptrdiff_t>(n) ? kBoundary : ws[i].shape;
    };
    for (size_t i = 0; i < n; ++i) {
      f.offsets.push_back(static_cast<uint32_t>(f.hashes.size()));
      const WordInfo& w = ws[i];
      const auto p = static_cast<ptrdiff_t>(i);
      e.Add(kBias, "");
      e.Add(kFold, w.folded);
      e.Add(kRaw, sentences[s][i]);
      e.Add(kShape, w.shape);
      for (int k = 1; k <= 4; ++k) {
        size_t len = PrefixBytes(w.folded, k);
        e.Add(kPrefix + k, std::string_view(w.folded).substr(0, len));
        if (len == w.folded.size()) break;
      }
      for (int k = 1; k <= 4; ++k) {
        size_t start = SuffixStart(w.folded, k);
        e.Add(kSuffix + k, std::string_view(w.folded).substr(start));
        if (start == 0) break;
      }
      const char flags[3] = {static_cast<char>('A' + w.flags),
                             static_cast<char>('0' + w.case_class), w.initial ? 'i' : 'm'};
      e.Add(kFlags, std::string_view(flags, 3));
      if (w.initial) e.Add(kFirstShape, w.shape);
      e.Add(kPrev1, fold_at(p - 1));
      e.Add(kNext1, fold_at(p + 1));
      e.Add(kPrev2, fold_at(p - 2));
      e.Add(kNext2, fold_at(p + 2));
      e.Add(kPrevShape, shape_at(p - 1));
      e.Add(kNextShape, shape_at(p + 1));
      e.Add(kPrevBigram, fold_at(p - 1), w.folded);
      e.Add(kNextBigram, w.folded, fold_at(p + 1));
      e.Add(kShapeTrigram, shape_at(p - 1), w.shape, shape_at(p + 1));
      e.Add(kPrevWordShape, fold_at(p - 1), w.shape);
      if (w.case_class != kNoLetter) {
        auto it = doc_flags.find(w.folded);
        const uint8_t d = it == doc_flags.end() ? 0 : it->second;
        const char doc[1] = {static_cast<char>('a' + d)};
        e.Add(kDocFlags, std::string_view(doc, 1));
        e.Add(kDocFlagsCase, std::string_view(doc, 1), std::string_view(flags + 1, 2));
        if (headline[s]) e.Add(kHeadline, std::string_view(doc, 1));
      }
      if (w.case_class == kCapInitial || w.case_class == kAllCaps) {
        for (const auto& [os, oi] : occurrences[w.folded]) {
          if (os == s && oi == i) continue;
          const std::vector<WordInfo>& other = infos[os];
          e.Add(kAggregatePrev, oi == 0 ? kBoundary : std::string_view(other[oi - 1].folded));
          e.Add(kAggregateNext,
                oi + 1 == other.size() ? kBoundary : std::string_view(other[oi + 1].folded));
        }
      }
      if (gazetteer != nullptr) AddGazetteerFeatures(e, gaz_bits, i, w.case_class);
    }
    f.offsets.push_back(static_cast<uint32_t>(f.hashes.size()));
  }
  return out;
}

void AddPredictionFeatures(const std::vector<std::vector<std::string_view>>& sentences,
                           const std::vector<std::vector<uint8_t>>& first_stage,
                           std::vector<NerSentenceFeatures>& features) {
  constexpr size_t kMaxOccurrences = 8;
  // Folded capitalised words -> (sentence, word) of their first occurrences.
  std::vector<std::vector<std::string>> folded(sentences.size());
  std::vector<std::vector<bool>> capitalised(sentences.size());
  std::unordered_map<std::string_view, std::vector<std::pair<uint32_t, uint32_t>>> occurrences;
  for (size_t s = 0; s < sentences.size(); ++s) {
    folded[s].resize(sentences[s].size());
    capitalised[s].resize(sentences[s].size());
    for (size_t i = 0; i < sentences[s].size(); ++i) {
      const CaseClass c = ClassifyCase(sentences[s][i]);
      capitalised[s][i] = c == kCapInitial || c == kAllCaps;
      if (capitalised[s][i]) folded[s][i] = text::Fold(sentences[s][i]);
    }
  }
  for (size_t s = 0; s < sentences.size(); ++s) {
    for (size_t i = 0; i < sentences[s].size(); ++i) {
      if (!capitalised[s][i]) continue;
      auto& list = occurrences[folded[s][i]];
      if (list.size() < kMaxOccurrences) {
        list.emplace_back(static_cast<uint32_t>(s), static_cast<uint32_t>(i));
      }
    }
  }
  for (size_t s = 0; s < sentences.size() && s < features.size(); ++s) {
    NerSentenceFeatures& f = features[s];
    const std::vector<uint8_t>& labels = first_stage[s];
    const size_t n = f.size();
    NerSentenceFeatures out;
    out.offsets.reserve(n + 1);
    out.hashes.reserve(f.hashes.size() + n * 8);
    Emitter e(out.hashes);
    for (size_t i = 0; i < n; ++i) {
      out.offsets.push_back(static_cast<uint32_t>(out.hashes.size()));
      const std::span<const uint64_t> base = f.Word(i);
      out.hashes.insert(out.hashes.end(), base.begin(), base.end());
      const char own = static_cast<char>('a' + labels[i]);
      const char prev = i == 0 ? '^' : static_cast<char>('a' + labels[i - 1]);
      const char next = i + 1 == n ? '$' : static_cast<char>('a' + labels[i + 1]);
      const char context[3] = {prev, own, next};
      e.Add(kPredWord, std::string_view(context + 1, 1));
      e.Add(kPredPrev, std::string_view(context, 2));
      e.Add(kPredNext, std::string_view(context + 1, 2));
      std::string own_shape(1, own);
      own_shape += WordShape(sentences[s][i]);
      e.Add(kPredShape, own_shape);
      if (!capitalised[s][i]) continue;
      // Entity types of the other occurrences: a count per type, the majority kept.
      int counts[5] = {0, 0, 0, 0, 0};  // O, PER, ORG, LOC, MISC
      for (const auto& [os, oi] : occurrences[folded[s][i]]) {
        if (os == s && oi == i) continue;
        const uint8_t l = first_stage[os][oi];
        counts[l == 0 ? 0 : 1 + (l - 1) / 2]++;
      }
      int best = -1;
      for (int t = 0; t < 5; ++t) {
        if (counts[t] > 0 && (best < 0 || counts[t] > counts[best])) best = t;
      }
      if (best < 0) continue;
      const char history[3] = {static_cast<char>('0' + best), counts[best] > 1 ? '+' : '1',
                               static_cast<char>(labels[i] == 0 ? 'O' : '0' + (labels[i] - 1) / 2)};
      e.Add(kPredHistory, std::string_view(history, 2));
      e.Add(kPredHistoryOwn, std::string_view(history, 3));
    }
    out.offsets.push_back(static_cast<uint32_t>(out.hashes.size()));
    f = std::move(out);
  }
}

}  // namespace depeche::extract
