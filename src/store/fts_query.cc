#include "store/fts_query.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>

namespace depeche::store {

bool HasWordCharacter(std::string_view s) {
  const char* data = s.data();
  const auto n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < n) {
    auto b = static_cast<unsigned char>(data[i]);
    if (b < 0x80) {
      if ((b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')) return true;
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(data, i, n, c);
    if (c >= 0 && (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_N_MASK | U_GC_M_MASK))) return true;
  }
  return false;
}

Result<std::string> BuildFtsQuery(std::string_view free_text) {
  std::string query;
  size_t i = 0;
  while (i < free_text.size()) {
    auto is_space = [](char c) { return static_cast<unsigned char>(c) <= ' ' || c == '\x7f'; };
    while (i < free_text.size() && is_space(free_text[i])) ++i;
    size_t begin = i;
    while (i < free_text.size() && !is_space(free_text[i])) ++i;
    std::string_view piece = free_text.substr(begin, i - begin);
    if (piece.empty() || !HasWordCharacter(piece)) continue;
    if (!query.empty()) query += ' ';
    query += '"';
    for (char c : piece) {
      if (c == '"') query += '"';
      query += c;
    }
    query += '"';
  }
  if (query.empty()) {
    return InvalidArgumentError("empty search query: give at least one word");
  }
  return query;
}

}  // namespace depeche::store
