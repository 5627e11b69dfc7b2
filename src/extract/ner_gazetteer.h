// The NER tagger's gazetteer evidence (NerGazetteerHook, ner_features.h) from the gazetteers of
// gazetteer.h: country, city, region and organisation names and demonyms in the five
// languages, first names, surnames, honorifics and titles.
//
// Over the words of one sentence, left to right, the longest gazetteer phrase starting at each
// word is taken (then matching resumes after it; Ratinov and Roth 2009's gazetteer matching).
// A phrase is the words' text::Fold joined by one space ("new york"), a lone "-" word joining
// its neighbours with a hyphen ("saint - etienne" -> "saint-etienne"), so gold tokenisations
// and NerTokenize both meet the gazetteer's keys. Each word of a phrase gets a bit for each
// kind the phrase names (a phrase can name a country and a city: "Singapore"), in its position:
// B (first word) or I (a later one). Word bits besides:
//   first name (the gazetteer's list, by transliteration skeleton too), surname, each on a
//   capitalised word only;
//   inside a title phrase ("Prime Minister", "secrétaire d'État"); the word after a title or
//   after a capitalised honorific of the hook's language ("M.", "Mr").
// The tagger's features see the bits of each word and of its neighbours (ner_features.cc), so
// "first name followed by a capitalised word" is the first-name bit of the previous word with
// the word's case (a bit of its own for it was tried and dropped: docs/QUALITY.md).
// Month and weekday names and stop words are not gazetteer names (Gazetteer::Load leaves them
// out), so "Mars" and "Of" get no place bit.
//
// Deterministic; Match is const and thread-safe (the gazetteer is read-only).
#ifndef DEPECHE_EXTRACT_NER_GAZETTEER_H_
#define DEPECHE_EXTRACT_NER_GAZETTEER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/gazetteer.h"
#include "extract/ner_features.h"

namespace depeche::extract {

// The bits Match sets (bit numbers into NerGazetteerHook's bit set).
enum NerGazetteerBit : uint32_t {
  kGazCountryB = 0,
  kGazCountryI,
  kGazCityB,
  kGazCityI,
  kGazRegionB,
  kGazRegionI,
  kGazOrgB,
  kGazOrgI,
  kGazDemonymB,
  kGazDemonymI,
  kGazBigCityB,  // a city of 1,000,000 people or more (besides kGazCityB/I)
  kGazBigCityI,
  kGazFirstName,
  kGazSurname,
  kGazFirstNameThenCap,   // capitalised first name, next word capitalised
  kGazCapAfterFirstName,  // capitalised word after a capitalised first name
  kGazTitle,              // inside a title phrase
  kGazAfterTitle,         // the word after a title phrase
  kGazAfterHonorific,     // the word after an honorific
  kGazBits,
};

class GazetteerNerHook : public NerGazetteerHook {
 public:
  // The name models record; changes whenever the bits above change meaning.
  static constexpr std::string_view kName = "depeche-gazetteer-1";

  // `lang` (ISO 639-1) picks the honorifics (all five languages' when it is none of fr en es
  // de it). `gazetteer` must not be null.
  GazetteerNerHook(std::shared_ptr<const Gazetteer> gazetteer, std::string lang);

  std::string_view Name() const override { return kName; }
  void Match(const std::vector<std::string_view>& words,
             const std::vector<std::string_view>& folded,
             std::vector<uint32_t>& bits) const override;

 private:
  // Open addressing (linear probing) from a 64-bit hash to a value; 0 is "absent".
  struct FlatTable {
    std::vector<uint64_t> keys;
    std::vector<uint32_t> values;
    size_t mask = 0;
    // Equal keys keep the largest value.
    void Build(const std::vector<std::pair<uint64_t, uint32_t>>& items);
    uint32_t Find(uint64_t key) const;
  };
  template <typename OnMatch>
  static void LongestMatches(const std::vector<std::string_view>& folded, const FlatTable& table,
                             const FlatTable& max_words, OnMatch on_match);

  std::shared_ptr<const Gazetteer> gazetteer_;
  std::string lang_;
  // Hash of a phrase key -> its B bits; of a phrase's first token -> the most words a phrase
  // starting so spans. The same for titles (value 1).
  FlatTable phrases_, phrase_max_words_, titles_, title_max_words_;
};

}  // namespace depeche::extract

#endif  // DEPECHE_EXTRACT_NER_GAZETTEER_H_
