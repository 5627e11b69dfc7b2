#include "ingest/boilerplate_rules.h"

#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>

#include "ingest/boilerplate_lines.h"
#include "ingest/regex_literal.h"
#include "text/normalize.h"

namespace depeche::ingest {
namespace internal {
namespace {

// Language-independent shapes, in the data-file format. Tweets embedded as text keep their
// pic.twitter.com link and their "— Name (@handle) date" signature; photo credits in the
// "Name/Agency via Agency" and "(Photo by ...)" shapes are international conventions.
constexpr std::string_view kBuiltinRules = R"(
regex any tweet * pic\.twitter\.com/\w+
regex any tweet 14 ^[-\u2013\u2014]\s*[^()]{1,60}\(@\w{1,15}\)\s.{0,30}\d{4}\.?$
regex any credit 16 (?:^|\s)(?:©|\(c\)\s|copyright\s)
tail any credit * (?-i)(?:^|(?<=[.!?\u00bb"\u201d]\s))\p{Lu}[\p{L}'\u2019.-]*(?:\s\p{Lu}[\p{L}'\u2019.-]*){0,3}\s?/\s?[\p{L}\s]{0,30}?\bvia\s\p{Lu}[\p{L}]{1,15}(?:\s\p{Lu}\p{L}+){0,2}\.?\s*$
tail any credit * \((?:photos?|images?|illustration|foto|bild)\s(?:by|de|par|von|di|:)\s?[^()]{1,80}\)\.?\s*$
)";

Status ParseRuleLine(std::string_view line, BoilerplateRule& rule) {
  std::array<std::string_view, 4> fields;
  std::size_t pos = 0;
  for (std::string_view& field : fields) {
    pos = line.find_first_not_of(" \t", pos);
    if (pos == std::string_view::npos) return InvalidArgumentError("expected 5 fields");
    std::size_t end = line.find_first_of(" \t", pos);
    if (end == std::string_view::npos) return InvalidArgumentError("missing pattern");
    field = line.substr(pos, end - pos);
    pos = end;
  }
  std::string_view pattern = TrimSpaces(line.substr(pos));
  if (pattern.empty()) return InvalidArgumentError("empty pattern");
  const std::string_view kind = fields[0];
  if (kind == "equals") {
    rule.kind = RuleKind::kEquals;
  } else if (kind == "prefix") {
    rule.kind = RuleKind::kPrefix;
  } else if (kind == "contains") {
    rule.kind = RuleKind::kContains;
  } else if (kind == "regex") {
    rule.kind = RuleKind::kRegex;
  } else if (kind == "tail") {
    rule.kind = RuleKind::kTail;
  } else {
    return InvalidArgumentError("unknown kind '" + std::string(kind) + "'");
  }
  if (fields[1] != "any" && fields[1] != "trailing") {
    return InvalidArgumentError("position must be any or trailing");
  }
  rule.trailing = fields[1] == "trailing";
  rule.reason = std::string(fields[2]);
  if (fields[3] != "*") {
    int n = 0;
    for (char c : fields[3]) {
      if (c < '0' || c > '9' || n > 10000) return InvalidArgumentError("bad max_words");
      n = n * 10 + (c - '0');
    }
    rule.max_words = n;
  }
  if (rule.kind == RuleKind::kRegex || rule.kind == RuleKind::kTail) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse_error;
    rule.regex.reset(
        icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(icu::StringPiece(
                                       pattern.data(), static_cast<int32_t>(pattern.size()))),
                                   UREGEX_CASE_INSENSITIVE, parse_error, status));
    if (U_FAILURE(status)) {
      return InvalidArgumentError("bad regex at offset " + std::to_string(parse_error.offset) +
                                  ": " + u_errorName(status));
    }
    rule.needle = RequiredLiteral(pattern);
  } else {
    rule.literal = text::Fold(pattern);
  }
  return Status::Ok();
}

}  // namespace

Status ParseIntoSet(std::string_view content, BoilerplateRuleSet& set) {
  std::size_t line_number = 0;
  std::size_t pos = 0;
  while (pos <= content.size()) {
    std::size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    std::string_view line = TrimSpaces(content.substr(pos, end - pos));
    ++line_number;
    pos = end + 1;
    if (line.empty() || line.front() == '#') continue;
    BoilerplateRule rule;
    Status status = ParseRuleLine(line, rule);
    if (!status.ok()) return status.WithContext("rule line " + std::to_string(line_number));
    set.rules.push_back(std::move(rule));
  }
  return Status::Ok();
}

std::string_view TrimSpaces(std::string_view s) {
  constexpr std::string_view kSpace = " \t\r\f\v";
  std::size_t b = s.find_first_not_of(kSpace);
  if (b == std::string_view::npos) return {};
  std::size_t e = s.find_last_not_of(kSpace);
  return s.substr(b, e - b + 1);
}

const BoilerplateRuleSet& BuiltinBoilerplateRules() {
  static const BoilerplateRuleSet* const kSet = [] {
    auto* set = new BoilerplateRuleSet;
    // The builtin text is a compile-time constant covered by tests; a parse error cannot
    // happen at run time, and ignoring one would only drop the structural signals.
    (void)ParseIntoSet(kBuiltinRules, *set);
    return set;
  }();
  return *kSet;
}

}  // namespace internal

Result<BoilerplateRules> ParseBoilerplateRules(std::string_view content, std::string_view lang) {
  auto set = std::make_shared<internal::BoilerplateRuleSet>();
  DEPECHE_RETURN_IF_ERROR(internal::ParseIntoSet(content, *set));
  return BoilerplateRules{std::string(lang), std::move(set)};
}

Result<BoilerplateRules> LoadBoilerplateRules(std::string_view data_dir, std::string_view lang) {
  if (lang.empty() || lang.size() > 16 || !std::all_of(lang.begin(), lang.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || c == '-' || c == '_' || (c >= '0' && c <= '9');
      })) {
    return InvalidArgumentError("invalid language code '" + std::string(lang) + "'");
  }
  std::filesystem::path path =
      std::filesystem::path(data_dir) / std::string(lang) / "boilerplate.txt";
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return BoilerplateRules{std::string(lang), nullptr};
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  if (!in.good() && !in.eof()) return UnavailableError("cannot read " + path.string());
  auto rules = ParseBoilerplateRules(content.str(), lang);
  if (!rules.ok()) return rules.status().WithContext(path.string());
  return rules;
}

}  // namespace depeche::ingest
