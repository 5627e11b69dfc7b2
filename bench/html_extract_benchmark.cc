// depeche_bench_html: speed of ingest::ExtractHtmlArticle on the article-extraction-benchmark
// pages (html/*.html.gz, or *.html). Pages are read and gunzipped first, outside the timing;
// then every page is extracted on the calling thread, `--repeat` times, and the fastest pass
// gives pages/s and MB/s (MB = 10^6 bytes of HTML as stored, before charset decoding).
//
//   depeche_bench_html [--data DIR] [--repeat N] [--json]
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/html_article.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Options {
  std::string data_dir = DEPECHE_SHARED_DIR "/data/article-extraction-benchmark";
  int repeat = 5;
  bool json = false;
};

constexpr std::string_view kUsage =
    "usage: depeche_bench_html [--data DIR] [--repeat N] [--json]\n"
    "  --data DIR   folder holding html/*.html.gz (default: " DEPECHE_SHARED_DIR
    "/data/article-extraction-benchmark)\n"
    "  --repeat N   extraction passes over all pages; the fastest is reported (default 5)\n"
    "  --json       print one JSON object instead of a table\n";

bool ParseArgs(int argc, char** argv, Options& options) {
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--json") {
      options.json = true;
    } else if (arg == "--data" && i + 1 < argc) {
      options.data_dir = argv[++i];
    } else if (arg == "--repeat" && i + 1 < argc) {
      char* end = nullptr;
      long repeat = std::strtol(argv[++i], &end, 10);
      if (*end != '\0' || repeat < 1 || repeat > 1000) return false;
      options.repeat = static_cast<int>(repeat);
    } else {
      return false;
    }
  }
  return true;
}

// Reads a plain or gzip file (gzread passes plain bytes through). False on error.
bool ReadMaybeGzip(const fs::path& path, std::string& out) {
  gzFile file = gzopen(path.string().c_str(), "rb");
  if (file == nullptr) return false;
  out.clear();
  char buffer[1 << 16];
  int n = 0;
  while ((n = gzread(file, buffer, sizeof(buffer))) > 0) out.append(buffer, n);
  bool ok = n == 0;
  gzclose(file);
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (!ParseArgs(argc, argv, options)) {
    std::fputs(kUsage.data(), stderr);
    return 2;
  }
  fs::path html_dir = fs::path(options.data_dir) / "html";
  std::vector<fs::path> paths;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(html_dir, ec)) {
    std::string name = entry.path().filename().string();
    if (name.ends_with(".html.gz") || name.ends_with(".html")) paths.push_back(entry.path());
  }
  if (ec || paths.empty()) {
    std::fprintf(stderr, "no html/*.html[.gz] pages in %s\n", options.data_dir.c_str());
    return 1;
  }
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> pages(paths.size());
  std::size_t total_bytes = 0;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    if (!ReadMaybeGzip(paths[i], pages[i])) {
      std::fprintf(stderr, "cannot read %s\n", paths[i].string().c_str());
      return 1;
    }
    total_bytes += pages[i].size();
  }

  double best_seconds = 0;
  double best_cpu_seconds = 0;  // least CPU time of a pass: steadier than wall on a busy machine
  std::size_t failures = 0;
  std::size_t text_bytes = 0;
  for (int pass = 0; pass < options.repeat; ++pass) {
    failures = 0;
    text_bytes = 0;
    Clock::time_point start = Clock::now();
    std::clock_t cpu_start = std::clock();
    for (const std::string& page : pages) {
      auto article = depeche::ingest::ExtractHtmlArticle(page, {});
      if (article.ok()) {
        text_bytes += article->text.size();
      } else {
        ++failures;
      }
    }
    double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    double cpu_seconds = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
    if (pass == 0 || seconds < best_seconds) best_seconds = seconds;
    if (pass == 0 || cpu_seconds < best_cpu_seconds) best_cpu_seconds = cpu_seconds;
  }
  double pages_per_s = static_cast<double>(pages.size()) / best_seconds;
  double mb_per_s = static_cast<double>(total_bytes) / 1e6 / best_seconds;
  double pages_per_cpu_s = static_cast<double>(pages.size()) / best_cpu_seconds;
  if (options.json) {
    std::printf(
        "{\"pages\": %zu, \"html_bytes\": %zu, \"text_bytes\": %zu, \"failures\": %zu, "
        "\"repeat\": %d, \"best_seconds\": %.6f, \"best_cpu_seconds\": %.6f, "
        "\"pages_per_s\": %.1f, \"mb_per_s\": %.2f, \"pages_per_cpu_s\": %.1f}\n",
        pages.size(), total_bytes, text_bytes, failures, options.repeat, best_seconds,
        best_cpu_seconds, pages_per_s, mb_per_s, pages_per_cpu_s);
  } else {
    std::printf("HTML extraction (ExtractHtmlArticle, 1 thread, best of %d passes)\n",
                options.repeat);
    std::printf("  pages         %zu (%zu failed)\n", pages.size(), failures);
    std::printf("  HTML          %.2f MB -> %.2f MB of body text\n", total_bytes / 1e6,
                text_bytes / 1e6);
    std::printf("  time          %.3f s\n", best_seconds);
    std::printf("  pages/s       %.1f\n", pages_per_s);
    std::printf("  MB/s          %.2f\n", mb_per_s);
    std::printf("  pages/CPU-s   %.1f (CPU %.3f s)\n", pages_per_cpu_s, best_cpu_seconds);
  }
  return failures == 0 ? 0 : 1;
}
