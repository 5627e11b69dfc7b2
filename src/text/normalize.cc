#include "text/normalize.h"

#include <unicode/bytestream.h>
#include <unicode/casemap.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <array>
#include <climits>
#include <cstdint>
#include <cstring>

#include "text/utf8_codec.h"

namespace depeche::text {
namespace {

// Fold works in two layers. ICU's NFKC_Casefold does the Unicode part (compatibility forms,
// case folding, default ignorables); then each resulting code point goes through
// StripAppend (Latin diacritics off, a few letters and punctuation mapped). Doing that per code
// point for every word would cost an ICU call per token, so the result of both steps for every
// code point below U+0800 and in U+1E00..U+20FF (Latin Extended Additional, punctuation,
// currency) is computed once into tables. The tables are only used where ICU itself could not
// do better: the character has an NFKC_Casefold boundary after it (the next character is a
// starter that does not combine backwards), so folding it alone equals folding it in context.
// Anything else (combining sequences, other scripts, rare compatibility characters) goes to
// ICU, a run at a time.

constexpr uint8_t kFast = 1;            // the table entry may be used
constexpr uint8_t kBoundaryBefore = 2;  // NFKC_Casefold has a boundary before this character
constexpr uint8_t kKeepsMarks = 4;      // a following combining mark is kept (non-Latin base)

struct FoldEntry {
  uint8_t len = 0;
  uint8_t flags = 0;
  char out[14] = {};
};

constexpr UChar32 kLowEnd = 0x800;
constexpr UChar32 kMidBegin = 0x1E00;
constexpr UChar32 kMidEnd = 0x2100;
constexpr size_t kMaxSlowRun = size_t{1} << 20;  // keeps ICU's int32 lengths and scratch small

// Letters with no canonical decomposition that readers still see as "a letter with a mark",
// plus the typographic punctuation matched as its ASCII twin.
const char* SpecialMapping(UChar32 c) {
  switch (c) {
    case 0x00E6:
      return "ae";  // æ
    case 0x0153:
      return "oe";  // œ
    case 0x00DF:
      return "ss";  // ß (case folding already does it; kept for clarity)
    case 0x00F8:
      return "o";  // ø
    case 0x0111:
      return "d";  // đ
    case 0x00F0:
      return "d";  // ð
    case 0x0142:
      return "l";  // ł
    case 0x0127:
      return "h";  // ħ
    case 0x0131:
      return "i";  // ı
    case 0x0167:
      return "t";  // ŧ
    case 0x00FE:
      return "th";  // þ
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x02BC:
    case 0x2039:
    case 0x203A:
      return "'";
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x00AB:
    case 0x00BB:
      return "\"";
    case 0x2010:
    case 0x2011:
      return "-";
    default:
      return nullptr;
  }
}

bool IsMark(UChar32 c) {
  return (U_GET_GC_MASK(c) & (U_GC_MN_MASK | U_GC_ME_MASK | U_GC_MC_MASK)) != 0;
}

class Folder {
 public:
  // nullptr when ICU's normalization data cannot be loaded.
  static const Folder* Get() {
    static const Folder* const folder = Create();  // immutable after construction
    return folder;
  }

  void Append(std::string_view s, std::string& out) const;

 private:
  Folder(const icu::Normalizer2* nfkc_cf, const icu::Normalizer2* nfd)
      : nfkc_cf_(nfkc_cf), nfd_(nfd) {}

  static const Folder* Create() {
    UErrorCode ec = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(ec);
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(ec);
    if (U_FAILURE(ec) || nfkc_cf == nullptr || nfd == nullptr) return nullptr;
    auto* folder = new Folder(nfkc_cf, nfd);  // never freed: lives as long as the process
    for (UChar32 c = 0; c < kLowEnd; ++c) folder->Fill(c, folder->low_[c]);
    for (UChar32 c = kMidBegin; c < kMidEnd; ++c) folder->Fill(c, folder->mid_[c - kMidBegin]);
    return folder;
  }

  void Fill(UChar32 c, FoldEntry& entry) const {
    UErrorCode ec = U_ZERO_ERROR;
    const icu::UnicodeString folded = nfkc_cf_->normalize(icu::UnicodeString(c), ec);
    if (U_FAILURE(ec)) return;  // not fast: such a character goes through ICU at run time
    std::string out;
    bool keep_marks = false;
    for (int32_t i = 0; i < folded.length(); i = folded.moveIndex32(i, 1)) {
      StripAppend(folded.char32At(i), keep_marks, out);
    }
    entry.flags =
        (nfkc_cf_->hasBoundaryBefore(c) ? kBoundaryBefore : 0) | (keep_marks ? kKeepsMarks : 0);
    if (!IsMark(c) && out.size() <= sizeof(entry.out)) {
      entry.flags |= kFast;
      entry.len = static_cast<uint8_t>(out.size());
      std::memcpy(entry.out, out.data(), out.size());
    }
  }

  const FoldEntry* Find(UChar32 c) const {
    if (c >= 0 && c < kLowEnd) return &low_[c];
    if (c >= kMidBegin && c < kMidEnd) return &mid_[c - kMidBegin];
    return nullptr;
  }

  bool BoundaryBefore(UChar32 c) const {
    if (c < 0) return true;  // ill-formed byte: ICU treats it as a starter
    if (const FoldEntry* e = Find(c)) return (e->flags & kBoundaryBefore) != 0;
    return nfkc_cf_->hasBoundaryBefore(c);
  }

  // Character at byte `i` starts a run the tables can handle.
  bool FastStarterAt(const uint8_t* p, size_t n, size_t i) const {
    if (p[i] < 0x80) return true;
    UChar32 c;
    utf8::Decode(p, n, i, c);
    const FoldEntry* e = Find(c);
    return e != nullptr && (e->flags & (kFast | kBoundaryBefore)) == (kFast | kBoundaryBefore);
  }

  bool BoundaryBeforeAt(const uint8_t* p, size_t n, size_t i) const {
    if (i >= n || p[i] < 0x80) return true;
    UChar32 c;
    utf8::Decode(p, n, i, c);
    return BoundaryBefore(c);
  }

  // Appends the stripped form of one NFKC_Casefold output code point.
  void StripAppend(UChar32 c, bool& keep_marks, std::string& out) const {
    if ((U_GET_GC_MASK(c) & (U_GC_MN_MASK | U_GC_ME_MASK)) != 0) {
      // A mark after a Latin letter (or punctuation) is a diacritic to drop; after a Cyrillic,
      // Greek, Arabic... letter it is part of the letter (й = и + breve).
      if (keep_marks) utf8::Append(c, out);
      return;
    }
    if (const char* special = SpecialMapping(c)) {
      out += special;
      keep_marks = false;
      return;
    }
    UErrorCode ec = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(c, &ec);
    if (script == USCRIPT_LATIN) {
      icu::UnicodeString decomposition;
      if (nfd_->getDecomposition(c, decomposition) && !decomposition.isEmpty()) {
        const UChar32 base = decomposition.char32At(0);  // canonical: base + marks
        const char* special = SpecialMapping(base);
        if (special != nullptr) {
          out += special;
        } else {
          utf8::Append(base, out);
        }
      } else {
        utf8::Append(c, out);
      }
      keep_marks = false;
      return;
    }
    utf8::Append(c, out);
    keep_marks = U_SUCCESS(ec) && script != USCRIPT_COMMON && script != USCRIPT_INHERITED &&
                 script != USCRIPT_UNKNOWN;
  }

  void SlowAppend(std::string_view run, bool& keep_marks, std::string& out) const {
    thread_local std::string scratch;
    scratch.clear();
    UErrorCode ec = U_ZERO_ERROR;
    {
      icu::StringByteSink<std::string> sink(&scratch);
      nfkc_cf_->normalizeUTF8(0, icu::StringPiece(run.data(), static_cast<int32_t>(run.size())),
                              sink, nullptr, ec);
    }
    if (U_FAILURE(ec)) scratch.assign(run);
    const auto* p = reinterpret_cast<const uint8_t*>(scratch.data());
    const size_t n = scratch.size();
    for (size_t i = 0; i < n;) {
      UChar32 c;
      i += utf8::Decode(p, n, i, c);
      if (c < 0) {
        out += "\xEF\xBF\xBD";
        keep_marks = false;
      } else {
        StripAppend(c, keep_marks, out);
      }
    }
  }

  const icu::Normalizer2* nfkc_cf_;
  const icu::Normalizer2* nfd_;
  std::array<FoldEntry, kLowEnd> low_{};
  std::array<FoldEntry, kMidEnd - kMidBegin> mid_{};
};

constexpr std::array<char, 128> MakeAsciiLower() {
  std::array<char, 128> table{};
  for (int c = 0; c < 128; ++c) {
    table[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
  }
  return table;
}
constexpr std::array<char, 128> kAsciiLower = MakeAsciiLower();

void Folder::Append(std::string_view s, std::string& out) const {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const size_t n = s.size();
  out.reserve(out.size() + n);
  bool keep_marks = false;
  size_t i = 0;
  while (i < n) {
    if (p[i] < 0x80) {
      size_t j = i + 1;
      while (j < n && p[j] < 0x80) ++j;
      // The last ASCII letter may carry a combining mark that follows ("e" + U+0301).
      const size_t safe_end = BoundaryBeforeAt(p, n, j) ? j : j - 1;
      for (size_t k = i; k < safe_end; ++k) out.push_back(kAsciiLower[p[k]]);
      if (safe_end > i) keep_marks = false;
      i = safe_end;
      if (i == j) continue;
    } else {
      UChar32 c;
      const size_t len = utf8::Decode(p, n, i, c);
      const FoldEntry* e = Find(c);
      if (e != nullptr && (e->flags & kFast) && BoundaryBeforeAt(p, n, i + len)) {
        out.append(e->out, e->len);
        if (e->len > 0) keep_marks = (e->flags & kKeepsMarks) != 0;
        i += len;
        continue;
      }
    }
    // ICU for the run up to the next character the tables can take (a boundary before it).
    UChar32 c;
    size_t end = i + utf8::Decode(p, n, i, c);
    while (end < n && !FastStarterAt(p, n, end)) {
      if (end - i >= kMaxSlowRun && BoundaryBeforeAt(p, n, end)) break;
      end += utf8::Decode(p, n, end, c);
    }
    SlowAppend(s.substr(i, end - i), keep_marks, out);
    i = end;
  }
}

bool IsAscii(std::string_view s) {
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, s.data() + i, sizeof(word));
    if (word & 0x8080808080808080ULL) return false;
  }
  for (; i < s.size(); ++i) {
    if (static_cast<unsigned char>(s[i]) >= 0x80) return false;
  }
  return true;
}

}  // namespace

std::string Nfc(std::string_view s) {
  if (IsAscii(s) || s.size() > INT32_MAX) return std::string(s);
  UErrorCode ec = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(ec);
  if (U_FAILURE(ec)) return std::string(s);
  const icu::StringPiece piece(s.data(), static_cast<int32_t>(s.size()));
  if (nfc->isNormalizedUTF8(piece, ec) && U_SUCCESS(ec)) return std::string(s);
  ec = U_ZERO_ERROR;
  std::string out;
  out.reserve(s.size());
  {
    icu::StringByteSink<std::string> sink(&out);
    nfc->normalizeUTF8(0, piece, sink, nullptr, ec);
  }
  if (U_FAILURE(ec)) return std::string(s);
  return out;
}

void FoldAppend(std::string_view s, std::string& out) {
  const Folder* folder = Folder::Get();
  if (folder != nullptr) {
    folder->Append(s, out);
    return;
  }
  for (char ch : s) {  // no ICU data: ASCII lowercase is the best we can do
    const auto b = static_cast<unsigned char>(ch);
    out.push_back(b < 0x80 ? kAsciiLower[b] : ch);
  }
}

std::string Fold(std::string_view s) {
  std::string out;
  FoldAppend(s, out);
  return out;
}

std::string Lower(std::string_view s) {
  if (IsAscii(s) || s.size() > INT32_MAX) {
    std::string out(s);
    for (char& ch : out) {
      const auto b = static_cast<unsigned char>(ch);
      if (b < 0x80) ch = kAsciiLower[b];
    }
    return out;
  }
  std::string out;
  out.reserve(s.size());
  UErrorCode ec = U_ZERO_ERROR;
  {
    icu::StringByteSink<std::string> sink(&out);
    // "" is the root locale (nullptr would mean the process default locale).
    icu::CaseMap::utf8ToLower("", 0, icu::StringPiece(s.data(), static_cast<int32_t>(s.size())),
                              sink, nullptr, ec);
  }
  if (U_FAILURE(ec)) return std::string(s);
  return out;
}

}  // namespace depeche::text
