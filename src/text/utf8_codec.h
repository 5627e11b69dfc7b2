// Internal to depeche_text: inline UTF-8 decoding/encoding for the hot loops (fold, tokenize).
// ICU's U8_NEXT wants int32_t indexes; these work on size_t and never read past `n`.
#ifndef DEPECHE_TEXT_UTF8_CODEC_H_
#define DEPECHE_TEXT_UTF8_CODEC_H_

#include <cstddef>
#include <cstdint>
#include <string>

namespace depeche::text::utf8 {

// Decodes the code point starting at p[i] (i < n) into `c` and returns its length in bytes.
// An ill-formed sequence gives c = -1 and length 1.
inline size_t Decode(const uint8_t* p, size_t n, size_t i, int32_t& c) {
  const uint8_t b = p[i];
  if (b < 0x80) {
    c = b;
    return 1;
  }
  auto cont = [&](size_t k) { return i + k < n && (p[i + k] & 0xC0) == 0x80; };
  if (b >= 0xC2 && b <= 0xDF && cont(1)) {
    c = ((b & 0x1F) << 6) | (p[i + 1] & 0x3F);
    return 2;
  }
  if (b >= 0xE0 && b <= 0xEF && cont(1) && cont(2)) {
    c = ((b & 0x0F) << 12) | ((p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
    if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) return 3;
  } else if (b >= 0xF0 && b <= 0xF4 && cont(1) && cont(2) && cont(3)) {
    c = ((b & 0x07) << 18) | ((p[i + 1] & 0x3F) << 12) | ((p[i + 2] & 0x3F) << 6) |
        (p[i + 3] & 0x3F);
    if (c >= 0x10000 && c <= 0x10FFFF) return 4;
  }
  c = -1;
  return 1;
}

// Appends the UTF-8 encoding of the scalar value `c` (0 <= c <= 0x10FFFF, not a surrogate).
inline void Append(int32_t c, std::string& out) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

}  // namespace depeche::text::utf8

#endif  // DEPECHE_TEXT_UTF8_CODEC_H_
