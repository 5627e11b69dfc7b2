// libFuzzer target for the HTML extractor: any byte string goes through ExtractHtmlArticle.
// Built as the real fuzzer with clang -DDEPECHE_FUZZ=ON, and in every developer build as a
// replay test over fuzz/corpus/html (see replay_main.cc and README.md).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/html_article.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  depeche::ingest::HtmlExtractOptions options;
  // The first byte, when present, picks a URL so the date-from-URL and site-name paths run too.
  if (size > 0 && (data[0] & 1) != 0) options.url = "https://news.example.org/2024/05/17/story";
  auto article = depeche::ingest::ExtractHtmlArticle(bytes, options);
  if (article.ok()) {
    // Touch the results so the work cannot be optimised away and the spans are readable.
    volatile std::size_t sink = article->text.size() + article->blocks.size();
    for (const auto& block : article->blocks) sink = sink + block.text.size();
    (void)sink;
  }
  return 0;
}
