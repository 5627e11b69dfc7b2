#include "server/service.h"

#include <algorithm>
#include <chrono>

#include "api/json.h"

namespace depeche::server {

Response ErrorResponse(const HttpError& error) {
  return {error.http_status, "application/json", ErrorBody(error) + "\n", {}};
}

Response JsonResponse(const nlohmann::json& j, int status) {
  return {status, "application/json", api::Dump(j) + "\n", {}};
}

namespace {

// A libpq connection URI, as the store tells a PostgreSQL location from an SQLite path.
bool IsPostgresUri(std::string_view location) {
  return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

}  // namespace

Result<std::unique_ptr<Service>> Service::Open(const EngineConfig& config, Limits limits,
                                               const std::string& read_db) {
  if (!read_db.empty() && (!IsPostgresUri(config.db_path) || !IsPostgresUri(read_db))) {
    return InvalidArgumentError("a read replica (" + read_db +
                                ") needs a PostgreSQL database and a PostgreSQL URI");
  }
  EngineConfig write_config = config;
  write_config.read_only = false;
  auto writer = Engine::Open(write_config);
  if (!writer.ok()) return writer.status();
  EngineConfig read_config = config;
  read_config.read_only = true;
  if (!read_db.empty()) read_config.db_path = read_db;
  std::unique_ptr<Engine> watch;
  if (limits.cache_bytes > 0) {
    auto opened = Engine::Open(read_config);
    if (!opened.ok()) return opened.status();
    watch = std::move(opened).value();
  }
  std::unique_ptr<Service> service(
      new Service(read_config, limits, std::move(writer).value(), std::move(watch)));
  Service* raw = service.get();
  service->digests_ = std::make_unique<DigestRefresher>(
      [raw](const std::vector<std::string>& ids) {
        return raw->Write([&](Engine& engine) { return engine.RefreshDigests(ids); });
      },
      kDigestQuiet, kDigestMaxDelay);
  return service;
}

uint64_t Service::Refresh() {
  const auto now = [] {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
  };
  // A recent poll that saw every write this server has done answers for this read: a lock and
  // a PRAGMA per request would serialise the hot path.
  const int64_t polled_at = polled_at_.load(std::memory_order_acquire);
  if (polled_at >= 0 && now() - polled_at < kPollIntervalNs &&
      polled_writes_.load(std::memory_order_acquire) == writes_.load(std::memory_order_acquire)) {
    return polled_epoch_.load(std::memory_order_acquire);
  }
  std::lock_guard<std::mutex> lock(watch_mu_);
  // Writes done before the poll starts are in what it reads.
  const uint64_t writes = writes_.load(std::memory_order_acquire);
  const int64_t started = now();
  auto changes = watch_->ChangesSince(mark_);
  uint64_t epoch = 0;
  if (changes.ok()) {
    epoch = cache_.Advance(*changes);
  } else {
    // Unknown: as if everything changed, and read the marks again next time.
    mark_ = StoreMark{};
    StoreChanges everything;
    everything.changed = true;
    everything.everything = true;
    epoch = cache_.Advance(everything);
  }
  // Published only when no other poll got further meanwhile (they are serialised here).
  polled_epoch_.store(epoch, std::memory_order_release);
  polled_writes_.store(writes, std::memory_order_release);
  polled_at_.store(started, std::memory_order_release);
  return epoch;
}

Response Service::Cached(const Request& request,
                         const std::function<Response(CacheScope&)>& compute) {
  if (watch_ == nullptr) {
    CacheScope scope;
    return compute(scope);
  }
  // Parameters are decoded: separators that cannot occur in a path or a decoded value.
  std::string key = request.method + ' ' + request.path;
  for (const auto& [name, value] : request.params) {
    key += '\0';
    key += name;
    key += '\1';
    key += value;
  }
  const uint64_t epoch = Refresh();
  return *cache_.Get(key, epoch, compute);
}

Service::ReadLease::~ReadLease() {
  if (engine_ == nullptr) return;
  {
    std::lock_guard<std::mutex> lock(service_->pool_mu_);
    service_->pool_.push_back(std::move(engine_));
  }
  service_->pool_cv_.notify_one();
}

Result<Service::ReadLease> Service::Read() {
  {
    std::unique_lock<std::mutex> lock(pool_mu_);
    // More engines than cores only add memory and contention: wait for one beyond the cap.
    pool_cv_.wait(lock, [this] { return !pool_.empty() || opened_ < limits_.max_read_engines; });
    if (!pool_.empty()) {
      std::unique_ptr<Engine> engine = std::move(pool_.back());
      pool_.pop_back();
      return ReadLease(this, std::move(engine));
    }
    ++opened_;
  }
  // Opened outside the lock: another request may take a pooled engine meanwhile. config_ is
  // the read engines' configuration (the replica's location when there is one).
  auto engine = Engine::Open(config_);
  if (!engine.ok()) {
    {
      std::lock_guard<std::mutex> lock(pool_mu_);
      --opened_;
    }
    pool_cv_.notify_one();
    return engine.status();
  }
  return ReadLease(this, std::move(engine).value());
}

int JsonDepth(std::string_view text) {
  int depth = 0;
  int deepest = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      deepest = std::max(deepest, ++depth);
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return deepest;
}

std::string Param(const Request& request, const std::string& name) {
  auto it = request.params.find(name);
  return it == request.params.end() ? "" : it->second;
}

Result<int> LimitParam(const Request& request, int fallback, int max) {
  const std::string value = Param(request, "limit");
  if (value.empty()) return fallback;
  int limit = 0;
  size_t used = 0;
  for (char c : value) {
    if (c < '0' || c > '9' || used >= 9) {
      return InvalidArgumentError("limit must be a whole number from 1 to " + std::to_string(max) +
                                  ": " + value);
    }
    limit = limit * 10 + (c - '0');
    ++used;
  }
  if (limit < 1 || limit > max) {
    return InvalidArgumentError("limit must be a whole number from 1 to " + std::to_string(max) +
                                ": " + value);
  }
  return limit;
}

}  // namespace depeche::server
