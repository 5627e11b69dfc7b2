// depeche ingest PATH... : read files, folders and JSONL (stdin with "-") into the store.
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>

#include "cli.h"
#include "core/strings.h"
#include "ingest/input_files.h"

namespace depeche::cli {
namespace {

// The signal that asked ingest to stop (SIGINT/SIGTERM), 0 while none did. A lock-free atomic
// is all a handler may touch.
std::atomic<int> g_stop_signal{0};
static_assert(std::atomic<int>::is_always_lock_free);

extern "C" void OnStopSignal(int sig) { g_stop_signal.store(sig); }

// While alive, SIGINT and SIGTERM make the engine stop at the next record and commit what it
// analysed instead of killing the process. SA_RESETHAND: a second Ctrl-C kills at once.
// No SA_RESTART: a read blocked on a pipe returns EINTR so that stdin ingest stops too.
class StopSignals {
 public:
  StopSignals() {
    g_stop_signal.store(0);
    struct sigaction action {};
    action.sa_handler = &OnStopSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND;
    sigaction(SIGINT, &action, &old_int_);
    sigaction(SIGTERM, &action, &old_term_);
  }
  ~StopSignals() {
    sigaction(SIGINT, &old_int_, nullptr);
    sigaction(SIGTERM, &old_term_, nullptr);
  }
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

 private:
  struct sigaction old_int_ {};
  struct sigaction old_term_ {};
};

struct IngestFlags {
  std::vector<std::string> paths;
  bool json = false;
  bool quiet = false;
  bool no_entities = false;
  int threads = 0;
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
    issues.push_back({{"path", OrNull(i.path)},
                      {"line", i.line > 0 ? nlohmann::json(i.line) : nlohmann::json(nullptr)},
                      {"severity", i.severity},
                      {"message", i.message}});
  }
  return {{"files", r.files},
          {"records", r.records},
          {"inserted", r.inserted},
          {"copies", r.copies},
          {"already_stored", r.already_stored},
          {"failed", r.failed},
          {"skipped", r.skipped},
          {"cancelled", r.cancelled},
          {"bytes", r.bytes},
          {"seconds", r.seconds},
          {"articles_per_second", r.seconds > 0 ? static_cast<double>(r.records) / r.seconds : 0.0},
          {"inserted_ids", r.inserted_ids},
          {"entities", r.entities},
          {"ner_languages", r.ner_languages},
          {"issues", issues}};
}

void PrintReport(const IngestReport& r) {
  for (const auto& i : r.issues) {
    // Names and messages come from the input: escaped, a newline in a file name cannot forge
    // another "path: error:" line and escape sequences do not reach the terminal.
    std::string where = ingest::EscapeForDisplay(i.path);
    if (i.line > 0) where += ":" + std::to_string(i.line);
    std::fprintf(stderr, "%s: %s: %s\n", where.empty() ? "ingest" : where.c_str(),
                 i.severity.c_str(), ingest::EscapeForDisplay(i.message).c_str());
  }
  double rate = r.seconds > 0 ? static_cast<double>(r.records) / r.seconds : 0.0;
  std::printf("ingested %lld file(s), %lld record(s), %s in %.2fs (%.0f articles/s)\n",
              static_cast<long long>(r.files), static_cast<long long>(r.records),
              core::HumanBytes(static_cast<double>(r.bytes)).c_str(), r.seconds, rate);
  std::printf(
      "  new: %lld (of which copies of a stored text: %lld)   already stored: %lld"
      "   failed: %lld\n",
      static_cast<long long>(r.inserted), static_cast<long long>(r.copies),
      static_cast<long long>(r.already_stored), static_cast<long long>(r.failed));
  if (r.skipped > 0) {
    std::printf("  skipped (not a type ingest reads): %lld file(s)\n",
                static_cast<long long>(r.skipped));
  }
  if (r.cancelled) std::printf("  cancelled: what was read before is stored\n");
  if (!r.entities) {
    if (!r.entities_note.empty()) std::printf("  %s\n", r.entities_note.c_str());
  } else if (r.ner_languages.empty()) {
    std::printf("  entities: gazetteers alone (no NER model found)\n");
  } else {
    std::string langs;
    for (const std::string& l : r.ner_languages) langs += (langs.empty() ? "" : ", ") + l;
    std::printf("  entities: NER models for %s; gazetteers alone for other languages\n",
                langs.c_str());
  }
}

}  // namespace

void RegisterIngest(CLI::App& app, Context& ctx) {
  auto flags = std::make_shared<IngestFlags>();
  CLI::App* cmd = app.add_subcommand(
      "ingest",
      "Read articles from .txt/.jsonl/.html/.sgm files (also .gz), folders (recursive) or - "
      "(JSONL on stdin). Exit status: 0 all read, 1 some input failed, 3 the store failed, "
      "130/143 stopped by SIGINT/SIGTERM (what was read is stored)");
  cmd->add_option("paths", flags->paths, "Files, folders, or - for stdin")->required();
  cmd->add_flag("--json", flags->json, "Print the summary as JSON");
  cmd->add_flag("-q,--quiet", flags->quiet, "No progress bar");
  cmd->add_flag("--no-entities", flags->no_entities,
                "Do not extract entities (faster; the articles stored now will have none)");
  cmd->add_option("--threads", flags->threads,
                  "Analysis threads beside the one writer (0: one per core, at most 8; 1: "
                  "all on one thread). The articles and stories stored are the same whatever "
                  "the number")
      ->default_val(0)
      ->check(CLI::Range(0, 256));
  cmd->callback([flags, &ctx] {
    auto engine = ctx.OpenEngine();
    if (!engine) return;
    bool bar_on = !flags->quiet && !flags->json && isatty(STDERR_FILENO);
    ProgressBar bar(bar_on);
    IngestOptions options;
    options.entities = !flags->no_entities;
    options.threads = flags->threads;
    options.progress = [&bar](const IngestProgress& p) {
      return g_stop_signal.load() == 0 && bar.Update(p);
    };
    StopSignals stop_signals;
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
    if (report->cancelled && g_stop_signal.load() != 0) ctx.exit_code = 128 + g_stop_signal.load();
  });
}

}  // namespace depeche::cli
