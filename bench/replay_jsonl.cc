// Writes the Reuters-21578 replay as JSONL files that `depeche ingest` reads: the corpus in
// publication order, then again and again with every date shifted by the corpus's span (and
// new ids), up to a total, as `story_eval bench --total N` replays it in memory. For the
// ingest benchmarks on a store (bench/pg_workers.sh: several workers on PostgreSQL).
//
//   depeche_replay_jsonl [--data DIR] [--total N] [--per-file N] --out DIR
//
// Records are those of eval::ToJsonl (what `depeche ingest` reads from the .sgm files); pass p
// >= 1 gives record NEWID the id "NEWID-rP" (and the URL reuters21578://NEWID-rP) and a date
// p * span later. Files replay-00000.jsonl, replay-00001.jsonl, ... of --per-file lines each
// (default 1000), so that a benchmark can deal them to workers. Records with no letter or digit
// in their title and text are left out (the one UNPROC record made of control characters,
// which ingest refuses): every file then holds --per-file articles, one ingest batch each when
// the batch size is the same, and the order in which a run commits its files is the order of
// its articles. Exit status 2 on bad usage or an unreadable corpus.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"
#include "eval/reuters_reader.h"

namespace {

struct Item {
  int64_t time = 0;
  depeche::eval::ReutersArticle article;
};

bool HasLetterOrDigit(const depeche::eval::ReutersArticle& a) {
  for (const std::string* text : {&a.title, &a.dateline, &a.body}) {
    for (char c : *text) {
      if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  std::string data = DEPECHE_SHARED_DIR "/data/reuters21578";
  std::string out_dir;
  long total = 0;
  long per_file = 1000;
  bool ok = argc % 2 == 1;
  for (int i = 1; ok && i + 1 < argc; i += 2) {
    const std::string_view flag = argv[i];
    if (flag == "--data") {
      data = argv[i + 1];
    } else if (flag == "--total") {
      total = std::atol(argv[i + 1]);
    } else if (flag == "--per-file") {
      per_file = std::atol(argv[i + 1]);
    } else if (flag == "--out") {
      out_dir = argv[i + 1];
    } else {
      ok = false;
    }
  }
  if (!ok || out_dir.empty() || per_file <= 0 || total < 0) {
    std::fprintf(stderr, "usage: %s [--data DIR] [--total N] [--per-file N] --out DIR\n", argv[0]);
    return 2;
  }
  auto corpus = depeche::eval::ReadReutersCorpus(data);
  if (!corpus.ok()) {
    std::fprintf(stderr, "%s\n", corpus.status().ToString().c_str());
    return 2;
  }
  // Publication order; an undated record takes the date of the one before it (as the
  // in-memory replay of story_eval bench).
  std::vector<Item> items;
  int64_t last_known = 0;
  size_t dropped = 0;
  for (depeche::eval::ReutersArticle& a : *corpus) {
    if (!HasLetterOrDigit(a)) {
      ++dropped;
      continue;
    }
    auto date = depeche::core::ParseIsoDate(a.date_iso);
    const int64_t t = date.ok() ? date->utc_seconds : last_known;
    last_known = t;
    items.push_back({t, std::move(a)});
  }
  if (items.empty()) return 2;
  std::stable_sort(items.begin(), items.end(),
                   [](const Item& x, const Item& y) { return x.time < y.time; });
  const int64_t span = items.back().time - items.front().time + 86400;
  if (total == 0) total = static_cast<long>(items.size());

  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  std::ofstream file;
  long written = 0;
  int files = 0;
  for (long pass = 0; written < total; ++pass) {
    for (const Item& item : items) {
      if (written >= total) break;
      if (written % per_file == 0) {
        if (file.is_open()) file.close();
        char name[32];
        std::snprintf(name, sizeof(name), "replay-%05d.jsonl", files++);
        file.open(std::filesystem::path(out_dir) / name);
        if (!file) {
          std::fprintf(stderr, "%s/%s: cannot write\n", out_dir.c_str(), name);
          return 2;
        }
      }
      depeche::eval::ReutersArticle a = item.article;
      if (pass > 0) {
        a.id += "-r" + std::to_string(pass);
        a.date_iso = depeche::core::FormatUtc(item.time + pass * span);
      }
      file << depeche::eval::ToJsonl(a) << '\n';
      ++written;
    }
  }
  file.close();
  std::printf(
      "%ld records in %d files under %s (corpus %zu records, %zu without text left out, "
      "span %lld days)\n",
      written, files, out_dir.c_str(), items.size(), dropped, static_cast<long long>(span / 86400));
  return 0;
}
