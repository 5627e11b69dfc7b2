#include "server/metrics.h"

#include <array>
#include <cstdio>

namespace depeche::server {
namespace {

// Seconds: from 1 ms (a cached read) to 10 s (a large ingest).
constexpr std::array<double, 12> kBounds = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                            0.1,   0.25,   0.5,   1.0,  2.5,   10.0};

std::string Number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

}  // namespace

void Metrics::Record(const std::string& route, int status, double seconds) {
  std::lock_guard<std::mutex> lock(mu_);
  ++requests_[{route, status}];
  Histogram& h = latency_[route];
  if (h.buckets.empty()) h.buckets.assign(kBounds.size(), 0);
  for (size_t i = 0; i < kBounds.size(); ++i) {
    if (seconds <= kBounds[i]) ++h.buckets[i];
  }
  ++h.count;
  h.sum += seconds;
}

std::string Metrics::Text() const {
  std::lock_guard<std::mutex> lock(mu_);
  std::string out;
  out += "# HELP depeche_http_requests_total HTTP requests answered, by route and status.\n";
  out += "# TYPE depeche_http_requests_total counter\n";
  for (const auto& [key, count] : requests_) {
    out += "depeche_http_requests_total{route=\"" + key.first + "\",status=\"" +
           std::to_string(key.second) + "\"} " + std::to_string(count) + "\n";
  }
  out += "# HELP depeche_http_request_duration_seconds Time to answer a request, by route.\n";
  out += "# TYPE depeche_http_request_duration_seconds histogram\n";
  for (const auto& [route, h] : latency_) {
    const std::string name = "depeche_http_request_duration_seconds";
    for (size_t i = 0; i < kBounds.size(); ++i) {
      out += name + "_bucket{route=\"" + route + "\",le=\"" + Number(kBounds[i]) + "\"} " +
             std::to_string(h.buckets[i]) + "\n";
    }
    out += name + "_bucket{route=\"" + route + "\",le=\"+Inf\"} " + std::to_string(h.count) + "\n";
    out += name + "_sum{route=\"" + route + "\"} " + Number(h.sum) + "\n";
    out += name + "_count{route=\"" + route + "\"} " + std::to_string(h.count) + "\n";
  }
  return out;
}

}  // namespace depeche::server
