// libFuzzer target for the HTML extractor: any byte string goes through ExtractHtmlArticle.
// Built as the real fuzzer with clang -DDEPECHE_FUZZ=ON, and in every developer build as a
// replay test over fuzz/corpus/html (see replay_main.cc and README.md).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

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

std::vector<std::string> FuzzReplayExtras() {
  std::vector<std::string> pages;
  std::string nested;
  for (int i = 0; i < 100000; ++i) nested += "<div>";
  nested += "<p>deep</p>";
  pages.push_back(nested);
  pages.push_back("<html><body><p>" + std::string(20u << 20, 'x') + "</p></body></html>");
  pages.push_back("<p>open <b><i>cross</b></i> <p <p>> </ </p <!-- <script>");
  pages.push_back("<html><script>var s = '</p><p>not text';</script><p>text</p></html>");
  pages.push_back(std::string("<meta charset=\"windows-1252\"><p>caf\xe9 \x80\x9d</p>"));
  pages.push_back(std::string("\xef\xbb\xbf<p>\xff\xfe\xc3</p>", 12));
  return pages;
}
