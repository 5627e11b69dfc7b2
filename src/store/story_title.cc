#include "store/story_title.h"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <tuple>

#include "text/normalize.h"

namespace depeche::store {
namespace {

// Folded words of `s`, in order: runs of letters and digits of the folded text (any non-ASCII
// byte counts as a letter). Not the tokenizer (text/tokenize.h): its ICU word breaks cost ten
// times more, and a title is chosen again at most arrivals (StoryStore::Record); here only
// word equality with the story's key words matters, which folding gives.
std::vector<std::string> Words(std::string_view s, std::string_view /*lang*/) {
  std::vector<std::string> out;
  const std::string folded = text::Fold(s);
  std::string word;
  for (char c : folded) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) {
      word += c;
    } else if (!word.empty()) {
      out.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

// Marks of a photo caption or credit, folded. Captions are what feeds and extractors most often
// mistake for a headline (Global Voices: "Bassel Khartabil. Foto de Joi Ito via Wikimedia (CC BY
// 2.0).", "Huelga en el Bazar de Teheran. Fuente: Green City"). First words that open a caption:
constexpr std::string_view kCaptionOpeners[] = {"photo",  "photos",  "foto",    "fotos",
                                                "image",  "images",  "picture", "pictures",
                                                "imagen", "immagine"};
// Words that, anywhere, credit an image ("foto de/di", "photo by", "via wikimedia", "cc by").
constexpr std::string_view kCreditPairs[][2] = {
    {"foto", "de"},       {"foto", "di"},    {"photo", "by"},  {"photo", "de"},
    {"photo", "credit"},  {"image", "by"},   {"imagen", "de"}, {"immagine", "di"},
    {"via", "wikimedia"}, {"via", "flickr"}, {"cc", "by"},     {"getty", "images"},
    {"file", "photo"}};
// Labels followed by a colon that introduce a caption's source or credit.
constexpr std::string_view kCreditLabels[] = {
    "source:", "fuente:", "fonte:", "credit:", "credits:", "photo:", "foto:", "image:"};

bool HasCaptionMarks(std::string_view title, const std::vector<std::string>& words) {
  if (title.find("\xC2\xA9") != std::string_view::npos) return true;  // ©
  if (!words.empty()) {
    for (std::string_view w : kCaptionOpeners) {
      if (words.front() == w) return true;
    }
  }
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    for (const auto& pair : kCreditPairs) {
      if (words[i] == pair[0] && words[i + 1] == pair[1]) return true;
    }
  }
  const std::string folded = text::Fold(title);
  for (std::string_view label : kCreditLabels) {
    size_t at = folded.find(label);
    // At the start or after a space or full stop: "Fuente: Green City", "... Photo: AFP".
    if (at != std::string::npos && (at == 0 || folded[at - 1] == ' ' || folded[at - 1] == '.')) {
      return true;
    }
  }
  return false;
}

bool EndsWithFullStop(std::string_view title) {
  while (!title.empty() && (title.back() == ' ' || title.back() == '\n')) title.remove_suffix(1);
  if (title.empty() || title.back() != '.') return false;
  return title.size() < 3 || title.substr(title.size() - 3) != "...";
}

}  // namespace

TitleTier ClassifyTitle(std::string_view title, std::string_view origin, std::string_view lang) {
  const std::vector<std::string> words = Words(title, lang);
  if (words.empty()) return TitleTier::kNone;
  if (origin == "derived") return TitleTier::kDerived;
  if (words.size() < 3 || HasCaptionMarks(title, words)) return TitleTier::kCaption;
  if (words.size() > 16 || (words.size() > 8 && EndsWithFullStop(title))) {
    return TitleTier::kSentence;
  }
  return TitleTier::kHeadline;
}

int ChooseStoryTitle(const std::vector<TitleCandidate>& articles,
                     const std::vector<std::string>& key_words) {
  struct Group {
    int first = -1;  // index of its earliest article
    TitleTier tier = TitleTier::kNone;
    std::set<std::string> sources;
    int64_t overlap = 0;
  };
  std::set<std::string> keys;
  for (const std::string& k : key_words) {
    for (std::string& w : Words(k, "")) keys.insert(std::move(w));
  }
  std::map<std::string, Group> groups;
  for (size_t i = 0; i < articles.size(); ++i) {
    const TitleCandidate& a = articles[i];
    if (a.title.empty()) continue;
    const std::string folded = text::Fold(a.title);
    Group& g = groups[folded];
    if (g.first < 0 || a.seq < articles[g.first].seq) g.first = static_cast<int>(i);
    // A derived copy of a title stated elsewhere does not lower the stated one.
    g.tier = std::max(g.tier, ClassifyTitle(a.title, a.origin, a.lang));
    g.sources.insert(a.source);
  }
  int best = -1;
  std::tuple<int, int64_t, int64_t> best_key;
  int64_t best_seq = 0;
  for (auto& [folded, g] : groups) {
    std::set<std::string> seen;
    for (std::string& w : Words(articles[g.first].title, articles[g.first].lang)) {
      if (keys.count(w) && seen.insert(w).second) ++g.overlap;
    }
    const auto sources = static_cast<int64_t>(g.sources.size());
    std::tuple<int, int64_t, int64_t> key{static_cast<int>(g.tier), (1 + g.overlap) * sources,
                                          g.overlap};
    const int64_t seq = articles[g.first].seq;
    if (best < 0 || key > best_key || (key == best_key && seq < best_seq)) {
      best = g.first;
      best_key = key;
      best_seq = seq;
    }
  }
  return best;
}

}  // namespace depeche::store
