// libFuzzer target for the JSONL reader: any byte string goes through LineReader (as a file of
// lines) and each line through ParseJsonlRecord. Built as the real fuzzer with clang
// -DDEPECHE_FUZZ=ON, and in every developer build as a replay test over fuzz/corpus/jsonl.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/jsonl_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  // The whole input as one record, and as a file read line by line with a small limit.
  auto whole = depeche::ingest::ParseJsonlRecord(bytes);
  if (whole.ok() && whole->text.empty() && whole->html.empty()) std::abort();
  if (bytes.empty()) return 0;
  FILE* file = fmemopen(bytes.data(), bytes.size(), "r");
  if (file == nullptr) return 0;
  depeche::ingest::LineReader reader(file, 4096);
  std::string line;
  int64_t lines = 0;
  for (;;) {
    auto state = reader.Next(line);
    if (state == depeche::ingest::LineReader::State::kEnd ||
        state == depeche::ingest::LineReader::State::kError) {
      break;
    }
    if (reader.line_number() != ++lines) std::abort();
    if (state == depeche::ingest::LineReader::State::kTooLong) continue;
    if (line.size() > 4096) std::abort();
    auto record = depeche::ingest::ParseJsonlRecord(line);
    if (record.ok()) {
      volatile size_t sink = record->metadata_json.size() + record->text.size();
      (void)sink;
    }
  }
  std::fclose(file);
  return 0;
}

std::vector<std::string> FuzzReplayExtras() {
  std::vector<std::string> inputs;
  // The depths that broke the batch (2,000) and the stack (80,000) in the field.
  for (size_t depth : {63u, 64u, 65u, 2000u, 80000u, 1000000u}) {
    inputs.push_back("{\"text\":\"x\",\"extra\":" + std::string(depth, '[') +
                     std::string(depth, ']') + "}");
    inputs.push_back("{\"text\":\"x\",\"o\":" + std::string(depth, '{') + "}");
  }
  inputs.push_back("{\"text\":\"" + std::string(1u << 20, 'a') + "\"}");
  inputs.push_back(std::string("{\"text\":\"a\\u0000b\",\"title\":\"\xff\xfe\"}\n\n\r\n\0{", 39));
  inputs.push_back("{\"id\":1e999,\"text\":\"big number\"}");
  inputs.push_back("{\"id\":-0,\"text\":\"t\",\"title\":null,\"url\":[],\"x\":\"\\ud800\"}");
  return inputs;
}
