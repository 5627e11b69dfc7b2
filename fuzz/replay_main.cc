// Replay driver for the libFuzzer target when not building with -fsanitize=fuzzer: runs every
// file named on the command line (or found in a named folder) through LLVMFuzzerTestOneInput,
// then a few generated hostile pages. Exit status 0 when all ran (a crash fails the test);
// 1 for a missing or empty corpus, so a wrong path cannot pass silently.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

int Run(const std::string& bytes) {
  return LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}

std::vector<std::string> HostilePages() {
  std::vector<std::string> pages;
  std::string nested;
  for (int i = 0; i < 100000; ++i) nested += "<div>";
  nested += "<p>deep</p>";
  pages.push_back(nested);
  pages.push_back("<html><body><p>" + std::string(20u << 20, 'x') + "</p></body></html>");
  pages.push_back("<p>open <b><i>cross</b></i> <p <p>> </ </p <!-- <script>");
  pages.push_back("<html><script>var s = '</p><p>not text';</script><p>text</p></html>");
  pages.push_back(std::string("<meta charset=\"windows-1252\"><p>caf\xe9 \x80\x9d</p>"));
  pages.push_back(std::string("\xef\xbb\xbf<p>\xff\xfe\xc3</p>", 12));
  return pages;
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
  std::vector<std::string> hostile = HostilePages();
  for (const std::string& page : hostile) Run(page);
  std::printf("replayed %zu corpus file(s) and %zu hostile page(s)\n", files.size(),
              hostile.size());
  return 0;
}
