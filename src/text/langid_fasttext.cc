#include "text/langid_fasttext.h"

#include <fasttext/fasttext.h>

#include <cstring>
#include <sstream>
#include <string>

namespace depeche::text {
namespace {

constexpr uint32_t kFnvOffset = 2166136261u;
constexpr uint32_t kFnvPrime = 16777619u;
constexpr std::string_view kEos = "</s>";
constexpr std::string_view kLabelPrefix = "__label__";

// fastText's Dictionary::hash, one byte at a time: FNV-1a over the bytes as *signed* chars
// (a byte >= 0x80 is sign-extended), as the models were trained.
inline uint32_t Fnv(uint32_t h, char c) {
  return (h ^ static_cast<uint32_t>(static_cast<int8_t>(c))) * kFnvPrime;
}

uint32_t Hash(std::string_view s) {
  uint32_t h = kFnvOffset;
  for (char c : s) h = Fnv(h, c);
  return h;
}

template <typename T>
bool Read(std::string_view& in, T& out) {
  if (in.size() < sizeof(T)) return false;
  std::memcpy(&out, in.data(), sizeof(T));
  in.remove_prefix(sizeof(T));
  return true;
}

}  // namespace

std::unique_ptr<FastTextTokenizer> FastTextTokenizer::Create(const fasttext::FastText& model) {
  try {
    const fasttext::Args args = model.getArgs();
    if (args.wordNgrams > 1 || args.bucket < 0) return nullptr;
    std::unique_ptr<FastTextTokenizer> t(new FastTextTokenizer());
    t->dict_ = model.getDictionary();
    t->nwords_ = t->dict_->nwords();
    t->minn_ = args.minn;
    t->maxn_ = args.maxn;
    t->bucket_ = static_cast<uint32_t>(args.bucket);
    t->eos_ = t->dict_->getId(std::string(kEos));

    // The pruned index is private to the Dictionary; its save() writes it after the entries.
    std::ostringstream saved;
    t->dict_->save(saved);
    const std::string bytes = saved.str();
    std::string_view in(bytes);
    int32_t size = 0, nwords = 0, nlabels = 0;
    int64_t ntokens = 0;
    if (!Read(in, size) || !Read(in, nwords) || !Read(in, nlabels) || !Read(in, ntokens) ||
        !Read(in, t->prune_size_) || nwords != t->nwords_) {
      return nullptr;
    }
    for (int32_t i = 0; i < size; ++i) {
      const size_t nul = in.find('\0');
      if (nul == std::string_view::npos || in.size() < nul + 1 + 8 + 1) return nullptr;
      in.remove_prefix(nul + 1 + 8 + 1);  // word, '\0', count (int64), type (int8)
    }
    if (t->prune_size_ > 0) {
      if (static_cast<uint64_t>(t->prune_size_) * 8 != in.size()) return nullptr;
      size_t capacity = 16;
      while (capacity < 2 * static_cast<size_t>(t->prune_size_)) capacity *= 2;
      t->keys_.assign(capacity, -1);
      t->values_.assign(capacity, 0);
      t->mask_ = static_cast<uint32_t>(capacity - 1);
      for (int64_t i = 0; i < t->prune_size_; ++i) {
        int32_t key = 0, value = 0;
        if (!Read(in, key) || !Read(in, value) || key < 0) return nullptr;
        uint32_t slot = (static_cast<uint32_t>(key) * 2654435761u) & t->mask_;
        while (t->keys_[slot] != -1 && t->keys_[slot] != key) slot = (slot + 1) & t->mask_;
        t->keys_[slot] = key;
        t->values_[slot] = value;
      }
    }
    return t;
  } catch (...) {
    return nullptr;
  }
}

bool FastTextTokenizer::MapBucket(int32_t bucket, int32_t& id) const {
  if (prune_size_ == 0 || bucket < 0) return false;
  if (prune_size_ < 0) {
    id = bucket;
    return true;
  }
  uint32_t slot = (static_cast<uint32_t>(bucket) * 2654435761u) & mask_;
  while (keys_[slot] != -1) {
    if (keys_[slot] == bucket) {
      id = values_[slot];
      return true;
    }
    slot = (slot + 1) & mask_;
  }
  return false;
}

void FastTextTokenizer::Ids(std::string_view line, std::vector<int32_t>& ids) const {
  size_t pos = 0;
  while (pos <= line.size()) {
    size_t end = line.find(' ', pos);
    if (end == std::string_view::npos) end = line.size();
    const std::string_view token = line.substr(pos, end - pos);
    pos = end + 1;
    if (token.empty()) continue;
    const std::string token_string(token);
    const int32_t wid = dict_->getId(token_string, Hash(token));
    if (wid >= 0) {
      if (dict_->getType(wid) == fasttext::entry_type::word) {
        if (maxn_ <= 0) {
          ids.push_back(wid);
        } else {
          const std::vector<int32_t>& subwords = dict_->getSubwords(wid);
          ids.insert(ids.end(), subwords.begin(), subwords.end());
        }
      }
      if (token == kEos) return;  // getLine stops at the first end of sentence
      continue;
    }
    if (token.substr(0, kLabelPrefix.size()) == kLabelPrefix) continue;  // an unknown label
    if (maxn_ <= 0) continue;
    // Dictionary::computeSubwords on "<token>": n-grams of n = minn..maxn UTF-8 characters.
    const size_t size = token.size() + 2;
    const auto at = [&](size_t k) { return k == 0 ? '<' : (k == size - 1 ? '>' : token[k - 1]); };
    for (size_t i = 0; i < size; ++i) {
      if ((at(i) & 0xC0) == 0x80) continue;
      uint32_t h = kFnvOffset;
      for (size_t j = i, n = 1; j < size && n <= static_cast<size_t>(maxn_); ++n) {
        h = Fnv(h, at(j++));
        while (j < size && (at(j) & 0xC0) == 0x80) h = Fnv(h, at(j++));
        if (n >= static_cast<size_t>(minn_) && !(n == 1 && (i == 0 || j == size))) {
          int32_t id = 0;
          if (MapBucket(static_cast<int32_t>(h % bucket_), id)) ids.push_back(nwords_ + id);
        }
      }
    }
  }
  if (eos_ >= 0) {  // the "\n" that ends the line
    const std::vector<int32_t>& subwords = dict_->getSubwords(eos_);
    if (maxn_ <= 0) {
      ids.push_back(eos_);
    } else {
      ids.insert(ids.end(), subwords.begin(), subwords.end());
    }
  }
}

}  // namespace depeche::text
