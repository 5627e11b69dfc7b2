// Expands ingest arguments (files, directories, "-") into an ordered list of inputs.
#ifndef DEPECHE_INGEST_INPUT_FILES_H_
#define DEPECHE_INGEST_INPUT_FILES_H_

#include <cstdint>
#include <string>
#include <vector>

namespace depeche::ingest {

enum class InputFormat { kText, kJsonl, kHtml, kStdinJsonl };

struct InputFile {
  std::string path;          // path to open ("-" for stdin)
  std::string display_path;  // relative to the argument's parent folder, e.g. "seeds/000_x.txt"
  InputFormat format = InputFormat::kText;
  int64_t size = 0;  // bytes (0 for stdin)
};

struct InputProblem {
  std::string path;
  std::string message;
};

struct InputList {
  std::vector<InputFile> files;
  std::vector<InputProblem> problems;  // missing paths, unreadable folders
  int64_t skipped = 0;                 // files in folders with an extension we do not read
};

// Files are taken as given (format from the extension: .jsonl/.ndjson -> JSONL,
// .html/.htm -> HTML, anything else -> text). Folders are walked recursively in sorted order,
// keeping only .txt, .text, .jsonl, .ndjson, .html, .htm (so a README.md beside a corpus is not
// read as an article) and skipping hidden entries.
// Never fails as a whole: each problem names its path.
InputList ExpandInputs(const std::vector<std::string>& arguments);

const char* FormatName(InputFormat format);

}  // namespace depeche::ingest

#endif  // DEPECHE_INGEST_INPUT_FILES_H_
