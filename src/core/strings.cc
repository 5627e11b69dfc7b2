#include "core/strings.h"

#include <cstdio>

namespace depeche::core {

std::string_view Trim(std::string_view s) {
  auto strip_front = [](std::string_view& v) {
    while (!v.empty()) {
      unsigned char c = static_cast<unsigned char>(v.front());
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
        v.remove_prefix(1);
      } else if (v.size() >= 2 && c == 0xC2 && static_cast<unsigned char>(v[1]) == 0xA0) {
        v.remove_prefix(2);
      } else if (v.size() >= 3 && c == 0xE2 && static_cast<unsigned char>(v[1]) == 0x80 &&
                 static_cast<unsigned char>(v[2]) == 0xAF) {
        v.remove_prefix(3);
      } else {
        break;
      }
    }
  };
  auto strip_back = [](std::string_view& v) {
    while (!v.empty()) {
      unsigned char c = static_cast<unsigned char>(v.back());
      size_t n = v.size();
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
        v.remove_suffix(1);
      } else if (n >= 2 && c == 0xA0 && static_cast<unsigned char>(v[n - 2]) == 0xC2) {
        v.remove_suffix(2);
      } else if (n >= 3 && c == 0xAF && static_cast<unsigned char>(v[n - 2]) == 0x80 &&
                 static_cast<unsigned char>(v[n - 3]) == 0xE2) {
        v.remove_suffix(3);
      } else {
        break;
      }
    }
  };
  strip_front(s);
  strip_back(s);
  return s;
}

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t pos = s.find(sep, start);
    if (pos == std::string_view::npos) {
      out.push_back(s.substr(start));
      return out;
    }
    out.push_back(s.substr(start, pos - start));
    start = pos + 1;
  }
}

std::string HumanBytes(double bytes) {
  char buf[32];
  if (bytes >= 1024.0 * 1024.0 * 1024.0) {
    std::snprintf(buf, sizeof buf, "%.1f GB", bytes / (1024.0 * 1024.0 * 1024.0));
  } else if (bytes >= 1024.0 * 1024.0) {
    std::snprintf(buf, sizeof buf, "%.1f MB", bytes / (1024.0 * 1024.0));
  } else if (bytes >= 1024.0) {
    std::snprintf(buf, sizeof buf, "%.0f KB", bytes / 1024.0);
  } else {
    std::snprintf(buf, sizeof buf, "%.0f B", bytes);
  }
  return buf;
}

}  // namespace depeche::core
