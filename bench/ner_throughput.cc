// depeche_bench_ner: NER tagging throughput on Reuters-21578, the unit of the speed
// target (articles per CPU second). Reads the corpus with eval::ReadReutersCorpus, loads a
// model, then times NerTagger::Tag(title, body, "en") on every article on one thread: words
// (sentences, ICU tokens), features, Viterbi and the calendar filter, i.e. all the tagger
// does on the analysis workers. CPU time is the process's user + system time.
//
//   depeche_bench_ner [--model PATH] [--data DIR] [--limit N] [--repeat N]

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"
#include "eval/reuters_reader.h"
#include "extract/ner_gazetteer.h"
#include "extract/ner_tagger.h"

int main(int argc, char** argv) {
  std::string model = DEPECHE_NER_MODEL_DIR "/ner-en.model";
  std::string data = DEPECHE_SHARED_DIR "/data/reuters21578";
  long limit = 0;
  int repeat = 3;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string_view flag = argv[i];
    if (flag == "--model") {
      model = argv[i + 1];
    } else if (flag == "--data") {
      data = argv[i + 1];
    } else if (flag == "--limit") {
      limit = std::atol(argv[i + 1]);
    } else if (flag == "--repeat") {
      repeat = std::max(1, std::atoi(argv[i + 1]));
    } else {
      std::fprintf(stderr, "usage: %s [--model PATH] [--data DIR] [--limit N] [--repeat N]\n",
                   argv[0]);
      return 2;
    }
  }
  // A model trained with the gazetteer features tags with them (the data/ gazetteers; the
  // loading is not timed).
  std::unique_ptr<depeche::extract::GazetteerNerHook> hook;
  if (auto header = depeche::extract::NerModel::Load(model);
      header.ok() && header->Get("gazetteer") == depeche::extract::GazetteerNerHook::kName) {
    auto gazetteer = depeche::extract::Gazetteer::Load(DEPECHE_SOURCE_DIR "/data");
    if (!gazetteer.ok()) {
      std::fprintf(stderr, "depeche_bench_ner: %s\n", gazetteer.status().ToString().c_str());
      return 1;
    }
    hook = std::make_unique<depeche::extract::GazetteerNerHook>(*gazetteer, header->Get("lang"));
  }
  auto tagger = depeche::extract::NerTagger::Load(model, {.gazetteer = hook.get()});
  if (!tagger.ok()) {
    std::fprintf(stderr, "depeche_bench_ner: %s\n", tagger.status().ToString().c_str());
    return 1;
  }
  auto articles = depeche::eval::ReadReutersCorpus(data);
  if (!articles.ok()) {
    std::fprintf(stderr, "depeche_bench_ner: %s\n", articles.status().ToString().c_str());
    return 1;
  }
  if (limit > 0 && static_cast<size_t>(limit) < articles->size()) articles->resize(limit);
  size_t bytes = 0;
  for (const auto& a : *articles) bytes += a.title.size() + a.body.size();
  double best = 0;
  size_t mentions = 0;
  for (int r = 0; r < repeat; ++r) {
    mentions = 0;
    const double start = depeche::core::ProcessCpuSeconds();
    for (const auto& a : *articles) mentions += tagger->Tag(a.title, a.body, "en").size();
    const double seconds = depeche::core::ProcessCpuSeconds() - start;
    if (r == 0 || seconds < best) best = seconds;
  }
  std::printf(
      "{\"articles\": %zu, \"bytes\": %zu, \"mentions\": %zu, \"cpu_seconds\": %.3f, "
      "\"articles_per_cpu_second\": %.0f, \"mb_per_cpu_second\": %.2f}\n",
      articles->size(), bytes, mentions, best, best > 0 ? articles->size() / best : 0.0,
      best > 0 ? bytes / best / 1e6 : 0.0);
  return 0;
}
