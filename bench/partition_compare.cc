// Compares two story partitions of the same articles with the evaluation's own B-cubed
// (eval::ScoreClustering): the first file is the reference (e.g. a single-process SQLite
// ingest), the second the partition under test (e.g. several PostgreSQL workers).
//
//   depeche_partition_compare REFERENCE.tsv TEST.tsv
//
// Each file: one "article_id<TAB>story_id" line per article (bench/pg_workers.sh makes them
// from `depeche articles --json`). Articles present in only one file are counted and left out
// of the score (a lost or extra article is a failure of its own, reported apart). Prints one
// JSON object. Exit status 2 on unreadable input.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "eval/cluster_metrics.h"

namespace {

bool ReadPartition(const char* path, std::map<std::string, std::string>& out, int64_t& lines) {
  std::ifstream in(path);
  if (!in) {
    std::cerr << path << ": cannot open\n";
    return false;
  }
  std::string line;
  int64_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty()) continue;
    const size_t tab = line.find('\t');
    if (tab == std::string::npos || tab == 0 || tab + 1 == line.size()) {
      std::cerr << path << ":" << number << ": not \"article<TAB>story\"\n";
      return false;
    }
    ++lines;
    out[line.substr(0, tab)] = line.substr(tab + 1);
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: depeche_partition_compare REFERENCE.tsv TEST.tsv\n";
    return 2;
  }
  std::map<std::string, std::string> reference;
  std::map<std::string, std::string> test;
  int64_t reference_lines = 0;
  int64_t test_lines = 0;
  if (!ReadPartition(argv[1], reference, reference_lines) ||
      !ReadPartition(argv[2], test, test_lines)) {
    return 2;
  }
  std::vector<std::string> gold;
  std::vector<std::string> predicted;
  int64_t only_reference = 0;
  for (const auto& [article, story] : reference) {
    auto it = test.find(article);
    if (it == test.end()) {
      ++only_reference;
      continue;
    }
    gold.push_back(story);
    predicted.push_back(it->second);
  }
  const int64_t only_test = static_cast<int64_t>(test.size()) - static_cast<int64_t>(gold.size());
  const depeche::eval::ClusterScores s = depeche::eval::ScoreClustering(gold, predicted);
  std::printf(
      "{\"reference_articles\": %zu, \"test_articles\": %zu, \"duplicate_lines_reference\": "
      "%lld, \"duplicate_lines_test\": %lld, \"common\": %zu, \"only_reference\": %lld, "
      "\"only_test\": %lld, \"stories_reference\": %.0f, \"stories_test\": %.0f, "
      "\"b3_precision\": %.6f, \"b3_recall\": %.6f, \"b3_f1\": %.6f}\n",
      reference.size(), test.size(),
      static_cast<long long>(reference_lines - static_cast<int64_t>(reference.size())),
      static_cast<long long>(test_lines - static_cast<int64_t>(test.size())), gold.size(),
      static_cast<long long>(only_reference), static_cast<long long>(only_test), s.clusters_gold,
      s.clusters_pred, s.b3_precision, s.b3_recall, s.b3_f1);
  return 0;
}
