#include "server/service.h"

#include "api/json.h"

namespace depeche::server {

Response ErrorResponse(const HttpError& error) {
  return {error.http_status, "application/json", ErrorBody(error) + "\n", {}};
}

Response JsonResponse(const nlohmann::json& j, int status) {
  return {status, "application/json", api::Dump(j) + "\n", {}};
}

Result<std::unique_ptr<Service>> Service::Open(const EngineConfig& config, Limits limits) {
  EngineConfig write_config = config;
  write_config.read_only = false;
  auto writer = Engine::Open(write_config);
  if (!writer.ok()) return writer.status();
  return std::unique_ptr<Service>(new Service(config, limits, std::move(writer).value()));
}

Service::ReadLease::~ReadLease() {
  if (engine_ == nullptr) return;
  std::lock_guard<std::mutex> lock(service_->pool_mu_);
  service_->pool_.push_back(std::move(engine_));
}

Result<Service::ReadLease> Service::Read() {
  {
    std::lock_guard<std::mutex> lock(pool_mu_);
    if (!pool_.empty()) {
      std::unique_ptr<Engine> engine = std::move(pool_.back());
      pool_.pop_back();
      return ReadLease(this, std::move(engine));
    }
  }
  // Opened outside the lock: another request may take a pooled engine meanwhile.
  EngineConfig read_config = config_;
  read_config.read_only = true;
  auto engine = Engine::Open(read_config);
  if (!engine.ok()) return engine.status();
  return ReadLease(this, std::move(engine).value());
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
