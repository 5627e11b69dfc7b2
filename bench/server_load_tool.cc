// depeche_bench_server_load: the helpers of bench/server_load.sh (the HTTP load benchmark).
//
//   depeche_bench_server_load prepare --db FILE --holdout FILE [--data DIR] [--holdout-count N]
//       Reads Reuters-21578, writes its last N records (default 3000) as JSONL to the holdout
//       file (what the writer posts) and ingests the others into a new database FILE through
//       Engine::IngestJsonl, as `depeche ingest` does.
//
//   depeche_bench_server_load writer --port P --jsonl FILE [--host H] [--rate R] [--batch B]
//                                    [--seconds S]
//       POSTs the JSONL lines to /api/articles, B lines per request (default 10), at R articles
//       per second (default 100) on a fixed schedule (request k is due at k*B/R seconds; a late
//       request goes at once, so the rate catches up when it can), for S seconds (default 20)
//       or until SIGTERM/SIGINT or the lines run out. Prints one JSON object: articles posted
//       and inserted, the achieved rate, late requests, errors (transport failures, non-200
//       answers, per-item failures) and the POST latency percentiles.
#include <httplib.h>
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "depeche/config.h"
#include "depeche/engine.h"
#include "eval/reuters_reader.h"

namespace {

using Clock = std::chrono::steady_clock;

std::atomic<bool> g_stop{false};
void OnSignal(int) { g_stop = true; }

constexpr std::string_view kUsage =
    "usage: depeche_bench_server_load prepare --db FILE --holdout FILE [--data DIR]\n"
    "                                         [--holdout-count N]\n"
    "       depeche_bench_server_load writer --port P --jsonl FILE [--host H] [--rate R]\n"
    "                                        [--batch B] [--seconds S]\n";

int Usage() {
  std::fputs(kUsage.data(), stderr);
  return 2;
}

int Fail(const std::string& message) {
  std::fprintf(stderr, "depeche_bench_server_load: %s\n", message.c_str());
  return 1;
}

// The flags after the subcommand as name -> value (every flag takes a value); false when one
// lacks its value or is not in `known`.
bool ParseFlags(int argc, char** argv, const std::vector<std::string>& known,
                std::vector<std::pair<std::string, std::string>>& out) {
  for (int i = 2; i < argc; i += 2) {
    const std::string flag = argv[i];
    if (i + 1 >= argc || std::find(known.begin(), known.end(), flag) == known.end()) return false;
    out.emplace_back(flag, argv[i + 1]);
  }
  return true;
}

std::string Flag(const std::vector<std::pair<std::string, std::string>>& flags,
                 const std::string& name, const std::string& fallback) {
  for (const auto& [flag, value] : flags) {
    if (flag == name) return value;
  }
  return fallback;
}

int Prepare(const std::vector<std::pair<std::string, std::string>>& flags) {
  const std::string data = Flag(flags, "--data", DEPECHE_SHARED_DIR "/data/reuters21578");
  const std::string db = Flag(flags, "--db", "");
  const std::string holdout_path = Flag(flags, "--holdout", "");
  const long holdout_count = std::atol(Flag(flags, "--holdout-count", "3000").c_str());
  if (db.empty() || holdout_path.empty() || holdout_count < 0) return Usage();
  std::error_code ec;
  if (std::filesystem::exists(db, ec)) return Fail(db + " exists: prepare makes a new database");

  auto corpus = depeche::eval::ReadReutersCorpus(data);
  if (!corpus.ok()) return Fail(corpus.status().ToString());
  std::vector<std::string> lines;
  for (const auto& article : *corpus) {
    // One UNPROC record holds nothing but control characters: nothing to ingest.
    if (article.body.empty() && article.title.empty() && article.dateline.empty()) continue;
    lines.push_back(depeche::eval::ToJsonl(article));
  }
  const size_t keep = lines.size() > static_cast<size_t>(holdout_count)
                          ? lines.size() - static_cast<size_t>(holdout_count)
                          : 0;
  std::ofstream holdout(holdout_path, std::ios::binary | std::ios::trunc);
  for (size_t i = keep; i < lines.size(); ++i) holdout << lines[i] << '\n';
  holdout.close();
  if (!holdout) return Fail("cannot write " + holdout_path);

  std::string jsonl;
  for (size_t i = 0; i < keep; ++i) {
    jsonl += lines[i];
    jsonl += '\n';
  }
  depeche::EngineConfig config;
  config.db_path = db;
  config.ingest_threads = 2;
  auto engine = depeche::Engine::Open(config);
  if (!engine.ok()) return Fail(engine.status().ToString());
  const Clock::time_point t0 = Clock::now();
  auto report = (*engine)->IngestJsonl("reuters21578.jsonl", jsonl, depeche::IngestOptions{});
  if (!report.ok()) return Fail(report.status().ToString());
  const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  std::fprintf(stderr, "prepare: %zu records in %s (%lld inserted) in %.1f s; %zu held out in %s\n",
               keep, db.c_str(), static_cast<long long>(report->inserted_ids.size()), seconds,
               lines.size() - keep, holdout_path.c_str());
  return 0;
}

double Percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0.0;
  std::sort(values.begin(), values.end());
  const size_t i = static_cast<size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
  return values[std::min(i, values.size() - 1)];
}

int Writer(const std::vector<std::pair<std::string, std::string>>& flags) {
  const std::string host = Flag(flags, "--host", "127.0.0.1");
  const int port = std::atoi(Flag(flags, "--port", "0").c_str());
  const std::string jsonl_path = Flag(flags, "--jsonl", "");
  const double rate = std::atof(Flag(flags, "--rate", "100").c_str());
  const int batch = std::atoi(Flag(flags, "--batch", "10").c_str());
  const double seconds = std::atof(Flag(flags, "--seconds", "20").c_str());
  if (port <= 0 || jsonl_path.empty() || rate <= 0 || batch < 1 || seconds <= 0) return Usage();

  std::ifstream in(jsonl_path, std::ios::binary);
  if (!in) return Fail("cannot read " + jsonl_path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(std::move(line));
  }

  std::signal(SIGTERM, OnSignal);
  std::signal(SIGINT, OnSignal);
  httplib::Client client(host, port);
  client.set_tcp_nodelay(true);
  client.set_keep_alive(true);
  client.set_read_timeout(30, 0);

  const auto interval = std::chrono::duration<double>(batch / rate);
  const Clock::time_point t0 = Clock::now();
  const Clock::time_point end =
      t0 + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  size_t next = 0;
  int64_t requests = 0, posted = 0, inserted = 0, already = 0, item_failures = 0;
  int64_t transport_errors = 0, http_errors = 0, late = 0;
  std::vector<double> latencies_ms;
  std::string first_error;
  bool ran_out = false;
  for (int64_t k = 0; !g_stop; ++k) {
    const Clock::time_point due =
        t0 + std::chrono::duration_cast<Clock::duration>(interval * static_cast<double>(k));
    if (due >= end) break;
    if (Clock::now() > due + std::chrono::milliseconds(5)) {
      ++late;
    } else {
      std::this_thread::sleep_until(due);
    }
    if (g_stop) break;
    if (next >= lines.size()) {
      ran_out = true;
      break;
    }
    std::string body;
    const size_t to = std::min(lines.size(), next + static_cast<size_t>(batch));
    for (size_t i = next; i < to; ++i) body += lines[i] + "\n";
    const int64_t count = static_cast<int64_t>(to - next);
    next = to;
    const Clock::time_point sent = Clock::now();
    auto r = client.Post("/api/articles", body, "application/x-ndjson");
    latencies_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - sent).count());
    ++requests;
    if (!r) {
      ++transport_errors;
      if (first_error.empty()) first_error = httplib::to_string(r.error());
      continue;
    }
    if (r->status != 200) {
      ++http_errors;
      if (first_error.empty()) first_error = std::to_string(r->status) + " " + r->body;
      continue;
    }
    auto j = nlohmann::json::parse(r->body, nullptr, false);
    if (!j.is_object()) {
      ++http_errors;
      if (first_error.empty()) first_error = "not a JSON object: " + r->body;
      continue;
    }
    posted += count;
    inserted += static_cast<int64_t>(j.value("inserted", nlohmann::json::array()).size());
    already += j.value("already_stored", int64_t{0});
    item_failures += j.value("failed", int64_t{0});
  }
  const double elapsed = std::chrono::duration<double>(Clock::now() - t0).count();
  nlohmann::json out = {
      {"target_rate", rate},
      {"batch", batch},
      {"seconds", elapsed},
      {"requests", requests},
      {"articles_posted", posted},
      {"articles_inserted", inserted},
      {"already_stored", already},
      {"rate_achieved", elapsed > 0 ? static_cast<double>(posted) / elapsed : 0.0},
      {"late_requests", late},
      {"transport_errors", transport_errors},
      {"http_errors", http_errors},
      {"item_failures", item_failures},
      {"errors", transport_errors + http_errors + item_failures},
      {"ran_out_of_articles", ran_out},
      {"post_ms_p50", Percentile(latencies_ms, 0.50)},
      {"post_ms_p99", Percentile(latencies_ms, 0.99)},
      {"post_ms_max", Percentile(latencies_ms, 1.0)},
  };
  if (!first_error.empty()) out["first_error"] = first_error.substr(0, 300);
  std::printf("%s\n", out.dump().c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return Usage();
  const std::string command = argv[1];
  std::vector<std::pair<std::string, std::string>> flags;
  if (command == "prepare") {
    if (!ParseFlags(argc, argv, {"--data", "--db", "--holdout", "--holdout-count"}, flags)) {
      return Usage();
    }
    return Prepare(flags);
  }
  if (command == "writer") {
    if (!ParseFlags(argc, argv, {"--host", "--port", "--jsonl", "--rate", "--batch", "--seconds"},
                    flags)) {
      return Usage();
    }
    return Writer(flags);
  }
  return Usage();
}
