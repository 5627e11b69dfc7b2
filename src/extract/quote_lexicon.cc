#include "extract/quote_lexicon.h"

#include "core/files.h"
#include "core/strings.h"

namespace depeche::extract {
namespace {

std::vector<std::string> Words(std::string_view entry) {
  std::vector<std::string> words;
  for (std::string_view w : core::Split(entry, ' ')) {
    if (!w.empty()) words.push_back(core::AsciiLower(w));
  }
  return words;
}

}  // namespace

Result<QuoteLexicon> QuoteLexicon::Load(const std::string& path) {
  DEPECHE_ASSIGN_OR_RETURN(std::string text, core::ReadFile(path));
  return Parse(text, path);
}

Result<QuoteLexicon> QuoteLexicon::Parse(const std::string& text, const std::string& name) {
  QuoteLexicon lex;
  std::string section;
  size_t line_number = 0;
  for (std::string_view raw : core::Split(text, '\n')) {
    ++line_number;
    std::string_view line = raw;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (core::Trim(line).empty() || line.front() == '#') continue;
    const std::string where = name + ":" + std::to_string(line_number);
    if (line.front() == '@') {
      section = std::string(core::Trim(line.substr(1)));
      static const std::unordered_set<std::string> kSections = {
          "marks",     "cue",    "complementizer", "according",    "pronoun",   "inversion",
          "auxiliary", "title",  "determiner",     "abbreviation", "no_clause", "stop",
          "adverb",    "clitic", "role",           "definite"};
      if (!kSections.count(section)) {
        return InvalidArgumentError(where + ": unknown section @" + section);
      }
      continue;
    }
    if (section.empty()) return InvalidArgumentError(where + ": entry before any @section");
    const std::string entry(core::Trim(line));
    if (section == "marks") {
      const size_t tab = entry.find('\t');
      if (tab == std::string::npos || tab == 0 || tab + 1 >= entry.size()) {
        return InvalidArgumentError(where + ": @marks wants opening<TAB>closing");
      }
      lex.marks.push_back({entry.substr(0, tab), entry.substr(tab + 1)});
    } else if (section == "cue") {
      lex.cues.push_back(Words(entry));
    } else if (section == "according") {
      lex.according.push_back(Words(entry));
    } else if (section == "auxiliary") {
      lex.auxiliaries.push_back(Words(entry));
    } else if (section == "role") {
      lex.roles.push_back(Words(entry));
    } else if (section == "inversion") {
      lex.inversions.push_back(core::AsciiLower(entry));
    } else {
      std::unordered_set<std::string>* set = section == "complementizer" ? &lex.complementizers
                                             : section == "pronoun"      ? &lex.pronouns
                                             : section == "determiner"   ? &lex.determiners
                                             : section == "title"        ? &lex.titles
                                             : section == "abbreviation" ? &lex.abbreviations
                                             : section == "no_clause"    ? &lex.no_clause
                                             : section == "adverb"       ? &lex.adverbs
                                             : section == "clitic"       ? &lex.clitics
                                             : section == "definite"     ? &lex.definites
                                                                         : &lex.stops;
      set->insert(core::AsciiLower(entry));
    }
  }
  if (lex.marks.empty()) return InvalidArgumentError(name + ": no @marks");
  return lex;
}

}  // namespace depeche::extract
