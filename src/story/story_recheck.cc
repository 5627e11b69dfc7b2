// StoryClusterer's periodic re-check (ClusterOptions::recheck_every): the articles kept with
// each story (StoryMember), their re-assignment to a better story, splits of stories whose
// articles fell apart, and merges of stories whose centroids meet. The online assignment and
// the state live in story_clusterer.cc.
#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <utility>

#include "core/hash.h"
#include "story/clusterer_internal.h"
#include "story/grouped_vector.h"
#include "story/story_clusterer.h"

namespace depeche::story {

using internal::kResidue;
using internal::kSecondsPerDay;
using internal::TermCount;

double StoryClusterer::PeriodDecay(const StoryState& a, const StoryState& b) const {
  if (!a.dated || !b.dated) return 1.0;
  int64_t gap = 0;
  if (a.last_time < b.first_time) gap = b.first_time - a.last_time;
  if (b.last_time < a.first_time) gap = a.first_time - b.last_time;
  const double days = static_cast<double>(gap) / kSecondsPerDay - options_.grace_days;
  return days <= 0.0 ? 1.0 : std::exp(-days / options_.decay_days);
}

void StoryClusterer::AddMember(uint32_t slot, StoryMember member) {
  std::vector<StoryMember>& members = slots_[slot].members;
  auto pos = std::upper_bound(members.begin(), members.end(), member.seq,
                              [](uint64_t seq, const StoryMember& m) { return seq < m.seq; });
  members.insert(pos, std::move(member));
  // Past the cap the oldest article stays in the centroid but can no longer be moved (and the
  // story, no longer held whole, is not split).
  if (members.size() > options_.max_story_members) members.erase(members.begin());
  if (options_.track_changes) changed_slots_.insert(slot);
}

void StoryClusterer::RecomputeDates(uint32_t slot) {
  StoryState& story = slots_[slot];
  if (story.members.empty() || story.members.size() != story.article_count) return;
  bool dated = false;
  int64_t first = 0, last = 0;
  for (const StoryMember& m : story.members) {
    if (m.dated && !dated) {
      dated = true;
      first = last = m.time;
    } else if (m.dated) {
      first = std::min(first, m.time);
      last = std::max(last, m.time);
    }
  }
  if (!dated) {
    first = last = story.members.front().time;
    for (const StoryMember& m : story.members) {
      first = std::min(first, m.time);
      last = std::max(last, m.time);
    }
  }
  story.dated = dated;
  story.first_time = first;
  story.last_time = last;
}

StoryMember StoryClusterer::TakeOut(uint32_t slot, size_t index) {
  StoryState& story = slots_[slot];
  StoryMember member = std::move(story.members[index]);
  story.members.erase(story.members.begin() + static_cast<std::ptrdiff_t>(index));
  // The centroid minus the article's vector; what is left of a feature only through rounding
  // leaves the centroid (and its posting list).
  centroid_total_ -= story.centroid.size();
  std::vector<WeightedFeature> rest;
  rest.reserve(story.centroid.size());
  std::vector<uint64_t> gone;
  size_t j = 0;
  for (const auto& [key, w] : story.centroid) {
    while (j < member.vec.size() && member.vec[j].first < key) ++j;
    float v = w;
    if (j < member.vec.size() && member.vec[j].first == key) v -= member.vec[j].second;
    if (v > kResidue) {
      rest.emplace_back(key, v);
    } else {
      gone.push_back(key);
    }
  }
  for (uint64_t key : gone) DropPosting(key, slot);
  story.centroid = std::move(rest);
  story.norm2 = Norm2(story.centroid);
  centroid_total_ += story.centroid.size();
  --story.article_count;
  RecomputeDates(slot);
  if (options_.track_changes) changed_slots_.insert(slot);
  return member;
}

void StoryClusterer::PutIn(uint32_t slot, StoryMember member) {
  StoryState& story = slots_[slot];
  by_activity_.erase(KeyOf(slot));
  if (member.dated && !story.dated) {
    story.first_time = story.last_time = member.time;
    story.dated = true;
  } else if (member.dated || (!story.dated && story.article_count > 0)) {
    story.first_time = std::min(story.first_time, member.time);
    story.last_time = std::max(story.last_time, member.time);
  } else if (story.article_count == 0) {
    story.first_time = story.last_time = member.time;
  }
  story.last_seq = std::max(story.last_seq, member.seq);
  ++story.article_count;
  by_activity_.insert(KeyOf(slot));
  AddToStory(slot, member.vec);
  AddMember(slot, std::move(member));
}

double StoryClusterer::OwnSimilarity(const StoryState& story, const StoryMember& member) const {
  // The story without the article: its centroid minus the article's vector, on the features
  // they share (the others are unchanged).
  GroupValues dot{};
  GroupValues norm2 = story.norm2;
  auto c = story.centroid.begin();
  for (const auto& [key, v] : member.vec) {
    c = std::lower_bound(c, story.centroid.end(), key,
                         [](const WeightedFeature& f, uint64_t k) { return f.first < k; });
    if (c == story.centroid.end()) break;
    if (c->first != key) continue;
    const double whole = c->second;
    const double rest = std::max(0.0, whole - static_cast<double>(v));
    const size_t g = GroupOf(key);
    dot[g] += static_cast<double>(v) * rest;
    norm2[g] -= whole * whole - rest * rest;
  }
  for (double& n : norm2) n = n < 1e-9 ? 0.0 : n;
  return Similarity(WeightsFor(member.vec), dot, Norm2(member.vec), norm2, false) *
         Decay(story, member.time, member.dated);
}

void StoryClusterer::Reassign(uint32_t slot, const std::string& article_id, Assignment& out) {
  const std::string id = slots_[slot].id;
  std::vector<uint64_t> seqs;
  for (const StoryMember& m : slots_[slot].members) seqs.push_back(m.seq);
  for (uint64_t seq : seqs) {
    auto found = by_id_.find(id);
    if (found == by_id_.end()) return;  // emptied or merged away
    slot = found->second;
    StoryState& story = slots_[slot];
    auto it = std::lower_bound(story.members.begin(), story.members.end(), seq,
                               [](const StoryMember& m, uint64_t s) { return m.seq < s; });
    if (it == story.members.end() || it->seq != seq) continue;
    const StoryMember& m = *it;
    // Headline-only items (and those between the regimes) stay where they joined: their few
    // terms give cosines too weak to revisit a decision on (revisiting them cost 0.04 B3 on
    // the UCI training half).
    if (TermCount(m.vec) < options_.long_min_terms) continue;
    const bool alone = story.article_count == 1;
    const double own = alone ? 0.0 : OwnSimilarity(story, m);
    const GroupValues& weights = WeightsFor(m.vec);
    const GroupValues norm2 = Norm2(m.vec);
    std::optional<uint32_t> best;
    double best_sim = 0.0;
    for (uint32_t other : Candidates(m.vec)) {
      if (other == slot || Empty(slots_[other].norm2)) continue;
      const StoryState& o = slots_[other];
      const double sim = Similarity(weights, Dot(m.vec, o.centroid), norm2, o.norm2, false) *
                         Decay(o, m.time, m.dated);
      if (!best.has_value() || sim > best_sim ||
          (sim == best_sim && o.created_seq < slots_[*best].created_seq)) {
        best = other;
        best_sim = sim;
      }
    }
    if (!best.has_value() || best_sim < JoinThreshold(m.vec) ||
        best_sim < own + options_.reassign_margin) {
      continue;
    }
    if (alone) {
      // A story of one article that belongs to another story: a merge, the older id kept.
      const bool keep_this = story.created_seq < slots_[*best].created_seq;
      const uint32_t into = keep_this ? slot : *best;
      const uint32_t from = keep_this ? *best : slot;
      out.merges.push_back({slots_[from].id, slots_[into].id, article_id, best_sim});
      MergeInto(from, into);
      return;
    }
    StoryMember member = TakeOut(slot, static_cast<size_t>(it - story.members.begin()));
    out.moves.push_back({member.article_id, id, slots_[*best].id, best_sim});
    PutIn(*best, std::move(member));
    if (slots_[slot].article_count == 0) {
      Remove(slot);
      return;
    }
  }
}

namespace {

// A group of a story's articles while the split clusters them again.
struct Part {
  std::vector<WeightedFeature> centroid;
  GroupValues norm2{};
  bool dated = false;
  int64_t first = 0, last = 0;
  std::vector<size_t> members;  // indices into the story's members
};

void AddToPart(Part& part, size_t index, const StoryMember& m) {
  part.centroid = Sum(part.centroid, m.vec, nullptr);
  part.norm2 = Norm2(part.centroid);
  part.members.push_back(index);
  if (!m.dated) return;
  if (!part.dated) {
    part.dated = true;
    part.first = part.last = m.time;
  } else {
    part.first = std::min(part.first, m.time);
    part.last = std::max(part.last, m.time);
  }
}

}  // namespace

void StoryClusterer::Split(uint32_t slot, uint64_t at_seq, const std::string& article_id,
                           Assignment& out) {
  {
    const StoryState& story = slots_[slot];
    if (story.article_count < 2 || story.members.size() != story.article_count) return;
  }
  const std::vector<StoryMember>& members = slots_[slot].members;
  // The online rule again, over the story's own articles in publication order (then by id):
  // the parts do not depend on the order in which the articles arrived.
  // Headline-only items stay with the part that keeps the story (see Reassign).
  std::vector<size_t> order;
  for (size_t i = 0; i < members.size(); ++i) {
    if (TermCount(members[i].vec) >= options_.long_min_terms) order.push_back(i);
  }
  if (order.size() < 2) return;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (members[a].time != members[b].time) return members[a].time < members[b].time;
    return members[a].article_id < members[b].article_id;
  });
  auto gap_decay = [&](bool a_dated, int64_t a_first, int64_t a_last, bool b_dated, int64_t b_first,
                       int64_t b_last) {
    if (!a_dated || !b_dated) return 1.0;
    int64_t gap = 0;
    if (a_last < b_first) gap = b_first - a_last;
    if (b_last < a_first) gap = a_first - b_last;
    const double days = static_cast<double>(gap) / kSecondsPerDay - options_.grace_days;
    return days <= 0.0 ? 1.0 : std::exp(-days / options_.decay_days);
  };
  std::vector<Part> parts;
  for (size_t index : order) {
    const StoryMember& m = members[index];
    const GroupValues& weights = WeightsFor(m.vec);
    const GroupValues norm2 = Norm2(m.vec);
    std::optional<size_t> best;
    double best_sim = 0.0;
    for (size_t p = 0; p < parts.size(); ++p) {
      const double sim =
          Similarity(weights, Dot(m.vec, parts[p].centroid), norm2, parts[p].norm2, false) *
          gap_decay(m.dated, m.time, m.time, parts[p].dated, parts[p].first, parts[p].last);
      if (!best.has_value() || sim > best_sim) {
        best = p;
        best_sim = sim;
      }
    }
    if (best.has_value() && best_sim >= JoinThreshold(m.vec)) {
      AddToPart(parts[*best], index, m);
    } else {
      parts.emplace_back();
      AddToPart(parts.back(), index, m);
    }
  }
  auto part_similarity = [&](const Part& a, const Part& b) {
    return Similarity(weights_, Dot(a.centroid, b.centroid), a.norm2, b.norm2, true) *
           gap_decay(a.dated, a.first, a.last, b.dated, b.first, b.last);
  };
  // Parts that still belong together are put back together, the closest pair first.
  while (parts.size() >= 2) {
    size_t best_a = 0, best_b = 1;
    double best_sim = -1.0;
    for (size_t a = 0; a < parts.size(); ++a) {
      for (size_t b = a + 1; b < parts.size(); ++b) {
        const double sim = part_similarity(parts[a], parts[b]);
        if (sim > best_sim) {
          best_sim = sim;
          best_a = a;
          best_b = b;
        }
      }
    }
    if (best_sim < options_.split_threshold) break;
    Part& into = parts[best_a];
    for (size_t index : parts[best_b].members) AddToPart(into, index, members[index]);
    parts.erase(parts.begin() + static_cast<std::ptrdiff_t>(best_b));
  }
  if (parts.size() < 2) return;
  // The largest part keeps the story (ties: the one with the article that came first).
  auto oldest_seq = [&](const Part& p) {
    uint64_t seq = UINT64_MAX;
    for (size_t index : p.members) seq = std::min(seq, members[index].seq);
    return seq;
  };
  std::sort(parts.begin(), parts.end(), [&](const Part& a, const Part& b) {
    if (a.members.size() != b.members.size()) return a.members.size() > b.members.size();
    return oldest_seq(a) < oldest_seq(b);
  });
  // What each other part takes: (its oldest article's seq, the seqs of its articles).
  struct Leaving {
    uint64_t oldest_seq;
    std::vector<uint64_t> seqs;
    double similarity;  // with the part that stays
  };
  std::vector<Leaving> leaving;
  for (size_t p = 1; p < parts.size(); ++p) {
    Leaving l{oldest_seq(parts[p]), {}, part_similarity(parts[0], parts[p])};
    for (size_t index : parts[p].members) l.seqs.push_back(members[index].seq);
    std::sort(l.seqs.begin(), l.seqs.end());
    leaving.push_back(std::move(l));
  }
  std::sort(leaving.begin(), leaving.end(),
            [](const Leaving& a, const Leaving& b) { return a.oldest_seq < b.oldest_seq; });
  const std::string from_id = slots_[slot].id;
  // Creation sequence numbers stay unique among live stories (ties in candidate order and in
  // the posting lists would otherwise depend on slot numbers, which a restored clusterer does
  // not share): the story keeps its own even when its first article left, so a new part takes
  // the oldest of its articles' numbers that no live story has.
  std::unordered_set<uint64_t> taken;
  for (uint32_t s = 0; s < slots_.size(); ++s) {
    if (alive_[s]) taken.insert(slots_[s].created_seq);
  }
  for (const Leaving& l : leaving) {
    uint64_t created_seq = l.oldest_seq;
    for (uint64_t seq : l.seqs) {
      if (taken.count(seq) == 0) {
        created_seq = seq;
        break;
      }
    }
    taken.insert(created_seq);
    const uint32_t target = NewSlot();  // may reallocate slots_: no references held across it
    StoryState& source = slots_[slot];
    auto oldest = std::lower_bound(source.members.begin(), source.members.end(), l.oldest_seq,
                                   [](const StoryMember& m, uint64_t s) { return m.seq < s; });
    StoryState& story = slots_[target];
    // Derived from the part's oldest article like a new story, and from the re-check point:
    // that article may have opened a story before (since merged), whose id stays retired.
    const std::string base = "split:" + oldest->article_id + "@" + std::to_string(at_seq);
    story.id = core::Hex64(core::Hash64(base));
    for (uint64_t n = 1; by_id_.count(story.id) != 0; ++n) {
      story.id = core::Hex64(core::Hash64(base + "#" + std::to_string(n)));
    }
    story.created_seq = created_seq;
    story.last_seq = created_seq;
    story.touched_clock = source.touched_clock;
    story.lang = source.lang;
    story.dated = false;
    story.article_count = 0;
    by_id_[story.id] = target;
    by_activity_.insert(KeyOf(target));
    if (options_.track_changes) changed_slots_.insert(target);
    StorySplit split;
    split.from_id = from_id;
    split.new_id = story.id;
    split.opened_by = oldest->article_id;
    split.at_article_id = article_id;
    split.article_count = static_cast<uint32_t>(l.seqs.size());
    split.similarity = l.similarity;
    for (uint64_t seq : l.seqs) {
      std::vector<StoryMember>& from = slots_[slot].members;
      auto it = std::lower_bound(from.begin(), from.end(), seq,
                                 [](const StoryMember& m, uint64_t s) { return m.seq < s; });
      StoryMember member = TakeOut(slot, static_cast<size_t>(it - from.begin()));
      out.moves.push_back({member.article_id, from_id, split.new_id, l.similarity});
      PutIn(target, std::move(member));
    }
    out.splits.push_back(std::move(split));
  }
}

void StoryClusterer::Recheck(uint64_t since_seq, uint64_t at_seq, const std::string& article_id,
                             Assignment& out) {
  // By id, oldest first (ids, not slots: a slot freed by a move can be reused by a split).
  std::vector<std::pair<uint64_t, std::string>> recent;
  for (uint32_t slot = 0; slot < slots_.size(); ++slot) {
    if (alive_[slot] && slots_[slot].last_seq >= since_seq) {
      recent.emplace_back(slots_[slot].created_seq, slots_[slot].id);
    }
  }
  std::sort(recent.begin(), recent.end());
  if (KeepsMembers()) {
    for (const auto& [created_seq, id] : recent) {
      if (auto it = by_id_.find(id); it != by_id_.end()) Reassign(it->second, article_id, out);
    }
    const size_t splits_before = out.splits.size();
    for (const auto& [created_seq, id] : recent) {
      if (auto it = by_id_.find(id); it != by_id_.end()) Split(it->second, at_seq, article_id, out);
    }
    for (size_t i = splits_before; i < out.splits.size(); ++i) {
      if (auto it = by_id_.find(out.splits[i].new_id); it != by_id_.end()) {
        recent.emplace_back(slots_[it->second].created_seq, out.splits[i].new_id);
      }
    }
    std::sort(recent.begin(), recent.end());
  }
  for (const auto& [created_seq, id] : recent) {
    auto found = by_id_.find(id);
    if (found == by_id_.end()) continue;  // merged away meanwhile
    const uint32_t slot = found->second;
    if (Empty(slots_[slot].norm2)) continue;
    const std::vector<uint32_t> candidates = Candidates(slots_[slot].centroid);
    for (uint32_t other : candidates) {
      if (other == slot || !alive_[other] || !alive_[slot]) continue;
      const StoryState& a = slots_[slot];
      const StoryState& b = slots_[other];
      if (Empty(b.norm2)) continue;
      const double cosine =
          Similarity(weights_, Dot(a.centroid, b.centroid), a.norm2, b.norm2, true) *
          PeriodDecay(a, b);
      if (cosine < options_.recheck_merge_threshold) continue;
      const bool keep_slot = a.created_seq < b.created_seq;
      const uint32_t into = keep_slot ? slot : other;
      const uint32_t from = keep_slot ? other : slot;
      out.merges.push_back({slots_[from].id, slots_[into].id, article_id, cosine});
      MergeInto(from, into);
      if (!keep_slot) break;  // this story lives on in `other`, which is re-checked if recent
    }
  }
}

}  // namespace depeche::story
