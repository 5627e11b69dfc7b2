#include "store/fts_query_pg.h"

#include <string_view>

namespace depeche::store {
namespace {

// A tsquery operand: quotes doubled and backslashes escaped, so that any text is one operand
// whose words PostgreSQL's parser finds (never tsquery syntax).
void AppendQuoted(std::string_view text, bool prefix, std::string& out) {
  out += '\'';
  for (char c : text) {
    if (c == '\'') out += '\'';
    if (c == '\\') out += '\\';
    out += c;
  }
  out += '\'';
  if (prefix) out += ":*";
}

void AppendTerms(const std::vector<SearchTerm>& terms, std::string& out) {
  for (size_t t = 0; t < terms.size(); ++t) {
    if (t > 0) out += " | ";
    out += ToPgTsQueryTerm(terms[t]);
  }
}

}  // namespace

std::string ToPgTsQueryTerm(const SearchTerm& term) {
  // The parser has turned every space-like character of a phrase into ' '.
  std::vector<std::string_view> pieces;
  std::string_view text = term.text;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    size_t begin = i;
    while (i < text.size() && text[i] != ' ') ++i;
    std::string_view piece = text.substr(begin, i - begin);
    if (!piece.empty() && HasWordCharacter(piece)) pieces.push_back(piece);
  }
  std::string out;
  if (pieces.empty()) {  // not from ParseSearchQuery, which keeps only terms with a word
    AppendQuoted(text, term.prefix, out);
    return out;
  }
  if (pieces.size() > 1) out += '(';
  for (size_t p = 0; p < pieces.size(); ++p) {
    if (p > 0) out += " <-> ";
    AppendQuoted(pieces[p], term.prefix && p + 1 == pieces.size(), out);
  }
  if (pieces.size() > 1) out += ')';
  return out;
}

PgTsQueryText ToPgTsQuery(const ParsedSearch& query) {
  PgTsQueryText out;
  for (size_t g = 0; g < query.groups.size(); ++g) {
    if (g > 0) out.positive += " & ";
    const std::vector<SearchTerm>& group = query.groups[g];
    if (group.size() > 1) out.positive += '(';
    AppendTerms(group, out.positive);
    if (group.size() > 1) out.positive += ')';
  }
  AppendTerms(query.excluded, out.excluded);
  return out;
}

std::string PgQueryLanguages(const std::vector<std::string>& langs) {
  std::string out;
  for (const std::string& lang : langs) {
    std::string code;
    for (char c : lang) {
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
          c == '_') {
        code += c;
      }
    }
    if (code.empty()) continue;
    if (!out.empty()) out += ',';
    out += code;
  }
  return out;
}

}  // namespace depeche::store
