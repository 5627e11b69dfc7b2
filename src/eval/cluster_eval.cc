#include "eval/cluster_eval.h"

#include <algorithm>
#include <charconv>
#include <numeric>
#include <random>
#include <set>
#include <unordered_map>
#include <utility>

#include "core/hash.h"
#include "core/time.h"
#include "engine/story_names.h"
#include "eval/reuters_reader.h"
#include "ingest/txt_reader.h"
#include "nlohmann/json.hpp"
#include "story/story_input.h"

namespace depeche::eval {

namespace {

const std::set<std::string, std::less<>> kEcbDevTopics = {"2",  "5",  "12", "18",
                                                          "21", "23", "34", "35"};

bool IsEcbTest(std::string_view topic) {
  int n = 0;
  const auto r = std::from_chars(topic.data(), topic.data() + topic.size(), n);
  return r.ec == std::errc() && n >= 36 && n <= 45;
}

std::string SplitOfDocument(std::string_view format, const GoldDocument& doc) {
  if (format == "ecbplus") {
    if (IsEcbTest(doc.topic)) return "test";
    return kEcbDevTopics.count(doc.topic) != 0 ? "dev" : "train";
  }
  if (format == "uci") return core::Hash64(doc.gold) % 2 == 0 ? "train" : "test";
  return "all";
}

}  // namespace

nlohmann::json ClusterScoresJson(const ClusterScores& s) {
  return {{"b3_precision", s.b3_precision},
          {"b3_recall", s.b3_recall},
          {"b3_f1", s.b3_f1},
          {"pairwise_precision", s.pairwise_precision},
          {"pairwise_recall", s.pairwise_recall},
          {"pairwise_f1", s.pairwise_f1},
          {"clusters_pred", s.clusters_pred},
          {"clusters_gold", s.clusters_gold}};
}

Result<std::vector<GoldDocument>> SelectSplit(std::string_view format,
                                              std::vector<GoldDocument> docs,
                                              std::string_view split) {
  static const std::set<std::string, std::less<>> kSplits = {"all", "train", "dev", "test",
                                                             "train+dev"};
  if (kSplits.count(split) == 0) {
    return InvalidArgumentError("cluster eval: unknown split " + std::string(split));
  }
  if (split == "all") return docs;
  std::vector<GoldDocument> kept;
  for (GoldDocument& doc : docs) {
    const std::string s = SplitOfDocument(format, doc);
    if (s == split || (split == "train+dev" && (s == "train" || s == "dev"))) {
      kept.push_back(std::move(doc));
    }
  }
  if (kept.empty()) {
    return NotFoundError("cluster eval: no document in split " + std::string(split));
  }
  return kept;
}

ingest::RawArticle ToRawArticle(std::string_view format, const GoldDocument& doc,
                                const std::unordered_set<std::string>* starters) {
  ingest::RawArticle raw;
  if (format == "uci") {
    // A headline-only feed item, as a headline feed's JSONL record carries it: a title and no
    // text (the analyzer stores the title as the text and skips the boilerplate line rules).
    raw.title = doc.title;
    raw.title_origin = "given";
    raw.origin.format = "jsonl";
  } else {
    ingest::TextReaderOptions reader;
    reader.sentence_starters = starters;
    raw = ingest::ParseTextArticle(doc.text, reader);
    raw.origin.format = "txt";
  }
  raw.url = doc.url;
  raw.origin.path = doc.id;
  if (doc.published.has_value()) {
    raw.published = core::FormatUtc(*doc.published);
    // NewsWCL50 knows the day (from the URL), not the time.
    if (format == "newswcl50") raw.published.resize(10);
  }
  return raw;
}

std::vector<PreparedDocument> PrepareDocuments(std::string_view format,
                                               std::vector<GoldDocument> docs,
                                               const engine::Analyzer& analyzer,
                                               const extract::EntityExtractor* entities) {
  std::vector<PreparedDocument> out;
  out.reserve(docs.size());
  for (GoldDocument& doc : docs) {
    PreparedDocument prepared;
    Result<Article> article =
        analyzer.Analyze(ToRawArticle(format, doc, &analyzer.sentence_starters()));
    if (article.ok()) {
      prepared.article = std::move(article).value();
      // The record key (URL or path) would be the id; the gold id names the same record.
      prepared.article->id = doc.id;
      if (entities != nullptr) {
        prepared.names = engine::StoryNamesOf(*entities->gazetteer(), *prepared.article,
                                              entities->Extract(*prepared.article));
      }
    } else {
      prepared.error = article.status().message();
    }
    prepared.gold = std::move(doc);
    out.push_back(std::move(prepared));
  }
  return out;
}

Result<ClusterRun> RunClustering(const std::vector<PreparedDocument>& docs,
                                 const std::vector<size_t>& order,
                                 const story::StoryPipelineOptions& options,
                                 const std::vector<Article>& background) {
  story::StoryPipelineOptions run_options = options;
  run_options.cluster.track_changes = false;  // nothing is saved
  DEPECHE_ASSIGN_OR_RETURN(story::StoryPipeline pipeline,
                           story::StoryPipeline::Create(run_options));
  for (const Article& article : background) story::ObserveArticle(pipeline, article);
  ClusterRun run;
  std::vector<std::string> story_of(docs.size());
  std::unordered_map<std::string, std::string> merged_into;
  std::unordered_map<std::string, size_t> index_of;  // article id -> document
  // The store links an article whose content hash is already stored to that first article.
  std::unordered_map<std::string, std::string> first_with_hash;
  for (size_t index : order) {
    const PreparedDocument& doc = docs[index];
    if (!doc.article.has_value()) {
      story_of[index] = "refused:" + doc.gold.id;
      continue;
    }
    const Article& article = *doc.article;
    index_of[article.id] = index;
    auto [first, inserted] = first_with_hash.emplace(article.content_hash, article.id);
    const std::string copy_of = inserted ? std::string() : first->second;
    const story::ArticleStoryResult result =
        story::ProcessArticle(pipeline, article, copy_of, doc.names ? &*doc.names : nullptr);
    story_of[index] = result.assignment.story_id;
    run.duplicates += result.dedup.duplicate ? 1 : 0;
    // A move gives an article's story outright (merges recorded with it still apply).
    for (const story::StoryMove& move : result.assignment.moves) {
      if (auto it = index_of.find(move.article_id); it != index_of.end()) {
        story_of[it->second] = move.to_id;
      }
    }
    for (const story::StoryMerge& merge : result.assignment.merges) {
      merged_into[merge.from_id] = merge.into_id;
      ++run.merges;
    }
  }
  std::vector<std::string> gold, predicted;
  for (size_t index : order) {
    std::string id = story_of[index];
    // Follow the merge chain to the surviving (oldest) story.
    for (auto it = merged_into.find(id); it != merged_into.end(); it = merged_into.find(id)) {
      id = it->second;
    }
    gold.push_back(docs[index].gold.gold);
    predicted.push_back(id);
  }
  run.scores = ScoreClustering(gold, predicted);
  run.predicted.resize(docs.size());
  for (size_t k = 0; k < order.size(); ++k) run.predicted[order[k]] = std::move(predicted[k]);
  return run;
}

Result<std::vector<Article>> ReadBackgroundCorpus(const std::string& reuters_dir,
                                                  const engine::Analyzer& analyzer) {
  DEPECHE_ASSIGN_OR_RETURN(std::vector<ReutersArticle> corpus, ReadReutersCorpus(reuters_dir));
  std::vector<Article> out;
  out.reserve(corpus.size());
  for (ReutersArticle& a : corpus) {
    ingest::RawArticle raw;
    raw.title = std::move(a.title);
    raw.text = a.dateline.empty() ? std::move(a.body) : a.dateline + " " + a.body;
    raw.origin.path = "reuters:" + a.id;
    Result<Article> article = analyzer.Analyze(std::move(raw));
    if (article.ok()) out.push_back(std::move(article).value());
  }
  return out;
}

Result<std::vector<PreparedDocument>> ReadPreparedCorpus(std::string_view format,
                                                         const std::string& data_dir,
                                                         std::string_view split,
                                                         const engine::Analyzer& analyzer,
                                                         const extract::EntityExtractor* entities) {
  Result<std::vector<GoldDocument>> docs = InvalidArgumentError(
      "cluster eval: unknown format " + std::string(format) + " (ecbplus, uci, newswcl50)");
  if (format == "ecbplus") docs = ReadEcbPlus(data_dir);
  if (format == "uci") docs = ReadUciNews(data_dir);
  if (format == "newswcl50") docs = ReadNewsWcl50(data_dir);
  if (!docs.ok()) return docs.status();
  DEPECHE_ASSIGN_OR_RETURN(std::vector<GoldDocument> selected,
                           SelectSplit(format, std::move(docs).value(), split));
  return PrepareDocuments(format, std::move(selected), analyzer, entities);
}

Result<ClusterEvalReport> EvaluateClustering(std::string_view format, const std::string& data_dir,
                                             const ClusterEvalOptions& options) {
  if (options.analyzer == nullptr) return InvalidArgumentError("cluster eval: no analyzer");
  DEPECHE_ASSIGN_OR_RETURN(
      std::vector<PreparedDocument> docs,
      ReadPreparedCorpus(format, data_dir, options.split, *options.analyzer, options.entities));
  return EvaluatePrepared(format, std::move(docs), options);
}

Result<ClusterEvalReport> EvaluatePrepared(std::string_view format,
                                           std::vector<PreparedDocument> selected,
                                           const ClusterEvalOptions& options) {
  if (selected.empty()) return NotFoundError("cluster eval: no document");
  ClusterEvalReport report;
  report.format = std::string(format);
  report.split = options.split;
  report.documents = selected.size();
  for (const PreparedDocument& doc : selected) report.refused += doc.article ? 0 : 1;
  std::vector<size_t> order(selected.size());
  std::iota(order.begin(), order.end(), size_t{0});
  const bool shuffled = format == "ecbplus";
  const int runs = shuffled ? std::max(1, options.shuffles) : 1;
  std::vector<ClusterScores> scores;
  for (int r = 0; r < runs; ++r) {
    std::vector<size_t> run_order = order;
    const uint64_t seed = shuffled ? options.seed + static_cast<uint64_t>(r) : 0;
    if (shuffled) {
      // Fisher-Yates with mt19937_64 directly (std::shuffle's use of the engine is
      // implementation-defined), so orders are the same with every standard library.
      std::mt19937_64 rng(seed);
      for (size_t i = run_order.size(); i > 1; --i) {
        std::swap(run_order[i - 1], run_order[rng() % i]);
      }
    }
    DEPECHE_ASSIGN_OR_RETURN(
        ClusterRun run, RunClustering(selected, run_order, options.pipeline, options.background));
    run.seed = seed;
    scores.push_back(run.scores);
    report.runs.push_back(run);
  }
  report.mean = MeanScores(scores);
  report.stdev = StdevScores(scores);
  report.documents_used.reserve(selected.size());
  for (PreparedDocument& doc : selected) report.documents_used.push_back(std::move(doc.gold));
  return report;
}

Status SetClusterOption(story::StoryPipelineOptions& options, std::string_view name,
                        std::string_view value) {
  double v = 0.0;
  const auto r = std::from_chars(value.data(), value.data() + value.size(), v);
  if (r.ec != std::errc() || r.ptr != value.data() + value.size()) {
    return InvalidArgumentError("option " + std::string(name) +
                                ": not a number: " + std::string(value));
  }
  story::ClusterOptions& c = options.cluster;
  const float f = static_cast<float>(v);
  if (name == "threshold") {
    c.threshold = v;
  } else if (name == "merge_threshold") {
    c.merge_threshold = v;
  } else if (name == "short_threshold") {
    c.short_threshold = v;
  } else if (name == "short_merge_threshold") {
    c.short_merge_threshold = v;
  } else if (name == "short_name_weight") {
    c.short_name_weight = f;
  } else if (name == "short_number_weight") {
    c.short_number_weight = f;
  } else if (name == "long_min_terms") {
    c.long_min_terms = static_cast<size_t>(v);
  } else if (name == "short_max_terms") {
    c.short_max_terms = static_cast<size_t>(v);
  } else if (name == "max_candidates") {
    c.max_candidates = static_cast<size_t>(v);
  } else if (name == "merge_probe") {
    c.merge_probe = v;
  } else if (name == "link_threshold") {
    c.link_threshold = v;
  } else if (name == "term_weight") {
    c.term_weight = f;
  } else if (name == "name_weight") {
    c.name_weight = f;
  } else if (name == "number_weight") {
    c.number_weight = f;
  } else if (name == "decay_days") {
    c.decay_days = v;
  } else if (name == "grace_days") {
    c.grace_days = v;
  } else if (name == "query_features") {
    c.query_features = static_cast<int>(v);
  } else if (name == "max_centroid_features") {
    c.max_centroid_features = static_cast<size_t>(v);
  } else if (name == "lead_weight") {
    options.features.lead_weight = f;
  } else if (name == "lead_chars") {
    options.features.lead_chars = static_cast<size_t>(v);
  } else if (name == "title_weight") {
    options.features.title_weight = f;
  } else if (name == "min_jaccard") {
    options.dedup.min_jaccard = v;
  } else if (name == "min_containment") {
    options.dedup.min_containment = v;
  } else {
    return InvalidArgumentError("unknown cluster option " + std::string(name));
  }
  return Status::Ok();
}

std::string ClusterReportToJson(const ClusterEvalReport& report) {
  nlohmann::json out = ClusterScoresJson(report.mean);
  out["format"] = report.format;
  out["split"] = report.split;
  out["documents"] = report.documents;
  out["refused"] = report.refused;
  out["stdev"] = ClusterScoresJson(report.stdev);
  nlohmann::json runs = nlohmann::json::array();
  for (const ClusterRun& run : report.runs) {
    nlohmann::json j = ClusterScoresJson(run.scores);
    j["seed"] = run.seed;
    j["merges"] = run.merges;
    j["duplicates"] = run.duplicates;
    runs.push_back(std::move(j));
  }
  out["runs"] = std::move(runs);
  return out.dump();
}

}  // namespace depeche::eval
