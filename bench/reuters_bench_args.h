// The command line of the benchmarks that time one extractor over Reuters-21578
// (depeche_bench_timex, depeche_bench_quotes_figures): [--data DIR] [--limit N] [--repeat N].
#ifndef DEPECHE_BENCH_REUTERS_BENCH_ARGS_H_
#define DEPECHE_BENCH_REUTERS_BENCH_ARGS_H_

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace depeche::bench {

struct ReutersBenchArgs {
  std::string data = DEPECHE_SHARED_DIR "/data/reuters21578";
  long limit = 0;  // the first N articles; 0: all
  int repeat = 3;  // passes; the fastest is reported
};

// False (with the usage on stderr) for an unknown flag or a flag without its value.
inline bool ParseReutersBenchArgs(int argc, char** argv, ReutersBenchArgs& args) {
  bool ok = argc % 2 == 1;
  for (int i = 1; ok && i + 1 < argc; i += 2) {
    const std::string_view flag = argv[i];
    if (flag == "--data") {
      args.data = argv[i + 1];
    } else if (flag == "--limit") {
      args.limit = std::atol(argv[i + 1]);
    } else if (flag == "--repeat") {
      args.repeat = std::max(1, std::atoi(argv[i + 1]));
    } else {
      ok = false;
    }
  }
  if (!ok) std::fprintf(stderr, "usage: %s [--data DIR] [--limit N] [--repeat N]\n", argv[0]);
  return ok;
}

}  // namespace depeche::bench

#endif  // DEPECHE_BENCH_REUTERS_BENCH_ARGS_H_
