#include "extract/ner_tokens.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "text/sentences.h"
#include "text/tokenize.h"

namespace depeche::extract {
namespace {

// Appends one word per non-space character of text[begin, end).
void AddPunctuation(std::string_view text, uint32_t begin, uint32_t end, std::vector<Span>& out) {
  for (int32_t i = static_cast<int32_t>(begin), n = static_cast<int32_t>(end); i < n;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(text.data(), i, n, c);
    if (c < 0 || u_isUWhiteSpace(c) || u_charType(c) == U_FORMAT_CHAR ||
        u_charType(c) == U_CONTROL_CHAR) {
      continue;
    }
    out.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(i)});
  }
}

}  // namespace

std::vector<std::vector<Span>> NerTokenize(std::string_view text, std::string_view lang) {
  std::vector<std::vector<Span>> sentences;
  for (const Span& sentence : text::SplitSentences(text, lang)) {
    std::string_view s = text.substr(sentence.begin, sentence.end - sentence.begin);
    std::vector<text::Token> tokens = text::Tokenize(s, lang);
    std::vector<Span> words;
    uint32_t cursor = 0;
    for (size_t i = 0; i < tokens.size(); ++i) {
      Span w = tokens[i].span;
      while (tokens[i].joined_next && i + 1 < tokens.size()) w.end = tokens[++i].span.end;
      AddPunctuation(s, cursor, w.begin, words);
      words.push_back(w);
      cursor = w.end;
    }
    AddPunctuation(s, cursor, static_cast<uint32_t>(s.size()), words);
    if (tokens.empty()) continue;
    for (Span& w : words) {
      w.begin += sentence.begin;
      w.end += sentence.begin;
    }
    sentences.push_back(std::move(words));
  }
  return sentences;
}

}  // namespace depeche::extract
