// Reader of ML-Crisis (La Quatra et al., Cross-lingual Timeline Summarization, AIKE 2021;
// ../shared/data/ml-crisis-timelines; internal evaluation only: nothing of it is copied into
// the repository). One folder per language:
//  - documents: <lang>/<topic>/<YYYY-MM-DD>/<source>_<n>.txt, the first line the title, the
//    rest the text, the folder the publication day;
//  - reference timelines: <lang>/reference/<topic>.txt, blocks of a "YYYY-MM-DD" line followed
//    by one sentence per line, separated by a line of dashes.
// Pure functions, thread-safe.
#ifndef DEPECHE_EVAL_MLCRISIS_READER_H_
#define DEPECHE_EVAL_MLCRISIS_READER_H_

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "depeche/status.h"

namespace depeche::eval {

struct MlCrisisDocument {
  std::string path;   // relative to the topic folder: "2011-01-25/gv_18.txt"
  std::string date;   // the folder's day
  std::string title;  // the first non-empty line, trimmed
  std::string text;   // the lines after it
};

// A day of a reference timeline and what happened on it, one sentence per line as written.
struct ReferenceDate {
  std::string date;  // "2011-01-25"
  std::vector<std::string> sentences;
};

struct MlCrisisTopic {
  std::string name;                         // "egypt"
  std::vector<MlCrisisDocument> documents;  // by day, then file name
  std::vector<ReferenceDate> reference;     // in the file's order
};

// A reference timeline file's content. Errors: InvalidArgument naming `name` and the line for
// a sentence before any date or a date line that is not a valid ISO day.
Result<std::vector<ReferenceDate>> ParseReferenceTimeline(std::string_view content,
                                                          const std::string& name);

// The topics of a language folder (`lang_dir`, e.g. ml-crisis-timelines/fr): every folder
// beside reference/ that has a reference timeline, in name order; `max_topics` > 0 keeps the
// first ones. Day folders whose name is not an ISO day are skipped, as are files not ending in
// ".txt" and empty files. Errors: NotFound when `lang_dir` has no reference/ folder; an
// unreadable file, a malformed reference (naming the file and line).
Result<std::vector<MlCrisisTopic>> ReadMlCrisis(const std::filesystem::path& lang_dir,
                                                size_t max_topics = 0);

}  // namespace depeche::eval

#endif  // DEPECHE_EVAL_MLCRISIS_READER_H_
