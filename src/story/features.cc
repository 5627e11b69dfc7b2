#include "story/features.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "core/hash.h"
#include "text/calendar_words.h"
#include "text/normalize.h"
#include "text/tokenize.h"

namespace depeche::story {

struct FeatureExtractor::Language {
  std::unique_ptr<text::Stemmer> stemmer;  // null when Snowball has no algorithm
  text::StopWords stop_words;              // empty when there is no list
  // Month and weekday names (folded): capitalised in many languages, never a name alone.
  std::unordered_set<std::string> calendar_words;
};

namespace {

constexpr size_t kMaxTopNames = 8;
constexpr size_t kMaxTermForms = 32;
constexpr size_t kMinTextShingles = 20;

uint64_t KeyOf(char tag, std::string_view form) {
  // The tag separates groups so that the name "apple" and the term "apple" differ.
  return core::Hash64(form, static_cast<uint64_t>(static_cast<unsigned char>(tag)) + 1);
}

// The end of a wire dateline opening the text ("WASHINGTON, March 2 -", "PARIS, 2 mars (AFP) -",
// "GENEVA (Reuters) -"): the byte after its dash, or 0 when the text does not open with one. A
// dateline is short (at most 60 bytes before the dash), holds a comma or a parenthesis and no
// sentence end.
size_t DatelineEnd(std::string_view text) {
  constexpr size_t kMaxDateline = 60;
  for (std::string_view dash : {" - ", " \u2013 ", " \u2014 ", " -- "}) {
    const size_t at = text.substr(0, kMaxDateline + dash.size()).find(dash);
    if (at == std::string_view::npos || at == 0) continue;
    const std::string_view head = text.substr(0, at);
    if (head.find_first_of(",(") == std::string_view::npos) continue;
    if (head.find(". ") != std::string_view::npos || head.find('\n') != std::string_view::npos) {
      continue;
    }
    return at + dash.size();
  }
  return 0;
}

bool IsSentenceStart(std::string_view text, uint32_t begin) {
  // Walk back over spaces and opening quotes; a sentence starts after . ! ? or a line break.
  while (begin > 0) {
    const unsigned char c = static_cast<unsigned char>(text[begin - 1]);
    // Bytes >= 0x80 here are non-ASCII punctuation (curly quotes, guillemets, dashes): letters
    // cannot precede a token without being part of it.
    if (c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '(' || c >= 0x80) {
      --begin;
      continue;
    }
    return c == '.' || c == '!' || c == '?' || c == '\n' || c == ':';
  }
  return true;
}

// True when only spaces (or a joining hyphen) separate the two tokens: a name run continues.
bool Adjacent(std::string_view text, const text::Token& left, const text::Token& right) {
  if (left.joined_next) return true;
  for (uint32_t i = left.span.end; i < right.span.begin; ++i) {
    if (text[i] != ' ') return false;
  }
  return true;
}

std::string_view Surface(std::string_view text, const text::Token& token) {
  return text.substr(token.span.begin, token.span.end - token.span.begin);
}

class Accumulator {
 public:
  void Add(char tag, FeatureGroup group, std::string_view form, float count) {
    const uint64_t key = KeyOf(tag, form);
    auto [it, inserted] = index_.try_emplace(key, features_.size());
    if (inserted) features_.push_back({key, group, 0.0f});
    features_[it->second].count += count;
  }
  std::vector<FeatureCount> Take() {
    std::sort(features_.begin(), features_.end(),
              [](const FeatureCount& a, const FeatureCount& b) { return a.key < b.key; });
    return std::move(features_);
  }

 private:
  std::unordered_map<uint64_t, size_t> index_;
  std::vector<FeatureCount> features_;
};

struct TermForm {
  std::string word;  // the shortest lower-case spelling seen
  float count = 0.0f;
  size_t first_seen = 0;
};

struct NameCount {
  std::string display;
  float count = 0.0f;
  size_t first_seen = 0;
};

}  // namespace

FeatureExtractor::FeatureExtractor(FeatureOptions options) : options_(std::move(options)) {}
FeatureExtractor::~FeatureExtractor() = default;
FeatureExtractor::FeatureExtractor(FeatureExtractor&&) noexcept = default;
FeatureExtractor& FeatureExtractor::operator=(FeatureExtractor&&) noexcept = default;

FeatureExtractor::Language& FeatureExtractor::LanguageFor(std::string_view lang) {
  auto it = languages_.find(lang);
  if (it != languages_.end()) return *it->second;
  auto language = std::make_unique<Language>();
  if (!lang.empty() && lang != "und") {
    auto stemmer = text::Stemmer::Create(lang);
    if (stemmer.ok()) language->stemmer = std::move(stemmer).value();
    language->calendar_words = text::CalendarWords(lang);
    if (!options_.data_dir.empty()) {
      auto stop = text::StopWords::Load(options_.data_dir, lang);
      if (stop.ok()) language->stop_words = std::move(stop).value();
    }
  }
  return *languages_.emplace(std::string(lang), std::move(language)).first->second;
}

ArticleFeatures FeatureExtractor::Extract(std::string_view lang, std::string_view title,
                                          std::string_view text,
                                          const std::vector<NameFeature>* entity_names) {
  Language& language = LanguageFor(lang);
  Accumulator acc;
  std::unordered_map<std::string, NameCount> names;
  std::unordered_map<uint64_t, TermForm> forms;  // by term key

  auto process = [&](std::string_view part, float base_weight, bool is_title) {
    const std::vector<text::Token> tokens = text::Tokenize(part, lang);
    const size_t dateline_end = is_title ? 0 : DatelineEnd(part);
    // Title-case headlines capitalise every word: names cannot be told apart there.
    bool names_allowed = true;
    if (is_title) {
      size_t words = 0, caps = 0;
      for (const text::Token& t : tokens) {
        if (t.kind != text::TokenKind::kWord) continue;
        ++words;
        if (t.capitalized) ++caps;
      }
      names_allowed = words < 4 || caps * 2 <= words;
    }
    size_t i = 0;
    while (i < tokens.size()) {
      const text::Token& token = tokens[i];
      const std::string_view surface = Surface(part, token);
      const float weight = !is_title && token.span.begin < options_.lead_chars
                               ? base_weight * options_.lead_weight
                               : base_weight;
      if (token.kind == text::TokenKind::kNumber && !is_title && token.span.begin < dateline_end) {
        ++i;  // the filing date of a dateline
        continue;
      }
      if (token.kind == text::TokenKind::kNumber) {
        std::string digits;
        for (char c : surface) {
          if (c != ',') digits.push_back(c);
        }
        if (digits.size() >= 2) acc.Add('#', FeatureGroup::kNumber, digits, weight);
        ++i;
        continue;
      }
      if (token.kind != text::TokenKind::kWord) {
        ++i;
        continue;
      }
      const std::string lower = text::Lower(surface);
      if (lower.size() >= 2 && !language.stop_words.Contains(lower)) {
        std::string stem = language.stemmer ? std::string(language.stemmer->Stem(lower)) : lower;
        const std::string term = text::Fold(stem);
        acc.Add('t', FeatureGroup::kTerm, term, weight);
        if (!token.capitalized) {
          TermForm& form = forms[KeyOf('t', term)];
          if (form.count == 0.0f) form.first_seen = forms.size();
          // The shortest spelling stands for the stem ("russe" for russe/russes).
          if (form.word.empty() || lower.size() < form.word.size()) form.word = lower;
          form.count += weight;
        }
      }
      if (!token.capitalized || !names_allowed) {
        ++i;
        continue;
      }
      // A run of capitalised words: a candidate name.
      size_t last = i;
      while (last + 1 < tokens.size() && tokens[last + 1].kind == text::TokenKind::kWord &&
             tokens[last + 1].capitalized && Adjacent(part, tokens[last], tokens[last + 1])) {
        ++last;
      }
      size_t first = i;
      const bool sentence_start = IsSentenceStart(part, token.span.begin);
      while (first <= last && language.stop_words.Contains(Surface(part, tokens[first]))) ++first;
      // The month of a wire dateline ("WASHINGTON, March 2 -") only says when the copy was
      // filed: every article of the month would share it. Elsewhere a capitalised month or
      // weekday ("on Thursday") is kept: it dates the event.
      const bool calendar =
          first == last && !is_title && tokens[first].span.begin < dateline_end &&
          language.calendar_words.count(text::Fold(text::Lower(Surface(part, tokens[first])))) != 0;
      const bool ambiguous = calendar || (sentence_start && first == i && first == last);
      if (first <= last && !ambiguous) {
        const std::string display = text::JoinedText(part, tokens, first, last);
        const std::string folded = text::Fold(display);
        acc.Add('n', FeatureGroup::kName, folded, weight);
        if (last > first) {
          for (size_t k = first; k <= last; ++k) {
            const std::string_view word = Surface(part, tokens[k]);
            if (word.size() < 2 || language.stop_words.Contains(word)) continue;
            acc.Add('n', FeatureGroup::kName, text::Fold(word), 0.5f * weight);
          }
        }
        // With entities, the top names are theirs (a capitalised run is no name to show).
        if (entity_names == nullptr) {
          NameCount& name = names[folded];
          if (name.count == 0.0f) {
            name.display = display;
            name.first_seen = names.size();
          }
          name.count += weight;
        }
      }
      // Terms of the remaining run words are added as the loop walks over them.
      for (size_t k = i + 1; k <= last; ++k) {
        const std::string lower_k = text::Lower(Surface(part, tokens[k]));
        if (lower_k.size() < 2 || language.stop_words.Contains(lower_k)) continue;
        std::string stem =
            language.stemmer ? std::string(language.stemmer->Stem(lower_k)) : lower_k;
        acc.Add('t', FeatureGroup::kTerm, text::Fold(stem), weight);
      }
      i = last + 1;
    }
  };
  process(title, options_.title_weight, /*is_title=*/true);
  process(text, 1.0f, /*is_title=*/false);
  ArticleFeatures out;
  if (entity_names != nullptr) {
    for (const NameFeature& name : *entity_names) {
      float weight = 0.0f;
      for (const NameMention& m : name.mentions) {
        weight += m.in_title || m.begin < options_.lead_chars ? options_.lead_weight : 1.0f;
      }
      if (weight <= 0.0f || name.key.empty()) continue;
      acc.Add('e', FeatureGroup::kName, name.key, weight);
      for (const std::string& part : name.part_keys) {
        acc.Add('e', FeatureGroup::kName, part, 0.5f * weight);
      }
      NameCount& count = names[name.key];
      if (count.count == 0.0f) {
        count.display = name.display;
        count.first_seen = names.size();
      }
      count.count += weight;
    }
  }
  out.features = acc.Take();
  out.shingles = DedupShingles(lang, title, text);
  std::vector<const NameCount*> ranked;
  ranked.reserve(names.size());
  for (const auto& [folded, name] : names) ranked.push_back(&name);
  std::sort(ranked.begin(), ranked.end(), [](const NameCount* a, const NameCount* b) {
    if (a->count != b->count) return a->count > b->count;
    return a->first_seen < b->first_seen;
  });
  for (size_t k = 0; k < ranked.size() && k < kMaxTopNames; ++k) {
    out.top_names.push_back(ranked[k]->display);
  }
  std::vector<std::pair<uint64_t, const TermForm*>> by_count;
  by_count.reserve(forms.size());
  for (const auto& [key, form] : forms) by_count.emplace_back(key, &form);
  const size_t keep = std::min(by_count.size(), kMaxTermForms);
  std::partial_sort(by_count.begin(), by_count.begin() + static_cast<std::ptrdiff_t>(keep),
                    by_count.end(), [](const auto& a, const auto& b) {
                      if (a.second->count != b.second->count) {
                        return a.second->count > b.second->count;
                      }
                      return a.second->first_seen < b.second->first_seen;
                    });
  for (size_t k = 0; k < keep; ++k) {
    out.term_forms.emplace_back(by_count[k].first, by_count[k].second->word);
  }
  return out;
}

std::vector<uint64_t> FeatureExtractor::DedupShingles(std::string_view lang, std::string_view title,
                                                      std::string_view text) const {
  // A text too short to tell copies apart (a flash headline with a one-word body) is
  // shingled with its title.
  std::vector<uint64_t> shingles = Shingles(lang, text);
  if (shingles.size() < kMinTextShingles && !title.empty()) {
    std::string both(title);
    both += "\n";
    both.append(text);
    shingles = Shingles(lang, both);
  }
  return shingles;
}

std::vector<uint64_t> FeatureExtractor::Shingles(std::string_view lang,
                                                 std::string_view text) const {
  std::vector<uint64_t> words;
  std::string folded;
  for (const text::Token& token : text::Tokenize(text, lang)) {
    if (token.kind == text::TokenKind::kElision) continue;
    folded.clear();
    text::FoldAppend(Surface(text, token), folded);
    words.push_back(core::Hash64(folded));
  }
  std::vector<uint64_t> shingles;
  const size_t n = static_cast<size_t>(std::max(1, options_.shingle_words));
  if (words.size() < n) {
    shingles = words;
  } else {
    shingles.reserve(words.size() - n + 1);
    for (size_t i = 0; i + n <= words.size(); ++i) {
      // Order-sensitive combination of the word hashes (a cheap polynomial mix).
      uint64_t h = 0x9E3779B97F4A7C15ULL;
      for (size_t k = 0; k < n; ++k) {
        h ^= words[i + k] + 0x9E3779B97F4A7C15ULL + (h << 6) + (h >> 2);
      }
      shingles.push_back(h);
    }
  }
  std::sort(shingles.begin(), shingles.end());
  shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
  return shingles;
}

}  // namespace depeche::story
