// What the HTTP handlers share: the engines, the limits, the metrics, and the request and
// answer as the handlers see them (without httplib, whose header stays in http_server.cc).
//
// Concurrency: the Engine is not thread-safe. One writable engine, guarded by a mutex, takes
// every ingest; reads take a read-only engine from a pool (opened on first need and kept, at
// most Limits::max_read_engines: more requests wait for one), so a read never waits for an
// ingest: SQLite WAL lets them read the last committed state while the writer writes.
// Read answers may be cached (Cached(), response_cache.h): a third engine watches the store
// for changes (Engine::ChangesSince) before each cached read, so an answer is never staler
// than the last commit.
#ifndef DEPECHE_SERVER_SERVICE_H_
#define DEPECHE_SERVER_SERVICE_H_

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "depeche/engine.h"
#include "server/digest_refresher.h"
#include "server/http_error.h"
#include "server/metrics.h"
#include "server/response_cache.h"

namespace depeche::server {

struct Limits {
  size_t max_body_bytes = 16u << 20;  // larger bodies: 413
  int max_json_depth = 64;            // deeper POSTed JSON: an error for that item
  int max_limit = 1000;               // the largest `limit=` a list accepts
  int max_read_engines = 8;           // read-only engines open at once (requests wait beyond)
  size_t cache_bytes = 256u << 20;    // read answers kept (Service::Cached); 0: no cache
};

// A request as a handler sees it: the path captures of its route and the query parameters
// (percent-decoded).
struct Request {
  std::string method;
  std::string path;
  std::vector<std::string> captures;
  std::map<std::string, std::string> params;
  std::string body;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // more headers (name, value)
};

// The answer for an error (ErrorBody with its HTTP status).
Response ErrorResponse(const HttpError& error);
// A JSON document, as the CLI prints it (api::Dump) with a final newline.
Response JsonResponse(const nlohmann::json& j, int status = 200);

class Service {
 public:
  // Opens the writable engine (creating the database when needed). Read engines, one database
  // connection each, open `read_db` when it is not empty: a read replica of a PostgreSQL
  // database (streaming replication), so that reads scale out while writes go to the primary.
  // The cache is validated by polling the replica too (Engine::ChangesSince), so an answer is
  // never older than what the replica holds; this server's own writes show once the replica
  // has replayed them (its replication lag). Errors: InvalidArgument (`read_db` given for an
  // SQLite database, or not a PostgreSQL URI), Engine::Open's.
  static Result<std::unique_ptr<Service>> Open(const EngineConfig& config, Limits limits,
                                               const std::string& read_db = "");

  // A read-only engine for one request; back to the pool when the lease ends.
  class ReadLease {
   public:
    ReadLease(Service* service, std::unique_ptr<Engine> engine)
        : service_(service), engine_(std::move(engine)) {}
    ReadLease(ReadLease&&) = default;
    ~ReadLease();
    Engine& operator*() { return *engine_; }
    Engine* operator->() { return engine_.get(); }

   private:
    Service* service_;
    std::unique_ptr<Engine> engine_;
  };
  Result<ReadLease> Read();

  // The answer to a read request from the cache while the store has not changed in a way that
  // may alter it, else `compute`'s (see response_cache.h: the scope it fills says what the
  // answer depends on; by default the whole store). The key is the request's method, path
  // and parameters. Without a cache (Limits::cache_bytes 0), or when the store cannot be
  // watched, every call computes.
  Response Cached(const Request& request, const std::function<Response(CacheScope&)>& compute);
  ResponseCache::Counts cache_counts() const { return cache_.counts(); }
  // Runs `write` with the writable engine, one writer at a time.
  template <typename F>
  auto Write(F&& write) {
    std::lock_guard<std::mutex> lock(write_mu_);
    // Counted after the write: the next cached read polls the store (read-your-writes).
    struct Done {
      std::atomic<uint64_t>& writes;
      ~Done() { writes.fetch_add(1); }
    } done{writes_};
    return write(*writer_);
  }

  // Stories an ingest changed without refreshing their digests (IngestOptions::
  // refresh_digests off): refreshed by the writer once the ingests pause (digest_refresher.h).
  void DigestsChanged(const std::vector<std::string>& story_ids) { digests_->Add(story_ids); }
  DigestRefresher::Counts digest_counts() const { return digests_->counts(); }

  const Limits& limits() const { return limits_; }
  Metrics& metrics() { return metrics_; }

 private:
  Service(EngineConfig config, Limits limits, std::unique_ptr<Engine> writer,
          std::unique_ptr<Engine> watch)
      : config_(std::move(config)),
        limits_(limits),
        writer_(std::move(writer)),
        watch_(std::move(watch)),
        cache_(limits.cache_bytes) {}
  // Polls the store for changes and returns the cache epoch after them. At most one poll per
  // kPollInterval: a commit by another process may be seen that much later; this server's
  // own writes are seen by the next read.
  uint64_t Refresh();
  static constexpr int64_t kPollIntervalNs = 1'000'000;
  // The digest refresher's pause and longest wait (digest_refresher.h).
  static constexpr std::chrono::milliseconds kDigestQuiet{500};
  static constexpr std::chrono::milliseconds kDigestMaxDelay{5000};

  EngineConfig config_;  // the read engines' (read_only, the replica when there is one)
  Limits limits_;
  Metrics metrics_;
  std::mutex write_mu_;
  std::unique_ptr<Engine> writer_;
  std::mutex pool_mu_;
  std::condition_variable pool_cv_;
  std::vector<std::unique_ptr<Engine>> pool_;
  int opened_ = 0;                   // read engines opened (pooled or leased)
  std::atomic<uint64_t> writes_{0};  // Write() calls done
  std::mutex watch_mu_;
  std::unique_ptr<Engine> watch_;  // null: no cache
  StoreMark mark_;
  // The last poll: when (steady clock, ns), the writes done before it, the epoch after it.
  std::atomic<int64_t> polled_at_{-1};
  std::atomic<uint64_t> polled_writes_{0};
  std::atomic<uint64_t> polled_epoch_{0};
  ResponseCache cache_;
  // Last: stopped (and flushed through the writer) before anything above goes.
  std::unique_ptr<DigestRefresher> digests_;
};

// One route: the method, the path pattern (a regular expression whose groups become
// Request::captures), the name the metrics use, and the handler.
using Handler = std::function<Response(Service&, const Request&)>;
struct Route {
  std::string method;
  std::string pattern;
  std::string name;
  Handler handler;
};
// The route table (routes.cc): every endpoint of docs/HTTP_API.md.
const std::vector<Route>& Routes();

// The handlers, one file per resource.
Response GetHealth(Service& service, const Request& request);      // handlers_health.cc
Response GetMetrics(Service& service, const Request& request);     // handlers_health.cc
Response PostArticles(Service& service, const Request& request);   // handlers_articles.cc
Response GetArticle(Service& service, const Request& request);     // handlers_articles.cc
Response GetStories(Service& service, const Request& request);     // handlers_stories.cc
Response GetStory(Service& service, const Request& request);       // handlers_stories.cc
Response GetTimeline(Service& service, const Request& request);    // handlers_stories.cc
Response GetSearch(Service& service, const Request& request);      // handlers_search.cc
Response GetEntities(Service& service, const Request& request);    // handlers_entities.cc
Response GetEntityById(Service& service, const Request& request);  // handlers_entities.cc

// The deepest nesting of arrays and objects in one JSON text (strings skipped); counted before
// parsing, so that a hostile body cannot make the parser recurse deep.
int JsonDepth(std::string_view text);

// Query parameter helpers: the value of `name` ("" when absent); a limit in [1, max]
// (`fallback` when absent; InvalidArgument otherwise).
std::string Param(const Request& request, const std::string& name);
Result<int> LimitParam(const Request& request, int fallback, int max);

}  // namespace depeche::server

#endif  // DEPECHE_SERVER_SERVICE_H_
