// Reader of PolNeAR (Newell, Margolin & Ruths, LREC 2018: attribution relations of US political
// news, ../shared/data/polnear): a split folder holds text/NAME.txt and
// attributions/NAME_ANNOTATOR.ann in brat standoff ("T3<TAB>Content 115 290;300 310<TAB>...",
// "E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1"; Attribution-no-source relations have no
// Source). Offsets are code points; they are turned into byte offsets of the UTF-8 text. A line
// that does not open with an id continues the text column of the line before (skipped).
// A text annotated by several annotators (a few dev texts) is read with the first annotator's
// file in name order. Pure functions, thread-safe.
#ifndef DEPECHE_EVAL_POLNEAR_READER_H_
#define DEPECHE_EVAL_POLNEAR_READER_H_

#include <cstddef>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "depeche/status.h"

namespace depeche::eval {

using Spans = std::vector<std::pair<size_t, size_t>>;  // byte [begin, end) spans

struct PolnearAttribution {
  Spans content;
  Spans cue;
  Spans source;  // empty for Attribution-no-source
};

struct PolnearDocument {
  std::string name;       // the text's file name without .txt
  std::string annotator;  // the .ann file's suffix
  std::string text;
  std::vector<PolnearAttribution> attributions;
};

// Parses one .ann of `text`. Errors: InvalidArgument naming `ann_name`:line for a malformed
// T or E line, an offset past the text or an E line naming an unknown T.
Result<std::vector<PolnearAttribution>> ParsePolnearAnn(const std::string& ann,
                                                        const std::string& text,
                                                        const std::string& ann_name);

// Reads every text of `split_dir` that has an annotation, in name order. Errors: NotFound when
// text/ or attributions/ is missing, those of ParsePolnearAnn.
Result<std::vector<PolnearDocument>> ReadPolnear(const std::filesystem::path& split_dir);

}  // namespace depeche::eval

#endif  // DEPECHE_EVAL_POLNEAR_READER_H_
