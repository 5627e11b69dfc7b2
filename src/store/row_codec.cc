#include "store/row_codec.h"

#include <cstdint>

namespace depeche::store {
namespace {

void PutU32(uint32_t v, char* p) {
  p[0] = static_cast<char>(v & 0xff);
  p[1] = static_cast<char>((v >> 8) & 0xff);
  p[2] = static_cast<char>((v >> 16) & 0xff);
  p[3] = static_cast<char>((v >> 24) & 0xff);
}

uint32_t GetU32(const char* p) {
  auto b = [p](int i) { return static_cast<uint32_t>(static_cast<unsigned char>(p[i])); };
  return b(0) | (b(1) << 8) | (b(2) << 16) | (b(3) << 24);
}

}  // namespace

void EncodeSpans(const std::vector<Span>& spans, std::string& out) {
  out.resize(spans.size() * 8);
  char* p = out.data();
  for (const Span& span : spans) {
    PutU32(span.begin, p);
    PutU32(span.end, p + 4);
    p += 8;
  }
}

Result<std::vector<Span>> DecodeSpans(std::string_view blob) {
  if (blob.size() % 8 != 0) {
    return DataLossError("sentence spans: " + std::to_string(blob.size()) +
                         " bytes is not a whole number of (begin, end) pairs");
  }
  std::vector<Span> spans(blob.size() / 8);
  const char* p = blob.data();
  for (Span& span : spans) {
    span.begin = GetU32(p);
    span.end = GetU32(p + 4);
    if (span.end < span.begin) return DataLossError("sentence spans: reversed span");
    p += 8;
  }
  return spans;
}

void AppendJsonString(std::string_view value, std::string& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (char c : value) {
    auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (u < 0x20) {
          out += "\\u00";
          out += kHex[u >> 4];
          out += kHex[u & 0xf];
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

void EncodeJsonStringArray(const std::vector<std::string>& values, std::string& out) {
  out.assign(1, '[');
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ',';
    AppendJsonString(values[i], out);
  }
  out += ']';
}

}  // namespace depeche::store
