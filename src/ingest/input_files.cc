#include "ingest/input_files.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "core/strings.h"

namespace depeche::ingest {
namespace fs = std::filesystem;
namespace {

std::string LowerExtension(const fs::path& p) { return core::AsciiLower(p.extension().string()); }

bool Readable(const std::string& ext) {
  // Not .md: a README beside a corpus is documentation, not an article.
  static const char* const kKnown[] = {".txt", ".text", ".jsonl", ".ndjson", ".html", ".htm"};
  return std::any_of(std::begin(kKnown), std::end(kKnown), [&](const char* k) { return ext == k; });
}

InputFormat FormatFor(const std::string& ext) {
  if (ext == ".jsonl" || ext == ".ndjson") return InputFormat::kJsonl;
  if (ext == ".html" || ext == ".htm") return InputFormat::kHtml;
  return InputFormat::kText;
}

int64_t SizeOf(const fs::path& p) {
  std::error_code ec;
  auto size = fs::file_size(p, ec);
  return ec ? 0 : static_cast<int64_t>(size);
}

}  // namespace

const char* FormatName(InputFormat format) {
  switch (format) {
    case InputFormat::kText:
      return "txt";
    case InputFormat::kJsonl:
      return "jsonl";
    case InputFormat::kHtml:
      return "html";
    case InputFormat::kStdinJsonl:
      return "stdin";
  }
  return "txt";
}

InputList ExpandInputs(const std::vector<std::string>& arguments) {
  InputList out;
  for (const std::string& arg : arguments) {
    if (arg == "-") {
      out.files.push_back({"-", "<stdin>", InputFormat::kStdinJsonl, 0});
      continue;
    }
    fs::path root(arg);
    std::error_code ec;
    auto status = fs::status(root, ec);
    if (ec || !fs::exists(status)) {
      out.problems.push_back({arg, "no such file or folder"});
      continue;
    }
    // Paths are shown relative to the argument's parent, so "../shared/seeds" gives
    // "seeds/000_x.txt" and a single file gives its own name.
    fs::path base = root.lexically_normal();
    if (base.has_filename() == false) base = base.parent_path();
    fs::path display_base = base.parent_path();
    if (!fs::is_directory(status)) {
      fs::path shown = base.filename();
      out.files.push_back({arg, shown.string(), FormatFor(LowerExtension(root)), SizeOf(root)});
      continue;
    }
    std::vector<fs::path> found;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      out.problems.push_back({arg, "cannot read folder: " + ec.message()});
      continue;
    }
    for (auto end = fs::recursive_directory_iterator(); it != end; it.increment(ec)) {
      if (ec) {
        out.problems.push_back({it->path().string(), "cannot read: " + ec.message()});
        break;
      }
      const fs::path& p = it->path();
      if (p.filename().string().starts_with(".")) {
        if (it->is_directory()) it.disable_recursion_pending();
        continue;
      }
      if (!it->is_regular_file()) continue;
      if (!Readable(LowerExtension(p))) {
        ++out.skipped;
        continue;
      }
      found.push_back(p);
    }
    std::sort(found.begin(), found.end());
    for (const fs::path& p : found) {
      fs::path shown = p.lexically_normal().lexically_relative(display_base);
      if (shown.empty()) shown = p.filename();
      out.files.push_back({p.string(), shown.string(), FormatFor(LowerExtension(p)), SizeOf(p)});
    }
  }
  return out;
}

}  // namespace depeche::ingest
