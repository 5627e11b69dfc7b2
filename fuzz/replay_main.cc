// Replay driver for a libFuzzer target when not building with -fsanitize=fuzzer: runs every
// file named on the command line (or found in a named folder) through LLVMFuzzerTestOneInput,
// then the target's generated hostile inputs (FuzzReplayExtras(), defined beside the target). Exit
// status 0 when all ran (a crash fails the test); 1 for a missing or empty corpus, so a wrong path
// cannot pass silently.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
// Inputs too large or too regular to keep as corpus files (100k nested elements, 20 MB nodes).
std::vector<std::string> FuzzReplayExtras();

namespace {

int Run(const std::string& bytes) {
  return LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}

}  // namespace

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (int i = 1; i < argc; ++i) {
    std::error_code ec;
    fs::path arg(argv[i]);
    if (fs::is_directory(arg, ec)) {
      for (const auto& entry : fs::recursive_directory_iterator(arg, ec)) {
        if (entry.is_regular_file()) files.push_back(entry.path());
      }
    } else if (fs::is_regular_file(arg, ec)) {
      files.push_back(arg);
    } else {
      std::fprintf(stderr, "no such corpus: %s\n", argv[i]);
      return 1;
    }
  }
  if (files.empty()) {
    std::fprintf(stderr, "usage: %s CORPUS_DIR_OR_FILE... (found no input)\n", argv[0]);
    return 1;
  }
  for (const fs::path& file : files) {
    std::error_code ec;
    std::string bytes(static_cast<std::size_t>(fs::file_size(file, ec)), '\0');
    std::ifstream in(file, std::ios::binary);
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (ec || !in) {
      std::fprintf(stderr, "cannot read %s\n", file.string().c_str());
      return 1;
    }
    Run(bytes);
  }
  std::vector<std::string> hostile = FuzzReplayExtras();
  for (const std::string& input : hostile) Run(input);
  std::printf("replayed %zu corpus file(s) and %zu hostile input(s)\n", files.size(),
              hostile.size());
  return 0;
}
