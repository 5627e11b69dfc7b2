// Google Benchmark micro-benchmarks for the text layer (src/text), on two inputs:
//  - "fr": the French seed articles (DEPECHE_SHARED_DIR/seeds/*.txt, ~30 KB),
//  - "en": the first 500 Reuters-21578 stories (what depeche_bench_ingest feeds the engine).
// Throughput is reported in bytes/s of input text and, where it means something, items/s
// (words for stemming, documents for language ID).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "eval/reuters_reader.h"
#include "text/langid.h"
#include "text/normalize.h"
#include "text/sentences.h"
#include "text/stemmer.h"
#include "text/tokenize.h"

namespace depeche::text {
namespace {

struct Corpus {
  std::vector<std::string> documents;
  std::string joined;  // documents separated by blank lines
};

Corpus LoadSeeds() {
  Corpus corpus;
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(DEPECHE_SHARED_DIR "/seeds", ec), end;
       !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".txt") files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  for (const std::filesystem::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    corpus.documents.push_back(text.str());
  }
  return corpus;
}

Corpus LoadReuters() {
  Corpus corpus;
  Result<std::vector<eval::ReutersArticle>> articles =
      eval::ReadReutersCorpus(DEPECHE_SHARED_DIR "/data/reuters21578");
  if (!articles.ok()) return corpus;
  for (const eval::ReutersArticle& article : *articles) {
    if (article.body.empty()) continue;
    corpus.documents.push_back(article.body);
    if (corpus.documents.size() == 500) break;
  }
  return corpus;
}

const Corpus& Get(const std::string& lang) {
  static const Corpus* const kFr = [] {
    auto* corpus = new Corpus(LoadSeeds());
    for (const std::string& doc : corpus->documents) corpus->joined += doc + "\n\n";
    return corpus;
  }();
  static const Corpus* const kEn = [] {
    auto* corpus = new Corpus(LoadReuters());
    for (const std::string& doc : corpus->documents) corpus->joined += doc + "\n\n";
    return corpus;
  }();
  return lang == "fr" ? *kFr : *kEn;
}

std::string LangOf(const benchmark::State& state) { return state.range(0) == 0 ? "fr" : "en"; }

bool Loaded(benchmark::State& state, const Corpus& corpus) {
  if (corpus.joined.empty()) {
    state.SkipWithError("corpus not found under DEPECHE_SHARED_DIR");
    return false;
  }
  return true;
}

void BM_Nfc(benchmark::State& state) {
  const Corpus& corpus = Get(LangOf(state));
  if (!Loaded(state, corpus)) return;
  for (auto _ : state) benchmark::DoNotOptimize(Nfc(corpus.joined));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(corpus.joined.size()));
}

void BM_Fold(benchmark::State& state) {
  const Corpus& corpus = Get(LangOf(state));
  if (!Loaded(state, corpus)) return;
  for (auto _ : state) benchmark::DoNotOptimize(Fold(corpus.joined));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(corpus.joined.size()));
}

void BM_Lower(benchmark::State& state) {
  const Corpus& corpus = Get(LangOf(state));
  if (!Loaded(state, corpus)) return;
  for (auto _ : state) benchmark::DoNotOptimize(Lower(corpus.joined));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(corpus.joined.size()));
}

void BM_Tokenize(benchmark::State& state) {
  std::string lang = LangOf(state);
  const Corpus& corpus = Get(lang);
  if (!Loaded(state, corpus)) return;
  size_t tokens = 0;
  for (auto _ : state) {
    std::vector<Token> result = Tokenize(corpus.joined, lang);
    tokens = result.size();
    benchmark::DoNotOptimize(result);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(corpus.joined.size()));
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(tokens));
}

void BM_SplitSentences(benchmark::State& state) {
  std::string lang = LangOf(state);
  const Corpus& corpus = Get(lang);
  if (!Loaded(state, corpus)) return;
  for (auto _ : state) {
    // Per document, as the engine calls it.
    for (const std::string& doc : corpus.documents) {
      benchmark::DoNotOptimize(SplitSentences(doc, lang));
    }
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(corpus.joined.size()));
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(corpus.documents.size()));
}

// Stemming of every word token, lowercased beforehand (outside the timed loop).
void BM_Stem(benchmark::State& state) {
  std::string lang = LangOf(state);
  const Corpus& corpus = Get(lang);
  if (!Loaded(state, corpus)) return;
  Result<std::unique_ptr<Stemmer>> stemmer = Stemmer::Create(lang);
  if (!stemmer.ok()) {
    state.SkipWithError(stemmer.status().ToString().c_str());
    return;
  }
  std::vector<std::string> words;
  int64_t bytes = 0;
  for (const Token& token : Tokenize(corpus.joined, lang)) {
    if (token.kind != TokenKind::kWord) continue;
    words.push_back(
        Lower(corpus.joined.substr(token.span.begin, token.span.end - token.span.begin)));
    bytes += static_cast<int64_t>(words.back().size());
  }
  for (auto _ : state) {
    for (const std::string& word : words) benchmark::DoNotOptimize((*stemmer)->Stem(word));
  }
  state.SetBytesProcessed(state.iterations() * bytes);
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(words.size()));
}

// Language ID per document; range(1) selects the input: 0 whole documents, 1 their first
// 80 bytes (title-sized, where fastText takes over from CLD2).
void BM_LanguageId(benchmark::State& state) {
  const Corpus& corpus = Get(LangOf(state));
  if (!Loaded(state, corpus)) return;
  static const std::unique_ptr<LanguageIdentifier> identifier = [] {
    LangIdOptions options;
    options.fasttext_model = DEPECHE_LID_MODEL;
    Result<std::unique_ptr<LanguageIdentifier>> created = LanguageIdentifier::Create(options);
    return created.ok() ? std::move(created).value() : nullptr;
  }();
  if (identifier == nullptr) {
    state.SkipWithError("LanguageIdentifier::Create failed");
    return;
  }
  bool short_text = state.range(1) == 1;
  std::vector<std::string_view> inputs;
  int64_t bytes = 0;
  for (const std::string& doc : corpus.documents) {
    std::string_view input = doc;
    if (short_text && input.size() > 80) {
      size_t cut = 80;
      while (cut > 0 && (static_cast<unsigned char>(input[cut]) & 0xC0) == 0x80) --cut;
      input = input.substr(0, cut);  // at a character boundary
    }
    inputs.push_back(input);
    bytes += static_cast<int64_t>(input.size());
  }
  for (auto _ : state) {
    for (std::string_view input : inputs) benchmark::DoNotOptimize(identifier->Identify(input));
  }
  state.SetBytesProcessed(state.iterations() * bytes);
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(inputs.size()));
  state.counters["fasttext"] = identifier->has_fasttext() ? 1 : 0;
}

// range(0): 0 = French seeds, 1 = English Reuters stories.
BENCHMARK(BM_Nfc)->Arg(0)->Arg(1);
BENCHMARK(BM_Fold)->Arg(0)->Arg(1);
BENCHMARK(BM_Lower)->Arg(0)->Arg(1);
BENCHMARK(BM_Tokenize)->Arg(0)->Arg(1);
BENCHMARK(BM_SplitSentences)->Arg(0)->Arg(1);
BENCHMARK(BM_Stem)->Arg(0)->Arg(1);
BENCHMARK(BM_LanguageId)->Args({0, 0})->Args({0, 1})->Args({1, 0})->Args({1, 1});

}  // namespace
}  // namespace depeche::text

BENCHMARK_MAIN();
