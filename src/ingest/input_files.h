// Expands ingest arguments (files, directories, "-") into an ordered list of inputs.
#ifndef DEPECHE_INGEST_INPUT_FILES_H_
#define DEPECHE_INGEST_INPUT_FILES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace depeche::ingest {

enum class InputFormat { kText, kJsonl, kHtml, kStdinJsonl, kReutersSgml };

struct InputFile {
  std::string path;          // path to open ("-" for stdin)
  std::string display_path;  // relative to the argument's parent folder, e.g. "seeds/000_x.txt"
  InputFormat format = InputFormat::kText;
  int64_t size = 0;   // bytes on disk (0 for stdin)
  bool gzip = false;  // the name ends in .gz: inflate it (see gzip_reader.h)
};

struct InputProblem {
  std::string path;
  std::string message;
};

struct InputList {
  std::vector<InputFile> files;
  // Inputs that cannot be read at all: missing paths, broken or looping symbolic links,
  // folders or entries that cannot be read. Each is an error for that path.
  std::vector<InputProblem> problems;
  // Files found in folders that are not of a type we read (README.md, image.png) and links to
  // folders (not followed): named, not read, not an error.
  std::vector<InputProblem> skipped_files;
  int64_t skipped = 0;  // == skipped_files.size()
};

// Files named as arguments are taken as given; their format comes from the extension, after
// an optional ".gz": .jsonl/.ndjson -> JSONL, .html/.htm -> HTML, .sgm -> Reuters SGML,
// anything else -> text. Folders are walked recursively in sorted order, keeping only .txt,
// .text, .jsonl, .ndjson, .html, .htm and .sgm files (each also with .gz), so a README.md
// beside a corpus is named as skipped rather than read as an article. Hidden entries (".git")
// are ignored. Symbolic links to files are followed; links to folders are not (no cycles).
// Never fails as a whole and never throws: each problem names its path.
InputList ExpandInputs(const std::vector<std::string>& arguments);

const char* FormatName(InputFormat format);

// A name or message from the input made safe to print on one terminal line: control
// characters (C0, DEL, C1) become \n, \t, \r or \xNN, bytes that are not valid UTF-8 \xNN, and
// a backslash "\\", so that what is shown is unambiguous. Valid non-ASCII text stays as is.
std::string EscapeForDisplay(std::string_view text);

}  // namespace depeche::ingest

#endif  // DEPECHE_INGEST_INPUT_FILES_H_
