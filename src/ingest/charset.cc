#include "ingest/charset.h"

#include <unicode/ucnv.h>

#include <memory>

#include "text/utf8.h"

namespace depeche::ingest {
namespace {

// Counts well-formed multi-byte sequences: a real UTF-8 text with a few broken bytes has
// many; a Latin-1 text has none.
size_t CountValidMultibyte(std::string_view s) {
  size_t count = 0;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80           ? 1
                 : (c >> 5) == 0x6  ? 2
                 : (c >> 4) == 0xE  ? 3
                 : (c >> 3) == 0x1E ? 4
                                    : 0;
    if (len <= 1 || i + len > s.size()) {
      ++i;
      continue;
    }
    bool ok = true;
    for (size_t k = 1; k < len; ++k) ok &= (static_cast<unsigned char>(s[i + k]) >> 6) == 0x2;
    if (ok && text::IsValidUtf8(s.substr(i, len))) {
      ++count;
      i += len;
    } else {
      ++i;
    }
  }
  return count;
}

bool DecodeWindows1252(std::string_view bytes, std::string& out) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> conv(ucnv_open("windows-1252", &status),
                                                          &ucnv_close);
  if (U_FAILURE(status)) return false;
  std::string result(bytes.size() * 3 + 16, '\0');
  status = U_ZERO_ERROR;
  int32_t n =
      ucnv_toAlgorithmic(UCNV_UTF8, conv.get(), result.data(), static_cast<int32_t>(result.size()),
                         bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) return false;
  result.resize(static_cast<size_t>(n));
  out = std::move(result);
  return true;
}

}  // namespace

DecodedText DecodeToUtf8(std::string_view bytes) {
  DecodedText out;
  size_t bad = 0;
  if (text::IsValidUtf8(bytes, &bad)) {
    out.text = std::string(bytes);
    return out;
  }
  if (CountValidMultibyte(bytes) == 0 && DecodeWindows1252(bytes, out.text)) {
    out.warning = "not valid UTF-8 (first bad byte at offset " + std::to_string(bad) +
                  "): decoded as windows-1252";
    return out;
  }
  text::Utf8Repair repaired = text::RepairUtf8(bytes);
  out.text = std::move(repaired.text);
  out.warning = "invalid UTF-8 at byte offset " + std::to_string(repaired.first_error) + ": " +
                std::to_string(repaired.replaced) + " sequence(s) replaced by U+FFFD";
  return out;
}

}  // namespace depeche::ingest
