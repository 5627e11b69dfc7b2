#include "story/dedup_index.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "core/hash.h"

namespace depeche::story {

namespace {

constexpr size_t kMaxBucketScan = 128;

// SplitMix64: deterministic permutation parameters, the same on every machine.
uint64_t SplitMix(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// |a ∩ b| of two sorted, unique sets.
size_t IntersectionSize(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  size_t i = 0, j = 0, shared = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++shared;
      ++i;
      ++j;
    }
  }
  return shared;
}

}  // namespace

DedupIndex::DedupIndex(DedupOptions options) : options_(options) {
  const int n = options_.bands * options_.rows;
  uint64_t state = 0x64657065636865ULL;  // "depeche"
  for (int i = 0; i < n; ++i) {
    mul_.push_back(SplitMix(state) | 1);  // odd multiplier: a bijection on 64-bit values
    add_.push_back(SplitMix(state));
  }
}

Result<DedupIndex> DedupIndex::Create(DedupOptions options) {
  if (options.bands <= 0 || options.rows <= 0 || options.bands * options.rows > 1024) {
    return InvalidArgumentError("dedup: bands and rows must be positive, bands*rows <= 1024");
  }
  return DedupIndex(options);
}

std::vector<uint32_t> DedupIndex::Signature(const std::vector<uint64_t>& shingles) const {
  std::vector<uint32_t> signature(mul_.size(), UINT32_MAX);
  for (uint64_t h : shingles) {
    for (size_t i = 0; i < mul_.size(); ++i) {
      const uint32_t v = static_cast<uint32_t>((mul_[i] * h + add_[i]) >> 32);
      signature[i] = std::min(signature[i], v);
    }
  }
  return signature;
}

uint64_t DedupIndex::BandKey(const std::vector<uint32_t>& signature, int band) const {
  const size_t begin = static_cast<size_t>(band) * static_cast<size_t>(options_.rows);
  return core::Hash64(std::string_view(reinterpret_cast<const char*>(&signature[begin]),
                                       sizeof(uint32_t) * static_cast<size_t>(options_.rows)),
                      static_cast<uint64_t>(band));
}

DedupMatch DedupIndex::Match(const std::vector<uint32_t>& signature,
                             const std::vector<uint64_t>& shingles) const {
  const auto shingle_count = static_cast<uint32_t>(shingles.size());
  DedupMatch best;
  if (shingle_count < static_cast<uint32_t>(options_.min_shingles)) return best;
  std::vector<uint64_t> candidates;
  for (int band = 0; band < options_.bands; ++band) {
    auto it = buckets_.find(BandKey(signature, band));
    if (it == buckets_.end()) continue;
    // Crowded buckets (boilerplate shared by many articles): the latest entries suffice, since
    // a true duplicate shares many bands and is found through its other buckets too.
    const std::vector<uint64_t>& bucket = it->second;
    const size_t from = bucket.size() > kMaxBucketScan ? bucket.size() - kMaxBucketScan : 0;
    for (size_t k = from; k < bucket.size(); ++k) {
      if (bucket[k] >= first_seq_) candidates.push_back(bucket[k]);  // skip evicted entries
    }
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  double best_score = -1.0;
  for (uint64_t seq : candidates) {
    const DedupEntry& entry = entries_[seq - first_seq_];
    if (entry.shingle_count < static_cast<uint32_t>(options_.min_shingles)) continue;
    size_t equal = 0;
    for (size_t i = 0; i < signature.size(); ++i) equal += signature[i] == entry.signature[i];
    double jaccard = static_cast<double>(equal) / static_cast<double>(signature.size());
    // |A∩B| from the Jaccard estimate and the set sizes, relative to the smaller set.
    const double a = shingle_count, b = entry.shingle_count;
    const double intersection = jaccard * (a + b) / (1.0 + jaccard);
    const double smaller = std::min(a, b);
    double containment = smaller > 0 ? std::min(1.0, intersection / smaller) : 0.0;
    bool exact = false;
    const bool near_threshold =
        std::abs(jaccard - options_.min_jaccard) < options_.exact_band ||
        (smaller >= static_cast<double>(options_.min_shingles_for_containment) &&
         std::abs(containment - options_.min_containment) < options_.exact_band);
    if (near_threshold && source_) {
      if (std::optional<std::vector<uint64_t>> other = source_(entry.article_id)) {
        const auto shared = static_cast<double>(IntersectionSize(shingles, *other));
        const double small = static_cast<double>(std::min(shingles.size(), other->size()));
        const double uni = static_cast<double>(shingles.size() + other->size()) - shared;
        jaccard = uni > 0 ? shared / uni : 0.0;
        containment = small > 0 ? shared / small : 0.0;
        exact = true;
      }
    }
    if (jaccard >= options_.min_jaccard) best.pairs.emplace_back(entry.article_id, jaccard);
    const bool duplicate = jaccard >= options_.min_jaccard ||
                           (containment >= options_.min_containment &&
                            smaller >= static_cast<double>(options_.min_shingles_for_containment));
    if (!duplicate) continue;
    // Highest Jaccard wins; ties go to the earlier (older) entry, since candidates ascend.
    if (jaccard > best_score) {
      best_score = jaccard;
      best.duplicate = true;
      best.group_id = entry.group_id;
      best.original_id = entry.article_id;
      best.jaccard = jaccard;
      best.containment = containment;
      best.exact = exact;
      best.original_time = entry.time;
      best.original_dated = entry.dated;
    }
  }
  return best;
}

std::optional<std::string> DedupIndex::GroupOf(const std::string& article_id) const {
  auto it = by_id_.find(article_id);
  if (it == by_id_.end()) return std::nullopt;
  return entries_[it->second - first_seq_].group_id;
}

void DedupIndex::SetGroup(const std::string& article_id, const std::string& group_id) {
  auto it = by_id_.find(article_id);
  if (it != by_id_.end()) entries_[it->second - first_seq_].group_id = group_id;
}

DedupMatch DedupIndex::Find(const std::vector<uint64_t>& shingles) const {
  if (shingles.empty()) return {};
  return Match(Signature(shingles), shingles);
}

void DedupIndex::DateUndated(const DedupEntry& first_dated) {
  if (seen_dated_ || !first_dated.dated) return;
  seen_dated_ = true;
  for (DedupEntry& e : entries_) e.time = first_dated.time;
}

DedupMatch DedupIndex::Add(const std::string& article_id, int64_t time,
                           const std::vector<uint64_t>& shingles, bool dated,
                           const std::vector<uint32_t>* signature) {
  if (auto known = by_id_.find(article_id); known != by_id_.end()) {
    const DedupEntry& entry = entries_[known->second - first_seq_];
    DedupMatch match;
    match.group_id = entry.group_id;
    match.duplicate = entry.group_id != entry.article_id;
    return match;
  }
  if (shingles.empty()) {
    DedupMatch match;
    match.group_id = article_id;
    return match;
  }
  DedupEntry entry;
  entry.article_id = article_id;
  entry.time = time;
  entry.dated = dated;
  DateUndated(entry);
  Evict(time);  // first, so that what left the window cannot match
  entry.shingle_count = static_cast<uint32_t>(shingles.size());
  if (signature != nullptr && signature->size() == mul_.size()) {
    entry.signature = *signature;
  } else {
    entry.signature = Signature(shingles);
  }
  DedupMatch match = Match(entry.signature, shingles);
  if (!match.duplicate) match.group_id = article_id;
  entry.group_id = match.group_id;
  Insert(std::move(entry));
  return match;
}

Status DedupIndex::Restore(const DedupEntry& entry) {
  if (entry.signature.size() != mul_.size()) {
    return InvalidArgumentError("dedup: signature length does not match the options");
  }
  DateUndated(entry);  // as Add did, so that a restored index is the live one
  Evict(entry.time);
  Insert(entry);
  return Status::Ok();
}

void DedupIndex::Insert(DedupEntry entry) {
  const uint64_t seq = first_seq_ + entries_.size();
  for (int band = 0; band < options_.bands; ++band) {
    buckets_[BandKey(entry.signature, band)].push_back(seq);
  }
  by_id_[entry.article_id] = seq;
  entries_.push_back(std::move(entry));
  Evict(newest_time_);  // the entry count bound
}

void DedupIndex::Evict(int64_t time) {
  newest_time_ = std::max(newest_time_, time);
  while (!entries_.empty() && (entries_.size() > options_.max_entries ||
                               entries_.front().time < newest_time_ - options_.window_seconds)) {
    const DedupEntry& old = entries_.front();
    for (int band = 0; band < options_.bands; ++band) {
      auto it = buckets_.find(BandKey(old.signature, band));
      if (it == buckets_.end()) continue;
      std::vector<uint64_t>& seqs = it->second;
      // Evicted in insertion order, so a bucket's stale entries form a prefix. Erasing one entry
      // at a time from a crowded bucket would shift it on every eviction: erase the prefix once
      // it is half the bucket (Match skips stale entries meanwhile).
      const auto live = std::upper_bound(seqs.begin(), seqs.end(), first_seq_);
      const size_t stale = static_cast<size_t>(live - seqs.begin());
      if (stale * 2 >= seqs.size() || seqs.size() <= 16) seqs.erase(seqs.begin(), live);
      if (seqs.empty()) buckets_.erase(it);
    }
    auto id = by_id_.find(old.article_id);
    if (id != by_id_.end() && id->second == first_seq_) by_id_.erase(id);
    entries_.pop_front();
    ++first_seq_;
  }
}

}  // namespace depeche::story
