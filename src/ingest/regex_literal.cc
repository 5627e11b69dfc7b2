#include "ingest/regex_literal.h"

namespace depeche::ingest::internal {
namespace {

bool IsQuantifier(char c) { return c == '?' || c == '*' || c == '+' || c == '{'; }

bool IsLiteralChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ' ||
         c == '\'' || c == '-' || c == '@' || c == '/' || c == ':' || c == ',' || c == '!' ||
         c == ';' || c == '&' || c == '=' || c == '_' || c == '%' || c == '"';
}

char ToLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Escapes whose next character stands for itself.
bool IsEscapedLiteral(char c) {
  return c == '.' || c == '(' || c == ')' || c == '[' || c == ']' || c == '{' || c == '}' ||
         c == '/' || c == '-' || c == '@' || c == '\\' || c == '|' || c == '?' || c == '*' ||
         c == '+' || c == '^' || c == '$' || c == ':' || c == '#' || c == '&' || c == '\'' ||
         c == '"' || c == ' ';
}

}  // namespace

std::string RequiredLiteral(std::string_view p) {
  std::string best;
  std::string run;
  int depth = 0;
  auto end_run = [&] {
    if (run.size() > best.size()) best = run;
    run.clear();
  };
  std::size_t i = 0;
  while (i < p.size()) {
    char c = p[i];
    // One atom: [from, i) and the literal char it stands for (0: not a literal).
    char literal = 0;
    if (c == '\\') {
      if (i + 1 >= p.size()) return "";
      char e = p[i + 1];
      i += 2;
      if (IsEscapedLiteral(e)) {
        literal = e;
      } else if ((e == 'p' || e == 'P' || e == 'N' || e == 'x') && i < p.size() && p[i] == '{') {
        while (i < p.size() && p[i] != '}') ++i;
        ++i;
      } else if (e == 'u') {
        i += 4;
      } else if (e == 'U') {
        i += 8;
      } else if (e == 'x') {
        i += 2;
      }
    } else if (c == '[') {
      // Skip the class (']' right after '[' or '[^' is a literal member).
      ++i;
      if (i < p.size() && p[i] == '^') ++i;
      if (i < p.size() && p[i] == ']') ++i;
      while (i < p.size() && p[i] != ']') i += p[i] == '\\' ? 2 : 1;
      ++i;
    } else if (c == '(') {
      ++depth;
      ++i;
    } else if (c == ')') {
      --depth;
      ++i;
    } else if (c == '|') {
      if (depth == 0) return "";  // top-level alternation: no literal is required
      ++i;
    } else {
      if (IsLiteralChar(c)) literal = c;
      ++i;
    }
    bool quantified = i < p.size() && IsQuantifier(p[i]);
    if (depth == 0 && literal != 0 && !quantified) {
      run.push_back(ToLower(literal));
    } else {
      end_run();
    }
    // A quantifier on a group or class also ends the run (handled above); skip its text.
    if (quantified) {
      if (p[i] == '{') {
        while (i < p.size() && p[i] != '}') ++i;
      }
      ++i;
      if (i < p.size() && (p[i] == '?' || p[i] == '+')) ++i;  // lazy / possessive
    }
  }
  end_run();
  return best;
}

}  // namespace depeche::ingest::internal
