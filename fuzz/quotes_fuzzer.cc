// libFuzzer target for the quotation extractor: the first byte picks the language (fr or en),
// the rest is the text. Every quotation must lie inside the text: its content, cue, speaker,
// name and partial spans ordered and in bounds, a non-empty content, a pronoun's antecedent an
// index of another quotation. Built as the real fuzzer with clang -DDEPECHE_FUZZ=ON, and in every
// developer build as a replay test over fuzz/corpus/quotes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extract/quotes.h"

namespace {

const depeche::extract::QuoteExtractor& Extractor(size_t which) {
  static const std::unique_ptr<depeche::extract::QuoteExtractor> extractors[2] = {
      [] {
        auto made = depeche::extract::QuoteExtractor::Create(DEPECHE_SOURCE_DIR "/data", "fr");
        if (!made.ok()) std::abort();  // the repository's lexicon must load
        return std::move(made).value();
      }(),
      [] {
        auto made = depeche::extract::QuoteExtractor::Create(DEPECHE_SOURCE_DIR "/data", "en");
        if (!made.ok()) std::abort();
        return std::move(made).value();
      }()};
  return *extractors[which % 2];
}

void CheckSpan(const depeche::extract::ByteSpan& s, size_t size) {
  if (s.begin > s.end || s.end > size) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  const std::vector<depeche::extract::Quote> quotes = Extractor(data[0]).Extract(text);
  for (size_t i = 0; i < quotes.size(); ++i) {
    const depeche::extract::Quote& q = quotes[i];
    if (q.content.empty()) std::abort();
    for (const depeche::extract::ByteSpan& s : q.content) CheckSpan(s, text.size());
    for (const depeche::extract::ByteSpan& s : q.partial) CheckSpan(s, text.size());
    CheckSpan(q.cue, text.size());
    CheckSpan(q.speaker, text.size());
    CheckSpan(q.name, text.size());
    if (q.antecedent < -1 || q.antecedent >= static_cast<int>(quotes.size()) ||
        q.antecedent == static_cast<int>(i)) {
      std::abort();
    }
  }
  return 0;
}

std::vector<std::string> FuzzReplayExtras() {
  std::vector<std::string> inputs;
  // A language byte and a text, joined by append (a `+` of temporaries trips GCC 12's
  // -Wrestrict false positive).
  auto input = [&inputs](char lang, std::string_view text) {
    std::string bytes(1, lang);
    bytes.append(text);
    inputs.push_back(std::move(bytes));
  };
  std::string marks;
  for (int i = 0; i < 5000; ++i) marks += "« \" “ ‹ „ ";  // openings without an end
  input('\x00', marks);
  std::string cues;
  for (int i = 0; i < 2000; ++i) cues += "« Oui », a-t-il dit, « non », a déclaré M. X.\n";
  input('\x00', cues);
  input('\x01', "\"He said\xff\xfe\" said \xc3");  // ill-formed UTF-8
  input('\x01', std::string(40000, '"'));
  return inputs;
}
