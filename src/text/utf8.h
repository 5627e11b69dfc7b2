// UTF-8 validation and repair.
#ifndef DEPECHE_TEXT_UTF8_H_
#define DEPECHE_TEXT_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace depeche::text {

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, <= U+10FFFF; NUL bytes are
// well formed). On failure and when `error_offset` is not null, stores the byte offset of the
// first bad byte. Thread-safe; ASCII runs are checked 8 bytes at a time.
bool IsValidUtf8(std::string_view s, size_t* error_offset = nullptr);

struct Utf8Repair {
  std::string text;        // valid UTF-8; each maximal bad subsequence became U+FFFD
  size_t replaced = 0;     // number of U+FFFD inserted
  size_t first_error = 0;  // byte offset of the first bad byte in the input (if replaced > 0)
  size_t nul_dropped = 0;  // number of NUL bytes removed

  bool changed() const { return replaced > 0 || nul_dropped > 0; }
};

// Replaces invalid sequences by U+FFFD (Unicode/WHATWG "maximal subpart" practice: one U+FFFD
// per maximal invalid subpart, e.g. a truncated 3-byte sequence gives one, an overlong C0 AF
// gives two) and drops NUL bytes. Valid input without NUL comes back unchanged. Thread-safe.
Utf8Repair RepairUtf8(std::string_view s);

}  // namespace depeche::text

#endif  // DEPECHE_TEXT_UTF8_H_
