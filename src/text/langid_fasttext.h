// fastText's input ids for one line of text, computed without fastText's istream reader.
//
// fasttext::Dictionary::getLine reads the line a character at a time through an istream and
// looks every character n-gram of an unknown word up in an std::unordered_map (the pruned
// index of a quantized .ftz model): about 56,000 instructions on a 115-byte sentence, more
// than a third of language identification (docs/LANGID.md). This class gives the same ids
// (same order, same duplicates) from a string: words split at spaces, the word's id and its
// precomputed subwords for known words, FNV-1a hashes of the character n-grams of "<word>"
// for unknown ones, mapped through a small open-addressing copy of the pruned index, then
// the end-of-sentence id. FastText::predict takes the ids from there.
#ifndef DEPECHE_TEXT_LANGID_FASTTEXT_H_
#define DEPECHE_TEXT_LANGID_FASTTEXT_H_

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace fasttext {
class FastText;
class Dictionary;
}  // namespace fasttext

namespace depeche::text {

// Immutable after Create; Ids is const and thread-safe. Holds a reference to the model's
// dictionary (shared ownership), so it may outlive nothing it points to.
class FastTextTokenizer {
 public:
  // nullptr when the model uses features this class does not reproduce (word n-grams > 1),
  // or when its dictionary cannot be read back; callers then use Dictionary::getLine.
  static std::unique_ptr<FastTextTokenizer> Create(const fasttext::FastText& model);

  // Appends to `ids` what Dictionary::getLine gives for `line` + "\n": `line` holds tokens
  // separated by single ASCII spaces and no other whitespace (as the identifier's cleaned,
  // lowercased text does).
  void Ids(std::string_view line, std::vector<int32_t>& ids) const;

 private:
  FastTextTokenizer() = default;
  bool MapBucket(int32_t bucket, int32_t& id) const;

  std::shared_ptr<const fasttext::Dictionary> dict_;
  int32_t nwords_ = 0;
  int32_t minn_ = 0;
  int32_t maxn_ = 0;
  uint32_t bucket_ = 0;
  int32_t eos_ = -1;
  int64_t prune_size_ = -1;  // -1: not pruned; 0: no n-grams; > 0: mapped through the table
  // Open addressing, linear probing: keys (bucket ids, -1 = empty) and their pruned ids.
  std::vector<int32_t> keys_;
  std::vector<int32_t> values_;
  uint32_t mask_ = 0;
};

}  // namespace depeche::text

#endif  // DEPECHE_TEXT_LANGID_FASTTEXT_H_
