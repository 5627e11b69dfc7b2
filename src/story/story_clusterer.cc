#include "story/story_clusterer.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <utility>

#include "core/hash.h"
#include "story/clusterer_internal.h"
#include "story/grouped_vector.h"

namespace depeche::story {

using internal::kSecondsPerDay;
using internal::TermCount;

namespace {

constexpr size_t kMaxMergesPerArticle = 3;
constexpr size_t kMaxMergeChecks = 8;    // best-scoring other stories checked for a merge
constexpr size_t kMaxPostingScan = 512;  // latest entries of one posting list scanned

}  // namespace

double StoryClusterer::JoinThreshold(const std::vector<WeightedFeature>& vec) const {
  // A headline-only item has a few terms: its cosine with a rich centroid is low by
  // construction, so it gets its own threshold. Between the regimes the threshold moves
  // linearly with the number of terms.
  const size_t terms = TermCount(vec);
  if (terms <= options_.short_max_terms) return options_.short_threshold;
  if (terms >= options_.long_min_terms) return options_.threshold;
  const double t = static_cast<double>(terms - options_.short_max_terms) /
                   static_cast<double>(options_.long_min_terms - options_.short_max_terms);
  return options_.short_threshold + t * (options_.threshold - options_.short_threshold);
}

const std::array<double, kFeatureGroups>& StoryClusterer::WeightsFor(
    const std::vector<WeightedFeature>& vec) const {
  return TermCount(vec) <= options_.short_max_terms ? short_weights_ : weights_;
}

StoryClusterer::StoryClusterer(ClusterOptions options)
    : options_(options),
      weights_{options.term_weight, options.name_weight, options.number_weight},
      short_weights_{options.term_weight, options.short_name_weight, options.short_number_weight} {}

Result<StoryClusterer> StoryClusterer::Create(ClusterOptions options, ClustererState state) {
  auto unit = [](double v) { return v >= 0.0 && v <= 1.0; };
  if (options.term_weight < 0 || options.name_weight < 0 || options.number_weight < 0 ||
      options.short_name_weight < 0 || options.short_number_weight < 0 ||
      options.term_weight + options.name_weight + options.number_weight <= 0) {
    return InvalidArgumentError("cluster: feature weights must be >= 0 and not all 0");
  }
  if (!unit(options.threshold) || !unit(options.merge_threshold) || !unit(options.link_threshold)) {
    return InvalidArgumentError("cluster: thresholds must lie in [0, 1]");
  }
  if (options.window_seconds <= 0 || options.decay_days <= 0 || options.grace_days < 0 ||
      options.max_active_stories == 0 || options.max_centroid_features == 0 ||
      options.query_features <= 0 || options.long_min_terms <= options.short_max_terms) {
    return InvalidArgumentError("cluster: window, decay and size limits must be positive");
  }
  StoryClusterer clusterer(options);
  clusterer.meta_.next_seq = state.next_seq;
  clusterer.meta_.clock = state.clock;
  clusterer.meta_.clock_set = state.clock_set;
  for (LanguageDf& lang : state.df) {
    Df& df = clusterer.df_[lang.lang];
    df.docs = lang.docs;
    clusterer.taken_docs_[lang.lang] = lang.docs;
    df.counts.reserve(lang.df.size());
    for (const auto& [key, count] : lang.df) df.counts.emplace(key, count);
  }
  for (StoryState& story : state.stories) {
    if (clusterer.by_id_.count(story.id) != 0) {
      return InvalidArgumentError("cluster: duplicate story id in state: " + story.id);
    }
    const uint32_t slot = clusterer.NewSlot();
    StoryState& target = clusterer.slots_[slot];
    target = std::move(story);
    std::sort(target.centroid.begin(), target.centroid.end());
    target.norm2 = Norm2(target.centroid);
    clusterer.by_id_[target.id] = slot;
    clusterer.by_activity_.insert(clusterer.KeyOf(slot));
    clusterer.centroid_total_ += target.centroid.size();
  }
  clusterer.RebuildPostings();
  return clusterer;
}

void StoryClusterer::AddPosting(uint64_t key, uint32_t slot) {
  std::vector<Posting>& list = postings_[key];
  const uint64_t seq = slots_[slot].created_seq;
  auto pos = std::upper_bound(list.begin(), list.end(), seq,
                              [](uint64_t s, const Posting& p) { return s < p.created_seq; });
  // The same story may already be listed (a feature pruned from its centroid, then back).
  for (auto it = pos; it != list.begin() && std::prev(it)->created_seq == seq; --it) {
    if (std::prev(it)->slot == slot) return;
  }
  list.insert(pos, Posting{seq, slot});
  ++postings_total_;
}

void StoryClusterer::DropPosting(uint64_t key, uint32_t slot) {
  auto found = postings_.find(key);
  if (found == postings_.end()) return;
  std::vector<Posting>& list = found->second;
  const uint64_t seq = slots_[slot].created_seq;
  auto it = std::lower_bound(list.begin(), list.end(), seq,
                             [](const Posting& p, uint64_t s) { return p.created_seq < s; });
  for (; it != list.end() && it->created_seq == seq; ++it) {
    if (it->slot == slot) {
      it->slot = kDeadSlot;  // left in place (dropped at compaction): no shifting of the list
      return;
    }
  }
}

void StoryClusterer::RebuildPostings() {
  postings_.clear();
  postings_total_ = 0;
  std::vector<uint32_t> live;
  for (uint32_t slot = 0; slot < slots_.size(); ++slot) {
    if (alive_[slot]) live.push_back(slot);
  }
  std::sort(live.begin(), live.end(),
            [&](uint32_t a, uint32_t b) { return slots_[a].created_seq < slots_[b].created_seq; });
  for (uint32_t slot : live) {
    for (const auto& [key, w] : slots_[slot].centroid) {
      postings_[key].push_back(Posting{slots_[slot].created_seq, slot});
    }
    postings_total_ += slots_[slot].centroid.size();
  }
}

uint32_t StoryClusterer::NewSlot() {
  if (!free_.empty()) {
    const uint32_t slot = free_.back();
    free_.pop_back();
    alive_[slot] = true;
    return slot;
  }
  slots_.emplace_back();
  alive_.push_back(true);
  return static_cast<uint32_t>(slots_.size() - 1);
}

std::vector<WeightedFeature> StoryClusterer::Vectorize(std::string_view lang,
                                                       const ArticleFeatures& features) {
  Df& df = df_[std::string(lang)];
  ++df.docs;
  std::vector<WeightedFeature> vec;
  vec.reserve(features.features.size());
  GroupValues norm2{};
  for (const FeatureCount& f : features.features) {
    const uint32_t count = ++df.counts[f.key];
    const size_t group = static_cast<size_t>(f.group);
    if (std::max(weights_[group], short_weights_[group]) <= 0.0 || f.count <= 0.0f) continue;
    // Smoothed IDF as in scikit-learn; sublinear term frequency.
    const double idf = std::log((static_cast<double>(df.docs) + 1.0) / (count + 1.0)) + 1.0;
    const double w = (1.0 + std::log(static_cast<double>(f.count))) * idf;
    vec.emplace_back((f.key >> 2) | (static_cast<uint64_t>(group) << 62), static_cast<float>(w));
    norm2[group] += w * w;
  }
  std::sort(vec.begin(), vec.end());
  for (auto& [key, w] : vec) {
    w = static_cast<float>(w / std::sqrt(norm2[GroupOf(key)]));
  }
  if (df.counts.size() > options_.max_df_terms) {
    // Bounded vocabulary: forget the words seen once (they carry no shared evidence yet).
    for (auto it = df.counts.begin(); it != df.counts.end();) {
      it = it->second <= 1 ? df.counts.erase(it) : std::next(it);
    }
  }
  return vec;
}

void StoryClusterer::ObserveDocument(std::string_view lang, const ArticleFeatures& features) {
  Df& df = df_[std::string(lang)];
  ++df.docs;
  for (const FeatureCount& f : features.features) ++df.counts[f.key];
}

double StoryClusterer::Idf(std::string_view lang, uint64_t feature_key) const {
  auto it = df_.find(std::string(lang));
  if (it == df_.end()) return 1.0;
  auto count = it->second.counts.find(feature_key);
  const double df = count == it->second.counts.end() ? 0.0 : count->second;
  return std::log((static_cast<double>(it->second.docs) + 1.0) / (df + 1.0)) + 1.0;
}

std::vector<uint32_t> StoryClusterer::Candidates(const std::vector<WeightedFeature>& vec) {
  // The heaviest features (weight times group weight) find the stories worth a full score; the
  // stories sharing the most of that weight are kept, at most `max_candidates`.
  std::vector<WeightedFeature> heaviest = vec;
  for (auto& [key, w] : heaviest) w = static_cast<float>(w * weights_[GroupOf(key)]);
  const size_t k = std::min(heaviest.size(), static_cast<size_t>(options_.query_features));
  std::partial_sort(heaviest.begin(), heaviest.begin() + static_cast<std::ptrdiff_t>(k),
                    heaviest.end(), [](const WeightedFeature& a, const WeightedFeature& b) {
                      return a.second != b.second ? a.second > b.second : a.first < b.first;
                    });
  // Accumulated in a per-slot scratch array (no hashing; reset through `touched`).
  if (shared_.size() < slots_.size()) shared_.resize(slots_.size(), 0.0f);
  std::vector<uint32_t> touched;
  for (size_t i = 0; i < k; ++i) {
    if (heaviest[i].second <= 0.0f) continue;  // a group weighted 0 finds nothing
    auto it = postings_.find(heaviest[i].first);
    if (it == postings_.end()) continue;
    // A very common feature only looks at the latest stories that have it.
    const std::vector<Posting>& list = it->second;
    size_t scanned = 0;
    for (auto p = list.rbegin(); p != list.rend() && scanned < kMaxPostingScan; ++p) {
      if (p->slot == kDeadSlot) continue;
      ++scanned;
      const uint32_t slot = p->slot;
      if (shared_[slot] == 0.0f) touched.push_back(slot);
      shared_[slot] += heaviest[i].second;
    }
  }
  std::vector<std::pair<float, uint32_t>> ranked;
  ranked.reserve(touched.size());
  for (uint32_t slot : touched) {
    ranked.emplace_back(shared_[slot], slot);
    shared_[slot] = 0.0f;
  }
  const size_t keep = std::min(ranked.size(), options_.max_candidates);
  // Ties go to the older story (not the lower slot: slots are reused in history's order).
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep),
                    ranked.end(), [&](const auto& a, const auto& b) {
                      if (a.first != b.first) return a.first > b.first;
                      return slots_[a.second].created_seq < slots_[b.second].created_seq;
                    });
  std::vector<uint32_t> slots;
  slots.reserve(keep);
  for (size_t i = 0; i < keep; ++i) slots.push_back(ranked[i].second);
  std::sort(slots.begin(), slots.end());
  return slots;
}

double StoryClusterer::Decay(const StoryState& story, int64_t time, bool dated) const {
  if (!dated || !story.dated) return 1.0;
  int64_t gap = 0;
  if (time < story.first_time) gap = story.first_time - time;
  if (time > story.last_time) gap = time - story.last_time;
  const double days = static_cast<double>(gap) / kSecondsPerDay - options_.grace_days;
  return days <= 0.0 ? 1.0 : std::exp(-days / options_.decay_days);
}

void StoryClusterer::Touch(uint32_t slot, int64_t time, bool dated, uint64_t seq) {
  StoryState& story = slots_[slot];
  by_activity_.erase(KeyOf(slot));
  if (dated && !story.dated) {
    story.first_time = story.last_time = time;
    story.dated = true;
  } else {
    story.first_time = std::min(story.first_time, time);
    story.last_time = std::max(story.last_time, time);
  }
  story.last_seq = std::max(story.last_seq, seq);
  story.touched_clock = meta_.clock;
  ++story.article_count;
  by_activity_.insert(KeyOf(slot));
  if (options_.track_changes) changed_slots_.insert(slot);
}

void StoryClusterer::AddToStory(uint32_t slot, const std::vector<WeightedFeature>& vec) {
  StoryState& story = slots_[slot];
  if (options_.track_changes) changed_slots_.insert(slot);
  std::vector<uint64_t> added;
  centroid_total_ -= story.centroid.size();
  story.centroid = Sum(story.centroid, vec, &added);
  std::vector<uint64_t> pruned;
  if (story.centroid.size() > options_.max_centroid_features * 3 / 2) {
    // Keep the heaviest features: the centroid stays small and its meaning barely moves.
    std::vector<WeightedFeature>& c = story.centroid;
    std::nth_element(c.begin(),
                     c.begin() + static_cast<std::ptrdiff_t>(options_.max_centroid_features),
                     c.end(), [](const WeightedFeature& a, const WeightedFeature& b) {
                       return a.second != b.second ? a.second > b.second : a.first < b.first;
                     });
    for (size_t i = options_.max_centroid_features; i < c.size(); ++i) pruned.push_back(c[i].first);
    c.resize(options_.max_centroid_features);
    std::sort(c.begin(), c.end());
    std::sort(pruned.begin(), pruned.end());
  }
  story.norm2 = Norm2(story.centroid);
  centroid_total_ += story.centroid.size();
  // The posting lists follow the centroid exactly: a pruned feature's entry is marked dead
  // (a feature added and pruned at once never gets one).
  std::sort(added.begin(), added.end());
  for (uint64_t key : pruned) {
    if (!std::binary_search(added.begin(), added.end(), key)) DropPosting(key, slot);
  }
  for (uint64_t key : added) {
    if (!std::binary_search(pruned.begin(), pruned.end(), key)) AddPosting(key, slot);
  }
}

void StoryClusterer::Remove(uint32_t slot) {
  StoryState& story = slots_[slot];
  for (const auto& [key, w] : story.centroid) DropPosting(key, slot);
  by_activity_.erase(KeyOf(slot));
  by_id_.erase(story.id);
  centroid_total_ -= story.centroid.size();
  changed_slots_.erase(slot);
  if (options_.track_changes) removed_ids_.insert(std::move(story.id));
  story = StoryState();
  alive_[slot] = false;
  free_.push_back(slot);
  MaybeCompactPostings();
}

void StoryClusterer::MaybeCompactPostings() {
  if (postings_total_ <= 2 * centroid_total_ + 4096) return;
  // Stale entries (removed stories, pruned features) only cost time; rebuild occasionally so
  // that memory follows the live stories.
  RebuildPostings();
}

void StoryClusterer::MergeInto(uint32_t from, uint32_t into) {
  StoryState& source = slots_[from];
  StoryState& target = slots_[into];
  by_activity_.erase(KeyOf(into));
  if (source.dated) {
    if (!target.dated) {
      target.first_time = source.first_time;
      target.last_time = source.last_time;
      target.dated = true;
    } else {
      target.first_time = std::min(target.first_time, source.first_time);
      target.last_time = std::max(target.last_time, source.last_time);
    }
  }
  target.last_seq = std::max(target.last_seq, source.last_seq);
  target.touched_clock = std::max(target.touched_clock, source.touched_clock);
  target.article_count += source.article_count;
  by_activity_.insert(KeyOf(into));
  for (const auto& [key, w] : source.centroid) DropPosting(key, from);
  const std::vector<WeightedFeature> centroid = std::move(source.centroid);
  source.centroid.clear();
  std::vector<StoryMember> members = std::move(source.members);
  source.members.clear();
  AddToStory(into, centroid);
  for (StoryMember& member : members) AddMember(into, std::move(member));
  Remove(from);
}

void StoryClusterer::Evict() {
  while (!by_activity_.empty()) {
    const auto [touched_clock, last_seq, slot] = *by_activity_.begin();
    const bool too_old = meta_.clock_set && touched_clock < meta_.clock - options_.window_seconds;
    if (!too_old && by_id_.size() <= options_.max_active_stories) break;
    Remove(slot);
  }
}

Assignment StoryClusterer::Add(const std::string& article_id, std::string_view lang,
                               std::optional<int64_t> published, const ArticleFeatures& features,
                               const std::string& duplicate_story_id) {
  const uint64_t seq = meta_.next_seq++;
  const bool dated = published.has_value();
  if (dated) {
    if (!meta_.clock_set) {
      // Stories of undated articles read before the first dated one were touched at the unset
      // clock; they were read now, not in 1970, and must not be evicted as ancient.
      std::vector<uint32_t> undated;
      for (const auto& [touched_clock, last_seq, slot] : by_activity_) undated.push_back(slot);
      for (uint32_t slot : undated) {
        by_activity_.erase(KeyOf(slot));
        slots_[slot].touched_clock = *published;
        by_activity_.insert(KeyOf(slot));
        if (options_.track_changes) changed_slots_.insert(slot);
      }
    }
    meta_.clock = meta_.clock_set ? std::max(meta_.clock, *published) : *published;
    meta_.clock_set = true;
  }
  const int64_t time = dated ? *published : meta_.clock;
  Evict();

  const std::vector<WeightedFeature> vec = Vectorize(lang, features);
  const GroupValues vec_norm2 = Norm2(vec);
  const bool short_item = TermCount(vec) <= options_.short_max_terms;
  const double threshold = JoinThreshold(vec);
  const double merge_threshold =
      short_item ? options_.short_merge_threshold : options_.merge_threshold;
  const GroupValues& weights = WeightsFor(vec);
  std::vector<Scored> scored;
  for (uint32_t slot : Candidates(vec)) {
    const StoryState& story = slots_[slot];
    if (Empty(story.norm2)) continue;
    Scored s;
    s.slot = slot;
    s.raw = Similarity(weights, Dot(vec, story.centroid), vec_norm2, story.norm2, false);
    s.decayed = s.raw * Decay(story, time, dated);
    scored.push_back(s);
  }
  // Best first; ties go to the older story so that the outcome never depends on slot reuse.
  std::sort(scored.begin(), scored.end(), [&](const Scored& a, const Scored& b) {
    if (a.decayed != b.decayed) return a.decayed > b.decayed;
    return slots_[a.slot].created_seq < slots_[b.slot].created_seq;
  });

  Assignment out;
  std::optional<uint32_t> chosen;
  if (auto dup = by_id_.find(duplicate_story_id);
      !duplicate_story_id.empty() && dup != by_id_.end()) {
    chosen = dup->second;
  } else if (!scored.empty() && scored.front().decayed >= threshold) {
    chosen = scored.front().slot;
  }
  if (chosen.has_value()) {
    out.similarity = 0.0;
    for (const Scored& s : scored) {
      if (s.slot == *chosen) out.similarity = s.decayed;
    }
  } else {
    double best_raw = 0.0;
    for (const Scored& s : scored) {
      if (s.raw >= options_.link_threshold && s.raw > best_raw) {
        best_raw = s.raw;
        out.linked_story_id = slots_[s.slot].id;
      }
    }
    const uint32_t slot = NewSlot();
    StoryState& story = slots_[slot];
    story.id = core::Hex64(core::Hash64("story:" + article_id));
    // The same article id twice (a re-sent item) must not reuse a live story's id.
    for (uint64_t n = 1; by_id_.count(story.id) != 0; ++n) {
      story.id = core::Hex64(core::Hash64("story:" + article_id + "#" + std::to_string(n)));
    }
    story.created_seq = seq;
    story.last_seq = seq;
    story.first_time = story.last_time = time;
    story.touched_clock = meta_.clock;
    story.dated = dated;
    story.lang = std::string(lang);
    by_id_[story.id] = slot;
    by_activity_.insert(KeyOf(slot));
    out.new_story = true;
    chosen = slot;
  }
  uint32_t slot = *chosen;
  if (!out.new_story) {
    Touch(slot, time, dated, seq);
  } else {
    slots_[slot].article_count = 1;
  }
  AddToStory(slot, vec);
  if (KeepsMembers()) AddMember(slot, StoryMember{article_id, seq, time, dated, vec});

  // Other stories this article also resembles may be the same story seen from two sides.
  size_t checks = 0;
  for (const Scored& s : scored) {
    if (out.merges.size() >= kMaxMergesPerArticle || checks >= kMaxMergeChecks) break;
    if (s.slot == slot || !alive_[s.slot] || s.decayed < options_.merge_probe) continue;
    const StoryState& a = slots_[slot];
    const StoryState& b = slots_[s.slot];
    if (Empty(a.norm2) || Empty(b.norm2)) continue;
    ++checks;
    const double cosine = Similarity(weights, Dot(a.centroid, b.centroid), a.norm2, b.norm2, true);
    if (cosine < merge_threshold) continue;
    const bool keep_current = a.created_seq < b.created_seq;
    const uint32_t into = keep_current ? slot : s.slot;
    const uint32_t from = keep_current ? s.slot : slot;
    out.merges.push_back({slots_[from].id, slots_[into].id, article_id, cosine});
    MergeInto(from, into);
    slot = into;
  }
  out.story_id = slots_[slot].id;
  if (options_.recheck_every > 0 && (seq + 1) % options_.recheck_every == 0) {
    const size_t before = out.merges.size();
    Recheck(seq + 1 - options_.recheck_every, seq, article_id, out);
    // Where the article is now: the story it was moved to last, if any, then the merges.
    for (const StoryMove& move : out.moves) {
      if (move.article_id == article_id) out.story_id = move.to_id;
    }
    for (size_t i = before; i < out.merges.size(); ++i) {
      if (out.merges[i].from_id == out.story_id) out.story_id = out.merges[i].into_id;
    }
  }
  return out;
}

ClustererState StoryClusterer::ExportState() const {
  ClustererState state = meta_;
  std::vector<const StoryState*> live;
  for (uint32_t slot = 0; slot < slots_.size(); ++slot) {
    if (alive_[slot]) live.push_back(&slots_[slot]);
  }
  std::sort(live.begin(), live.end(), [](const StoryState* a, const StoryState* b) {
    return a->created_seq < b->created_seq;
  });
  for (const StoryState* story : live) state.stories.push_back(*story);
  for (const auto& [lang, df] : df_) state.df.push_back(ExportDf(lang, df, true));
  std::sort(state.df.begin(), state.df.end(),
            [](const LanguageDf& a, const LanguageDf& b) { return a.lang < b.lang; });
  return state;
}

LanguageDf StoryClusterer::ExportDf(const std::string& lang, const Df& df, bool sorted) {
  LanguageDf out;
  out.lang = lang;
  out.docs = df.docs;
  out.df.assign(df.counts.begin(), df.counts.end());
  if (sorted) std::sort(out.df.begin(), out.df.end());
  return out;
}

StateDelta StoryClusterer::TakeChanges() {
  StateDelta delta;
  delta.next_seq = meta_.next_seq;
  delta.clock = meta_.clock;
  delta.clock_set = meta_.clock_set;
  delta.changed.reserve(changed_slots_.size());
  for (uint32_t slot : changed_slots_) delta.changed.push_back(slots_[slot]);
  std::sort(delta.changed.begin(), delta.changed.end(),
            [](const StoryState& a, const StoryState& b) { return a.created_seq < b.created_seq; });
  // An id can come back (a re-sent article reopening an evicted story): then it is changed.
  for (const std::string& id : removed_ids_) {
    if (by_id_.count(id) == 0) delta.removed.push_back(id);
  }
  std::sort(delta.removed.begin(), delta.removed.end());
  // Every article adds to its language's document count, and the counts change only then.
  for (const auto& [lang, df] : df_) {
    int64_t& taken = taken_docs_[lang];
    if (taken == df.docs) continue;
    taken = df.docs;
    delta.df.push_back(ExportDf(lang, df, false));  // sorting is left to whoever reads it
  }
  std::sort(delta.df.begin(), delta.df.end(),
            [](const LanguageDf& a, const LanguageDf& b) { return a.lang < b.lang; });
  changed_slots_.clear();
  removed_ids_.clear();
  return delta;
}

const StoryState* StoryClusterer::Find(const std::string& story_id) const {
  auto it = by_id_.find(story_id);
  return it == by_id_.end() ? nullptr : &slots_[it->second];
}

size_t StoryClusterer::MemoryBytes() const {
  size_t bytes = slots_.size() * (sizeof(StoryState) + 32);
  bytes += centroid_total_ * sizeof(WeightedFeature);
  bytes += postings_total_ * sizeof(Posting) + postings_.size() * 48;
  for (const auto& [lang, df] : df_) bytes += df.counts.size() * 32;
  bytes += changed_slots_.size() * 16 + removed_ids_.size() * 64;  // the change record
  for (uint32_t slot = 0; slot < slots_.size(); ++slot) {
    for (const StoryMember& m : slots_[slot].members) {
      bytes += sizeof(StoryMember) + m.article_id.size() + m.vec.size() * sizeof(WeightedFeature);
    }
  }
  return bytes;
}

}  // namespace depeche::story
