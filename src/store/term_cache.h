// TermCache: word -> index terms, for the FTS tokenizer's hot path.
#ifndef DEPECHE_STORE_TERM_CACHE_H_
#define DEPECHE_STORE_TERM_CACHE_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace depeche::store {

// An open-addressing hash map whose keys and values live in one byte arena: no allocation per
// entry, and a lookup touches about two cache lines (slot, then entry) instead of the three or
// more of a node-based map. It grows up to `max_entries` and is then emptied and refilled:
// news vocabulary is Zipfian, so the frequent words come back at once. Not thread-safe.
class TermCache {
 public:
  // Longest word, primary or variant that can be cached.
  static constexpr size_t kMaxPieceBytes = 255;

  struct Terms {
    std::string_view primary;
    std::string_view variant;  // empty when none
  };

  explicit TermCache(size_t max_entries);

  static uint64_t Hash(std::string_view word);

  // The terms cached for `word` (`hash` = Hash(word)), or false. The views stay valid until
  // the next Insert() or Clear().
  bool Find(std::string_view word, uint64_t hash, Terms* terms) const;

  // Caches `word`; a piece longer than kMaxPieceBytes is not cached. Returns the stored terms
  // (views into the cache) when cached, or the arguments otherwise.
  Terms Insert(std::string_view word, uint64_t hash, std::string_view primary,
               std::string_view variant);

  void Clear();
  size_t size() const { return size_; }

 private:
  struct Slot {
    uint32_t tag = 0;    // high 32 bits of the hash
    uint32_t entry = 0;  // offset of the entry in arena_ + 1; 0 = empty
  };
  void Grow();
  void Place(uint64_t hash, uint32_t entry);
  static Terms TermsAt(const char* entry);

  size_t max_entries_;
  size_t size_ = 0;
  std::vector<Slot> slots_;  // power-of-two size, at most half full
  std::vector<char> arena_;  // entries: [key len][primary len][variant len][key][primary][variant]
};

}  // namespace depeche::store

#endif  // DEPECHE_STORE_TERM_CACHE_H_
