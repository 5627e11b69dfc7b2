// Page sets with gold extraction data, read into one shape for the extraction scorer
// (extract_eval.h). Three public layouts are understood:
//  - "zyte": the article-extraction benchmark (scrapinghub/article-extraction-benchmark):
//    `html/<id>.html[.gz]` and `ground-truth.json` {id: {"articleBody", "url"?,
//    "datePublished"?}}.
//  - "readability": Mozilla Readability's test pages (mozilla/readability, test/test-pages):
//    one folder per page holding `source.html`, `expected.html` (the gold body as HTML) and
//    `expected-metadata.json` ({"title", "excerpt", "publishedTime", ...}).
//  - "trafilatura": trafilatura's evaluation set (adbar/trafilatura, tests/): `evaldata.json`
//    {url: {"file", "with": [phrases], "without": [phrases], "date"?}} and the pages under
//    `eval/` or `cache/`. Its gold is phrases that must and must not appear, not a full text.
#ifndef DEPECHE_EVAL_EXTRACT_DATASETS_H_
#define DEPECHE_EVAL_EXTRACT_DATASETS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "depeche/status.h"

namespace depeche::eval {

enum class ExtractFormat { kZyte, kReadability, kTrafilatura };

// "zyte" (also "benchmark"), "readability" or "trafilatura"; InvalidArgument otherwise.
Result<ExtractFormat> ParseExtractFormat(std::string_view name);
const char* ExtractFormatName(ExtractFormat format);

// One page and its gold data. The page bytes stay on disk until scored (sets run to 150 MB).
struct ExtractCase {
  std::string id;         // file or folder name without extension
  std::string url;        // from the gold data, may be empty
  std::string html_path;  // the page (.html or .html.gz)
  bool has_gold_text = false;
  std::string gold_text;             // the whole gold body (zyte, readability)
  std::vector<std::string> with;     // phrases the body must hold (trafilatura)
  std::vector<std::string> without;  // phrases it must not hold (trafilatura)
  std::string gold_date;             // "YYYY-MM-DD" from the gold data only; empty if none
  // The gold data holds the page for an article: false where Readability's metadata says
  // "readerable": false (its unit-test snippets, landing pages).
  bool article = true;
};

struct ExtractDataset {
  std::vector<ExtractCase> cases;  // sorted by id
  size_t missing_html = 0;         // gold entries whose page file is absent
};

// The deterministic halves every set is split into: "dev" (even XXH3 of the id: tune on it)
// and "test" (odd: held back for final figures); "all" is both. False for any other name.
bool IsExtractSplit(std::string_view split);
bool InExtractSplit(std::string_view id, std::string_view split);

// Reads the set in `dir` (the folder described above for `format`), keeping the pages of
// `split`. Errors: NotFound when the folder or its gold file is missing (or, for readability,
// no page folder is found); DataLoss when a gold file is not the JSON it should be;
// InvalidArgument for an unknown split; Unavailable on read failures.
Result<ExtractDataset> ReadExtractDataset(ExtractFormat format, const std::string& dir,
                                          std::string_view split = "all");

// The gold text of a Readability `expected.html`: its text with whitespace collapsed
// (script and style left out). Errors: those of ingest::HtmlDocument::Parse.
Result<std::string> TextOfGoldHtml(std::string_view html);

// A calendar day "YYYY-MM-DD" (UTC) from an ISO 8601 date or date-time; empty when the text
// gives no day or a placeholder year before 1900.
std::string GoldDay(const std::string& text);

// Reads a file, gunzipping it when it is gzip (plain files are read as they are).
// Errors: Unavailable when it cannot be opened, DataLoss for a corrupt gzip stream.
Result<std::string> ReadMaybeGzip(const std::string& path);

}  // namespace depeche::eval

#endif  // DEPECHE_EVAL_EXTRACT_DATASETS_H_
