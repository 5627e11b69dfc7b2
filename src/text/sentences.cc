#include "text/sentences.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <climits>
#include <memory>
#include <string>
#include <unordered_map>

#include "text/sentences_abbreviations.h"
#include "text/utf8_codec.h"

namespace depeche::text {
namespace {

// ICU break iterators take int32_t offsets; longer input is split at a line break.
constexpr size_t kMaxChunk = size_t{1} << 30;

// "fr", "pt", "zh_Hant"... anything else (including "und") gets ICU's root rules.
std::string LocaleKey(std::string_view lang) {
  if (lang.size() < 2 || lang.size() > 8) return "";
  for (char ch : lang) {
    const bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_' || ch == '-';
    if (!ok) return "";
  }
  return lang == "und" ? "" : std::string(lang);
}

// Plain "<lang>" rules; the abbreviation exceptions that "@ss=standard" would add are applied
// afterwards by SentenceAbbreviations, at word boundaries (see sentences_abbreviations.h).
struct SentenceTools {
  std::unique_ptr<icu::BreakIterator> iterator;  // nullptr when ICU cannot build one
  internal::SentenceAbbreviations abbreviations;
};

SentenceTools CreateTools(const std::string& key) {
  SentenceTools tools;
  UErrorCode ec = U_ZERO_ERROR;
  tools.iterator.reset(icu::BreakIterator::createSentenceInstance(icu::Locale(key.c_str()), ec));
  if (U_FAILURE(ec)) tools.iterator.reset();
  tools.abbreviations = internal::SentenceAbbreviations::ForLocale(key);
  return tools;
}

// ICU iterators are not thread-safe: one per thread and language, built on first use.
const SentenceTools& ToolsFor(std::string_view lang) {
  thread_local std::unordered_map<std::string, SentenceTools> cache;
  const std::string key = LocaleKey(lang);
  auto it = cache.find(key);
  if (it == cache.end()) it = cache.emplace(key, CreateTools(key)).first;
  return it->second;
}

bool IsSpaceAt(const uint8_t* p, size_t n, size_t i, size_t* len) {
  int32_t c;
  *len = utf8::Decode(p, n, i, c);
  return c >= 0 && u_isUWhiteSpace(c);
}

// Closing quotes, brackets and punctuation that stick to the end of a quoted sentence:
// ". » Ensuite" must end with the » rather than start the next sentence with it.
size_t ClosingLength(std::string_view s, size_t i) {
  static constexpr std::string_view kClosers[] = {
      "\xC2\xBB", "\xE2\x80\x9D", "\xE2\x80\xBA", ")", "]", ".", ",", ";", ":", "!",
      "?",        "\xE2\x80\xA6"};
  for (std::string_view closer : kClosers) {
    if (s.substr(i, closer.size()) == closer) return closer.size();
  }
  return 0;
}

bool StartsWithQuoteCloser(std::string_view s, size_t i) {
  return s.substr(i, 2) == "\xC2\xBB" || s.substr(i, 3) == "\xE2\x80\x9D" ||
         s.substr(i, 3) == "\xE2\x80\xBA";
}

class SentenceCollector {
 public:
  SentenceCollector(std::string_view text, const internal::SentenceAbbreviations& abbreviations,
                    std::vector<Span>& out)
      : text_(text), abbreviations_(abbreviations), out_(out) {}

  // Adds the ICU segment [begin, end), trimmed and patched.
  void Add(size_t begin, size_t end) {
    const auto* p = reinterpret_cast<const uint8_t*>(text_.data());
    size_t len = 0;
    while (begin < end && IsSpaceAt(p, end, begin, &len)) begin += len;
    while (end > begin) {  // trailing space: step back one code point at a time
      size_t prev = end - 1;
      while (prev > begin && (p[prev] & 0xC0) == 0x80) --prev;
      if (!IsSpaceAt(p, end, prev, &len)) break;
      end = prev;
    }
    if (begin >= end) return;
    if (!out_.empty() && SameLine(out_.back().end, begin)) {
      if (StartsWithQuoteCloser(text_, begin)) {
        size_t stop = begin;
        while (stop < end) {
          const size_t closer = ClosingLength(text_, stop);
          if (closer == 0) break;
          stop += closer;
        }
        out_.back().end = static_cast<uint32_t>(stop);
        while (stop < end && IsSpaceAt(p, end, stop, &len)) stop += len;
        begin = stop;
        if (begin >= end) return;
      }
      const Span& previous = out_.back();
      if (abbreviations_.KeepsSentenceOpen(
              text_.substr(previous.begin, previous.end - previous.begin))) {
        out_.back().end = static_cast<uint32_t>(end);
        return;
      }
    }
    out_.push_back(Span{static_cast<uint32_t>(begin), static_cast<uint32_t>(end)});
  }

 private:
  // No line break between the previous sentence and `begin`: a new line or paragraph always
  // starts a new sentence.
  bool SameLine(size_t from, size_t to) const {
    return text_.substr(from, to - from).find_first_of("\n\r") == std::string_view::npos;
  }

  std::string_view text_;
  const internal::SentenceAbbreviations& abbreviations_;
  std::vector<Span>& out_;
};

}  // namespace

std::vector<Span> SplitSentences(std::string_view text, std::string_view lang) {
  std::vector<Span> out;
  if (text.size() > UINT32_MAX) text = text.substr(0, UINT32_MAX);  // Span holds 32-bit offsets
  const SentenceTools& tools = ToolsFor(lang);
  icu::BreakIterator* iterator = tools.iterator.get();
  SentenceCollector collector(text, tools.abbreviations, out);
  size_t chunk_begin = 0;
  while (chunk_begin < text.size()) {
    size_t chunk_end = text.size();
    if (chunk_end - chunk_begin > kMaxChunk) {
      const size_t newline = text.rfind('\n', chunk_begin + kMaxChunk);
      chunk_end = (newline != std::string_view::npos && newline > chunk_begin)
                      ? newline + 1
                      : chunk_begin + kMaxChunk;
      while (chunk_end > chunk_begin + 1 && (text[chunk_end] & 0xC0) == 0x80) --chunk_end;
    }
    const std::string_view chunk = text.substr(chunk_begin, chunk_end - chunk_begin);
    UErrorCode ec = U_ZERO_ERROR;
    UText utext = UTEXT_INITIALIZER;
    utext_openUTF8(&utext, chunk.data(), static_cast<int64_t>(chunk.size()), &ec);
    if (iterator != nullptr && U_SUCCESS(ec)) iterator->setText(&utext, ec);
    if (iterator == nullptr || U_FAILURE(ec)) {
      collector.Add(chunk_begin, chunk_end);  // no ICU data: the chunk is one sentence
    } else {
      // With UText over UTF-8, ICU's indexes are byte offsets into `chunk`.
      int32_t start = iterator->first();
      for (int32_t end = iterator->next(); end != icu::BreakIterator::DONE;
           start = end, end = iterator->next()) {
        collector.Add(chunk_begin + static_cast<size_t>(start),
                      chunk_begin + static_cast<size_t>(end));
      }
    }
    utext_close(&utext);
    chunk_begin = chunk_end;
  }
  return out;
}

}  // namespace depeche::text
