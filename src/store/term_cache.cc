#include "store/term_cache.h"

#include <algorithm>
#include <cstring>

#include "core/hash.h"

namespace depeche::store {
namespace {

constexpr size_t kInitialSlots = 1024;
constexpr size_t kHeader = 3;  // key, primary and variant lengths, one byte each

uint32_t Tag(uint64_t hash) { return static_cast<uint32_t>(hash >> 32); }

}  // namespace

TermCache::TermCache(size_t max_entries) : max_entries_(max_entries) {}

uint64_t TermCache::Hash(std::string_view word) { return core::Hash64(word); }

TermCache::Terms TermCache::TermsAt(const char* entry) {
  const auto key_len = static_cast<unsigned char>(entry[0]);
  const auto primary_len = static_cast<unsigned char>(entry[1]);
  const auto variant_len = static_cast<unsigned char>(entry[2]);
  const char* primary = entry + kHeader + key_len;
  return {std::string_view(primary, primary_len),
          std::string_view(primary + primary_len, variant_len)};
}

bool TermCache::Find(std::string_view word, uint64_t hash, Terms* terms) const {
  if (slots_.empty()) return false;
  const size_t mask = slots_.size() - 1;
  const uint32_t tag = Tag(hash);
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.entry == 0) return false;
    if (slot.tag != tag) continue;
    const char* entry = arena_.data() + (slot.entry - 1);
    if (static_cast<unsigned char>(entry[0]) == word.size() &&
        std::memcmp(entry + kHeader, word.data(), word.size()) == 0) {
      *terms = TermsAt(entry);
      return true;
    }
  }
}

void TermCache::Place(uint64_t hash, uint32_t entry) {
  const size_t mask = slots_.size() - 1;
  size_t i = hash & mask;
  while (slots_[i].entry != 0) i = (i + 1) & mask;
  slots_[i] = Slot{Tag(hash), entry};
}

void TermCache::Grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? kInitialSlots : old.size() * 2, Slot{});
  for (const Slot& slot : old) {
    if (slot.entry == 0) continue;
    const char* entry = arena_.data() + (slot.entry - 1);
    std::string_view key(entry + kHeader, static_cast<unsigned char>(entry[0]));
    Place(Hash(key), slot.entry);
  }
}

TermCache::Terms TermCache::Insert(std::string_view word, uint64_t hash, std::string_view primary,
                                   std::string_view variant) {
  if (word.size() > kMaxPieceBytes || primary.size() > kMaxPieceBytes ||
      variant.size() > kMaxPieceBytes) {
    return {primary, variant};
  }
  if (size_ >= max_entries_) Clear();
  if ((size_ + 1) * 2 > slots_.size()) Grow();
  const size_t offset = arena_.size();
  arena_.resize(offset + kHeader + word.size() + primary.size() + variant.size());
  char* entry = arena_.data() + offset;
  entry[0] = static_cast<char>(word.size());
  entry[1] = static_cast<char>(primary.size());
  entry[2] = static_cast<char>(variant.size());
  char* p = entry + kHeader;
  std::memcpy(p, word.data(), word.size());
  p += word.size();
  if (!primary.empty()) std::memcpy(p, primary.data(), primary.size());
  p += primary.size();
  if (!variant.empty()) std::memcpy(p, variant.data(), variant.size());
  Place(hash, static_cast<uint32_t>(offset + 1));
  ++size_;
  return TermsAt(entry);
}

void TermCache::Clear() {
  // Keep the capacity: a refill reaches the same size again.
  std::fill(slots_.begin(), slots_.end(), Slot{});
  arena_.clear();
  size_ = 0;
}

}  // namespace depeche::store
