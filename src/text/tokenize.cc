#include "text/tokenize.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <climits>
#include <memory>
#include <string>
#include <unordered_map>

#include "text/stopwords.h"
#include "text/utf8_codec.h"

namespace depeche::text {
namespace internal {
// Generated from data/<lang>/*.txt by src/text/CMakeLists.txt.
std::string_view EmbeddedDataFile(std::string_view lang, std::string_view name);
}  // namespace internal

namespace {

constexpr size_t kMaxChunk = size_t{1} << 30;  // ICU break iterators take int32_t offsets

std::string LocaleKey(std::string_view lang) {
  if (lang.size() < 2 || lang.size() > 8) return "";
  for (char ch : lang) {
    const bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_' || ch == '-';
    if (!ok) return "";
  }
  return lang == "und" ? "" : std::string(lang);
}

// Elided forms of a language (data/<lang>/elisions.txt): lowercase, without the apostrophe.
using ElisionList = std::vector<std::string_view>;

struct LanguageTools {
  std::unique_ptr<icu::BreakIterator> iterator;  // nullptr when ICU cannot build one
  ElisionList elisions;                          // views into the embedded data
};

LanguageTools CreateTools(const std::string& key) {
  LanguageTools tools;
  UErrorCode ec = U_ZERO_ERROR;
  tools.iterator.reset(icu::BreakIterator::createWordInstance(icu::Locale(key.c_str()), ec));
  if (U_FAILURE(ec)) tools.iterator.reset();
  const size_t sep = key.find_first_of("_-");
  tools.elisions = ParseWordList(internal::EmbeddedDataFile(key.substr(0, sep), "elisions.txt"));
  return tools;
}

// ICU iterators are not thread-safe: one per thread and language, built on first use. The
// last language is remembered so that the usual call (same language again) skips the map.
const LanguageTools& ToolsFor(std::string_view lang) {
  thread_local std::unordered_map<std::string, LanguageTools> cache;
  thread_local std::string last_lang = "\x01";
  thread_local const LanguageTools* last = nullptr;
  if (last != nullptr && lang == last_lang) return *last;
  const std::string key = LocaleKey(lang);
  auto it = cache.find(key);
  if (it == cache.end()) it = cache.emplace(key, CreateTools(key)).first;
  last_lang.assign(lang);
  last = &it->second;  // unordered_map nodes do not move on rehash
  return *last;
}

// Apostrophes that elide: ' (U+0027), ’ (U+2019), ʼ (U+02BC). Returns the byte length or 0.
size_t ApostropheAt(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  if (s[i] == '\'') return 1;
  if (s.substr(i, 3) == "\xE2\x80\x99") return 3;
  if (s.substr(i, 2) == "\xCA\xBC") return 2;
  return 0;
}

bool IsElision(std::string_view prefix, const ElisionList& elisions) {
  if (prefix.empty() || prefix.size() > 8) return false;
  char lower[8];
  for (size_t i = 0; i < prefix.size(); ++i) {
    const char ch = prefix[i];
    lower[i] = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch + ('a' - 'A')) : ch;
  }
  const std::string_view key(lower, prefix.size());
  for (std::string_view e : elisions) {
    if (e == key) return true;
  }
  return false;
}

void Push(std::vector<Token>& out, size_t begin, size_t end, TokenKind kind) {
  Token token;
  token.span = Span{static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
  token.kind = kind;
  out.push_back(token);
}

// Splits leading elided forms off an ICU word ("l’Ukraine", "qu’aujourd’hui"); a word that is
// itself an elided form followed by an apostrophe outside the ICU word ("l’ " before a space
// or a digit: "d’1,5") takes the apostrophe.
void EmitWord(std::string_view text, size_t begin, size_t end, const ElisionList& elisions,
              std::vector<Token>& out) {
  if (!elisions.empty()) {
    while (begin < end) {
      size_t apostrophe = begin;
      size_t len = 0;
      while (apostrophe < end && (len = ApostropheAt(text, apostrophe)) == 0 &&
             apostrophe - begin <= 8) {
        ++apostrophe;
      }
      if (len == 0 || apostrophe >= end) break;
      if (!IsElision(text.substr(begin, apostrophe - begin), elisions)) break;
      Push(out, begin, apostrophe + len, TokenKind::kElision);
      begin = apostrophe + len;
    }
    if (begin >= end) return;
    const size_t trailing = ApostropheAt(text, end);
    if (trailing > 0 && IsElision(text.substr(begin, end - begin), elisions)) {
      Push(out, begin, end + trailing, TokenKind::kElision);
      return;
    }
  }
  Push(out, begin, end, TokenKind::kWord);
}

bool IsJoiningHyphen(std::string_view gap) {
  return gap == "-" || gap == "\xE2\x80\x90" || gap == "\xE2\x80\x91";
}

bool StartsUppercase(std::string_view text, const Span& span) {
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  const uint8_t first = p[span.begin];
  if (first < 0x80) return first >= 'A' && first <= 'Z';
  int32_t c;
  utf8::Decode(p, span.end, span.begin, c);
  return c >= 0 && (u_isupper(c) || u_istitle(c));
}

void TokenizeChunk(std::string_view text, size_t chunk_begin, size_t chunk_end,
                   icu::BreakIterator* iterator, const ElisionList& elisions,
                   std::vector<Token>& out) {
  UErrorCode ec = U_ZERO_ERROR;
  UText utext = UTEXT_INITIALIZER;
  utext_openUTF8(&utext, text.data() + chunk_begin, static_cast<int64_t>(chunk_end - chunk_begin),
                 &ec);
  iterator->setText(&utext, ec);
  if (U_SUCCESS(ec)) {
    // With UText over UTF-8, ICU's indexes are byte offsets into the chunk.
    int32_t start = iterator->first();
    for (int32_t end = iterator->next(); end != icu::BreakIterator::DONE;
         start = end, end = iterator->next()) {
      const int32_t status = iterator->getRuleStatus();
      if (status < UBRK_WORD_NUMBER) continue;  // spaces, punctuation, symbols
      const size_t begin = chunk_begin + static_cast<size_t>(start);
      const size_t stop = chunk_begin + static_cast<size_t>(end);
      if (status < UBRK_WORD_NUMBER_LIMIT) {
        Push(out, begin, stop, TokenKind::kNumber);
      } else {
        EmitWord(text, begin, stop, elisions, out);
      }
    }
  }
  utext_close(&utext);
}

constexpr std::array<bool, 128> MakeAsciiWordTable() {
  std::array<bool, 128> table{};
  for (int c = '0'; c <= '9'; ++c) table[c] = true;
  for (int c = 'a'; c <= 'z'; ++c) table[c] = true;
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = true;
  return table;
}
constexpr std::array<bool, 128> kAsciiWord = MakeAsciiWordTable();

enum class CharClass { kSeparator, kWord, kJoiner };

CharClass ClassifyNonAscii(UChar32 c) {
  if (c < 0) return CharClass::kSeparator;  // invalid UTF-8
  const uint32_t mask = U_GET_GC_MASK(c);
  if (mask & (U_GC_L_MASK | U_GC_N_MASK | U_GC_M_MASK)) return CharClass::kWord;
  // Soft hyphen, zero-width (non-)joiner and word joiner sit inside words (Fold drops them);
  // other format characters (zero-width space, BOM, bidi controls) separate.
  if (c == 0x00AD || c == 0x200C || c == 0x200D || c == 0x2060) return CharClass::kJoiner;
  return CharClass::kSeparator;
}

}  // namespace

WordRun NextWord(std::string_view text, size_t from) {
  WordRun run;
  const char* data = text.data();
  // U8_NEXT takes int32_t offsets: longer texts are scanned up to 2 GiB.
  const auto n = static_cast<int32_t>(std::min<size_t>(text.size(), INT32_MAX));
  if (from >= static_cast<size_t>(n)) return run;
  auto i = static_cast<int32_t>(from);
  while (i < n) {  // the start of the next word
    const auto b = static_cast<unsigned char>(data[i]);
    if (b < 0x80) {
      if (kAsciiWord[b]) break;
      ++i;
      continue;
    }
    int32_t next = i;
    UChar32 c;
    U8_NEXT(data, next, n, c);
    if (ClassifyNonAscii(c) == CharClass::kWord) break;
    i = next;
  }
  if (i >= n) return run;
  run.begin = static_cast<size_t>(i);
  while (i < n) {  // its end
    const auto b = static_cast<unsigned char>(data[i]);
    if (b < 0x80) {
      if (!kAsciiWord[b]) break;
      ++i;
      continue;
    }
    int32_t next = i;
    UChar32 c;
    U8_NEXT(data, next, n, c);
    if (ClassifyNonAscii(c) == CharClass::kSeparator) break;
    run.ascii = false;
    i = next;
  }
  run.end = static_cast<size_t>(i);
  return run;
}

std::vector<Token> Tokenize(std::string_view text, std::string_view lang) {
  std::vector<Token> out;
  if (text.size() > UINT32_MAX) text = text.substr(0, UINT32_MAX);  // Span holds 32-bit offsets
  const LanguageTools& tools = ToolsFor(lang);
  if (tools.iterator == nullptr || text.empty()) return out;
  out.reserve(text.size() / 6 + 1);
  size_t chunk_begin = 0;
  while (chunk_begin < text.size()) {
    size_t chunk_end = text.size();
    if (chunk_end - chunk_begin > kMaxChunk) {  // cut at a space so no word is split
      chunk_end = text.rfind(' ', chunk_begin + kMaxChunk);
      if (chunk_end == std::string_view::npos || chunk_end <= chunk_begin) {
        chunk_end = chunk_begin + kMaxChunk;
        while (chunk_end > chunk_begin + 1 && (text[chunk_end] & 0xC0) == 0x80) --chunk_end;
      }
    }
    TokenizeChunk(text, chunk_begin, chunk_end, tools.iterator.get(), tools.elisions, out);
    chunk_begin = chunk_end;
  }
  for (size_t i = 0; i < out.size(); ++i) {
    Token& token = out[i];
    token.capitalized = StartsUppercase(text, token.span);
    if (i + 1 < out.size() && token.kind != TokenKind::kElision) {
      const uint32_t gap_begin = token.span.end;
      const uint32_t gap_end = out[i + 1].span.begin;
      token.joined_next =
          gap_end > gap_begin && IsJoiningHyphen(text.substr(gap_begin, gap_end - gap_begin));
    }
  }
  return out;
}

std::string JoinedText(std::string_view text, const std::vector<Token>& tokens, size_t first,
                       size_t last) {
  std::string out;
  if (first > last || last >= tokens.size()) return out;
  for (size_t i = first; i <= last; ++i) {
    const Span& span = tokens[i].span;
    if (span.end > text.size() || span.begin > span.end) return {};
    out.append(text.substr(span.begin, span.end - span.begin));
    if (i == last) break;
    const uint32_t next = tokens[i + 1].span.begin;
    if (tokens[i].joined_next && next >= span.end && next <= text.size()) {
      out.append(text.substr(span.end, next - span.end));  // the hyphen as written
    } else if (tokens[i].kind != TokenKind::kElision) {
      out.push_back(' ');
    }
  }
  return out;
}

}  // namespace depeche::text
