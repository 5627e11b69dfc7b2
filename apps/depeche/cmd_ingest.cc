// depeche ingest PATH... : read files, folders and JSONL (stdin with "-") into the store.
#include <unistd.h>

#include <chrono>
#include <cstdio>

#include "cli.h"
#include "core/strings.h"

namespace depeche::cli {
namespace {

struct IngestFlags {
  std::vector<std::string> paths;
  bool json = false;
  bool quiet = false;
};

// A one-line progress bar on stderr, only when stderr is a terminal.
class ProgressBar {
 public:
  explicit ProgressBar(bool enabled) : enabled_(enabled), start_(Clock::now()) {}
  ~ProgressBar() { Finish(); }

  bool Update(const IngestProgress& p) {
    if (!enabled_) return true;
    auto now = Clock::now();
    if (now - last_ < std::chrono::milliseconds(100)) return true;
    last_ = now;
    double secs = std::chrono::duration<double>(now - start_).count();
    double rate = secs > 0 ? static_cast<double>(p.records) / secs : 0.0;
    char line[256];
    if (p.bytes_total > 0) {
      double frac =
          std::min(1.0, static_cast<double>(p.bytes_done) / static_cast<double>(p.bytes_total));
      int filled = static_cast<int>(frac * 30);
      double eta = frac > 0.001 ? secs * (1.0 - frac) / frac : 0.0;
      std::snprintf(line, sizeof line, "\r[%-30s] %3.0f%%  %lld articles  %.0f/s  ETA %.0fs   ",
                    std::string(static_cast<size_t>(filled), '#').c_str(), frac * 100,
                    static_cast<long long>(p.records), rate, eta);
    } else {
      std::snprintf(line, sizeof line, "\r%lld articles  %.0f/s   ",
                    static_cast<long long>(p.records), rate);
    }
    std::fputs(line, stderr);
    shown_ = true;
    return true;
  }

  void Finish() {
    if (shown_) std::fputs("\r\033[K", stderr);
    shown_ = false;
  }

 private:
  using Clock = std::chrono::steady_clock;
  bool enabled_;
  bool shown_ = false;
  Clock::time_point start_;
  Clock::time_point last_{};
};

nlohmann::json ReportJson(const IngestReport& r) {
  nlohmann::json issues = nlohmann::json::array();
  for (const auto& i : r.issues) {
    issues.push_back(
        {{"path", i.path}, {"line", i.line}, {"severity", i.severity}, {"message", i.message}});
  }
  return {{"files", r.files},
          {"records", r.records},
          {"inserted", r.inserted},
          {"duplicate_url", r.duplicate_url},
          {"duplicate_content", r.duplicate_content},
          {"failed", r.failed},
          {"bytes", r.bytes},
          {"seconds", r.seconds},
          {"articles_per_second", r.seconds > 0 ? static_cast<double>(r.records) / r.seconds : 0.0},
          {"inserted_ids", r.inserted_ids},
          {"issues", issues}};
}

void PrintReport(const IngestReport& r) {
  for (const auto& i : r.issues) {
    std::string where = i.path;
    if (i.line > 0) where += ":" + std::to_string(i.line);
    std::fprintf(stderr, "%s: %s: %s\n", where.empty() ? "ingest" : where.c_str(),
                 i.severity.c_str(), i.message.c_str());
  }
  double rate = r.seconds > 0 ? static_cast<double>(r.records) / r.seconds : 0.0;
  std::printf("ingested %lld file(s), %lld record(s), %s in %.2fs (%.0f articles/s)\n",
              static_cast<long long>(r.files), static_cast<long long>(r.records),
              core::HumanBytes(static_cast<double>(r.bytes)).c_str(), r.seconds, rate);
  std::printf(
      "  new: %lld   already stored (same URL): %lld   already stored (same content): %lld"
      "   failed: %lld\n",
      static_cast<long long>(r.inserted), static_cast<long long>(r.duplicate_url),
      static_cast<long long>(r.duplicate_content), static_cast<long long>(r.failed));
}

}  // namespace

void RegisterIngest(CLI::App& app, Context& ctx) {
  auto flags = std::make_shared<IngestFlags>();
  CLI::App* cmd = app.add_subcommand(
      "ingest",
      "Read articles from .txt/.jsonl/.html files, folders (recursive) or - (JSONL on stdin)");
  cmd->add_option("paths", flags->paths, "Files, folders, or - for stdin")->required();
  cmd->add_flag("--json", flags->json, "Print the summary as JSON");
  cmd->add_flag("-q,--quiet", flags->quiet, "No progress bar");
  cmd->callback([flags, &ctx] {
    auto engine = ctx.OpenEngine();
    if (!engine) return;
    bool bar_on = !flags->quiet && !flags->json && isatty(STDERR_FILENO);
    ProgressBar bar(bar_on);
    IngestOptions options;
    options.progress = [&bar](const IngestProgress& p) { return bar.Update(p); };
    auto report = engine->Ingest(flags->paths, options);
    bar.Finish();
    if (!report.ok()) {
      PrintError("ingest failed: " + UserMessage(report.status()));
      ctx.exit_code = kExitFailure;
      return;
    }
    if (flags->json) {
      PrintJson(ReportJson(*report));
    } else {
      PrintReport(*report);
    }
    if (!report->ok()) ctx.exit_code = kExitPartial;
  });
}

}  // namespace depeche::cli
