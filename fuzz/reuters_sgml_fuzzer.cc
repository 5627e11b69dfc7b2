// libFuzzer target for the Reuters-21578 SGML reader: any byte string goes through
// ParseReutersSgml and each record through ToRawArticle; input that starts like gzip data is
// inflated first (with a limit), as `depeche ingest` does for .sgm.gz files. Built as the real
// fuzzer with clang -DDEPECHE_FUZZ=ON, and as a replay test over fuzz/corpus/sgml.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/gzip_reader.h"
#include "ingest/reuters_sgml.h"
#include "text/utf8.h"

namespace {

void Check(std::string_view sgml) {
  depeche::ingest::ReutersParse parse = depeche::ingest::ParseReutersSgml(sgml);
  int64_t last_line = 0;
  for (const auto& record : parse.records) {
    // Every field is valid UTF-8 without control characters, by contract.
    for (const std::string* field : {&record.title, &record.dateline, &record.body}) {
      if (!depeche::text::IsValidUtf8(*field)) std::abort();
    }
    if (record.line < last_line || record.id.empty()) std::abort();
    last_line = record.line;
    depeche::ingest::RawArticle raw = depeche::ingest::ToRawArticle(record);
    if (!depeche::text::IsValidUtf8(raw.metadata_json)) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (size >= 2 && data[0] == 0x1F && data[1] == 0x8B) {
    auto inflated = depeche::ingest::InflateGzip(bytes, 1 << 24);
    if (inflated.ok()) Check(*inflated);
    return 0;
  }
  Check(bytes);
  return 0;
}

std::vector<std::string> FuzzReplayExtras() {
  std::vector<std::string> inputs;
  // Sized so that a quadratic scan (each unclosed record, each '&' searching to the end of the
  // file, as before the fix) runs past the test's timeout while a linear one takes a second.
  std::string many;
  for (int i = 0; i < 200000; ++i) many += "<REUTERS NEWID=\"" + std::to_string(i) + "\">";
  inputs.push_back(many);
  inputs.push_back("<REUTERS NEWID=\"1\"><TEXT><TITLE>" + std::string(4u << 20, '&') +
                   "</TITLE></TEXT></REUTERS>");
  inputs.push_back("<REUTERS NEWID=\"1\"><TEXT>" + std::string(100000, '\x1b') +
                   "[</TEXT></REUTERS>");
  inputs.push_back(
      "<REUTERS NEWID=\"1\"><DATE>99-FEB-99999 99:99:99</DATE><TEXT>&#4294967295;&#xD800;"
      "&#1114112;&#0;&#x;&#;</TEXT></REUTERS>");
  inputs.push_back("<REUTERS NEWID=\"\"></REUTERS><REUTERS NEWID=\"2\"");
  inputs.push_back(std::string("\x1f\x8b", 2));  // a gzip header cut short
  return inputs;
}
