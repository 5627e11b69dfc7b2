// Internal to ingest: the compiled form of boilerplate rules (data/<lang>/boilerplate.txt and
// the built-in structural patterns), shared by the parser and the matcher.
#ifndef DEPECHE_INGEST_BOILERPLATE_RULES_H_
#define DEPECHE_INGEST_BOILERPLATE_RULES_H_

#include <unicode/regex.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "depeche/status.h"

namespace depeche::ingest::internal {

enum class RuleKind { kEquals, kPrefix, kContains, kRegex, kTail };

struct BoilerplateRule {
  RuleKind kind = RuleKind::kContains;
  bool trailing = false;
  int max_words = 0;  // 0: no limit
  std::string reason;
  std::string literal;  // folded, for equals/prefix/contains
  std::unique_ptr<icu::RegexPattern> regex;
  std::string needle;  // for regex/tail: a literal every match contains (on the folded line)
};

struct BoilerplateRuleSet {
  std::vector<BoilerplateRule> rules;
};

// Parses boilerplate.txt content (format in boilerplate_lines.h) and appends to `set`.
// Errors: InvalidArgument naming the line.
Status ParseIntoSet(std::string_view content, BoilerplateRuleSet& set);

// The language-independent rules (embedded tweets, copyright and photo-credit shapes), parsed
// once. Thread-safe.
const BoilerplateRuleSet& BuiltinBoilerplateRules();

// `s` without leading and trailing ASCII whitespace.
std::string_view TrimSpaces(std::string_view s);

}  // namespace depeche::ingest::internal

#endif  // DEPECHE_INGEST_BOILERPLATE_RULES_H_
