// libFuzzer target for the charset decoder: any byte string goes through DecodeToUtf8 and
// DecodeUtf16WithBom (the first byte picks a byte order mark to put in front, so both paths
// run), and the results through EscapeForDisplay. Every output must be valid UTF-8. Built as
// the real fuzzer with clang -DDEPECHE_FUZZ=ON, and as a replay test over fuzz/corpus/charset.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/charset.h"
#include "ingest/input_files.h"
#include "text/utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  depeche::ingest::DecodedText utf8 = depeche::ingest::DecodeToUtf8(bytes);
  if (!depeche::text::IsValidUtf8(utf8.text)) std::abort();
  std::string input(bytes);
  if (size > 0 && (data[0] & 3) == 1) input = std::string("\xFF\xFE", 2) + input.substr(1);
  if (size > 0 && (data[0] & 3) == 2) input = std::string("\xFE\xFF", 2) + input.substr(1);
  if (auto utf16 = depeche::ingest::DecodeUtf16WithBom(input)) {
    if (!depeche::text::IsValidUtf8(utf16->text)) std::abort();
  }
  std::string shown = depeche::ingest::EscapeForDisplay(bytes);
  if (!depeche::text::IsValidUtf8(shown)) std::abort();
  for (char c : shown) {
    if (c == '\n' || c == '\x1b' || c == '\r') std::abort();
  }
  return 0;
}

std::vector<std::string> FuzzReplayExtras() {
  std::vector<std::string> inputs;
  inputs.push_back(std::string(1u << 20, '\xE9'));
  inputs.push_back(std::string("\xFF\xFE") + std::string(100001, '\xD8'));
  inputs.push_back(std::string("\xFE\xFF\xD8\x00\xD8\x00\xDC\x00\xDC", 9));
  inputs.push_back(std::string("\xC0\x80\xED\xA0\x80\xF4\x90\x80\x80\xC2\x9B[2J", 14));
  return inputs;
}
