// libFuzzer target for the figure extractor: the first byte picks the language (fr or en), the
// rest is the text. Every figure must lie inside the text with its number inside it, a finite
// value, a range's high end finite, its sentence in bounds, and the figures in text order.
// Built as the real fuzzer with clang -DDEPECHE_FUZZ=ON, and in every developer build as a replay
// test over fuzz/corpus/figures.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extract/figures.h"

namespace {

const depeche::extract::FigureExtractor& Extractor() {
  static const std::unique_ptr<depeche::extract::FigureExtractor> extractor = [] {
    auto made = depeche::extract::FigureExtractor::Create(DEPECHE_SOURCE_DIR "/data");
    if (!made.ok()) std::abort();  // the repository's word lists must load
    return std::move(made).value();
  }();
  return *extractor;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const std::string_view lang = (data[0] & 1) == 0 ? "fr" : "en";
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  const std::vector<depeche::extract::Figure> figures = Extractor().Extract(text, lang);
  uint32_t previous = 0;
  for (const depeche::extract::Figure& f : figures) {
    if (f.span.begin > f.span.end || f.span.end > text.size()) std::abort();
    if (f.number.begin < f.span.begin || f.number.end > f.span.end) std::abort();
    if (f.sentence.begin > f.sentence.end || f.sentence.end > text.size()) std::abort();
    if (!std::isfinite(f.value) || (f.high && !std::isfinite(*f.high))) std::abort();
    if (f.span.begin < previous) std::abort();  // text order
    previous = f.span.begin;
  }
  return 0;
}

std::vector<std::string> FuzzReplayExtras() {
  std::vector<std::string> inputs;
  auto input = [&inputs](char lang, std::string_view text) {
    std::string bytes(1, lang);
    bytes.append(text);
    inputs.push_back(std::move(bytes));
  };
  input('\x01', std::string(50000, '9'));  // one huge number
  std::string groups;
  for (int i = 0; i < 5000; ++i) groups += "1 000 ";  // thousands separators without end
  input('\x00', groups);
  std::string words;
  for (int i = 0; i < 2000; ++i) words += "mille millions de milliards ";
  input('\x00', words);
  input('\x01', "$\xff\xfe 3.2%\xc3 between and");  // ill-formed UTF-8
  return inputs;
}
