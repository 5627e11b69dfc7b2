// Story listing time against the number of stored articles. Fills a fresh store with a
// synthetic stream through the real write path (ArticleStore::Insert, StoryStore::Record with
// merges, StoryStore::Save, commits of 4,096 articles), then times StoryStore::Stories in each
// order, and the per-call aggregate over article_story that listing ran before migration 5.
//
//   depeche_bench_story_listing [--articles N] [--db PATH] [--repeat R]
//   depeche_bench_story_listing --existing PATH [--repeat R]   # times listing on a database
//                                                                # made by depeche ingest
//
// The stream: N articles over N / 2,000 days (2,000 a day); each opens a new story with
// probability 0.3, else joins one of the 300 most recent stories (the newer, the likelier);
// one arrival in 1,000 merges two recent stories. 400 sources, 3 languages, a third of the
// titles derived. Texts are short (about 40 words) so that the fill is dominated by the
// store, not by full-text indexing of long texts.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include <unistd.h>

#include "core/hash.h"
#include "core/time.h"
#include "store/article_store.h"
#include "store/database.h"
#include "store/statement.h"
#include "store/story_store.h"

namespace {

using Clock = std::chrono::steady_clock;
using depeche::Article;
using depeche::StoryQuery;
using depeche::StorySort;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

// The query `depeche stories` ran before migration 5 (aggregating article_story at every call).
constexpr const char* kOldListing = R"sql(
SELECT s.story_id, COUNT(*), COUNT(DISTINCT NULLIF(a.source, '')),
       MIN(a.published_ts), MAX(a.published_ts), group_concat(DISTINCT a.lang), MIN(s.seq),
       MAX(s.seq), (SELECT linked_story_id FROM stories WHERE id = s.story_id)
FROM article_story s JOIN articles a ON a.id = s.article_id
GROUP BY s.story_id
ORDER BY MAX(a.published_ts) IS NULL, MAX(a.published_ts) DESC, MAX(s.seq) DESC
LIMIT 50
)sql";

int Fail(const depeche::Status& s, const char* what) {
  std::fprintf(stderr, "%s: %s\n", what, s.ToString().c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  int64_t n = 20000;
  int repeat = 5;
  std::string db_path;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--articles") n = std::atoll(argv[i + 1]);
    if (flag == "--db") db_path = argv[i + 1];
    if (flag == "--repeat") repeat = std::atoi(argv[i + 1]);
    if (flag == "--existing") {
      db_path = argv[i + 1];
      n = 0;
    }
  }
  const bool keep = !db_path.empty();
  if (!keep) {
    db_path = (std::filesystem::temp_directory_path() /
               ("depeche_story_listing_" + std::to_string(::getpid()) + ".db"))
                  .string();
  }
  auto db = depeche::store::Database::Open(db_path);
  if (!db.ok()) return Fail(db.status(), "open");
  auto articles = depeche::store::ArticleStore::Create(db->get());
  auto stories = depeche::store::StoryStore::Create(db->get());
  if (!articles.ok() || !stories.ok()) return Fail(articles.status(), "stores");

  std::mt19937_64 rng(42);
  const char* langs[] = {"en", "fr", "de"};
  const char* words[] = {"election", "strike", "harbour", "minister", "flood",   "market",
                         "court",    "talks",  "summit",  "storm",    "vaccine", "border",
                         "budget",   "trial",  "protest", "ceasefire"};
  std::vector<std::string> recent;  // most recent stories, newest last
  const int64_t t0 = 1600000000;
  const int64_t per_day = 2000;
  double record_s = 0, insert_s = 0;
  int64_t merges = 0, story_count = 0;
  const auto fill_start = Clock::now();
  if (n > 0) {
    if (auto st = (*db)->Begin(); !st.ok()) return Fail(st, "begin");
  }
  for (int64_t i = 0; i < n; ++i) {
    std::string story;
    bool opened = false;
    if (recent.empty() || rng() % 10 < 3) {
      story = depeche::core::Hex64(depeche::core::Hash64(std::to_string(i), 7));
      opened = true;
      ++story_count;
      recent.push_back(story);
      if (recent.size() > 300) recent.erase(recent.begin());
    } else {
      // Newer stories are likelier: the max of two uniform picks.
      size_t k = std::max(rng() % recent.size(), rng() % recent.size());
      story = recent[k];
    }
    const std::string topic = words[std::hash<std::string>{}(story) % 16];
    Article a;
    a.lang = langs[rng() % 3];
    a.source = "source" + std::to_string(rng() % 400);
    a.url = "https://example.com/" + std::to_string(i);
    a.title = "Headline about the " + topic + " of story " + story.substr(0, 6) + " version " +
              std::to_string(rng() % 4);
    a.title_origin = rng() % 3 == 0 ? "derived" : "html";
    a.text = "The " + topic + " continued on day " + std::to_string(i / per_day) +
             " as officials met reporters. Article " + std::to_string(i) +
             " adds quotes, figures and reactions from " + a.source +
             ", with the usual background paragraphs that every wire story repeats about the " +
             topic + " and its consequences for the region.";
    a.content_hash = depeche::core::Hex64(depeche::core::Hash64(a.text, 1));
    a.id = depeche::core::Hex64(depeche::core::Hash64(a.url, 2));
    const int64_t ts = t0 + i * 86400 / per_day;
    a.published = {depeche::DatePrecision::kSecond, ts, depeche::core::FormatUtc(ts)};
    a.ingested_at = t0;
    auto t = Clock::now();
    auto inserted = (*articles)->Insert(a);
    insert_s += Seconds(t);
    if (!inserted.ok()) return Fail(inserted.status(), "insert");
    depeche::story::ArticleStoryResult r;
    r.assignment.story_id = story;
    r.assignment.new_story = opened;
    r.assignment.similarity = 0.5;
    r.top_terms = {topic, "officials", "reporters"};
    if (!opened && recent.size() > 10 && rng() % 1000 == 0) {
      // Fold another recent story into this one (the clusterer keeps the older id).
      std::string from = recent[rng() % recent.size()];
      if (from != story) {
        r.assignment.merges.push_back({from, story, a.id, 0.6});
        recent.erase(std::find(recent.begin(), recent.end(), from));
        ++merges;
      }
    }
    t = Clock::now();
    if (auto st = (*stories)->Record(a.id, r); !st.ok()) return Fail(st, "record");
    record_s += Seconds(t);
    if ((i + 1) % 4096 == 0 || i + 1 == n) {
      if (auto st = (*stories)->Save({}); !st.ok()) return Fail(st, "save");
      if (auto st = (*db)->Commit(); !st.ok()) return Fail(st, "commit");
      if (i + 1 < n) {
        if (auto st = (*db)->Begin(); !st.ok()) return Fail(st, "begin");
      }
    }
  }
  const double fill_s = Seconds(fill_start);
  if (n == 0) {
    auto st = depeche::store::Statement::Prepare(
        db->get(),
        "SELECT (SELECT COUNT(*) FROM article_story), COUNT(*), MAX(last_ts) "
        "FROM story_summary");
    if (st.ok() && *st->Step()) {
      std::printf("existing database: %lld articles in %lld stories, newest %s\n",
                  static_cast<long long>(st->ColumnInt64(0)),
                  static_cast<long long>(st->ColumnInt64(1)),
                  depeche::core::FormatUtc(st->ColumnInt64(2)).c_str());
    }
  } else {
    std::printf("articles %lld, stories opened %lld, merges %lld, days %lld\n",
                static_cast<long long>(n), static_cast<long long>(story_count),
                static_cast<long long>(merges), static_cast<long long>(n / per_day));
    std::printf(
        "fill %.1f s (%.0f articles/s); ArticleStore::Insert %.1f s, StoryStore::Record "
        "%.1f s (%.1f us per article)\n",
        fill_s, n / fill_s, insert_s, record_s, 1e6 * record_s / n);
  }
  auto time_it = [&](const char* name, auto&& call) {
    std::vector<double> ms;
    for (int r = 0; r < repeat; ++r) {
      auto t = Clock::now();
      if (!call()) return;
      ms.push_back(1000 * Seconds(t));
    }
    std::sort(ms.begin(), ms.end());
    std::printf("%-34s min %8.2f ms  median %8.2f ms\n", name, ms.front(), ms[ms.size() / 2]);
  };
  depeche::StoryListInfo info;
  auto list = [&](StorySort sort, std::optional<std::string> since = {},
                  std::optional<std::string> until = {}) {
    return [&, sort, since, until] {
      StoryQuery q;
      q.sort = sort;
      q.since = since;
      q.until = until;
      q.info = &info;
      auto out = (*stories)->Stories(q);
      if (!out.ok()) {
        Fail(out.status(), "stories");
        return false;
      }
      return true;
    };
  };
  time_it("stories (top, default window)", list(StorySort::kTop));
  std::printf("  %lld stories in the window\n", static_cast<long long>(info.total));
  time_it("stories --sort growth", list(StorySort::kGrowth));
  time_it("stories --sort activity", list(StorySort::kActivity));
  time_it("stories --sort size", list(StorySort::kSize));
  time_it("stories --sort sources", list(StorySort::kSources));
  std::string mid = depeche::core::FormatUtc(t0 + n / 2 * 86400 / per_day).substr(0, 10);
  if (n == 0) {
    // The middle of the stored dates.
    auto st = depeche::store::Statement::Prepare(
        db->get(), "SELECT (MIN(first_ts) + MAX(last_ts)) / 2 FROM story_summary");
    if (st.ok() && *st->Step()) mid = depeche::core::FormatUtc(st->ColumnInt64(0)).substr(0, 10);
  }
  time_it("stories --sort activity --until mid", list(StorySort::kActivity, {}, mid));
  time_it("stories --since mid --until mid", list(StorySort::kTop, mid, mid));
  time_it("before migration 5 (aggregate)", [&] {
    auto st = depeche::store::Statement::Prepare(db->get(), kOldListing);
    if (!st.ok()) return false;
    while (true) {
      auto row = st->Step();
      if (!row.ok() || !*row) break;
    }
    return true;
  });
  stories->reset();
  articles->reset();
  db->reset();
  if (!keep) {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db_path + suffix);
  }
  return 0;
}
