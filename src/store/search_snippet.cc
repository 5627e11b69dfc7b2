#include "store/search_snippet.h"

#include <string>
#include <string_view>

namespace depeche::store {
namespace {

// Snippet limits, in code points: FTS5 cuts snippets by tokens, and one token can be a 5 MB
// "word".
constexpr size_t kMaxSnippetWord = 40;
constexpr size_t kMaxSnippet = 300;

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

std::string MarkPgFragment(std::string_view fragment, std::string_view text) {
  std::string plain;
  plain.reserve(fragment.size());
  for (char c : fragment) {
    if (c != '[' && c != ']') plain += c;
  }
  auto is_space = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
  size_t start = 0;
  while (start < plain.size() && is_space(plain[start])) ++start;
  size_t end = plain.size();
  while (end > start && is_space(plain[end - 1])) --end;
  std::string_view core = std::string_view(plain).substr(start, end - start);
  std::string out(fragment);
  if (core.empty()) return out;
  size_t head = 0;
  while (head < text.size() && is_space(text[head])) ++head;
  size_t at = text.find(core);
  if (at == std::string_view::npos) {
    // ts_headline left something out (a word too long to index): the fragment is not one
    // piece of the text, so text was elided inside or after it.
    std::string_view first = core.substr(0, core.find(' '));
    if (text.substr(head, first.size()) != first) out.insert(0, "…");
    out += "…";
    return out;
  }
  head = 0;
  while (head < at && is_space(text[head])) ++head;
  size_t tail = at + core.size();
  while (tail < text.size() && is_space(text[tail])) ++tail;
  if (head < at) out.insert(0, "…");
  if (tail < text.size()) out += "…";
  return out;
}

std::string CapSnippet(std::string_view snippet) {
  std::string out;
  size_t total = 0;
  size_t i = 0;
  while (i < snippet.size() && total < kMaxSnippet) {
    char c = snippet[i];
    if (c == '\n' || c == '\t' || c == '\r' || c == ' ') {
      if (!out.empty() && out.back() != ' ') {
        out.push_back(' ');
        ++total;
      }
      ++i;
      continue;
    }
    size_t end = i;
    while (end < snippet.size() && snippet[end] != '\n' && snippet[end] != '\t' &&
           snippet[end] != '\r' && snippet[end] != ' ') {
      ++end;
    }
    std::string_view word = snippet.substr(i, end - i);
    const size_t room = std::min(kMaxSnippetWord, kMaxSnippet - total);
    size_t points = 0;
    size_t cut = 0;
    while (cut < word.size()) {
      if (!IsContinuation(word[cut]) && points++ == room) break;
      ++cut;
    }
    if (cut == word.size()) {
      out.append(word);
      total += points;
    } else {
      // Cut at a code point boundary one before the room, for the "…".
      size_t keep = 0;
      size_t kept = 0;
      while (keep < word.size() && kept + 1 < room) {
        ++keep;
        while (keep < word.size() && IsContinuation(word[keep])) ++keep;
        ++kept;
      }
      out.append(word.substr(0, keep));
      out += "…";
      if (word.find('[') != std::string_view::npos && word.back() == ']' &&
          word.substr(0, keep).find(']') == std::string_view::npos) {
        out += ']';
      }
      total += kept + 1;
    }
    i = end;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (i < snippet.size() && (out.size() < 3 || out.compare(out.size() - 3, 3, "…") != 0)) {
    out += "…";
  }
  return out;
}

}  // namespace depeche::store
