#include "store/exact_rerank.h"

#include "text/normalize.h"

namespace depeche::store {
namespace {

// ASCII letters/digits and every byte of a multi-byte UTF-8 sequence count as word bytes, so a
// boundary is punctuation, space or the end of the text. Good enough after folding, where
// accents are gone from Latin text.
bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

bool ContainsWord(std::string_view haystack, std::string_view word) {
  if (word.empty()) return false;
  size_t pos = 0;
  while ((pos = haystack.find(word, pos)) != std::string_view::npos) {
    size_t end = pos + word.size();
    bool left = pos == 0 || !IsWordByte(static_cast<unsigned char>(haystack[pos - 1]));
    bool right = end == haystack.size() || !IsWordByte(static_cast<unsigned char>(haystack[end]));
    if (left && right) return true;
    pos += 1;
  }
  return false;
}

}  // namespace

std::vector<std::string> FoldedQueryWords(std::string_view query) {
  std::string folded = text::Fold(query);
  std::vector<std::string> words;
  std::string current;
  for (char ch : folded) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (IsWordByte(c)) {
      current.push_back(ch);
    } else if (!current.empty()) {
      words.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}

double ExactWordShare(const std::vector<std::string>& words, std::string_view title,
                      std::string_view text) {
  if (words.empty()) return 0.0;
  std::string folded_title = text::Fold(title);
  std::string folded_text = text::Fold(text);
  size_t found = 0;
  for (const std::string& w : words) {
    if (ContainsWord(folded_title, w) || ContainsWord(folded_text, w)) ++found;
  }
  return static_cast<double>(found) / static_cast<double>(words.size());
}

}  // namespace depeche::store
