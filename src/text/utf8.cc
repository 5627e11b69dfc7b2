#include "text/utf8.h"

#include <cstdint>
#include <cstring>

namespace depeche::text {
namespace {

constexpr uint64_t kHighBits = 0x8080808080808080ULL;

// Length of the all-ASCII prefix of [p, p + n), 8 bytes at a time: most news text is ASCII
// between the accented letters, so this loop does the bulk of the work.
size_t AsciiPrefix(const unsigned char* p, size_t n) {
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t word;
    std::memcpy(&word, p + i, sizeof(word));
    if (word & kHighBits) break;
  }
  while (i < n && p[i] < 0x80) ++i;
  return i;
}

// Checks the sequence starting at p[0] (a non-ASCII byte) against Unicode Table 3-7
// (well-formed UTF-8 byte sequences). Returns the sequence length when it is well formed;
// otherwise 0, and *bad_len receives the length of its maximal subpart (at least 1): the
// bytes that a single U+FFFD replaces.
size_t CheckSequence(const unsigned char* p, size_t avail, size_t* bad_len) {
  const unsigned char lead = p[0];
  size_t need;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    need = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    need = 3;
    if (lead == 0xE0) lo = 0xA0;  // overlong
    if (lead == 0xED) hi = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    need = 4;
    if (lead == 0xF0) lo = 0x90;  // overlong
    if (lead == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    *bad_len = 1;  // continuation byte, C0/C1 (always overlong) or F5..FF
    return 0;
  }
  for (size_t k = 1; k < need; ++k) {
    if (k >= avail) {
      *bad_len = k;  // truncated at the end of the input
      return 0;
    }
    const unsigned char b = p[k];
    const bool ok = (k == 1) ? (b >= lo && b <= hi) : (b >= 0x80 && b <= 0xBF);
    if (!ok) {
      *bad_len = k;
      return 0;
    }
  }
  return need;
}

}  // namespace

bool IsValidUtf8(std::string_view s, size_t* error_offset) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    i += AsciiPrefix(p + i, n - i);
    if (i >= n) break;
    size_t bad_len = 0;
    const size_t len = CheckSequence(p + i, n - i, &bad_len);
    if (len == 0) {
      if (error_offset != nullptr) *error_offset = i;
      return false;
    }
    i += len;
  }
  return true;
}

Utf8Repair RepairUtf8(std::string_view s) {
  Utf8Repair result;
  if (std::memchr(s.data(), 0, s.size()) == nullptr && IsValidUtf8(s)) {
    result.text.assign(s);
    return result;
  }
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  result.text.reserve(n + 8);
  size_t i = 0;
  while (i < n) {
    const size_t ascii = AsciiPrefix(p + i, n - i);
    // Copy the ASCII run, leaving out NUL bytes (they break C APIs and SQLite text).
    const char* run = s.data() + i;
    size_t left = ascii;
    while (left > 0) {
      const void* nul = std::memchr(run, 0, left);
      const size_t keep = nul ? static_cast<size_t>(static_cast<const char*>(nul) - run) : left;
      result.text.append(run, keep);
      if (nul == nullptr) break;
      ++result.nul_dropped;
      run += keep + 1;
      left -= keep + 1;
    }
    i += ascii;
    if (i >= n) break;
    size_t bad_len = 0;
    const size_t len = CheckSequence(p + i, n - i, &bad_len);
    if (len > 0) {
      result.text.append(s.data() + i, len);
      i += len;
      continue;
    }
    if (result.replaced == 0) result.first_error = i;
    ++result.replaced;
    result.text.append("\xEF\xBF\xBD");
    i += bad_len;
  }
  return result;
}

}  // namespace depeche::text
