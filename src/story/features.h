// Per-article features for near-duplicate detection and story clustering: word shingles for
// MinHash, and weighted feature counts (stemmed terms, capitalised names, numbers) for the
// online clusterer. Features are 64-bit hashes (core::Hash64) so that state stays compact and
// serialisable; the group of a feature is kept beside it.
#ifndef DEPECHE_STORY_FEATURES_H_
#define DEPECHE_STORY_FEATURES_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "depeche/article.h"
#include "text/stemmer.h"
#include "text/stopwords.h"

namespace depeche::story {

enum class FeatureGroup : uint8_t { kTerm = 0, kName = 1, kNumber = 2 };
inline constexpr int kFeatureGroups = 3;

// Where a name is mentioned: bytes [begin, end) of the story input's title or text (the text
// with boilerplate left out, see story::StoryInputOf).
struct NameMention {
  bool in_title = false;
  uint32_t begin = 0;
  uint32_t end = 0;
};

// A name the article is about, found by entity extraction (the engine builds them from
// extract::ArticleEntities, see engine/story_names.h): one feature per entity, keyed by an
// identity that holds across spellings, languages and articles, added to the capitalised-word
// runs (which keep what the tagger misses or calls MISC: works, events, products). Chosen on
// the training splits over replacing the runs (src/story/README.md, tuning step 7).
struct NameFeature {
  // The entity's identity: "ref:iso3166:UA" (gazetteer), "person:blinken" (surname skeleton),
  // "org:brown forman inc" (name skeleton), ... Equal keys are one name to the clusterer.
  std::string key;
  std::string display;  // as a reader knows it ("Antony Blinken")
  // Keys of parts that also identify it, counted at half weight ("word:forman" for
  // "Brown-Forman Inc", so that "Brown-Forman" alone elsewhere meets it).
  std::vector<std::string> part_keys;
  // Its mentions. One weighs like a lead token (FeatureOptions::lead_weight) in the title or
  // the lead, 1 elsewhere: the headline and the lead say who the article is about.
  std::vector<NameMention> mentions;
};

// One feature of an article with its raw count (title tokens count `title_weight` times).
struct FeatureCount {
  uint64_t key = 0;  // Hash64 of the group tag and the normalised surface form
  FeatureGroup group = FeatureGroup::kTerm;
  float count = 0.0f;
};

struct ArticleFeatures {
  std::vector<FeatureCount> features;  // sorted by key, keys unique
  std::vector<uint64_t> shingles;      // DedupShingles of the title and text
  // Display forms of the most frequent names ("Lindsay Lohan"), most frequent first (at most 8).
  std::vector<std::string> top_names;
  // Display forms of the most frequent terms written in lower case (content words, not names):
  // (term feature key, its shortest lower-case spelling), most frequent first, at most 32. The
  // clusterer's document frequencies turn them into the article's top terms (StoryPipeline).
  std::vector<std::pair<uint64_t, std::string>> term_forms;
};

struct FeatureOptions {
  float title_weight = 1.0f;  // how many times a title token counts
  // The lead (news put the who/what/where first): tokens of the text that start within its
  // first `lead_chars` bytes count `lead_weight` times.
  float lead_weight = 3.0f;
  size_t lead_chars = 300;
  int shingle_words = 3;  // words per shingle
  // Folder holding <lang>/stopwords.txt (the repo's data/). Empty: no stop words.
  std::string data_dir;
};

// Turns articles into features. Not thread-safe (holds one stemmer per language); use one per
// thread. Languages without a Snowball stemmer or stop-word list still work (unstemmed terms).
class FeatureExtractor {
 public:
  explicit FeatureExtractor(FeatureOptions options);
  ~FeatureExtractor();
  FeatureExtractor(const FeatureExtractor&) = delete;
  FeatureExtractor& operator=(const FeatureExtractor&) = delete;
  FeatureExtractor(FeatureExtractor&&) noexcept;
  FeatureExtractor& operator=(FeatureExtractor&&) noexcept;

  // Features of `title` + `text` in `lang` (ISO 639-1; "und" or "" for unknown). `names`, when
  // given (the article's entities were extracted, possibly none), are name features beside
  // the runs of capitalised words, and its top names; otherwise the runs are both.
  ArticleFeatures Extract(std::string_view lang, std::string_view title, std::string_view text,
                          const std::vector<NameFeature>* names = nullptr);
  ArticleFeatures Extract(const Article& article) {
    return Extract(article.lang, article.title, article.text);
  }

  // The shingles near-duplicate detection uses (ArticleFeatures::shingles): those of `text`,
  // or of `title` and `text` together when the text alone has fewer than 20. Sorted, unique.
  std::vector<uint64_t> DedupShingles(std::string_view lang, std::string_view title,
                                      std::string_view text) const;

  // Hashed word shingles of `text` alone (folded words; texts shorter than one shingle give
  // their words). Sorted and unique.
  std::vector<uint64_t> Shingles(std::string_view lang, std::string_view text) const;

 private:
  struct Language;
  Language& LanguageFor(std::string_view lang);

  FeatureOptions options_;
  std::map<std::string, std::unique_ptr<Language>, std::less<>> languages_;
};

}  // namespace depeche::story

#endif  // DEPECHE_STORY_FEATURES_H_
