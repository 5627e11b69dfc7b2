#include "store/pg_dialect.h"

#include <cctype>
#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace depeche::store {
namespace {

bool IsWordStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }

bool IsWordChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$';
}

bool EqualsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

// The end of the literal, quoted identifier or comment starting at `i`, or `i` when none starts
// there. Unterminated ones run to the end of the text.
size_t SkipOpaque(std::string_view s, size_t i) {
  const char c = s[i];
  if (c == '\'' || c == '"' || c == '`') {
    // SQL doubles the quote to escape it: 'it''s'.
    size_t j = i + 1;
    while (j < s.size()) {
      if (s[j] == c) {
        if (j + 1 < s.size() && s[j + 1] == c) {
          j += 2;
          continue;
        }
        return j + 1;
      }
      ++j;
    }
    return s.size();
  }
  if (c == '[') {  // SQLite's [identifier]
    size_t end = s.find(']', i + 1);
    return end == std::string_view::npos ? s.size() : end + 1;
  }
  if (c == '-' && i + 1 < s.size() && s[i + 1] == '-') {
    size_t end = s.find('\n', i);
    return end == std::string_view::npos ? s.size() : end;
  }
  if (c == '/' && i + 1 < s.size() && s[i + 1] == '*') {
    size_t end = s.find("*/", i + 2);
    return end == std::string_view::npos ? s.size() : end + 2;
  }
  return i;
}

size_t SkipSpace(std::string_view s, size_t i) {
  while (i < s.size()) {
    size_t opaque = SkipOpaque(s, i);
    if (opaque != i && (s[i] == '-' || s[i] == '/')) {
      i = opaque;
    } else if (std::isspace(static_cast<unsigned char>(s[i]))) {
      ++i;
    } else {
      break;
    }
  }
  return i;
}

// The word at `i` (which IsWordStart), and the position after it.
std::string_view WordAt(std::string_view s, size_t i) {
  size_t j = i;
  while (j < s.size() && IsWordChar(s[j])) ++j;
  return s.substr(i, j - i);
}

// The position of the ')' closing the '(' at `open`, and whether the call has a top-level comma.
size_t MatchingParen(std::string_view s, size_t open, bool* has_comma) {
  int depth = 0;
  *has_comma = false;
  for (size_t i = open; i < s.size();) {
    size_t opaque = SkipOpaque(s, i);
    if (opaque != i) {
      i = opaque;
      continue;
    }
    if (s[i] == '(') ++depth;
    if (s[i] == ')' && --depth == 0) return i;
    if (s[i] == ',' && depth == 1) *has_comma = true;
    ++i;
  }
  return std::string_view::npos;
}

constexpr std::string_view kOnConflict = " ON CONFLICT DO NOTHING";

}  // namespace

namespace {

// A parameter written into the output: where ("$N" at out[pos], `len` characters) and N.
struct Placeholder {
  size_t pos;
  size_t len;
  int number;
};

std::string Rewrite(std::string_view s, int* max_param, std::vector<Placeholder>* marks);

// Whether `sql` at `i` (after spaces) reads IS NULL or IS NOT NULL.
bool IsNullTestAt(std::string_view sql, size_t i) {
  i = SkipSpace(sql, i);
  if (i >= sql.size() || !IsWordStart(sql[i]) || !EqualsNoCase(WordAt(sql, i), "IS")) return false;
  i = SkipSpace(sql, i + 2);
  if (i < sql.size() && IsWordStart(sql[i]) && EqualsNoCase(WordAt(sql, i), "NOT")) {
    i = SkipSpace(sql, i + 3);
  }
  return i < sql.size() && IsWordStart(sql[i]) && EqualsNoCase(WordAt(sql, i), "NULL");
}

}  // namespace

std::string ToPostgresSql(std::string_view sqlite_sql) {
  int max_param = 0;
  return ToPostgresSql(sqlite_sql, &max_param);
}

std::string ToPostgresSql(std::string_view sqlite_sql, int* max_param) {
  return Rewrite(sqlite_sql, max_param, nullptr);
}

PgSql ToPostgresStatement(std::string_view sqlite_sql) {
  PgSql result;
  std::vector<Placeholder> marks;
  std::string out = Rewrite(sqlite_sql, &result.max_param, &marks);
  // Dense numbers for the numbers used, in increasing order: PostgreSQL must infer a type for
  // every $N up to the highest, which it cannot for a number the text never uses.
  std::map<int, int> dense;
  std::map<int, bool> only_null_tests;
  for (const Placeholder& mark : marks) {
    dense.emplace(mark.number, 0);
    bool null_test = IsNullTestAt(out, mark.pos + mark.len);
    auto [it, inserted] = only_null_tests.emplace(mark.number, null_test);
    if (!inserted) it->second = it->second && null_test;
  }
  for (auto& [number, k] : dense) {
    result.sent.push_back(number);
    k = static_cast<int>(result.sent.size());
  }
  result.sql.reserve(out.size() + 16);
  size_t copied = 0;
  for (const Placeholder& mark : marks) {
    result.sql.append(out, copied, mark.pos - copied);
    // A parameter only ever tested for NULL has no type to infer from: text will do.
    // (Appended piece by piece: GCC 12 reports a false -Wrestrict on "literal" + std::string.)
    const bool cast = only_null_tests[mark.number];
    if (cast) result.sql += "CAST(";
    result.sql += '$';
    result.sql += std::to_string(dense[mark.number]);
    if (cast) result.sql += " AS TEXT)";
    copied = mark.pos + mark.len;
  }
  result.sql.append(out, copied, std::string::npos);
  return result;
}

namespace {

std::string Rewrite(std::string_view s, int* max_param, std::vector<Placeholder>* marks) {
  std::string out;
  out.reserve(s.size() + 32);
  int highest = 0;
  int depth = 0;                       // parentheses, to find a top-level RETURNING
  bool pending_conflict = false;       // an INSERT OR IGNORE waits for its ON CONFLICT clause
  std::set<size_t> default_separator;  // ')' positions of one-argument group_concat calls
  size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    size_t opaque = SkipOpaque(s, i);
    if (opaque != i) {
      out.append(s.substr(i, opaque - i));
      i = opaque;
      continue;
    }
    if (c == '?') {
      size_t j = i + 1;
      int number = 0;
      while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j])) && number < 100000) {
        number = number * 10 + (s[j] - '0');
        ++j;
      }
      if (j == i + 1) number = highest + 1;
      if (number > highest) highest = number;
      const size_t pos = out.size();
      out += '$';
      out += std::to_string(number);
      if (marks != nullptr) marks->push_back({pos, out.size() - pos, number});
      i = j;
      continue;
    }
    if (c == '(') ++depth;
    if (c == ')') {
      --depth;
      if (default_separator.count(i) != 0) out += ", ','";
    }
    if (c == ';' && pending_conflict) {
      while (!out.empty() && std::isspace(static_cast<unsigned char>(out.back()))) out.pop_back();
      out += kOnConflict;
      pending_conflict = false;
      depth = 0;
    }
    if (!IsWordStart(c) || (i > 0 && IsWordChar(s[i - 1]))) {
      out += c;
      ++i;
      continue;
    }
    std::string_view word = WordAt(s, i);
    size_t after = i + word.size();
    size_t next = SkipSpace(s, after);
    const bool call = next < s.size() && s[next] == '(';
    if (EqualsNoCase(word, "INSERT")) {
      size_t or_pos = next;
      if (or_pos < s.size() && IsWordStart(s[or_pos]) && EqualsNoCase(WordAt(s, or_pos), "OR")) {
        size_t ignore_pos = SkipSpace(s, or_pos + 2);
        if (ignore_pos < s.size() && IsWordStart(s[ignore_pos]) &&
            EqualsNoCase(WordAt(s, ignore_pos), "IGNORE")) {
          out.append(word);
          i = ignore_pos + 6;
          pending_conflict = true;
          continue;
        }
      }
    } else if (EqualsNoCase(word, "RETURNING") && pending_conflict && depth == 0) {
      // Before RETURNING, keeping the text's own spacing.
      while (!out.empty() && std::isspace(static_cast<unsigned char>(out.back()))) out.pop_back();
      out += kOnConflict;
      out += ' ';
      pending_conflict = false;
    } else if (call && EqualsNoCase(word, "IFNULL")) {
      out += "COALESCE";
      i = after;
      continue;
    } else if (call && EqualsNoCase(word, "instr")) {
      out += "strpos";  // same arguments and result: 1-based position, 0 when absent
      i = after;
      continue;
    } else if (call && EqualsNoCase(word, "char")) {
      out += "chr";
      i = after;
      continue;
    } else if (call && EqualsNoCase(word, "group_concat")) {
      bool has_comma = false;
      size_t close = MatchingParen(s, next, &has_comma);
      if (close != std::string_view::npos && !has_comma) default_separator.insert(close);
      out += "string_agg";
      i = after;
      continue;
    } else if (call && EqualsNoCase(word, "unixepoch")) {
      size_t close = SkipSpace(s, next + 1);
      if (close < s.size() && s[close] == ')') {
        out += "CAST(extract(epoch from now()) AS BIGINT)";
        i = close + 1;
        continue;
      }
    } else if (EqualsNoCase(word, "BEGIN") && next < s.size() && IsWordStart(s[next]) &&
               EqualsNoCase(WordAt(s, next), "IMMEDIATE")) {
      out += "BEGIN";
      i = next + 9;
      continue;
    }
    out.append(word);
    i = after;
  }
  if (pending_conflict) {
    size_t end = out.size();
    while (end > 0 && std::isspace(static_cast<unsigned char>(out[end - 1]))) --end;
    out.insert(end, kOnConflict);
  }
  *max_param = highest;
  return out;
}

}  // namespace

}  // namespace depeche::store
