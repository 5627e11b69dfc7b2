// libFuzzer target for the temporal-expression tagger: the first byte picks the language (fr, en,
// es, it or de), the next four a reference day (or none), the rest is the text. Every expression
// found must lie inside the text, on character boundaries, in order and without overlap, with a
// value; the day inferred from them must lie in the window asked. Built as the real fuzzer with
// clang -DDEPECHE_FUZZ=ON, and in every developer build as a replay test over fuzz/corpus/timex.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/timex_dates.h"
#include "extract/timex_tagger.h"

namespace {

const depeche::extract::TimexTagger& Tagger() {
  static const std::unique_ptr<depeche::extract::TimexTagger> tagger = [] {
    auto made = depeche::extract::TimexTagger::Create(DEPECHE_SOURCE_DIR "/data");
    if (!made.ok()) std::abort();  // the repository's rules must load
    return std::move(made).value();
  }();
  return *tagger;
}

bool Continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 5) return 0;
  // 0 and 1 are fr and en, as in the first corpus files.
  static constexpr std::string_view kLanguages[] = {"fr", "en", "es", "it", "de"};
  const std::string_view lang = kLanguages[data[0] % 5];
  std::optional<depeche::extract::CivilDay> reference;
  if ((data[1] & 0x80) == 0) {
    reference =
        depeche::extract::CivilDay{1900 + data[1] % 200, 1 + data[2] % 12, 1 + data[3] % 28};
  }
  const std::string text(reinterpret_cast<const char*>(data) + 4, size - 4);
  const std::vector<depeche::extract::Timex> found = Tagger().Tag(text, lang, reference);
  uint32_t previous_end = 0;
  for (const depeche::extract::Timex& t : found) {
    if (t.span.begin >= t.span.end || t.span.end > text.size()) std::abort();
    if (t.span.begin < previous_end) std::abort();  // in order, no overlap
    // Valid UTF-8 text is cut on character boundaries (ill-formed text gives no expression).
    if (Continuation(text[t.span.begin]) ||
        (t.span.end < text.size() && Continuation(text[t.span.end]))) {
      std::abort();
    }
    if (t.value.empty() || t.form.empty()) std::abort();
    previous_end = t.span.end;
  }
  const std::vector<depeche::extract::Timex> unresolved = Tagger().Tag(text, lang, std::nullopt);
  const int64_t first = depeche::extract::DayNumber({2022, 1, 1});
  const int64_t last = first + data[4] % 90;
  if (auto day = depeche::extract::InferPublicationDay(unresolved, first, last)) {
    const int64_t n = depeche::extract::DayNumber(day->day);
    if (n < first || n > last) std::abort();
  }
  return 0;
}

std::vector<std::string> FuzzReplayExtras() {
  std::vector<std::string> inputs;
  // A 5-byte head (language, reference day, window) and a text, joined by append (a `+` of
  // temporaries trips GCC 12's -Wrestrict false positive).
  auto input = [&inputs](std::string_view head, std::string_view text) {
    std::string bytes(head);
    bytes.append(text);
    inputs.push_back(std::move(bytes));
  };
  const std::string_view en("\x01\x7a\x00\x11\x20", 5);  // en, a reference day, 32-day window
  input(en, std::string(50000, '1'));                    // digits everywhere
  std::string many;
  for (int i = 0; i < 500; ++i) many += "le 17 février 2022 au soir, jeudi, il y a huit ans; ";
  input(std::string_view("\x00\x7a\x03\x05\x10", 5), many);
  input(en, "Friday \xff\xfe January 21, 2022 \xc3");  // ill-formed UTF-8
  input(en, std::string_view("\x00\x00 yesterday \x00", 14));
  input(std::string_view("\x00\xff\x00\x00\x59", 5), "vendredi 31 février, 99/99/9999, 25 h 99");
  return inputs;
}
