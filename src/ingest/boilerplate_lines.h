// Plain-text boilerplate removal: junk lines (calls to action, "The post ... appeared first
// on ...", embedded tweets, photo credits, author bios, "Read more" links, newsletter and
// share lines) are cut from the body used for analysis. The original text is kept by the
// caller; CleanedText says which byte spans were removed and why.
//
// Rules are data: data/<lang>/boilerplate.txt (format documented there and in
// LoadBoilerplateRules), plus a few language-independent structural signals in the code
// (tweet signatures, lines made of URLs/handles, short trailing credit lines, Title-Case
// "bio" lines, "Name/Agency via Agency" tails).
#ifndef DEPECHE_INGEST_BOILERPLATE_LINES_H_
#define DEPECHE_INGEST_BOILERPLATE_LINES_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "depeche/status.h"

namespace depeche::ingest {

namespace internal {
struct BoilerplateRuleSet;  // compiled rules (ICU regex patterns), defined in the .cc
}  // namespace internal

// Compiled rules for one language. Cheap to copy (shared, immutable); safe to use from many
// threads at once.
struct BoilerplateRules {
  std::string lang;  // "" for structural signals only
  std::shared_ptr<const internal::BoilerplateRuleSet> rules;
};

// One removed span of the input: [begin, end) byte offsets into the text given to
// RemoveBoilerplateLines (a whole line including its newline, or the tail of a line).
struct RemovedSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string reason;  // the rule's reason: "cta", "syndication", "tweet", "credit", "bio", ...
};

struct CleanedText {
  std::string text;                  // the input without the removed spans
  std::vector<RemovedSpan> removed;  // in input order, non-overlapping
};

// Parses rules from the text of a boilerplate.txt file. One rule a line:
//   <kind> <position> <reason> <max_words> <pattern...>
// kind: equals | prefix | contains (matched on text::Fold of the trimmed line) or regex
// (ICU regex, case-insensitive, searched in the original trimmed line) or tail (ICU regex;
// only the matched end of the line is removed, so it should end with $).
// position: any | trailing (only among the last lines of the text).
// max_words: the rule applies only to lines of at most this many words ("*": no limit).
// '#' starts a comment line. Errors: InvalidArgument naming the line for a malformed rule or
// a regex ICU rejects.
Result<BoilerplateRules> ParseBoilerplateRules(std::string_view content, std::string_view lang);

// Reads <data_dir>/<lang>/boilerplate.txt and parses it. A language without a file gets the
// structural signals only (not an error). Errors: InvalidArgument for an unsafe `lang`,
// Unavailable if the file exists but cannot be read, and ParseBoilerplateRules's errors.
Result<BoilerplateRules> LoadBoilerplateRules(std::string_view data_dir, std::string_view lang);

// Removes boilerplate lines from `text` (UTF-8, lines separated by \n or \r\n). Rules with
// position "trailing" and the structural credit/bio signals look only at the last lines.
// Lines adjacent to a call-to-action block that look like parts of it (short fragments) go
// with it. Runs of blank lines left by a removal are collapsed to one blank line. Never fails;
// a default-constructed `rules` applies the structural signals only. Thread-safe.
CleanedText RemoveBoilerplateLines(std::string_view text, const BoilerplateRules& rules);

}  // namespace depeche::ingest

#endif  // DEPECHE_INGEST_BOILERPLATE_LINES_H_
