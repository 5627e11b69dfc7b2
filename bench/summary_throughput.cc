// depeche_bench_summary: the time of one story summary (story::Summarizer::Summarize) over a
// story of --articles articles (issue 13's speed target: summary + timeline of a 200-article
// story in 50 ms). The articles are DUC 2006's documents (../shared/data/duc2006-2007), read as
// ingest reads them (engine::Analyzer), taken topic after topic: a story of 200 articles pools
// 8 topics of 25, more varied than one story but of the same size. Each configuration is timed
// as the fastest of --repeat calls (CPU time of the process, one thread): the generic summary
// (the story setting), with a query (the first topic's statement), and with weighted edges.
//
// Then the story's whole digest as `depeche story` computes it (engine::StoryDigester::Digest:
// headlines, the summary with the story settings and the timeline), "digest_ms": what the
// speed target is about.
//
// --max-position N: SummaryOptions::max_position (only the first N sentences of each article
// are candidates; default 0, all).
//
//   depeche_bench_summary [--data DUC2006_DIR] [--articles N] [--max-position N] [--repeat N]

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "core/time.h"
#include "depeche/config.h"
#include "engine/analyzer.h"
#include "engine/story_digest.h"
#include "eval/duc_reader.h"
#include "story/summarizer.h"

namespace {

int Fail(const std::string& what) {
  std::fprintf(stderr, "depeche_bench_summary: %s\n", what.c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::string data = DEPECHE_SHARED_DIR "/data/duc2006-2007/DUC_data/DUC2006";
  size_t articles_wanted = 200;
  int repeat = 5;
  size_t max_position = 0;
  for (int i = 1; i < argc; ++i) {
    const bool has_value = i + 1 < argc;
    if (std::strcmp(argv[i], "--data") == 0 && has_value) {
      data = argv[++i];
    } else if (std::strcmp(argv[i], "--articles") == 0 && has_value) {
      articles_wanted = static_cast<size_t>(std::atol(argv[++i]));
    } else if (std::strcmp(argv[i], "--max-position") == 0 && has_value) {
      max_position = static_cast<size_t>(std::atol(argv[++i]));
    } else if (std::strcmp(argv[i], "--repeat") == 0 && has_value) {
      repeat = std::max(1, std::atoi(argv[++i]));
    } else {
      std::fprintf(stderr,
                   "usage: depeche_bench_summary [--data DUC2006_DIR] [--articles N] "
                   "[--max-position N] [--repeat N]\n");
      return 2;
    }
  }
  depeche::EngineConfig config;
  config.data_dir = DEPECHE_SOURCE_DIR "/data";
  auto analyzer = depeche::engine::Analyzer::Create(config);
  if (!analyzer.ok()) return Fail(analyzer.status().ToString());
  auto summarizer = depeche::story::Summarizer::Create(DEPECHE_SOURCE_DIR "/data");
  if (!summarizer.ok()) return Fail(summarizer.status().ToString());
  auto topics = depeche::eval::ReadDucTopics(data + "/duc2006_docs");
  if (!topics.ok()) return Fail(topics.status().ToString());
  auto queries = depeche::eval::ReadDucQueries(data + "/duc2006_topics.sgml");
  if (!queries.ok()) return Fail(queries.status().ToString());
  depeche::eval::AttachDucQueries(*queries, &*topics);

  std::vector<depeche::Article> articles;
  for (const depeche::eval::DucTopic& topic : *topics) {
    for (const depeche::eval::DucDocument& d : topic.documents) {
      if (articles.size() >= articles_wanted) break;
      depeche::ingest::RawArticle raw;
      raw.title = d.headline;
      raw.lang = "en";
      raw.published = d.date_time;
      for (const std::string& p : d.paragraphs) {
        if (!raw.text.empty()) raw.text += "\n\n";
        raw.text += p;
      }
      auto a = (*analyzer)->Analyze(std::move(raw));
      if (a.ok()) articles.push_back(std::move(a).value());
    }
  }
  std::vector<depeche::story::SummaryDocument> input;
  size_t sentences = 0;
  for (size_t i = 0; i < articles.size(); ++i) {
    input.push_back(
        {articles[i].text, articles[i].sentences, articles[i].lang, static_cast<int64_t>(i)});
    sentences += articles[i].sentences.size();
  }
  const std::string query =
      topics->empty() ? std::string() : (*topics)[0].title + "\n" + (*topics)[0].narrative;
  struct Setting {
    const char* name;
    bool query;
    bool weighted;
  };
  std::printf("{\"articles\": %zu, \"sentences\": %zu, \"max_position\": %zu, \"repeat\": %d",
              input.size(), sentences, max_position, repeat);
  for (const Setting& s : {Setting{"generic", false, false}, Setting{"query", true, false},
                           Setting{"query_weighted", true, true}}) {
    depeche::story::SummaryOptions options;
    if (s.query) options.query = query;
    options.weighted_edges = s.weighted;
    options.max_position = max_position;
    double best = 0;
    size_t lines = 0;
    for (int r = 0; r < repeat; ++r) {
      const double start = depeche::core::ProcessCpuSeconds();
      lines = (*summarizer)->Summarize(input, options).size();
      const double seconds = depeche::core::ProcessCpuSeconds() - start;
      if (r == 0 || seconds < best) best = seconds;
    }
    std::printf(", \"%s_ms\": %.2f, \"%s_lines\": %zu", s.name, best * 1000, s.name, lines);
  }
  // The digest, as the engine computes it for a story of these articles.
  auto digester = depeche::engine::StoryDigester::Create(DEPECHE_SOURCE_DIR "/data");
  if (!digester.ok()) return Fail(digester.status().ToString());
  depeche::StoryDetail story;
  story.summary.id = "bench";
  for (const depeche::Article& a : articles) {
    depeche::StoryArticle meta;
    meta.id = a.id;
    meta.title = a.title;
    meta.lang = a.lang;
    meta.published = a.published.iso;
    meta.date = a.date.date.known() ? a.date.date.iso.substr(0, 10) : "";
    story.articles.push_back(meta);
  }
  if (!articles.empty()) story.summary.title = articles.front().title;
  double best = 0;
  depeche::engine::StoryDigest digest;
  for (int r = 0; r < repeat; ++r) {
    const double start = depeche::core::ProcessCpuSeconds();
    digest = (*digester)->Digest(story, articles);
    const double seconds = depeche::core::ProcessCpuSeconds() - start;
    if (r == 0 || seconds < best) best = seconds;
  }
  std::printf(", \"digest_ms\": %.2f, \"digest_summary_lines\": %zu, \"digest_timeline\": %zu",
              best * 1000, digest.summary_lines.size(), digest.timeline.size());
  std::printf("}\n");
  return 0;
}
