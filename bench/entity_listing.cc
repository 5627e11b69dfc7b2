// Entity write and listing cost against the number of stored articles. Fills a fresh store with
// a synthetic stream through the real write path (ArticleStore::Insert, EntityStore::Record,
// commits of 4,096 articles), then times the queries behind `depeche entities` (unfiltered, by
// type, --since the last day), `depeche entity` on the most named entity, and the entities of
// one article (`depeche show`).
//
//   depeche_bench_entity_listing [--articles N] [--entities E] [--db PATH] [--repeat R]
//
// The stream: N articles over N / 2,000 days (2,000 a day), each naming 8 distinct entities
// drawn from E by a Zipf law (s = 1: a few entities are named everywhere, most rarely), 2
// mentions each; an entity is created the first time it is drawn; one article in 2,000 merges
// a random entity into an older one. The texts are short so that the fill measures the store.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "core/hash.h"
#include "core/time.h"
#include "store/article_store.h"
#include "store/database.h"
#include "store/entity_store.h"

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

int Fail(const depeche::Status& s, const char* what) {
  std::fprintf(stderr, "%s: %s\n", what, s.ToString().c_str());
  return 1;
}

// Median of `repeat` runs of `f`, in milliseconds.
template <typename F>
double MedianMs(int repeat, F f) {
  std::vector<double> ms;
  for (int i = 0; i < repeat; ++i) {
    auto t = Clock::now();
    f();
    ms.push_back(Seconds(t) * 1000);
  }
  std::sort(ms.begin(), ms.end());
  return ms[ms.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  int64_t n = 20000;
  int64_t entity_pool = 20000;
  int repeat = 5;
  std::string db_path;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--articles") n = std::atoll(argv[i + 1]);
    if (flag == "--entities") entity_pool = std::atoll(argv[i + 1]);
    if (flag == "--db") db_path = argv[i + 1];
    if (flag == "--repeat") repeat = std::atoi(argv[i + 1]);
  }
  const bool keep = !db_path.empty();
  if (!keep) {
    db_path = (std::filesystem::temp_directory_path() /
               ("depeche_entity_listing_" + std::to_string(::getpid()) + ".db"))
                  .string();
  }
  auto db = depeche::store::Database::Open(db_path);
  if (!db.ok()) return Fail(db.status(), "open");
  auto articles = depeche::store::ArticleStore::Create(db->get());
  auto entities = depeche::store::EntityStore::Create(db->get());
  if (!articles.ok() || !entities.ok()) return Fail(articles.status(), "stores");

  // Zipf(1) over [0, entity_pool) by inverting the cumulative weights.
  std::vector<double> cumulative(static_cast<size_t>(entity_pool));
  double sum = 0;
  for (int64_t k = 0; k < entity_pool; ++k) cumulative[k] = sum += 1.0 / static_cast<double>(k + 1);
  std::mt19937_64 rng(42);
  std::uniform_real_distribution<double> uniform(0.0, sum);
  auto draw = [&] {
    return static_cast<int64_t>(
        std::lower_bound(cumulative.begin(), cumulative.end(), uniform(rng)) - cumulative.begin());
  };
  auto entity_id = [](int64_t k) { return depeche::core::Hash64(std::to_string(k), 11) | 1; };
  std::vector<bool> created(static_cast<size_t>(entity_pool), false);
  std::vector<int64_t> live;  // created and not merged away
  const int64_t t0 = 1600000000, per_day = 2000;
  double record_s = 0;
  int64_t merges = 0;
  std::string last_article;
  const auto fill_start = Clock::now();
  if (auto st = (*db)->Begin(); !st.ok()) return Fail(st, "begin");
  for (int64_t i = 0; i < n; ++i) {
    depeche::Article a;
    a.lang = "en";
    a.url = "https://example.com/" + std::to_string(i);
    a.title = "Headline " + std::to_string(i);
    std::set<int64_t> picked;
    while (picked.size() < 8) picked.insert(draw());
    depeche::extract::ArticleEntities out;
    depeche::extract::EntityChanges changes;
    for (int64_t k : picked) {
      const std::string name = "Entity" + std::to_string(k);
      const size_t at = a.text.size();
      a.text += name + " said. " + name + " added. ";
      depeche::extract::ArticleEntity e;
      e.type = static_cast<depeche::extract::EntityType>(k % 3);
      e.name = name;
      e.salience = 1.0f / static_cast<float>(picked.size());
      for (size_t m = 0; m < 2; ++m) {
        depeche::extract::Mention mention;
        const auto begin = static_cast<uint32_t>(at + m * (name.size() + 7));
        mention.span = {begin, begin + static_cast<uint32_t>(name.size())};
        mention.surface = name;
        e.mentions.push_back(static_cast<uint32_t>(out.mentions.size()));
        out.mentions.push_back(std::move(mention));
      }
      out.entities.push_back(std::move(e));
      if (!created[k]) {
        created[k] = true;
        live.push_back(k);
        depeche::extract::CanonicalEntity c;
        c.id = entity_id(k);
        c.type = static_cast<depeche::extract::EntityType>(k % 3);
        c.name = name;
        changes.upserts.push_back(c);
      }
      changes.links.push_back(entity_id(k));
    }
    if (live.size() > 100 && rng() % 2000 == 0) {
      const size_t from = live.size() - 1 - rng() % 50;  // a recent one into an older one
      const size_t into = rng() % (live.size() - 60);
      changes.merges.emplace_back(entity_id(live[from]), entity_id(live[into]));
      live.erase(live.begin() + static_cast<std::ptrdiff_t>(from));
      ++merges;
    }
    a.content_hash = depeche::core::Hex64(depeche::core::Hash64(a.text, 1));
    a.id = depeche::core::Hex64(depeche::core::Hash64(a.url, 2));
    const int64_t ts = t0 + i * 86400 / per_day;
    a.published = {depeche::DatePrecision::kSecond, ts, depeche::core::FormatUtc(ts)};
    a.ingested_at = t0;
    if (auto r = (*articles)->Insert(a); !r.ok()) return Fail(r.status(), "insert");
    auto t = Clock::now();
    if (auto st = (*entities)->Record(a.id, out, changes); !st.ok()) return Fail(st, "record");
    record_s += Seconds(t);
    last_article = a.id;
    if ((i + 1) % 4096 == 0) {
      if (auto st = (*db)->Commit(); !st.ok()) return Fail(st, "commit");
      if (auto st = (*db)->Begin(); !st.ok()) return Fail(st, "begin");
    }
  }
  if (auto st = (*db)->Commit(); !st.ok()) return Fail(st, "commit");
  const double fill_s = Seconds(fill_start);

  depeche::EntityListInfo info;
  auto list = [&](depeche::EntityQuery q) {
    q.info = &info;
    auto r = (*entities)->List(q);
    if (!r.ok()) std::fprintf(stderr, "list: %s\n", r.status().ToString().c_str());
  };
  depeche::EntityQuery all;
  const double all_ms = MedianMs(repeat, [&] { list(all); });
  const int64_t total = info.total;
  depeche::EntityQuery people;
  people.type = "person";
  const double type_ms = MedianMs(repeat, [&] { list(people); });
  depeche::EntityQuery recent;
  recent.since = depeche::core::FormatUtc(t0 + (n - per_day) * 86400 / per_day);
  const double since_ms = MedianMs(repeat, [&] { list(recent); });
  const std::string top = depeche::store::EntityIdHex(entity_id(0));
  const double get_ms = MedianMs(repeat, [&] { (void)(*entities)->Get(top); });
  const double article_ms = MedianMs(repeat, [&] { (void)(*entities)->OfArticle(last_article); });
  std::printf(
      "articles %lld, entities %lld live (pool %lld), merges %lld\n"
      "fill %.1f s; EntityStore::Record %.3f ms per article (8 entities, 16 mentions)\n"
      "entities (50 of %lld)           %8.2f ms\n"
      "entities --type person         %8.2f ms\n"
      "entities --since <last day>    %8.2f ms\n"
      "entity <most named>            %8.2f ms\n"
      "entities of one article (show) %8.2f ms\n",
      static_cast<long long>(n), static_cast<long long>(total), static_cast<long long>(entity_pool),
      static_cast<long long>(merges), fill_s,
      n > 0 ? record_s * 1000 / static_cast<double>(n) : 0.0, static_cast<long long>(total), all_ms,
      type_ms, since_ms, get_ms, article_ms);
  entities->reset();
  articles->reset();
  db->reset();
  if (!keep) {
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((db_path + suffix).c_str());
  }
  return 0;
}
