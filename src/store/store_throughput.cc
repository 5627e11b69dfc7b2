// store_throughput: measures ArticleStore::Insert (row + FTS index) and Search on real news
// text: the Reuters-21578 bodies (English) and the ML-Crisis French articles cut into
// Reuters-size pieces, interleaved. Not a test: prints figures.
//
//   store_throughput [--shared DIR] [--articles N] [--batch N] [--db PATH]
//                    [--phases tokenize,insert,search] [--sql STATEMENTS]
#include <sqlite3.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/hash.h"
#include "store/article_store.h"
#include "store/database.h"
#include "store/fts_tokenizer.h"

namespace {

namespace fs = std::filesystem;
using depeche::Article;
using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

std::string ReadGzip(const fs::path& path) {
  std::string out;
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return out;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  gzclose(f);
  return out;
}

// Reuters SGML is Latin-1 with a few entities and control characters.
std::string CleanLatin1(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == '&') {
      size_t semi = s.find(';', i);
      if (semi != std::string_view::npos && semi - i <= 6) {
        std::string_view entity = s.substr(i, semi - i + 1);
        if (entity == "&lt;") out += '<';
        if (entity == "&gt;") out += '>';
        if (entity == "&amp;") out += '&';
        i = semi;
        continue;
      }
    }
    if (c >= 0x80) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c >= 0x20 || c == '\n') {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string Between(std::string_view doc, std::string_view open, std::string_view close) {
  size_t b = doc.find(open);
  if (b == std::string_view::npos) return {};
  b += open.size();
  size_t e = doc.find(close, b);
  if (e == std::string_view::npos) return {};
  return CleanLatin1(doc.substr(b, e - b));
}

std::vector<Article> LoadReuters(const fs::path& dir) {
  std::vector<Article> out;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().string().ends_with(".sgm.gz")) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    std::string sgml = ReadGzip(file);
    size_t pos = 0;
    while ((pos = sgml.find("<REUTERS", pos)) != std::string::npos) {
      size_t end = sgml.find("</REUTERS>", pos);
      if (end == std::string::npos) break;
      std::string_view doc(sgml.data() + pos, end - pos);
      pos = end;
      Article a;
      a.text = Between(doc, "<BODY>", "</BODY>");
      if (a.text.size() < 200) continue;
      a.title = Between(doc, "<TITLE>", "</TITLE>");
      a.lang = "en";
      a.source = "Reuters";
      out.push_back(std::move(a));
    }
  }
  return out;
}

// French articles cut at sentence ends into pieces of about `size` bytes.
std::vector<Article> LoadFrench(const fs::path& dir, size_t size) {
  std::vector<Article> out;
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string text = buffer.str();
    size_t start = text.find('\n');
    std::string title = text.substr(0, start);
    while (start != std::string::npos && start < text.size()) {
      size_t cut = text.find(". ", std::min(text.size(), start + size));
      std::string piece =
          text.substr(start + 1, cut == std::string::npos ? std::string::npos : cut + 1 - start);
      if (piece.size() >= 200) {
        Article a;
        a.title = title;
        a.text = std::move(piece);
        a.lang = "fr";
        a.source = "ML-Crisis";
        out.push_back(std::move(a));
      }
      start = cut == std::string::npos ? cut : cut + 1;
    }
  }
  return out;
}

// The database size once the WAL is checkpointed into it.
double DbMegabytes(depeche::store::Database& db, const std::string& path) {
  (void)db.Exec("PRAGMA wal_checkpoint(TRUNCATE)");
  return static_cast<double>(fs::file_size(path)) / 1e6;
}

int NoopSink(void* ctx, int, const char*, int size, int, int) {
  *static_cast<long*>(ctx) += size;
  return 0;
}

// Phases 2 and 3 on a fresh database at `db_path`; returns the exit status.
int MeasureStore(const std::vector<Article>& articles, size_t bytes, const std::string& db_path,
                 int batch, const std::string& phases, const std::string& extra_sql) {
  // 2. Insert into a fresh database, `batch` articles per transaction.
  auto db = depeche::store::Database::Open(db_path);
  if (!db.ok()) {
    std::fprintf(stderr, "%s\n", db.status().ToString().c_str());
    return 1;
  }
  if (!extra_sql.empty() && !(*db)->Exec(extra_sql).ok()) {
    std::fprintf(stderr, "--sql failed\n");
    return 1;
  }
  auto store = depeche::store::ArticleStore::Create(db->get());
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().ToString().c_str());
    return 1;
  }
  size_t inserted = 0, duplicates = 0;
  std::clock_t c0 = std::clock();
  auto t0 = Clock::now();
  for (size_t i = 0; i < articles.size(); i += static_cast<size_t>(batch)) {
    if (!(*db)->Begin().ok()) return 1;
    for (size_t j = i; j < std::min(articles.size(), i + static_cast<size_t>(batch)); ++j) {
      auto r = (*store)->Insert(articles[j]);
      if (!r.ok()) {
        std::fprintf(stderr, "%s\n", r.status().ToString().c_str());
        return 1;
      }
      (r->outcome == depeche::store::InsertOutcome::kInserted ? inserted : duplicates)++;
    }
    if (!(*db)->Commit().ok()) return 1;
  }
  double s = Seconds(t0);
  double cpu = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
  std::printf(
      "insert (batch %d): %zu inserted, %zu duplicates in %.2f s (cpu %.2f s): %.0f articles/s "
      "wall, %.0f articles/s cpu, %.1f MB/s; db %.1f MB\n",
      batch, inserted, duplicates, s, cpu, articles.size() / s, articles.size() / cpu,
      bytes / s / 1e6, DbMegabytes(**db, db_path));

  // FTS5 re-tokenizes every stored value and compares with the index: proves the tokenizer
  // (and its caches) gives the same terms every time.
  t0 = Clock::now();
  depeche::Status integrity =
      (*db)->Exec("INSERT INTO article_fts(article_fts, rank) VALUES ('integrity-check', 1)");
  std::printf("fts integrity-check: %s (%.2f s)\n", integrity.ok() ? "ok" : "FAILED", Seconds(t0));
  if (!integrity.ok()) return 1;

  // 3. Search.
  if (phases.find("search") == std::string::npos) return 0;
  const char* queries[] = {"oil prices",   "negociations",  "Damas",      "bank rate",
                           "manifestants", "trade deficit", "etats-unis", "profit",
                           "Moubarak",     "wheat exports", "révolution", "dollar yen"};
  int runs = 0;
  size_t hits = 0;
  t0 = Clock::now();
  for (int round = 0; round < 20; ++round) {
    for (const char* q : queries) {
      auto r = (*store)->Search(q, 20);
      if (!r.ok()) {
        std::fprintf(stderr, "%s: %s\n", q, r.status().ToString().c_str());
        return 1;
      }
      hits += r->size();
      ++runs;
    }
  }
  s = Seconds(t0);
  std::printf("search: %.0f queries/s (top 20 with snippets, %zu hits)\n", runs / s, hits);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  fs::path shared = DEPECHE_SHARED_DIR;
  size_t limit = 20000;
  int batch = 512;
  std::string phases = "tokenize,insert,search";
  std::string extra_sql;  // run after opening, e.g. FTS5 configuration experiments
  std::string db_path =
      (fs::temp_directory_path() / ("depeche_store_throughput_" + std::to_string(getpid()) + ".db"))
          .string();
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--shared") shared = argv[i + 1];
    if (flag == "--articles") limit = std::stoul(argv[i + 1]);
    if (flag == "--batch") batch = std::stoi(argv[i + 1]);
    if (flag == "--db") db_path = argv[i + 1];
    if (flag == "--phases") phases = argv[i + 1];
    if (flag == "--sql") extra_sql = argv[i + 1];
  }

  std::vector<Article> en = LoadReuters(shared / "data/reuters21578");
  std::vector<Article> fr = LoadFrench(shared / "data/ml-crisis-timelines/fr", 700);
  if (en.empty() || fr.empty()) {
    std::fprintf(stderr, "corpora not found under %s\n", shared.c_str());
    return 1;
  }
  // Interleave in the corpus proportions, up to `limit`.
  std::vector<Article> articles;
  size_t ie = 0, ifr = 0;
  // Past the end of the corpora, start again with a marker word so that copies stay distinct.
  for (int round = 0; articles.size() < limit; ++round) {
    size_t start = articles.size();
    ie = ifr = 0;
    while (articles.size() < limit && (ie < en.size() || ifr < fr.size())) {
      bool take_fr = ifr < fr.size() && (ie >= en.size() || ifr * en.size() < ie * fr.size());
      articles.push_back(take_fr ? fr[ifr++] : en[ie++]);
    }
    if (round > 0) {
      for (size_t i = start; i < articles.size(); ++i) {
        articles[i].text += " round" + std::to_string(round);
      }
    }
  }
  size_t bytes = 0;
  for (size_t i = 0; i < articles.size(); ++i) {
    Article& a = articles[i];
    a.id = depeche::core::Hex64(depeche::core::Hash64(a.text, 7));
    a.content_hash = depeche::core::Hex64(depeche::core::Hash64(a.text, 11));
    a.url = "https://bench.example/" + std::to_string(i);
    a.ingested_at = 1700000000;
    bytes += a.text.size() + a.title.size();
  }
  const auto french = static_cast<size_t>(std::count_if(
      articles.begin(), articles.end(), [](const Article& a) { return a.lang == "fr"; }));
  std::printf("corpus: %zu articles (%zu en, %zu fr), %.1f MB, %.0f bytes/article\n",
              articles.size(), articles.size() - french, french, bytes / 1e6,
              static_cast<double>(bytes) / articles.size());

  // 1. The tokenizer alone (what FTS5 calls on insert), cold caches then warm.
  if (phases.find("tokenize") != std::string::npos) {
    depeche::store::FtsTokenizer tokenizer(nullptr);
    for (int pass = 0; pass < 2; ++pass) {
      long sink = 0;
      auto t0 = Clock::now();
      for (const Article& a : articles) {
        std::string title = a.lang + '\x01' + a.title;
        std::string body = a.lang + '\x01' + a.text;
        tokenizer.Tokenize(FTS5_TOKENIZE_DOCUMENT, title, &sink, NoopSink);
        tokenizer.Tokenize(FTS5_TOKENIZE_DOCUMENT, body, &sink, NoopSink);
      }
      double s = Seconds(t0);
      std::printf("tokenizer (%s cache): %.0f articles/s, %.1f MB/s\n", pass ? "warm" : "cold",
                  articles.size() / s, bytes / s / 1e6);
    }
  }

  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db_path + suffix);
  int rc = MeasureStore(articles, bytes, db_path, batch, phases, extra_sql);
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db_path + suffix);
  return rc;
}
