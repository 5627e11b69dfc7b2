#include "ingest/input_files.h"

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <system_error>
#include <utility>

#include "core/strings.h"

namespace depeche::ingest {
namespace fs = std::filesystem;
namespace {

// Folders nested deeper than this are reported instead of walked: the walk recurses.
constexpr int kMaxFolderDepth = 128;

struct NameType {
  InputFormat format = InputFormat::kText;
  bool gzip = false;
  bool known = false;  // an extension we read when walking a folder
};

NameType TypeOf(const fs::path& p) {
  NameType type;
  std::string name = core::AsciiLower(p.filename().string());
  if (name.size() > 3 && name.ends_with(".gz")) {
    type.gzip = true;
    name.resize(name.size() - 3);
  }
  std::string ext = fs::path(name).extension().string();
  // Not .md: a README beside a corpus is documentation, not an article.
  if (ext == ".jsonl" || ext == ".ndjson") {
    type.format = InputFormat::kJsonl;
    type.known = true;
  } else if (ext == ".html" || ext == ".htm") {
    type.format = InputFormat::kHtml;
    type.known = true;
  } else if (ext == ".sgm" || ext == ".sgml") {
    type.format = InputFormat::kReutersSgml;
    type.known = true;
  } else {
    type.known = ext == ".txt" || ext == ".text";
  }
  return type;
}

int64_t SizeOf(const fs::path& p) {
  std::error_code ec;
  auto size = fs::file_size(p, ec);
  return ec ? 0 : static_cast<int64_t>(size);
}

// Why a path whose status cannot be read is unusable, in words.
std::string Why(const fs::path& p, const std::error_code& ec, bool is_link) {
  if (ec == std::errc::too_many_symbolic_link_levels) return "symbolic link loop";
  if (is_link && ec == std::errc::no_such_file_or_directory) {
    std::error_code target_ec;
    fs::path target = fs::read_symlink(p, target_ec);
    return target_ec ? "broken symbolic link" : "broken symbolic link (to " + target.string() + ")";
  }
  if (ec == std::errc::no_such_file_or_directory) return "no such file or folder";
  if (ec == std::errc::permission_denied) return "permission denied";
  return "cannot read: " + ec.message();
}

// Walks one argument's folder. Every filesystem call takes an error_code: a bad entry is
// that entry's problem, never an exception.
class FolderWalker {
 public:
  FolderWalker(InputList& out, fs::path display_base)
      : out_(out), display_base_(std::move(display_base)) {}

  void Walk(const fs::path& dir, int depth) {
    if (depth > kMaxFolderDepth) {
      Problem(dir,
              "folders nested more than " + std::to_string(kMaxFolderDepth) + " deep: not read");
      return;
    }
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    if (ec) {
      Problem(dir, ec == std::errc::permission_denied ? "cannot read folder: permission denied"
                                                      : "cannot read folder: " + ec.message());
      return;
    }
    std::vector<fs::path> entries;
    for (fs::directory_iterator end; it != end; it.increment(ec)) {
      entries.push_back(it->path());
    }
    if (ec) Problem(dir, "cannot list the whole folder: " + ec.message());
    std::sort(entries.begin(), entries.end());
    for (const fs::path& p : entries) Visit(p, depth);
  }

  void Finish() {
    auto by_path = [](const InputFile& a, const InputFile& b) { return a.path < b.path; };
    std::sort(found_.begin(), found_.end(), by_path);
    for (InputFile& f : found_) out_.files.push_back(std::move(f));
  }

 private:
  void Visit(const fs::path& p, int depth) {
    if (p.filename().string().starts_with(".")) return;  // .git, editor backups
    std::error_code ec;
    fs::file_status link = fs::symlink_status(p, ec);
    if (ec) {
      Problem(p, Why(p, ec, false));
      return;
    }
    bool is_link = fs::is_symlink(link);
    fs::file_status st = is_link ? fs::status(p, ec) : link;
    if (ec) {
      Problem(p, Why(p, ec, is_link));
      return;
    }
    if (fs::is_directory(st)) {
      if (is_link) {
        Skip(p, "link to a folder: not followed");
      } else {
        Walk(p, depth + 1);
      }
      return;
    }
    if (!fs::is_regular_file(st)) {
      Skip(p, "not a regular file");
      return;
    }
    NameType type = TypeOf(p);
    if (!type.known) {
      Skip(p, "not a file type ingest reads (.txt .jsonl .ndjson .html .htm .sgm, or .gz)");
      return;
    }
    found_.push_back({p.string(), Shown(p), type.format, SizeOf(p), type.gzip});
  }

  std::string Shown(const fs::path& p) const {
    fs::path shown = p.lexically_normal().lexically_relative(display_base_);
    if (shown.empty()) shown = p.filename();
    return shown.string();
  }
  void Problem(const fs::path& p, std::string message) {
    out_.problems.push_back({Shown(p), std::move(message)});
  }
  void Skip(const fs::path& p, std::string message) {
    out_.skipped_files.push_back({Shown(p), std::move(message)});
    ++out_.skipped;
  }

  InputList& out_;
  fs::path display_base_;
  std::vector<InputFile> found_;
};

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
    case InputFormat::kReutersSgml:
      return "sgml";
  }
  return "txt";
}

std::string EscapeForDisplay(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size());
  auto hex = [&](unsigned char b) {
    out += "\\x";
    out += kHex[b >> 4];
    out += kHex[b & 0xF];
  };
  for (size_t i = 0; i < text.size();) {
    auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      if (b == '\\') {
        out += "\\\\";
      } else if (b == '\n') {
        out += "\\n";
      } else if (b == '\t') {
        out += "\\t";
      } else if (b == '\r') {
        out += "\\r";
      } else if (b < 0x20 || b == 0x7F) {
        hex(b);
      } else {
        out += static_cast<char>(b);
      }
      ++i;
      continue;
    }
    // A well-formed UTF-8 sequence (no overlongs, surrogates or values past U+10FFFF).
    size_t len = (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    uint32_t cp = len == 2 ? (b & 0x1Fu) : len == 3 ? (b & 0x0Fu) : (b & 0x07u);
    bool ok = len != 0 && i + len <= text.size();
    for (size_t k = 1; ok && k < len; ++k) {
      auto c = static_cast<unsigned char>(text[i + k]);
      ok = (c & 0xC0) == 0x80;
      cp = (cp << 6) | (c & 0x3Fu);
    }
    static constexpr uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    ok = ok && cp >= kMin[len] && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
    if (!ok) {
      hex(b);
      ++i;
      continue;
    }
    if (cp >= 0x80 && cp < 0xA0) {  // C1 controls (0x9B is a terminal's CSI)
      for (size_t k = 0; k < len; ++k) hex(static_cast<unsigned char>(text[i + k]));
    } else {
      out.append(text.substr(i, len));
    }
    i += len;
  }
  return out;
}

InputList ExpandInputs(const std::vector<std::string>& arguments) {
  InputList out;
  for (const std::string& arg : arguments) {
    if (arg == "-") {
      out.files.push_back({"-", "<stdin>", InputFormat::kStdinJsonl, 0, false});
      continue;
    }
    fs::path root(arg);
    std::error_code ec;
    fs::file_status link = fs::symlink_status(root, ec);
    bool is_link = !ec && fs::is_symlink(link);
    fs::file_status st = is_link ? fs::status(root, ec) : link;
    if (ec || !fs::exists(st)) {
      out.problems.push_back({arg, ec ? Why(root, ec, is_link) : "no such file or folder"});
      continue;
    }
    // Paths are shown relative to the argument's parent, so "../shared/seeds" gives
    // "seeds/000_x.txt" and a single file gives its own name.
    fs::path base = root.lexically_normal();
    if (base.has_filename() == false) base = base.parent_path();
    fs::path display_base = base.parent_path();
    if (!fs::is_directory(st)) {
      // Named explicitly: read whatever it is (a pipe from <(...) included); unknown
      // extensions are read as text.
      NameType type = TypeOf(root);
      out.files.push_back({arg, base.filename().string(), type.format, SizeOf(root), type.gzip});
      continue;
    }
    FolderWalker walker(out, display_base);
    walker.Walk(root, 0);
    walker.Finish();
  }
  return out;
}

}  // namespace depeche::ingest
