#include "ingest/html_charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <memory>
#include <utility>

#include "core/strings.h"
#include "ingest/charset.h"
#include "text/utf8.h"

namespace depeche::ingest {
namespace {

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == ':' || c == '.';
}

// The names a page may declare, mapped the way the WHATWG Encoding standard does for the
// common cases; anything else goes to ICU as is.
std::string CanonicalCharset(std::string_view name) {
  std::string lower = core::AsciiLower(core::Trim(name));
  lower.erase(std::remove(lower.begin(), lower.end(), '"'), lower.end());
  lower.erase(std::remove(lower.begin(), lower.end(), '\''), lower.end());
  if (lower.empty()) return "";
  if (lower == "utf8" || lower == "utf-8" || lower == "unicode-1-1-utf-8") return "utf-8";
  // A <meta> cannot honestly declare UTF-16 (the prescan read it as ASCII).
  if (lower.rfind("utf-16", 0) == 0 || lower == "unicode") return "utf-8";
  if (lower == "iso-8859-1" || lower == "iso8859-1" || lower == "latin1" || lower == "latin-1" ||
      lower == "us-ascii" || lower == "ascii" || lower == "l1" || lower == "cp1252" ||
      lower == "windows-1252" || lower == "x-cp1252" || lower == "iso_8859-1") {
    return "windows-1252";
  }
  if (lower == "iso-8859-9" || lower == "latin5") return "windows-1254";
  if (lower == "gb2312" || lower == "gbk" || lower == "x-gbk") return "gb18030";
  return lower;
}

// Reads the value after "charset" in `s` starting at `pos` (just past the word).
std::string_view CharsetValueAt(std::string_view s, size_t pos) {
  while (pos < s.size() && IsAsciiSpace(s[pos])) ++pos;
  if (pos >= s.size() || s[pos] != '=') return {};
  ++pos;
  while (pos < s.size() && (IsAsciiSpace(s[pos]) || s[pos] == '"' || s[pos] == '\'')) ++pos;
  size_t begin = pos;
  while (pos < s.size() && IsNameChar(s[pos])) ++pos;
  return s.substr(begin, pos - begin);
}

// The WHATWG prescan, simplified: the first <meta> in the first 4 KB whose attributes carry
// "charset=" (either <meta charset> or an http-equiv Content-Type content).
std::string PrescanMetaCharset(std::string_view bytes) {
  std::string head = core::AsciiLower(bytes.substr(0, 4096));
  size_t pos = 0;
  while ((pos = head.find("<meta", pos)) != std::string::npos) {
    size_t end = head.find('>', pos);
    if (end == std::string::npos) end = head.size();
    std::string_view tag = std::string_view(head).substr(pos, end - pos);
    size_t at = tag.find("charset");
    while (at != std::string_view::npos) {
      std::string_view value = CharsetValueAt(tag, at + 7);
      if (!value.empty()) return std::string(value);
      at = tag.find("charset", at + 7);
    }
    pos = end;
  }
  return "";
}

bool ConvertToUtf8(std::string_view bytes, const std::string& charset, std::string* out) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* raw = ucnv_open(charset.c_str(), &status);
  if (U_FAILURE(status) || raw == nullptr) return false;
  std::unique_ptr<UConverter, void (*)(UConverter*)> conv(raw, &ucnv_close);
  std::string result(bytes.size() * 3 + 16, '\0');
  status = U_ZERO_ERROR;
  int32_t n =
      ucnv_toAlgorithmic(UCNV_UTF8, conv.get(), result.data(), static_cast<int32_t>(result.size()),
                         bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) {
    result.assign(static_cast<size_t>(n) + 16, '\0');
    status = U_ZERO_ERROR;
    ucnv_reset(conv.get());
    n = ucnv_toAlgorithmic(UCNV_UTF8, conv.get(), result.data(),
                           static_cast<int32_t>(result.size()), bytes.data(),
                           static_cast<int32_t>(bytes.size()), &status);
  }
  if (U_FAILURE(status)) return false;
  result.resize(static_cast<size_t>(n));
  *out = text::RepairUtf8(result).text;  // drops NULs; ICU output is otherwise valid
  return true;
}

std::string DetectCharset(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector* raw = ucsdet_open(&status);
  if (U_FAILURE(status) || raw == nullptr) return "";
  std::unique_ptr<UCharsetDetector, void (*)(UCharsetDetector*)> det(raw, &ucsdet_close);
  ucsdet_enableInputFilter(det.get(), true);  // ignore markup when guessing
  std::string_view sample = bytes.substr(0, 1u << 16);
  ucsdet_setText(det.get(), sample.data(), static_cast<int32_t>(sample.size()), &status);
  const UCharsetMatch* match = ucsdet_detect(det.get(), &status);
  if (U_FAILURE(status) || match == nullptr) return "";
  const char* name = ucsdet_getName(match, &status);
  return U_FAILURE(status) || name == nullptr ? "" : CanonicalCharset(name);
}

bool HasNonAscii(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return (c & 0x80) != 0; });
}

}  // namespace

std::string DecodeHtmlBytes(std::string_view bytes, std::string_view declared_charset,
                            std::string* charset_used, std::string* warning) {
  std::string charset;
  std::string sink_warning;
  if (warning == nullptr) warning = &sink_warning;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    bytes.remove_prefix(3);
    charset = "utf-8";
  } else if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
    std::string out;
    charset = bytes[0] == '\xFF' ? "utf-16le" : "utf-16be";
    if (ConvertToUtf8(bytes.substr(2), charset, &out)) {
      if (charset_used != nullptr) *charset_used = charset;
      return out;
    }
    charset.clear();
  }
  if (charset.empty()) {
    size_t at = core::AsciiLower(declared_charset).find("charset");
    charset = CanonicalCharset(at == std::string::npos ? declared_charset
                                                       : CharsetValueAt(declared_charset, at + 7));
  }
  if (charset.empty()) charset = CanonicalCharset(PrescanMetaCharset(bytes));
  bool valid_utf8 = text::IsValidUtf8(bytes);
  if (!charset.empty() && charset != "utf-8") {
    if (valid_utf8 && HasNonAscii(bytes)) {
      // Valid multi-byte UTF-8 is almost never a legacy text by accident: the label is stale.
      *warning = "declared " + charset + " but the bytes are valid UTF-8: read as UTF-8";
      charset = "utf-8";
    } else {
      std::string out;
      if (ConvertToUtf8(bytes, charset, &out)) {
        if (charset_used != nullptr) *charset_used = charset;
        return out;
      }
      *warning = "unknown charset '" + charset + "'";
      charset.clear();
    }
  }
  if (valid_utf8) {
    if (charset_used != nullptr) *charset_used = "utf-8";
    return std::string(bytes);
  }
  if (charset.empty()) {
    std::string detected = DetectCharset(bytes);
    std::string out;
    if (!detected.empty() && detected != "utf-8" && ConvertToUtf8(bytes, detected, &out)) {
      *warning +=
          (warning->empty() ? "" : "; ") + std::string("no charset declared: detected ") + detected;
      if (charset_used != nullptr) *charset_used = detected;
      return out;
    }
  }
  DecodedText decoded = DecodeToUtf8(bytes);
  *warning += (warning->empty() ? "" : "; ") + decoded.warning;
  if (charset_used != nullptr) *charset_used = "utf-8";
  return std::move(decoded.text);
}

}  // namespace depeche::ingest
