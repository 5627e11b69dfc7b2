// Request counters and latency histograms of the HTTP server, written as Prometheus text
// (docs/HTTP_API.md, GET /metrics). Thread-safe: every method may be called from any thread.
#ifndef DEPECHE_SERVER_METRICS_H_
#define DEPECHE_SERVER_METRICS_H_

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace depeche::server {

class Metrics {
 public:
  // One request answered: its route (the route table's name, "unmatched" for none), HTTP
  // status and time in seconds.
  void Record(const std::string& route, int status, double seconds);
  // The counters as Prometheus text: depeche_http_requests_total{route,status} and the
  // histogram depeche_http_request_duration_seconds{route}.
  std::string Text() const;

 private:
  struct Histogram {
    std::vector<int64_t> buckets;  // cumulative counts per bound, as Prometheus writes them
    int64_t count = 0;
    double sum = 0.0;
  };
  mutable std::mutex mu_;
  std::map<std::pair<std::string, int>, int64_t> requests_;
  std::map<std::string, Histogram> latency_;
};

}  // namespace depeche::server

#endif  // DEPECHE_SERVER_METRICS_H_
