#include "store/row_codec.h"

#include <cstdio>

#include <cstdint>

#include "core/strings.h"

namespace depeche::store {
namespace {

// Reads back the JSON arrays this file writes (no white space, ASCII): one character or one
// unsigned 32-bit number at a time.
struct JsonCursor {
  std::string_view json;
  size_t pos = 0;

  bool Expect(char c) {
    if (pos >= json.size() || json[pos] != c) return false;
    ++pos;
    return true;
  }
  bool Number(uint32_t& value) {
    const size_t start = pos;
    uint64_t v = 0;
    while (pos < json.size() && json[pos] >= '0' && json[pos] <= '9' && pos - start < 10) {
      v = v * 10 + static_cast<uint64_t>(json[pos++] - '0');
    }
    if (pos == start || v > UINT32_MAX) return false;
    value = static_cast<uint32_t>(v);
    return true;
  }
  bool AtEnd() const { return pos == json.size(); }
};

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

void EncodeBoilerplate(const std::vector<BoilerplateSpan>& spans, std::string& out) {
  out.assign(1, '[');
  for (size_t i = 0; i < spans.size(); ++i) {
    if (i > 0) out += ',';
    out += '[';
    out += std::to_string(spans[i].span.begin);
    out += ',';
    out += std::to_string(spans[i].span.end);
    out += ',';
    AppendJsonString(spans[i].reason, out);
    out += ']';
  }
  out += ']';
}

Result<std::vector<BoilerplateSpan>> DecodeBoilerplate(std::string_view json) {
  // Reads back exactly what EncodeBoilerplate writes; reasons are plain ASCII words.
  std::vector<BoilerplateSpan> out;
  JsonCursor in{json};
  auto bad = [&json]() {
    return DataLossError("boilerplate column is malformed: " + std::string(json.substr(0, 60)));
  };
  if (json.empty()) return out;
  if (!in.Expect('[')) return bad();
  if (in.Expect(']')) return out;
  do {
    BoilerplateSpan b;
    if (!in.Expect('[') || !in.Number(b.span.begin) || !in.Expect(',') || !in.Number(b.span.end) ||
        !in.Expect(',') || !in.Expect('"')) {
      return bad();
    }
    size_t end = json.find('"', in.pos);
    if (end == std::string_view::npos) return bad();
    b.reason = std::string(json.substr(in.pos, end - in.pos));
    in.pos = end + 1;
    if (!in.Expect(']') || b.span.begin > b.span.end) return bad();
    out.push_back(std::move(b));
  } while (in.Expect(','));
  if (!in.Expect(']') || !in.AtEnd()) return bad();
  return out;
}

std::vector<std::string> DecodeCommaList(std::string_view list) {
  std::vector<std::string> out;
  if (list.empty()) return out;
  for (std::string_view piece : core::Split(list, ',')) out.emplace_back(piece);
  return out;
}

void EncodeJsonSpans(const std::vector<Span>& spans, std::string& out) {
  out.clear();
  out.push_back('[');
  char buf[32];
  for (size_t i = 0; i < spans.size(); ++i) {
    const int n =
        std::snprintf(buf, sizeof buf, "%s[%u,%u]", i > 0 ? "," : "", spans[i].begin, spans[i].end);
    out.append(buf, static_cast<size_t>(n));
  }
  out.push_back(']');
}

Result<std::vector<Span>> DecodeJsonSpans(std::string_view json) {
  std::vector<Span> out;
  JsonCursor in{json};
  auto bad = [&json]() {
    return DataLossError("span column is malformed: " + std::string(json.substr(0, 60)));
  };
  if (json.empty()) return out;
  if (!in.Expect('[')) return bad();
  if (in.Expect(']')) return out;
  do {
    Span span;
    if (!in.Expect('[') || !in.Number(span.begin) || !in.Expect(',') || !in.Number(span.end) ||
        !in.Expect(']') || span.begin > span.end) {
      return bad();
    }
    out.push_back(span);
  } while (in.Expect(','));
  if (!in.Expect(']') || !in.AtEnd()) return bad();
  return out;
}

bool IsLowerHex(std::string_view s) {
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace depeche::store
