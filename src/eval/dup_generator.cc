#include "eval/dup_generator.h"

#include <algorithm>
#include <numeric>
#include <random>
#include <set>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "story/features.h"

namespace depeche::eval {

namespace {

// Generic trailers that sites append to syndicated copy (written for this generator).
constexpr std::string_view kBoilerplate[] = {
    "Subscribe to our newsletter to get the latest headlines delivered to your inbox every "
    "morning.",
    "Copyright 2024 The Daily Courier. All rights reserved. This material may not be "
    "published, broadcast, rewritten or redistributed.",
    "Reporting by our correspondents; Editing by the news desk.",
    "Follow us on social media for live updates. Share this article with your friends.",
    "Related: more stories from our business section. Click here to read the full coverage.",
};

std::vector<std::string> Paragraphs(const std::string& text) {
  auto split = [&](std::string_view sep, bool keep_sep) {
    std::vector<std::string> parts;
    size_t start = 0;
    while (start < text.size()) {
      size_t pos = text.find(sep, start);
      if (pos == std::string::npos) pos = text.size();
      std::string part = text.substr(start, pos - start + (keep_sep && pos < text.size() ? 1 : 0));
      if (part.find_first_not_of(" \n\t") != std::string::npos) parts.push_back(std::move(part));
      start = pos + sep.size();
    }
    return parts;
  };
  std::vector<std::string> parts = split("\n\n", false);
  if (parts.size() < 2) parts = split("\n", false);
  if (parts.size() < 2) parts = split(". ", true);
  return parts;
}

std::string Join(const std::vector<std::string>& paragraphs) {
  std::string out;
  for (const std::string& p : paragraphs) {
    if (!out.empty()) out += "\n\n";
    out += p;
  }
  return out;
}

std::string Reword(const std::string& text, double rate, std::mt19937_64& rng) {
  std::vector<std::string> words;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    words.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  std::uniform_real_distribution<double> coin(0.0, 1.0);
  std::vector<std::string> out;
  for (size_t i = 0; i < words.size(); ++i) {
    if (coin(rng) >= rate) {
      out.push_back(words[i]);
      continue;
    }
    switch (rng() % 3) {
      case 0:  // deleted
        break;
      case 1:  // duplicated ("the the"), a typical editing slip
        out.push_back(words[i]);
        out.push_back(words[i]);
        break;
      default:  // swapped with the next word
        if (i + 1 < words.size()) {
          out.push_back(words[i + 1]);
          out.push_back(words[i]);
          ++i;
        } else {
          out.push_back(words[i]);
        }
    }
  }
  std::string joined;
  for (const std::string& w : out) {
    if (!joined.empty()) joined.push_back(' ');
    joined += w;
  }
  return joined;
}

std::string NewHeadline(const std::string& text, std::mt19937_64& rng) {
  // A headline rewritten from the lead: its first words, some dropped.
  std::string lead = text.substr(0, text.find('.'));
  std::string out;
  size_t start = 0, taken = 0;
  while (start < lead.size() && taken < 10) {
    size_t end = lead.find(' ', start);
    if (end == std::string::npos) end = lead.size();
    if (rng() % 4 != 0) {
      if (!out.empty()) out.push_back(' ');
      out += lead.substr(start, end - start);
      ++taken;
    }
    start = end + 1;
  }
  return out;
}

// The exact shingle sets of the documents seen so far, as the index's ShingleSource (the
// engine reads them from the store; here the evaluation keeps them).
story::ShingleSource ShinglesFrom(
    const std::unordered_map<std::string, std::vector<uint64_t>>& shingles_of) {
  return [&shingles_of](const std::string& id) -> std::optional<std::vector<uint64_t>> {
    auto it = shingles_of.find(id);
    if (it == shingles_of.end()) return std::nullopt;
    return it->second;
  };
}

// Precision, recall and F1 from the counts (1 when there is nothing to predict or find).
void FillRates(DedupScores& scores) {
  scores.precision = scores.predicted > 0 ? static_cast<double>(scores.true_positives) /
                                                static_cast<double>(scores.predicted)
                                          : 1.0;
  scores.recall = scores.gold > 0 ? static_cast<double>(scores.true_positives) /
                                        static_cast<double>(scores.gold)
                                  : 1.0;
  const double pr = scores.precision + scores.recall;
  scores.f1 = pr > 0 ? 2 * scores.precision * scores.recall / pr : 0.0;
}

}  // namespace

std::vector<DupSource> FilterDistinctSources(const std::vector<DupSource>& sources,
                                             size_t min_words) {
  story::FeatureExtractor extractor(story::FeatureOptions{});
  std::unordered_map<uint64_t, std::vector<uint32_t>> postings;
  std::vector<DupSource> kept;
  std::vector<size_t> kept_sizes;
  for (const DupSource& source : sources) {
    const std::vector<uint64_t> shingles = extractor.Shingles("en", source.text);
    if (shingles.size() + 2 < min_words) continue;
    std::unordered_map<uint32_t, size_t> shared;
    for (uint64_t h : shingles) {
      auto it = postings.find(h);
      if (it == postings.end()) continue;
      for (uint32_t k : it->second) ++shared[k];
    }
    bool distinct = true;
    for (const auto& [k, count] : shared) {
      const size_t smaller = std::min(kept_sizes[k], shingles.size());
      if (static_cast<double>(count) >= 0.3 * static_cast<double>(smaller)) distinct = false;
    }
    if (!distinct) continue;
    const uint32_t index = static_cast<uint32_t>(kept.size());
    for (uint64_t h : shingles) postings[h].push_back(index);
    kept.push_back(source);
    kept_sizes.push_back(shingles.size());
  }
  return kept;
}

std::vector<DupDocument> GenerateNearDuplicates(const std::vector<DupSource>& sources,
                                                const DupGeneratorOptions& options) {
  std::vector<DupDocument> docs;
  if (sources.size() < 2) return docs;
  std::mt19937_64 rng(options.seed);
  std::vector<std::vector<DupDocument>> copies_of(sources.size());
  for (size_t c = 0; c < options.copies; ++c) {
    const size_t s = rng() % sources.size();
    const DupSource& source = sources[s];
    std::vector<std::string> paragraphs = Paragraphs(source.text);
    DupDocument copy;
    copy.id = source.id + "~copy" + std::to_string(c);
    copy.source_id = source.id;
    copy.title = NewHeadline(source.text, rng);
    copy.edits.push_back("headline");
    // Pick at least two of the four body edits.
    std::vector<int> edits = {0, 1, 2, 3};
    for (size_t i = edits.size(); i > 1; --i) std::swap(edits[i - 1], edits[rng() % i]);
    edits.resize(2 + rng() % 3);
    std::sort(edits.begin(), edits.end());
    for (int edit : edits) {
      if (edit == 0 && paragraphs.size() >= 2) {
        if (paragraphs.size() >= 3 && rng() % 2 == 0) {
          paragraphs.erase(paragraphs.begin() +
                           static_cast<std::ptrdiff_t>(1 + rng() % (paragraphs.size() - 1)));
          copy.edits.push_back("remove_paragraph");
        } else {
          const double keep = 0.6 + 0.3 * std::uniform_real_distribution<double>(0, 1)(rng);
          const size_t n = std::max<size_t>(
              1, static_cast<size_t>(keep * static_cast<double>(paragraphs.size()) + 0.5));
          paragraphs.resize(std::min(n, paragraphs.size()));
          copy.edits.push_back("truncate");
        }
      } else if (edit == 1) {
        const DupSource& other = sources[(s + 1 + rng() % (sources.size() - 1)) % sources.size()];
        const std::vector<std::string> other_paragraphs = Paragraphs(other.text);
        if (!other_paragraphs.empty()) {
          const size_t at = rng() % (paragraphs.size() + 1);
          paragraphs.insert(paragraphs.begin() + static_cast<std::ptrdiff_t>(at),
                            other_paragraphs[rng() % other_paragraphs.size()]);
          copy.edits.push_back("add_paragraph");
        }
      } else if (edit == 2) {
        paragraphs.emplace_back(kBoilerplate[rng() % std::size(kBoilerplate)]);
        copy.edits.push_back("boilerplate");
      } else if (edit == 3) {
        for (std::string& p : paragraphs) p = Reword(p, options.reword_rate, rng);
        copy.edits.push_back("reword");
      }
    }
    copy.text = Join(paragraphs);
    copies_of[s].push_back(std::move(copy));
  }
  // Stream: sources in order, each copy inserted at a random later position.
  for (size_t s = 0; s < sources.size(); ++s) {
    docs.push_back({sources[s].id, sources[s].title, sources[s].text, sources[s].id, {}});
  }
  for (size_t s = 0; s < sources.size(); ++s) {
    for (DupDocument& copy : copies_of[s]) {
      size_t source_pos = 0;
      while (docs[source_pos].id != sources[s].id) ++source_pos;
      const size_t at = source_pos + 1 + rng() % (docs.size() - source_pos);
      docs.insert(docs.begin() + static_cast<std::ptrdiff_t>(at), std::move(copy));
    }
  }
  return docs;
}

Result<DedupScores> EvaluateGeneratedDuplicates(const std::vector<DupDocument>& docs,
                                                const story::DedupOptions& options) {
  DEPECHE_ASSIGN_OR_RETURN(story::DedupIndex index, story::DedupIndex::Create(options));
  story::FeatureExtractor extractor(story::FeatureOptions{});
  std::unordered_map<std::string, std::string> source_of;
  std::unordered_map<std::string, std::vector<uint64_t>> shingles_of;
  index.SetShingleSource(ShinglesFrom(shingles_of));
  DedupScores scores;
  for (const DupDocument& doc : docs) {
    source_of[doc.id] = doc.source_id;
    const bool is_copy = doc.id != doc.source_id;
    scores.gold += is_copy ? 1 : 0;
    std::vector<uint64_t>& shingles = shingles_of[doc.id] = extractor.Shingles("en", doc.text);
    const story::DedupMatch match = index.Add(doc.id, 0, shingles);
    if (!match.duplicate) continue;
    ++scores.predicted;
    if (source_of[match.original_id] == doc.source_id) ++scores.true_positives;
  }
  FillRates(scores);
  return scores;
}

Result<DedupScores> EvaluateGeneratedPairs(const std::vector<DupDocument>& docs,
                                           const story::DedupOptions& options,
                                           double gold_jaccard) {
  DEPECHE_ASSIGN_OR_RETURN(story::DedupIndex index, story::DedupIndex::Create(options));
  story::FeatureExtractor extractor(story::FeatureOptions{});
  std::unordered_map<uint64_t, std::vector<uint32_t>> postings;
  std::vector<size_t> sizes(docs.size());
  std::unordered_map<std::string, uint32_t> index_of;
  std::set<std::pair<uint32_t, uint32_t>> gold, predicted;
  std::unordered_map<std::string, std::vector<uint64_t>> shingles_of;
  index.SetShingleSource(ShinglesFrom(shingles_of));
  for (uint32_t i = 0; i < docs.size(); ++i) {
    const std::vector<uint64_t>& shingles = shingles_of[docs[i].id] =
        extractor.Shingles("en", docs[i].text);
    sizes[i] = shingles.size();
    index_of[docs[i].id] = i;
    if (shingles.size() >= static_cast<size_t>(options.min_shingles)) {
      std::unordered_map<uint32_t, size_t> shared;
      for (uint64_t h : shingles) {
        auto& list = postings[h];
        for (uint32_t k : list) ++shared[k];
        list.push_back(i);
      }
      for (const auto& [k, count] : shared) {
        const double uni = static_cast<double>(sizes[k] + sizes[i] - count);
        if (uni > 0 && static_cast<double>(count) / uni >= gold_jaccard) gold.emplace(k, i);
      }
    }
    const story::DedupMatch match = index.Add(docs[i].id, 0, shingles);
    for (const auto& [other, estimate] : match.pairs) {
      auto it = index_of.find(other);
      if (it != index_of.end() && it->second != i) predicted.emplace(it->second, i);
    }
  }
  DedupScores scores;
  scores.gold = gold.size();
  scores.predicted = predicted.size();
  for (const auto& pair : predicted) scores.true_positives += gold.count(pair);
  FillRates(scores);
  return scores;
}

Result<DedupScores> EvaluateRealDuplicates(const std::vector<DupSource>& docs,
                                           const story::DedupOptions& options,
                                           double gold_jaccard) {
  DEPECHE_ASSIGN_OR_RETURN(story::DedupIndex index, story::DedupIndex::Create(options));
  story::FeatureExtractor extractor(story::FeatureOptions{});
  std::vector<uint32_t> parent(docs.size());
  std::iota(parent.begin(), parent.end(), 0u);
  auto find = [&](uint32_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  std::unordered_map<uint64_t, std::vector<uint32_t>> postings;
  std::vector<size_t> sizes(docs.size());
  std::vector<bool> has_earlier_gold(docs.size(), false);
  std::unordered_map<std::string, uint32_t> index_of;
  std::unordered_map<std::string, std::vector<uint64_t>> shingles_of;
  index.SetShingleSource(ShinglesFrom(shingles_of));
  DedupScores scores;
  std::vector<std::pair<uint32_t, std::string>> predictions;  // (doc, original id)
  for (uint32_t i = 0; i < docs.size(); ++i) {
    const std::vector<uint64_t>& shingles = shingles_of[docs[i].id] =
        extractor.Shingles("en", docs[i].text);
    sizes[i] = shingles.size();
    index_of[docs[i].id] = i;
    // Texts too short to tell copies apart (brief items whose body is "Reuter") are no gold
    // pair either: two of them are identical without one copying the other.
    const bool too_short = shingles.size() < static_cast<size_t>(options.min_shingles);
    std::unordered_map<uint32_t, size_t> shared;
    for (uint64_t h : too_short ? std::vector<uint64_t>{} : shingles) {
      auto& list = postings[h];
      for (uint32_t k : list) ++shared[k];
      list.push_back(i);
    }
    for (const auto& [k, count] : shared) {
      const double uni = static_cast<double>(sizes[k] + sizes[i] - count);
      if (uni > 0 && static_cast<double>(count) / uni >= gold_jaccard) {
        has_earlier_gold[i] = true;
        parent[find(i)] = find(k);
      }
    }
    const story::DedupMatch match = index.Add(docs[i].id, 0, shingles);
    if (match.duplicate) predictions.emplace_back(i, match.original_id);
  }
  std::vector<bool> found(docs.size(), false);
  for (const auto& [i, original] : predictions) {
    ++scores.predicted;
    const auto it = index_of.find(original);
    if (it != index_of.end() && find(i) == find(it->second)) {
      ++scores.true_positives;
      found[i] = true;
    }
  }
  size_t found_gold = 0;
  for (size_t i = 0; i < docs.size(); ++i) {
    if (!has_earlier_gold[i]) continue;
    ++scores.gold;
    found_gold += found[i] ? 1 : 0;
  }
  scores.precision = scores.predicted > 0 ? static_cast<double>(scores.true_positives) /
                                                static_cast<double>(scores.predicted)
                                          : 1.0;
  scores.recall =
      scores.gold > 0 ? static_cast<double>(found_gold) / static_cast<double>(scores.gold) : 1.0;
  const double pr = scores.precision + scores.recall;
  scores.f1 = pr > 0 ? 2 * scores.precision * scores.recall / pr : 0.0;
  return scores;
}

}  // namespace depeche::eval
