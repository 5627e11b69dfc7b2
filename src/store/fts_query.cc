#include "store/fts_query.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <unordered_set>

#include "text/normalize.h"

namespace depeche::store {
namespace {

bool IsSpace(char c) { return static_cast<unsigned char>(c) <= ' ' || c == '\x7f'; }

// One lexical piece of the query.
struct Piece {
  enum Kind { kTerm, kOr, kNot } kind = kTerm;
  SearchTerm term;
  bool negated = false;  // written -word
};

std::vector<Piece> Lex(std::string_view s) {
  std::vector<Piece> pieces;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && IsSpace(s[i])) ++i;
    if (i >= s.size()) break;
    Piece piece;
    if (s[i] == '-' && i + 1 < s.size() && !IsSpace(s[i + 1]) && s[i + 1] != '-') {
      piece.negated = true;
      ++i;
    }
    if (s[i] == '"') {
      size_t end = s.find('"', i + 1);
      if (end == std::string_view::npos) end = s.size();
      piece.term.text = std::string(s.substr(i + 1, end - i - 1));
      for (char& c : piece.term.text) {
        if (IsSpace(c)) c = ' ';
      }
      i = std::min(end + 1, s.size());
      if (i < s.size() && s[i] == '*') {
        piece.term.prefix = true;
        while (i < s.size() && !IsSpace(s[i])) ++i;  // the rest of a `"..."*x` piece
      }
    } else {
      size_t begin = i;
      while (i < s.size() && !IsSpace(s[i])) ++i;
      std::string_view word = s.substr(begin, i - begin);
      if (!piece.negated && word == "OR") {
        piece.kind = Piece::kOr;
      } else if (!piece.negated && word == "NOT") {
        piece.kind = Piece::kNot;
      } else if (!piece.negated && word == "AND") {
        continue;
      } else {
        if (word.size() > 1 && word.back() == '*') {
          piece.term.prefix = true;
          while (!word.empty() && word.back() == '*') word.remove_suffix(1);
        }
        piece.term.text = std::string(word);
      }
    }
    if (piece.kind == Piece::kTerm && !HasWordCharacter(piece.term.text)) continue;
    pieces.push_back(std::move(piece));
  }
  return pieces;
}

// What makes two terms the same search: folded text (case, accents), spaces collapsed, prefix.
std::string TermKey(const SearchTerm& term) {
  std::string folded = text::Fold(term.text);
  std::string key;
  for (char c : folded) {
    if (IsSpace(c)) {
      if (!key.empty() && key.back() != ' ') key += ' ';
    } else {
      key += c;
    }
  }
  while (!key.empty() && key.back() == ' ') key.pop_back();
  if (term.prefix) key += '*';
  return key;
}

void AppendFtsString(const SearchTerm& term, std::string& out) {
  out += '"';
  for (char c : term.text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  if (term.prefix) out += " *";
}

}  // namespace

bool HasWordCharacter(std::string_view s) {
  const char* data = s.data();
  const auto n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < n) {
    auto b = static_cast<unsigned char>(data[i]);
    if (b < 0x80) {
      if ((b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')) return true;
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(data, i, n, c);
    if (c >= 0 && (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_N_MASK | U_GC_M_MASK))) return true;
  }
  return false;
}

Result<ParsedSearch> ParseSearchQuery(std::string_view free_text) {
  std::vector<Piece> pieces = Lex(free_text);
  ParsedSearch query;
  std::unordered_set<std::string> excluded_keys;
  std::unordered_set<std::string> distinct;  // every distinct term, for the limit
  size_t words = 0;                          // their words (a phrase counts each of its words)
  // Groups as sets of keys, to keep each group once ("oil oil" -> oil).
  std::vector<std::vector<std::string>> group_keys;
  bool pending_or = false;
  bool pending_not = false;
  bool last_was_term = false;  // the previous piece was a positive term (an OR may follow)
  for (Piece& piece : pieces) {
    if (piece.kind == Piece::kOr) {
      pending_or = last_was_term;
      continue;
    }
    if (piece.kind == Piece::kNot) {
      pending_not = true;
      pending_or = false;
      last_was_term = false;
      continue;
    }
    std::string key = TermKey(piece.term);
    if (key.empty() || key == "*") continue;
    if (distinct.insert(key).second) {
      words += 1 + static_cast<size_t>(std::count(key.begin(), key.end(), ' '));
      if (words > kMaxSearchWords) {
        return InvalidArgumentError("the search has more than " + std::to_string(kMaxSearchWords) +
                                    " different words and phrase words; leave some out");
      }
    }
    if (piece.negated || pending_not) {
      if (excluded_keys.insert(key).second) query.excluded.push_back(std::move(piece.term));
      pending_not = false;
      pending_or = false;
      last_was_term = false;
      continue;
    }
    if (pending_or && !query.groups.empty()) {
      std::vector<std::string>& keys = group_keys.back();
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
        keys.push_back(std::move(key));
        query.groups.back().push_back(std::move(piece.term));
      }
    } else {
      query.groups.push_back({std::move(piece.term)});
      group_keys.push_back({std::move(key)});
    }
    pending_or = false;
    last_was_term = true;
  }
  // Drop repeated groups: a group the same as an earlier one (as sets of keys) adds nothing.
  std::vector<std::vector<SearchTerm>> groups;
  std::unordered_set<std::string> seen_groups;
  for (size_t g = 0; g < query.groups.size(); ++g) {
    std::vector<std::string> keys = group_keys[g];
    std::sort(keys.begin(), keys.end());
    std::string joined;
    for (const std::string& k : keys) joined += k + '\x1f';
    if (seen_groups.insert(joined).second) groups.push_back(std::move(query.groups[g]));
  }
  query.groups = std::move(groups);
  if (query.groups.empty()) {
    if (!query.excluded.empty()) {
      return InvalidArgumentError("the search only excludes words: give at least one word to find");
    }
    return InvalidArgumentError("empty search query: give at least one word");
  }
  return query;
}

std::string ToFtsMatch(const ParsedSearch& query) {
  std::string out;
  const bool wrap = !query.excluded.empty() && query.groups.size() > 1;
  if (wrap) out += '(';
  for (size_t g = 0; g < query.groups.size(); ++g) {
    if (g > 0) out += " AND ";
    const std::vector<SearchTerm>& group = query.groups[g];
    if (group.size() > 1) out += '(';
    for (size_t t = 0; t < group.size(); ++t) {
      if (t > 0) out += " OR ";
      AppendFtsString(group[t], out);
    }
    if (group.size() > 1) out += ')';
  }
  if (wrap) out += ')';
  if (!query.excluded.empty()) {
    out += " NOT ";
    if (query.excluded.size() > 1) out += '(';
    for (size_t t = 0; t < query.excluded.size(); ++t) {
      if (t > 0) out += " OR ";
      AppendFtsString(query.excluded[t], out);
    }
    if (query.excluded.size() > 1) out += ')';
  }
  return out;
}

Result<std::string> BuildFtsQuery(std::string_view free_text) {
  DEPECHE_ASSIGN_OR_RETURN(ParsedSearch query, ParseSearchQuery(free_text));
  return ToFtsMatch(query);
}

std::string MatchedText(const ParsedSearch& query) {
  std::string out;
  for (const auto& group : query.groups) {
    for (const SearchTerm& term : group) {
      if (term.prefix) continue;  // a prefix is not a word as typed
      if (!out.empty()) out += ' ';
      out += term.text;
    }
  }
  return out;
}

}  // namespace depeche::store
